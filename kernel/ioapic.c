/*
 * I/O APICs from the MADT (register set in apicreg.h).  All pins start
 * masked; ISA interrupts are routed on request through the MADT's
 * interrupt source overrides.
 */
#include "acpi.h"
#include "apicreg.h"
#include "io.h"
#include "kernel.h"
#include "lapic.h"
#include "vmm.h"

struct ioapic {
	volatile void	*regs;
	uint32_t	 gsi_base;
	int		 npins;
};

static struct ioapic ioapics[ACPI_MAX_IOAPIC];
static int nioapic;

static uint32_t
ioapic_read(struct ioapic *io, uint32_t reg)
{
	mmio_write32(io->regs, IOAPIC_REGSEL, reg);
	return mmio_read32(io->regs, IOAPIC_WIN);
}

static void
ioapic_write(struct ioapic *io, uint32_t reg, uint32_t v)
{
	mmio_write32(io->regs, IOAPIC_REGSEL, reg);
	mmio_write32(io->regs, IOAPIC_WIN, v);
}

void
ioapic_init(void)
{
	const struct acpi_info *ai = acpi_info();
	struct ioapic *io;
	int i, pin;

	for (i = 0; i < ai->nioapic; i++) {
		io = &ioapics[nioapic++];
		io->regs = vmm_map_mmio(ai->ioapic[i].address, IOAPIC_MMIO_SIZE);
		io->gsi_base = ai->ioapic[i].gsi_base;
		io->npins = IOAPIC_VER_MAXREDIR(ioapic_read(io,
		    IOAPIC_REG_VER)) + 1;
		for (pin = 0; pin < io->npins; pin++) {
			ioapic_write(io, IOAPIC_REG_REDTBL(pin) + 1, 0);
			ioapic_write(io, IOAPIC_REG_REDTBL(pin),
			    IOAPIC_RED_MASKED);
		}
		kprintf("ioapic: id %u at %#lx, GSIs %u-%u, all masked\n",
		    ai->ioapic[i].id, ai->ioapic[i].address, io->gsi_base,
		    io->gsi_base + io->npins - 1);
	}
}

static struct ioapic *
find_gsi(uint32_t gsi, int *pin)
{
	int i;

	for (i = 0; i < nioapic; i++) {
		if (gsi >= ioapics[i].gsi_base &&
		    gsi < ioapics[i].gsi_base + (uint32_t)ioapics[i].npins) {
			*pin = (int)(gsi - ioapics[i].gsi_base);
			return &ioapics[i];
		}
	}
	return NULL;
}

/* Routes ISA IRQ irq to vector on this CPU; returns the GSI or an error. */
int
ioapic_route_isa(uint8_t irq, int vector)
{
	struct ioapic *io;
	uint16_t flags;
	uint32_t gsi, lo;
	int pin;

	gsi = acpi_isa_irq_to_gsi(irq, &flags);
	io = find_gsi(gsi, &pin);
	if (io == NULL)
		return -KERR_NODEV;
	/* ISA defaults are edge/active high; the override may say else. */
	lo = (uint32_t)vector;
	if ((flags & MPS_POLARITY_MASK) == MPS_POLARITY_LOW)
		lo |= IOAPIC_RED_ACTIVELOW;
	if ((flags & MPS_TRIGGER_MASK) == MPS_TRIGGER_LEVEL)
		lo |= IOAPIC_RED_LEVEL;
	ioapic_write(io, IOAPIC_REG_REDTBL(pin) + 1,
	    lapic_id() << (IOAPIC_RED_DEST_SHIFT - 32));
	ioapic_write(io, IOAPIC_REG_REDTBL(pin), lo);
	return (int)gsi;
}

void
ioapic_mask_isa(uint8_t irq)
{
	struct ioapic *io;
	uint16_t flags;
	int pin;

	io = find_gsi(acpi_isa_irq_to_gsi(irq, &flags), &pin);
	if (io != NULL)
		ioapic_write(io, IOAPIC_REG_REDTBL(pin), IOAPIC_RED_MASKED);
}

int
ioapic_count(void)
{
	return nioapic;
}

int
ioapic_pins(int i)
{
	return ioapics[i].npins;
}

/*
 * MSI and MSI-X: vector allocation, programming, masking (capability
 * layouts in pcireg.h, message format in apicreg.h).  Every message targets
 * the boot CPU's local APIC with fixed delivery, edge triggered.
 */
#include "apicreg.h"
#include "idt.h"
#include "io.h"
#include "kernel.h"
#include "lapic.h"
#include "pci.h"
#include "pcireg.h"

static uint32_t
msi_address(void)
{
	return MSI_ADDR_BASE | lapic_id() << MSI_ADDR_DEST_SHIFT;
}

static void
intx_off(struct pci_dev *d)
{
	pci_cfg_write16(d, PCI_COMMAND, pci_cfg_read16(d, PCI_COMMAND) |
	    PCI_COMMAND_INTX_DISABLE);
}

/*
 * Gives the function one MSI vector bound to fn; returns the vector or a
 * negative error (-KERR_NODEV: no MSI capability).
 */
int
pci_msi_enable(struct pci_dev *d, void (*fn)(void *, int), void *arg)
{
	uint16_t cap = d->cap_msi, ctl;
	int v;

	if (cap == 0)
		return -KERR_NODEV;
	v = vector_alloc(fn, arg);
	if (v < 0)
		return v;
	ctl = pci_cfg_read16(d, cap + PCI_MSI_FLAGS);
	/* One message: multiple message enable = 0 (2^0 vectors). */
	ctl &= ~(PCI_MSI_FLAGS_QSIZE | PCI_MSI_FLAGS_ENABLE);
	pci_cfg_write16(d, cap + PCI_MSI_FLAGS, ctl);
	pci_cfg_write32(d, cap + PCI_MSI_ADDR_LO, msi_address());
	if (ctl & PCI_MSI_FLAGS_64BIT) {
		pci_cfg_write32(d, cap + PCI_MSI_ADDR_HI, 0);
		pci_cfg_write16(d, cap + PCI_MSI_DATA_64, MSI_DATA_VECTOR(v));
		if (ctl & PCI_MSI_FLAGS_MASKBIT)
			pci_cfg_write32(d, cap + PCI_MSI_MASK_64, 0);
	} else {
		pci_cfg_write16(d, cap + PCI_MSI_DATA_32, MSI_DATA_VECTOR(v));
		if (ctl & PCI_MSI_FLAGS_MASKBIT)
			pci_cfg_write32(d, cap + PCI_MSI_MASK_32, 0);
	}
	intx_off(d);
	pci_cfg_write16(d, cap + PCI_MSI_FLAGS, ctl | PCI_MSI_FLAGS_ENABLE);
	d->irq_mode = PCI_IRQ_MSI;
	d->msi_vector = v;
	return v;
}

/*
 * Enables MSI-X with every table entry masked; entries are then bound one
 * by one with pci_msix_bind().  Returns the table size or a negative error.
 */
int
pci_msix_enable(struct pci_dev *d)
{
	uint16_t cap = d->cap_msix, ctl;
	uint32_t tbl;
	int bir, i;

	if (cap == 0)
		return -KERR_NODEV;
	ctl = pci_cfg_read16(d, cap + PCI_MSIX_FLAGS);
	tbl = pci_cfg_read32(d, cap + PCI_MSIX_TABLE);
	bir = (int)(tbl & PCI_MSIX_BIR_MASK);
	if (bir > 5 || d->bar[bir].kind == PCI_BAR_NONE ||
	    d->bar[bir].kind == PCI_BAR_KIND_IO)
		return -KERR_INVAL;
	d->msix_size = (ctl & PCI_MSIX_FLAGS_QSIZE) + 1;
	if (d->bar[bir].map == NULL && pci_map_bar(d, bir, VMM_UC) == NULL)
		return -KERR_NODEV;
	d->msix_table = (volatile uint8_t *)d->bar[bir].map +
	    (tbl & PCI_MSIX_OFFSET_MASK);
	pci_enable(d, 0);
	/* Function-masked while the table is written (PCI 3.0, 6.8.2.3). */
	pci_cfg_write16(d, cap + PCI_MSIX_FLAGS, ctl | PCI_MSIX_FLAGS_ENABLE |
	    PCI_MSIX_FLAGS_MASKALL);
	for (i = 0; i < d->msix_size; i++)
		mmio_write32(d->msix_table, (uint64_t)i * PCI_MSIX_ENTRY_SIZE +
		    PCI_MSIX_ENTRY_CTRL, PCI_MSIX_ENTRY_CTRL_MASK);
	intx_off(d);
	pci_cfg_write16(d, cap + PCI_MSIX_FLAGS,
	    (ctl | PCI_MSIX_FLAGS_ENABLE) & ~PCI_MSIX_FLAGS_MASKALL);
	d->irq_mode = PCI_IRQ_MSIX;
	return d->msix_size;
}

/* Points table entry `entry` at a new vector bound to fn and unmasks it. */
int
pci_msix_bind(struct pci_dev *d, int entry, void (*fn)(void *, int), void *arg)
{
	uint64_t e = (uint64_t)entry * PCI_MSIX_ENTRY_SIZE;
	int v;

	if (d->irq_mode != PCI_IRQ_MSIX || entry < 0 || entry >= d->msix_size)
		return -KERR_INVAL;
	v = vector_alloc(fn, arg);
	if (v < 0)
		return v;
	pci_msix_mask(d, entry, 1);
	mmio_write32(d->msix_table, e + PCI_MSIX_ENTRY_ADDR_LO, msi_address());
	mmio_write32(d->msix_table, e + PCI_MSIX_ENTRY_ADDR_HI, 0);
	mmio_write32(d->msix_table, e + PCI_MSIX_ENTRY_DATA, MSI_DATA_VECTOR(v));
	pci_msix_mask(d, entry, 0);
	return v;
}

void
pci_msix_mask(struct pci_dev *d, int entry, int masked)
{
	uint64_t off = (uint64_t)entry * PCI_MSIX_ENTRY_SIZE +
	    PCI_MSIX_ENTRY_CTRL;
	uint32_t ctrl = mmio_read32(d->msix_table, off);

	if (masked)
		ctrl |= PCI_MSIX_ENTRY_CTRL_MASK;
	else
		ctrl &= ~PCI_MSIX_ENTRY_CTRL_MASK;
	mmio_write32(d->msix_table, off, ctrl);
}

/* The pending bit of an entry: set while masked and the device fired. */
int
pci_msix_pending(struct pci_dev *d, int entry)
{
	uint32_t pba = pci_cfg_read32(d, d->cap_msix + PCI_MSIX_PBA);
	int bir = (int)(pba & PCI_MSIX_BIR_MASK);
	volatile uint8_t *p;

	if (d->bar[bir].map == NULL && pci_map_bar(d, bir, VMM_UC) == NULL)
		return -KERR_NODEV;
	p = (volatile uint8_t *)d->bar[bir].map + (pba & PCI_MSIX_OFFSET_MASK);
	return (int)((mmio_read64(p, (uint64_t)(entry / 64) * 8) >>
	    (entry % 64)) & 1);
}

/* Turns MSI / MSI-X delivery off again (driver teardown). */
void
pci_irq_disable(struct pci_dev *d)
{
	if (d->irq_mode == PCI_IRQ_MSI) {
		pci_cfg_write16(d, d->cap_msi + PCI_MSI_FLAGS,
		    pci_cfg_read16(d, d->cap_msi + PCI_MSI_FLAGS) &
		    ~PCI_MSI_FLAGS_ENABLE);
		vector_free(d->msi_vector);
	} else if (d->irq_mode == PCI_IRQ_MSIX) {
		pci_cfg_write16(d, d->cap_msix + PCI_MSIX_FLAGS,
		    pci_cfg_read16(d, d->cap_msix + PCI_MSIX_FLAGS) &
		    ~PCI_MSIX_FLAGS_ENABLE);
	}
	d->irq_mode = d->int_pin != 0 ? PCI_IRQ_INTX : PCI_IRQ_NONE;
}

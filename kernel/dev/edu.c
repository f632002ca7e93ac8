/*
 * QEMU edu device driver (registers in edureg.h): identification, one MSI
 * vector, and DMA between RAM and the device's 4 KiB buffer, completed by
 * the DMA-done interrupt (edu.rst, "DMA controller").
 */
#include "dev/edu.h"
#include "dev/edureg.h"
#include "dma.h"
#include "io.h"
#include "kernel.h"
#include "pci.h"

static void
edu_irq(void *arg, int vector)
{
	struct edu *e = arg;
	uint32_t st = mmio_read32(e->regs, EDU_IRQ_STATUS);

	(void)vector;
	e->last_status = st;
	/* edu.rst: the ISR must acknowledge even under MSI. */
	mmio_write32(e->regs, EDU_IRQ_ACK, st);
	e->irqs++;
}

/* Opens the nth edu device; returns 0 or a negative error. */
int
edu_open(struct edu *e, int nth)
{
	uint32_t id;
	int v;

	memset(e, 0, sizeof(*e));
	e->pci = pci_find(EDU_VENDOR, EDU_DEVICE, nth);
	if (e->pci == NULL)
		return -KERR_NODEV;
	e->regs = pci_map_bar(e->pci, EDU_BAR, VMM_UC);
	if (e->regs == NULL)
		return -KERR_NODEV;
	pci_enable(e->pci, 1);
	id = mmio_read32(e->regs, EDU_IDENT);
	if (EDU_IDENT_MAGIC(id) != EDU_IDENT_MAGIC_VAL) {
		kprintf("edu: bad identification %#x\n", id);
		return -KERR_NODEV;
	}
	dma_set_mask(e->pci, EDU_DMA_MASK);
	v = pci_msi_enable(e->pci, edu_irq, e);
	if (v < 0)
		return v;
	e->vector = v;
	return 0;
}

/*
 * One DMA transfer between bus address `bus` and device offset dev_off
 * (within EDU_DMA_BUF), completed by the device's MSI.  Returns 0, or
 * -KERR_TIMEDOUT when neither the interrupt nor completion came.
 */
int
edu_dma(struct edu *e, int to_ram, uint64_t bus, uint32_t dev_off,
    uint32_t len, uint64_t timeout_ms)
{
	uint64_t end, seen = e->irqs;
	uint64_t dev = EDU_DMA_BUF + dev_off;

	if (dev_off + len > EDU_DMA_BUF_SIZE || len == 0)
		return -KERR_INVAL;	/* the model aborts QEMU otherwise */
	mmio_write64(e->regs, EDU_DMA_SRC, to_ram ? dev : bus);
	mmio_write64(e->regs, EDU_DMA_DST, to_ram ? bus : dev);
	mmio_write64(e->regs, EDU_DMA_COUNT, len);
	mmio_write64(e->regs, EDU_DMA_CMD, EDU_DMA_CMD_START | EDU_DMA_CMD_IRQ |
	    (to_ram ? EDU_DMA_CMD_TO_RAM : 0));
	end = time_ns() + timeout_ms * 1000000ULL;
	while (e->irqs == seen) {
		if (time_ns() > end) {
			kprintf("edu: timeout waiting for the DMA-done MSI "
			    "(vector %#x): DMA_CMD %#lx, IRQ status %#x\n",
			    e->vector, mmio_read64(e->regs, EDU_DMA_CMD),
			    mmio_read32(e->regs, EDU_IRQ_STATUS));
			return -KERR_TIMEDOUT;
		}
		__asm__ volatile("hlt");	/* the timer wakes us too */
	}
	if (mmio_read64(e->regs, EDU_DMA_CMD) & EDU_DMA_CMD_START) {
		kprintf("edu: MSI came but DMA_CMD still busy\n");
		return -KERR_IO;
	}
	return 0;
}

void
edu_close(struct edu *e)
{
	if (e->pci != NULL)
		pci_irq_disable(e->pci);
	memset(e, 0, sizeof(*e));
}

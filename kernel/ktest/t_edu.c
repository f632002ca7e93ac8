/* QEMU edu: a DMA round trip RAM -> device -> RAM, completed by MSI. */
#include "dev/edu.h"
#include "dev/edureg.h"
#include "dma.h"
#include "iommu.h"
#include "ktest/ktest.h"
#include "pci.h"

#define XFER	1024

static void
fill(uint8_t *p, size_t n, uint64_t seed)
{
	uint64_t x = seed | 1;
	size_t i;

	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		p[i] = (uint8_t)x;
	}
}

int
t_edu_dma_msi(void)
{
	struct edu e;
	struct dma_mem m;
	uint8_t *buf;
	uint64_t irqs;
	int err;

	err = edu_open(&e, 0);
	if (err == -KERR_NODEV && pci_find(EDU_VENDOR, EDU_DEVICE, 0) == NULL)
		return KT_SKIP;
	KT_CHECK(err == 0, "edu_open: %d", err);
	KT_CHECK(e.pci->irq_mode == PCI_IRQ_MSI, "edu not in MSI mode");
	KT_CHECK(dma_alloc_coherent(e.pci, 2 * XFER, &m) == 0, "no DMA memory");
	KT_CHECK(m.bus + m.size - 1 <= EDU_DMA_MASK, "bus address %#lx beyond "
	    "the 28-bit DMA mask", m.bus);
	buf = m.cpu;
	fill(buf, XFER, ktest_seed());
	memset(buf + XFER, 0, XFER);
	irqs = e.irqs;

	KT_CHECK(edu_dma(&e, 0, m.bus, 0, XFER, KT_WAIT_MS) == 0,
	    "RAM -> edu");
	KT_CHECK(e.last_status == EDU_DMA_IRQ_VALUE, "IRQ status %#x",
	    e.last_status);
	KT_CHECK(edu_dma(&e, 1, m.bus + XFER, 0, XFER, KT_WAIT_MS) == 0,
	    "edu -> RAM");
	KT_CHECK(e.irqs == irqs + 2, "%lu MSIs for 2 transfers", e.irqs - irqs);
	KT_CHECK(memcmp(buf, buf + XFER, XFER) == 0,
	    "data differs after the round trip");
	kprintf("ktest:   %d bytes RAM %#lx -> edu -> RAM %#lx (bus %#lx), "
	    "%lu MSIs on vector %#x\n", XFER, m.pa, m.pa + XFER, m.bus,
	    e.irqs - irqs, e.vector);
	dma_free_coherent(e.pci, &m);
	edu_close(&e);
	return KT_PASS;
}

/*
 * The DMA mask (edu: 28 bits): with identity mapping a buffer above it is
 * refused, since the device could not reach it; with VT-d the same buffer
 * gets an IOVA below the mask.  Nothing is transferred.
 */
int
t_dma_mask(void)
{
	struct pci_dev *d = pci_find(EDU_VENDOR, EDU_DEVICE, 0);
	uint64_t high = EDU_DMA_MASK + 1 + PAGE_SIZE, bus;
	int err;

	if (d == NULL)
		return KT_SKIP;
	KT_CHECK(dma_set_mask(d, EDU_DMA_MASK) == 0, "dma_set_mask");
	err = dma_map(d, high, PAGE_SIZE, DMA_TO_DEVICE, &bus);
	if (!iommu_enabled()) {
		KT_CHECK(err == -KERR_INVAL && bus == 0, "identity map of %#lx "
		    "beyond the mask: err %d bus %#lx", high, err, bus);
		return KT_PASS;
	}
	KT_CHECK(err == 0, "IOMMU map of %#lx: %d", high, err);
	KT_CHECK(bus + PAGE_SIZE - 1 <= EDU_DMA_MASK && bus != high,
	    "IOVA %#lx for phys %#lx", bus, high);
	dma_unmap(d, bus, PAGE_SIZE);
	return KT_PASS;
}

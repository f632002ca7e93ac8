/* QEMU edu: a DMA round trip RAM -> device -> RAM, completed by MSI. */
#include "dev/edu.h"
#include "dev/edureg.h"
#include "dma.h"
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

	KT_CHECK(edu_dma(&e, 0, m.bus, 0, XFER, 2000) == 0, "RAM -> edu");
	KT_CHECK(e.last_status == EDU_DMA_IRQ_VALUE, "IRQ status %#x",
	    e.last_status);
	KT_CHECK(edu_dma(&e, 1, m.bus + XFER, 0, XFER, 2000) == 0,
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

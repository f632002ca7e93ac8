/*
 * VT-d with QEMU's intel-iommu: edu DMA to a mapped IOVA works; after the
 * unmap the same DMA is blocked, RAM stays untouched, and the fault is
 * reported with edu's requester ID and the IOVA.
 */
#include "dev/edu.h"
#include "dev/edureg.h"
#include "dma.h"
#include "iommu.h"
#include "ktest/ktest.h"
#include "pci.h"
#include "vtdreg.h"

#define XFER	256

static int
open_edu(struct edu *e)
{
	int err;

	if (!iommu_enabled() || pci_find(EDU_VENDOR, EDU_DEVICE, 0) == NULL)
		return KT_SKIP;
	err = edu_open(e, 0);
	KT_CHECK(err == 0, "edu_open: %d", err);
	return KT_PASS;
}

int
t_iommu_mapped(void)
{
	struct edu e;
	struct dma_mem m;
	uint8_t *p;
	int r, i;

	if ((r = open_edu(&e)) != KT_PASS)
		return r;
	KT_CHECK(dma_alloc_coherent(e.pci, PAGE_SIZE, &m) == 0, "no DMA memory");
	KT_CHECK(e.pci->domain != NULL, "edu has no IOMMU domain");
	KT_CHECK(m.bus != m.pa, "IOVA %#lx equals the physical address", m.bus);
	p = m.cpu;
	for (i = 0; i < XFER; i++)
		p[i] = (uint8_t)(ktest_seed() + (uint64_t)i * 7);
	KT_CHECK(edu_dma(&e, 0, m.bus, 0, XFER, KT_WAIT_MS) == 0,
	    "RAM -> edu");
	KT_CHECK(edu_dma(&e, 1, m.bus + XFER, 0, XFER, KT_WAIT_MS) == 0,
	    "edu -> RAM");
	KT_CHECK(memcmp(p, p + XFER, XFER) == 0, "round trip through IOVA "
	    "%#lx (phys %#lx) lost data", m.bus, m.pa);
	kprintf("ktest:   round trip through IOVA %#lx -> phys %#lx\n", m.bus,
	    m.pa);
	dma_free_coherent(e.pci, &m);
	edu_close(&e);
	return KT_PASS;
}

int
t_iommu_fault(void)
{
	struct iommu_fault f;
	struct edu e;
	uint64_t pa, iova, irqs;
	uint8_t *p;
	int r, i;

	if ((r = open_edu(&e)) != KT_PASS)
		return r;
	while (iommu_take_fault(&f))
		;	/* start from a clean record */
	pa = pmm_alloc_pages(1, 0);
	KT_CHECK(pa != 0, "no page");
	p = (uint8_t *)pa;
	for (i = 0; i < XFER; i++)
		p[i] = (uint8_t)(i ^ 0x5a);
	KT_CHECK(dma_map(e.pci, pa, PAGE_SIZE, DMA_BIDIR, &iova) == 0, "map");
	KT_CHECK(edu_dma(&e, 0, iova, 0, XFER, KT_WAIT_MS) == 0,
	    "mapped RAM -> edu");
	KT_CHECK(!iommu_take_fault(&f), "fault on a mapped IOVA %#lx", f.addr);
	dma_unmap(e.pci, iova, PAGE_SIZE);

	/* The device now writes its buffer back to the unmapped IOVA. */
	memset(p, 0xee, XFER);
	irqs = iommu_fault_irqs();
	KT_CHECK(edu_dma(&e, 1, iova, 0, XFER, KT_WAIT_MS) == 0,
	    "edu -> unmapped");
	KT_CHECK(iommu_take_fault(&f), "no fault reported for the write to "
	    "unmapped IOVA %#lx", iova);
	KT_CHECK(f.source == pci_requester_id(e.pci), "fault source %#x, edu "
	    "is %#x", f.source, pci_requester_id(e.pci));
	KT_CHECK(f.addr == ALIGN_DOWN(iova, PAGE_SIZE), "fault address %#lx",
	    f.addr);
	KT_CHECK(!f.is_read && f.reason == VTD_FR_WRITE, "fault read=%d "
	    "reason %#x", f.is_read, f.reason);
	for (i = 0; i < XFER; i++)
		KT_CHECK(p[i] == 0xee, "RAM byte %d changed to %#x by a blocked "
		    "DMA", i, p[i]);
	KT_CHECK(iommu_fault_irqs() > irqs, "no fault-event interrupt");

	/* A read from an IOVA that was never mapped is blocked too. */
	KT_CHECK(edu_dma(&e, 0, 0x0ff00000, 0, XFER, KT_WAIT_MS) == 0,
	    "never-mapped -> edu");
	KT_CHECK(iommu_take_fault(&f) && f.is_read && f.reason == VTD_FR_READ &&
	    f.addr == 0x0ff00000, "read fault: read=%d reason %#x addr %#lx",
	    f.is_read, f.reason, f.addr);
	pmm_free_pages(pa, 1);
	edu_close(&e);
	return KT_PASS;
}

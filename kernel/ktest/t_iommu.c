/*
 * VT-d with QEMU's intel-iommu: edu DMA to a mapped IOVA works; after the
 * unmap the same DMA is blocked, RAM stays untouched, and the fault is
 * reported with edu's requester ID and the IOVA.
 */
#include "dev/edu.h"
#include "dev/edureg.h"
#include "dev/nvmereg.h"
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

/*
 * Isolation between devices: a page mapped in the NVMe controller's domain
 * only is out of edu's reach; edu's write there is blocked and reported
 * with edu's requester ID.
 */
#define ISOLATION_IOVA	0x0e000000ULL	/* below edu's mask, above its IOVAs */

int
t_iommu_isolation(void)
{
	struct pci_dev *other = NULL, *d;
	struct iommu_fault f;
	struct edu e;
	uint64_t pa, bus;
	uint8_t *p;
	int r, i;

	if ((r = open_edu(&e)) != KT_PASS)
		return r;
	for (i = 0; (d = pci_get(i)) != NULL; i++)
		if (d->class == NVME_CLASS && d->subclass == NVME_SUBCLASS)
			other = d;
	if (other == NULL) {
		edu_close(&e);
		return KT_SKIP;
	}
	while (iommu_take_fault(&f))
		;
	pa = pmm_alloc_pages(1, 0);
	KT_CHECK(pa != 0, "no page");
	p = (uint8_t *)pa;
	memset(p, 0x3c, XFER);
	/* The DMA API attaches the other device to a domain of its own. */
	KT_CHECK(dma_map(other, pa, PAGE_SIZE, DMA_BIDIR, &bus) == 0, "map");
	KT_CHECK(other->domain != NULL && other->domain != e.pci->domain,
	    "devices share a domain");
	KT_CHECK(iommu_map_at(other->domain, ISOLATION_IOVA, pa, PAGE_SIZE,
	    DMA_BIDIR) == 0, "map at %#llx", ISOLATION_IOVA);
	KT_CHECK(edu_dma(&e, 1, ISOLATION_IOVA, 0, XFER, KT_WAIT_MS) == 0,
	    "edu -> other device's IOVA");
	KT_CHECK(iommu_take_fault(&f), "edu reached %02x:%02x.%x's page "
	    "without a fault", other->bus, other->dev, other->fn);
	KT_CHECK(f.source == pci_requester_id(e.pci) &&
	    f.addr == ISOLATION_IOVA && !f.is_read, "fault source %#x addr "
	    "%#lx read=%d", f.source, f.addr, f.is_read);
	for (i = 0; i < XFER; i++)
		KT_CHECK(p[i] == 0x3c, "byte %d of the other device's page "
		    "changed", i);
	iommu_unmap(other->domain, ISOLATION_IOVA, PAGE_SIZE);
	dma_unmap(other, bus, PAGE_SIZE);
	pmm_free_pages(pa, 1);
	edu_close(&e);
	return KT_PASS;
}

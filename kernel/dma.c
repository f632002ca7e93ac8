/*
 * The DMA API over the two translation modes.  Identity: a buffer must lie
 * below the device's DMA mask, so coherent memory is allocated there.
 * VT-d: memory may be anywhere; the IOVA is allocated below the mask.
 */
#include "dma.h"
#include "iommu.h"
#include "kernel.h"
#include "pci.h"

/* Returns the device's IOMMU domain, attaching it on first use. */
static struct iommu_domain *
domain_of(struct pci_dev *d)
{
	if (d->domain == NULL && iommu_enabled())
		d->domain = iommu_attach(d);
	return d->domain;
}

int
dma_set_mask(struct pci_dev *d, uint64_t mask)
{
	if (mask < 0xffffff)
		return -KERR_INVAL;	/* below 16 MiB nothing useful fits */
	d->dma_mask = mask;
	return 0;
}

static int
map_aligned(struct pci_dev *d, uint64_t pa, size_t size, int dir,
    uint64_t align, uint64_t *bus)
{
	struct iommu_domain *dom = domain_of(d);

	*bus = 0;
	if (size == 0)
		return -KERR_INVAL;
	if (dom != NULL)
		return iommu_map(dom, pa, size, dir, d->dma_mask, align, bus);
	if (pa + size - 1 > d->dma_mask)
		return -KERR_INVAL;	/* no bounce buffers: caller's job */
	*bus = pa;
	return 0;
}

int
dma_map(struct pci_dev *d, uint64_t pa, size_t size, int dir, uint64_t *bus)
{
	return map_aligned(d, pa, size, dir, PAGE_SIZE, bus);
}

void
dma_unmap(struct pci_dev *d, uint64_t bus, size_t size)
{
	if (d->domain != NULL)
		iommu_unmap(d->domain, bus, size);
}

int
dma_alloc_coherent(struct pci_dev *d, size_t size, struct dma_mem *m)
{
	return dma_alloc_aligned(d, size, PAGE_SIZE, m);
}

/*
 * Zeroed memory whose CPU and bus addresses are both multiples of align
 * (a power of two; at least a page is always given).
 */
int
dma_alloc_aligned(struct pci_dev *d, size_t size, size_t align,
    struct dma_mem *m)
{
	uint64_t npages = ALIGN_UP(size, PAGE_SIZE) / PAGE_SIZE, below, pa;
	int err;

	memset(m, 0, sizeof(*m));
	if (align < PAGE_SIZE)
		align = PAGE_SIZE;
	if ((align & (align - 1)) != 0 || size == 0)
		return -KERR_INVAL;
	below = domain_of(d) != NULL || d->dma_mask == ~0ULL ? 0 :
	    d->dma_mask + 1;
	pa = pmm_alloc_aligned(npages, align / PAGE_SIZE, below);
	if (pa == 0)
		return -KERR_NOMEM;
	err = map_aligned(d, pa, npages * PAGE_SIZE, DMA_BIDIR, align, &m->bus);
	if (err != 0) {
		pmm_free_pages(pa, npages);
		return err;
	}
	/* RAM is mapped write-back 1:1; x86 DMA snoops, so it is coherent. */
	m->cpu = (void *)pa;
	m->pa = pa;
	m->size = npages * PAGE_SIZE;
	return 0;
}

void
dma_free_coherent(struct pci_dev *d, struct dma_mem *m)
{
	if (m->cpu == NULL)
		return;
	dma_unmap(d, m->bus, m->size);
	pmm_free_pages(m->pa, m->size / PAGE_SIZE);
	memset(m, 0, sizeof(*m));
}

/*
 * Memory the driver itself owns: kernel buffers in VRAM (from the VRAM
 * range allocator clients share) or in system pages mapped through the
 * GART, and the write-back slots the engines report through.
 * GART page-table format: gmc_v10_0.c / amdgpu_gart.c; flags as
 * amdgpu_ttm.c gives kernel GTT pages (include/amd/vm_pte.h).
 */
#include "amd/vm_pte.h"
#include "amdgpu.h"

#define GART_PTE_FLAGS	(PTE_VALID | PTE_SYSTEM | PTE_SNOOPED | PTE_READABLE | \
			 PTE_WRITEABLE | PTE_EXECUTABLE | PTE_MTYPE_UC)
#define WB_SLOT_BYTES	32	/* amdgpu_wb: 256-bit slots */
#define WB_SLOTS	256

static uint64_t
align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

/* The top 64 KiB hold the discovery table: keep the last 1 MiB out. */
int
mem_init(struct gpu_device *dev)
{
	return range_init(&dev->vram, 0, dev->vram_size - (1u << 20));
}

void
mem_fini(struct gpu_device *dev)
{
	range_fini(&dev->vram);
}

static int
vram_alloc(struct gpu_device *dev, uint64_t size, uint64_t align, struct kbo *bo)
{
	uint64_t at;
	int rc = range_get(&dev->vram, size, align, &at);

	if (rc != 0)
		return rc;
	bo->vram_off = at;
	bo->cpu = dev->vram_cpu + at;
	bo->gpu = dev->vram_start + at;
	return 0;
}

static int
gart_find(struct gpu_device *dev, uint64_t npages, uint64_t align_pages, uint64_t *first)
{
	uint64_t total = dev->gart_size >> 12;

	for (uint64_t p = 0; p + npages <= total; p += align_pages) {
		uint64_t i;

		for (i = 0; i < npages; i++)
			if (dev->gart_map[(p + i) >> 3] & (1u << ((p + i) & 7)))
				break;
		if (i == npages) {
			*first = p;
			return 0;
		}
	}
	return -GPU_ENOSPC;
}

static void
gart_mark(struct gpu_device *dev, uint64_t first, uint64_t npages, bool used)
{
	for (uint64_t p = first; p < first + npages; p++) {
		if (used)
			dev->gart_map[p >> 3] |= (uint8_t)(1u << (p & 7));
		else
			dev->gart_map[p >> 3] &= (uint8_t)~(1u << (p & 7));
	}
}

static int
gtt_alloc(struct gpu_device *dev, uint64_t size, uint64_t align, struct kbo *bo)
{
	uint64_t first, npages = size >> 12;
	int rc;

	if (dev->gart_ptes == NULL)
		return -GPU_ENODEV;
	rc = os_dma_alloc(dev->os, size, 4096, &bo->dma);
	if (rc != 0)
		return rc;
	rc = gart_find(dev, npages, align > 4096 ? align >> 12 : 1, &first);
	if (rc != 0) {
		os_dma_free(dev->os, &bo->dma);
		return rc;
	}
	gart_mark(dev, first, npages, true);
	for (uint64_t i = 0; i < npages; i++)
		dev->gart_ptes[first + i] = ((bo->dma.bus + (i << 12)) & PTE_ADDR_MASK) |
		    GART_PTE_FLAGS;
	bo->gart_off = first << 12;
	bo->gpu = dev->gart_start + bo->gart_off;
	bo->cpu = bo->dma.cpu;
	hdp_flush(dev);
	gmc_v10_flush_tlb(dev, 0);
	return 0;
}

/* Like kbo_alloc, but VRAM is handed out as it is: for buffers the
 * hardware owns or the driver overwrites whole (the PSP's TMR). */
int
kbo_alloc_raw(struct gpu_device *dev, uint64_t size, uint64_t align,
    enum kbo_domain domain, struct kbo *bo)
{
	int rc;

	memset(bo, 0, sizeof(*bo));
	if (size == 0 || (align & (align - 1)) != 0)
		return -GPU_EINVAL;
	size = align_up(size, 4096);
	if (align < 4096)
		align = 4096;
	os_mutex_lock(dev->mem_lock);
	rc = domain == KBO_VRAM ? vram_alloc(dev, size, align, bo) :
	    gtt_alloc(dev, size, align, bo);
	os_mutex_unlock(dev->mem_lock);
	if (rc != 0)
		return gpu_error(dev, rc, "cannot allocate %llu KiB of %s for the driver",
		    (unsigned long long)(size >> 10), domain == KBO_VRAM ? "VRAM" : "GTT");
	bo->domain = domain;
	bo->size = size;
	return 0;
}

/* A cleared kernel buffer (system pages arrive cleared from the OS). */
int
kbo_alloc(struct gpu_device *dev, uint64_t size, uint64_t align,
    enum kbo_domain domain, struct kbo *bo)
{
	int rc = kbo_alloc_raw(dev, size, align, domain, bo);

	if (rc == 0 && domain == KBO_VRAM)
		memset(bo->cpu, 0, bo->size);
	return rc;
}

void
kbo_free(struct gpu_device *dev, struct kbo *bo)
{
	if (bo->size == 0)
		return;
	os_mutex_lock(dev->mem_lock);
	if (bo->domain == KBO_GTT) {
		uint64_t first = bo->gart_off >> 12, n = bo->size >> 12;

		for (uint64_t i = 0; i < n; i++)
			dev->gart_ptes[first + i] = 0;
		gart_mark(dev, first, n, false);
		hdp_flush(dev);
		gmc_v10_flush_tlb(dev, 0);
		os_dma_free(dev->os, &bo->dma);
	} else {
		range_put(&dev->vram, bo->vram_off, bo->size);
	}
	os_mutex_unlock(dev->mem_lock);
	memset(bo, 0, sizeof(*bo));
}

int
wb_get(struct gpu_device *dev, struct wb_slot *s)
{
	int rc = -GPU_ENOSPC;

	os_mutex_lock(dev->mem_lock);
	for (unsigned i = 0; i < WB_SLOTS && dev->wb.size != 0; i++) {
		if (dev->wb_used[i / 32] & (1u << (i % 32)))
			continue;
		dev->wb_used[i / 32] |= 1u << (i % 32);
		s->index = i;
		s->cpu = (volatile uint32_t *)((uint8_t *)dev->wb.cpu + i * WB_SLOT_BYTES);
		s->gpu = dev->wb.gpu + i * WB_SLOT_BYTES;
		*s->cpu = 0;
		rc = 0;
		break;
	}
	os_mutex_unlock(dev->mem_lock);
	if (rc != 0)
		return gpu_error(dev, rc, "out of write-back slots");
	return 0;
}

void
wb_put(struct gpu_device *dev, struct wb_slot *s)
{
	if (s->cpu == NULL)
		return;
	os_mutex_lock(dev->mem_lock);
	dev->wb_used[s->index / 32] &= ~(1u << (s->index % 32));
	os_mutex_unlock(dev->mem_lock);
	s->cpu = NULL;
}

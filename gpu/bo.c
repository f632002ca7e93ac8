/*
 * Buffer objects: VRAM (all of it CPU-visible through BAR0, as with
 * resizable BAR) or GTT (system pages, CPU-cached and snooped).  A BO lives
 * while anything references it: its handles in any client, its VM mappings,
 * and mappings whose unmap waits for in-flight work.
 */
#include "amd/vm_pte.h"
#include "client.h"

#define BO_ALIGN	(64u << 10)	/* VRAM BOs: 64 KiB, so 64 KiB fragments apply */

static void
bo_release(struct gpu_bo *bo)
{
	struct gpu_device *dev = bo->dev;

	export_remove(dev, bo);
	if (bo->domain == GPU_DOMAIN_VRAM) {
		os_mutex_lock(dev->mem_lock);
		range_put(&dev->vram, bo->vram_off, bo->size);
		os_mutex_unlock(dev->mem_lock);
	} else {
		os_dma_free(dev->os, &bo->dma);
	}
	os_free(bo);
}

void
bo_ref(struct gpu_bo *bo)
{
	bo->refs++;
}

void
bo_unref(struct gpu_bo *bo)
{
	if (--bo->refs == 0)
		bo_release(bo);
}

uint64_t
bo_page_addr(const struct gpu_bo *bo, uint64_t off, uint64_t *flags)
{
	if (bo->domain == GPU_DOMAIN_VRAM) {
		*flags = PTE_MTYPE_NC;
		return bo->vram_off + off;
	}
	*flags = PTE_SYSTEM | PTE_SNOOPED | PTE_MTYPE_NC;
	return bo->dma.bus + off;
}

static int
bo_alloc_mem(struct gpu_device *dev, struct gpu_bo *bo)
{
	int rc;

	if (bo->domain == GPU_DOMAIN_VRAM) {
		os_mutex_lock(dev->mem_lock);
		rc = range_get(&dev->vram, bo->size, BO_ALIGN, &bo->vram_off);
		os_mutex_unlock(dev->mem_lock);
		if (rc != 0)
			return -GPU_ENOMEM;
		bo->cpu = dev->vram_cpu + bo->vram_off;
		memset(bo->cpu, 0, bo->size);
		return 0;
	}
	rc = os_dma_alloc(dev->os, bo->size, GPU_PAGE_SIZE, &bo->dma);
	if (rc != 0)
		return -GPU_ENOMEM;
	bo->cpu = bo->dma.cpu;
	return 0;
}

int
gpu_bo_create(struct gpu_client *c, uint64_t size, uint32_t domain,
    uint32_t flags, gpu_handle *out)
{
	struct gpu_device *dev = c->dev;
	struct gpu_bo *bo;
	int rc;

	*out = 0;
	if (size == 0 || size > GPU_BO_MAX_SIZE ||
	    (domain != GPU_DOMAIN_VRAM && domain != GPU_DOMAIN_GTT) ||
	    (flags & ~GPU_BO_FLAGS_ALL) != 0)
		return -GPU_EINVAL;
	bo = os_zalloc(sizeof(*bo));
	if (bo == NULL)
		return -GPU_ENOMEM;
	bo->dev = dev;
	bo->size = (size + GPU_PAGE_SIZE - 1) & ~(uint64_t)(GPU_PAGE_SIZE - 1);
	bo->domain = domain;
	bo->flags = flags;
	bo->refs = 1;
	rc = bo_alloc_mem(dev, bo);
	if (rc != 0) {
		os_free(bo);
		GPU_DBG(dev, "bo_create: no room for %llu KiB of %s",
		    (unsigned long long)(size >> 10),
		    domain == GPU_DOMAIN_VRAM ? "VRAM" : "GTT");
		return rc;
	}
	os_mutex_lock(dev->api_lock);
	rc = handle_new(c, OBJ_BO, bo, out);
	if (rc != 0)
		bo_unref(bo);
	os_mutex_unlock(dev->api_lock);
	return rc;
}

int
gpu_bo_free(struct gpu_client *c, gpu_handle h)
{
	struct gpu_bo *bo;

	os_mutex_lock(c->dev->api_lock);
	bo = handle_get(c, h, OBJ_BO);
	if (bo != NULL) {
		handle_drop(c, h);
		bo_unref(bo);
	}
	os_mutex_unlock(c->dev->api_lock);
	return bo != NULL ? 0 : -GPU_EBADF;
}

int
gpu_bo_map(struct gpu_client *c, gpu_handle h, void **cpu)
{
	struct gpu_bo *bo;

	*cpu = NULL;
	os_mutex_lock(c->dev->api_lock);
	bo = handle_get(c, h, OBJ_BO);
	if (bo != NULL) {
		bo->maps++;
		*cpu = bo->cpu;
	}
	os_mutex_unlock(c->dev->api_lock);
	return bo != NULL ? 0 : -GPU_EBADF;
}

int
gpu_bo_unmap(struct gpu_client *c, gpu_handle h)
{
	struct gpu_bo *bo;
	int rc = -GPU_EBADF;

	os_mutex_lock(c->dev->api_lock);
	bo = handle_get(c, h, OBJ_BO);
	if (bo != NULL && bo->maps == 0) {
		rc = -GPU_EINVAL;
	} else if (bo != NULL) {
		bo->maps--;
		rc = 0;
	}
	os_mutex_unlock(c->dev->api_lock);
	return rc;
}

int
gpu_bo_query(struct gpu_client *c, gpu_handle h, struct gpu_bo_info *info)
{
	struct gpu_bo *bo;

	os_mutex_lock(c->dev->api_lock);
	bo = handle_get(c, h, OBJ_BO);
	if (bo != NULL) {
		info->size = bo->size;
		info->domain = bo->domain;
		info->flags = bo->flags;
		info->phys = bo->domain == GPU_DOMAIN_VRAM ? bo->vram_off : bo->dma.bus;
	}
	os_mutex_unlock(c->dev->api_lock);
	return bo != NULL ? 0 : -GPU_EBADF;
}

int
gpu_bo_export(struct gpu_client *c, gpu_handle h, uint64_t *token)
{
	int rc;

	os_mutex_lock(c->dev->api_lock);
	rc = export_token(c, h, OBJ_BO, offsetof(struct gpu_bo, token), token);
	os_mutex_unlock(c->dev->api_lock);
	return rc;
}

int
gpu_bo_import(struct gpu_client *c, uint64_t token, gpu_handle *out)
{
	struct gpu_bo *bo;
	int rc = -GPU_ENOENT;

	*out = 0;
	os_mutex_lock(c->dev->api_lock);
	bo = export_find(c->dev, token, OBJ_BO);
	if (bo != NULL) {
		rc = handle_new(c, OBJ_BO, bo, out);
		if (rc == 0)
			bo_ref(bo);
	}
	os_mutex_unlock(c->dev->api_lock);
	return rc;
}

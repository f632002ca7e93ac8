/*
 * GEM objects: AMDGPU_GEM_CREATE / MMAP / VA / WAIT_IDLE / METADATA / OP /
 * USERPTR, DRM GEM_CLOSE and PRIME, as Linux's amdgpu_gem.c and
 * drm_gem.c / drm_prime.c serve them, on GPU API buffer objects.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <drm.h>
#include <amdgpu_drm.h>

#include "bridge.h"

extern _Atomic uint64_t bridge_vram_usage, bridge_gtt_usage;

static void map_drop_handle(struct bfile *, uint32_t handle);

struct bgem *
bridge_gem_get(struct bfile *f, uint32_t handle)
{
	struct bgem *g;

	pthread_mutex_lock(&f->lock);
	g = htab_get(&f->gems, handle);
	pthread_mutex_unlock(&f->lock);
	return g;
}

/* The node's mmap offset space: one 4 GiB window per handle, as the
 * kernel hands out a fake page-aligned offset per object. */
uint64_t
bridge_gem_mmap_offset(uint32_t handle)
{
	return (uint64_t)handle << 32;
}

int
bridge_gem_cpu(struct bfile *f, uint32_t handle, void **cpu)
{
	struct bgem *g;
	int rc = 0;

	*cpu = NULL;
	pthread_mutex_lock(&f->lock);
	g = htab_get(&f->gems, handle);
	if (g == NULL)
		rc = -ENOENT;
	else if (g->cpu == NULL)
		rc = bridge_errno(gpu_bo_map(f->client, g->bo, &g->cpu));
	if (rc == 0)
		*cpu = g->cpu;
	pthread_mutex_unlock(&f->lock);
	return rc;
}

static _Atomic uint64_t *
usage_of(const struct bgem *g)
{
	return g->domains & AMDGPU_GEM_DOMAIN_VRAM ? &bridge_vram_usage : &bridge_gtt_usage;
}

static int
gem_add(struct bfile *f, gpu_handle bo, uint64_t size, uint32_t domains, uint64_t flags,
    uint32_t *handle)
{
	struct bgem *g = calloc(1, sizeof(*g));

	*handle = 0;
	if (g == NULL)
		return -ENOMEM;
	g->bo = bo;
	g->size = size;
	g->domains = domains;
	g->flags = flags;
	pthread_mutex_lock(&f->lock);
	*handle = htab_add(&f->gems, g);
	pthread_mutex_unlock(&f->lock);
	if (*handle == 0) {
		free(g);
		return -ENOMEM;
	}
	atomic_fetch_add(usage_of(g), size);
	return 0;
}

int
bridge_gem_create(struct bfile *f, void *arg)
{
	union drm_amdgpu_gem_create *a = arg;
	uint64_t size = a->in.bo_size, domains = a->in.domains, flags = a->in.domain_flags;
	uint32_t domain, gflags = GPU_BO_CPU_ACCESS, handle;
	gpu_handle bo;
	int rc;

	if (domains & (AMDGPU_GEM_DOMAIN_GDS | AMDGPU_GEM_DOMAIN_GWS | AMDGPU_GEM_DOMAIN_OA)) {
		bridge_log_once("AMDGPU_GEM_CREATE domain (GDS/GWS/OA)", (unsigned long)domains);
		return -EINVAL;
	}
	/* VRAM wins when both are allowed (amdgpu_bo_placement_from_domain
	 * tries VRAM first); CPU-only is GTT here, the API has no
	 * unmapped-system-memory domain. */
	domain = domains & AMDGPU_GEM_DOMAIN_VRAM ? GPU_DOMAIN_VRAM : GPU_DOMAIN_GTT;
	if (domain == GPU_DOMAIN_GTT && (flags & AMDGPU_GEM_CREATE_CPU_GTT_USWC))
		gflags |= GPU_BO_WC;
	if (size == 0)
		return -EINVAL;
	size = (size + GPU_PAGE_SIZE - 1) & ~(uint64_t)(GPU_PAGE_SIZE - 1);
	rc = gpu_bo_create(f->client, size, domain, gflags, &bo);
	if (rc != 0)
		return bridge_errno(rc);
	rc = gem_add(f, bo, size, domain == GPU_DOMAIN_VRAM ? AMDGPU_GEM_DOMAIN_VRAM :
	    AMDGPU_GEM_DOMAIN_GTT, flags, &handle);
	if (rc != 0) {
		gpu_bo_free(f->client, bo);
		return rc;
	}
	memset(a, 0, sizeof(*a));
	a->out.handle = handle;
	return 0;
}

int
bridge_gem_close(struct bfile *f, void *arg)
{
	struct drm_gem_close *a = arg;
	struct bgem *g;

	pthread_mutex_lock(&f->lock);
	g = htab_del(&f->gems, a->handle);
	if (g != NULL)
		map_drop_handle(f, a->handle);
	pthread_mutex_unlock(&f->lock);
	if (g == NULL)
		return -EINVAL;
	if (g->cpu != NULL)
		gpu_bo_unmap(f->client, g->bo);
	/* The API keeps the memory until queued work is done with it. */
	gpu_bo_free(f->client, g->bo);
	atomic_fetch_sub(usage_of(g), g->size);
	free(g);
	return 0;
}

int
bridge_gem_mmap(struct bfile *f, void *arg)
{
	union drm_amdgpu_gem_mmap *a = arg;
	uint32_t handle = a->in.handle;

	if (bridge_gem_get(f, handle) == NULL)
		return -ENOENT;
	memset(a, 0, sizeof(*a));
	a->out.addr_ptr = bridge_gem_mmap_offset(handle);
	return 0;
}

/*
 * GEM_VA: the file keeps its VM's mappings (f->maps), as the kernel keeps
 * amdgpu_bo_va_mapping intervals, because CLEAR and REPLACE act on every
 * mapping inside a range and the API unmaps only whole mappings: a mapping
 * cut by the range is unmapped and its remainders mapped again.
 *
 * A PRT mapping (AMDGPU_VM_PAGE_PRT, no BO) reserves a range for sparse
 * resources: on the GPU, reads return zero and writes are dropped.  The
 * API has no such mapping yet, so the range is only recorded; a shader
 * touching it faults instead (see docs/bridge.md).
 *
 * f->lock is held from lookup to the API calls, so the table and the VM
 * agree.
 */
static int
map_add(struct bfile *f, const struct bmap *m)
{
	struct bmap *n = realloc(f->maps, (f->nmaps + 1) * sizeof(*f->maps));

	if (n == NULL)
		return -ENOMEM;
	f->maps = n;
	f->maps[f->nmaps++] = *m;
	return 0;
}

/* Map m in the API (unless PRT) and record it. */
static int
map_insert(struct bfile *f, const struct bmap *m)
{
	struct bgem *g = NULL;
	int rc;

	if (m->handle != 0) {
		g = htab_get(&f->gems, m->handle);
		if (g == NULL)
			return -ENOENT;
		rc = bridge_errno(gpu_vm_map(f->client, g->bo, m->offset, m->va, m->size,
		    m->perms));
		if (rc != 0)
			return rc;
	}
	rc = map_add(f, m);
	if (rc != 0 && g != NULL)
		gpu_vm_unmap(f->client, m->va, m->size);
	return rc;
}

/* Unmap the i-th mapping and forget it. */
static void
map_remove(struct bfile *f, uint32_t i)
{
	if (f->maps[i].handle != 0)
		(void)gpu_vm_unmap(f->client, f->maps[i].va, f->maps[i].size);
	f->maps[i] = f->maps[--f->nmaps];
}

/*
 * Linux amdgpu_vm.c amdgpu_vm_bo_clear_mappings: every mapping inside
 * [va, va + size) goes; one that starts before or ends after the range
 * keeps its head [start, va) and tail [va + size, end), the tail's BO
 * offset moved on by what was cut.  Between the unmap and the remap of a
 * remainder its pages are briefly unmapped (the kernel rewrites the page
 * tables in one update); RADV's sparse binding waits for the queue first.
 */
static int
map_clear(struct bfile *f, uint64_t va, uint64_t size)
{
	uint64_t end = va + size;
	uint32_t i = 0;
	int rc = 0;

	while (i < f->nmaps) {
		struct bmap m = f->maps[i], head = m, tail = m;
		uint64_t mend = m.va + m.size;

		if (mend <= va || m.va >= end) {
			i++;
			continue;
		}
		map_remove(f, i);	/* moves the last one into i */
		if (m.va < va) {
			head.size = va - m.va;
			if (map_insert(f, &head) != 0)
				rc = -ENOMEM;
		}
		if (mend > end) {
			tail.va = end;
			tail.size = mend - end;
			tail.offset = m.offset + (end - m.va);
			if (map_insert(f, &tail) != 0)
				rc = -ENOMEM;
		}
	}
	return rc;
}

/* GEM_CLOSE: Linux amdgpu_gem_object_close -> amdgpu_vm_bo_del removes
 * the BO's mappings from the file's VM.  f->lock held. */
static void
map_drop_handle(struct bfile *f, uint32_t handle)
{
	uint32_t i = 0;

	while (i < f->nmaps) {
		if (f->maps[i].handle == handle)
			map_remove(f, i);
		else
			i++;
	}
}

int
bridge_gem_va(struct bfile *f, void *arg)
{
	struct drm_amdgpu_gem_va *a = arg;
	struct bmap m = { .va = a->va_address, .size = a->map_size,
	    .offset = a->offset_in_bo, .handle = a->handle };
	uint32_t op = a->operation;
	struct bgem *g;
	int rc = 0;

	/* amdgpu_gem_va_ioctl: page-aligned, inside the VM. */
	if ((a->va_address | a->offset_in_bo | a->map_size) & (GPU_PAGE_SIZE - 1))
		return -EINVAL;
	if (a->map_size == 0 || a->va_address + a->map_size < a->va_address)
		return -EINVAL;
	if (a->flags & AMDGPU_VM_PAGE_READABLE)
		m.perms |= GPU_VM_READ;
	if (a->flags & AMDGPU_VM_PAGE_WRITEABLE)
		m.perms |= GPU_VM_WRITE;
	if (a->flags & AMDGPU_VM_PAGE_EXECUTABLE)
		m.perms |= GPU_VM_EXEC;
	if (m.perms == 0)
		m.perms = GPU_VM_READ;
	if (op != AMDGPU_VA_OP_MAP && op != AMDGPU_VA_OP_UNMAP && op != AMDGPU_VA_OP_CLEAR &&
	    op != AMDGPU_VA_OP_REPLACE) {
		bridge_log_once("AMDGPU_GEM_VA operation", op);
		return -EINVAL;
	}
	pthread_mutex_lock(&f->lock);
	/* The kernel looks the BO up for every operation but CLEAR and PRT. */
	if (op == AMDGPU_VA_OP_CLEAR || (a->flags & AMDGPU_VM_PAGE_PRT)) {
		m.handle = 0;
	} else {
		g = htab_get(&f->gems, m.handle);
		if (g == NULL)
			rc = -ENOENT;
		else if ((op == AMDGPU_VA_OP_MAP || op == AMDGPU_VA_OP_REPLACE) &&
		    m.offset + m.size > g->size)
			rc = -EINVAL;
	}
	if (rc == 0) {
		switch (op) {
		case AMDGPU_VA_OP_MAP:
			rc = map_insert(f, &m);
			break;
		case AMDGPU_VA_OP_UNMAP:
			/* amdgpu_vm_bo_unmap: the BO's mapping starting at va. */
			rc = -ENOENT;
			for (uint32_t i = 0; i < f->nmaps; i++) {
				if (f->maps[i].va == m.va && f->maps[i].handle == m.handle) {
					map_remove(f, i);
					rc = 0;
					break;
				}
			}
			break;
		case AMDGPU_VA_OP_CLEAR:
			rc = map_clear(f, m.va, m.size);
			break;
		case AMDGPU_VA_OP_REPLACE:
			/* amdgpu_vm_bo_replace_map: clear the range, then map. */
			rc = map_clear(f, m.va, m.size);
			if (rc == 0)
				rc = map_insert(f, &m);
			break;
		}
	}
	pthread_mutex_unlock(&f->lock);
	return rc;
}

int
bridge_gem_wait_idle(struct bfile *f, void *arg)
{
	union drm_amdgpu_gem_wait_idle *a = arg;
	uint64_t left = bridge_timeout_left((int64_t)a->in.timeout);
	uint32_t handle = a->in.handle;
	int rc;

	if (bridge_gem_get(f, handle) == NULL)
		return -ENOENT;
	/* The API does not track which job uses which BO: wait until all of
	 * this file's work is done (a superset of the BO's). */
	rc = bridge_wait_file_idle(f, left);
	memset(a, 0, sizeof(*a));
	if (rc == -ETIME) {
		a->out.status = 1;	/* busy */
		return 0;
	}
	return rc;
}

int
bridge_gem_metadata(struct bfile *f, void *arg)
{
	struct drm_amdgpu_gem_metadata *a = arg;
	struct bgem *g;
	int rc = 0;

	pthread_mutex_lock(&f->lock);
	g = htab_get(&f->gems, a->handle);
	if (g == NULL) {
		rc = -ENOENT;
	} else if (a->op == AMDGPU_GEM_METADATA_OP_SET_METADATA) {
		if (a->data.data_size_bytes > sizeof(g->umd)) {
			rc = -EINVAL;
		} else {
			g->tiling_info = a->data.tiling_info;
			g->umd_size = a->data.data_size_bytes;
			memcpy(g->umd, a->data.data, g->umd_size);
		}
	} else if (a->op == AMDGPU_GEM_METADATA_OP_GET_METADATA) {
		a->data.tiling_info = g->tiling_info;
		a->data.data_size_bytes = g->umd_size;
		memcpy(a->data.data, g->umd, g->umd_size);
	} else {
		rc = -EINVAL;
	}
	pthread_mutex_unlock(&f->lock);
	return rc;
}

int
bridge_gem_op(struct bfile *f, void *arg)
{
	struct drm_amdgpu_gem_op *a = arg;
	struct drm_amdgpu_gem_create_in info;
	struct bgem *g = bridge_gem_get(f, a->handle);

	if (g == NULL)
		return -ENOENT;
	switch (a->op) {
	case AMDGPU_GEM_OP_GET_GEM_CREATE_INFO:
		memset(&info, 0, sizeof(info));
		info.bo_size = g->size;
		info.alignment = GPU_PAGE_SIZE;
		info.domains = g->domains;
		info.domain_flags = g->flags;
		memcpy((void *)(uintptr_t)a->value, &info, sizeof(info));
		return 0;
	case AMDGPU_GEM_OP_SET_PLACEMENT:
		/* BOs never move: accept the domain they are in. */
		return a->value & g->domains ? 0 : -EINVAL;
	default:
		return -EINVAL;
	}
}

int
bridge_gem_userptr(struct bfile *f, void *arg)
{
	(void)f;
	(void)arg;
	/* A BO must live in device memory the model can reach; wrapping
	 * arbitrary process memory needs an API call that does not exist. */
	bridge_log_once("AMDGPU_GEM_USERPTR", 0);
	return -EINVAL;
}

/* --- PRIME: a BO as an fd (a memfd carrying the API's export token) -------- */

#define PRIME_MAGIC	0x4d47505250524d45ull	/* "EMRPRPGM" */

int
bridge_prime_handle_to_fd(struct bfile *f, void *arg)
{
	struct drm_prime_handle *a = arg;
	struct bgem *g = bridge_gem_get(f, a->handle);
	uint64_t token;
	int fd, rc;

	if (g == NULL)
		return -ENOENT;
	rc = gpu_bo_export(f->client, g->bo, &token);
	if (rc != 0)
		return bridge_errno(rc);
	fd = token_fd_new("metalgpu-prime", (a->flags & DRM_CLOEXEC) != 0,
	    PRIME_MAGIC, token, g->size);
	if (fd < 0)
		return fd;
	a->fd = fd;
	return 0;
}

int
bridge_prime_fd_to_handle(struct bfile *f, void *arg)
{
	struct drm_prime_handle *a = arg;
	uint64_t token, size;
	gpu_handle bo;
	uint32_t handle;
	int rc;

	if (token_fd_read(a->fd, PRIME_MAGIC, &token, &size) != 0)
		return -EINVAL;
	rc = gpu_bo_import(f->client, token, &bo);
	if (rc != 0)
		return bridge_errno(rc);
	rc = gem_add(f, bo, size, AMDGPU_GEM_DOMAIN_VRAM, 0, &handle);
	if (rc != 0) {
		gpu_bo_free(f->client, bo);
		return rc;
	}
	a->handle = handle;
	return 0;
}

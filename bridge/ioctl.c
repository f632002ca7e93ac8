/*
 * bridge_ioctl(): the ioctl entry of a node fd, as drm_ioctl() in Linux's
 * drivers/gpu/drm/drm_ioctl.c: find the handler by the request's number,
 * copy the user's struct into a zeroed buffer the size of ours (a caller
 * built against another header version may pass a shorter or longer one),
 * run the handler, copy back.  Numbers and layouts: drm.h, amdgpu_drm.h.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

#include <drm.h>
#include <amdgpu_drm.h>

#include "bridge.h"

/* Linux's amdgpu KMS version (drivers/gpu/drm/amd/amdgpu/amdgpu_drv.c,
 * KMS_DRIVER_MAJOR/MINOR); 3.58 as in the kernel the facts sheet cites. */
#define BRIDGE_DRM_MAJOR	3
#define BRIDGE_DRM_MINOR	58
#define BRIDGE_DRM_PATCH	0

static int
copy_string(char *dst, __kernel_size_t *len, const char *src)
{
	size_t n = strlen(src);

	/* drm_copy_field: copy up to the user's length, report the full one. */
	if (dst != NULL && *len > 0)
		memcpy(dst, src, n < *len ? n : *len);
	*len = n;
	return 0;
}

static int
drm_version(struct bfile *f, void *arg)
{
	struct drm_version *v = arg;

	(void)f;
	v->version_major = BRIDGE_DRM_MAJOR;
	v->version_minor = BRIDGE_DRM_MINOR;
	v->version_patchlevel = BRIDGE_DRM_PATCH;
	copy_string(v->name, &v->name_len, "amdgpu");
	copy_string(v->date, &v->date_len, "20150101");
	copy_string(v->desc, &v->desc_len, "AMD GPU (libradv-metal on the MetalOS GPU API)");
	return 0;
}

/* drm_getcap in drm_ioctl.c, for a render node of a driver with
 * DRIVER_SYNCOBJ | DRIVER_SYNCOBJ_TIMELINE and PRIME. */
static int
drm_get_cap(struct bfile *f, void *arg)
{
	struct drm_get_cap *c = arg;

	(void)f;
	switch (c->capability) {
	case DRM_CAP_TIMESTAMP_MONOTONIC:
	case DRM_CAP_SYNCOBJ:
	case DRM_CAP_SYNCOBJ_TIMELINE:
		c->value = 1;
		return 0;
	case DRM_CAP_ADDFB2_MODIFIERS:
		/* amdgpu_display.c: gfx9+ display supports format modifiers. */
		c->value = 1;
		return 0;
	case DRM_CAP_PRIME:
		c->value = DRM_PRIME_CAP_IMPORT | DRM_PRIME_CAP_EXPORT;
		return 0;
	default:
		/* Mode-setting caps: a render node has none. */
		bridge_log_once("DRM_IOCTL_GET_CAP capability", (unsigned long)c->capability);
		return -EINVAL;
	}
}

typedef int handler_fn(struct bfile *, void *);

struct ioctl_desc {
	const char *name;
	handler_fn *fn;
	unsigned size;		/* our struct's size */
};

#define CORE(nr, fn, type)	[nr] = { #nr, fn, sizeof(type) }

/* Generic DRM ioctls (drm.h), by number. */
static const struct ioctl_desc core_ioctls[DRM_COMMAND_BASE] = {
	CORE(0x00, drm_version, struct drm_version),
	CORE(0x09, bridge_gem_close, struct drm_gem_close),
	CORE(0x0c, drm_get_cap, struct drm_get_cap),
	CORE(0x2d, bridge_prime_handle_to_fd, struct drm_prime_handle),
	CORE(0x2e, bridge_prime_fd_to_handle, struct drm_prime_handle),
};

static const struct ioctl_desc syncobj_ioctls[] = {
	/* 0xBF.. in drm.h */
	{ "SYNCOBJ_CREATE", bridge_syncobj_create, sizeof(struct drm_syncobj_create) },
	{ "SYNCOBJ_DESTROY", bridge_syncobj_destroy, sizeof(struct drm_syncobj_destroy) },
	{ "SYNCOBJ_HANDLE_TO_FD", bridge_syncobj_handle_to_fd, sizeof(struct drm_syncobj_handle) },
	{ "SYNCOBJ_FD_TO_HANDLE", bridge_syncobj_fd_to_handle, sizeof(struct drm_syncobj_handle) },
	{ "SYNCOBJ_WAIT", bridge_syncobj_wait, sizeof(struct drm_syncobj_wait) },
	{ "SYNCOBJ_RESET", bridge_syncobj_reset, sizeof(struct drm_syncobj_array) },
	{ "SYNCOBJ_SIGNAL", bridge_syncobj_signal, sizeof(struct drm_syncobj_array) },
	{ NULL, NULL, 0 },	/* 0xC6 MODE_CREATE_LEASE */
	{ NULL, NULL, 0 },	/* 0xC7 MODE_LIST_LESSEES */
	{ NULL, NULL, 0 },	/* 0xC8 MODE_GET_LEASE */
	{ NULL, NULL, 0 },	/* 0xC9 MODE_REVOKE_LEASE */
	{ "SYNCOBJ_TIMELINE_WAIT", bridge_syncobj_timeline_wait,
	    sizeof(struct drm_syncobj_timeline_wait) },
	{ "SYNCOBJ_QUERY", bridge_syncobj_query, sizeof(struct drm_syncobj_timeline_array) },
	{ "SYNCOBJ_TRANSFER", bridge_syncobj_transfer, sizeof(struct drm_syncobj_transfer) },
	{ "SYNCOBJ_TIMELINE_SIGNAL", bridge_syncobj_timeline_signal,
	    sizeof(struct drm_syncobj_timeline_array) },
};
#define SYNCOBJ_FIRST	0xBF

/* amdgpu ioctls, DRM_COMMAND_BASE + DRM_AMDGPU_* (amdgpu_drm.h). */
static const struct ioctl_desc amdgpu_ioctls[] = {
	[DRM_AMDGPU_GEM_CREATE] = { "AMDGPU_GEM_CREATE", bridge_gem_create,
	    sizeof(union drm_amdgpu_gem_create) },
	[DRM_AMDGPU_GEM_MMAP] = { "AMDGPU_GEM_MMAP", bridge_gem_mmap,
	    sizeof(union drm_amdgpu_gem_mmap) },
	[DRM_AMDGPU_CTX] = { "AMDGPU_CTX", bridge_ctx, sizeof(union drm_amdgpu_ctx) },
	[DRM_AMDGPU_BO_LIST] = { "AMDGPU_BO_LIST", bridge_bo_list,
	    sizeof(union drm_amdgpu_bo_list) },
	[DRM_AMDGPU_CS] = { "AMDGPU_CS", bridge_cs, sizeof(union drm_amdgpu_cs) },
	[DRM_AMDGPU_INFO] = { "AMDGPU_INFO", bridge_info, sizeof(struct drm_amdgpu_info) },
	[DRM_AMDGPU_GEM_METADATA] = { "AMDGPU_GEM_METADATA", bridge_gem_metadata,
	    sizeof(struct drm_amdgpu_gem_metadata) },
	[DRM_AMDGPU_GEM_WAIT_IDLE] = { "AMDGPU_GEM_WAIT_IDLE", bridge_gem_wait_idle,
	    sizeof(union drm_amdgpu_gem_wait_idle) },
	[DRM_AMDGPU_GEM_VA] = { "AMDGPU_GEM_VA", bridge_gem_va, sizeof(struct drm_amdgpu_gem_va) },
	[DRM_AMDGPU_WAIT_CS] = { "AMDGPU_WAIT_CS", bridge_wait_cs,
	    sizeof(union drm_amdgpu_wait_cs) },
	[DRM_AMDGPU_GEM_OP] = { "AMDGPU_GEM_OP", bridge_gem_op, sizeof(struct drm_amdgpu_gem_op) },
	[DRM_AMDGPU_GEM_USERPTR] = { "AMDGPU_GEM_USERPTR", bridge_gem_userptr,
	    sizeof(struct drm_amdgpu_gem_userptr) },
	[DRM_AMDGPU_WAIT_FENCES] = { "AMDGPU_WAIT_FENCES", bridge_wait_fences,
	    sizeof(union drm_amdgpu_wait_fences) },
	[DRM_AMDGPU_VM] = { "AMDGPU_VM", bridge_vm, sizeof(union drm_amdgpu_vm) },
	[DRM_AMDGPU_FENCE_TO_HANDLE] = { "AMDGPU_FENCE_TO_HANDLE", bridge_fence_to_handle,
	    sizeof(union drm_amdgpu_fence_to_handle) },
};

static const struct ioctl_desc *
find_ioctl(unsigned nr)
{
	if (nr < DRM_COMMAND_BASE)
		return core_ioctls[nr].fn != NULL ? &core_ioctls[nr] : NULL;
	if (nr >= DRM_COMMAND_BASE &&
	    nr - DRM_COMMAND_BASE < sizeof(amdgpu_ioctls) / sizeof(amdgpu_ioctls[0]))
		return amdgpu_ioctls[nr - DRM_COMMAND_BASE].fn != NULL ?
		    &amdgpu_ioctls[nr - DRM_COMMAND_BASE] : NULL;
	if (nr >= SYNCOBJ_FIRST &&
	    nr - SYNCOBJ_FIRST < sizeof(syncobj_ioctls) / sizeof(syncobj_ioctls[0]))
		return syncobj_ioctls[nr - SYNCOBJ_FIRST].fn != NULL ?
		    &syncobj_ioctls[nr - SYNCOBJ_FIRST] : NULL;
	return NULL;
}

int
bridge_ioctl(int fd, unsigned long request, void *arg)
{
	/* Large enough for every struct above (drm_amdgpu_cs and friends are
	 * a few dozen bytes; drm_version is the largest at 64). */
	union { uint64_t align; unsigned char b[256]; } kbuf;
	unsigned nr = _IOC_NR(request), usize = _IOC_SIZE(request);
	const struct ioctl_desc *d;
	struct bfile *f;
	int rc;

	f = bridge_file(fd);
	if (f == NULL)
		return -ENOTTY;
	if (_IOC_TYPE(request) != DRM_IOCTL_BASE) {
		bridge_log_once("ioctl with a non-DRM type, request", request);
		return -EINVAL;
	}
	d = find_ioctl(nr);
	if (d == NULL) {
		bridge_log_once("DRM ioctl number", nr);
		return -EINVAL;
	}
	if (d->size > sizeof(kbuf) || usize > sizeof(kbuf)) {
		bridge_log("%s: struct of %u bytes is larger than the bridge expects",
		    d->name, usize);
		return -EINVAL;
	}
	memset(&kbuf, 0, sizeof(kbuf));
	if ((_IOC_DIR(request) & _IOC_WRITE) && usize > 0) {
		if (arg == NULL)
			return -EFAULT;
		memcpy(kbuf.b, arg, usize);
	}
	rc = d->fn(f, kbuf.b);
	/* drm_ioctl copies the struct back whatever the handler returned. */
	if ((_IOC_DIR(request) & _IOC_READ) && usize > 0)
		memcpy(arg, kbuf.b, usize);
	return rc;
}

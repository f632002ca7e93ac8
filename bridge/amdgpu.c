/*
 * libdrm_amdgpu.so.1: the amdgpu.h calls RADV imports, built on the
 * bridge's ioctls exactly as libdrm 2.4.114's amdgpu/ directory builds
 * them on the kernel's (amdgpu_device.c, amdgpu_gpu_info.c, amdgpu_bo.c,
 * amdgpu_cs.c, amdgpu_vamgr.c, amdgpu_asic_id.c).
 *
 * One difference: amdgpu_device_initialize does not dup() the fd, and does
 * not share a device between two opens, so one amdgpu_device is one open
 * file, one GPU API client; its last deinitialize closes the client.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xf86drm.h>
#include <amdgpu.h>
#include <amdgpu_drm.h>

#include "bridge.h"

#define EXPORT	__attribute__((visibility("default")))

/* libdrm's data file (meson: datadir/libdrm/amdgpu.ids, from
 * libdrm-common): the marketing name per (device id, PCI revision). */
#define AMDGPU_IDS_FILE	"/usr/share/libdrm/amdgpu.ids"

/* A VA range allocator (amdgpu_vamgr.c): first fit over a sorted free list. */
struct va_hole {
	uint64_t start, size;
	struct va_hole *next;
};

struct vamgr {
	uint64_t start, end;
	struct va_hole *holes;
};

struct amdgpu_va {
	struct amdgpu_device *dev;
	struct vamgr *mgr;
	uint64_t addr, size;
};

struct amdgpu_device {
	int fd;
	int refcount;
	struct drm_amdgpu_info_device dev_info;
	struct amdgpu_gpu_info info;
	pthread_mutex_t va_lock;
	struct vamgr va32, va;		/* below 4 GiB; the rest */
	char *marketing_name;
	struct amdgpu_bo *bos;		/* for import deduplication */
	pthread_mutex_t bo_lock;
	struct amdgpu_device *next;
};

struct amdgpu_bo {
	struct amdgpu_device *dev;
	uint32_t handle;
	uint64_t size;
	int refcount;
	struct amdgpu_bo *next;
};

struct amdgpu_context {
	struct amdgpu_device *dev;
	uint32_t id;
};

static pthread_mutex_t devs_lock = PTHREAD_MUTEX_INITIALIZER;
static struct amdgpu_device *devs;

/* --- the VA allocator ----------------------------------------------------------- */

static void
vamgr_init(struct vamgr *m, uint64_t start, uint64_t end)
{
	m->start = start;
	m->end = end;
	m->holes = NULL;
	if (end > start) {
		m->holes = calloc(1, sizeof(*m->holes));
		if (m->holes != NULL) {
			m->holes->start = start;
			m->holes->size = end - start;
		}
	}
}

static void
vamgr_fini(struct vamgr *m)
{
	while (m->holes != NULL) {
		struct va_hole *h = m->holes;

		m->holes = h->next;
		free(h);
	}
}

/* Carve [addr, addr + size) out of hole *pp. */
static int
carve(struct va_hole **pp, uint64_t addr, uint64_t size)
{
	struct va_hole *h = *pp;
	uint64_t end = h->start + h->size;

	if (addr > h->start && addr + size < end) {
		struct va_hole *tail = calloc(1, sizeof(*tail));

		if (tail == NULL)
			return -ENOMEM;
		tail->start = addr + size;
		tail->size = end - tail->start;
		tail->next = h->next;
		h->next = tail;
		h->size = addr - h->start;
	} else if (addr == h->start && addr + size == end) {
		*pp = h->next;
		free(h);
	} else if (addr == h->start) {
		h->start += size;
		h->size -= size;
	} else {
		h->size -= size;
	}
	return 0;
}

static int
vamgr_alloc(struct vamgr *m, uint64_t size, uint64_t align, uint64_t required, uint64_t *out)
{
	for (struct va_hole **pp = &m->holes; *pp != NULL; pp = &(*pp)->next) {
		struct va_hole *h = *pp;
		uint64_t addr = required != 0 ? required : (h->start + align - 1) & ~(align - 1);

		if (addr < h->start || addr + size > h->start + h->size || addr + size < addr)
			continue;
		if (carve(pp, addr, size) != 0)
			return -ENOMEM;
		*out = addr;
		return 0;
	}
	return -ENOMEM;
}

static void
vamgr_free(struct vamgr *m, uint64_t addr, uint64_t size)
{
	struct va_hole **pp = &m->holes, *n;

	while (*pp != NULL && (*pp)->start < addr)
		pp = &(*pp)->next;
	n = calloc(1, sizeof(*n));
	if (n == NULL)
		return;		/* the range is lost, as a leak would be */
	n->start = addr;
	n->size = size;
	n->next = *pp;
	*pp = n;
	/* Merge with the next hole, then the previous one. */
	if (n->next != NULL && n->start + n->size == n->next->start) {
		struct va_hole *x = n->next;

		n->size += x->size;
		n->next = x->next;
		free(x);
	}
	for (struct va_hole *p = m->holes; p != NULL && p != n; p = p->next) {
		if (p->next == n && p->start + p->size == n->start) {
			p->size += n->size;
			p->next = n->next;
			free(n);
			break;
		}
	}
}

EXPORT int
amdgpu_va_range_alloc(amdgpu_device_handle dev, enum amdgpu_gpu_va_range type, uint64_t size,
    uint64_t align, uint64_t required, uint64_t *va_out, amdgpu_va_handle *handle, uint64_t flags)
{
	struct amdgpu_va *va;
	struct vamgr *m = (flags & AMDGPU_VA_RANGE_32_BIT) ? &dev->va32 : &dev->va;
	uint64_t page = dev->dev_info.virtual_address_alignment;
	int rc;

	(void)type;
	if (align < page)
		align = page;
	size = (size + page - 1) & ~(page - 1);
	va = calloc(1, sizeof(*va));
	if (va == NULL)
		return -ENOMEM;
	pthread_mutex_lock(&dev->va_lock);
	rc = vamgr_alloc(m, size, align, required, &va->addr);
	/* As libdrm: a general request falls back to the 32-bit range. */
	if (rc != 0 && m == &dev->va && required == 0) {
		m = &dev->va32;
		rc = vamgr_alloc(m, size, align, 0, &va->addr);
	}
	pthread_mutex_unlock(&dev->va_lock);
	if (rc != 0) {
		free(va);
		return rc;
	}
	va->dev = dev;
	va->mgr = m;
	va->size = size;
	*va_out = va->addr;
	*handle = va;
	return 0;
}

EXPORT int
amdgpu_va_range_free(amdgpu_va_handle va)
{
	if (va == NULL)
		return -EINVAL;
	pthread_mutex_lock(&va->dev->va_lock);
	vamgr_free(va->mgr, va->addr, va->size);
	pthread_mutex_unlock(&va->dev->va_lock);
	free(va);
	return 0;
}

/* --- queries ------------------------------------------------------------------------- */

EXPORT int
amdgpu_query_info(amdgpu_device_handle dev, unsigned info_id, unsigned size, void *value)
{
	struct drm_amdgpu_info q = { .return_pointer = (uintptr_t)value, .return_size = size,
	    .query = info_id };

	return drmCommandWrite(dev->fd, DRM_AMDGPU_INFO, &q, sizeof(q));
}

EXPORT int
amdgpu_query_hw_ip_info(amdgpu_device_handle dev, unsigned type, unsigned ip_instance,
    struct drm_amdgpu_info_hw_ip *info)
{
	struct drm_amdgpu_info q = { .return_pointer = (uintptr_t)info,
	    .return_size = sizeof(*info), .query = AMDGPU_INFO_HW_IP_INFO };

	q.query_hw_ip.type = type;
	q.query_hw_ip.ip_instance = ip_instance;
	return drmCommandWrite(dev->fd, DRM_AMDGPU_INFO, &q, sizeof(q));
}

EXPORT int
amdgpu_query_hw_ip_count(amdgpu_device_handle dev, unsigned type, uint32_t *count)
{
	struct drm_amdgpu_info q = { .return_pointer = (uintptr_t)count,
	    .return_size = sizeof(*count), .query = AMDGPU_INFO_HW_IP_COUNT };

	q.query_hw_ip.type = type;
	return drmCommandWrite(dev->fd, DRM_AMDGPU_INFO, &q, sizeof(q));
}

EXPORT int
amdgpu_query_firmware_version(amdgpu_device_handle dev, unsigned fw_type, unsigned ip_instance,
    unsigned index, uint32_t *version, uint32_t *feature)
{
	struct drm_amdgpu_info_firmware fw;
	struct drm_amdgpu_info q = { .return_pointer = (uintptr_t)&fw,
	    .return_size = sizeof(fw), .query = AMDGPU_INFO_FW_VERSION };
	int rc;

	q.query_fw.fw_type = fw_type;
	q.query_fw.ip_instance = ip_instance;
	q.query_fw.index = index;
	rc = drmCommandWrite(dev->fd, DRM_AMDGPU_INFO, &q, sizeof(q));
	if (rc != 0)
		return rc;
	*version = fw.ver;
	*feature = fw.feature;
	return 0;
}

EXPORT int
amdgpu_read_mm_registers(amdgpu_device_handle dev, unsigned dword_offset, unsigned count,
    uint32_t instance, uint32_t flags, uint32_t *values)
{
	struct drm_amdgpu_info q = { .return_pointer = (uintptr_t)values,
	    .return_size = count * 4, .query = AMDGPU_INFO_READ_MMR_REG };

	q.read_mmr_reg.dword_offset = dword_offset;
	q.read_mmr_reg.count = count;
	q.read_mmr_reg.instance = instance;
	q.read_mmr_reg.flags = flags;
	return drmCommandWrite(dev->fd, DRM_AMDGPU_INFO, &q, sizeof(q));
}

EXPORT int
amdgpu_query_sensor_info(amdgpu_device_handle dev, unsigned type, unsigned size, void *value)
{
	struct drm_amdgpu_info q = { .return_pointer = (uintptr_t)value, .return_size = size,
	    .query = AMDGPU_INFO_SENSOR };

	q.sensor_info.type = type;
	return drmCommandWrite(dev->fd, DRM_AMDGPU_INFO, &q, sizeof(q));
}

EXPORT int
amdgpu_query_video_caps_info(amdgpu_device_handle dev, unsigned type, unsigned size,
    void *value)
{
	struct drm_amdgpu_info q = { .return_pointer = (uintptr_t)value, .return_size = size,
	    .query = AMDGPU_INFO_VIDEO_CAPS };

	q.video_cap.type = type;
	return drmCommandWrite(dev->fd, DRM_AMDGPU_INFO, &q, sizeof(q));
}

EXPORT int
amdgpu_query_gpu_info(amdgpu_device_handle dev, struct amdgpu_gpu_info *info)
{
	*info = dev->info;
	return 0;
}

/* amdgpu_gpu_info.c amdgpu_query_gpu_info_init, for a gfx10 chip: DEV_INFO
 * plus GB_ADDR_CONFIG (the pre-gfx9 registers are not read). */
static int
gpu_info_init(struct amdgpu_device *dev)
{
	struct drm_amdgpu_info_device *di = &dev->dev_info;
	struct amdgpu_gpu_info *in = &dev->info;
	int rc;

	rc = amdgpu_query_info(dev, AMDGPU_INFO_DEV_INFO, sizeof(*di), di);
	if (rc != 0)
		return rc;
	memset(in, 0, sizeof(*in));
	in->asic_id = di->device_id;
	in->chip_rev = di->chip_rev;
	in->chip_external_rev = di->external_rev;
	in->family_id = di->family;
	in->max_engine_clk = di->max_engine_clock;
	in->max_memory_clk = di->max_memory_clock;
	in->gpu_counter_freq = di->gpu_counter_freq;
	in->enabled_rb_pipes_mask = di->enabled_rb_pipes_mask;
	in->rb_pipes = di->num_rb_pipes;
	in->ids_flags = di->ids_flags;
	in->num_hw_gfx_contexts = di->num_hw_gfx_contexts;
	in->num_shader_engines = di->num_shader_engines;
	in->num_shader_arrays_per_engine = di->num_shader_arrays_per_engine;
	in->vram_type = di->vram_type;
	in->vram_bit_width = di->vram_bit_width;
	in->ce_ram_size = di->ce_ram_size;
	in->vce_harvest_config = di->vce_harvest_config;
	in->pci_rev_id = di->pci_rev;
	in->cu_active_number = di->cu_active_number;
	in->cu_ao_mask = di->cu_ao_mask;
	memcpy(in->cu_bitmap, di->cu_bitmap, sizeof(in->cu_bitmap));
	return amdgpu_read_mm_registers(dev, 0x263e, 1, 0xffffffff, 0, &in->gb_addr_cfg);
}

EXPORT int
amdgpu_query_buffer_size_alignment(amdgpu_device_handle dev,
    struct amdgpu_buffer_size_alignments *info)
{
	info->size_local = dev->dev_info.pte_fragment_size;
	info->size_remote = dev->dev_info.gart_page_size;
	return 0;
}

EXPORT int
amdgpu_query_heap_info(amdgpu_device_handle dev, uint32_t heap, uint32_t flags,
    struct amdgpu_heap_info *info)
{
	struct drm_amdgpu_info_vram_gtt vg;
	struct drm_amdgpu_memory_info mem;
	int rc;

	rc = amdgpu_query_info(dev, AMDGPU_INFO_VRAM_GTT, sizeof(vg), &vg);
	if (rc == 0)
		rc = amdgpu_query_info(dev, AMDGPU_INFO_MEMORY, sizeof(mem), &mem);
	if (rc != 0)
		return rc;
	switch (heap) {
	case AMDGPU_GEM_DOMAIN_VRAM:
		if (flags & AMDGPU_GEM_CREATE_CPU_ACCESS_REQUIRED) {
			info->heap_size = vg.vram_cpu_accessible_size;
			info->heap_usage = mem.cpu_accessible_vram.heap_usage;
			info->max_allocation = mem.cpu_accessible_vram.max_allocation;
		} else {
			info->heap_size = vg.vram_size;
			info->heap_usage = mem.vram.heap_usage;
			info->max_allocation = mem.vram.max_allocation;
		}
		return 0;
	case AMDGPU_GEM_DOMAIN_GTT:
		info->heap_size = vg.gtt_size;
		info->heap_usage = mem.gtt.heap_usage;
		info->max_allocation = mem.gtt.max_allocation;
		return 0;
	default:
		return -EINVAL;
	}
}

EXPORT int
amdgpu_query_sw_info(amdgpu_device_handle dev, enum amdgpu_sw_info info, void *value)
{
	uint32_t *v32 = value;

	switch (info) {
	case amdgpu_sw_info_address32_hi:
		/* amdgpu_device.c: the top of the 32-bit range's high bits. */
		*v32 = (uint32_t)((dev->va32.end - 1) >> 32);
		return 0;
	}
	return -EINVAL;
}

EXPORT int
amdgpu_query_gds_info(amdgpu_device_handle dev, struct amdgpu_gds_resource_info *info)
{
	(void)dev;
	memset(info, 0, sizeof(*info));
	return 0;
}

/* amdgpu_asic_id.c: "device_id, revision_id, product name" lines. */
static char *
find_marketing_name(uint32_t device, uint32_t rev)
{
	FILE *f = fopen(AMDGPU_IDS_FILE, "r");
	char line[256], *name = NULL;

	if (f == NULL)
		return NULL;
	while (name == NULL && fgets(line, sizeof(line), f) != NULL) {
		unsigned d, r;
		int off = 0;

		if (line[0] == '#' || sscanf(line, "%x , %x , %n", &d, &r, &off) < 2 || off == 0)
			continue;
		if (d == device && r == rev) {
			line[strcspn(line, "\r\n")] = '\0';
			name = strdup(line + off);
		}
	}
	fclose(f);
	return name;
}

EXPORT const char *
amdgpu_get_marketing_name(amdgpu_device_handle dev)
{
	return dev->marketing_name;
}

/* --- device --------------------------------------------------------------------------- */

EXPORT int
amdgpu_device_initialize(int fd, uint32_t *major, uint32_t *minor, amdgpu_device_handle *out)
{
	struct amdgpu_device *dev;
	drmVersionPtr v;
	uint64_t start, max;
	int rc;

	*out = NULL;
	if (bridge_file(fd) == NULL) {
		bridge_log("amdgpu_device_initialize: fd %d is not the simulated RX 6600's node", fd);
		return -ENODEV;
	}
	pthread_mutex_lock(&devs_lock);
	for (dev = devs; dev != NULL; dev = dev->next) {
		if (dev->fd == fd) {
			dev->refcount++;
			break;
		}
	}
	pthread_mutex_unlock(&devs_lock);
	v = drmGetVersion(fd);
	if (v == NULL)
		return -errno;
	*major = (uint32_t)v->version_major;
	*minor = (uint32_t)v->version_minor;
	drmFreeVersion(v);
	if (dev != NULL) {
		*out = dev;
		return 0;
	}
	dev = calloc(1, sizeof(*dev));
	if (dev == NULL)
		return -ENOMEM;
	dev->fd = fd;
	dev->refcount = 1;
	pthread_mutex_init(&dev->va_lock, NULL);
	pthread_mutex_init(&dev->bo_lock, NULL);
	rc = gpu_info_init(dev);
	if (rc != 0) {
		free(dev);
		return rc;
	}
	/* amdgpu_device.c: a 32-bit range up to 4 GiB, the rest above it. */
	start = dev->dev_info.virtual_address_offset;
	max = dev->dev_info.virtual_address_max < 0x100000000ull ?
	    dev->dev_info.virtual_address_max : 0x100000000ull;
	vamgr_init(&dev->va32, start, max);
	vamgr_init(&dev->va, max, dev->dev_info.virtual_address_max);
	dev->marketing_name = find_marketing_name(dev->dev_info.device_id, dev->dev_info.pci_rev);
	pthread_mutex_lock(&devs_lock);
	dev->next = devs;
	devs = dev;
	pthread_mutex_unlock(&devs_lock);
	*out = dev;
	return 0;
}

EXPORT int
amdgpu_device_deinitialize(amdgpu_device_handle dev)
{
	struct amdgpu_device **pp;
	bool last;

	pthread_mutex_lock(&devs_lock);
	last = --dev->refcount == 0;
	if (last) {
		for (pp = &devs; *pp != NULL; pp = &(*pp)->next) {
			if (*pp == dev) {
				*pp = dev->next;
				break;
			}
		}
	}
	pthread_mutex_unlock(&devs_lock);
	if (!last)
		return 0;
	/* The kernel frees a file's objects when it is closed; here the last
	 * reference to the device is that moment. */
	bridge_file_release(dev->fd);
	vamgr_fini(&dev->va32);
	vamgr_fini(&dev->va);
	free(dev->marketing_name);
	while (dev->bos != NULL) {
		struct amdgpu_bo *b = dev->bos;

		dev->bos = b->next;
		free(b);
	}
	pthread_mutex_destroy(&dev->va_lock);
	pthread_mutex_destroy(&dev->bo_lock);
	free(dev);
	return 0;
}

EXPORT int
amdgpu_device_get_fd(amdgpu_device_handle dev)
{
	return dev->fd;
}

/* --- buffer objects --------------------------------------------------------------------- */

static struct amdgpu_bo *
bo_wrap(struct amdgpu_device *dev, uint32_t handle, uint64_t size)
{
	struct amdgpu_bo *b;

	pthread_mutex_lock(&dev->bo_lock);
	for (b = dev->bos; b != NULL; b = b->next) {
		if (b->handle == handle) {
			b->refcount++;
			pthread_mutex_unlock(&dev->bo_lock);
			return b;
		}
	}
	b = calloc(1, sizeof(*b));
	if (b != NULL) {
		b->dev = dev;
		b->handle = handle;
		b->size = size;
		b->refcount = 1;
		b->next = dev->bos;
		dev->bos = b;
	}
	pthread_mutex_unlock(&dev->bo_lock);
	return b;
}

static void
gem_close(int fd, uint32_t handle)
{
	struct drm_gem_close c = { .handle = handle };

	drmIoctl(fd, DRM_IOCTL_GEM_CLOSE, &c);
}

EXPORT int
amdgpu_bo_alloc(amdgpu_device_handle dev, struct amdgpu_bo_alloc_request *req,
    amdgpu_bo_handle *out)
{
	union drm_amdgpu_gem_create a;
	struct amdgpu_bo *b;

	*out = NULL;
	memset(&a, 0, sizeof(a));
	a.in.bo_size = req->alloc_size;
	a.in.alignment = req->phys_alignment;
	a.in.domains = req->preferred_heap;
	a.in.domain_flags = req->flags;
	if (drmIoctl(dev->fd, DRM_IOCTL_AMDGPU_GEM_CREATE, &a) != 0)
		return -errno;
	b = bo_wrap(dev, a.out.handle, req->alloc_size);
	if (b == NULL) {
		gem_close(dev->fd, a.out.handle);
		return -ENOMEM;
	}
	*out = b;
	return 0;
}

EXPORT int
amdgpu_bo_free(amdgpu_bo_handle b)
{
	struct amdgpu_device *dev = b->dev;
	struct amdgpu_bo **pp;
	bool last;

	pthread_mutex_lock(&dev->bo_lock);
	last = --b->refcount == 0;
	if (last) {
		for (pp = &dev->bos; *pp != NULL; pp = &(*pp)->next) {
			if (*pp == b) {
				*pp = b->next;
				break;
			}
		}
	}
	pthread_mutex_unlock(&dev->bo_lock);
	if (last) {
		gem_close(dev->fd, b->handle);
		free(b);
	}
	return 0;
}

EXPORT int
amdgpu_bo_cpu_map(amdgpu_bo_handle b, void **cpu)
{
	struct bfile *f = bridge_file(b->dev->fd);

	if (f == NULL)
		return -EINVAL;
	/* The GPU API's own mapping: the very pages the model uses. */
	return bridge_gem_cpu(f, b->handle, cpu);
}

EXPORT int
amdgpu_bo_cpu_unmap(amdgpu_bo_handle b)
{
	(void)b;
	/* The mapping stays until the BO is closed (libdrm keeps it while
	 * cpu_map_count > 0; nothing is gained by dropping it earlier). */
	return 0;
}

EXPORT int
amdgpu_bo_export(amdgpu_bo_handle b, enum amdgpu_bo_handle_type type, uint32_t *shared)
{
	int fd;

	switch (type) {
	case amdgpu_bo_handle_type_kms:
	case amdgpu_bo_handle_type_kms_noimport:
		*shared = b->handle;
		return 0;
	case amdgpu_bo_handle_type_dma_buf_fd:
		if (drmPrimeHandleToFD(b->dev->fd, b->handle, DRM_CLOEXEC | DRM_RDWR, &fd) != 0)
			return -errno;
		*shared = (uint32_t)fd;
		return 0;
	default:
		return -EINVAL;		/* flink names need a primary node */
	}
}

EXPORT int
amdgpu_bo_import(amdgpu_device_handle dev, enum amdgpu_bo_handle_type type, uint32_t shared,
    struct amdgpu_bo_import_result *out)
{
	struct drm_amdgpu_gem_create_in info;
	struct drm_amdgpu_gem_op op;
	uint32_t handle;
	struct amdgpu_bo *b;

	switch (type) {
	case amdgpu_bo_handle_type_kms:
		handle = shared;
		break;
	case amdgpu_bo_handle_type_dma_buf_fd:
		if (drmPrimeFDToHandle(dev->fd, (int)shared, &handle) != 0)
			return -errno;
		break;
	default:
		return -EINVAL;
	}
	memset(&op, 0, sizeof(op));
	op.handle = handle;
	op.op = AMDGPU_GEM_OP_GET_GEM_CREATE_INFO;
	op.value = (uintptr_t)&info;
	if (drmCommandWriteRead(dev->fd, DRM_AMDGPU_GEM_OP, &op, sizeof(op)) != 0)
		return -EINVAL;
	b = bo_wrap(dev, handle, info.bo_size);
	if (b == NULL)
		return -ENOMEM;
	out->buf_handle = b;
	out->alloc_size = b->size;
	return 0;
}

EXPORT int
amdgpu_bo_query_info(amdgpu_bo_handle b, struct amdgpu_bo_info *info)
{
	struct drm_amdgpu_gem_create_in ci;
	struct drm_amdgpu_gem_op op = { .handle = b->handle,
	    .op = AMDGPU_GEM_OP_GET_GEM_CREATE_INFO, .value = (uintptr_t)&ci };
	struct drm_amdgpu_gem_metadata md = { .handle = b->handle,
	    .op = AMDGPU_GEM_METADATA_OP_GET_METADATA };
	int rc;

	rc = drmCommandWriteRead(b->dev->fd, DRM_AMDGPU_GEM_OP, &op, sizeof(op));
	if (rc == 0)
		rc = drmCommandWriteRead(b->dev->fd, DRM_AMDGPU_GEM_METADATA, &md, sizeof(md));
	if (rc != 0)
		return rc;
	memset(info, 0, sizeof(*info));
	info->alloc_size = ci.bo_size;
	info->phys_alignment = ci.alignment;
	info->preferred_heap = (uint32_t)ci.domains;
	info->alloc_flags = ci.domain_flags;
	info->metadata.flags = md.data.flags;
	info->metadata.tiling_info = md.data.tiling_info;
	info->metadata.size_metadata = md.data.data_size_bytes;
	if (md.data.data_size_bytes <= sizeof(info->metadata.umd_metadata))
		memcpy(info->metadata.umd_metadata, md.data.data, md.data.data_size_bytes);
	return 0;
}

EXPORT int
amdgpu_bo_set_metadata(amdgpu_bo_handle b, struct amdgpu_bo_metadata *info)
{
	struct drm_amdgpu_gem_metadata md = { .handle = b->handle,
	    .op = AMDGPU_GEM_METADATA_OP_SET_METADATA };

	md.data.flags = info->flags;
	md.data.tiling_info = info->tiling_info;
	if (info->size_metadata > sizeof(md.data.data))
		return -EINVAL;
	md.data.data_size_bytes = info->size_metadata;
	memcpy(md.data.data, info->umd_metadata, info->size_metadata);
	return drmCommandWriteRead(b->dev->fd, DRM_AMDGPU_GEM_METADATA, &md, sizeof(md));
}

EXPORT int
amdgpu_bo_va_op_raw(amdgpu_device_handle dev, amdgpu_bo_handle b, uint64_t offset,
    uint64_t size, uint64_t addr, uint64_t flags, uint32_t ops)
{
	struct drm_amdgpu_gem_va va = { .handle = b != NULL ? b->handle : 0,
	    .operation = ops, .flags = (uint32_t)flags, .va_address = addr,
	    .offset_in_bo = offset, .map_size = size };

	return drmCommandWriteRead(dev->fd, DRM_AMDGPU_GEM_VA, &va, sizeof(va));
}

EXPORT int
amdgpu_bo_va_op(amdgpu_bo_handle b, uint64_t offset, uint64_t size, uint64_t addr,
    uint64_t flags, uint32_t ops)
{
	uint64_t page = b->dev->dev_info.virtual_address_alignment;

	(void)flags;	/* libdrm ignores it too: always R/W/X */
	size = (size + page - 1) & ~(page - 1);
	return amdgpu_bo_va_op_raw(b->dev, b, offset, size, addr, AMDGPU_VM_PAGE_READABLE |
	    AMDGPU_VM_PAGE_WRITEABLE | AMDGPU_VM_PAGE_EXECUTABLE, ops);
}

EXPORT int
amdgpu_create_bo_from_user_mem(amdgpu_device_handle dev, void *cpu, uint64_t size,
    amdgpu_bo_handle *out)
{
	struct drm_amdgpu_gem_userptr a = { .addr = (uintptr_t)cpu, .size = size,
	    .flags = AMDGPU_GEM_USERPTR_ANONONLY | AMDGPU_GEM_USERPTR_VALIDATE |
	    AMDGPU_GEM_USERPTR_REGISTER };

	*out = NULL;
	if (drmCommandWriteRead(dev->fd, DRM_AMDGPU_GEM_USERPTR, &a, sizeof(a)) != 0)
		return -errno;
	*out = bo_wrap(dev, a.handle, size);
	return *out != NULL ? 0 : -ENOMEM;
}

EXPORT int
amdgpu_bo_list_create_raw(amdgpu_device_handle dev, uint32_t n,
    struct drm_amdgpu_bo_list_entry *entries, uint32_t *result)
{
	union drm_amdgpu_bo_list a;
	int rc;

	memset(&a, 0, sizeof(a));
	a.in.operation = AMDGPU_BO_LIST_OP_CREATE;
	a.in.bo_number = n;
	a.in.bo_info_size = sizeof(*entries);
	a.in.bo_info_ptr = (uintptr_t)entries;
	rc = drmCommandWriteRead(dev->fd, DRM_AMDGPU_BO_LIST, &a, sizeof(a));
	if (rc == 0)
		*result = a.out.list_handle;
	return rc;
}

EXPORT int
amdgpu_bo_list_destroy_raw(amdgpu_device_handle dev, uint32_t list)
{
	union drm_amdgpu_bo_list a;

	memset(&a, 0, sizeof(a));
	a.in.operation = AMDGPU_BO_LIST_OP_DESTROY;
	a.in.list_handle = list;
	return drmCommandWriteRead(dev->fd, DRM_AMDGPU_BO_LIST, &a, sizeof(a));
}

/* --- contexts, submission --------------------------------------------------------------- */

EXPORT int
amdgpu_cs_ctx_create2(amdgpu_device_handle dev, uint32_t priority, amdgpu_context_handle *out)
{
	union drm_amdgpu_ctx a;
	struct amdgpu_context *c;
	int rc;

	*out = NULL;
	c = calloc(1, sizeof(*c));
	if (c == NULL)
		return -ENOMEM;
	memset(&a, 0, sizeof(a));
	a.in.op = AMDGPU_CTX_OP_ALLOC_CTX;
	a.in.priority = (int32_t)priority;
	rc = drmCommandWriteRead(dev->fd, DRM_AMDGPU_CTX, &a, sizeof(a));
	if (rc != 0) {
		free(c);
		return rc;
	}
	c->dev = dev;
	c->id = a.out.alloc.ctx_id;
	*out = c;
	return 0;
}

EXPORT int
amdgpu_cs_ctx_create(amdgpu_device_handle dev, amdgpu_context_handle *out)
{
	return amdgpu_cs_ctx_create2(dev, AMDGPU_CTX_PRIORITY_NORMAL, out);
}

EXPORT int
amdgpu_cs_ctx_free(amdgpu_context_handle c)
{
	union drm_amdgpu_ctx a;
	int rc;

	if (c == NULL)
		return -EINVAL;
	memset(&a, 0, sizeof(a));
	a.in.op = AMDGPU_CTX_OP_FREE_CTX;
	a.in.ctx_id = c->id;
	rc = drmCommandWriteRead(c->dev->fd, DRM_AMDGPU_CTX, &a, sizeof(a));
	free(c);
	return rc;
}

EXPORT int
amdgpu_cs_query_reset_state2(amdgpu_context_handle c, uint64_t *flags)
{
	union drm_amdgpu_ctx a;
	int rc;

	memset(&a, 0, sizeof(a));
	a.in.op = AMDGPU_CTX_OP_QUERY_STATE2;
	a.in.ctx_id = c->id;
	rc = drmCommandWriteRead(c->dev->fd, DRM_AMDGPU_CTX, &a, sizeof(a));
	if (rc == 0)
		*flags = a.out.state.flags;
	return rc;
}

EXPORT int
amdgpu_cs_ctx_stable_pstate(amdgpu_context_handle c, uint32_t op, uint32_t flags,
    uint32_t *out_flags)
{
	union drm_amdgpu_ctx a;
	int rc;

	memset(&a, 0, sizeof(a));
	a.in.op = op;
	a.in.ctx_id = c->id;
	a.in.flags = flags;
	rc = drmCommandWriteRead(c->dev->fd, DRM_AMDGPU_CTX, &a, sizeof(a));
	if (rc == 0 && out_flags != NULL)
		*out_flags = a.out.pstate.flags;
	return rc;
}

EXPORT int
amdgpu_cs_submit_raw2(amdgpu_device_handle dev, amdgpu_context_handle c, uint32_t bo_list,
    int num_chunks, struct drm_amdgpu_cs_chunk *chunks, uint64_t *seq_no)
{
	union drm_amdgpu_cs cs;
	uint64_t ptrs[64];
	int rc;

	if (num_chunks < 0 || num_chunks > 64)
		return -EINVAL;
	for (int i = 0; i < num_chunks; i++)
		ptrs[i] = (uintptr_t)&chunks[i];
	memset(&cs, 0, sizeof(cs));
	cs.in.ctx_id = c->id;
	cs.in.bo_list_handle = bo_list;
	cs.in.num_chunks = (uint32_t)num_chunks;
	cs.in.chunks = (uintptr_t)ptrs;
	rc = drmCommandWriteRead(dev->fd, DRM_AMDGPU_CS, &cs, sizeof(cs));
	if (rc == 0 && seq_no != NULL)
		*seq_no = cs.out.handle;
	return rc;
}

EXPORT void
amdgpu_cs_chunk_fence_info_to_data(struct amdgpu_cs_fence_info *fi,
    struct drm_amdgpu_cs_chunk_data *data)
{
	data->fence_data.handle = fi->handle->handle;
	data->fence_data.offset = (uint32_t)(fi->offset * sizeof(uint64_t));
}

EXPORT void
amdgpu_cs_chunk_fence_to_dep(struct amdgpu_cs_fence *fence, struct drm_amdgpu_cs_chunk_dep *dep)
{
	dep->ip_type = fence->ip_type;
	dep->ip_instance = fence->ip_instance;
	dep->ring = fence->ring;
	dep->ctx_id = fence->context->id;
	dep->handle = fence->fence;
}

/* amdgpu_cs.c amdgpu_cs_calculate_timeout (exported by libdrm, not in
 * amdgpu.h): relative to absolute. */
uint64_t amdgpu_cs_calculate_timeout(uint64_t timeout);
EXPORT uint64_t
amdgpu_cs_calculate_timeout(uint64_t timeout)
{
	struct timespec ts;
	uint64_t now;

	if (timeout == AMDGPU_TIMEOUT_INFINITE)
		return AMDGPU_TIMEOUT_INFINITE;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	now = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
	return timeout > AMDGPU_TIMEOUT_INFINITE - now ? AMDGPU_TIMEOUT_INFINITE : now + timeout;
}

EXPORT int
amdgpu_cs_query_fence_status(struct amdgpu_cs_fence *fence, uint64_t timeout_ns, uint64_t flags,
    uint32_t *expired)
{
	union drm_amdgpu_wait_cs a;
	int rc;

	*expired = 0;
	memset(&a, 0, sizeof(a));
	a.in.handle = fence->fence;
	a.in.ip_type = fence->ip_type;
	a.in.ip_instance = fence->ip_instance;
	a.in.ring = fence->ring;
	a.in.ctx_id = fence->context->id;
	a.in.timeout = flags & AMDGPU_QUERY_FENCE_TIMEOUT_IS_ABSOLUTE ? timeout_ns :
	    amdgpu_cs_calculate_timeout(timeout_ns);
	rc = drmCommandWriteRead(fence->context->dev->fd, DRM_AMDGPU_WAIT_CS, &a, sizeof(a));
	if (rc != 0)
		return rc;
	*expired = a.out.status == 0;
	return 0;
}

/* --- syncobjs through the device -------------------------------------------------------- */

EXPORT int
amdgpu_cs_create_syncobj2(amdgpu_device_handle dev, uint32_t flags, uint32_t *h)
{
	return drmSyncobjCreate(dev->fd, flags, h);
}

EXPORT int
amdgpu_cs_create_syncobj(amdgpu_device_handle dev, uint32_t *h)
{
	return drmSyncobjCreate(dev->fd, 0, h);
}

EXPORT int
amdgpu_cs_destroy_syncobj(amdgpu_device_handle dev, uint32_t h)
{
	return drmSyncobjDestroy(dev->fd, h);
}

EXPORT int
amdgpu_cs_syncobj_query2(amdgpu_device_handle dev, uint32_t *handles, uint64_t *points,
    unsigned n, uint32_t flags)
{
	return drmSyncobjQuery2(dev->fd, handles, points, n, flags);
}

EXPORT int
amdgpu_cs_syncobj_query(amdgpu_device_handle dev, uint32_t *handles, uint64_t *points,
    unsigned n)
{
	return drmSyncobjQuery(dev->fd, handles, points, n);
}

EXPORT int
amdgpu_cs_syncobj_transfer(amdgpu_device_handle dev, uint32_t dst, uint64_t dst_point,
    uint32_t src, uint64_t src_point, uint32_t flags)
{
	return drmSyncobjTransfer(dev->fd, dst, dst_point, src, src_point, flags);
}

EXPORT int
amdgpu_cs_syncobj_export_sync_file(amdgpu_device_handle dev, uint32_t h, int *fd)
{
	return drmSyncobjExportSyncFile(dev->fd, h, fd);
}

EXPORT int
amdgpu_cs_syncobj_import_sync_file(amdgpu_device_handle dev, uint32_t h, int fd)
{
	return drmSyncobjImportSyncFile(dev->fd, h, fd);
}

/* amdgpu_cs.c: a timeline point goes through a temporary binary syncobj. */
EXPORT int
amdgpu_cs_syncobj_export_sync_file2(amdgpu_device_handle dev, uint32_t h, uint64_t point,
    uint32_t flags, int *fd)
{
	uint32_t tmp;
	int rc;

	if (point == 0)
		return drmSyncobjExportSyncFile(dev->fd, h, fd);
	rc = drmSyncobjCreate(dev->fd, 0, &tmp);
	if (rc != 0)
		return rc;
	rc = drmSyncobjTransfer(dev->fd, tmp, 0, h, point, flags);
	if (rc == 0)
		rc = drmSyncobjExportSyncFile(dev->fd, tmp, fd);
	drmSyncobjDestroy(dev->fd, tmp);
	return rc;
}

EXPORT int
amdgpu_cs_syncobj_import_sync_file2(amdgpu_device_handle dev, uint32_t h, uint64_t point,
    int fd)
{
	uint32_t tmp;
	int rc;

	if (point == 0)
		return drmSyncobjImportSyncFile(dev->fd, h, fd);
	rc = drmSyncobjCreate(dev->fd, 0, &tmp);
	if (rc != 0)
		return rc;
	rc = drmSyncobjImportSyncFile(dev->fd, tmp, fd);
	if (rc == 0)
		rc = drmSyncobjTransfer(dev->fd, h, point, tmp, 0, 0);
	drmSyncobjDestroy(dev->fd, tmp);
	return rc;
}

EXPORT int
amdgpu_vm_reserve_vmid(amdgpu_device_handle dev, uint32_t flags)
{
	union drm_amdgpu_vm a;

	memset(&a, 0, sizeof(a));
	a.in.op = AMDGPU_VM_OP_RESERVE_VMID;
	a.in.flags = flags;
	return drmCommandWriteRead(dev->fd, DRM_AMDGPU_VM, &a, sizeof(a));
}

EXPORT int
amdgpu_vm_unreserve_vmid(amdgpu_device_handle dev, uint32_t flags)
{
	union drm_amdgpu_vm a;

	memset(&a, 0, sizeof(a));
	a.in.op = AMDGPU_VM_OP_UNRESERVE_VMID;
	a.in.flags = flags;
	return drmCommandWriteRead(dev->fd, DRM_AMDGPU_VM, &a, sizeof(a));
}

/*
 * libdrm.so.2: the xf86drm.h calls RADV imports (objdump -T of Debian's
 * libvulkan_radeon.so 22.3.6 and 25.0.7), with libdrm 2.4.114's return
 * conventions (xf86drm.c): drmIoctl returns -1 and sets errno; the
 * drmCommand* and most drmSyncobj* helpers return -errno.
 *
 * Calls on an fd that is not the bridge's node go to the real kernel
 * through ioctl(2), so a program's other DRM devices still work as far as
 * plain ioctls go.  Mode setting is absent: a render node has no KMS.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

#include <xf86drm.h>
#include <xf86drmMode.h>

#include "bridge.h"

#define EXPORT	__attribute__((visibility("default")))

EXPORT int
drmIoctl(int fd, unsigned long request, void *arg)
{
	int rc;

	if (bridge_file(fd) == NULL) {
		do {
			rc = ioctl(fd, request, arg);
		} while (rc == -1 && (errno == EINTR || errno == EAGAIN));
		return rc;
	}
	rc = bridge_ioctl(fd, request, arg);
	if (rc < 0) {
		errno = -rc;
		return -1;
	}
	return 0;
}

EXPORT int
drmCommandWrite(int fd, unsigned long index, void *data, unsigned long size)
{
	unsigned long req = DRM_IOC(DRM_IOC_WRITE, DRM_IOCTL_BASE, DRM_COMMAND_BASE + index, size);

	return drmIoctl(fd, req, data) ? -errno : 0;
}

EXPORT int
drmCommandWriteRead(int fd, unsigned long index, void *data, unsigned long size)
{
	unsigned long req = DRM_IOC(DRM_IOC_READ | DRM_IOC_WRITE, DRM_IOCTL_BASE,
	    DRM_COMMAND_BASE + index, size);

	return drmIoctl(fd, req, data) ? -errno : 0;
}

EXPORT int
drmCommandRead(int fd, unsigned long index, void *data, unsigned long size)
{
	unsigned long req = DRM_IOC(DRM_IOC_READ, DRM_IOCTL_BASE, DRM_COMMAND_BASE + index, size);

	return drmIoctl(fd, req, data) ? -errno : 0;
}

/* --- version, caps ------------------------------------------------------------- */

EXPORT drmVersionPtr
drmGetVersion(int fd)
{
	struct drm_version v;
	drmVersionPtr out;

	memset(&v, 0, sizeof(v));
	if (drmIoctl(fd, DRM_IOCTL_VERSION, &v) != 0)
		return NULL;
	out = calloc(1, sizeof(*out));
	if (out == NULL)
		return NULL;
	out->name = calloc(1, v.name_len + 1);
	out->date = calloc(1, v.date_len + 1);
	out->desc = calloc(1, v.desc_len + 1);
	if (out->name == NULL || out->date == NULL || out->desc == NULL) {
		drmFreeVersion(out);
		return NULL;
	}
	v.name = out->name;
	v.date = out->date;
	v.desc = out->desc;
	if (drmIoctl(fd, DRM_IOCTL_VERSION, &v) != 0) {
		drmFreeVersion(out);
		return NULL;
	}
	out->version_major = v.version_major;
	out->version_minor = v.version_minor;
	out->version_patchlevel = v.version_patchlevel;
	out->name_len = (int)v.name_len;
	out->date_len = (int)v.date_len;
	out->desc_len = (int)v.desc_len;
	return out;
}

EXPORT void
drmFreeVersion(drmVersionPtr v)
{
	if (v == NULL)
		return;
	free(v->name);
	free(v->date);
	free(v->desc);
	free(v);
}

EXPORT int
drmGetCap(int fd, uint64_t capability, uint64_t *value)
{
	struct drm_get_cap cap = { .capability = capability };
	int rc = drmIoctl(fd, DRM_IOCTL_GET_CAP, &cap);

	if (rc != 0)
		return rc;
	*value = cap.value;
	return 0;
}

EXPORT int
drmAuthMagic(int fd, drm_magic_t magic)
{
	(void)fd;
	(void)magic;
	/* Render nodes need no authentication (drm_auth.c). */
	return 0;
}

/* --- device enumeration ------------------------------------------------------------ */

/* One allocation per drmDevice: the struct, the node path array, the
 * paths and the PCI info, freed by drmFreeDevice as libdrm's are. */
struct dev_block {
	drmDevice dev;
	char *nodes[DRM_NODE_MAX];
	drmPciBusInfo bus;
	drmPciDeviceInfo pci;
	char render[300], primary[300];
};

static drmDevicePtr
make_device(const struct bdev *d)
{
	struct dev_block *b = calloc(1, sizeof(*b));

	if (b == NULL)
		return NULL;
	snprintf(b->render, sizeof(b->render), "%s", d->render_path);
	snprintf(b->primary, sizeof(b->primary), "%s", d->primary_path);
	b->nodes[DRM_NODE_RENDER] = b->render;
	/* RADV opens the primary node only for VK_KHR_display; the path does
	 * not exist, so that open fails and RADV goes on without KMS. */
	b->nodes[DRM_NODE_PRIMARY] = b->primary;
	b->dev.nodes = b->nodes;
	b->dev.available_nodes = 1 << DRM_NODE_RENDER;
	b->dev.bustype = DRM_BUS_PCI;
	/* A first GPU's usual address; the model sits on no real bus. */
	b->bus.domain = 0;
	b->bus.bus = 3;
	b->bus.dev = 0;
	b->bus.func = 0;
	b->pci.vendor_id = d->info.vendor_id;
	b->pci.device_id = d->info.device_id;
	b->pci.subvendor_id = d->info.subsystem_vendor;
	b->pci.subdevice_id = d->info.subsystem_device;
	b->pci.revision_id = d->info.pci_rev;
	b->dev.businfo.pci = &b->bus;
	b->dev.deviceinfo.pci = &b->pci;
	return &b->dev;
}

EXPORT int
drmGetDevices2(uint32_t flags, drmDevicePtr devices[], int max_devices)
{
	struct bdev *d = bridge_device();

	(void)flags;
	if (d == NULL)
		return 0;
	if (devices == NULL || max_devices < 1)
		return 1;
	devices[0] = make_device(d);
	return devices[0] != NULL ? 1 : -ENOMEM;
}

EXPORT int
drmGetDevices(drmDevicePtr devices[], int max_devices)
{
	return drmGetDevices2(0, devices, max_devices);
}

EXPORT int
drmGetDevice2(int fd, uint32_t flags, drmDevicePtr *device)
{
	(void)flags;
	if (bridge_file(fd) == NULL)
		return -ENODEV;
	*device = make_device(bridge_device());
	return *device != NULL ? 0 : -ENOMEM;
}

EXPORT int
drmGetDevice(int fd, drmDevicePtr *device)
{
	return drmGetDevice2(fd, 0, device);
}

EXPORT void
drmFreeDevice(drmDevicePtr *device)
{
	if (device == NULL)
		return;
	free(*device);		/* the dev_block starts with the drmDevice */
	*device = NULL;
}

EXPORT void
drmFreeDevices(drmDevicePtr devices[], int count)
{
	if (devices == NULL)
		return;
	for (int i = 0; i < count; i++)
		drmFreeDevice(&devices[i]);
}

/* --- PRIME --------------------------------------------------------------------------- */

EXPORT int
drmPrimeHandleToFD(int fd, uint32_t handle, uint32_t flags, int *prime_fd)
{
	struct drm_prime_handle a = { .handle = handle, .flags = flags, .fd = -1 };
	int rc = drmIoctl(fd, DRM_IOCTL_PRIME_HANDLE_TO_FD, &a);

	if (rc != 0)
		return rc;
	*prime_fd = a.fd;
	return 0;
}

EXPORT int
drmPrimeFDToHandle(int fd, int prime_fd, uint32_t *handle)
{
	struct drm_prime_handle a = { .fd = prime_fd };
	int rc = drmIoctl(fd, DRM_IOCTL_PRIME_FD_TO_HANDLE, &a);

	if (rc != 0)
		return rc;
	*handle = a.handle;
	return 0;
}

/* --- syncobjs ------------------------------------------------------------------------ */

EXPORT int
drmSyncobjCreate(int fd, uint32_t flags, uint32_t *handle)
{
	struct drm_syncobj_create a = { .flags = flags };
	int rc = drmIoctl(fd, DRM_IOCTL_SYNCOBJ_CREATE, &a);

	if (rc != 0)
		return rc;
	*handle = a.handle;
	return 0;
}

EXPORT int
drmSyncobjDestroy(int fd, uint32_t handle)
{
	struct drm_syncobj_destroy a = { .handle = handle };

	return drmIoctl(fd, DRM_IOCTL_SYNCOBJ_DESTROY, &a);
}

EXPORT int
drmSyncobjHandleToFD(int fd, uint32_t handle, int *obj_fd)
{
	struct drm_syncobj_handle a = { .handle = handle, .fd = -1 };
	int rc = drmIoctl(fd, DRM_IOCTL_SYNCOBJ_HANDLE_TO_FD, &a);

	if (rc != 0)
		return rc;
	*obj_fd = a.fd;
	return 0;
}

EXPORT int
drmSyncobjFDToHandle(int fd, int obj_fd, uint32_t *handle)
{
	struct drm_syncobj_handle a = { .fd = obj_fd };
	int rc = drmIoctl(fd, DRM_IOCTL_SYNCOBJ_FD_TO_HANDLE, &a);

	if (rc != 0)
		return rc;
	*handle = a.handle;
	return 0;
}

EXPORT int
drmSyncobjImportSyncFile(int fd, uint32_t handle, int sync_file_fd)
{
	struct drm_syncobj_handle a = { .handle = handle, .fd = sync_file_fd,
	    .flags = DRM_SYNCOBJ_FD_TO_HANDLE_FLAGS_IMPORT_SYNC_FILE };

	return drmIoctl(fd, DRM_IOCTL_SYNCOBJ_FD_TO_HANDLE, &a);
}

EXPORT int
drmSyncobjExportSyncFile(int fd, uint32_t handle, int *sync_file_fd)
{
	struct drm_syncobj_handle a = { .handle = handle, .fd = -1,
	    .flags = DRM_SYNCOBJ_HANDLE_TO_FD_FLAGS_EXPORT_SYNC_FILE };
	int rc = drmIoctl(fd, DRM_IOCTL_SYNCOBJ_HANDLE_TO_FD, &a);

	if (rc != 0)
		return rc;
	*sync_file_fd = a.fd;
	return 0;
}

EXPORT int
drmSyncobjWait(int fd, uint32_t *handles, unsigned num_handles, int64_t timeout_nsec,
    unsigned flags, uint32_t *first_signaled)
{
	struct drm_syncobj_wait a = { .handles = (uintptr_t)handles,
	    .timeout_nsec = timeout_nsec, .count_handles = num_handles, .flags = flags };

	if (drmIoctl(fd, DRM_IOCTL_SYNCOBJ_WAIT, &a) < 0)
		return -errno;
	if (first_signaled != NULL)
		*first_signaled = a.first_signaled;
	return 0;
}

EXPORT int
drmSyncobjTimelineWait(int fd, uint32_t *handles, uint64_t *points, unsigned num_handles,
    int64_t timeout_nsec, unsigned flags, uint32_t *first_signaled)
{
	struct drm_syncobj_timeline_wait a = { .handles = (uintptr_t)handles,
	    .points = (uintptr_t)points, .timeout_nsec = timeout_nsec,
	    .count_handles = num_handles, .flags = flags };

	if (drmIoctl(fd, DRM_IOCTL_SYNCOBJ_TIMELINE_WAIT, &a) < 0)
		return -errno;
	if (first_signaled != NULL)
		*first_signaled = a.first_signaled;
	return 0;
}

EXPORT int
drmSyncobjReset(int fd, const uint32_t *handles, uint32_t count)
{
	struct drm_syncobj_array a = { .handles = (uintptr_t)handles, .count_handles = count };

	return drmIoctl(fd, DRM_IOCTL_SYNCOBJ_RESET, &a);
}

EXPORT int
drmSyncobjSignal(int fd, const uint32_t *handles, uint32_t count)
{
	struct drm_syncobj_array a = { .handles = (uintptr_t)handles, .count_handles = count };

	return drmIoctl(fd, DRM_IOCTL_SYNCOBJ_SIGNAL, &a);
}

EXPORT int
drmSyncobjTimelineSignal(int fd, const uint32_t *handles, uint64_t *points, uint32_t count)
{
	struct drm_syncobj_timeline_array a = { .handles = (uintptr_t)handles,
	    .points = (uintptr_t)points, .count_handles = count };

	return drmIoctl(fd, DRM_IOCTL_SYNCOBJ_TIMELINE_SIGNAL, &a);
}

EXPORT int
drmSyncobjQuery2(int fd, uint32_t *handles, uint64_t *points, uint32_t count, uint32_t flags)
{
	struct drm_syncobj_timeline_array a = { .handles = (uintptr_t)handles,
	    .points = (uintptr_t)points, .count_handles = count, .flags = flags };

	return drmIoctl(fd, DRM_IOCTL_SYNCOBJ_QUERY, &a);
}

EXPORT int
drmSyncobjQuery(int fd, uint32_t *handles, uint64_t *points, uint32_t count)
{
	return drmSyncobjQuery2(fd, handles, points, count, 0);
}

EXPORT int
drmSyncobjTransfer(int fd, uint32_t dst_handle, uint64_t dst_point, uint32_t src_handle,
    uint64_t src_point, uint32_t flags)
{
	struct drm_syncobj_transfer a = { .src_handle = src_handle, .dst_handle = dst_handle,
	    .src_point = src_point, .dst_point = dst_point, .flags = flags };

	return drmIoctl(fd, DRM_IOCTL_SYNCOBJ_TRANSFER, &a);
}

/* --- KMS: absent on a render node ------------------------------------------------------
 * RADV imports these for VK_KHR_display on the primary node, which the
 * bridge never provides (its open fails), so they are never reached with
 * a bridge fd; they fail as libdrm does on a device without KMS. */

EXPORT int
drmCrtcGetSequence(int fd, uint32_t crtc, uint64_t *seq, uint64_t *ns)
{
	(void)fd; (void)crtc; (void)seq; (void)ns;
	errno = EOPNOTSUPP;
	return -1;
}

EXPORT int
drmCrtcQueueSequence(int fd, uint32_t crtc, uint32_t flags, uint64_t seq, uint64_t *queued,
    uint64_t user)
{
	(void)fd; (void)crtc; (void)flags; (void)seq; (void)queued; (void)user;
	errno = EOPNOTSUPP;
	return -1;
}

EXPORT int
drmHandleEvent(int fd, drmEventContextPtr ctx)
{
	(void)fd; (void)ctx;
	return -1;
}

EXPORT char *
drmGetFormatModifierName(uint64_t modifier)
{
	(void)modifier;
	return NULL;
}

EXPORT drmModeResPtr drmModeGetResources(int fd) { (void)fd; errno = EOPNOTSUPP; return NULL; }
EXPORT void drmModeFreeResources(drmModeResPtr p) { (void)p; }
EXPORT drmModeCrtcPtr drmModeGetCrtc(int fd, uint32_t id) { (void)fd; (void)id; return NULL; }
EXPORT void drmModeFreeCrtc(drmModeCrtcPtr p) { (void)p; }
EXPORT drmModeConnectorPtr drmModeGetConnector(int fd, uint32_t id) { (void)fd; (void)id; return NULL; }
EXPORT drmModeConnectorPtr drmModeGetConnectorCurrent(int fd, uint32_t id) { (void)fd; (void)id; return NULL; }
EXPORT void drmModeFreeConnector(drmModeConnectorPtr p) { (void)p; }
EXPORT drmModeEncoderPtr drmModeGetEncoder(int fd, uint32_t id) { (void)fd; (void)id; return NULL; }
EXPORT void drmModeFreeEncoder(drmModeEncoderPtr p) { (void)p; }
EXPORT drmModePropertyPtr drmModeGetProperty(int fd, uint32_t id) { (void)fd; (void)id; return NULL; }
EXPORT void drmModeFreeProperty(drmModePropertyPtr p) { (void)p; }
EXPORT drmModeObjectPropertiesPtr
drmModeObjectGetProperties(int fd, uint32_t id, uint32_t type) { (void)fd; (void)id; (void)type; return NULL; }
EXPORT void drmModeFreeObjectProperties(drmModeObjectPropertiesPtr p) { (void)p; }

EXPORT int
drmModeObjectSetProperty(int fd, uint32_t id, uint32_t type, uint32_t prop, uint64_t v)
{
	(void)fd; (void)id; (void)type; (void)prop; (void)v;
	return -EOPNOTSUPP;
}

EXPORT int
drmModeConnectorSetProperty(int fd, uint32_t id, uint32_t prop, uint64_t v)
{
	(void)fd; (void)id; (void)prop; (void)v;
	return -EOPNOTSUPP;
}

EXPORT int
drmModeAddFB2(int fd, uint32_t w, uint32_t h, uint32_t fmt, const uint32_t bo[4],
    const uint32_t pitches[4], const uint32_t offsets[4], uint32_t *id, uint32_t flags)
{
	(void)fd; (void)w; (void)h; (void)fmt; (void)bo; (void)pitches; (void)offsets;
	(void)id; (void)flags;
	return -EOPNOTSUPP;
}

EXPORT int drmModeRmFB(int fd, uint32_t id) { (void)fd; (void)id; return -EOPNOTSUPP; }

EXPORT int
drmModeSetCrtc(int fd, uint32_t crtc, uint32_t fb, uint32_t x, uint32_t y, uint32_t *conn,
    int count, drmModeModeInfoPtr mode)
{
	(void)fd; (void)crtc; (void)fb; (void)x; (void)y; (void)conn; (void)count; (void)mode;
	return -EOPNOTSUPP;
}

EXPORT int
drmModeSetCursor(int fd, uint32_t crtc, uint32_t bo, uint32_t w, uint32_t h)
{
	(void)fd; (void)crtc; (void)bo; (void)w; (void)h;
	return -EOPNOTSUPP;
}

EXPORT int
drmModePageFlip(int fd, uint32_t crtc, uint32_t fb, uint32_t flags, void *data)
{
	(void)fd; (void)crtc; (void)fb; (void)flags; (void)data;
	return -EOPNOTSUPP;
}

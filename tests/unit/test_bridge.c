/*
 * The bridge's amdgpu file interface (bridge/, libradv_metal.a) driven by
 * ioctls on its render node, as RADV drives it: GEM_VA CLEAR and REPLACE
 * on partially covered mappings, GEM_CLOSE dropping a BO's mappings, and
 * the answers of GPUVM_FAULT and CTX QUERY_STATE2 before anything went
 * wrong.  (A fault and a guilty context: tests/vulkan vk_device_lost_25.)
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <xf86drm.h>
#include <amdgpu_drm.h>

#define KIB		1024ull
#define VA		(64ull << 20)	/* a free range of the new file's VM */
#define BO_SIZE		(64 * KIB)
#define INFO_GPUVM_FAULT 0x23		/* newer than Debian's amdgpu_drm.h */

static int fd = -1;

static int
setup(void **state)
{
	drmDevicePtr dev;

	(void)state;
	if (drmGetDevices2(0, &dev, 1) != 1)
		return -1;
	fd = open(dev->nodes[DRM_NODE_RENDER], O_RDWR | O_CLOEXEC);
	drmFreeDevices(&dev, 1);
	return fd >= 0 ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	close(fd);
	return 0;
}

static uint32_t
bo_create(void)
{
	union drm_amdgpu_gem_create a = { .in = { .bo_size = BO_SIZE,
	    .domains = AMDGPU_GEM_DOMAIN_VRAM } };

	assert_int_equal(drmIoctl(fd, DRM_IOCTL_AMDGPU_GEM_CREATE, &a), 0);
	return a.out.handle;
}

static void
bo_close(uint32_t h)
{
	struct drm_gem_close a = { .handle = h };

	assert_int_equal(drmIoctl(fd, DRM_IOCTL_GEM_CLOSE, &a), 0);
}

/* GEM_VA; returns 0 or -errno. */
static int
va_op(uint32_t op, uint32_t h, uint64_t offset, uint64_t va, uint64_t size, uint32_t flags)
{
	struct drm_amdgpu_gem_va a = { .handle = h, .operation = op,
	    .flags = flags | AMDGPU_VM_PAGE_READABLE | AMDGPU_VM_PAGE_WRITEABLE,
	    .va_address = va, .offset_in_bo = offset, .map_size = size };

	return drmIoctl(fd, DRM_IOCTL_AMDGPU_GEM_VA, &a) == 0 ? 0 : -errno;
}

/* CLEAR of the middle of a mapping keeps its head and tail mapped: the
 * cleared hole takes a new mapping, the head and tail do not, and each
 * remainder is a mapping of its own that UNMAP removes by its start. */
static void
test_clear_splits(void **state)
{
	uint32_t a = bo_create(), b = bo_create();

	(void)state;
	assert_int_equal(va_op(AMDGPU_VA_OP_MAP, a, 0, VA, BO_SIZE, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_CLEAR, 0, 0, VA + 16 * KIB, 16 * KIB, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_MAP, b, 0, VA + 16 * KIB, 16 * KIB, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_MAP, b, 0, VA + 8 * KIB, 4 * KIB, 0), -EEXIST);
	assert_int_equal(va_op(AMDGPU_VA_OP_MAP, b, 0, VA + 40 * KIB, 4 * KIB, 0), -EEXIST);
	assert_int_equal(va_op(AMDGPU_VA_OP_UNMAP, a, 0, VA, 16 * KIB, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_UNMAP, a, 32 * KIB, VA + 32 * KIB, 32 * KIB, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_UNMAP, b, 0, VA + 16 * KIB, 16 * KIB, 0), 0);
	/* A CLEAR over two mappings and a gap removes both. */
	assert_int_equal(va_op(AMDGPU_VA_OP_MAP, a, 0, VA, 16 * KIB, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_MAP, b, 0, VA + 32 * KIB, 16 * KIB, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_CLEAR, 0, 0, VA, BO_SIZE, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_UNMAP, a, 0, VA, 16 * KIB, 0), -ENOENT);
	assert_int_equal(va_op(AMDGPU_VA_OP_MAP, a, 0, VA, BO_SIZE, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_UNMAP, a, 0, VA, BO_SIZE, 0), 0);
	bo_close(a);
	bo_close(b);
}

/* REPLACE = CLEAR + MAP, for a BO and for a PRT range. */
static void
test_replace(void **state)
{
	uint32_t a = bo_create(), b = bo_create();

	(void)state;
	assert_int_equal(va_op(AMDGPU_VA_OP_MAP, a, 0, VA, BO_SIZE, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_REPLACE, b, 4 * KIB, VA + 16 * KIB, 16 * KIB, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_UNMAP, a, 0, VA + 16 * KIB, 16 * KIB, 0), -ENOENT);
	assert_int_equal(va_op(AMDGPU_VA_OP_UNMAP, b, 4 * KIB, VA + 16 * KIB, 16 * KIB, 0), 0);
	/* Sparse binding: the whole range PRT, one page bound, unbound again. */
	assert_int_equal(va_op(AMDGPU_VA_OP_CLEAR, 0, 0, VA, BO_SIZE, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_MAP, 0, 0, VA, BO_SIZE, AMDGPU_VM_PAGE_PRT), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_REPLACE, a, 0, VA + 4 * KIB, 4 * KIB, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_REPLACE, 0, 0, VA + 4 * KIB, 4 * KIB,
	    AMDGPU_VM_PAGE_PRT), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_UNMAP, a, 0, VA + 4 * KIB, 4 * KIB, 0), -ENOENT);
	assert_int_equal(va_op(AMDGPU_VA_OP_CLEAR, 0, 0, VA, BO_SIZE, 0), 0);
	/* Everything is gone: the range maps again. */
	assert_int_equal(va_op(AMDGPU_VA_OP_MAP, a, 0, VA, BO_SIZE, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_REPLACE, b, 0, VA, BO_SIZE, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_UNMAP, b, 0, VA, BO_SIZE, 0), 0);
	bo_close(a);
	bo_close(b);
}

/* GEM_CLOSE removes the BO's mappings (amdgpu_gem_object_close). */
static void
test_close_unmaps(void **state)
{
	uint32_t a = bo_create(), b = bo_create();

	(void)state;
	assert_int_equal(va_op(AMDGPU_VA_OP_MAP, a, 0, VA, BO_SIZE, 0), 0);
	bo_close(a);
	assert_int_equal(va_op(AMDGPU_VA_OP_MAP, b, 0, VA, BO_SIZE, 0), 0);
	assert_int_equal(va_op(AMDGPU_VA_OP_UNMAP, b, 0, VA, BO_SIZE, 0), 0);
	bo_close(b);
}

/* PRIME and opaque syncobj fds go out and come back as handles of the
 * same objects; an fd of the other kind is refused. */
static void
test_token_fds(void **state)
{
	uint32_t b = bo_create();
	struct drm_prime_handle pe = { .handle = b, .flags = DRM_CLOEXEC };
	struct drm_prime_handle pi = { 0 };
	struct drm_syncobj_create sc = { 0 };
	struct drm_syncobj_handle se = { 0 }, si = { 0 };
	struct drm_syncobj_destroy sd = { 0 };

	(void)state;
	assert_int_equal(drmIoctl(fd, DRM_IOCTL_PRIME_HANDLE_TO_FD, &pe), 0);
	pi.fd = pe.fd;
	assert_int_equal(drmIoctl(fd, DRM_IOCTL_PRIME_FD_TO_HANDLE, &pi), 0);
	assert_int_not_equal(pi.handle, 0);
	assert_int_equal(drmIoctl(fd, DRM_IOCTL_SYNCOBJ_CREATE, &sc), 0);
	se.handle = sc.handle;
	assert_int_equal(drmIoctl(fd, DRM_IOCTL_SYNCOBJ_HANDLE_TO_FD, &se), 0);
	si.fd = se.fd;
	assert_int_equal(drmIoctl(fd, DRM_IOCTL_SYNCOBJ_FD_TO_HANDLE, &si), 0);
	assert_int_not_equal(si.handle, 0);
	/* A PRIME fd is not a syncobj fd. */
	si.fd = pe.fd;
	assert_int_not_equal(drmIoctl(fd, DRM_IOCTL_SYNCOBJ_FD_TO_HANDLE, &si), 0);
	close(pe.fd);
	close(se.fd);
	sd.handle = sc.handle;
	assert_int_equal(drmIoctl(fd, DRM_IOCTL_SYNCOBJ_DESTROY, &sd), 0);
	if (pi.handle != b)
		bo_close(pi.handle);
	bo_close(b);
}

/* Without a fault GPUVM_FAULT answers zeros; a new context is not reset. */
static void
test_no_fault_no_reset(void **state)
{
	uint64_t fault[2] = { ~0ull, ~0ull };
	struct drm_amdgpu_info q = { .return_pointer = (uintptr_t)fault,
	    .return_size = sizeof(fault), .query = INFO_GPUVM_FAULT };
	union drm_amdgpu_ctx c = { .in = { .op = AMDGPU_CTX_OP_ALLOC_CTX } };
	uint32_t id;

	(void)state;
	assert_int_equal(drmIoctl(fd, DRM_IOCTL_AMDGPU_INFO, &q), 0);
	assert_int_equal(fault[0], 0);
	assert_int_equal(fault[1], 0);
	assert_int_equal(drmIoctl(fd, DRM_IOCTL_AMDGPU_CTX, &c), 0);
	id = c.out.alloc.ctx_id;
	memset(&c, 0, sizeof(c));
	c.in.op = AMDGPU_CTX_OP_QUERY_STATE2;
	c.in.ctx_id = id;
	assert_int_equal(drmIoctl(fd, DRM_IOCTL_AMDGPU_CTX, &c), 0);
	assert_int_equal(c.out.state.flags, 0);
	memset(&c, 0, sizeof(c));
	c.in.op = AMDGPU_CTX_OP_FREE_CTX;
	c.in.ctx_id = id;
	assert_int_equal(drmIoctl(fd, DRM_IOCTL_AMDGPU_CTX, &c), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clear_splits),
		cmocka_unit_test(test_replace),
		cmocka_unit_test(test_close_unmaps),
		cmocka_unit_test(test_token_fds),
		cmocka_unit_test(test_no_fault_no_reset),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

/*
 * The libc calls RADV makes on the node fd itself, served like the kernel
 * serves them on a DRM file: ioctl(), mmap() of a GEM_MMAP offset, and the
 * dup()s of the fd.  RADV 25.x sends most amdgpu ioctls with libc's
 * ioctl() (Mesa src/util/os_drm.h, drm_ioctl_write_read and friends, used
 * by src/amd/common/ac_linux_drm.c) and maps BOs with mmap(fd, offset)
 * (src/amd/vulkan/winsys/amdgpu/radv_amdgpu_bo.c), so these calls never
 * reach libdrm.  The LD_AUDIT module (audit.c) binds
 * libvulkan_radeon.so's imports of those libc functions to the
 * libradv_metal_* functions below; every other fd goes on to libc.
 *
 * They live in libdrm.so.2, in the program's own link namespace: errno is
 * the program's, and the device state is the one the libdrm calls see.
 * Each has its libc function's contract: -1 (MAP_FAILED) and errno.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "bridge.h"

#define EXPORT	__attribute__((visibility("default")))

EXPORT int
libradv_metal_ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	void *arg;
	int rc;

	/* ioctl(2)'s third argument is one pointer-sized value. */
	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (bridge_file(fd) == NULL)
		return ioctl(fd, request, arg);
	rc = bridge_ioctl(fd, request, arg);
	if (rc < 0) {
		errno = -rc;
		return -1;
	}
	return rc;
}

/*
 * mmap(node fd, GEM_MMAP offset): a new mapping of the BO's own pages.
 * The BO's gpu_bo_map() pointer lies in a MAP_SHARED mapping of a memfd
 * (the model's VRAM, the host runtime's system memory), and mremap(2)
 * with old_size 0 on a shared mapping "will create a new mapping of the
 * same pages", at new_address with MREMAP_FIXED.  So the mapping RADV
 * gets is the memory the GPU reads and writes, with no memfd or offset
 * leaving the host runtime.  Protection: the new mapping has the source's
 * (read/write); a narrower request is applied with mprotect().
 */
EXPORT void *
libradv_metal_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	struct bfile *f;
	struct bgem *g;
	uint64_t inoff = (uint64_t)off & 0xffffffffu;
	uint32_t handle = (uint32_t)((uint64_t)off >> 32);
	void *cpu, *p;
	int rc;

	if (fd < 0 || (flags & MAP_ANONYMOUS) || (f = bridge_file(fd)) == NULL)
		return mmap(addr, len, prot, flags, fd, off);
	/* drm_gem_mmap: shared mappings of a whole-page range inside the BO. */
	g = bridge_gem_get(f, handle);
	if (g == NULL || (flags & MAP_SHARED) == 0 || len == 0 || off < 0 ||
	    (inoff & (GPU_PAGE_SIZE - 1)) != 0 || len > g->size || inoff > g->size - len) {
		errno = g == NULL ? EACCES : EINVAL;
		return MAP_FAILED;
	}
	rc = bridge_gem_cpu(f, handle, &cpu);
	if (rc != 0) {
		errno = -rc;
		return MAP_FAILED;
	}
	p = mremap((char *)cpu + inoff, 0, len,
	    MREMAP_MAYMOVE | ((flags & MAP_FIXED) ? MREMAP_FIXED : 0), addr);
	if (p == MAP_FAILED)
		return MAP_FAILED;
	if ((prot & (PROT_READ | PROT_WRITE)) != (PROT_READ | PROT_WRITE) &&
	    mprotect(p, len, prot) != 0) {
		int e = errno;

		munmap(p, len);
		errno = e;
		return MAP_FAILED;
	}
	return p;
}

/* dup() of a node fd is the same open file: the same GEM handles. */
EXPORT int
libradv_metal_dup(int fd)
{
	int nfd = dup(fd);

	if (nfd >= 0)
		bridge_file_dup(fd, nfd);
	return nfd;
}

EXPORT int
libradv_metal_fcntl(int fd, int cmd, ...)
{
	va_list ap;
	void *arg;
	int rc;

	/* As glibc's fcntl64: the optional argument is an int or a pointer. */
	va_start(ap, cmd);
	arg = va_arg(ap, void *);
	va_end(ap);
	rc = fcntl(fd, cmd, arg);
	if (rc >= 0 && (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC))
		bridge_file_dup(fd, rc);
	return rc;
}

/* close() of a dup forgets it; the file itself ends with its last
 * amdgpu_device_deinitialize (bridge_file_release), as before. */
EXPORT int
libradv_metal_close(int fd)
{
	bridge_file_closed(fd);
	return close(fd);
}

/*
 * Error codes of the MetalOS GPU API and driver.  Calls return 0 or one of
 * these, negated.  The values are Linux's errno numbers, so a bridge that
 * speaks the amdgpu ioctl interface can pass them through unchanged.
 */
#ifndef METALGPU_ERRNO_H
#define METALGPU_ERRNO_H

#define GPU_EPERM	1	/* not allowed for this client */
#define GPU_ENOENT	2	/* no such object or file */
#define GPU_EIO		5	/* the hardware or its firmware reported an error */
#define GPU_ENOEXEC	8	/* a firmware image is not for this chip or is malformed */
#define GPU_EBADF	9	/* a handle that is invalid, stale or of another client */
#define GPU_EAGAIN	11	/* try again (a poll that is not ready) */
#define GPU_ENOMEM	12	/* out of memory (host, VRAM or GTT) */
#define GPU_EFAULT	14	/* a GPU address that is not mapped */
#define GPU_EBUSY	16	/* the object is in use */
#define GPU_EEXIST	17	/* already exists (overlapping mapping) */
#define GPU_ENODEV	19	/* no such device, or the device is not for this driver */
#define GPU_EINVAL	22	/* an invalid argument */
#define GPU_ENOSPC	28	/* out of address space or ring space */
#define GPU_ERANGE	34	/* out of range */
#define GPU_EDEADLK	35	/* waiting would never finish */
#define GPU_ENOSYS	38	/* not supported */
#define GPU_ETIME	62	/* a wait timed out */
#define GPU_ECANCELED	125	/* work was cancelled (context reset) */

const char *gpu_strerror(int err);

#endif

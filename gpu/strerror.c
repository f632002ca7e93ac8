/* Names for the GPU_E* codes (include/metalgpu/errno.h). */
#include "metalgpu/errno.h"

const char *
gpu_strerror(int err)
{
	if (err < 0)
		err = -err;
	switch (err) {
	case 0:			return "success";
	case GPU_EPERM:		return "not permitted";
	case GPU_ENOENT:	return "not found";
	case GPU_EIO:		return "hardware or firmware error";
	case GPU_ENOEXEC:	return "invalid firmware image";
	case GPU_EBADF:		return "bad handle";
	case GPU_EAGAIN:	return "not ready";
	case GPU_ENOMEM:	return "out of memory";
	case GPU_EFAULT:	return "bad GPU address";
	case GPU_EBUSY:		return "busy";
	case GPU_EEXIST:	return "already exists";
	case GPU_ENODEV:	return "no such device";
	case GPU_EINVAL:	return "invalid argument";
	case GPU_ENOSPC:	return "no space";
	case GPU_ERANGE:	return "out of range";
	case GPU_EDEADLK:	return "would deadlock";
	case GPU_ENOSYS:	return "not supported";
	case GPU_ETIME:		return "timed out";
	case GPU_ECANCELED:	return "cancelled";
	default:		return "unknown error";
	}
}

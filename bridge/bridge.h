/*
 * libradv-metal internals: the amdgpu kernel driver's file interface
 * (generic DRM and amdgpu ioctls on a device fd), served in-process on top
 * of the MetalOS GPU API (include/metalgpu/api.h).
 *
 * Layers, top to bottom:
 *   xf86drm.c, amdgpu.c	libdrm.so.2 and libdrm_amdgpu.so.1 entry points
 *   ioctl.c			bridge_ioctl(): decode an ioctl request number
 *   info.c gem.c cs.c sync.c	one amdgpu object family each, as the kernel
 *				(drivers/gpu/drm/amd/amdgpu/amdgpu_kms.c, _gem.c,
 *				_cs.c, drivers/gpu/drm/drm_syncobj.c) serves it
 *   device.c			the simulated device, its node file, the files
 *
 * Struct layouts are Debian's libdrm-dev UAPI headers (drm.h, amdgpu_drm.h).
 * Every handler returns 0 or a negative errno, as a kernel ioctl does.
 */
#ifndef BRIDGE_BRIDGE_H
#define BRIDGE_BRIDGE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "metalgpu/api.h"

/* A handle table: handles are 1-based indices, the lowest free one is
 * reused as the kernel's idr does for GEM and syncobj handles. */
struct htab {
	void **slot;
	uint32_t n;
};

uint32_t htab_add(struct htab *, void *obj);	/* 0: out of memory */
void	*htab_get(const struct htab *, uint32_t h);
void	*htab_del(struct htab *, uint32_t h);	/* returns the object */

/* The process's one simulated RX 6600. */
struct bdev {
	struct os_dev *os;
	struct gpu_device *gpu;
	struct gpu_info info;
	uint64_t gtt_size;		/* host system memory GTT BOs come from */
	char dir[256];			/* per-process directory of the node */
	char render_path[300];		/* the render node RADV opens */
	char primary_path[300];		/* never created: no KMS */
	dev_t node_dev;
	ino_t node_ino;
};

/* One open of the node, the kernel's struct drm_file: its own GPU client
 * (VM), GEM handles, contexts and syncobjs. */
struct bfile {
	int fd;
	dev_t st_dev;
	ino_t st_ino;
	struct gpu_client *client;
	pthread_mutex_t lock;		/* protects the tables below */
	struct htab gems, ctxs, syncobjs;
	gpu_handle helper_queue;	/* cs.c: jobs with no commands */
	struct bmap *maps;		/* gem.c: the VM's mappings, unsorted */
	uint32_t nmaps;
	struct bfile *next;
};

/* One GEM_VA mapping of a file's VM, as the kernel's amdgpu_bo_va_mapping:
 * [va, va + size) shows [offset, offset + size) of GEM handle, or is a PRT
 * range (handle 0, recorded only: see gem.c). */
struct bmap {
	uint64_t va, size, offset;
	uint32_t handle;
	uint32_t perms;			/* GPU_VM_* */
};

struct bgem {
	gpu_handle bo;
	uint64_t size, alignment;
	uint32_t domains;		/* AMDGPU_GEM_DOMAIN_* asked for */
	uint64_t flags;			/* AMDGPU_GEM_CREATE_* */
	void *cpu;			/* gpu_bo_map() pointer, once mapped */
	uint64_t tiling_info;		/* GEM_METADATA */
	uint32_t umd_size;
	uint32_t umd[64];
};

/* A syncobj: a timeline semaphore of its own, plus the fence it holds as
 * a binary syncobj, a point on some semaphore of the file (its own, or
 * another one's after a transfer or import).  fence_sem 0: no fence. */
struct bsync {
	gpu_handle sem;
	gpu_handle fence_sem;
	uint64_t fence_value;
	uint64_t last;			/* highest point submitted on sem */
};

/* The semaphore points a submission signals, kept until it finishes: if
 * its queue is reset they are signalled from the CPU, as the kernel
 * signals a cancelled job's fence (with an error), so no wait outlives a
 * lost context (cs.c bridge_file_reap_lost). */
struct bpending {
	uint64_t seq;
	uint32_t n;
	struct bpending *next;
	struct gpu_sem_point pts[];
};

#define BRIDGE_NUM_IPS	3		/* GFX, COMPUTE, DMA */
#define BRIDGE_MAX_RINGS 4

/* A CS context: a GPU API queue per (IP, ring), created on first use, and
 * a semaphore per queue whose value is the last completed sequence number,
 * so CS fences, dependencies and WAIT_CS are all semaphore points. */
struct bctx {
	uint32_t priority;
	struct {
		gpu_handle queue, sem;
		uint64_t seq;		/* last submitted */
		uint32_t uf_handle;	/* user fence GEM (0: none), cs.c */
		uint32_t uf_offset;	/* its byte offset */
		struct bpending *pending;	/* newest first */
	} q[BRIDGE_NUM_IPS][BRIDGE_MAX_RINGS];
	bool lost;
};

/* device.c */
struct bdev *bridge_device(void);	/* brings the device up on first call */
struct bfile *bridge_file(int fd);	/* NULL: not a bridge fd */
void	bridge_file_release(int fd);	/* amdgpu_device_deinitialize's last ref */
void	bridge_file_dup(int oldfd, int newfd);	/* newfd names oldfd's file */
void	bridge_file_closed(int fd);	/* close() of a node fd */
void	bridge_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Logs "name" once per process: an unknown ioctl, query or chunk. */
void	bridge_log_once(const char *what, unsigned long id);
int	bridge_errno(int gpu_err);	/* GPU_E* to -errno */
/* token_fd.c: an fd carrying {magic, export token, extra}; -errno on failure. */
int	token_fd_new(const char *name, int cloexec, uint64_t magic, uint64_t token,
	    uint64_t extra);
int	token_fd_read(int fd, uint64_t magic, uint64_t *token, uint64_t *extra);

/* libc.c: libc's ioctl/mmap/dup/fcntl/close for RADV's own calls on a node
 * fd (bound by the LD_AUDIT module audit.c); other fds go on to libc. */
int	libradv_metal_ioctl(int fd, unsigned long request, ...);
void	*libradv_metal_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int	libradv_metal_dup(int fd);
int	libradv_metal_fcntl(int fd, int cmd, ...);
int	libradv_metal_close(int fd);

/* ioctl.c: 0 or -errno.  ENOTTY for fds that are not the bridge's. */
int	bridge_ioctl(int fd, unsigned long request, void *arg);

/* Per-family handlers (arg is the ioctl's struct). */
int	bridge_info(struct bfile *, void *arg);
int	bridge_gem_create(struct bfile *, void *arg);
int	bridge_gem_mmap(struct bfile *, void *arg);
int	bridge_gem_va(struct bfile *, void *arg);
int	bridge_gem_close(struct bfile *, void *arg);
int	bridge_gem_wait_idle(struct bfile *, void *arg);
int	bridge_gem_metadata(struct bfile *, void *arg);
int	bridge_gem_op(struct bfile *, void *arg);
int	bridge_gem_userptr(struct bfile *, void *arg);
int	bridge_prime_handle_to_fd(struct bfile *, void *arg);
int	bridge_prime_fd_to_handle(struct bfile *, void *arg);
int	bridge_ctx(struct bfile *, void *arg);
int	bridge_cs(struct bfile *, void *arg);
int	bridge_wait_cs(struct bfile *, void *arg);
int	bridge_wait_fences(struct bfile *, void *arg);
int	bridge_bo_list(struct bfile *, void *arg);
int	bridge_vm(struct bfile *, void *arg);
int	bridge_fence_to_handle(struct bfile *, void *arg);
int	bridge_syncobj_create(struct bfile *, void *arg);
int	bridge_syncobj_destroy(struct bfile *, void *arg);
int	bridge_syncobj_wait(struct bfile *, void *arg);
int	bridge_syncobj_timeline_wait(struct bfile *, void *arg);
int	bridge_syncobj_reset(struct bfile *, void *arg);
int	bridge_syncobj_signal(struct bfile *, void *arg);
int	bridge_syncobj_timeline_signal(struct bfile *, void *arg);
int	bridge_syncobj_query(struct bfile *, void *arg);
int	bridge_syncobj_transfer(struct bfile *, void *arg);
int	bridge_syncobj_handle_to_fd(struct bfile *, void *arg);
int	bridge_syncobj_fd_to_handle(struct bfile *, void *arg);

/* gem.c: the GEM object of a handle; a CPU pointer to it (maps once). */
struct bgem *bridge_gem_get(struct bfile *, uint32_t handle);
int	bridge_gem_cpu(struct bfile *, uint32_t handle, void **cpu);
/* The GEM_MMAP offset that names a BO on the node. */
uint64_t bridge_gem_mmap_offset(uint32_t handle);

/* sync.c, for cs.c: the point a CS waits for / signals. */
int	bridge_syncobj_wait_point(struct bfile *, uint32_t h, uint64_t value,
	    struct gpu_sem_point *out);
int	bridge_syncobj_signal_point(struct bfile *, uint32_t h, uint64_t value,
	    struct gpu_sem_point *out);
void	bridge_file_close_syncobjs(struct bfile *);
void	bridge_file_close_ctxs(struct bfile *);
/* cs.c: signal what the jobs of reset queues would have signalled. */
void	bridge_file_reap_lost(struct bfile *);
/* cs.c: wait until all work of the file is done; -ETIME on timeout. */
int	bridge_wait_file_idle(struct bfile *, uint64_t timeout_ns);
/* cs.c: signal dst once src is reached, without blocking the caller. */
int	bridge_signal_after(struct bfile *, const struct gpu_sem_point *src,
	    const struct gpu_sem_point *dst);

/* Nanoseconds left until an absolute CLOCK_MONOTONIC deadline (the DRM
 * wait ioctls' timeouts are absolute). */
uint64_t bridge_timeout_left(int64_t abs_ns);

#endif

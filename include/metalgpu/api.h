/*
 * The MetalOS GPU API, pillars B-D: buffer objects, GPU virtual memory,
 * queues, fences and timeline semaphores.  The contract the bridge
 * (libradv-metal), the MetalOS kernel and the gpu-service meet at.
 *
 * Every call is made by a client (one per process or open of the device)
 * and validates every argument against it: a handle of another client, a
 * stale handle, a bad size or an overlapping VA is an error, never a crash.
 * Calls return 0 or a negative GPU_E* code (metalgpu/errno.h).
 * docs/api.md documents each call, its errors and its cost.
 */
#ifndef METALGPU_API_H
#define METALGPU_API_H

#include <stdbool.h>
#include <stdint.h>

#include "metalgpu/errno.h"
#include "metalgpu/gpu.h"

struct gpu_client;

/* A handle names one object of one client: never 0, never reused while
 * the client is open (a generation count makes stale handles fail). */
typedef uint32_t gpu_handle;

int	gpu_client_open(struct gpu_device *, struct gpu_client **out);
/* Waits for (or cancels) the client's work, then frees all it owned. */
void	gpu_client_close(struct gpu_client *);

/* --- Buffer objects ------------------------------------------------------- */
#define GPU_DOMAIN_VRAM		(1u << 0)
#define GPU_DOMAIN_GTT		(1u << 1)

#define GPU_BO_CPU_ACCESS	(1u << 0)	/* the CPU will map it */
#define GPU_BO_CONTIGUOUS	(1u << 1)	/* physically contiguous */
#define GPU_BO_WC		(1u << 2)	/* write-combined CPU mapping (GTT) */
#define GPU_BO_FLAGS_ALL	0x7u

#define GPU_BO_MAX_SIZE		(8ull << 30)

struct gpu_bo_info {
	uint64_t size;
	uint32_t domain, flags;
	uint64_t phys;		/* VRAM offset, or bus address of the first page (GTT) */
};

int	gpu_bo_create(struct gpu_client *, uint64_t size, uint32_t domain,
	    uint32_t flags, gpu_handle *bo);
/* Freeing a BO still mapped or in use by queued work is safe: the memory
 * is released when the GPU is done with it. */
int	gpu_bo_free(struct gpu_client *, gpu_handle bo);
/* A CPU pointer to the very pages the GPU uses (shared, not a copy). */
int	gpu_bo_map(struct gpu_client *, gpu_handle bo, void **cpu);
int	gpu_bo_unmap(struct gpu_client *, gpu_handle bo);
int	gpu_bo_query(struct gpu_client *, gpu_handle bo, struct gpu_bo_info *);
/* A token another client can import (valid until the BO's last reference goes). */
int	gpu_bo_export(struct gpu_client *, gpu_handle bo, uint64_t *token);
int	gpu_bo_import(struct gpu_client *, uint64_t token, gpu_handle *bo);

/* --- GPU virtual memory ------------------------------------------------------ */
#define GPU_VM_READ		(1u << 0)
#define GPU_VM_WRITE		(1u << 1)
#define GPU_VM_EXEC		(1u << 2)
#define GPU_VM_PERMS_ALL	0x7u

/* The client's address space: [GPU_VA_START, GPU_VA_END). */
#define GPU_VA_START		0x200000ull		/* amdgpu: reserve the first 2 MiB */
#define GPU_VA_END		0x800000000000ull	/* 47 bits: the low half of 48-bit VA */
#define GPU_PAGE_SIZE		4096u

/* Map [bo_offset, bo_offset + size) of bo at va; all 4 KiB aligned. */
int	gpu_vm_map(struct gpu_client *, gpu_handle bo, uint64_t bo_offset,
	    uint64_t va, uint64_t size, uint32_t perms);
/* Unmap exactly one earlier mapping. */
int	gpu_vm_unmap(struct gpu_client *, uint64_t va, uint64_t size);

struct gpu_vm_fault {
	uint64_t addr;		/* faulting page address */
	uint32_t vmid;
	bool write;
	char engine[16];	/* ring name */
	uint32_t count;		/* faults recorded for this client so far */
};
/* The last VM fault of this client's work; GPU_ENOENT if none. */
int	gpu_vm_fault_query(struct gpu_client *, struct gpu_vm_fault *);

/* --- Queues, fences ------------------------------------------------------------- */
enum gpu_queue_type { GPU_QUEUE_GFX, GPU_QUEUE_COMPUTE, GPU_QUEUE_DMA };

struct gpu_cmdbuf {
	uint64_t va;		/* in the client's VM, 4-byte aligned (32 for DMA) */
	uint32_t ndw;		/* dwords */
};

struct gpu_sem_point {
	gpu_handle sem;
	uint64_t value;
};

struct gpu_submit {
	const struct gpu_cmdbuf *cmds;
	uint32_t ncmds;
	const struct gpu_sem_point *waits;	/* run once every sem >= value */
	uint32_t nwaits;
	const struct gpu_sem_point *signals;	/* set when the job is done */
	uint32_t nsignals;
};

int	gpu_queue_create(struct gpu_client *, enum gpu_queue_type, gpu_handle *queue);
int	gpu_queue_destroy(struct gpu_client *, gpu_handle queue);
/* Never blocks on the waits: a job whose waits are not met is held and
 * released when they are.  *fence is the job's sequence number on queue. */
int	gpu_queue_submit(struct gpu_client *, gpu_handle queue,
	    const struct gpu_submit *, uint64_t *fence);
/* 0 when done, GPU_ETIME on timeout (0 = poll), GPU_ECANCELED if the job's
 * context was reset (hang or fault). */
int	gpu_fence_wait(struct gpu_client *, gpu_handle queue, uint64_t fence,
	    uint64_t timeout_ns);
/* GPU_ECANCELED once the queue was reset; otherwise 0. */
int	gpu_queue_status(struct gpu_client *, gpu_handle queue);
/* Whether a hang was blamed on one of the queue's jobs (it was cancelled
 * as the guilty queue, not as a bystander of a failed ring reset). */
int	gpu_queue_guilty(struct gpu_client *, gpu_handle queue, bool *guilty);

/* --- Timeline semaphores ----------------------------------------------------------- */
int	gpu_sem_create(struct gpu_client *, uint64_t initial, gpu_handle *sem);
int	gpu_sem_destroy(struct gpu_client *, gpu_handle sem);
int	gpu_sem_signal(struct gpu_client *, gpu_handle sem, uint64_t value);
int	gpu_sem_query(struct gpu_client *, gpu_handle sem, uint64_t *value);
/* Wait until all (or any) points are reached; GPU_ETIME on timeout,
 * GPU_ENOENT if a semaphore is destroyed while waited on. */
int	gpu_sem_wait(struct gpu_client *, const struct gpu_sem_point *, uint32_t n,
	    bool all, uint64_t timeout_ns);
int	gpu_sem_export(struct gpu_client *, gpu_handle sem, uint64_t *token);
int	gpu_sem_import(struct gpu_client *, uint64_t token, gpu_handle *sem);

/* --- Hang detection ----------------------------------------------------------------- */
/* A job running longer than this is a hang (default 10 s, amdgpu's
 * lockup_timeout). */
void	gpu_set_job_timeout(struct gpu_device *, uint64_t ns);

#endif

/*
 * Inside the GPU API: clients, their handle tables, buffer objects, the
 * per-client VM, queues, jobs and timeline semaphores.  Implemented in
 * client.c, bo.c, vm.c, queue.c and sem.c.
 *
 * Locking: dev->api_lock (one per device) protects every object reachable
 * from a client, the export tables and reference counts.  Fence waits and
 * semaphore waits sleep without it.
 */
#ifndef GPU_CLIENT_H
#define GPU_CLIENT_H

#include "amdgpu.h"
#include "metalgpu/api.h"

#define CLIENT_MAX_QUEUES	16
#define VM_LEVELS		4	/* PDB2, PDB1, PDB0, PTB */

enum obj_kind { OBJ_FREE, OBJ_BO, OBJ_QUEUE, OBJ_SEM };

struct gpu_bo {
	struct gpu_device *dev;
	unsigned refs;		/* handles, VM mappings, deferred frees */
	uint64_t size;
	uint32_t domain, flags;
	uint64_t vram_off;	/* GPU_DOMAIN_VRAM */
	struct os_dma dma;	/* GPU_DOMAIN_GTT */
	void *cpu;
	unsigned maps;		/* outstanding gpu_bo_map calls */
	uint64_t token;		/* export token, 0 if never exported */
};

/* One level of the page-table tree: a 4 KiB table in VRAM and, for
 * directories, the host-side pointers to its children. */
struct pt {
	struct kbo mem;
	uint64_t *e;
	struct pt **child;	/* NULL for the last level */
	unsigned used;		/* valid entries */
};

struct vm_mapping {
	uint64_t va, size, bo_offset;
	uint32_t perms;
	struct gpu_bo *bo;
	struct vm_mapping *next;	/* sorted by va */
};

struct gpu_vm {
	unsigned vmid;
	struct pt *root;
	struct vm_mapping *maps;
	struct gpu_vm_fault fault;	/* last fault seen in this VMID */
};

struct gpu_sem {
	unsigned refs;		/* handles in any client, jobs that wait or signal */
	uint64_t value;
	bool destroyed;		/* by its creator: waiters get GPU_ENOENT */
	uint64_t token;
};

struct job_point {
	struct gpu_sem *sem;
	uint64_t value;
};

struct gpu_queue;

/* One submission: held until its waits are met, then on the ring. */
struct gpu_job {
	struct gpu_queue *q;
	uint64_t seq;			/* the client-visible fence */
	struct gpu_cmdbuf *cmds;
	uint32_t ncmds;
	struct job_point *waits, *signals;
	uint32_t nwaits, nsignals;
	uint32_t ring_seq;		/* hardware fence, once on the ring */
	uint64_t start_ns;
	struct gpu_job *next;
};

struct gpu_queue {
	struct gpu_client *c;
	enum gpu_queue_type type;
	struct gpu_ring *ring;
	uint64_t next_seq, done_seq;
	int status;			/* 0, or GPU_ECANCELED after a reset */
	uint64_t cancelled_from;	/* fences >= this completed with an error */
	bool guilty;			/* a hang was blamed on one of its jobs */
	struct gpu_job *held, *held_tail;	/* waits not met, FIFO */
	struct gpu_job *running, *running_tail;
	struct gpu_job *replay, *replay_tail;	/* ring reset: to emit again */
	gpu_handle handle;
};

/* Work a BO must outlive: released once these queue fences are done. */
struct deferred_unref {
	struct gpu_bo *bo;
	struct gpu_queue *q[CLIENT_MAX_QUEUES];
	uint64_t seq[CLIENT_MAX_QUEUES];
	unsigned nq;
	struct deferred_unref *next;
};

/* Anyone sleeping in gpu_fence_wait / gpu_sem_wait. */
struct waiter {
	struct os_event *ev;
	struct waiter *next;
};

struct handle_slot {
	uint16_t gen;
	uint8_t kind;
	void *obj;
};

struct gpu_client {
	struct gpu_device *dev;
	uint8_t tag;			/* in every handle of this client */
	struct handle_slot *slots;
	uint32_t nslots;
	struct gpu_vm vm;
	struct gpu_queue *queues[CLIENT_MAX_QUEUES];
	struct deferred_unref *deferred;
	struct gpu_client *next;	/* dev->clients */
};

/* --- client.c -------------------------------------------------------------- */
int	handle_new(struct gpu_client *, enum obj_kind, void *obj, gpu_handle *out);
void	*handle_get(struct gpu_client *, gpu_handle, enum obj_kind);
void	handle_drop(struct gpu_client *, gpu_handle);
int	api_init(struct gpu_device *);
void	api_fini(struct gpu_device *);
void	api_destroy(struct gpu_device *);

/* --- bo.c --------------------------------------------------------------------- */
void	bo_ref(struct gpu_bo *);
void	bo_unref(struct gpu_bo *);
/* The page address the GPU uses for byte `off` of the BO, and its PTE
 * flags (SYSTEM/SNOOPED for system pages). */
uint64_t bo_page_addr(const struct gpu_bo *, uint64_t off, uint64_t *pte_flags);

/* --- export.c ------------------------------------------------------------------ */
/* The token of object h (exported on first use; token_off locates its token
 * field); GPU_EBADF if h is not a live object of that kind. */
int	export_token(struct gpu_client *, gpu_handle h, unsigned kind,
	    size_t token_off, uint64_t *token);
void	*export_find(struct gpu_device *, uint64_t token, unsigned kind);
void	export_remove(struct gpu_device *, void *obj);

/* --- queue.c, sem.c ------------------------------------------------------------- */
/* Retire finished jobs, apply their signals, release held jobs, reset a
 * ring whose jobs stopped making progress for the job timeout, wake
 * waiters.  api_lock held; not from interrupt context. */
void	sched_update(struct gpu_device *);
void	sem_unref(struct gpu_sem *);
void	wake_all(struct gpu_device *);
int	wait_until(struct gpu_device *, bool (*done)(void *), void *arg, uint64_t timeout_ns);
void	queue_destroy_all(struct gpu_client *);
/* Unref bo now, or once the client's submitted work is done. */
void	unref_after_work(struct gpu_client *, struct gpu_bo *);

/* --- vm.c ------------------------------------------------------------------------ */
int	vm_init(struct gpu_client *);
/* The PTE that maps va, 0 if none (tests and tools). */
uint64_t vm_lookup_pte(struct gpu_client *, uint64_t va);
void	vm_fini(struct gpu_client *);

#endif

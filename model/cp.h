/*
 * Inside the CP model: one PM4 queue (the gfx ring, or a MEC hardware queue)
 * as the packet executor (pm4.c) sees it, and what cp.c offers it.
 */
#ifndef MODEL_CP_H
#define MODEL_CP_H

#include "model.h"

/* The largest type-3 packet: a 14-bit COUNT plus the header. */
#define PM4_MAX_PKT_DW		(0x4000 + 1)
#define PM4_BOUNCE_BYTES	(64u << 10)	/* DMA_DATA copy chunk */

/*
 * A queue's ring and pointers.  The owner (cp.c) fills it from the
 * registers under m->lock; pm4_run() then works without the lock and
 * advances rptr.
 */
struct pm4_queue {
	char name[24];
	unsigned ring_id;	/* IV ring_id: me [3:2], pipe [1:0], queue [6:4] */
	uint64_t base;		/* ring, a VMID 0 address */
	uint32_t size_dw;	/* power of two */
	unsigned vmid;		/* CP_RB_VMID / CP_HQD_VMID */
	uint64_t rptr, wptr;	/* dwords; they only grow */
	uint64_t rptr_wb;	/* 0: no write-back */
	bool hung;		/* a bad packet: stays hung until reset */
};

struct dispatch_state;

/* Per engine thread: scratch space for one packet and one copy chunk. */
struct pm4_ctx {
	struct navi23 *m;
	struct model_engine *e;
	struct pm4_queue *q;
	/* Asked before every packet: may the queue go on (not halted,
	 * still active)?  Called without m->lock. */
	bool (*running)(struct pm4_ctx *, const struct pm4_queue *);
	uint32_t pkt[PM4_MAX_PKT_DW];
	uint8_t bounce[PM4_BOUNCE_BYTES];
	struct dispatch_state *disp;	/* dispatch.c, per engine thread */
};

/* pm4.c: run packets from q->rptr up to q->wptr (or until the queue
 * hangs or stalls on a partly committed packet).  Returns the number of
 * dwords consumed; q->rptr (masked) and its write-back follow each packet. */
unsigned pm4_run(struct pm4_ctx *, struct pm4_queue *);

/*
 * dispatch.c: compute dispatch (wave launch) for the queues of one engine
 * thread.  The COMPUTE_* SH registers a queue sets with SET_SH_REG are
 * shadowed per queue (ring_id), so queues of different threads or of the
 * same MEC do not see each other's state.
 */
enum dispatch_rc {
	DISPATCH_OK,
	DISPATCH_STALL,		/* halted or dequeued meanwhile: stop now */
	DISPATCH_HANG,		/* reported; the queue must hang */
};

int	dispatch_init(struct pm4_ctx *);
void	dispatch_fini(struct pm4_ctx *);
/* A SET_*_REG value for absolute dword `abs` (ignored outside COMPUTE_*). */
void	dispatch_sh_write(struct pm4_ctx *, uint32_t abs, uint32_t val);
/* SET_BASE: base `index` of the current queue (1 = dispatch indirect). */
void	dispatch_set_base(struct pm4_ctx *, unsigned index, uint64_t va);
uint64_t dispatch_get_base(struct pm4_ctx *, unsigned index);
/* Run a grid of dims[] (groups, or threads with USE_THREAD_DIMENSIONS)
 * from the current queue's state; memory at `vmid`. */
enum dispatch_rc dispatch_run(struct pm4_ctx *, unsigned vmid,
	    const uint32_t dims[3], uint32_t initiator);

#endif

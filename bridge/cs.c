/*
 * Contexts and submissions: AMDGPU_CTX, CS (with its chunks), WAIT_CS,
 * WAIT_FENCES, BO_LIST, VM, FENCE_TO_HANDLE, as Linux's amdgpu_ctx.c and
 * amdgpu_cs.c serve them, on GPU API queues and semaphores.
 *
 * A context's (IP, ring) is one API queue.  Each submission on it signals
 * the queue's semaphore at the submission's sequence number, which is also
 * the API fence (a queue's fences count 1, 2, 3... and only this context
 * submits on it), so CS fences, DEPENDENCIES and WAIT_CS all become
 * semaphore points and fence waits.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <amdgpu_drm.h>

#include "bridge.h"

#define MAX_POINTS	64		/* the API's waits / signals per job */
#define MAX_IBS		16

static const enum gpu_queue_type ip_queue[BRIDGE_NUM_IPS] = {
	[AMDGPU_HW_IP_GFX] = GPU_QUEUE_GFX,
	[AMDGPU_HW_IP_COMPUTE] = GPU_QUEUE_COMPUTE,
	[AMDGPU_HW_IP_DMA] = GPU_QUEUE_DMA,
};

/* Drop the records of submissions up to seq (all of them: UINT64_MAX). */
static void
pending_prune(struct bpending **pp, uint64_t seq)
{
	while (*pp != NULL) {
		struct bpending *p = *pp;

		if (p->seq <= seq) {
			*pp = p->next;
			free(p);
		} else {
			pp = &p->next;
		}
	}
}

static void
ctx_free(struct bfile *f, struct bctx *c)
{
	for (unsigned ip = 0; ip < BRIDGE_NUM_IPS; ip++) {
		for (unsigned r = 0; r < BRIDGE_MAX_RINGS; r++) {
			pending_prune(&c->q[ip][r].pending, UINT64_MAX);
			/* Destroying a queue waits for its running job. */
			if (c->q[ip][r].queue != 0)
				gpu_queue_destroy(f->client, c->q[ip][r].queue);
			if (c->q[ip][r].sem != 0)
				gpu_sem_destroy(f->client, c->q[ip][r].sem);
		}
	}
	free(c);
}

void
bridge_file_close_ctxs(struct bfile *f)
{
	for (uint32_t h = 1; h <= f->ctxs.n; h++) {
		struct bctx *c = htab_del(&f->ctxs, h);

		if (c != NULL)
			ctx_free(f, c);
	}
	if (f->helper_queue != 0)
		gpu_queue_destroy(f->client, f->helper_queue);
	f->helper_queue = 0;
}

static void reap_ctx(struct bfile *, struct bctx *);

static bool
ctx_lost(struct bfile *f, struct bctx *c)
{
	reap_ctx(f, c);
	for (unsigned ip = 0; ip < BRIDGE_NUM_IPS && !c->lost; ip++)
		for (unsigned r = 0; r < BRIDGE_MAX_RINGS; r++)
			if (c->q[ip][r].queue != 0 &&
			    gpu_queue_status(f->client, c->q[ip][r].queue) == -GPU_ECANCELED)
				c->lost = true;
	return c->lost;
}

/*
 * Linux amdgpu_ctx.c amdgpu_ctx_query2(): RESET when a GPU reset happened
 * since the context was created (ctx->reset_counter against
 * adev->gpu_reset_counter), VRAMLOST when VRAM was lost since then
 * (vram_lost_counter), GUILTY when the scheduler blamed a job of this
 * context (ctx->guilty, set by drm_sched_increase_karma).  The API resets
 * one ring, never the whole GPU, and replays the innocent queues' jobs:
 * so RESET is reported only to a context whose own queue was cancelled
 * (a context that lost work), GUILTY when the hang was blamed on that
 * queue, and VRAMLOST never (VRAM survives a ring reset; the
 * VRAM_LOST_COUNTER query stays 0).
 */
static bool
ctx_guilty(struct bfile *f, struct bctx *c)
{
	for (unsigned ip = 0; ip < BRIDGE_NUM_IPS; ip++) {
		for (unsigned r = 0; r < BRIDGE_MAX_RINGS; r++) {
			bool guilty;

			if (c->q[ip][r].queue != 0 &&
			    gpu_queue_guilty(f->client, c->q[ip][r].queue, &guilty) == 0 && guilty)
				return true;
		}
	}
	return false;
}

/*
 * A queue the API reset drops its jobs without applying their signals.
 * The kernel instead signals a cancelled job's fence (with -ECANCELED),
 * so syncobj waits end and RADV then finds the reset through CTX
 * QUERY_STATE2.  Do the same from the CPU for every job of a reset queue
 * that had not finished.  f->lock held.
 */
static void
reap_ctx(struct bfile *f, struct bctx *c)
{
	for (unsigned ip = 0; ip < BRIDGE_NUM_IPS; ip++) {
		for (unsigned r = 0; r < BRIDGE_MAX_RINGS; r++) {
			struct bpending *p;

			if (c->q[ip][r].pending == NULL ||
			    gpu_queue_status(f->client, c->q[ip][r].queue) != -GPU_ECANCELED)
				continue;
			c->lost = true;
			for (p = c->q[ip][r].pending; p != NULL; p = p->next)
				for (uint32_t i = 0; i < p->n; i++)
					(void)gpu_sem_signal(f->client, p->pts[i].sem,
					    p->pts[i].value);	/* may be past it */
			pending_prune(&c->q[ip][r].pending, UINT64_MAX);
		}
	}
}

void
bridge_file_reap_lost(struct bfile *f)
{
	pthread_mutex_lock(&f->lock);
	for (uint32_t h = 1; h <= f->ctxs.n; h++) {
		struct bctx *c = htab_get(&f->ctxs, h);

		if (c != NULL)
			reap_ctx(f, c);
	}
	pthread_mutex_unlock(&f->lock);
}

/* Remember what the submission seq signals; prune finished ones. */
static int
pending_add(struct bfile *f, struct bctx *c, unsigned ip, unsigned ring, uint64_t seq,
    const struct gpu_sem_point *pts, uint32_t n)
{
	struct bpending *p = malloc(sizeof(*p) + n * sizeof(pts[0]));
	uint64_t done;

	if (gpu_sem_query(f->client, c->q[ip][ring].sem, &done) == 0)
		pending_prune(&c->q[ip][ring].pending, done);
	if (p == NULL)
		return -ENOMEM;
	p->seq = seq;
	p->n = n;
	memcpy(p->pts, pts, n * sizeof(pts[0]));
	p->next = c->q[ip][ring].pending;
	c->q[ip][ring].pending = p;
	return 0;
}

int
bridge_ctx(struct bfile *f, void *arg)
{
	union drm_amdgpu_ctx *a = arg;
	struct bctx *c;
	uint32_t id = a->in.ctx_id, op = a->in.op;
	int32_t prio = a->in.priority;

	switch (op) {
	case AMDGPU_CTX_OP_ALLOC_CTX:
		c = calloc(1, sizeof(*c));
		if (c == NULL)
			return -ENOMEM;
		c->priority = (uint32_t)prio;
		pthread_mutex_lock(&f->lock);
		id = htab_add(&f->ctxs, c);
		pthread_mutex_unlock(&f->lock);
		if (id == 0) {
			free(c);
			return -ENOMEM;
		}
		memset(a, 0, sizeof(*a));
		a->out.alloc.ctx_id = id;
		return 0;
	case AMDGPU_CTX_OP_FREE_CTX:
		pthread_mutex_lock(&f->lock);
		c = htab_del(&f->ctxs, id);
		pthread_mutex_unlock(&f->lock);
		if (c == NULL)
			return -EINVAL;
		ctx_free(f, c);
		return 0;
	case AMDGPU_CTX_OP_QUERY_STATE:
	case AMDGPU_CTX_OP_QUERY_STATE2:
		pthread_mutex_lock(&f->lock);
		c = htab_get(&f->ctxs, id);
		pthread_mutex_unlock(&f->lock);
		if (c == NULL)
			return -EINVAL;
		memset(a, 0, sizeof(*a));
		if (ctx_lost(f, c)) {
			bool guilty = ctx_guilty(f, c);

			if (op == AMDGPU_CTX_OP_QUERY_STATE)
				a->out.state.reset_status = guilty ? AMDGPU_CTX_GUILTY_RESET :
				    AMDGPU_CTX_INNOCENT_RESET;
			else
				a->out.state.flags = AMDGPU_CTX_QUERY2_FLAGS_RESET |
				    (guilty ? AMDGPU_CTX_QUERY2_FLAGS_GUILTY : 0);
		}
		return 0;
	case AMDGPU_CTX_OP_GET_STABLE_PSTATE:
		memset(a, 0, sizeof(*a));
		a->out.pstate.flags = AMDGPU_CTX_STABLE_PSTATE_NONE;
		return 0;
	case AMDGPU_CTX_OP_SET_STABLE_PSTATE:
		/* Clocks are not managed: accept, as for a driver that
		 * ignores the profile. */
		return 0;
	default:
		return -EINVAL;
	}
}

/* The queue of (ctx, ip, ring), created on first use.  f->lock held. */
static int
ctx_queue(struct bfile *f, struct bctx *c, uint32_t ip, uint32_t ring, unsigned *ipo,
    unsigned *ringo)
{
	int rc;

	if (ip >= BRIDGE_NUM_IPS || ring >= BRIDGE_MAX_RINGS)
		return -EINVAL;
	*ipo = ip;
	*ringo = ring;
	if (c->q[ip][ring].queue != 0)
		return 0;
	rc = gpu_sem_create(f->client, 0, &c->q[ip][ring].sem);
	if (rc != 0)
		return bridge_errno(rc);
	rc = gpu_queue_create(f->client, ip_queue[ip], &c->q[ip][ring].queue);
	if (rc != 0) {
		gpu_sem_destroy(f->client, c->q[ip][ring].sem);
		c->q[ip][ring].sem = 0;
		return bridge_errno(rc);
	}
	return 0;
}

struct cs_job {
	struct gpu_cmdbuf ibs[MAX_IBS];
	uint32_t nibs;
	int ip, ring;
	struct gpu_sem_point waits[MAX_POINTS], signals[MAX_POINTS];
	uint32_t nwaits, nsignals;
	uint32_t uf_handle, uf_offset;	/* user FENCE chunk; handle 0: none */
};

static int
add_point(struct gpu_sem_point *arr, uint32_t *n, struct gpu_sem_point p)
{
	if (*n >= MAX_POINTS)
		return -EINVAL;
	arr[(*n)++] = p;
	return 0;
}

/* A DEPENDENCIES entry: a fence of some context's queue. */
static int
dep_point(struct bfile *f, const struct drm_amdgpu_cs_chunk_dep *d, struct cs_job *j)
{
	struct bctx *c;
	struct gpu_sem_point p;

	pthread_mutex_lock(&f->lock);
	c = htab_get(&f->ctxs, d->ctx_id);
	if (c == NULL || d->ip_type >= BRIDGE_NUM_IPS || d->ring >= BRIDGE_MAX_RINGS) {
		pthread_mutex_unlock(&f->lock);
		return -EINVAL;
	}
	p.sem = c->q[d->ip_type][d->ring].sem;
	p.value = d->handle;
	pthread_mutex_unlock(&f->lock);
	if (p.sem == 0)
		return 0;	/* nothing ever submitted there: signalled */
	return add_point(j->waits, &j->nwaits, p);
}

static int
parse_chunk(struct bfile *f, const struct drm_amdgpu_cs_chunk *ch, struct cs_job *j)
{
	const void *data = (const void *)(uintptr_t)ch->chunk_data;
	struct gpu_sem_point p;
	uint32_t n;
	int rc = 0;

	switch (ch->chunk_id) {
	case AMDGPU_CHUNK_ID_IB: {
		const struct drm_amdgpu_cs_chunk_ib *ib = data;

		if (ch->length_dw * 4 < sizeof(*ib) || j->nibs >= MAX_IBS)
			return -EINVAL;
		if (ib->ip_instance != 0 || (j->ip >= 0 &&
		    (j->ip != (int)ib->ip_type || j->ring != (int)ib->ring)))
			return -EINVAL;		/* one ring per CS (no gang submit) */
		j->ip = (int)ib->ip_type;
		j->ring = (int)ib->ring;
		if (ib->flags & (AMDGPU_IB_FLAG_CE | AMDGPU_IB_FLAG_PREAMBLE)) {
			/* gfx10.3 RADV uses no constant engine; preambles are
			 * only skipped after a context switch, running them is
			 * always correct. */
			if (ib->flags & AMDGPU_IB_FLAG_CE) {
				bridge_log_once("AMDGPU_CS IB flags (CE)", ib->flags);
				return -EINVAL;
			}
		}
		j->ibs[j->nibs].va = ib->va_start;
		j->ibs[j->nibs].ndw = ib->ib_bytes / 4;
		j->nibs++;
		return 0;
	}
	case AMDGPU_CHUNK_ID_FENCE: {
		const struct drm_amdgpu_cs_chunk_fence *uf = data;
		struct bgem *g;

		/* amdgpu_cs_p1_user_fence: a GEM handle and a byte offset
		 * (libdrm passes the fence slot * 8) with 8 bytes inside. */
		if (ch->length_dw * 4 < sizeof(*uf))
			return -EINVAL;
		g = bridge_gem_get(f, uf->handle);
		if (g == NULL || (uint64_t)uf->offset + 8 > g->size || (uf->offset & 7) != 0)
			return -EINVAL;
		j->uf_handle = uf->handle;
		j->uf_offset = uf->offset;
		return 0;
	}
	case AMDGPU_CHUNK_ID_DEPENDENCIES:
	case AMDGPU_CHUNK_ID_SCHEDULED_DEPENDENCIES: {
		const struct drm_amdgpu_cs_chunk_dep *d = data;

		/* Scheduled (started) is weaker than finished: waiting for
		 * the finish is correct, if a little later. */
		n = ch->length_dw * 4 / sizeof(*d);
		for (uint32_t i = 0; i < n && rc == 0; i++)
			rc = dep_point(f, &d[i], j);
		return rc;
	}
	case AMDGPU_CHUNK_ID_SYNCOBJ_IN:
	case AMDGPU_CHUNK_ID_SYNCOBJ_OUT: {
		const struct drm_amdgpu_cs_chunk_sem *s = data;

		n = ch->length_dw * 4 / sizeof(*s);
		for (uint32_t i = 0; i < n && rc == 0; i++) {
			if (ch->chunk_id == AMDGPU_CHUNK_ID_SYNCOBJ_IN) {
				rc = bridge_syncobj_wait_point(f, s[i].handle, 0, &p);
				if (rc == 0)
					rc = add_point(j->waits, &j->nwaits, p);
			} else {
				rc = add_point(j->signals, &j->nsignals,
				    (struct gpu_sem_point){ s[i].handle, 0 });
			}
		}
		return rc;
	}
	case AMDGPU_CHUNK_ID_SYNCOBJ_TIMELINE_WAIT:
	case AMDGPU_CHUNK_ID_SYNCOBJ_TIMELINE_SIGNAL: {
		const struct drm_amdgpu_cs_chunk_syncobj *s = data;

		n = ch->length_dw * 4 / sizeof(*s);
		for (uint32_t i = 0; i < n && rc == 0; i++) {
			if (ch->chunk_id == AMDGPU_CHUNK_ID_SYNCOBJ_TIMELINE_WAIT) {
				rc = bridge_syncobj_wait_point(f, s[i].handle, s[i].point, &p);
				if (rc == 0)
					rc = add_point(j->waits, &j->nwaits, p);
			} else {
				/* Resolved to semaphore points after parsing. */
				rc = add_point(j->signals, &j->nsignals,
				    (struct gpu_sem_point){ s[i].handle, s[i].point });
			}
		}
		return rc;
	}
	case AMDGPU_CHUNK_ID_BO_HANDLES:
		/* Every BO of the file is resident in its VM: nothing to do. */
		return 0;
	default:
		bridge_log_once("AMDGPU_CS chunk id", ch->chunk_id);
		return -EINVAL;
	}
}

/*
 * The user fence of (c, ip, ring): the kernel's fence write puts the
 * 64-bit sequence number of each finished job at the BO offset the CS
 * named (amdgpu_ring_emit_fence with job->uf_addr).  The API runs no
 * commands of the bridge's own, so the bridge writes the last finished
 * sequence (the queue semaphore's value) from the CPU whenever it looks
 * at the queue: at each CS and each wait.  RADV 22.3.6 sends the chunk
 * but learns completion from WAIT_CS and syncobjs, never by reading it.
 */
struct user_fence {
	gpu_handle sem;
	uint32_t handle, offset;
};

/* The user fence of a context's queue, read under f->lock. */
static struct user_fence
user_fence_of(const struct bctx *c, unsigned ip, unsigned ring)
{
	return (struct user_fence){ c->q[ip][ring].sem, c->q[ip][ring].uf_handle,
	    c->q[ip][ring].uf_offset };
}

/* Called without f->lock (bridge_gem_cpu takes it). */
static void
user_fence_update(struct bfile *f, struct user_fence uf)
{
	uint64_t done;
	void *cpu;

	if (uf.handle == 0 || uf.sem == 0)
		return;
	if (gpu_sem_query(f->client, uf.sem, &done) != 0)
		return;
	if (bridge_gem_cpu(f, uf.handle, &cpu) != 0)
		return;		/* the BO is gone: nothing to update */
	memcpy((char *)cpu + uf.offset, &done, sizeof(done));
}

int
bridge_cs(struct bfile *f, void *arg)
{
	union drm_amdgpu_cs *a = arg;
	const uint64_t *chunks = (const uint64_t *)(uintptr_t)a->in.chunks;
	struct cs_job *j = calloc(1, sizeof(*j));
	struct gpu_submit sub;
	struct bctx *c;
	struct user_fence uf = { 0, 0, 0 };
	unsigned ip, ring;
	uint64_t fence;
	int rc = 0;

	if (j == NULL)
		return -ENOMEM;
	j->ip = j->ring = -1;
	for (uint32_t i = 0; i < a->in.num_chunks && rc == 0; i++)
		rc = parse_chunk(f, (const struct drm_amdgpu_cs_chunk *)(uintptr_t)chunks[i], j);
	if (rc == 0 && j->nibs == 0)
		rc = -EINVAL;
	/* Signals named syncobjs so far; make them semaphore points. */
	for (uint32_t i = 0; i < j->nsignals && rc == 0; i++)
		rc = bridge_syncobj_signal_point(f, j->signals[i].sem, j->signals[i].value,
		    &j->signals[i]);
	if (rc != 0)
		goto out;
	pthread_mutex_lock(&f->lock);
	c = htab_get(&f->ctxs, a->in.ctx_id);
	if (c == NULL) {
		rc = -EINVAL;
	} else if (ctx_lost(f, c)) {
		rc = -ECANCELED;	/* amdgpu_cs_ioctl on a guilty context */
	} else if ((rc = ctx_queue(f, c, (uint32_t)j->ip, (uint32_t)j->ring, &ip, &ring)) == 0) {
		uint64_t seq = c->q[ip][ring].seq + 1;

		rc = add_point(j->signals, &j->nsignals,
		    (struct gpu_sem_point){ c->q[ip][ring].sem, seq });
		sub = (struct gpu_submit){ j->ibs, j->nibs, j->waits, j->nwaits,
		    j->signals, j->nsignals };
		if (rc == 0)
			rc = bridge_errno(gpu_queue_submit(f->client, c->q[ip][ring].queue,
			    &sub, &fence));
		if (rc == 0) {
			if (fence != seq)
				bridge_log("AMDGPU_CS: API fence %llu is not the CS sequence %llu",
				    (unsigned long long)fence, (unsigned long long)seq);
			c->q[ip][ring].seq = seq;
			/* After the submission: a record lost to ENOMEM only
			 * means a reset queue's waiters time out. */
			(void)pending_add(f, c, ip, ring, seq, j->signals, j->nsignals);
			if (j->uf_handle != 0) {
				c->q[ip][ring].uf_handle = j->uf_handle;
				c->q[ip][ring].uf_offset = j->uf_offset;
			}
			uf = user_fence_of(c, ip, ring);
			memset(a, 0, sizeof(*a));
			a->out.handle = seq;
		}
	}
	pthread_mutex_unlock(&f->lock);
	user_fence_update(f, uf);
out:
	free(j);
	return rc;
}

/* WAIT_CS: 0 and status 0 when done, status 1 on timeout, -ECANCELED if
 * the context was reset (amdgpu_cs_wait_ioctl returns the fence error). */
static int
wait_seq(struct bfile *f, uint32_t ctx_id, uint32_t ipt, uint32_t ringi, uint64_t seq,
    uint64_t timeout_ns, bool *done)
{
	struct bctx *c;
	struct user_fence uf = { 0, 0, 0 };
	gpu_handle q;
	int rc;

	*done = false;
	if (ipt >= BRIDGE_NUM_IPS || ringi >= BRIDGE_MAX_RINGS)
		return -EINVAL;
	pthread_mutex_lock(&f->lock);
	c = htab_get(&f->ctxs, ctx_id);
	q = c != NULL ? c->q[ipt][ringi].queue : 0;
	if (c != NULL)
		uf = user_fence_of(c, ipt, ringi);
	if (c != NULL && seq > c->q[ipt][ringi].seq)
		seq = c->q[ipt][ringi].seq;	/* not submitted yet: the kernel
						 * waits for the last one */
	pthread_mutex_unlock(&f->lock);
	if (c == NULL)
		return -EINVAL;
	if (q == 0 || seq == 0) {
		*done = true;
		return 0;
	}
	rc = gpu_fence_wait(f->client, q, seq, timeout_ns);
	user_fence_update(f, uf);
	if (rc == -GPU_ETIME)
		return 0;
	if (rc == 0)
		*done = true;
	return bridge_errno(rc);
}

int
bridge_wait_cs(struct bfile *f, void *arg)
{
	union drm_amdgpu_wait_cs *a = arg;
	bool done;
	int rc;

	rc = wait_seq(f, a->in.ctx_id, a->in.ip_type, a->in.ring, a->in.handle,
	    bridge_timeout_left((int64_t)a->in.timeout), &done);
	if (rc != 0)
		return rc;
	memset(a, 0, sizeof(*a));
	a->out.status = done ? 0 : 1;
	return 0;
}

int
bridge_wait_fences(struct bfile *f, void *arg)
{
	union drm_amdgpu_wait_fences *a = arg;
	const struct drm_amdgpu_fence *fe = (const void *)(uintptr_t)a->in.fences;
	uint64_t timeout = bridge_timeout_left((int64_t)a->in.timeout_ns);
	uint32_t n = a->in.fence_count, first = 0;
	bool all = a->in.wait_all, done = all;
	int rc = 0;

	/* Waiting for one of several: poll each in turn until the timeout. */
	for (;;) {
		for (uint32_t i = 0; i < n; i++) {
			bool d;

			rc = wait_seq(f, fe[i].ctx_id, fe[i].ip_type, fe[i].ring, fe[i].seq_no,
			    all ? timeout : 0, &d);
			if (rc != 0)
				return rc;
			if (all && !d) {
				done = false;
				break;
			}
			if (!all && d) {
				done = true;
				first = i;
				break;
			}
		}
		if (all || done || bridge_timeout_left((int64_t)a->in.timeout_ns) == 0)
			break;
	}
	memset(a, 0, sizeof(*a));
	a->out.status = done ? 1 : 0;	/* amdgpu_cs_wait_fences: 1 = signalled */
	a->out.first_signaled = first;
	return 0;
}

int
bridge_wait_file_idle(struct bfile *f, uint64_t timeout_ns)
{
	for (uint32_t h = 1; h <= f->ctxs.n; h++) {
		struct bctx *c;

		pthread_mutex_lock(&f->lock);
		c = htab_get(&f->ctxs, h);
		pthread_mutex_unlock(&f->lock);
		for (unsigned ip = 0; c != NULL && ip < BRIDGE_NUM_IPS; ip++) {
			for (unsigned r = 0; r < BRIDGE_MAX_RINGS; r++) {
				bool done;
				int rc = wait_seq(f, h, ip, r, UINT64_MAX, timeout_ns, &done);

				if (rc != 0 && rc != -ECANCELED)
					return rc;
				if (rc == 0 && !done)
					return -ETIME;
			}
		}
	}
	return 0;
}

int
bridge_signal_after(struct bfile *f, const struct gpu_sem_point *src,
    const struct gpu_sem_point *dst)
{
	struct gpu_submit sub = { NULL, 0, src, 1, dst, 1 };
	uint64_t fence;
	int rc = 0;

	pthread_mutex_lock(&f->lock);
	if (f->helper_queue == 0)
		rc = bridge_errno(gpu_queue_create(f->client, GPU_QUEUE_DMA, &f->helper_queue));
	if (rc == 0)
		rc = bridge_errno(gpu_queue_submit(f->client, f->helper_queue, &sub, &fence));
	pthread_mutex_unlock(&f->lock);
	return rc;
}

int
bridge_bo_list(struct bfile *f, void *arg)
{
	union drm_amdgpu_bo_list *a = arg;

	(void)f;
	/* Every BO is resident: a list is a name for nothing.  CREATE returns
	 * a dummy handle, DESTROY and UPDATE succeed. */
	if (a->in.operation == AMDGPU_BO_LIST_OP_CREATE) {
		memset(a, 0, sizeof(*a));
		a->out.list_handle = 1;
	}
	return 0;
}

int
bridge_vm(struct bfile *f, void *arg)
{
	union drm_amdgpu_vm *a = arg;

	(void)f;
	/* A reserved VMID only matters for SQTT/debug; the API gives each
	 * client its own VMID for its whole life already. */
	if (a->in.op == AMDGPU_VM_OP_RESERVE_VMID || a->in.op == AMDGPU_VM_OP_UNRESERVE_VMID) {
		memset(a, 0, sizeof(*a));
		return 0;
	}
	return -EINVAL;
}

int
bridge_fence_to_handle(struct bfile *f, void *arg)
{
	(void)f;
	(void)arg;
	/* RADV uses syncobj chunks instead (has_fence_to_handle is only for
	 * the old submission path). */
	bridge_log_once("AMDGPU_FENCE_TO_HANDLE", 0);
	return -EINVAL;
}

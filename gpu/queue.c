/*
 * Queues, jobs and the small scheduler.  A client's queue feeds one of the
 * device's hardware rings (GFX, a compute ring, an SDMA engine).  A job is
 * held until every semaphore it waits for reaches its value, then its
 * command buffers go on the ring as INDIRECT_BUFFERs in the client's VMID,
 * followed by a fence with an interrupt.  The interrupt retires jobs in
 * order, applies their semaphore signals and releases held jobs
 * (wait-before-signal) without the submitter ever blocking.
 *
 * A ring whose fence does not move for the job timeout while jobs are on
 * it is hung: the oldest job on it is guilty, its queue is cancelled, the
 * ring is reset, and the other queues' unfinished jobs go on it again.
 */
#include "client.h"

#define MAX_CMDS	64
#define MAX_POINTS	64
#define IB_MAX_DW	0xfffffu	/* INDIRECT_BUFFER IB_SIZE is 20 bits */
#define WAIT_SLICE_NS	50000000ull	/* re-check at least every 50 ms */
/* Teardown waits this much longer than the job timeout: detection runs at
 * the next wait slice and a reset may wait up to 2 x GPU_TIMEOUT_US. */
#define TEARDOWN_SLACK_NS	(2 * WAIT_SLICE_NS + 2ull * GPU_TIMEOUT_US * 1000)

static void	sched_run(struct gpu_device *);
static bool	hang_check(struct gpu_device *);

/* --- waiting ---------------------------------------------------------------- */

void
wake_all(struct gpu_device *dev)
{
	for (struct waiter *w = dev->waiters; w != NULL; w = w->next)
		os_event_signal(w->ev);
}

/* Sleep (api_lock released) until done(arg) holds; api_lock held around. */
int
wait_until(struct gpu_device *dev, bool (*done)(void *), void *arg, uint64_t timeout_ns)
{
	uint64_t deadline = os_time_ns() + timeout_ns;
	struct waiter w;
	int rc = 0;

	if (done(arg))
		return 0;
	if (timeout_ns == 0)
		return -GPU_ETIME;
	w.ev = os_event_create();
	if (w.ev == NULL)
		return -GPU_ENOMEM;
	w.next = dev->waiters;
	dev->waiters = &w;
	while (!done(arg)) {
		uint64_t now = os_time_ns();

		if (now >= deadline) {
			rc = -GPU_ETIME;
			break;
		}
		os_mutex_unlock(dev->api_lock);
		os_event_wait(w.ev, deadline - now < WAIT_SLICE_NS ? deadline - now :
		    WAIT_SLICE_NS);
		os_mutex_lock(dev->api_lock);
		sched_update(dev);
	}
	for (struct waiter **pp = &dev->waiters; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == &w) {
			*pp = w.next;
			break;
		}
	}
	os_event_destroy(w.ev);
	return rc;
}

/* --- jobs --------------------------------------------------------------------- */

static void
job_free(struct gpu_job *j)
{
	for (uint32_t i = 0; i < j->nwaits; i++)
		sem_unref(j->waits[i].sem);
	for (uint32_t i = 0; i < j->nsignals; i++)
		sem_unref(j->signals[i].sem);
	os_free(j->cmds);
	os_free(j->waits);
	os_free(j->signals);
	os_free(j);
}

static bool
waits_met(const struct gpu_job *j)
{
	for (uint32_t i = 0; i < j->nwaits; i++)
		if (j->waits[i].sem->value < j->waits[i].value)
			return false;
	return true;
}

static void
apply_signals(struct gpu_job *j)
{
	for (uint32_t i = 0; i < j->nsignals; i++)
		if (j->signals[i].sem->value < j->signals[i].value)
			j->signals[i].sem->value = j->signals[i].value;
}

/* Fence sequences wrap: is a after b? */
static bool
seq_after(uint32_t a, uint32_t b)
{
	return (int32_t)(a - b) > 0;
}

/* The fence value the engine last wrote: its progress, interrupt or not. */
static uint32_t
ring_fence_mem(struct gpu_ring *r)
{
	return __atomic_load_n(r->fence_wb.cpu, __ATOMIC_ACQUIRE);
}

/* Put a released job on its ring. */
static int
job_run(struct gpu_job *j)
{
	struct gpu_queue *q = j->q;
	struct gpu_ring *r = q->ring;
	unsigned ndw = j->ncmds * r->funcs->ib_dw + r->funcs->fence_dw + 16;
	int rc = ring_alloc(r, ndw);

	if (rc != 0)
		return rc;
	if (ring_fence_mem(r) == r->fence_seq)
		r->progress_ns = os_time_ns();	/* idle ring: the timeout starts now */
	for (uint32_t i = 0; i < j->ncmds; i++)
		r->funcs->emit_ib(r, j->cmds[i].va, j->cmds[i].ndw, q->c->vm.vmid);
	j->ring_seq = ring_emit_fence(r);
	ring_commit(r);
	j->start_ns = os_time_ns();
	return 0;
}

static void
append(struct gpu_job **head, struct gpu_job **tail, struct gpu_job *j)
{
	j->next = NULL;
	if (*tail != NULL)
		(*tail)->next = j;
	else
		*head = j;
	*tail = j;
}

static struct gpu_job *
pop(struct gpu_job **head, struct gpu_job **tail)
{
	struct gpu_job *j = *head;

	*head = j->next;
	if (*head == NULL)
		*tail = NULL;
	return j;
}

/* A job that can never run (its queue was reset or is going away): its
 * fence completes with an error, its signals are not applied. */
static void
job_cancel(struct gpu_queue *q, struct gpu_job *j)
{
	if (q->status == 0 || j->seq < q->cancelled_from)
		q->cancelled_from = j->seq;
	q->status = -GPU_ECANCELED;
	if (q->done_seq < j->seq)
		q->done_seq = j->seq;
	job_free(j);
}

/* Retire the running jobs whose ring fence is not after `fence`. */
static bool
queue_retire(struct gpu_queue *q, uint32_t fence)
{
	bool progress = false;

	while (q->running != NULL && !seq_after(q->running->ring_seq, fence)) {
		struct gpu_job *j = pop(&q->running, &q->running_tail);

		apply_signals(j);
		q->done_seq = j->seq;
		job_free(j);
		progress = true;
	}
	return progress;
}

static bool
queue_progress(struct gpu_queue *q)
{
	bool progress;

	progress = queue_retire(q, __atomic_load_n(&q->ring->irq_fence, __ATOMIC_ACQUIRE));
	while (q->held != NULL && waits_met(q->held)) {
		struct gpu_job *j = pop(&q->held, &q->held_tail);

		if (q->status != 0 || job_run(j) != 0)
			job_cancel(q, j);
		else
			append(&q->running, &q->running_tail, j);
		progress = true;
	}
	return progress;
}

static bool
deferred_ready(const struct deferred_unref *d)
{
	for (unsigned i = 0; i < d->nq; i++)
		if (d->q[i] != NULL && d->q[i]->done_seq < d->seq[i])
			return false;
	return true;
}

static void
deferred_update(struct gpu_client *c)
{
	struct deferred_unref **pp = &c->deferred;

	while (*pp != NULL) {
		struct deferred_unref *d = *pp;

		if (deferred_ready(d)) {
			*pp = d->next;
			bo_unref(d->bo);
			os_free(d);
		} else {
			pp = &d->next;
		}
	}
}

/*
 * Retire, release, free what finished work held; wake waiters if anything
 * moved.  Only then: a waiter runs this too, and waking itself for nothing
 * would turn its sleep into a busy loop.
 */
static void
sched_run(struct gpu_device *dev)
{
	bool progress, any = false;

	do {
		progress = false;
		for (struct gpu_client *c = dev->clients; c != NULL; c = c->next)
			for (unsigned i = 0; i < CLIENT_MAX_QUEUES; i++)
				if (c->queues[i] != NULL && queue_progress(c->queues[i]))
					progress = true;
		any |= progress;
	} while (progress);
	for (struct gpu_client *c = dev->clients; c != NULL; c = c->next)
		deferred_update(c);
	if (any)
		wake_all(dev);
}

/*
 * Hang detection runs here, on every submit, wait slice (50 ms), semaphore
 * signal and teardown: in the caller's context, as Linux runs
 * amdgpu_job_timedout from the scheduler's timeout work.  The interrupt
 * path only retires (a reset waits for registers).  Nothing runs it while
 * no one calls the API: a hung job is then found at the next call that
 * could depend on it (docs/api.md).
 */
void
sched_update(struct gpu_device *dev)
{
	sched_run(dev);
	if (hang_check(dev)) {
		sched_run(dev);
		wake_all(dev);	/* cancelled fences are done too */
	}
}

/* Called from the rings' fence interrupt (ring.c). */
void
api_ring_irq(struct gpu_device *dev)
{
	if (dev->api_lock == NULL)
		return;
	os_mutex_lock(dev->api_lock);
	sched_run(dev);
	os_mutex_unlock(dev->api_lock);
}

/* --- hangs ---------------------------------------------------------------------- */

/* Calls fn for every queue that feeds ring r. */
static void
ring_queues(struct gpu_device *dev, struct gpu_ring *r,
    void (*fn)(struct gpu_queue *, void *), void *arg)
{
	for (struct gpu_client *c = dev->clients; c != NULL; c = c->next)
		for (unsigned i = 0; i < CLIENT_MAX_QUEUES; i++)
			if (c->queues[i] != NULL && c->queues[i]->ring == r)
				fn(c->queues[i], arg);
}

struct oldest {
	uint32_t fence;		/* what the engine finished */
	struct gpu_job *job;	/* the first job after it */
};

/* Retire what the engine finished; note the oldest job left. */
static void
find_oldest(struct gpu_queue *q, void *arg)
{
	struct oldest *o = arg;
	struct gpu_job *j;

	queue_retire(q, o->fence);
	j = q->running;
	if (j != NULL && (o->job == NULL ||
	    seq_after(o->job->ring_seq, j->ring_seq)))
		o->job = j;
}

/* Every job of q completes with GPU_ECANCELED, in fence order. */
static void
queue_cancel(struct gpu_queue *q, void *arg)
{
	(void)arg;
	while (q->running != NULL)
		job_cancel(q, pop(&q->running, &q->running_tail));
	while (q->replay != NULL)
		job_cancel(q, pop(&q->replay, &q->replay_tail));
	while (q->held != NULL)
		job_cancel(q, pop(&q->held, &q->held_tail));
}

/* The guilty queue is cancelled; the others' jobs wait to be emitted
 * again (all running jobs are unfinished once find_oldest retired). */
static void
take_off_ring(struct gpu_queue *q, void *arg)
{
	struct gpu_queue *guilty = arg;

	if (q == guilty) {
		q->guilty = true;
		queue_cancel(q, NULL);
		return;
	}
	while (q->running != NULL)
		append(&q->replay, &q->replay_tail, pop(&q->running, &q->running_tail));
}

/* The replayed job that was first on the ring, by its old fence. */
static void
first_replay(struct gpu_queue *q, void *arg)
{
	struct oldest *o = arg;
	struct gpu_job *j = q->replay;

	if (j != NULL && (o->job == NULL ||
	    seq_after(o->job->ring_seq, j->ring_seq)))
		o->job = j;
}

/* Linux amdgpu_ring_reemit_unprocessed_jobs: the innocent jobs go on the
 * reset ring again in their original order. */
static void
replay(struct gpu_device *dev, struct gpu_ring *r, uint32_t fence)
{
	for (;;) {
		struct oldest o = { fence, NULL };
		struct gpu_queue *q;
		struct gpu_job *j;

		ring_queues(dev, r, first_replay, &o);
		if (o.job == NULL)
			return;
		q = o.job->q;
		j = pop(&q->replay, &q->replay_tail);
		if (job_run(j) != 0)
			job_cancel(q, j);
		else
			append(&q->running, &q->running_tail, j);
	}
}

static void
log_guilty(struct gpu_device *dev, struct gpu_ring *r, const struct gpu_job *j)
{
	if (j == NULL)
		gpu_log(dev, OS_LOG_ERR, "ring %s: no job is on it; resetting anyway", r->name);
	else
		gpu_log(dev, OS_LOG_ERR,
		    "ring %s: guilty job: client VMID %u, queue 0x%08x, fence %llu",
		    r->name, j->q->c->vm.vmid, j->q->handle, (unsigned long long)j->seq);
}

/*
 * Linux amdgpu_job_timedout -> amdgpu_ring_reset: blame the oldest job on
 * the ring, reset the ring, replay the others.  If the reset fails there
 * is no full GPU reset to fall back to: every queue on the ring is
 * cancelled and the ring takes no new queues.
 */
static void
ring_timeout(struct gpu_device *dev, struct gpu_ring *r, uint32_t fence)
{
	struct oldest o = { fence, NULL };
	int rc;

	ring_queues(dev, r, find_oldest, &o);
	gpu_log(dev, OS_LOG_ERR, "ring %s timeout, signaled seq=%u, emitted seq=%u",
	    r->name, fence, r->fence_seq);
	log_guilty(dev, r, o.job);
	ring_queues(dev, r, take_off_ring, o.job != NULL ? o.job->q : NULL);
	gpu_log(dev, OS_LOG_ERR, "starting %s ring reset", r->name);
	rc = r->funcs->reset != NULL ? r->funcs->reset(r) : -GPU_ENOSYS;
	if (rc == 0) {
		gpu_log(dev, OS_LOG_ERR, "ring %s reset succeeded", r->name);
		replay(dev, r, fence);
		return;
	}
	gpu_log(dev, OS_LOG_ERR, "ring %s reset failed (%s); its queues are cancelled",
	    r->name, gpu_strerror(rc));
	r->ready = false;
	ring_queues(dev, r, queue_cancel, NULL);
}

/* Reset every ring whose fence has not moved for the job timeout while
 * fences are outstanding.  Returns whether one was reset. */
static bool
hang_check(struct gpu_device *dev)
{
	uint64_t now = os_time_ns();
	bool reset = false;

	for (unsigned i = 0; i < dev->nrings; i++) {
		struct gpu_ring *r = dev->rings[i];
		uint32_t f = ring_fence_mem(r);

		if (!r->ready)
			continue;
		if (f != r->hang_fence) {
			r->hang_fence = f;
			r->progress_ns = now;
		} else if (f != r->fence_seq && now > r->progress_ns &&
		    now - r->progress_ns >= dev->job_timeout_ns) {
			ring_timeout(dev, r, f);
			reset = true;
		}
	}
	return reset;
}

void
unref_after_work(struct gpu_client *c, struct gpu_bo *bo)
{
	struct deferred_unref *d = os_zalloc(sizeof(*d));

	if (d == NULL) {
		bo_unref(bo);	/* no memory to defer: the caller's risk, logged */
		GPU_WARN(c->dev, "vm: out of memory, BO released before its work");
		return;
	}
	d->bo = bo;
	for (unsigned i = 0; i < CLIENT_MAX_QUEUES; i++) {
		struct gpu_queue *q = c->queues[i];

		if (q != NULL && q->done_seq + 1 < q->next_seq) {
			d->q[d->nq] = q;
			d->seq[d->nq++] = q->next_seq - 1;
		}
	}
	if (d->nq == 0) {
		bo_unref(bo);
		os_free(d);
		return;
	}
	d->next = c->deferred;
	c->deferred = d;
}

/* --- queues -------------------------------------------------------------------- */

static struct gpu_ring *
pick_ring(struct gpu_device *dev, enum gpu_queue_type type, unsigned spread)
{
	enum ring_type want = type == GPU_QUEUE_GFX ? RING_GFX :
	    type == GPU_QUEUE_COMPUTE ? RING_COMPUTE : RING_SDMA;
	struct gpu_ring *found[GPU_MAX_RINGS];
	unsigned n = 0;

	for (unsigned i = 0; i < dev->nrings; i++)
		if (dev->rings[i]->type == want && dev->rings[i]->ready)
			found[n++] = dev->rings[i];
	return n != 0 ? found[spread % n] : NULL;
}

int
gpu_queue_create(struct gpu_client *c, enum gpu_queue_type type, gpu_handle *out)
{
	struct gpu_device *dev = c->dev;
	struct gpu_queue *q;
	unsigned slot;
	int rc;

	*out = 0;
	if (type != GPU_QUEUE_GFX && type != GPU_QUEUE_COMPUTE && type != GPU_QUEUE_DMA)
		return -GPU_EINVAL;
	os_mutex_lock(dev->api_lock);
	for (slot = 0; slot < CLIENT_MAX_QUEUES && c->queues[slot] != NULL; slot++)
		;
	q = slot < CLIENT_MAX_QUEUES ? os_zalloc(sizeof(*q)) : NULL;
	if (slot == CLIENT_MAX_QUEUES) {
		rc = -GPU_ENOSPC;
	} else if (q == NULL) {
		rc = -GPU_ENOMEM;
	} else if ((q->ring = pick_ring(dev, type, c->vm.vmid + slot)) == NULL) {
		rc = -GPU_ENODEV;
	} else if ((rc = handle_new(c, OBJ_QUEUE, q, out)) == 0) {
		q->c = c;
		q->type = type;
		q->next_seq = 1;
		q->handle = *out;
		c->queues[slot] = q;
	}
	if (rc != 0)
		os_free(q);
	os_mutex_unlock(dev->api_lock);
	return rc;
}

static bool
queue_idle(void *arg)
{
	struct gpu_queue *q = arg;

	return q->running == NULL && q->held == NULL && q->replay == NULL;
}

/* Cancel held jobs, wait for running ones (bounded by the job timeout),
 * then free.  api_lock held. */
static void
queue_teardown(struct gpu_client *c, unsigned slot)
{
	struct gpu_queue *q = c->queues[slot];
	struct gpu_device *dev = c->dev;

	while (q->held != NULL)
		job_cancel(q, pop(&q->held, &q->held_tail));
	/* A hung job is found and its ring reset while we wait. */
	if (wait_until(dev, queue_idle, q, dev->job_timeout_ns + TEARDOWN_SLACK_NS) != 0) {
		GPU_WARN(dev, "queue on %s: work still running at teardown; cancelled",
		    q->ring->name);
		queue_cancel(q, NULL);
	}
	for (struct deferred_unref *d = c->deferred; d != NULL; d = d->next)
		for (unsigned i = 0; i < d->nq; i++)
			if (d->q[i] == q)
				d->q[i] = NULL;
	c->queues[slot] = NULL;
	deferred_update(c);
	os_free(q);
}

int
gpu_queue_destroy(struct gpu_client *c, gpu_handle h)
{
	struct gpu_queue *q;

	os_mutex_lock(c->dev->api_lock);
	q = handle_get(c, h, OBJ_QUEUE);
	if (q != NULL) {
		handle_drop(c, h);
		for (unsigned i = 0; i < CLIENT_MAX_QUEUES; i++)
			if (c->queues[i] == q)
				queue_teardown(c, i);
		wake_all(c->dev);
	}
	os_mutex_unlock(c->dev->api_lock);
	return q != NULL ? 0 : -GPU_EBADF;
}

static bool
client_linked(struct gpu_client *c)
{
	for (struct gpu_client *p = c->dev->clients; p != NULL; p = p->next)
		if (p == c)
			return true;
	return false;
}

static void
client_unlink(struct gpu_client *c)
{
	for (struct gpu_client **pp = &c->dev->clients; *pp != NULL; pp = &(*pp)->next) {
		if (*pp == c) {
			*pp = c->next;
			return;
		}
	}
}

/*
 * gpu_client_close unlinks the client before this.  The scheduler and
 * hang detection find queues through dev->clients only, so the client is
 * linked again while its queues drain: its running jobs retire, and a
 * hung one is found and its ring reset, instead of the teardown waiting
 * out the whole timeout.
 */
void
queue_destroy_all(struct gpu_client *c)
{
	bool relink = !client_linked(c);

	if (relink) {
		c->next = c->dev->clients;
		c->dev->clients = c;
	}
	for (unsigned i = 0; i < CLIENT_MAX_QUEUES; i++)
		if (c->queues[i] != NULL)
			queue_teardown(c, i);
	if (relink)
		client_unlink(c);
}

/* --- submission ------------------------------------------------------------------ */

static int
copy_points(struct gpu_client *c, const struct gpu_sem_point *in, uint32_t n,
    struct job_point **out)
{
	if (n == 0)
		return 0;
	if (in == NULL || n > MAX_POINTS)
		return -GPU_EINVAL;
	*out = os_zalloc(n * sizeof(**out));
	if (*out == NULL)
		return -GPU_ENOMEM;
	for (uint32_t i = 0; i < n; i++) {
		struct gpu_sem *s = handle_get(c, in[i].sem, OBJ_SEM);

		if (s == NULL)
			return -GPU_EBADF;
		s->refs++;
		(*out)[i].sem = s;
		(*out)[i].value = in[i].value;
	}
	return 0;
}

static int
check_cmds(const struct gpu_queue *q, const struct gpu_submit *s)
{
	uint64_t align = q->type == GPU_QUEUE_DMA ? 32 : 4;

	if (s->ncmds == 0 || s->ncmds > MAX_CMDS || s->cmds == NULL)
		return -GPU_EINVAL;
	for (uint32_t i = 0; i < s->ncmds; i++) {
		const struct gpu_cmdbuf *cb = &s->cmds[i];

		if (cb->ndw == 0 || cb->ndw > IB_MAX_DW || (cb->va & (align - 1)) != 0)
			return -GPU_EINVAL;
		if (cb->va < GPU_VA_START || cb->va + (uint64_t)cb->ndw * 4 > GPU_VA_END)
			return -GPU_ERANGE;
	}
	return 0;
}

static int
job_build(struct gpu_client *c, struct gpu_queue *q, const struct gpu_submit *s,
    struct gpu_job **out)
{
	struct gpu_job *j = os_zalloc(sizeof(*j));
	int rc;

	if (j == NULL)
		return -GPU_ENOMEM;
	j->q = q;
	j->cmds = os_zalloc(s->ncmds * sizeof(*j->cmds));
	if (j->cmds == NULL) {
		job_free(j);
		return -GPU_ENOMEM;
	}
	memcpy(j->cmds, s->cmds, s->ncmds * sizeof(*j->cmds));
	j->ncmds = s->ncmds;
	rc = copy_points(c, s->waits, s->nwaits, &j->waits);
	j->nwaits = j->waits != NULL ? s->nwaits : 0;
	if (rc == 0) {
		rc = copy_points(c, s->signals, s->nsignals, &j->signals);
		j->nsignals = j->signals != NULL ? s->nsignals : 0;
	}
	if (rc != 0) {
		/* Points whose semaphore was not resolved are NULL: no ref. */
		job_free(j);
		return rc;
	}
	*out = j;
	return 0;
}

int
gpu_queue_submit(struct gpu_client *c, gpu_handle h, const struct gpu_submit *s,
    uint64_t *fence)
{
	struct gpu_device *dev = c->dev;
	struct gpu_queue *q;
	struct gpu_job *j = NULL;
	int rc;

	*fence = 0;
	if (s == NULL)
		return -GPU_EINVAL;
	os_mutex_lock(dev->api_lock);
	q = handle_get(c, h, OBJ_QUEUE);
	if (q == NULL)
		rc = -GPU_EBADF;
	else if (q->status != 0)
		rc = q->status;
	else if ((rc = check_cmds(q, s)) == 0 && (rc = job_build(c, q, s, &j)) == 0) {
		j->seq = q->next_seq++;
		*fence = j->seq;
		append(&q->held, &q->held_tail, j);
		sched_update(dev);
	}
	os_mutex_unlock(dev->api_lock);
	return rc;
}

struct fence_arg {
	struct gpu_client *c;
	gpu_handle h;
	struct gpu_queue *q;
	uint64_t seq;
};

/* Done, or the queue was destroyed while we slept (then f->q is gone). */
static bool
fence_done(void *arg)
{
	struct fence_arg *f = arg;

	if (handle_get(f->c, f->h, OBJ_QUEUE) != f->q) {
		f->q = NULL;
		return true;
	}
	return f->q->done_seq >= f->seq;
}

int
gpu_fence_wait(struct gpu_client *c, gpu_handle h, uint64_t fence, uint64_t timeout_ns)
{
	struct gpu_device *dev = c->dev;
	struct fence_arg f;
	int rc;

	os_mutex_lock(dev->api_lock);
	f.c = c;
	f.h = h;
	f.q = handle_get(c, h, OBJ_QUEUE);
	f.seq = fence;
	if (f.q == NULL)
		rc = -GPU_EBADF;
	else if (fence == 0 || fence >= f.q->next_seq)
		rc = -GPU_EINVAL;
	else {
		sched_update(dev);
		rc = wait_until(dev, fence_done, &f, timeout_ns);
		if (rc == 0 && f.q == NULL)
			rc = -GPU_ECANCELED;	/* destroyed under us */
		else if (rc == 0 && f.q->status != 0 && fence >= f.q->cancelled_from)
			rc = -GPU_ECANCELED;
	}
	os_mutex_unlock(dev->api_lock);
	return rc;
}

int
gpu_queue_status(struct gpu_client *c, gpu_handle h)
{
	struct gpu_queue *q;
	int rc;

	os_mutex_lock(c->dev->api_lock);
	q = handle_get(c, h, OBJ_QUEUE);
	rc = q == NULL ? -GPU_EBADF : q->status;
	os_mutex_unlock(c->dev->api_lock);
	return rc;
}

int
gpu_queue_guilty(struct gpu_client *c, gpu_handle h, bool *guilty)
{
	struct gpu_queue *q;

	*guilty = false;
	os_mutex_lock(c->dev->api_lock);
	q = handle_get(c, h, OBJ_QUEUE);
	if (q != NULL)
		*guilty = q->guilty;
	os_mutex_unlock(c->dev->api_lock);
	return q != NULL ? 0 : -GPU_EBADF;
}

void
gpu_set_job_timeout(struct gpu_device *dev, uint64_t ns)
{
	dev->job_timeout_ns = ns;
}

/*
 * Hangs through the GPU API: a job that does not finish within the job
 * timeout cancels its queue (GPU_ECANCELED for its fences and later
 * submits), its ring is reset, and other clients' work on the same ring,
 * other queues of the guilty client and a new queue all keep working.
 * Hangs come from the model: an injected engine hang (NAVI23_FAULT_HANG)
 * or a PM4 WAIT_REG_MEM on a value that never comes.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "amd/pm4.h"
#include "amd/sdma_v5_2_pkt.h"
#include "api_fixture.h"
#include "log_capture.h"

#define MS		1000000ull
#define SEC		(1000 * MS)
#define JOB_TIMEOUT	(200 * MS)
#define WAIT_BOUND	(10 * SEC)	/* no wait in this file is longer */
#define CANCEL_BOUND	(3 * SEC)	/* timeout + detection slice + reset */
#define VA_CMD		0x20000000ull
#define VA_OUT		0x40000000ull

static struct api_fixture fx;

static void
assert_logged(const char *fmt, ...)
{
	char want[128];
	bool found;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(want, sizeof(want), fmt, ap);
	va_end(ap);
	pthread_mutex_lock(&logbuf.mu);
	found = strstr(logbuf.text, want) != NULL;
	pthread_mutex_unlock(&logbuf.mu);
	if (!found)
		fail_msg("log lacks \"%s\"; it has:\n%s", want, logbuf.text);
}

static int
group_setup(void **state)
{
	if (api_fixture_up(&fx, 0) != 0)
		return -1;
	gpu_set_job_timeout(fx.dev, JOB_TIMEOUT);
	host_set_log_hook(fx.os, log_hook, NULL);
	return 0;
}

static int
group_teardown(void **state)
{
	host_set_log_hook(fx.os, NULL, NULL);
	api_fixture_down(&fx);
	return 0;
}

/* --- a client with a command buffer and an output buffer ------------------- */

struct side {
	struct gpu_client *c;
	gpu_handle cmd_bo, out_bo;
	uint32_t *cmd, *out;
	uint32_t n;		/* dwords written to cmd */
};

static void
side_open(struct side *s)
{
	memset(s, 0, sizeof(*s));
	assert_int_equal(gpu_client_open(fx.dev, &s->c), 0);
	assert_int_equal(gpu_bo_create(s->c, 4096, GPU_DOMAIN_GTT, GPU_BO_CPU_ACCESS,
	    &s->cmd_bo), 0);
	assert_int_equal(gpu_bo_map(s->c, s->cmd_bo, (void **)&s->cmd), 0);
	assert_int_equal(gpu_vm_map(s->c, s->cmd_bo, 0, VA_CMD, 4096,
	    GPU_VM_READ | GPU_VM_EXEC), 0);
	assert_int_equal(gpu_bo_create(s->c, 4096, GPU_DOMAIN_GTT, GPU_BO_CPU_ACCESS,
	    &s->out_bo), 0);
	assert_int_equal(gpu_bo_map(s->c, s->out_bo, (void **)&s->out), 0);
	assert_int_equal(gpu_vm_map(s->c, s->out_bo, 0, VA_OUT, 4096,
	    GPU_VM_READ | GPU_VM_WRITE), 0);
}

static void
emit(struct side *s, uint32_t v)
{
	s->cmd[s->n++] = v;
}

/* Start a new command buffer at a 32-byte boundary (SDMA IBs need it). */
static uint32_t
cmd_begin(struct side *s)
{
	s->n = (s->n + 7) & ~7u;
	return s->n;
}

/* PM4 WRITE_DATA of one dword to out[idx]. */
static void
pm4_write(struct side *s, unsigned idx, uint32_t v)
{
	uint64_t va = VA_OUT + 4ull * idx;

	emit(s, PM4_TYPE3_HDR(PKT3_WRITE_DATA, 4));
	emit(s, F_PREP(WRITE_DATA_DST_SEL, WRITE_DATA_DST_MEM) |
	    F_PREP(WRITE_DATA_WR_CONFIRM, 1));
	emit(s, (uint32_t)va);
	emit(s, (uint32_t)(va >> 32));
	emit(s, v);
}

/* PM4 WAIT_REG_MEM until out[idx] == 1, which nobody ever writes. */
static void
pm4_wait_forever(struct side *s, unsigned idx)
{
	uint64_t va = VA_OUT + 4ull * idx;

	emit(s, PM4_TYPE3_HDR(PKT3_WAIT_REG_MEM, WAIT_REG_MEM_NDW - 1));
	emit(s, F_PREP(WAIT_REG_MEM_FUNCTION, WAIT_FUNC_EQ) |
	    F_PREP(WAIT_REG_MEM_MEM_SPACE, 1));
	emit(s, (uint32_t)va);
	emit(s, (uint32_t)(va >> 32));
	emit(s, 1);
	emit(s, 0xffffffffu);
	emit(s, 4);
}

/* SDMA WRITE_LINEAR of one dword to out[idx], padded to 8 dwords. */
static void
sdma_write(struct side *s, unsigned idx, uint32_t v)
{
	uint64_t va = VA_OUT + 4ull * idx;

	emit(s, SDMA_HDR(SDMA_OP_WRITE, SDMA_SUBOP_WRITE_LINEAR));
	emit(s, (uint32_t)va);
	emit(s, (uint32_t)(va >> 32));
	emit(s, F_PREP(SDMA_WRITE_COUNT, 0));
	emit(s, v);
	while (s->n % 8 != 0)
		emit(s, SDMA_HDR(SDMA_OP_NOP, 0));
}

/* Submit cmd[first, n) with optional single wait / signal points. */
static int
submit(struct side *s, gpu_handle q, uint32_t first, const struct gpu_sem_point *wait,
    const struct gpu_sem_point *signal, uint64_t *fence)
{
	struct gpu_cmdbuf b = { VA_CMD + 4ull * first, s->n - first };
	struct gpu_submit sub = { &b, 1, wait, wait != NULL, signal, signal != NULL };

	return gpu_queue_submit(s->c, q, &sub, fence);
}

/* The hardware ring a queue feeds (found through the driver's structs). */
static struct gpu_ring *
queue_ring(struct gpu_client *c, gpu_handle h)
{
	struct gpu_queue *q;

	os_mutex_lock(fx.dev->api_lock);
	q = handle_get(c, h, OBJ_QUEUE);
	os_mutex_unlock(fx.dev->api_lock);
	assert_non_null(q);
	return q->ring;
}

/* A queue of this type on ring r: queues are spread over the rings of a
 * type by slot, so one of the first few lands there. */
static gpu_handle
queue_on(struct gpu_client *c, enum gpu_queue_type type, struct gpu_ring *r)
{
	gpu_handle q[4];
	unsigned n;

	for (n = 0; n < 4; n++) {
		assert_int_equal(gpu_queue_create(c, type, &q[n]), 0);
		if (queue_ring(c, q[n]) == r)
			break;
	}
	assert_true(n < 4);
	for (unsigned i = 0; i < n; i++)
		assert_int_equal(gpu_queue_destroy(c, q[i]), 0);
	return q[n];
}

/* Wait for a fence that the hang cancels; returns how long it took. */
static uint64_t
expect_cancelled(struct side *s, gpu_handle q, uint64_t fence)
{
	uint64_t t0 = os_time_ns(), dt;

	assert_int_equal(gpu_fence_wait(s->c, q, fence, WAIT_BOUND), -GPU_ECANCELED);
	dt = os_time_ns() - t0;
	assert_true(dt < CANCEL_BOUND);
	return dt;
}

/* The queue is dead: status and a new submit say GPU_ECANCELED. */
static void
expect_queue_dead(struct side *s, gpu_handle q)
{
	uint64_t f;

	assert_int_equal(gpu_queue_status(s->c, q), -GPU_ECANCELED);
	assert_int_equal(submit(s, q, 0, NULL, NULL, &f), -GPU_ECANCELED);
	assert_int_equal(f, 0);
}

static void
close_all(struct side *a, struct side *b)
{
	gpu_client_close(a->c);
	if (b != NULL)
		gpu_client_close(b->c);
	assert_int_equal(host_dma_in_use(fx.os), fx.dma_baseline);
}

/* --- the tests --------------------------------------------------------------- */

/*
 * A's DMA job runs on an SDMA engine the model hangs; B's job on the same
 * engine is behind it.  A's job and a held job of A's queue are cancelled
 * (their semaphore signal is not applied), B's job runs after the reset,
 * and a new DMA queue of A works on the reset engine.
 */
static void
test_dma_engine_hang(void **state)
{
	struct side a, b;
	gpu_handle qa, qb, qa2, sa, never;
	struct gpu_ring *r;
	uint64_t fa, fa_held, fb, f, v, dt;
	uint32_t first;

	log_clear();
	side_open(&a);
	side_open(&b);
	assert_int_equal(gpu_queue_create(a.c, GPU_QUEUE_DMA, &qa), 0);
	r = queue_ring(a.c, qa);
	qb = queue_on(b.c, GPU_QUEUE_DMA, r);
	assert_int_equal(gpu_sem_create(a.c, 0, &sa), 0);
	assert_int_equal(gpu_sem_create(a.c, 0, &never), 0);
	navi23_inject(fx.model, NAVI23_ENG_SDMA0 + r->instance, NAVI23_FAULT_HANG, 0);

	struct gpu_sem_point sig = { sa, 1 }, wait = { never, 1 };

	first = cmd_begin(&a);
	sdma_write(&a, 0, 0xaaaa0001u);
	assert_int_equal(submit(&a, qa, first, NULL, &sig, &fa), 0);
	assert_int_equal(submit(&a, qa, first, &wait, NULL, &fa_held), 0);
	first = cmd_begin(&b);
	sdma_write(&b, 0, 0xbbbb0001u);
	assert_int_equal(submit(&b, qb, first, NULL, NULL, &fb), 0);

	dt = expect_cancelled(&a, qa, fa);
	print_message("%s hang: cancelled after %llu ms\n", r->name,
	    (unsigned long long)(dt / MS));
	assert_int_equal(gpu_fence_wait(a.c, qa, fa_held, 0), -GPU_ECANCELED);
	expect_queue_dead(&a, qa);
	assert_int_equal(gpu_sem_query(a.c, sa, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(a.out[0], 0);

	assert_int_equal(gpu_fence_wait(b.c, qb, fb, WAIT_BOUND), 0);
	assert_int_equal(b.out[0], 0xbbbb0001u);
	assert_int_equal(gpu_queue_status(b.c, qb), 0);

	assert_logged("ring %s timeout, signaled seq=", r->name);
	assert_logged("guilty job: client VMID %u", a.c->vm.vmid);
	assert_logged("ring %s reset succeeded", r->name);

	qa2 = queue_on(a.c, GPU_QUEUE_DMA, r);
	first = cmd_begin(&a);
	sdma_write(&a, 1, 0xaaaa0002u);
	assert_int_equal(submit(&a, qa2, first, NULL, NULL, &f), 0);
	assert_int_equal(gpu_fence_wait(a.c, qa2, f, WAIT_BOUND), 0);
	assert_int_equal(a.out[1], 0xaaaa0002u);
	close_all(&a, &b);
}

/*
 * A's gfx job waits for a memory value that never comes (WAIT_REG_MEM);
 * B's gfx job is behind it on the one gfx ring.  Meanwhile A's compute
 * queue runs.  A's gfx queue is cancelled, B's job runs after the reset
 * and A's compute queue never notices.
 */
static void
test_gfx_wait_reg_mem_hang(void **state)
{
	struct side a, b;
	gpu_handle qa, qc, qb, qa2;
	struct gpu_ring *r;
	uint64_t fa, fc, fb, f, dt;
	uint32_t first;

	log_clear();
	side_open(&a);
	side_open(&b);
	assert_int_equal(gpu_queue_create(a.c, GPU_QUEUE_GFX, &qa), 0);
	assert_int_equal(gpu_queue_create(a.c, GPU_QUEUE_COMPUTE, &qc), 0);
	r = queue_ring(a.c, qa);
	qb = queue_on(b.c, GPU_QUEUE_GFX, r);

	first = cmd_begin(&a);
	pm4_wait_forever(&a, 8);
	pm4_write(&a, 0, 0xaaaa0001u);
	assert_int_equal(submit(&a, qa, first, NULL, NULL, &fa), 0);
	first = cmd_begin(&b);
	pm4_write(&b, 0, 0xbbbb0001u);
	assert_int_equal(submit(&b, qb, first, NULL, NULL, &fb), 0);
	first = cmd_begin(&a);
	pm4_write(&a, 2, 0xcccc0001u);
	assert_int_equal(submit(&a, qc, first, NULL, NULL, &fc), 0);
	assert_int_equal(gpu_fence_wait(a.c, qc, fc, WAIT_BOUND), 0);
	assert_int_equal(a.out[2], 0xcccc0001u);
	assert_int_equal(gpu_fence_wait(b.c, qb, fb, 0), -GPU_ETIME);

	dt = expect_cancelled(&a, qa, fa);
	print_message("%s hang (WAIT_REG_MEM): cancelled after %llu ms\n", r->name,
	    (unsigned long long)(dt / MS));
	expect_queue_dead(&a, qa);
	assert_int_equal(a.out[0], 0);
	assert_int_equal(gpu_fence_wait(b.c, qb, fb, WAIT_BOUND), 0);
	assert_int_equal(b.out[0], 0xbbbb0001u);
	assert_logged("ring %s timeout", r->name);
	assert_logged("guilty job: client VMID %u", a.c->vm.vmid);
	assert_logged("ring %s reset succeeded", r->name);

	/* A's compute queue is untouched; a new gfx queue of A works. */
	assert_int_equal(gpu_queue_status(a.c, qc), 0);
	first = cmd_begin(&a);
	pm4_write(&a, 3, 0xcccc0002u);
	assert_int_equal(submit(&a, qc, first, NULL, NULL, &f), 0);
	assert_int_equal(gpu_fence_wait(a.c, qc, f, WAIT_BOUND), 0);
	assert_int_equal(a.out[3], 0xcccc0002u);
	assert_int_equal(gpu_queue_create(a.c, GPU_QUEUE_GFX, &qa2), 0);
	first = cmd_begin(&a);
	pm4_write(&a, 4, 0xaaaa0002u);
	assert_int_equal(submit(&a, qa2, first, NULL, NULL, &f), 0);
	assert_int_equal(gpu_fence_wait(a.c, qa2, f, WAIT_BOUND), 0);
	assert_int_equal(a.out[4], 0xaaaa0002u);
	close_all(&a, &b);
}

/* The model hangs the gfx engine itself: the soft reset of the gfx ring
 * clears it, and B's job behind A's runs. */
static void
test_gfx_engine_hang(void **state)
{
	struct side a, b;
	gpu_handle qa, qb;
	struct gpu_ring *r;
	uint64_t fa, fb;
	uint32_t first;

	log_clear();
	side_open(&a);
	side_open(&b);
	assert_int_equal(gpu_queue_create(a.c, GPU_QUEUE_GFX, &qa), 0);
	assert_int_equal(gpu_queue_create(b.c, GPU_QUEUE_GFX, &qb), 0);
	r = queue_ring(a.c, qa);
	navi23_inject(fx.model, NAVI23_ENG_GFX, NAVI23_FAULT_HANG, 0);
	first = cmd_begin(&a);
	pm4_write(&a, 0, 0xaaaa0001u);
	assert_int_equal(submit(&a, qa, first, NULL, NULL, &fa), 0);
	first = cmd_begin(&b);
	pm4_write(&b, 0, 0xbbbb0001u);
	assert_int_equal(submit(&b, qb, first, NULL, NULL, &fb), 0);
	expect_cancelled(&a, qa, fa);
	expect_queue_dead(&a, qa);
	assert_int_equal(a.out[0], 0);
	assert_int_equal(gpu_fence_wait(b.c, qb, fb, WAIT_BOUND), 0);
	assert_int_equal(b.out[0], 0xbbbb0001u);
	assert_logged("ring %s reset succeeded", r->name);
	close_all(&a, &b);
}

/*
 * A compute queue stuck in WAIT_REG_MEM: its HQD is dequeued and
 * programmed again; B's job on the same compute ring runs after it.
 */
static void
test_compute_hang(void **state)
{
	struct side a, b;
	gpu_handle qa, qb;
	struct gpu_ring *r;
	uint64_t fa, fb, dt;
	uint32_t first;

	log_clear();
	side_open(&a);
	side_open(&b);
	assert_int_equal(gpu_queue_create(a.c, GPU_QUEUE_COMPUTE, &qa), 0);
	r = queue_ring(a.c, qa);
	qb = queue_on(b.c, GPU_QUEUE_COMPUTE, r);
	first = cmd_begin(&a);
	pm4_wait_forever(&a, 8);
	assert_int_equal(submit(&a, qa, first, NULL, NULL, &fa), 0);
	first = cmd_begin(&b);
	pm4_write(&b, 0, 0xbbbb0001u);
	assert_int_equal(submit(&b, qb, first, NULL, NULL, &fb), 0);
	dt = expect_cancelled(&a, qa, fa);
	print_message("%s hang (WAIT_REG_MEM): cancelled after %llu ms\n", r->name,
	    (unsigned long long)(dt / MS));
	expect_queue_dead(&a, qa);
	assert_int_equal(gpu_fence_wait(b.c, qb, fb, WAIT_BOUND), 0);
	assert_int_equal(b.out[0], 0xbbbb0001u);
	assert_logged("ring %s reset succeeded", r->name);
	close_all(&a, &b);
}

/*
 * A client closes while its job hangs an SDMA engine and nobody waits for
 * it: the close finds the hang itself, returns within a bounded time and
 * frees everything; the engine works for the next client.
 */
static void
test_close_with_hung_job(void **state)
{
	struct side a, b;
	gpu_handle qa, qb;
	struct gpu_ring *r;
	uint64_t fa, fb, t0, dt;
	uint32_t first;

	log_clear();
	side_open(&a);
	assert_int_equal(gpu_queue_create(a.c, GPU_QUEUE_DMA, &qa), 0);
	r = queue_ring(a.c, qa);
	navi23_inject(fx.model, NAVI23_ENG_SDMA0 + r->instance, NAVI23_FAULT_HANG, 0);
	first = cmd_begin(&a);
	sdma_write(&a, 0, 0xaaaa0001u);
	for (int i = 0; i < 4; i++)
		assert_int_equal(submit(&a, qa, first, NULL, NULL, &fa), 0);
	t0 = os_time_ns();
	gpu_client_close(a.c);
	dt = os_time_ns() - t0;
	print_message("close with a hung job on %s: %llu ms\n", r->name,
	    (unsigned long long)(dt / MS));
	assert_true(dt < CANCEL_BOUND);
	assert_int_equal(host_dma_in_use(fx.os), fx.dma_baseline);
	assert_logged("ring %s reset succeeded", r->name);

	side_open(&b);
	qb = queue_on(b.c, GPU_QUEUE_DMA, r);
	first = cmd_begin(&b);
	sdma_write(&b, 0, 0xbbbb0001u);
	assert_int_equal(submit(&b, qb, first, NULL, NULL, &fb), 0);
	assert_int_equal(gpu_fence_wait(b.c, qb, fb, WAIT_BOUND), 0);
	assert_int_equal(b.out[0], 0xbbbb0001u);
	gpu_client_close(b.c);
	assert_int_equal(host_dma_in_use(fx.os), fx.dma_baseline);
}

/*
 * The model hangs the whole MEC: dequeuing one queue does not clear that,
 * so the ring test after the reset fails; the queues on that compute ring
 * are cancelled and it takes no new ones.  Last: the ring stays down.
 */
static void
test_compute_reset_fails(void **state)
{
	struct side a;
	gpu_handle qa;
	struct gpu_ring *r;
	uint64_t fa;
	uint32_t first;

	log_clear();
	side_open(&a);
	assert_int_equal(gpu_queue_create(a.c, GPU_QUEUE_COMPUTE, &qa), 0);
	r = queue_ring(a.c, qa);
	navi23_inject(fx.model, NAVI23_ENG_COMPUTE, NAVI23_FAULT_HANG, 0);
	first = cmd_begin(&a);
	pm4_write(&a, 0, 0xaaaa0001u);
	assert_int_equal(submit(&a, qa, first, NULL, NULL, &fa), 0);
	expect_cancelled(&a, qa, fa);
	expect_queue_dead(&a, qa);
	assert_logged("ring %s reset failed", r->name);
	assert_false(r->ready);
	navi23_inject(fx.model, NAVI23_ENG_COMPUTE, NAVI23_FAULT_NONE, 0);
	close_all(&a, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dma_engine_hang),
		cmocka_unit_test(test_gfx_wait_reg_mem_hang),
		cmocka_unit_test(test_gfx_engine_hang),
		cmocka_unit_test(test_compute_hang),
		cmocka_unit_test(test_close_with_hung_job),
		cmocka_unit_test(test_compute_reset_fails),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}

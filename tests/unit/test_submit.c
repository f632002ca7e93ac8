/*
 * Work through the GPU API on real rings of the navi23 model: SDMA copies,
 * CP WRITE_DATA through the page tables, isolation between clients,
 * wait-before-signal across queues, and many threads submitting at once.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "amd/pm4.h"
#include "amd/sdma_v5_2_pkt.h"
#include "api_fixture.h"

#define SEC	1000000000ull

static struct api_fixture fx;

static int
group_setup(void **state)
{
	return api_fixture_up(&fx, 0);
}

static int
group_teardown(void **state)
{
	api_fixture_down(&fx);
	return 0;
}

/* A command buffer: a GTT BO mapped in the client's VM. */
struct cmd {
	gpu_handle bo;
	uint32_t *p;
	uint64_t va;
	uint32_t n;
};

static void
cmd_init(struct gpu_client *c, struct cmd *cb, uint64_t va, uint64_t bytes)
{
	memset(cb, 0, sizeof(*cb));
	assert_int_equal(gpu_bo_create(c, bytes, GPU_DOMAIN_GTT, GPU_BO_CPU_ACCESS, &cb->bo), 0);
	assert_int_equal(gpu_bo_map(c, cb->bo, (void **)&cb->p), 0);
	assert_int_equal(gpu_vm_map(c, cb->bo, 0, va, bytes, GPU_VM_READ | GPU_VM_EXEC), 0);
	cb->va = va;
}

static void
emit(struct cmd *cb, uint32_t v)
{
	cb->p[cb->n++] = v;
}

static void
emit_write_data(struct cmd *cb, uint64_t va, const uint32_t *data, unsigned n)
{
	emit(cb, PM4_TYPE3_HDR(PKT3_WRITE_DATA, 3 + n));
	emit(cb, F_PREP(WRITE_DATA_DST_SEL, WRITE_DATA_DST_MEM) |
	    F_PREP(WRITE_DATA_WR_CONFIRM, 1));
	emit(cb, (uint32_t)va);
	emit(cb, (uint32_t)(va >> 32));
	for (unsigned i = 0; i < n; i++)
		emit(cb, data[i]);
}

static void
emit_sdma_copy(struct cmd *cb, uint64_t dst, uint64_t src, uint32_t bytes)
{
	emit(cb, SDMA_HDR(SDMA_OP_COPY, SDMA_SUBOP_COPY_LINEAR));
	emit(cb, F_PREP(SDMA_COPY_COUNT, bytes - 1));
	emit(cb, 0);
	emit(cb, (uint32_t)src);
	emit(cb, (uint32_t)(src >> 32));
	emit(cb, (uint32_t)dst);
	emit(cb, (uint32_t)(dst >> 32));
}

static void
emit_sdma_write(struct cmd *cb, uint64_t dst, uint32_t v)
{
	emit(cb, SDMA_HDR(SDMA_OP_WRITE, SDMA_SUBOP_WRITE_LINEAR));
	emit(cb, (uint32_t)dst);
	emit(cb, (uint32_t)(dst >> 32));
	emit(cb, F_PREP(SDMA_WRITE_COUNT, 0));
	emit(cb, v);
}

/* SDMA IBs are fetched in 8-dword units: pad with NOPs. */
static void
sdma_pad(struct cmd *cb)
{
	while (cb->n % 8 != 0)
		emit(cb, SDMA_HDR(SDMA_OP_NOP, 0));
}

static int
run(struct gpu_client *c, gpu_handle q, const struct cmd *cb, uint32_t first, uint32_t n)
{
	struct gpu_cmdbuf b = { cb->va + 4ull * first, n };
	struct gpu_submit s = { &b, 1, NULL, 0, NULL, 0 };
	uint64_t fence;
	int rc = gpu_queue_submit(c, q, &s, &fence);

	return rc != 0 ? rc : gpu_fence_wait(c, q, fence, 30 * SEC);
}

static uint32_t
pattern(uint64_t i)
{
	uint64_t x = i * 0x9e3779b97f4a7c15ull;

	return (uint32_t)(x ^ (x >> 29));
}

/* 256 MiB VRAM -> GTT -> VRAM by SDMA; the CPU sees every byte through
 * bo_map. */
static void
test_sdma_copy_256mib(void **state)
{
	const uint64_t size = 256ull << 20, chunk = 64ull << 20;
	const uint64_t va_a = 0x100000000ull, va_g = 0x200000000ull, va_b = 0x300000000ull;
	struct gpu_client *c;
	gpu_handle a, g, b, q;
	uint32_t *pa, *pg, *pb;
	struct cmd cb;

	assert_int_equal(gpu_client_open(fx.dev, &c), 0);
	assert_int_equal(gpu_queue_create(c, GPU_QUEUE_DMA, &q), 0);
	assert_int_equal(gpu_bo_create(c, size, GPU_DOMAIN_VRAM, GPU_BO_CPU_ACCESS, &a), 0);
	assert_int_equal(gpu_bo_create(c, size, GPU_DOMAIN_GTT, GPU_BO_CPU_ACCESS, &g), 0);
	assert_int_equal(gpu_bo_create(c, size, GPU_DOMAIN_VRAM, GPU_BO_CPU_ACCESS, &b), 0);
	assert_int_equal(gpu_bo_map(c, a, (void **)&pa), 0);
	assert_int_equal(gpu_bo_map(c, g, (void **)&pg), 0);
	assert_int_equal(gpu_bo_map(c, b, (void **)&pb), 0);
	for (uint64_t i = 0; i < size / 4; i++)
		pa[i] = pattern(i);
	assert_int_equal(gpu_vm_map(c, a, 0, va_a, size, GPU_VM_READ), 0);
	assert_int_equal(gpu_vm_map(c, g, 0, va_g, size, GPU_VM_READ | GPU_VM_WRITE), 0);
	assert_int_equal(gpu_vm_map(c, b, 0, va_b, size, GPU_VM_WRITE), 0);
	cmd_init(c, &cb, 0x10000000ull, 4096);
	for (uint64_t off = 0; off < size; off += chunk)
		emit_sdma_copy(&cb, va_g + off, va_a + off, (uint32_t)chunk);
	for (uint64_t off = 0; off < size; off += chunk)
		emit_sdma_copy(&cb, va_b + off, va_g + off, (uint32_t)chunk);
	sdma_pad(&cb);
	assert_int_equal(run(c, q, &cb, 0, cb.n), 0);
	assert_memory_equal(pa, pg, size);
	assert_memory_equal(pa, pb, size);
	gpu_client_close(c);
	assert_int_equal(host_dma_in_use(fx.os), fx.dma_baseline);
}

/* CP WRITE_DATA lands where the page tables say, across a 2 MiB fragment
 * boundary, from the GFX ring and from a compute ring. */
static void
test_cp_write_across_2mib(void **state)
{
	const uint64_t va = 0x40000000ull;	/* 2 MiB aligned */
	enum gpu_queue_type types[] = { GPU_QUEUE_GFX, GPU_QUEUE_COMPUTE };
	struct gpu_client *c;
	gpu_handle bo, q;
	uint32_t *p, data[16];
	struct cmd cb;

	assert_int_equal(gpu_client_open(fx.dev, &c), 0);
	assert_int_equal(gpu_bo_create(c, 4 << 20, GPU_DOMAIN_VRAM, 0, &bo), 0);
	assert_int_equal(gpu_bo_map(c, bo, (void **)&p), 0);
	assert_int_equal(gpu_vm_map(c, bo, 0, va, 4 << 20, GPU_VM_READ | GPU_VM_WRITE), 0);
	cmd_init(c, &cb, 0x20000000ull, 4096);
	for (unsigned t = 0; t < 2; t++) {
		uint64_t at = va + (2 << 20) - 32 + 4096 * t;	/* 8 dwords each side */
		uint32_t first = cb.n;

		for (unsigned i = 0; i < 16; i++)
			data[i] = 0xa0000000u + t * 0x100 + i;
		emit_write_data(&cb, at, data, 16);
		assert_int_equal(gpu_queue_create(c, types[t], &q), 0);
		assert_int_equal(run(c, q, &cb, first, cb.n - first), 0);
		assert_memory_equal(p + (at - va) / 4, data, sizeof(data));
	}
	gpu_client_close(c);
}

/* A command buffer that writes to another client's VA faults in its own
 * VMID and writes nothing there; the other client is unaffected. */
static void
test_isolation(void **state)
{
	const uint64_t va = 0x50000000ull;
	struct gpu_client *a, *b;
	gpu_handle abo, q, qa;
	uint32_t *pa, v = 0xbad0bad0u;
	struct gpu_vm_fault f;
	struct cmd cb, cba;

	assert_int_equal(gpu_client_open(fx.dev, &a), 0);
	assert_int_equal(gpu_client_open(fx.dev, &b), 0);
	assert_int_equal(gpu_bo_create(a, 65536, GPU_DOMAIN_VRAM, 0, &abo), 0);
	assert_int_equal(gpu_bo_map(a, abo, (void **)&pa), 0);
	assert_int_equal(gpu_vm_map(a, abo, 0, va, 65536, GPU_VM_READ | GPU_VM_WRITE), 0);
	cmd_init(b, &cb, 0x20000000ull, 4096);
	emit_write_data(&cb, va + 64, &v, 1);
	assert_int_equal(gpu_queue_create(b, GPU_QUEUE_GFX, &q), 0);
	assert_int_equal(run(b, q, &cb, 0, cb.n), 0);
	assert_int_equal(pa[16], 0);
	assert_int_equal(gpu_vm_fault_query(b, &f), 0);
	assert_int_equal(f.addr, va);
	assert_true(f.write);
	assert_string_equal(f.engine, "CPG");
	assert_int_equal(gpu_vm_fault_query(a, &f), -GPU_ENOENT);
	/* The other client's own work still runs. */
	v = 0x600d600du;
	cmd_init(a, &cba, 0x20000000ull, 4096);
	emit_write_data(&cba, va + 64, &v, 1);
	assert_int_equal(gpu_queue_create(a, GPU_QUEUE_COMPUTE, &qa), 0);
	assert_int_equal(run(a, qa, &cba, 0, cba.n), 0);
	assert_int_equal(pa[16], 0x600d600du);
	gpu_client_close(a);
	gpu_client_close(b);
}

/* Jobs submitted before their waits are signalled are held, not blocking
 * the caller, and run once the host signals. */
static void
test_wait_before_signal(void **state)
{
	struct gpu_client *c;
	gpu_handle s, t, qd, qg, bo;
	uint32_t *p, one = 1;
	uint64_t fd, fg, v;
	struct cmd cb;
	const uint64_t va = 0x60000000ull;

	assert_int_equal(gpu_client_open(fx.dev, &c), 0);
	assert_int_equal(gpu_sem_create(c, 0, &s), 0);
	assert_int_equal(gpu_sem_create(c, 0, &t), 0);
	assert_int_equal(gpu_queue_create(c, GPU_QUEUE_DMA, &qd), 0);
	assert_int_equal(gpu_queue_create(c, GPU_QUEUE_GFX, &qg), 0);
	assert_int_equal(gpu_bo_create(c, 4096, GPU_DOMAIN_GTT, 0, &bo), 0);
	assert_int_equal(gpu_bo_map(c, bo, (void **)&p), 0);
	assert_int_equal(gpu_vm_map(c, bo, 0, va, 4096, GPU_VM_READ | GPU_VM_WRITE), 0);
	cmd_init(c, &cb, 0x20000000ull, 4096);
	emit_sdma_write(&cb, va, 7);
	sdma_pad(&cb);
	emit_write_data(&cb, va + 4, &one, 1);

	struct gpu_cmdbuf bd = { cb.va, 8 }, bg = { cb.va + 32, cb.n - 8 };
	struct gpu_sem_point ws = { s, 1 }, st = { t, 1 };
	struct gpu_submit sd = { &bd, 1, &ws, 1, &st, 1 };
	struct gpu_submit sg = { &bg, 1, &st, 1, NULL, 0 };

	assert_int_equal(gpu_queue_submit(c, qg, &sg, &fg), 0);	/* waits for t */
	assert_int_equal(gpu_queue_submit(c, qd, &sd, &fd), 0);	/* waits for s */
	assert_int_equal(gpu_fence_wait(c, qg, fg, 20000000), -GPU_ETIME);
	assert_int_equal(gpu_fence_wait(c, qd, fd, 0), -GPU_ETIME);
	assert_int_equal(p[0], 0);
	assert_int_equal(gpu_sem_signal(c, s, 1), 0);
	assert_int_equal(gpu_fence_wait(c, qg, fg, 10 * SEC), 0);
	assert_int_equal(gpu_fence_wait(c, qd, fd, 0), 0);
	assert_int_equal(p[0], 7);
	assert_int_equal(p[1], 1);
	assert_int_equal(gpu_sem_query(c, t, &v), 0);
	assert_int_equal(v, 1);
	gpu_client_close(c);
	assert_int_equal(host_dma_in_use(fx.os), fx.dma_baseline);
}

/* Closing a client with work still held frees everything. */
static void
test_close_with_work_held(void **state)
{
	struct gpu_client *c;
	gpu_handle s, q;
	uint64_t f;
	struct cmd cb;

	assert_int_equal(gpu_client_open(fx.dev, &c), 0);
	assert_int_equal(gpu_sem_create(c, 0, &s), 0);
	assert_int_equal(gpu_queue_create(c, GPU_QUEUE_COMPUTE, &q), 0);
	cmd_init(c, &cb, 0x20000000ull, 4096);
	emit(&cb, PM4_TYPE3_HDR(PKT3_NOP, 1));
	emit(&cb, 0);

	struct gpu_cmdbuf b = { cb.va, cb.n };
	struct gpu_sem_point w = { s, 5 };
	struct gpu_submit sub = { &b, 1, &w, 1, NULL, 0 };

	for (int i = 0; i < 10; i++)
		assert_int_equal(gpu_queue_submit(c, q, &sub, &f), 0);
	gpu_client_close(c);
	assert_int_equal(host_dma_in_use(fx.os), fx.dma_baseline);
}

/* --- many threads, two clients, all queue types --------------------------- */

#define THREADS		4
#define JOBS		10000
#define SLOTS		256

struct worker {
	struct gpu_client *c;
	int id;
	gpu_handle q[3], sem[3], out;
	uint32_t *outp;
	struct cmd cb[3];
	_Atomic uint64_t submitted[3];
	uint64_t fence[3][SLOTS];
	uint32_t last[3];		/* index of each queue's last job */
	int failed;
	unsigned seed;
};

static struct worker workers[THREADS];

/* Each job writes its index into its queue's slot of the output BO. */
static void
build_job(struct worker *w, int qi, uint32_t slot, uint32_t value, struct cmd *cb)
{
	uint64_t out = 0x70000000ull + 64ull * w->id + 4 * qi;

	cb->n = slot * 16;
	if (qi == 2) {
		emit_sdma_write(cb, out, value);
		sdma_pad(cb);
	} else {
		emit_write_data(cb, out, &value, 1);
	}
}

static void *
worker_main(void *arg)
{
	struct worker *w = arg;

	for (uint32_t j = 1; j <= JOBS && !w->failed; j++) {
		int qi = (int)(rand_r(&w->seed) % 3);
		uint32_t slot = j % SLOTS;
		struct gpu_sem_point wait, sig = { w->sem[qi], 0 };
		struct gpu_cmdbuf b;
		struct gpu_submit s = { &b, 1, NULL, 0, &sig, 1 };
		uint64_t f;

		/* The slot's previous job must be done before we rewrite it. */
		if (w->fence[qi][slot] != 0 &&
		    gpu_fence_wait(w->c, w->q[qi], w->fence[qi][slot], 30 * SEC) != 0) {
			w->failed = 1;
			break;
		}
		build_job(w, qi, slot, j, &w->cb[qi]);
		b.va = w->cb[qi].va + slot * 64;
		b.ndw = w->cb[qi].n - slot * 16;
		/* Wait for a point another queue has already been given. */
		int other = (qi + 1 + (int)(rand_r(&w->seed) % 2)) % 3;
		uint64_t upto = atomic_load(&w->submitted[other]);

		if (upto != 0 && rand_r(&w->seed) % 2) {
			wait.sem = w->sem[other];
			wait.value = 1 + rand_r(&w->seed) % upto;
			s.waits = &wait;
			s.nwaits = 1;
		}
		sig.value = atomic_load(&w->submitted[qi]) + 1;
		if (gpu_queue_submit(w->c, w->q[qi], &s, &f) != 0) {
			w->failed = 2;
			break;
		}
		w->fence[qi][slot] = f;
		w->last[qi] = j;
		atomic_store(&w->submitted[qi], sig.value);
	}
	/* Every fence signals: the last of each queue, and the ones before. */
	for (int qi = 0; qi < 3 && !w->failed; qi++) {
		uint64_t n = atomic_load(&w->submitted[qi]), v;

		if (n == 0)
			continue;
		if (gpu_fence_wait(w->c, w->q[qi], n, 60 * SEC) != 0 ||
		    gpu_fence_wait(w->c, w->q[qi], 1, 0) != 0 ||
		    gpu_sem_query(w->c, w->sem[qi], &v) != 0 || v != n)
			w->failed = 3;
	}
	return NULL;
}

static void
worker_setup(struct worker *w, struct gpu_client *c, int id, gpu_handle out)
{
	enum gpu_queue_type t[3] = { GPU_QUEUE_GFX, GPU_QUEUE_COMPUTE, GPU_QUEUE_DMA };

	memset(w, 0, sizeof(*w));
	w->c = c;
	w->id = id;
	w->seed = 1234 + id;
	for (int qi = 0; qi < 3; qi++) {
		assert_int_equal(gpu_queue_create(c, t[qi], &w->q[qi]), 0);
		assert_int_equal(gpu_sem_create(c, 0, &w->sem[qi]), 0);
		cmd_init(c, &w->cb[qi], 0x100000000ull * (id + 1) + 0x1000000ull * qi,
		    SLOTS * 64);
	}
	w->out = out;
}

static void
test_threads_clients_queues(void **state)
{
	struct gpu_client *c[2];
	gpu_handle out[2];
	uint32_t *p[2];
	pthread_t th[THREADS];
	uint64_t t0 = os_time_ns();

	for (int i = 0; i < 2; i++) {
		assert_int_equal(gpu_client_open(fx.dev, &c[i]), 0);
		assert_int_equal(gpu_bo_create(c[i], 4096, GPU_DOMAIN_GTT, 0, &out[i]), 0);
		assert_int_equal(gpu_bo_map(c[i], out[i], (void **)&p[i]), 0);
		assert_int_equal(gpu_vm_map(c[i], out[i], 0, 0x70000000ull, 4096,
		    GPU_VM_READ | GPU_VM_WRITE), 0);
	}
	for (int i = 0; i < THREADS; i++)
		worker_setup(&workers[i], c[i % 2], i, out[i % 2]);
	for (int i = 0; i < THREADS; i++)
		pthread_create(&th[i], NULL, worker_main, &workers[i]);
	for (int i = 0; i < THREADS; i++)
		pthread_join(th[i], NULL);
	print_message("%d jobs in %.2f s\n", THREADS * JOBS, (os_time_ns() - t0) / 1e9);
	for (int i = 0; i < THREADS; i++) {
		struct worker *w = &workers[i];

		assert_int_equal(w->failed, 0);
		/* In order per queue: the last job's write is what stayed. */
		for (int qi = 0; qi < 3; qi++)
			assert_int_equal(p[i % 2][16 * w->id + qi], w->last[qi]);
	}
	gpu_client_close(c[0]);
	gpu_client_close(c[1]);
	assert_int_equal(host_dma_in_use(fx.os), fx.dma_baseline);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cp_write_across_2mib),
		cmocka_unit_test(test_isolation),
		cmocka_unit_test(test_wait_before_signal),
		cmocka_unit_test(test_close_with_work_held),
		cmocka_unit_test(test_sdma_copy_256mib),
		cmocka_unit_test(test_threads_clients_queues),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}

/*
 * GPU API benchmarks, each against a peer measured in the same run:
 *  - SDMA copy of 256 MiB GTT -> VRAM through the API, against the CPU's
 *    memcpy of the same bytes;
 *  - 10,000 small jobs through gpu_queue_submit (scheduler, fences,
 *    interrupts), against the same indirect buffers put straight on the
 *    kernel's ring with one fence at the end.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amd/sdma_v5_2_pkt.h"
#include "bench.h"
#include "gpu/client.h"

#define COPY_BYTES	(256ull << 20)
#define JOBS		10000
#define SEC		1000000000ull

static uint64_t
now(void)
{
	return os_time_ns();
}

struct buf {
	gpu_handle bo;
	uint32_t *p;
	uint64_t va;
};

static int
buf_new(struct gpu_client *c, uint64_t size, uint32_t domain, uint64_t va, struct buf *b)
{
	b->va = va;
	if (gpu_bo_create(c, size, domain, GPU_BO_CPU_ACCESS, &b->bo) != 0 ||
	    gpu_bo_map(c, b->bo, (void **)&b->p) != 0 ||
	    gpu_vm_map(c, b->bo, 0, va, size, GPU_VM_PERMS_ALL) != 0)
		return -1;
	return 0;
}

static unsigned
emit_copy(uint32_t *p, uint64_t dst, uint64_t src, uint32_t bytes)
{
	p[0] = SDMA_HDR(SDMA_OP_COPY, SDMA_SUBOP_COPY_LINEAR);
	p[1] = F_PREP(SDMA_COPY_COUNT, bytes - 1);
	p[2] = 0;
	p[3] = (uint32_t)src;
	p[4] = (uint32_t)(src >> 32);
	p[5] = (uint32_t)dst;
	p[6] = (uint32_t)(dst >> 32);
	p[7] = SDMA_HDR(SDMA_OP_NOP, 0);
	return 8;
}

static int
bench_copy(struct gpu_client *c)
{
	struct buf src, dst, cmd;
	gpu_handle q;
	uint64_t fence, t0, gpu_ns, cpu_ns;
	struct gpu_cmdbuf cb;
	struct gpu_submit s = { &cb, 1, NULL, 0, NULL, 0 };
	unsigned n = 0;

	if (buf_new(c, COPY_BYTES, GPU_DOMAIN_GTT, 0x100000000ull, &src) != 0 ||
	    buf_new(c, COPY_BYTES, GPU_DOMAIN_VRAM, 0x200000000ull, &dst) != 0 ||
	    buf_new(c, 4096, GPU_DOMAIN_GTT, 0x10000000ull, &cmd) != 0 ||
	    gpu_queue_create(c, GPU_QUEUE_DMA, &q) != 0)
		return -1;
	memset(src.p, 0x5a, COPY_BYTES);
	memset(dst.p, 0, COPY_BYTES);	/* both sides resident before timing */
	for (uint64_t off = 0; off < COPY_BYTES; off += 64ull << 20)
		n += emit_copy(cmd.p + n, dst.va + off, src.va + off, 64u << 20);
	cb.va = cmd.va;
	cb.ndw = n;
	t0 = now();
	if (gpu_queue_submit(c, q, &s, &fence) != 0 ||
	    gpu_fence_wait(c, q, fence, 60 * SEC) != 0)
		return -1;
	gpu_ns = now() - t0;
	if (memcmp(src.p, dst.p, COPY_BYTES) != 0) {
		fprintf(stderr, "bench: SDMA copy is wrong\n");
		return -1;
	}
	t0 = now();
	memcpy(dst.p, src.p, COPY_BYTES);
	cpu_ns = now() - t0;
	printf("SDMA copy 256 MiB GTT->VRAM: %.1f ms (%.2f GB/s); CPU memcpy %.1f ms; ratio %.2f\n",
	    gpu_ns / 1e6, COPY_BYTES / (gpu_ns / 1e9) / 1e9, cpu_ns / 1e6,
	    (double)gpu_ns / (double)cpu_ns);
	return 0;
}

static int
bench_jobs(struct gpu_device *dev, struct gpu_client *c)
{
	struct buf cmd, out;
	gpu_handle q;
	uint64_t fence = 0, t0, api_ns, ring_ns;
	struct gpu_cmdbuf cb;
	struct gpu_submit s = { &cb, 1, NULL, 0, NULL, 0 };
	struct gpu_ring *r = NULL;
	uint32_t seq;

	if (buf_new(c, 4096, GPU_DOMAIN_GTT, 0x20000000ull, &cmd) != 0 ||
	    buf_new(c, 4096, GPU_DOMAIN_GTT, 0x30000000ull, &out) != 0 ||
	    gpu_queue_create(c, GPU_QUEUE_DMA, &q) != 0)
		return -1;
	cmd.p[0] = SDMA_HDR(SDMA_OP_WRITE, SDMA_SUBOP_WRITE_LINEAR);
	cmd.p[1] = (uint32_t)out.va;
	cmd.p[2] = (uint32_t)(out.va >> 32);
	cmd.p[3] = 0;
	cmd.p[4] = 42;
	for (int i = 5; i < 8; i++)
		cmd.p[i] = SDMA_HDR(SDMA_OP_NOP, 0);
	cb.va = cmd.va;
	cb.ndw = 8;
	t0 = now();
	for (int i = 0; i < JOBS; i++)
		if (gpu_queue_submit(c, q, &s, &fence) != 0)
			return -1;
	if (gpu_fence_wait(c, q, fence, 60 * SEC) != 0)
		return -1;
	api_ns = now() - t0;
	/* The peer: the same IBs on the bare kernel ring the queue uses. */
	for (unsigned i = 0; i < dev->nrings; i++)
		if (dev->rings[i]->type == RING_SDMA)
			r = dev->rings[i];
	if (r == NULL)
		return -1;
	os_mutex_lock(dev->api_lock);
	t0 = now();
	for (int i = 0; i < JOBS; i++) {
		if (ring_alloc(r, r->funcs->ib_dw + 16) != 0)
			break;
		r->funcs->emit_ib(r, cb.va, cb.ndw, c->vm.vmid);
		ring_commit(r);
	}
	if (ring_alloc(r, r->funcs->fence_dw + 16) == 0) {
		seq = ring_emit_fence(r);
		ring_commit(r);
		os_mutex_unlock(dev->api_lock);
		(void)ring_fence_wait(r, seq, 60 * SEC);
	} else {
		os_mutex_unlock(dev->api_lock);
	}
	ring_ns = now() - t0;
	printf("%d jobs through the API: %.1f ms (%.0f jobs/s); bare ring %.1f ms; ratio %.2f\n",
	    JOBS, api_ns / 1e6, JOBS / (api_ns / 1e9), ring_ns / 1e6,
	    (double)api_ns / (double)ring_ns);
	return 0;
}

int
bench_api(struct gpu_device *dev)
{
	struct gpu_client *c;
	int rc;

	if (gpu_client_open(dev, &c) != 0)
		return -1;
	rc = bench_copy(c);
	if (rc == 0)
		rc = bench_jobs(dev, c);
	gpu_client_close(c);
	return rc;
}

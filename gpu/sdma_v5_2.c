/*
 * SDMA v5.2: the two system DMA engines, one gfx ring each ("sdma0",
 * "sdma1"), their packet emitters, ring and IB tests and trap interrupt.
 *
 * Follows Linux amdgpu/sdma_v5_2.c: sdma_v5_2_gfx_resume,
 * sdma_v5_2_enable / sdma_v5_2_gfx_stop, sdma_v5_2_ring_emit_ib,
 * sdma_v5_2_ring_emit_fence, sdma_v5_2_ring_set_wptr,
 * sdma_v5_2_ring_insert_nop, sdma_v5_2_ring_test_ring,
 * sdma_v5_2_ring_test_ib, sdma_v5_2_process_trap_irq, sdma_v5_2_reset_queue
 * (amdgpu_sdma_reset_engine: stop_queue, soft reset, restore_queue); the
 * doorbell range
 * from nbio_v2_3.c nbio_v2_3_sdma_doorbell_range.  The engines count
 * ring positions in bytes; gpu_ring.wptr counts dwords.  Left out of
 * gfx_resume: the UTCL1_CNTL/UTCL1_PAGE tuning (field layout for 5.2 not
 * verified) and the context-switch/preemption set-up.
 */
#include "amd/gc_10_3_reg.h"
#include "amd/ih_v5.h"
#include "amd/nbio_2_3_reg.h"
#include "amd/sdma_v5_2_pkt.h"
#include "amdgpu.h"
#include "bits.h"
#include "doorbell.h"

#define SDMA_NUM_INST		2
#define SDMA_RING_BYTES		(256u << 10)
#define SDMA_ALIGN_DW		8
#define RING_TEST_MAGIC		0xDEADBEEFu
#define RING_TEST_INIT		0xCAFEDEADu
#define IB_TEST_TIMEOUT_NS	(1000ull * 1000 * 1000)

struct sdma_state {
	struct gpu_ring ring[SDMA_NUM_INST];
};

static uint32_t
ireg(unsigned inst, uint32_t reg0)
{
	return reg0 + inst * SDMA_INST_STRIDE;
}

/* --- packet emitters ------------------------------------------------------- */

/* sdma_v5_2_ring_insert_nop: one burst NOP covering n dwords. */
static void
sdma_nops(struct gpu_ring *r, unsigned n)
{
	if (n == 0)
		return;
	ring_write(r, SDMA_HDR(SDMA_OP_NOP, 0) | F_PREP(SDMA_NOP_COUNT, n - 1));
	while (--n > 0)
		ring_write(r, SDMA_HDR(SDMA_OP_NOP, 0));
}

/* sdma_v5_2_ring_emit_ib: the packet must start at dword 2 (mod 8) so it
 * ends on an 8-dword boundary. */
static void
sdma_emit_ib(struct gpu_ring *r, uint64_t ib, uint32_t ndw, unsigned vmid)
{
	sdma_nops(r, (unsigned)(2 - (uint32_t)r->wptr) & 7);
	ring_write(r, SDMA_HDR(SDMA_OP_INDIRECT, 0) | F_PREP(SDMA_IB_HDR_VMID, vmid));
	ring_write(r, (uint32_t)ib & SDMA_IB_BASE_LO_MASK);
	ring_write(r, (uint32_t)(ib >> 32));
	ring_write(r, F_PREP(SDMA_IB_SIZE, ndw));
	ring_write(r, 0);
	ring_write(r, 0);
}

/* sdma_v5_2_ring_emit_fence: FENCE (uncached) then TRAP for the interrupt. */
static void
sdma_emit_fence(struct gpu_ring *r, uint64_t addr, uint32_t seq, bool irq)
{
	ring_write(r, SDMA_HDR(SDMA_OP_FENCE, 0) | F_PREP(SDMA_FENCE_HDR_MTYPE, 3));
	ring_write(r, (uint32_t)addr & ~3u);
	ring_write(r, (uint32_t)(addr >> 32));
	ring_write(r, seq);
	if (!irq)
		return;
	ring_write(r, SDMA_HDR(SDMA_OP_TRAP, 0));
	ring_write(r, F_PREP(SDMA_TRAP_INT_CONTEXT, 0));
}

/* sdma_v5_2_ring_set_wptr: shadow and doorbell carry the wptr in bytes. */
static void
sdma_set_wptr(struct gpu_ring *r)
{
	uint64_t bytes = r->wptr << 2;

	r->wptr_wb[0].cpu[0] = (uint32_t)bytes;
	r->wptr_wb[0].cpu[1] = (uint32_t)(bytes >> 32);
	wdoorbell64(r->dev, r->doorbell, bytes);
}

static void
sdma_pad(struct gpu_ring *r)
{
	sdma_nops(r, (unsigned)(SDMA_ALIGN_DW - r->wptr % SDMA_ALIGN_DW) % SDMA_ALIGN_DW);
}

/* --- ring and IB tests ------------------------------------------------------ */

/* Poll a write-back slot the engine should write; error names the ring. */
static int
sdma_wait_slot(struct gpu_ring *r, struct wb_slot *s)
{
	uint64_t deadline = os_time_ns() + (uint64_t)GPU_TIMEOUT_US * 1000;
	uint32_t v;

	for (;;) {
		v = *s->cpu;
		if (v == RING_TEST_MAGIC)
			return 0;
		if (os_time_ns() > deadline)
			break;
		os_delay_us(1);
	}
	return gpu_error(r->dev, -GPU_ETIME,
	    "%s: ring test timed out after %u us: write-back slot = 0x%08x, expected 0x%08x",
	    r->name, GPU_TIMEOUT_US, v, RING_TEST_MAGIC);
}

/* sdma_v5_2_ring_test_ring: WRITE_LINEAR of one dword from the ring. */
static int
sdma_test_ring(struct gpu_ring *r)
{
	struct wb_slot s = { 0 };
	int rc;

	if ((rc = wb_get(r->dev, &s)) != 0)
		return rc;
	*s.cpu = RING_TEST_INIT;
	if ((rc = ring_alloc(r, SDMA_WRITE_NDW(1))) == 0) {
		ring_write(r, SDMA_HDR(SDMA_OP_WRITE, SDMA_SUBOP_WRITE_LINEAR));
		ring_write(r, (uint32_t)s.gpu);
		ring_write(r, (uint32_t)(s.gpu >> 32));
		ring_write(r, F_PREP(SDMA_WRITE_COUNT, 0));
		ring_write(r, RING_TEST_MAGIC);
		ring_commit(r);
		rc = sdma_wait_slot(r, &s);
	}
	wb_put(r->dev, &s);
	return rc;
}

/* sdma_v5_2_ring_test_ib: the same write from an IB, fenced with a trap. */
static int
sdma_test_ib(struct gpu_ring *r)
{
	struct gpu_device *dev = r->dev;
	struct wb_slot s = { 0 };
	struct kbo ib = { 0 };
	uint32_t *p, seq;
	int rc;

	if ((rc = wb_get(dev, &s)) != 0)
		return rc;
	*s.cpu = RING_TEST_INIT;
	if ((rc = kbo_alloc(dev, 4096, 4096, KBO_GTT, &ib)) != 0)
		goto out;
	p = ib.cpu;
	p[0] = SDMA_HDR(SDMA_OP_WRITE, SDMA_SUBOP_WRITE_LINEAR);
	p[1] = (uint32_t)s.gpu;
	p[2] = (uint32_t)(s.gpu >> 32);
	p[3] = F_PREP(SDMA_WRITE_COUNT, 0);
	p[4] = RING_TEST_MAGIC;
	p[5] = p[6] = p[7] = SDMA_HDR(SDMA_OP_NOP, 0);	/* sdma_v5_2_ring_pad_ib */
	if ((rc = ring_alloc(r, r->funcs->ib_dw + r->funcs->fence_dw + SDMA_ALIGN_DW)) != 0)
		goto out;
	sdma_emit_ib(r, ib.gpu, 8, 0);
	seq = ring_emit_fence(r);
	ring_commit(r);
	if ((rc = ring_fence_wait(r, seq, IB_TEST_TIMEOUT_NS)) != 0) {
		rc = gpu_error(dev, rc,
		    "%s: IB test timed out after %llu ms waiting for fence %u (last signalled %u)",
		    r->name, (unsigned long long)(IB_TEST_TIMEOUT_NS / 1000000), seq,
		    *r->fence_wb.cpu);
		goto out;
	}
	if (*s.cpu != RING_TEST_MAGIC)
		rc = gpu_error(dev, -GPU_EIO,
		    "%s: IB test: the IB's write did not land (0x%08x, expected 0x%08x)",
		    r->name, *s.cpu, RING_TEST_MAGIC);
out:
	kbo_free(dev, &ib);
	wb_put(dev, &s);
	return rc;
}

static int sdma_reset(struct gpu_ring *);

static const struct ring_funcs sdma_ring_funcs = {
	.fence_dw = SDMA_FENCE_NDW + SDMA_TRAP_NDW,
	.ib_dw = 7 + SDMA_IB_NDW,		/* up to 7 NOPs of alignment */
	.emit_ib = sdma_emit_ib,
	.emit_fence = sdma_emit_fence,
	.set_wptr = sdma_set_wptr,
	.pad = sdma_pad,
	.test_ring = sdma_test_ring,
	.test_ib = sdma_test_ib,
	.reset = sdma_reset,
};

/* sdma_v5_2_process_trap_irq: the client names the engine, ring_id 0 its
 * gfx queue. */
static void
sdma_trap_irq(struct gpu_device *dev, const uint32_t iv[8], void *arg)
{
	struct sdma_state *s = __atomic_load_n(&dev->sdma, __ATOMIC_ACQUIRE);
	unsigned inst = F_GET(iv[0], IV_CLIENT_ID) == IH_CLIENTID_SDMA1 ? 1 : 0;

	(void)arg;
	if (s != NULL && F_GET(iv[0], IV_RING_ID) == 0 && s->ring[inst].dev != NULL)
		ring_fence_irq(&s->ring[inst]);
}

/* --- bring-up ------------------------------------------------------------------ */

/* sdma_v5_2_gfx_resume for one engine. */
static void
sdma_program(struct gpu_device *dev, struct gpu_ring *r, unsigned i)
{
	uint32_t cntl = F_PREP(SDMA_RB_CNTL_RB_SIZE, log2_ceil(r->size_dw));

	wreg(dev, ireg(i, SDMA0_SEM_WAIT_FAIL_TIMER_CNTL), 0);
	wreg(dev, ireg(i, SDMA0_GFX_RB_CNTL), cntl);
	wreg(dev, ireg(i, SDMA0_GFX_RB_RPTR), 0);
	wreg(dev, ireg(i, SDMA0_GFX_RB_RPTR_HI), 0);
	wreg(dev, ireg(i, SDMA0_GFX_RB_WPTR), 0);
	wreg(dev, ireg(i, SDMA0_GFX_RB_WPTR_HI), 0);
	wreg(dev, ireg(i, SDMA0_GFX_RB_RPTR_ADDR_HI), (uint32_t)(r->rptr_wb.gpu >> 32));
	wreg(dev, ireg(i, SDMA0_GFX_RB_RPTR_ADDR_LO), (uint32_t)r->rptr_wb.gpu & ~3u);
	cntl |= F_PREP(SDMA_RB_CNTL_RPTR_WRITEBACK_ENABLE, 1);
	wreg(dev, ireg(i, SDMA0_GFX_RB_BASE), (uint32_t)(r->buf.gpu >> 8));
	wreg(dev, ireg(i, SDMA0_GFX_RB_BASE_HI), (uint32_t)(r->buf.gpu >> 40));
	wreg(dev, ireg(i, SDMA0_GFX_MINOR_PTR_UPDATE), 1);
	wreg(dev, ireg(i, SDMA0_GFX_RB_WPTR), 0);
	wreg(dev, ireg(i, SDMA0_GFX_RB_WPTR_HI), 0);
	wreg(dev, ireg(i, SDMA0_GFX_MINOR_PTR_UPDATE), 0);
	wreg(dev, ireg(i, SDMA0_GFX_RB_WPTR_POLL_ADDR_LO), (uint32_t)r->wptr_wb[0].gpu & ~3u);
	wreg(dev, ireg(i, SDMA0_GFX_RB_WPTR_POLL_ADDR_HI), (uint32_t)(r->wptr_wb[0].gpu >> 32));
	wreg(dev, ireg(i, SDMA0_GFX_RB_WPTR_POLL_CNTL),
	    F_PREP(SDMA_WPTR_POLL_CNTL_F32_POLL_ENABLE, 1));
	wreg(dev, ireg(i, SDMA0_GFX_DOORBELL), F_PREP(SDMA_DOORBELL_ENABLE, 1));
	wreg(dev, ireg(i, SDMA0_GFX_DOORBELL_OFFSET), F_PREP(SDMA_DOORBELL_OFFSET, r->doorbell));
	wreg(dev, i == 0 ? BIF_SDMA0_DOORBELL_RANGE : BIF_SDMA1_DOORBELL_RANGE,
	    F_PREP(BIF_DOORBELL_RANGE_OFFSET, r->doorbell) |
	    F_PREP(BIF_DOORBELL_RANGE_SIZE, DB_SDMA_RANGE));
	wreg(dev, ireg(i, SDMA0_CNTL), F_PREP(SDMA_CNTL_TRAP_ENABLE, 1) |
	    F_PREP(SDMA_CNTL_UTC_L1_ENABLE, 1) | F_PREP(SDMA_CNTL_MIDCMD_PREEMPT_ENABLE, 1));
	wreg(dev, ireg(i, SDMA0_F32_CNTL), F_PREP(SDMA_F32_CNTL_HALT, 0));
	wreg(dev, ireg(i, SDMA0_GFX_RB_CNTL), cntl | F_PREP(SDMA_RB_CNTL_RB_ENABLE, 1));
	wreg(dev, ireg(i, SDMA0_GFX_IB_CNTL), F_PREP(SDMA_IB_CNTL_IB_ENABLE, 1));
}

/* sdma_v5_2_gfx_stop + sdma_v5_2_enable(false), then wait until the
 * engine is idle so its ring can be freed. */
static void
sdma_stop(struct gpu_device *dev, unsigned i)
{
	wreg(dev, ireg(i, SDMA0_GFX_RB_CNTL), 0);
	wreg(dev, ireg(i, SDMA0_GFX_IB_CNTL), 0);
	wreg(dev, ireg(i, SDMA0_GFX_DOORBELL), 0);
	wreg(dev, ireg(i, SDMA0_F32_CNTL), F_PREP(SDMA_F32_CNTL_HALT, 1));
	if (wait_reg(dev, ireg(i, SDMA0_STATUS_REG), "SDMA_STATUS_REG",
	    F_MASK(SDMA_STATUS_IDLE), F_MASK(SDMA_STATUS_IDLE), GPU_TIMEOUT_US) != 0)
		GPU_WARN(dev, "sdma%u: the engine did not go idle after halting", i);
}

/*
 * One engine after a job timeout, as Linux sdma_v5_2_reset_queue does it
 * through amdgpu_sdma_reset_engine: stop the ring and halt the engine
 * (sdma_v5_2_stop_queue), reset, then resume the ring as at bring-up
 * (sdma_v5_2_restore_queue -> gfx_resume_instance) and test it.
 * Simplified: Linux also freezes the engine (SDMA0_FREEZE) before halting
 * and pulses GRBM_SOFT_RESET.SOFT_RESET_SDMA0 << instance; here halting
 * is the reset (the registers and the model's reset behaviour are in
 * docs/model.md), and the other engine is never touched.
 */
static int
sdma_reset(struct gpu_ring *r)
{
	struct gpu_device *dev = r->dev;

	sdma_stop(dev, r->instance);
	ring_clear(r);
	sdma_program(dev, r, r->instance);
	return sdma_test_ring(r);
}

int
sdma_v5_2_init(struct gpu_device *dev)
{
	static const char *const names[SDMA_NUM_INST] = { "sdma0", "sdma1" };
	static const uint32_t db[SDMA_NUM_INST] = { DB_SDMA_ENGINE0, DB_SDMA_ENGINE1 };
	struct sdma_state *s = os_zalloc(sizeof(*s));
	int rc;

	if (s == NULL)
		return gpu_error(dev, -GPU_ENOMEM, "sdma: out of memory");
	__atomic_store_n(&dev->sdma, s, __ATOMIC_RELEASE);
	if ((rc = irq_add(dev, IH_CLIENTID_SDMA0, IH_SRC_SDMA_TRAP, sdma_trap_irq, NULL)) != 0 ||
	    (rc = irq_add(dev, IH_CLIENTID_SDMA1, IH_SRC_SDMA_TRAP, sdma_trap_irq, NULL)) != 0)
		return rc;
	for (unsigned i = 0; i < SDMA_NUM_INST; i++) {
		struct gpu_ring *r = &s->ring[i];

		if ((rc = ring_create(dev, r, names[i], RING_SDMA, &sdma_ring_funcs,
		    SDMA_RING_BYTES)) != 0)
			return rc;
		r->instance = i;
		r->doorbell = DB_DWORD(db[i]);
		sdma_program(dev, r, i);
	}
	return 0;
}

/* Also undoes a partial sdma_v5_2_init. */
void
sdma_v5_2_fini(struct gpu_device *dev)
{
	struct sdma_state *s = dev->sdma;

	if (s == NULL)
		return;
	for (unsigned i = 0; i < SDMA_NUM_INST; i++)
		if (s->ring[i].dev != NULL)
			sdma_stop(dev, i);
	/* As in gfx_v10_fini: hide the rings from the trap handler, then let
	 * a handler already running on the interrupt thread finish. */
	__atomic_store_n(&dev->sdma, NULL, __ATOMIC_RELEASE);
	irq_process(dev);
	for (unsigned i = 0; i < SDMA_NUM_INST; i++)
		ring_destroy(&s->ring[i]);
	os_free(s);
}

/*
 * GFX 10.3 command processor: the gfx ring (PFP/ME) and the kernel compute
 * queues (MEC hardware queues), their PM4 emitters, the ring and IB tests
 * and the end-of-pipe interrupt; plus the active CU count.
 *
 * Follows Linux amdgpu/gfx_v10_0.c: gfx_v10_0_cp_gfx_resume,
 * gfx_v10_0_cp_gfx_enable, gfx_v10_0_cp_compute_enable,
 * gfx_v10_0_kiq_init_register, gfx_v10_0_compute_mqd_init,
 * gfx_v10_0_ring_emit_ib_{gfx,compute}, gfx_v10_0_ring_emit_fence,
 * gfx_v10_0_ring_set_wptr_{gfx,compute}, gfx_v10_0_ring_test_ring,
 * gfx_v10_0_ring_test_ib, gfx_v10_0_eop_irq, gfx_v10_0_get_cu_info;
 * ring reset after a job timeout: gfx_v10_0_reset_kgq / gfx_v10_0_reset_kcq,
 * gfx_v10_0_soft_reset.
 *
 * Simplification: Linux programs only the KIQ's HQD by MMIO and maps the
 * kernel compute queues by sending MAP_QUEUES on the KIQ.  Here every
 * kernel compute queue is programmed by MMIO through GRBM_GFX_CNTL, the
 * KIQ path (gfx_v10_0_kiq_init_register); there is no KIQ ring.  The gfx
 * ring's clear-state preamble (gfx_v10_0_cp_gfx_start) is not emitted.
 */
#include "amd/discovery.h"
#include "amd/gc_10_3_reg.h"
#include "amd/ih_v5.h"
#include "amd/pm4.h"
#include "amdgpu.h"
#include "bits.h"
#include "doorbell.h"
#include "fmt.h"

#define GFX_RING_BYTES		(256u << 10)
#define COMP_RING_BYTES		(64u << 10)
#define GFX_NUM_KCQ		2		/* comp_1.0.0, comp_1.1.0 */
#define MEC_HPD_BYTES		2048		/* EOP buffer per queue (GFX10_MEC_HPD_SIZE) */
#define MQD_BYTES		2048		/* sizeof(struct v10_compute_mqd) rounded */
#define KCQ_MEM_BYTES		(MEC_HPD_BYTES + MQD_BYTES)
#define HQD_PRELOAD_SIZE	0x53		/* gfx_v10_0_compute_mqd_init */
#define RING_ALIGN_DW		8		/* pad commits to 8 dwords */
#define RING_TEST_MAGIC		0xDEADBEEFu
#define RING_TEST_INIT		0xCAFEDEADu
#define IB_TEST_TIMEOUT_NS	(1000ull * 1000 * 1000)
#define SOFT_RESET_US		50		/* gfx_v10_0_soft_reset: udelay(50) */
#define MAX_SE			4
#define MAX_SA			2
#define MAX_WGP			16

struct gfx_state {
	struct gpu_ring gfx;
	struct gpu_ring comp[GFX_NUM_KCQ];
	struct kbo kcq_mem;		/* per queue: EOP buffer, then MQD */
	bool cp_running;
};

/* --- PM4 emitters (the ring funcs) ------------------------------------------ */

/* gfx_v10_0_ring_emit_ib_gfx/_compute: INDIRECT_BUFFER, VALID, the VMID. */
static void
gfx_emit_ib(struct gpu_ring *r, uint64_t ib, uint32_t ndw, unsigned vmid)
{
	ring_write(r, PM4_TYPE3_HDR(PKT3_INDIRECT_BUFFER, 3));
	ring_write(r, (uint32_t)ib & IB_BASE_LO_MASK);
	ring_write(r, F_PREP(IB_BASE_HI, ib >> 32));
	ring_write(r, F_PREP(IB_CNTL_SIZE, ndw) | F_PREP(IB_CNTL_VALID, 1) |
	    F_PREP(IB_CNTL_VMID, vmid));
}

/*
 * gfx_v10_0_ring_emit_fence: RELEASE_MEM after a cache flush and
 * invalidate event, writing the 32-bit sequence, with the EOP interrupt
 * after the write is confirmed.
 */
static void
gfx_emit_fence(struct gpu_ring *r, uint64_t addr, uint32_t seq, bool irq)
{
	ring_write(r, PM4_TYPE3_HDR(PKT3_RELEASE_MEM, RELEASE_MEM_NDW - 1));
	ring_write(r, F_PREP(EVENT_TYPE, EV_CACHE_FLUSH_AND_INV_TS_EVENT) |
	    F_PREP(EVENT_INDEX, EV_INDEX_EOP) |
	    F_PREP(RELEASE_MEM_GCR_GL2_WB, 1) | F_PREP(RELEASE_MEM_GCR_GLM_INV, 1) |
	    F_PREP(RELEASE_MEM_GCR_GLM_WB, 1) | F_PREP(RELEASE_MEM_GCR_SEQ, 1) |
	    F_PREP(RELEASE_MEM_CACHE_POLICY, 3));
	ring_write(r, F_PREP(RELEASE_MEM_DATA_SEL, DATA_SEL_VALUE_32BIT) |
	    F_PREP(RELEASE_MEM_INT_SEL, irq ? INT_SEL_IRQ_AFTER_WRITE : INT_SEL_NONE));
	ring_write(r, (uint32_t)addr);
	ring_write(r, (uint32_t)(addr >> 32));
	ring_write(r, seq);
	ring_write(r, 0);
	ring_write(r, 0);
}

/* gfx_v10_0_ring_set_wptr_*: the 64-bit shadow the CP may poll, then the
 * doorbell, both in dwords. */
static void
gfx_set_wptr(struct gpu_ring *r)
{
	r->wptr_wb[0].cpu[0] = (uint32_t)r->wptr;
	r->wptr_wb[0].cpu[1] = (uint32_t)(r->wptr >> 32);
	wdoorbell64(r->dev, r->doorbell, r->wptr);
}

/*
 * Header-only type-3 NOPs up to the next RING_ALIGN_DW boundary.  Linux
 * aligns gfx/compute commits to 256 dwords; 8 stays inside the 16 dwords
 * of slack ring_alloc() keeps.
 */
static void
gfx_pad(struct gpu_ring *r)
{
	while (r->wptr % RING_ALIGN_DW != 0)
		ring_write(r, PM4_TYPE3_HDR(PKT3_NOP, PM4_NOP_COUNT_HDR_ONLY + 1));
}

/* --- ring and IB tests ------------------------------------------------------ */

/* gfx_v10_0_ring_test_ring: the CP writes SCRATCH_REG0 from the ring. */
static int
gfx_test_ring(struct gpu_ring *r)
{
	struct gpu_device *dev = r->dev;
	uint64_t deadline;
	uint32_t v;
	int rc;

	wreg(dev, SCRATCH_REG0, RING_TEST_INIT);
	if ((rc = ring_alloc(r, 3)) != 0)
		return rc;
	ring_write(r, PM4_TYPE3_HDR(PKT3_SET_UCONFIG_REG, 2));
	ring_write(r, reg_abs(dev, SCRATCH_REG0) - PM4_UCONFIG_REG_START);
	ring_write(r, RING_TEST_MAGIC);
	ring_commit(r);
	deadline = os_time_ns() + (uint64_t)GPU_TIMEOUT_US * 1000;
	for (;;) {
		v = rreg(dev, SCRATCH_REG0);
		if (v == RING_TEST_MAGIC)
			return 0;
		if (os_time_ns() > deadline)
			break;
		os_delay_us(1);
	}
	return gpu_error(dev, -GPU_ETIME,
	    "%s: ring test timed out after %u us: SCRATCH_REG0 = 0x%08x, expected 0x%08x",
	    r->name, GPU_TIMEOUT_US, v, RING_TEST_MAGIC);
}

/* Submit an IB of ndw dwords with an interrupting fence and wait for it. */
static int
gfx_run_ib(struct gpu_ring *r, const struct kbo *ib, uint32_t ndw)
{
	uint32_t seq;
	int rc;

	if ((rc = ring_alloc(r, r->funcs->ib_dw + r->funcs->fence_dw + RING_ALIGN_DW)) != 0)
		return rc;
	r->funcs->emit_ib(r, ib->gpu, ndw, 0);
	seq = ring_emit_fence(r);
	ring_commit(r);
	rc = ring_fence_wait(r, seq, IB_TEST_TIMEOUT_NS);
	if (rc != 0)
		return gpu_error(r->dev, rc,
		    "%s: IB test timed out after %llu ms waiting for fence %u (last signalled %u)",
		    r->name, (unsigned long long)(IB_TEST_TIMEOUT_NS / 1000000),
		    seq, *r->fence_wb.cpu);
	return 0;
}

/* gfx_v10_0_ring_test_ib: an IB in GTT writes a write-back slot. */
static int
gfx_test_ib(struct gpu_ring *r)
{
	struct gpu_device *dev = r->dev;
	struct wb_slot slot = { 0 };
	struct kbo ib = { 0 };
	uint32_t *p;
	int rc;

	if ((rc = wb_get(dev, &slot)) != 0)
		return rc;
	*slot.cpu = RING_TEST_INIT;
	if ((rc = kbo_alloc(dev, 4096, 4096, KBO_GTT, &ib)) != 0)
		goto out;
	p = ib.cpu;
	p[0] = PM4_TYPE3_HDR(PKT3_WRITE_DATA, 4);
	p[1] = F_PREP(WRITE_DATA_DST_SEL, WRITE_DATA_DST_MEM) |
	    F_PREP(WRITE_DATA_WR_CONFIRM, 1);
	p[2] = (uint32_t)slot.gpu;
	p[3] = (uint32_t)(slot.gpu >> 32);
	p[4] = RING_TEST_MAGIC;
	if ((rc = gfx_run_ib(r, &ib, 5)) != 0)
		goto out;
	if (*slot.cpu != RING_TEST_MAGIC)
		rc = gpu_error(dev, -GPU_EIO,
		    "%s: IB test: the IB's write did not land (0x%08x, expected 0x%08x)",
		    r->name, *slot.cpu, RING_TEST_MAGIC);
out:
	kbo_free(dev, &ib);
	wb_put(dev, &slot);
	return rc;
}

static int gfx_ring_reset(struct gpu_ring *);
static int kcq_reset(struct gpu_ring *);

static const struct ring_funcs gfx_ring_funcs = {
	.fence_dw = RELEASE_MEM_NDW,
	.ib_dw = 4,
	.emit_ib = gfx_emit_ib,
	.emit_fence = gfx_emit_fence,
	.set_wptr = gfx_set_wptr,
	.pad = gfx_pad,
	.test_ring = gfx_test_ring,
	.test_ib = gfx_test_ib,
	.reset = gfx_ring_reset,
};

/* The compute queues: the same packets, their own reset. */
static const struct ring_funcs comp_ring_funcs = {
	.fence_dw = RELEASE_MEM_NDW,
	.ib_dw = 4,
	.emit_ib = gfx_emit_ib,
	.emit_fence = gfx_emit_fence,
	.set_wptr = gfx_set_wptr,
	.pad = gfx_pad,
	.test_ring = gfx_test_ring,
	.test_ib = gfx_test_ib,
	.reset = kcq_reset,
};

/* --- interrupts ------------------------------------------------------------- */

/* gfx_v10_0_eop_irq: ring_id names me/pipe/queue; wake that ring. */
static void
gfx_eop_irq(struct gpu_device *dev, const uint32_t iv[8], void *arg)
{
	struct gfx_state *g = __atomic_load_n(&dev->gfx, __ATOMIC_ACQUIRE);
	unsigned id = F_GET(iv[0], IV_RING_ID);
	unsigned me = F_GET(id, IV_CP_RING_ME), pipe = F_GET(id, IV_CP_RING_PIPE);
	unsigned queue = F_GET(id, IV_CP_RING_QUEUE);

	(void)arg;
	if (g == NULL)
		return;
	if (me == 0 && pipe == 0 && g->gfx.dev != NULL) {
		ring_fence_irq(&g->gfx);
		return;
	}
	for (unsigned i = 0; i < GFX_NUM_KCQ; i++) {
		struct gpu_ring *r = &g->comp[i];

		if (r->dev != NULL && r->me == me && r->pipe == pipe && r->queue == queue)
			ring_fence_irq(r);
	}
}

static void
gfx_bad_opcode_irq(struct gpu_device *dev, const uint32_t iv[8], void *arg)
{
	unsigned id = F_GET(iv[0], IV_RING_ID);

	(void)arg;
	GPU_WARN(dev, "CP bad opcode on me %u pipe %u queue %u (header 0x%08x)",
	    F_GET(id, IV_CP_RING_ME), F_GET(id, IV_CP_RING_PIPE),
	    F_GET(id, IV_CP_RING_QUEUE), iv[4]);
}

/*
 * An SQ error from a wave (illegal instruction; amdkfd kfd_int_process_v10.c
 * handles SOC15_INTSRC_SQ_INTERRUPT_MSG).  src_data as the model fills it:
 * PC (byte offset in the shader), the instruction's first two dwords, and
 * COMPUTE_PGM_LO (shader address >> 8).  The wave has stopped and its
 * queue hangs: hang detection cancels the job.
 */
static void
gfx_sq_irq(struct gpu_device *dev, const uint32_t iv[8], void *arg)
{
	unsigned id = F_GET(iv[0], IV_RING_ID);

	(void)arg;
	GPU_WARN(dev, "SQ: illegal instruction on me %u pipe %u queue %u vmid %u: shader 0x%llx PC 0x%x dwords 0x%08x 0x%08x",
	    F_GET(id, IV_CP_RING_ME), F_GET(id, IV_CP_RING_PIPE),
	    F_GET(id, IV_CP_RING_QUEUE), F_GET(iv[0], IV_VMID),
	    (unsigned long long)iv[7] << 8, iv[4], iv[5], iv[6]);
}

/* --- active CUs ------------------------------------------------------------- */

/* A WGP is two CUs: WGP n holds CUs 2n and 2n+1 (gfx_v10_0.c
 * gfx_v10_0_get_cu_active_bitmap_per_sh reports CU bits this way). */
static uint32_t
wgp_to_cu_bits(uint32_t wgps)
{
	uint32_t cus = 0;

	for (unsigned w = 0; w < 16; w++)
		if (wgps & (1u << w))
			cus |= 3u << (2 * w);
	return cus;
}

/*
 * gfx_v10_0_get_cu_info / get_wgp_active_bitmap_per_sh: per SE and SA, the
 * WGPs not disabled by fuses (CC_) or the driver (GC_USER_); 2 CUs each.
 */
static void
gfx_cu_info(struct gpu_device *dev)
{
	unsigned nse = dev->gc_info[GCI_NUM_SE], nsa = dev->gc_info[GCI_NUM_SA_PER_SE];
	unsigned nwgp = dev->gc_info[GCI_NUM_WGP0_PER_SA], cus = 0;
	uint32_t all = (nwgp >= 32 ? 0 : 1u << nwgp) - 1;

	nse = nse > MAX_SE ? MAX_SE : nse;
	nsa = nsa > MAX_SA ? MAX_SA : nsa;
	all &= (1u << MAX_WGP) - 1;
	for (unsigned se = 0; se < nse; se++) {
		for (unsigned sa = 0; sa < nsa; sa++) {
			uint32_t off;

			wreg(dev, GRBM_GFX_INDEX, F_PREP(GRBM_GFX_INDEX_SE_INDEX, se) |
			    F_PREP(GRBM_GFX_INDEX_SA_INDEX, sa) |
			    F_PREP(GRBM_GFX_INDEX_INSTANCE_BROADCAST_WRITES, 1));
			off = F_GET(rreg(dev, CC_GC_SHADER_ARRAY_CONFIG) |
			    rreg(dev, GC_USER_SHADER_ARRAY_CONFIG),
			    SHADER_ARRAY_CONFIG_INACTIVE_WGPS);
			cus += 2 * popcount32(~off & all);
			dev->gfx_cu_bitmap[se][sa] = wgp_to_cu_bits(~off & all);
		}
	}
	wreg(dev, GRBM_GFX_INDEX, F_PREP(GRBM_GFX_INDEX_SE_BROADCAST_WRITES, 1) |
	    F_PREP(GRBM_GFX_INDEX_SA_BROADCAST_WRITES, 1) |
	    F_PREP(GRBM_GFX_INDEX_INSTANCE_BROADCAST_WRITES, 1));
	dev->gfx_active_cus = cus;
}

/* --- the gfx ring ------------------------------------------------------------ */

/* gfx_v10_0_cp_gfx_resume for ring 0 (pipe 0). */
static void
gfx_ring_program(struct gpu_device *dev, struct gpu_ring *r)
{
	unsigned bufsz = log2_ceil(r->size_dw * 4 / 8);

	wreg(dev, CP_RB_WPTR_DELAY, 0);
	wreg(dev, CP_RB_VMID, 0);
	wreg(dev, GRBM_GFX_CNTL, 0);	/* gfx pipe 0 */
	wreg(dev, CP_RB0_CNTL, F_PREP(CP_RB0_CNTL_RB_BUFSZ, bufsz) |
	    F_PREP(CP_RB0_CNTL_RB_BLKSZ, bufsz - 2));
	wreg(dev, CP_RB0_WPTR, 0);
	wreg(dev, CP_RB0_WPTR_HI, 0);
	wreg(dev, CP_RB0_RPTR_ADDR, (uint32_t)r->rptr_wb.gpu & ~3u);
	wreg(dev, CP_RB0_RPTR_ADDR_HI, (uint32_t)(r->rptr_wb.gpu >> 32));
	wreg(dev, CP_RB_WPTR_POLL_ADDR_LO, (uint32_t)r->wptr_wb[0].gpu & ~3u);
	wreg(dev, CP_RB_WPTR_POLL_ADDR_HI, (uint32_t)(r->wptr_wb[0].gpu >> 32));
	wreg(dev, CP_RB0_BASE, (uint32_t)(r->buf.gpu >> 8));
	wreg(dev, CP_RB0_BASE_HI, (uint32_t)(r->buf.gpu >> 40));
	wreg(dev, CP_RB_DOORBELL_CONTROL, F_PREP(CP_DOORBELL_OFFSET, r->doorbell) |
	    F_PREP(CP_DOORBELL_EN, 1));
	wreg(dev, CP_RB_DOORBELL_RANGE_LOWER, F_PREP(CP_DOORBELL_RANGE, r->doorbell));
	wreg(dev, CP_RB_DOORBELL_RANGE_UPPER, F_MASK(CP_DOORBELL_RANGE));
	wreg(dev, CP_RB_ACTIVE, 1);
	wreg(dev, CP_INT_CNTL_RING0, F_PREP(CP_INT_CNTL_TIME_STAMP_INT_ENABLE, 1) |
	    F_PREP(CP_INT_CNTL_PRIV_REG_INT_ENABLE, 1) |
	    F_PREP(CP_INT_CNTL_PRIV_INSTR_INT_ENABLE, 1));
}

/*
 * gfx_v10_0_cp_gfx_enable / cp_compute_enable: (un)halt the micro
 * engines; when halting, wait for CP_STAT to read idle as Linux does.
 */
static void
cp_enable(struct gpu_device *dev, bool on)
{
	uint32_t halt = on ? 0 : 1;

	wreg(dev, CP_ME_CNTL, F_PREP(CP_ME_CNTL_CE_HALT, halt) |
	    F_PREP(CP_ME_CNTL_PFP_HALT, halt) | F_PREP(CP_ME_CNTL_ME_HALT, halt));
	wreg(dev, CP_MEC_CNTL, F_PREP(CP_MEC_CNTL_MEC_ME1_HALT, halt) |
	    F_PREP(CP_MEC_CNTL_MEC_ME2_HALT, halt));
	if (!on && WAIT_REG(dev, CP_STAT, 0xffffffffu, 0, GPU_TIMEOUT_US) != 0)
		GPU_WARN(dev, "gfx: the CP did not go idle after halting");
}

/* --- kernel compute queues --------------------------------------------------- */

static void
grbm_select(struct gpu_device *dev, unsigned me, unsigned pipe, unsigned queue)
{
	wreg(dev, GRBM_GFX_CNTL, F_PREP(GRBM_GFX_CNTL_MEID, me) |
	    F_PREP(GRBM_GFX_CNTL_PIPEID, pipe) | F_PREP(GRBM_GFX_CNTL_QUEUEID, queue));
}

/* gfx_v10_0_kiq_init_register with the values gfx_v10_0_compute_mqd_init
 * computes, for a kernel queue: privileged, VMID 0, doorbell on. */
static void
hqd_program(struct gpu_device *dev, struct gpu_ring *r, uint64_t eop, uint64_t mqd)
{
	grbm_select(dev, r->me, r->pipe, r->queue);
	wreg(dev, CP_HQD_PQ_DOORBELL_CONTROL, 0);
	wreg(dev, CP_HQD_VMID, 0);
	wreg(dev, CP_HQD_PERSISTENT_STATE,
	    F_PREP(CP_HQD_PERSISTENT_STATE_PRELOAD_SIZE, HQD_PRELOAD_SIZE));
	wreg(dev, CP_HQD_EOP_BASE_ADDR, (uint32_t)(eop >> 8));
	wreg(dev, CP_HQD_EOP_BASE_ADDR_HI, (uint32_t)(eop >> 40));
	wreg(dev, CP_HQD_EOP_CONTROL, F_PREP(CP_HQD_EOP_CONTROL_EOP_SIZE,
	    log2_ceil(MEC_HPD_BYTES / 4) - 1));
	wreg(dev, CP_MQD_BASE_ADDR, (uint32_t)mqd & ~3u);
	wreg(dev, CP_MQD_BASE_ADDR_HI, (uint32_t)(mqd >> 32));
	wreg(dev, CP_MQD_CONTROL, F_PREP(CP_MQD_CONTROL_VMID, 0));
	wreg(dev, CP_HQD_PQ_BASE, (uint32_t)(r->buf.gpu >> 8));
	wreg(dev, CP_HQD_PQ_BASE_HI, (uint32_t)(r->buf.gpu >> 40));
	wreg(dev, CP_HQD_PQ_CONTROL,
	    F_PREP(CP_HQD_PQ_CONTROL_QUEUE_SIZE, log2_ceil(r->size_dw) - 1) |
	    F_PREP(CP_HQD_PQ_CONTROL_RPTR_BLOCK_SIZE, log2_ceil(4096 / 4) - 1) |
	    F_PREP(CP_HQD_PQ_CONTROL_PRIV_STATE, 1) |
	    F_PREP(CP_HQD_PQ_CONTROL_KMD_QUEUE, 1));
	wreg(dev, CP_HQD_PQ_RPTR_REPORT_ADDR, (uint32_t)r->rptr_wb.gpu & ~3u);
	wreg(dev, CP_HQD_PQ_RPTR_REPORT_ADDR_HI, (uint32_t)(r->rptr_wb.gpu >> 32));
	wreg(dev, CP_HQD_PQ_WPTR_POLL_ADDR, (uint32_t)r->wptr_wb[0].gpu & ~3u);
	wreg(dev, CP_HQD_PQ_WPTR_POLL_ADDR_HI, (uint32_t)(r->wptr_wb[0].gpu >> 32));
	wreg(dev, CP_HQD_PQ_DOORBELL_CONTROL, F_PREP(CP_DOORBELL_OFFSET, r->doorbell) |
	    F_PREP(CP_DOORBELL_EN, 1));
	wreg(dev, CP_HQD_PQ_WPTR_LO, 0);
	wreg(dev, CP_HQD_PQ_WPTR_HI, 0);
	wreg(dev, CP_HQD_ACTIVE, F_PREP(CP_HQD_ACTIVE_ACTIVE, 1));
	grbm_select(dev, 0, 0, 0);
}

/* gfx_v10_0_kiq_fini_register's dequeue: stop the HQD and wait for it. */
static void
hqd_dequeue(struct gpu_device *dev, struct gpu_ring *r)
{
	grbm_select(dev, r->me, r->pipe, r->queue);
	if (rreg(dev, CP_HQD_ACTIVE) & F_MASK(CP_HQD_ACTIVE_ACTIVE)) {
		wreg(dev, CP_HQD_DEQUEUE_REQUEST,
		    F_PREP(CP_HQD_DEQUEUE_REQUEST_DEQUEUE_REQ, 1));
		if (WAIT_REG(dev, CP_HQD_ACTIVE, F_MASK(CP_HQD_ACTIVE_ACTIVE), 0,
		    GPU_TIMEOUT_US) != 0)
			GPU_WARN(dev, "%s: the queue did not dequeue", r->name);
	}
	wreg(dev, CP_HQD_PQ_DOORBELL_CONTROL, 0);
	grbm_select(dev, 0, 0, 0);
}

static int
kcq_init(struct gpu_device *dev, struct gfx_state *g, unsigned i)
{
	struct gpu_ring *r = &g->comp[i];
	uint64_t mem = g->kcq_mem.gpu + (uint64_t)i * KCQ_MEM_BYTES;
	char name[16];
	int rc;

	r->me = 1;		/* MEC1; queues spread over pipes as */
	r->pipe = i;		/* amdgpu_gfx_compute_queue_acquire does */
	r->queue = 0;
	gpu_snprintf(name, sizeof(name), "comp_%u.%u.%u", r->me, r->pipe, r->queue);
	if ((rc = ring_create(dev, r, name, RING_COMPUTE, &comp_ring_funcs,
	    COMP_RING_BYTES)) != 0)
		return rc;
	r->doorbell = DB_DWORD(DB_MEC_RING0 + i);
	hqd_program(dev, r, mem, mem + MEC_HPD_BYTES);
	return 0;
}

/* --- ring reset ------------------------------------------------------------------ */

/*
 * gfx_v10_0_soft_reset: set the GRBM_SOFT_RESET bits, read back, hold them
 * 50 us, clear them and read back again.
 */
static void
grbm_soft_reset(struct gpu_device *dev, uint32_t bits)
{
	uint32_t v = rreg(dev, GRBM_SOFT_RESET);

	wreg(dev, GRBM_SOFT_RESET, v | bits);
	(void)rreg(dev, GRBM_SOFT_RESET);
	os_delay_us(SOFT_RESET_US);
	wreg(dev, GRBM_SOFT_RESET, v & ~bits);
	(void)rreg(dev, GRBM_SOFT_RESET);
}

/* gfx_v10_0_cp_gfx_enable for the gfx pipe alone: the MEC keeps running. */
static void
gfx_halt(struct gpu_device *dev, bool halt)
{
	wreg(dev, CP_ME_CNTL, F_PREP(CP_ME_CNTL_CE_HALT, halt) |
	    F_PREP(CP_ME_CNTL_PFP_HALT, halt) | F_PREP(CP_ME_CNTL_ME_HALT, halt));
	if (halt && WAIT_REG(dev, CP_STAT, 0xffffffffu, 0, GPU_TIMEOUT_US) != 0)
		GPU_WARN(dev, "gfx: the CP did not go idle after halting the gfx pipe");
}

/*
 * The gfx ring after a job timeout.  Linux gfx_v10_0_reset_kgq asks the
 * KIQ to reset the hung VMID's queue (CP_VMID_RESET), then unmaps, re-inits
 * and maps it.  There is no KIQ here (see the top of the file), so this
 * resets the gfx front end the way gfx_v10_0_soft_reset does for a busy
 * gfx pipe, leaving the compute side (CPC) alone: halt the ME/PFP, pulse
 * SOFT_RESET_CPF and SOFT_RESET_CPG, reprogram ring 0 as at bring-up
 * (gfx_v10_0_cp_gfx_resume), unhalt, and check it with a ring test as
 * gfx_v10_0_reset_kgq ends with amdgpu_ring_test_ring.
 */
static int
gfx_ring_reset(struct gpu_ring *r)
{
	struct gpu_device *dev = r->dev;

	gfx_halt(dev, true);
	grbm_soft_reset(dev, F_PREP(GRBM_SOFT_RESET_CPF, 1) |
	    F_PREP(GRBM_SOFT_RESET_CPG, 1));
	ring_clear(r);
	gfx_ring_program(dev, r);
	gfx_halt(dev, false);
	return gfx_test_ring(r);
}

/*
 * A kernel compute queue after a job timeout.  Linux gfx_v10_0_reset_kcq
 * unmaps the queue through the KIQ with RESET_QUEUES, re-inits its MQD
 * (gfx_v10_0_kcq_init_queue) and maps it again.  The queue here is an
 * MMIO-programmed HQD, so: dequeue it (the CP drops what it was running),
 * program it again as at bring-up, and run the ring test.  The other
 * compute queue keeps running throughout.
 */
static int
kcq_reset(struct gpu_ring *r)
{
	struct gpu_device *dev = r->dev;
	struct gfx_state *g = dev->gfx;
	uint64_t mem = g->kcq_mem.gpu + (uint64_t)(r - g->comp) * KCQ_MEM_BYTES;

	hqd_dequeue(dev, r);
	ring_clear(r);
	hqd_program(dev, r, mem, mem + MEC_HPD_BYTES);
	return gfx_test_ring(r);
}

/* --- the block ----------------------------------------------------------------- */

int
gfx_v10_init(struct gpu_device *dev)
{
	struct gfx_state *g = os_zalloc(sizeof(*g));
	int rc;

	if (g == NULL)
		return gpu_error(dev, -GPU_ENOMEM, "gfx: out of memory");
	__atomic_store_n(&dev->gfx, g, __ATOMIC_RELEASE);
	gfx_cu_info(dev);
	if ((rc = irq_add(dev, IH_CLIENTID_GRBM_CP, IH_SRC_CP_EOP, gfx_eop_irq, NULL)) != 0 ||
	    (rc = irq_add(dev, IH_CLIENTID_GRBM_CP, IH_SRC_CP_BAD_OPCODE,
	    gfx_bad_opcode_irq, NULL)) != 0 ||
	    (rc = irq_add(dev, IH_CLIENTID_GRBM_CP, IH_SRC_SQ_INTERRUPT_MSG,
	    gfx_sq_irq, NULL)) != 0)
		return rc;
	if ((rc = ring_create(dev, &g->gfx, "gfx_0.0.0", RING_GFX, &gfx_ring_funcs,
	    GFX_RING_BYTES)) != 0)
		return rc;
	g->gfx.doorbell = DB_DWORD(DB_GFX_RING0);
	gfx_ring_program(dev, &g->gfx);
	if ((rc = kbo_alloc(dev, GFX_NUM_KCQ * KCQ_MEM_BYTES, 4096, KBO_GTT,
	    &g->kcq_mem)) != 0)
		return rc;
	for (unsigned i = 0; i < GFX_NUM_KCQ; i++)
		if ((rc = kcq_init(dev, g, i)) != 0)
			return rc;
	wreg(dev, CP_MEC_DOORBELL_RANGE_LOWER, F_PREP(CP_DOORBELL_RANGE, DB_DWORD(DB_KIQ)));
	wreg(dev, CP_MEC_DOORBELL_RANGE_UPPER,
	    F_PREP(CP_DOORBELL_RANGE, DB_DWORD(DB_MEC_RING0 + 7) + 1));
	cp_enable(dev, true);
	g->cp_running = true;
	GPU_INFO(dev, "gfx: %u active CUs; rings gfx_0.0.0 + %u compute queues (MMIO-mapped)",
	    dev->gfx_active_cus, GFX_NUM_KCQ);
	return 0;
}

/* Also undoes a partial gfx_v10_init. */
void
gfx_v10_fini(struct gpu_device *dev)
{
	struct gfx_state *g = dev->gfx;

	if (g == NULL)
		return;
	for (unsigned i = 0; i < GFX_NUM_KCQ; i++)
		if (g->comp[i].dev != NULL)
			hqd_dequeue(dev, &g->comp[i]);
	cp_enable(dev, false);
	wreg(dev, CP_RB_ACTIVE, 0);
	wreg(dev, CP_RB_DOORBELL_CONTROL, 0);
	/* The EOP handler finds the rings through dev->gfx: clear it, then
	 * run the interrupt path once, which waits for a handler running on
	 * another thread (irq_process holds the IH lock around handlers). */
	__atomic_store_n(&dev->gfx, NULL, __ATOMIC_RELEASE);
	irq_process(dev);
	for (unsigned i = 0; i < GFX_NUM_KCQ; i++)
		ring_destroy(&g->comp[i]);
	ring_destroy(&g->gfx);
	kbo_free(dev, &g->kcq_mem);
	os_free(g);
}

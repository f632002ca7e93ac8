/*
 * The command processor (CP): the gfx ring (PFP/ME) and the MEC compute
 * hardware queues (HQDs), each served by an engine thread that runs PM4
 * packets (pm4.c); and the GC harvest configuration the driver reads to
 * count compute units.
 *
 * Registers, as Linux amdgpu/gfx_v10_0.c programs them:
 *   CP_ME_CNTL / CP_MEC_CNTL	halt bits; a halted engine stops at the next
 *				packet and fetches nothing.
 *   CP_STAT			CP_BUSY while an engine thread runs packets.
 *   CP_RB0_*, CP_RB_*		gfx ring 0: base, size, rptr write-back,
 *				doorbell; the ring is (re)started from rptr 0
 *				when CP_RB0_BASE is written.
 *   CP_HQD_*, CP_MQD_*		one bank per me/pipe/queue, selected by
 *				GRBM_GFX_CNTL (MEID 1 = MEC1, 2 = MEC2);
 *				CP_HQD_ACTIVE 1 starts the queue from
 *				CP_HQD_PQ_RPTR (which writing CP_HQD_PQ_BASE
 *				zeroes), CP_HQD_DEQUEUE_REQUEST stops it
 *				and clears its hang; CP_HQD_ACTIVE reads 1
 *				until the MEC has left the queue.
 *   CC_GC_SHADER_ARRAY_CONFIG / GC_USER_SHADER_ARRAY_CONFIG
 *				per SE/SA (GRBM_GFX_INDEX): disabled WGPs.
 *   GRBM_SOFT_RESET		CP/CPF/CPG/GFX reset the gfx ring, CP/CPC
 *				deactivate every HQD; either clears the hang
 *				of the engine it resets, packet-level or
 *				injected (NAVI23_FAULT_HANG).  Registers keep
 *				their values: the driver reprograms the ring.
 * A queue's write pointer arrives by doorbell (64-bit, dwords) when its
 * doorbell control enables one, or by its WPTR registers.  Nothing runs
 * until the PSP has loaded the CP firmware.
 */
#include <stdio.h>
#include <stdlib.h>

#include "amd/gc_10_3_reg.h"
#include "amd/ih_v5.h"
#include "amd/psp_gfx_if.h"
#include "cp.h"

#define CP_NUM_ME		4	/* GRBM_GFX_CNTL.MEID: 0 gfx, 1-2 MEC */
#define MEC_FIRST_ME		1
#define MEC_LAST_ME		2
#define MEC_PIPES		4
#define MEC_QUEUES		8
#define HQD_FIRST		CP_MQD_BASE_ADDR
#define HQD_NREGS		(AMDREG_OFF(CP_HQD_PQ_WPTR_HI) - AMDREG_OFF(HQD_FIRST) + 1)

/*
 * Navi 23: 2 SE x 2 SA x 4 WGP (2 CUs each) = 32 CUs on the full die
 * (IP discovery gc_info, ip_table.c).  The RX 6600 has 28: one WGP fused
 * off in two of the four SAs.  Which WGP is off varies from die to die;
 * the model fuses off WGP 3 of SA 1 in both SEs.
 */
#define NUM_SE			2
#define NUM_SA			2
#define RX6600_INACTIVE_WGP	(1u << 3)

/* CP_STAT: any bit set means busy; the driver waits for 0 after halting
 * (gfx_v10_0_cp_gfx_enable).  The model reports the CP_BUSY bit. */
#define CP_STAT_CP_BUSY		FIELD(31, 1)

/* The HQD registers banked by GRBM_GFX_CNTL (gc_10_3_reg.h). */
static const uint32_t hqd_regs[] = {
	CP_MQD_BASE_ADDR, CP_MQD_BASE_ADDR_HI, CP_HQD_ACTIVE, CP_HQD_VMID,
	CP_HQD_PERSISTENT_STATE, CP_HQD_PIPE_PRIORITY, CP_HQD_QUEUE_PRIORITY,
	CP_HQD_QUANTUM, CP_HQD_PQ_BASE, CP_HQD_PQ_BASE_HI, CP_HQD_PQ_RPTR,
	CP_HQD_PQ_RPTR_REPORT_ADDR, CP_HQD_PQ_RPTR_REPORT_ADDR_HI,
	CP_HQD_PQ_WPTR_POLL_ADDR, CP_HQD_PQ_WPTR_POLL_ADDR_HI,
	CP_HQD_PQ_DOORBELL_CONTROL, CP_HQD_PQ_CONTROL, CP_HQD_IB_CONTROL,
	CP_HQD_DEQUEUE_REQUEST, CP_HQD_HQ_STATUS0, CP_HQD_HQ_CONTROL0,
	CP_MQD_CONTROL, CP_HQD_EOP_BASE_ADDR, CP_HQD_EOP_BASE_ADDR_HI,
	CP_HQD_EOP_CONTROL, CP_HQD_PQ_WPTR_LO, CP_HQD_PQ_WPTR_HI,
};

/* Other CP registers with behaviour. */
static const uint32_t cp_regs[] = {
	CP_ME_CNTL, CP_MEC_CNTL, CP_STAT, CP_RB0_BASE, CP_RB0_WPTR, CP_RB0_WPTR_HI,
	GRBM_SOFT_RESET, CC_GC_SHADER_ARRAY_CONFIG, GC_USER_SHADER_ARRAY_CONFIG,
};

struct hqd {
	uint32_t regs[HQD_NREGS];
	bool active;
	bool busy;		/* the MEC thread is running its packets */
	struct pm4_queue q;
};

/* All of it is protected by m->lock, except what an engine thread copies
 * out (pm4_queue snapshots) and its pm4_ctx. */
struct cp_state {
	struct model_engine gfx_eng, mec_eng;
	struct pm4_ctx *gfx_ctx, *mec_ctx;
	struct pm4_queue gfx;
	struct hqd hqd[CP_NUM_ME][MEC_PIPES][MEC_QUEUES];
	uint32_t cc_sa[NUM_SE][NUM_SA];		/* fuses */
	uint32_t user_sa[NUM_SE][NUM_SA];	/* driver-set */
	bool gfx_fw_refused, mec_fw_refused;
	bool gfx_busy, mec_busy;		/* CP_STAT */
	unsigned gfx_gen;			/* bumped by each gfx ring reset */
};

/* Has the PSP (model/psp.c) loaded every ucode the engine needs?  If not,
 * say so once and stay idle. */
static bool
fw_loaded(struct navi23 *m, const unsigned *types, unsigned n, bool *refused,
    const char *who)
{
	for (unsigned i = 0; i < n; i++) {
		if (!psp_ucode_loaded(m, types[i])) {
			if (!*refused)
				model_log(m, "%s: firmware type %u was not loaded by the PSP; the engine stays idle",
				    who, types[i]);
			*refused = true;
			return false;
		}
	}
	*refused = false;
	return true;
}

static uint64_t
reg64(struct navi23 *m, uint32_t lo, uint32_t hi)
{
	return reg_get(m, lo) | (uint64_t)reg_get(m, hi) << 32;
}

static unsigned
hqd_index(uint32_t reg)
{
	return AMDREG_OFF(reg) - AMDREG_OFF(HQD_FIRST);
}

static bool
is_hqd_reg(uint32_t reg)
{
	return AMDREG_IP(reg) == IP_GC && AMDREG_SEG(reg) == AMDREG_SEG(HQD_FIRST) &&
	    AMDREG_OFF(reg) >= AMDREG_OFF(HQD_FIRST) &&
	    hqd_index(reg) < HQD_NREGS;
}

static struct hqd *
hqd_selected(struct navi23 *m, unsigned *me, unsigned *pipe, unsigned *queue)
{
	uint32_t g = reg_get(m, GRBM_GFX_CNTL);

	*me = F_GET(g, GRBM_GFX_CNTL_MEID);
	*pipe = F_GET(g, GRBM_GFX_CNTL_PIPEID);
	*queue = F_GET(g, GRBM_GFX_CNTL_QUEUEID);
	return &m->cp->hqd[*me][*pipe][*queue];
}

/* --- the gfx ring ------------------------------------------------------- */

/* Fill the gfx queue's ring geometry from CP_RB0_*; m->lock held. */
static void
gfx_config(struct navi23 *m, struct pm4_queue *q)
{
	uint32_t cntl = reg_get(m, CP_RB0_CNTL);

	q->base = reg64(m, CP_RB0_BASE, CP_RB0_BASE_HI) << 8;
	q->size_dw = 2u << F_GET(cntl, CP_RB0_CNTL_RB_BUFSZ);
	q->vmid = reg_get(m, CP_RB_VMID) & 0xf;
	q->rptr_wb = F_GET(cntl, CP_RB0_CNTL_RB_NO_UPDATE) ? 0 :
	    reg64(m, CP_RB0_RPTR_ADDR, CP_RB0_RPTR_ADDR_HI) & ~3ull;
}

static bool
gfx_halted(struct navi23 *m)
{
	uint32_t me = reg_get(m, CP_ME_CNTL);

	return F_GET(me, CP_ME_CNTL_ME_HALT) || F_GET(me, CP_ME_CNTL_PFP_HALT);
}

static bool
gfx_runnable(struct navi23 *m, struct cp_state *cp)
{
	static const unsigned fw[] = { GFX_FW_TYPE_CP_PFP, GFX_FW_TYPE_CP_ME,
	    GFX_FW_TYPE_CP_CE };
	if (cp->gfx.hung || gfx_halted(m) || reg_get(m, CP_RB0_BASE) == 0)
		return false;
	gfx_config(m, &cp->gfx);
	if (((cp->gfx.wptr - cp->gfx.rptr) & (cp->gfx.size_dw - 1)) == 0)
		return false;
	return fw_loaded(m, fw, 3, &cp->gfx_fw_refused, "cp gfx");
}

/* Between packets: the driver may have halted the ME/PFP meanwhile. */
static bool
gfx_running(struct pm4_ctx *c, const struct pm4_queue *q)
{
	bool halted;

	(void)q;
	pthread_mutex_lock(&c->m->lock);
	halted = gfx_halted(c->m);
	pthread_mutex_unlock(&c->m->lock);
	return !halted;
}

static void
gfx_work(struct model_engine *e)
{
	struct navi23 *m = e->m;
	struct cp_state *cp = e->priv;
	struct pm4_queue q;
	unsigned n, gen;

	do {
		pthread_mutex_lock(&m->lock);
		if (!gfx_runnable(m, cp)) {
			cp->gfx_busy = false;
			pthread_mutex_unlock(&m->lock);
			return;
		}
		cp->gfx_busy = true;
		q = cp->gfx;
		gen = cp->gfx_gen;
		pthread_mutex_unlock(&m->lock);
		n = pm4_run(cp->gfx_ctx, &q);
		pthread_mutex_lock(&m->lock);
		/* A reset meanwhile wins over what this run got to. */
		if (gen == cp->gfx_gen) {
			cp->gfx.rptr = q.rptr;
			cp->gfx.hung = q.hung;
			reg_put(m, CP_RB0_RPTR, (uint32_t)q.rptr);
		}
		pthread_mutex_unlock(&m->lock);
	} while (n != 0);
	/* Stalled or hung: not running packets (CP_STAT). */
	pthread_mutex_lock(&m->lock);
	cp->gfx_busy = false;
	pthread_mutex_unlock(&m->lock);
}

static void
gfx_reset(struct navi23 *m)
{
	struct cp_state *cp = m->cp;

	cp->gfx.rptr = cp->gfx.wptr = 0;
	cp->gfx.hung = false;
	cp->gfx_gen++;
	reg_put(m, CP_RB0_RPTR, 0);
}

/* --- the MEC hardware queues ------------------------------------------------ */

static void
hqd_config(struct hqd *h)
{
	uint32_t *r = h->regs;

	h->q.base = (r[hqd_index(CP_HQD_PQ_BASE)] |
	    (uint64_t)r[hqd_index(CP_HQD_PQ_BASE_HI)] << 32) << 8;
	h->q.size_dw = 2u << F_GET(r[hqd_index(CP_HQD_PQ_CONTROL)],
	    CP_HQD_PQ_CONTROL_QUEUE_SIZE);
	h->q.rptr_wb = (r[hqd_index(CP_HQD_PQ_RPTR_REPORT_ADDR)] |
	    (uint64_t)r[hqd_index(CP_HQD_PQ_RPTR_REPORT_ADDR_HI)] << 32) & ~3ull;
	h->q.vmid = r[hqd_index(CP_HQD_VMID)] & 0xf;
}

static void
hqd_activate(struct hqd *h, unsigned me, unsigned pipe, unsigned queue)
{
	uint32_t *r = h->regs;

	snprintf(h->q.name, sizeof(h->q.name), "comp me%u.p%u.q%u", me, pipe, queue);
	h->q.ring_id = F_PREP(IV_CP_RING_ME, me) | F_PREP(IV_CP_RING_PIPE, pipe) |
	    F_PREP(IV_CP_RING_QUEUE, queue);
	hqd_config(h);
	h->q.rptr = r[hqd_index(CP_HQD_PQ_RPTR)] & (h->q.size_dw - 1);
	h->q.wptr = r[hqd_index(CP_HQD_PQ_WPTR_LO)] |
	    (uint64_t)r[hqd_index(CP_HQD_PQ_WPTR_HI)] << 32;
	h->q.hung = false;
	h->active = true;
}

static void
hqd_deactivate(struct hqd *h)
{
	h->active = false;
	h->q.hung = false;
	h->regs[hqd_index(CP_HQD_ACTIVE)] = 0;
	h->regs[hqd_index(CP_HQD_DEQUEUE_REQUEST)] = 0;
}

static bool
mec_halted(struct navi23 *m, unsigned me)
{
	uint32_t v = reg_get(m, CP_MEC_CNTL);

	return me == 1 ? F_GET(v, CP_MEC_CNTL_MEC_ME1_HALT) :
	    F_GET(v, CP_MEC_CNTL_MEC_ME2_HALT);
}

static bool
hqd_runnable(struct navi23 *m, unsigned me, struct hqd *h)
{
	static const unsigned fw[] = { GFX_FW_TYPE_CP_MEC };

	if (!h->active || h->q.hung || mec_halted(m, me) ||
	    ((h->q.wptr - h->q.rptr) & (h->q.size_dw - 1)) == 0)
		return false;
	return fw_loaded(m, fw, 1, &m->cp->mec_fw_refused, "cp mec");
}

/* Between packets: the MEC may have been halted or the queue dequeued. */
static bool
hqd_running(struct pm4_ctx *c, const struct pm4_queue *q)
{
	unsigned me = F_GET(q->ring_id, IV_CP_RING_ME);
	struct hqd *h = &c->m->cp->hqd[me][F_GET(q->ring_id, IV_CP_RING_PIPE)]
	    [F_GET(q->ring_id, IV_CP_RING_QUEUE)];
	bool ok;

	pthread_mutex_lock(&c->m->lock);
	ok = h->active && !mec_halted(c->m, me);
	pthread_mutex_unlock(&c->m->lock);
	return ok;
}

/* Run one queue until it has nothing left; returns dwords consumed. */
static unsigned
hqd_run(struct navi23 *m, struct cp_state *cp, unsigned me, struct hqd *h)
{
	struct pm4_queue q;
	unsigned n;

	pthread_mutex_lock(&m->lock);
	if (!hqd_runnable(m, me, h)) {
		pthread_mutex_unlock(&m->lock);
		return 0;
	}
	q = h->q;
	h->busy = true;
	pthread_mutex_unlock(&m->lock);
	n = pm4_run(cp->mec_ctx, &q);
	pthread_mutex_lock(&m->lock);
	h->busy = false;
	if (h->active) {
		h->q.rptr = q.rptr;
		h->q.hung = q.hung;
		h->regs[hqd_index(CP_HQD_PQ_RPTR)] = (uint32_t)q.rptr;
	}
	pthread_mutex_unlock(&m->lock);
	return n;
}

/* One thread serves every active HQD, round robin, until all are idle. */
static void
mec_work(struct model_engine *e)
{
	struct cp_state *cp = e->priv;
	unsigned progress;

	pthread_mutex_lock(&e->m->lock);
	cp->mec_busy = true;
	pthread_mutex_unlock(&e->m->lock);
	do {
		progress = 0;
		for (unsigned me = MEC_FIRST_ME; me <= MEC_LAST_ME; me++)
			for (unsigned p = 0; p < MEC_PIPES; p++)
				for (unsigned q = 0; q < MEC_QUEUES; q++)
					progress += hqd_run(e->m, cp, me,
					    &cp->hqd[me][p][q]);
	} while (progress != 0);
	pthread_mutex_lock(&e->m->lock);
	cp->mec_busy = false;
	pthread_mutex_unlock(&e->m->lock);
}

/* --- register decode ----------------------------------------------------- */

static void
hqd_write(struct navi23 *m, uint32_t reg, uint32_t val)
{
	unsigned me, pipe, queue;
	struct hqd *h = hqd_selected(m, &me, &pipe, &queue);

	h->regs[hqd_index(reg)] = val;
	switch (reg) {
	case CP_HQD_ACTIVE:
		if (F_GET(val, CP_HQD_ACTIVE_ACTIVE))
			hqd_activate(h, me, pipe, queue);
		else
			hqd_deactivate(h);
		engine_kick(&m->cp->mec_eng);
		break;
	case CP_HQD_PQ_BASE:
		/* A new ring starts at rptr 0 (like CP_RB0_BASE). */
		h->regs[hqd_index(CP_HQD_PQ_RPTR)] = 0;
		break;
	case CP_HQD_DEQUEUE_REQUEST:
		if (F_GET(val, CP_HQD_DEQUEUE_REQUEST_DEQUEUE_REQ))
			hqd_deactivate(h);
		break;
	case CP_HQD_PQ_WPTR_LO:
	case CP_HQD_PQ_WPTR_HI:
		h->q.wptr = h->regs[hqd_index(CP_HQD_PQ_WPTR_LO)] |
		    (uint64_t)h->regs[hqd_index(CP_HQD_PQ_WPTR_HI)] << 32;
		if (h->active)
			engine_kick(&m->cp->mec_eng);
		break;
	default:
		break;
	}
}

static bool
hqd_read(struct navi23 *m, uint32_t reg, uint32_t *val)
{
	unsigned me, pipe, queue;
	struct hqd *h = hqd_selected(m, &me, &pipe, &queue);

	if (reg == CP_HQD_ACTIVE)
		*val = h->active || h->busy ? 1 : 0;
	else
		*val = h->regs[hqd_index(reg)];
	return true;
}

/* The SE/SA GRBM_GFX_INDEX selects; broadcast reads answer for SE0/SA0. */
static void
harvest_select(struct navi23 *m, unsigned *se, unsigned *sa)
{
	uint32_t idx = reg_get(m, GRBM_GFX_INDEX);

	*se = F_GET(idx, GRBM_GFX_INDEX_SE_BROADCAST_WRITES) ? 0 :
	    F_GET(idx, GRBM_GFX_INDEX_SE_INDEX) % NUM_SE;
	*sa = F_GET(idx, GRBM_GFX_INDEX_SA_BROADCAST_WRITES) ? 0 :
	    F_GET(idx, GRBM_GFX_INDEX_SA_INDEX) % NUM_SA;
}

static void
harvest_user_write(struct navi23 *m, uint32_t val)
{
	uint32_t idx = reg_get(m, GRBM_GFX_INDEX);
	bool all_se = F_GET(idx, GRBM_GFX_INDEX_SE_BROADCAST_WRITES);
	bool all_sa = F_GET(idx, GRBM_GFX_INDEX_SA_BROADCAST_WRITES);
	unsigned se0, sa0;

	harvest_select(m, &se0, &sa0);
	for (unsigned se = 0; se < NUM_SE; se++)
		for (unsigned sa = 0; sa < NUM_SA; sa++)
			if ((all_se || se == se0) && (all_sa || sa == sa0))
				m->cp->user_sa[se][sa] = val;
}

static void
soft_reset(struct navi23 *m, uint32_t val)
{
	struct cp_state *cp = m->cp;

	if (F_GET(val, GRBM_SOFT_RESET_CP) || F_GET(val, GRBM_SOFT_RESET_CPF) ||
	    F_GET(val, GRBM_SOFT_RESET_CPG) || F_GET(val, GRBM_SOFT_RESET_GFX)) {
		gfx_reset(m);
		atomic_store(&cp->gfx_eng.hung, false);
	}
	if (F_GET(val, GRBM_SOFT_RESET_CP) || F_GET(val, GRBM_SOFT_RESET_CPC)) {
		for (unsigned me = 0; me < CP_NUM_ME; me++)
			for (unsigned p = 0; p < MEC_PIPES; p++)
				for (unsigned q = 0; q < MEC_QUEUES; q++)
					hqd_deactivate(&cp->hqd[me][p][q]);
		atomic_store(&cp->mec_eng.hung, false);
	}
}

static void
cp_write(struct navi23 *m, uint32_t reg, uint32_t val)
{
	struct cp_state *cp = m->cp;

	if (is_hqd_reg(reg)) {
		hqd_write(m, reg, val);
		return;
	}
	switch (reg) {
	case CP_ME_CNTL:
	case CP_RB0_WPTR_HI:
		engine_kick(&cp->gfx_eng);
		break;
	case CP_RB0_WPTR:
		cp->gfx.wptr = reg64(m, CP_RB0_WPTR, CP_RB0_WPTR_HI);
		engine_kick(&cp->gfx_eng);
		break;
	case CP_RB0_BASE:
		gfx_reset(m);
		break;
	case CP_MEC_CNTL:
		engine_kick(&cp->mec_eng);
		break;
	case GRBM_SOFT_RESET:
		soft_reset(m, val);
		break;
	case GC_USER_SHADER_ARRAY_CONFIG:
		harvest_user_write(m, val);
		break;
	default:
		break;	/* CC_GC_SHADER_ARRAY_CONFIG: fuses, read-only */
	}
}

static bool
cp_read(struct navi23 *m, uint32_t reg, uint32_t *val)
{
	unsigned se, sa;

	if (is_hqd_reg(reg))
		return hqd_read(m, reg, val);
	switch (reg) {
	case CP_STAT:
		*val = F_PREP(CP_STAT_CP_BUSY, m->cp->gfx_busy || m->cp->mec_busy);
		return true;
	case CC_GC_SHADER_ARRAY_CONFIG:
		harvest_select(m, &se, &sa);
		*val = m->cp->cc_sa[se][sa];
		return true;
	case GC_USER_SHADER_ARRAY_CONFIG:
		harvest_select(m, &se, &sa);
		*val = m->cp->user_sa[se][sa];
		return true;
	default:
		return false;
	}
}

/* Does a doorbell (dword index) fall in [LOWER, UPPER] of a range pair? */
static bool
db_in_range(struct navi23 *m, uint32_t lower, uint32_t upper, uint32_t index)
{
	return index >= F_GET(reg_get(m, lower), CP_DOORBELL_RANGE) &&
	    index <= F_GET(reg_get(m, upper), CP_DOORBELL_RANGE);
}

static bool
db_match(uint32_t ctl, uint32_t index)
{
	return F_GET(ctl, CP_DOORBELL_EN) && F_GET(ctl, CP_DOORBELL_OFFSET) == index;
}

/* A 64-bit doorbell: the low dword arrives last and rings the bell. */
static void
cp_doorbell(struct navi23 *m, uint32_t index, uint32_t val)
{
	struct cp_state *cp = m->cp;
	uint64_t wptr;

	if (index + 1 >= MODEL_NDOORBELLS)
		return;
	wptr = val | (uint64_t)m->doorbell[index + 1] << 32;
	if (db_match(reg_get(m, CP_RB_DOORBELL_CONTROL), index) &&
	    db_in_range(m, CP_RB_DOORBELL_RANGE_LOWER, CP_RB_DOORBELL_RANGE_UPPER, index)) {
		cp->gfx.wptr = wptr;
		engine_kick(&cp->gfx_eng);
	}
	if (!db_in_range(m, CP_MEC_DOORBELL_RANGE_LOWER, CP_MEC_DOORBELL_RANGE_UPPER, index))
		return;
	for (unsigned me = MEC_FIRST_ME; me <= MEC_LAST_ME; me++)
		for (unsigned p = 0; p < MEC_PIPES; p++)
			for (unsigned q = 0; q < MEC_QUEUES; q++) {
				struct hqd *h = &cp->hqd[me][p][q];

				if (h->active && db_match(h->regs[hqd_index(
				    CP_HQD_PQ_DOORBELL_CONTROL)], index)) {
					h->q.wptr = wptr;
					engine_kick(&cp->mec_eng);
				}
			}
}

const struct model_block cp_block = {
	.name = "cp",
	.write = cp_write,
	.read = cp_read,
	.doorbell = cp_doorbell,
};

static void
reset_values(struct navi23 *m)
{
	struct cp_state *cp = m->cp;

	reg_put(m, CP_ME_CNTL, F_PREP(CP_ME_CNTL_CE_HALT, 1) |
	    F_PREP(CP_ME_CNTL_PFP_HALT, 1) | F_PREP(CP_ME_CNTL_ME_HALT, 1));
	reg_put(m, CP_MEC_CNTL, F_PREP(CP_MEC_CNTL_MEC_ME1_HALT, 1) |
	    F_PREP(CP_MEC_CNTL_MEC_ME2_HALT, 1));
	for (unsigned se = 0; se < NUM_SE; se++)
		cp->cc_sa[se][1] = F_PREP(SHADER_ARRAY_CONFIG_INACTIVE_WGPS,
		    RX6600_INACTIVE_WGP);
}

int
mdl_cp_init(struct navi23 *m)
{
	struct cp_state *cp = calloc(1, sizeof(*cp));

	if (cp == NULL)
		return -1;
	m->cp = cp;
	cp->gfx_ctx = calloc(1, sizeof(*cp->gfx_ctx));
	cp->mec_ctx = calloc(1, sizeof(*cp->mec_ctx));
	if (cp->gfx_ctx == NULL || cp->mec_ctx == NULL)
		return -1;
	cp->gfx_ctx->m = cp->mec_ctx->m = m;
	if (dispatch_init(cp->gfx_ctx) != 0 || dispatch_init(cp->mec_ctx) != 0)
		return -1;
	snprintf(cp->gfx.name, sizeof(cp->gfx.name), "gfx me0.p0");
	cp->gfx.ring_id = 0;	/* me 0, pipe 0, queue 0 */
	for (size_t i = 0; i < sizeof(hqd_regs) / sizeof(hqd_regs[0]); i++)
		model_claim(m, BLK_CP, hqd_regs[i]);
	for (size_t i = 0; i < sizeof(cp_regs) / sizeof(cp_regs[0]); i++)
		model_claim(m, BLK_CP, cp_regs[i]);
	reset_values(m);
	cp->gfx_ctx->m = cp->mec_ctx->m = m;
	cp->gfx_ctx->e = &cp->gfx_eng;
	cp->mec_ctx->e = &cp->mec_eng;
	cp->gfx_ctx->running = gfx_running;
	cp->mec_ctx->running = hqd_running;
	engine_init(&cp->gfx_eng, m, NAVI23_ENG_GFX, "cp-gfx", gfx_work, cp);
	engine_init(&cp->mec_eng, m, NAVI23_ENG_COMPUTE, "cp-mec", mec_work, cp);
	return 0;
}

void
mdl_cp_fini(struct navi23 *m)
{
	struct cp_state *cp = m->cp;

	if (cp == NULL)
		return;
	engine_fini(&cp->gfx_eng);
	engine_fini(&cp->mec_eng);
	if (cp->gfx_ctx != NULL)
		dispatch_fini(cp->gfx_ctx);
	if (cp->mec_ctx != NULL)
		dispatch_fini(cp->mec_ctx);
	free(cp->gfx_ctx);
	free(cp->mec_ctx);
	free(cp);
	m->cp = NULL;
}

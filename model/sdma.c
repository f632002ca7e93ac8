/*
 * The two SDMA v5.2 engines: a gfx ring each, run by its own engine thread.
 *
 * Registers (per instance, SDMA1 = SDMA0 + SDMA_INST_STRIDE), as Linux
 * amdgpu/sdma_v5_2.c sdma_v5_2_gfx_resume programs them:
 *   SDMA0_F32_CNTL.HALT	the engine stops at the next packet (or
 *				out of a POLL_REGMEM) and fetches nothing
 *				while set; setting it is the engine's reset:
 *				it clears a hang, packet-level or injected
 *				(NAVI23_FAULT_HANG), and the driver re-inits
 *				the ring.  No register is cleared.
 *   SDMA0_GFX_RB_CNTL	RB_ENABLE, RB_SIZE (log2 of ring bytes / 4),
 *				RPTR_WRITEBACK_ENABLE.
 *   SDMA0_GFX_RB_BASE/_HI	ring address >> 8 (VMID 0); writing BASE
 *				restarts the ring at rptr 0.
 *   SDMA0_GFX_RB_RPTR/_HI	read pointer, bytes.
 *   SDMA0_GFX_RB_WPTR/_HI	write pointer, bytes; a write kicks the engine.
 *   SDMA0_GFX_RB_RPTR_ADDR_*	64-bit rptr write-back address.
 *   SDMA0_GFX_DOORBELL(_OFFSET) ENABLE and the dword doorbell index; a
 *				64-bit doorbell write carries the wptr in bytes.
 *   SDMA0_STATUS_REG		IDLE / RB_EMPTY, clear while the thread runs
 *				packets.
 * Packets: include/amd/sdma_v5_2_pkt.h.  An unknown packet halts the
 * engine (logged with the ring position and header) until the driver
 * halts and restarts it.  Nothing runs until the PSP loaded the SDMA
 * firmware.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "amd/gc_10_3_reg.h"
#include "amd/ih_v5.h"
#include "amd/psp_gfx_if.h"
#include "amd/sdma_v5_2_pkt.h"
#include "model.h"

#define SDMA_NUM_INST		2
#define SDMA_BOUNCE_BYTES	(64u << 10)
#define SDMA_FIXED_DW		8		/* largest fixed-size packet here */
#define POLL_LIMIT_NS		1000000000ull	/* "retry forever" gives up after 1 s */

enum srun { S_OK, S_STALL, S_HANG };

struct sdma_inst {
	struct model_engine eng;
	struct navi23 *m;
	unsigned inst;
	uint64_t rptr, wptr;	/* bytes, rptr masked to the ring */
	bool hung, fw_refused;
	int64_t ts_offset;	/* TIMESTAMP SET: local counter - GPU clock */
	uint32_t pkt[SDMA_FIXED_DW];
	uint8_t bounce[SDMA_BOUNCE_BYTES];
};

struct sdma_state {
	struct sdma_inst inst[SDMA_NUM_INST];
};

/* Where packets come from: the ring (wraps, VMID 0) or an IB. */
struct sstream {
	uint64_t base;
	uint32_t size_dw;
	bool ring;
	unsigned vmid;
	uint64_t pos, end;	/* dwords */
};

/* The SDMA0 registers; each instance has them all. */
static const uint32_t sdma_regs[] = {
	SDMA0_CNTL, SDMA0_SEM_WAIT_FAIL_TIMER_CNTL, SDMA0_STATUS_REG,
	SDMA0_F32_CNTL, SDMA0_UTCL1_CNTL, SDMA0_UTCL1_PAGE, SDMA0_GFX_RB_CNTL,
	SDMA0_GFX_RB_BASE, SDMA0_GFX_RB_BASE_HI, SDMA0_GFX_RB_RPTR,
	SDMA0_GFX_RB_RPTR_HI, SDMA0_GFX_RB_WPTR, SDMA0_GFX_RB_WPTR_HI,
	SDMA0_GFX_RB_WPTR_POLL_CNTL, SDMA0_GFX_RB_RPTR_ADDR_HI,
	SDMA0_GFX_RB_RPTR_ADDR_LO, SDMA0_GFX_IB_CNTL, SDMA0_GFX_DOORBELL,
	SDMA0_GFX_CONTEXT_CNTL, SDMA0_GFX_DOORBELL_OFFSET,
	SDMA0_GFX_RB_WPTR_POLL_ADDR_HI, SDMA0_GFX_RB_WPTR_POLL_ADDR_LO,
	SDMA0_GFX_MINOR_PTR_UPDATE,
};

static uint32_t
ireg(unsigned inst, uint32_t reg0)
{
	return reg0 + inst * SDMA_INST_STRIDE;
}

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* The GPU clock counter at 100 MHz, as in ih.c and pm4.c. */
static uint64_t
gpu_clock(void)
{
	return now_ns() / 10;
}

static uint64_t
addr64(uint32_t lo, uint32_t hi)
{
	return lo | (uint64_t)hi << 32;
}

static uint64_t
ireg64(struct navi23 *m, unsigned inst, uint32_t lo, uint32_t hi)
{
	return addr64(reg_get(m, ireg(inst, lo)), reg_get(m, ireg(inst, hi)));
}

static uint32_t
ring_bytes(struct navi23 *m, unsigned inst)
{
	return 4u << F_GET(reg_get(m, ireg(inst, SDMA0_GFX_RB_CNTL)), SDMA_RB_CNTL_RB_SIZE);
}

/* --- packet execution ------------------------------------------------------ */

static int
fetch(struct sdma_inst *si, const struct sstream *s, uint64_t pos, unsigned n,
    void *dst)
{
	uint8_t *d = dst;

	if (!s->ring)
		return gmc_read(si->m, s->vmid, s->base + pos * 4, d,
		    (uint64_t)n * 4, si->eng.id);
	while (n > 0) {
		uint32_t at = (uint32_t)(pos & (s->size_dw - 1));
		uint32_t k = s->size_dw - at < n ? s->size_dw - at : n;

		if (gmc_read(si->m, 0, s->base + (uint64_t)at * 4, d,
		    (uint64_t)k * 4, si->eng.id) != 0)
			return -1;
		pos += k;
		d += (size_t)k * 4;
		n -= k;
	}
	return 0;
}

static enum srun
halt(struct sdma_inst *si, const struct sstream *s, uint32_t hdr, const char *why)
{
	model_log(si->m, "sdma%u: %s: header 0x%08x at %s dword %llu (base 0x%llx, vmid %u); engine halted",
	    si->inst, why, hdr, s->ring ? "ring" : "IB",
	    (unsigned long long)(s->ring ? s->pos & (s->size_dw - 1) : s->pos),
	    (unsigned long long)s->base, s->vmid);
	si->hung = true;
	return S_HANG;
}

/* WRITE_LINEAR: the data follows in the stream; copied in chunks. */
static enum srun
write_linear(struct sdma_inst *si, const struct sstream *s, const uint32_t *p)
{
	uint64_t dst = addr64(p[1], p[2]);
	uint32_t n = F_GET(p[3], SDMA_WRITE_COUNT) + 1, done = 0;
	bool drop = engine_drop_write(&si->eng);

	while (done < n) {
		uint32_t k = n - done < SDMA_BOUNCE_BYTES / 4 ? n - done : SDMA_BOUNCE_BYTES / 4;

		if (fetch(si, s, s->pos + 4 + done, k, si->bounce) != 0)
			return halt(si, s, p[0], "fetch from an unmapped address");
		if (!drop)
			gmc_write(si->m, s->vmid, dst + (uint64_t)done * 4, si->bounce,
			    (uint64_t)k * 4, si->eng.id);
		done += k;
	}
	return S_OK;
}

/* COPY_LINEAR: page by page through the GMC's contiguous runs. */
static enum srun
copy_linear(struct sdma_inst *si, const struct sstream *s, const uint32_t *p)
{
	uint64_t n = (uint64_t)F_GET(p[1], SDMA_COPY_COUNT) + 1;
	uint64_t src = addr64(p[3], p[4]), dst = addr64(p[5], p[6]);

	if (engine_drop_write(&si->eng))
		return S_OK;
	while (n > 0) {
		uint64_t cs, cd, k;
		void *ps = gmc_xlate(si->m, s->vmid, src, n, GMC_READ, si->eng.id, &cs);
		void *pd = ps == NULL ? NULL :
		    gmc_xlate(si->m, s->vmid, dst, n, GMC_WRITE, si->eng.id, &cd);

		if (ps == NULL || pd == NULL)
			return halt(si, s, p[0], "COPY_LINEAR on an unmapped address");
		k = cs < cd ? cs : cd;
		memmove(pd, ps, k);
		src += k;
		dst += k;
		n -= k;
	}
	return S_OK;
}

/* CONSTANT_FILL: the dword pattern repeated over COUNT + 1 bytes. */
static enum srun
constant_fill(struct sdma_inst *si, const struct sstream *s, const uint32_t *p)
{
	uint64_t dst = addr64(p[1], p[2]), n = (uint64_t)F_GET(p[4], SDMA_FILL_COUNT) + 1;

	if (engine_drop_write(&si->eng))
		return S_OK;
	for (unsigned i = 0; i < SDMA_BOUNCE_BYTES; i += 4)
		memcpy(si->bounce + i, &p[3], 4);
	while (n > 0) {
		uint64_t k = n < SDMA_BOUNCE_BYTES ? n : SDMA_BOUNCE_BYTES;

		if (gmc_write(si->m, s->vmid, dst, si->bounce, k, si->eng.id) != 0)
			return halt(si, s, p[0], "CONSTANT_FILL on an unmapped address");
		dst += k;
		n -= k;
	}
	return S_OK;
}

static bool
compare(unsigned fn, uint32_t v, uint32_t ref)
{
	switch (fn) {
	case 0:	return true;
	case 1:	return v < ref;
	case 2:	return v <= ref;
	case 3:	return v == ref;
	case 4:	return v != ref;
	case 5:	return v >= ref;
	case 6:	return v > ref;
	default: return false;
	}
}

static bool still_enabled(struct sdma_inst *);

/* Torn down, hung by fault injection, or halted / disabled by the driver. */
static bool
interrupted(struct sdma_inst *si)
{
	bool stop;

	pthread_mutex_lock(&si->eng.mu);
	stop = si->eng.stop;
	pthread_mutex_unlock(&si->eng.mu);
	return stop || atomic_load(&si->eng.hung) || !still_enabled(si);
}

/*
 * POLL_REGMEM: poll memory or a register (byte address in dw1) until
 * ((value & mask) FUNC reference), RETRY_COUNT times INTERVAL apart;
 * 0xfff ("forever") is bounded at POLL_LIMIT_NS.  With HDP_FLUSH the
 * request register (dw2) is written first (sdma_v5_2_ring_emit_hdp_flush).
 */
static enum srun
poll_regmem(struct sdma_inst *si, const struct sstream *s, const uint32_t *p)
{
	bool mem = F_GET(p[0], SDMA_POLL_HDR_MEM_POLL);
	unsigned fn = F_GET(p[0], SDMA_POLL_HDR_FUNC);
	unsigned retries = F_GET(p[5], SDMA_POLL_RETRY_COUNT);
	unsigned interval = F_GET(p[5], SDMA_POLL_INTERVAL);
	uint64_t deadline = now_ns() + POLL_LIMIT_NS;
	uint32_t v = 0;

	if (F_GET(p[0], SDMA_POLL_HDR_HDP_FLUSH) && !engine_drop_write(&si->eng))
		model_reg_write(si->m, p[2] >> 2, p[3]);
	for (unsigned tries = 0;; tries++) {
		if (!mem)
			v = model_reg_read(si->m, p[1] >> 2);
		else if (gmc_read(si->m, s->vmid, addr64(p[1] & ~3u, p[2]), &v, 4,
		    si->eng.id) != 0)
			return halt(si, s, p[0], "POLL_REGMEM on an unmapped address");
		if (compare(fn, v & p[4], p[3]))
			return S_OK;
		if (interrupted(si))
			return S_STALL;
		if ((retries != 0xfff && tries >= retries) || now_ns() > deadline) {
			model_log(si->m, "sdma%u: POLL_REGMEM (0x%08x & 0x%08x) func %u 0x%08x not met",
			    si->inst, v, p[4], fn, p[3]);
			return halt(si, s, p[0], "POLL_REGMEM timed out");
		}
		usleep(interval > 0 ? interval : 1);
	}
}

static enum srun
timestamp(struct sdma_inst *si, const struct sstream *s, const uint32_t *p)
{
	uint64_t v;

	switch (F_GET(p[0], SDMA_HDR_SUB_OP)) {
	case SDMA_SUBOP_TIMESTAMP_SET:
		si->ts_offset = (int64_t)(addr64(p[1], p[2]) - gpu_clock());
		return S_OK;
	case SDMA_SUBOP_TIMESTAMP_GET:
		v = gpu_clock() + (uint64_t)si->ts_offset;
		break;
	case SDMA_SUBOP_TIMESTAMP_GET_GLOBAL:
		v = gpu_clock();
		break;
	default:
		return halt(si, s, p[0], "unknown TIMESTAMP sub-op");
	}
	if (!engine_drop_write(&si->eng))
		gmc_write(si->m, s->vmid, addr64(p[1] & SDMA_TIMESTAMP_ADDR_LO_MASK, p[2]),
		    &v, 8, si->eng.id);
	return S_OK;
}

static enum srun run_stream(struct sdma_inst *, struct sstream *);

static enum srun
indirect(struct sdma_inst *si, const struct sstream *s, const uint32_t *p)
{
	struct sstream ib;

	if (!s->ring)
		return halt(si, s, p[0], "INDIRECT_BUFFER inside an IB");
	memset(&ib, 0, sizeof(ib));
	ib.base = addr64(p[1] & SDMA_IB_BASE_LO_MASK, p[2]);
	ib.size_dw = ib.end = F_GET(p[3], SDMA_IB_SIZE);
	ib.vmid = F_GET(p[0], SDMA_IB_HDR_VMID);
	return run_stream(si, &ib);
}

static enum srun
exec(struct sdma_inst *si, struct sstream *s, const uint32_t *p)
{
	uint32_t v;

	switch (F_GET(p[0], SDMA_HDR_OP)) {
	case SDMA_OP_NOP:
		return S_OK;
	case SDMA_OP_WRITE:
		return write_linear(si, s, p);
	case SDMA_OP_COPY:
		return copy_linear(si, s, p);
	case SDMA_OP_CONST_FILL:
		return constant_fill(si, s, p);
	case SDMA_OP_FENCE:
		v = p[3];
		if (!engine_drop_write(&si->eng))
			gmc_write(si->m, s->vmid, addr64(p[1] & ~3u, p[2]), &v, 4,
			    si->eng.id);
		return S_OK;
	case SDMA_OP_TRAP: {
		uint32_t data[4] = { F_GET(p[1], SDMA_TRAP_INT_CONTEXT), 0, 0, 0 };

		ih_push(si->m, si->inst == 0 ? IH_CLIENTID_SDMA0 : IH_CLIENTID_SDMA1,
		    IH_SRC_SDMA_TRAP, 0, s->vmid, data);
		return S_OK;
	}
	case SDMA_OP_POLL_REGMEM:
		return poll_regmem(si, s, p);
	case SDMA_OP_SRBM_WRITE:
		if (!engine_drop_write(&si->eng))
			model_reg_write(si->m, F_GET(p[1], SDMA_SRBM_ADDR), p[2]);
		return S_OK;
	case SDMA_OP_TIMESTAMP:
		return timestamp(si, s, p);
	case SDMA_OP_INDIRECT:
		return indirect(si, s, p);
	default:
		return halt(si, s, p[0], "unknown or unmodelled SDMA opcode");
	}
}

/* Dwords of the packet at s->pos (p holds its first dwords); 0: unknown. */
static unsigned
packet_dwords(const uint32_t *p)
{
	unsigned op = F_GET(p[0], SDMA_HDR_OP), sub = F_GET(p[0], SDMA_HDR_SUB_OP);

	switch (op) {
	case SDMA_OP_NOP:		return 1 + F_GET(p[0], SDMA_NOP_COUNT);
	case SDMA_OP_COPY:		return sub == SDMA_SUBOP_COPY_LINEAR ? SDMA_COPY_NDW : 0;
	case SDMA_OP_WRITE:		return sub == SDMA_SUBOP_WRITE_LINEAR ?
					    SDMA_WRITE_NDW(F_GET(p[3], SDMA_WRITE_COUNT) + 1) : 0;
	case SDMA_OP_INDIRECT:		return SDMA_IB_NDW;
	case SDMA_OP_FENCE:		return SDMA_FENCE_NDW;
	case SDMA_OP_TRAP:		return SDMA_TRAP_NDW;
	case SDMA_OP_POLL_REGMEM:	return SDMA_POLL_NDW;
	case SDMA_OP_CONST_FILL:	return SDMA_FILL_NDW;
	case SDMA_OP_TIMESTAMP:		return SDMA_TIMESTAMP_NDW;
	case SDMA_OP_SRBM_WRITE:	return SDMA_SRBM_NDW;
	default:			return 0;
	}
}

static void
report_rptr(struct sdma_inst *si, const struct sstream *s)
{
	struct navi23 *m = si->m;
	uint64_t r = (s->pos & (s->size_dw - 1)) * 4, wb;
	bool writeback;

	pthread_mutex_lock(&m->lock);
	si->rptr = r;
	reg_put(m, ireg(si->inst, SDMA0_GFX_RB_RPTR), (uint32_t)r);
	reg_put(m, ireg(si->inst, SDMA0_GFX_RB_RPTR_HI), (uint32_t)(r >> 32));
	writeback = F_GET(reg_get(m, ireg(si->inst, SDMA0_GFX_RB_CNTL)),
	    SDMA_RB_CNTL_RPTR_WRITEBACK_ENABLE);
	wb = ireg64(m, si->inst, SDMA0_GFX_RB_RPTR_ADDR_LO, SDMA0_GFX_RB_RPTR_ADDR_HI) & ~3ull;
	pthread_mutex_unlock(&m->lock);
	if (writeback && wb != 0)
		gmc_write(m, 0, wb, &r, 8, si->eng.id);
}

/* Between packets: the driver may have halted the engine or disabled
 * the ring meanwhile. */
static bool
still_enabled(struct sdma_inst *si)
{
	struct navi23 *m = si->m;
	bool on;

	pthread_mutex_lock(&m->lock);
	on = F_GET(reg_get(m, ireg(si->inst, SDMA0_GFX_RB_CNTL)), SDMA_RB_CNTL_RB_ENABLE) &&
	    !F_GET(reg_get(m, ireg(si->inst, SDMA0_F32_CNTL)), SDMA_F32_CNTL_HALT);
	pthread_mutex_unlock(&m->lock);
	return on;
}

static enum srun
run_stream(struct sdma_inst *si, struct sstream *s)
{
	while (s->pos < s->end) {
		uint32_t *p = si->pkt;
		unsigned ndw, fixed;
		enum srun rc;

		if (!still_enabled(si) || atomic_load(&si->eng.hung))
			return S_STALL;
		fixed = s->end - s->pos < SDMA_FIXED_DW ? (unsigned)(s->end - s->pos) :
		    SDMA_FIXED_DW;
		memset(p, 0, sizeof(si->pkt));
		if (fetch(si, s, s->pos, fixed, p) != 0)
			return halt(si, s, 0, "fetch from an unmapped address");
		ndw = packet_dwords(p);
		if (ndw == 0)
			return halt(si, s, p[0], "unknown or unmodelled SDMA opcode");
		if (s->pos + ndw > s->end) {
			if (s->ring)
				return S_STALL;	/* the rest is not committed */
			return halt(si, s, p[0], "packet runs past the end of the IB");
		}
		rc = exec(si, s, p);
		if (rc != S_OK)
			return rc;
		s->pos += ndw;
		atomic_fetch_add(&si->m->stats.sdma_packets, 1);
		if (s->ring)
			report_rptr(si, s);
	}
	return S_OK;
}

/* --- the engine ------------------------------------------------------------ */

static bool
runnable(struct navi23 *m, struct sdma_inst *si, struct sstream *s)
{
	unsigned i = si->inst;
	uint32_t cntl = reg_get(m, ireg(i, SDMA0_GFX_RB_CNTL));
	uint32_t bytes = ring_bytes(m, i);

	if (si->hung || !F_GET(cntl, SDMA_RB_CNTL_RB_ENABLE) ||
	    F_GET(reg_get(m, ireg(i, SDMA0_F32_CNTL)), SDMA_F32_CNTL_HALT) ||
	    ((si->wptr - si->rptr) & (bytes - 1)) == 0)
		return false;
	if (!psp_ucode_loaded(m, GFX_FW_TYPE_SDMA0)) {
		if (!si->fw_refused)
			model_log(m, "sdma%u: firmware (type %u) was not loaded by the PSP; the engine stays idle",
			    i, GFX_FW_TYPE_SDMA0);
		si->fw_refused = true;
		return false;
	}
	si->fw_refused = false;
	memset(s, 0, sizeof(*s));
	s->base = ireg64(m, i, SDMA0_GFX_RB_BASE, SDMA0_GFX_RB_BASE_HI) << 8;
	s->size_dw = bytes / 4;
	s->ring = true;
	s->pos = si->rptr / 4;
	s->end = s->pos + ((si->wptr - si->rptr) & (bytes - 1)) / 4;
	return true;
}

static void
set_status(struct navi23 *m, struct sdma_inst *si, bool idle)
{
	reg_put(m, ireg(si->inst, SDMA0_STATUS_REG),
	    F_PREP(SDMA_STATUS_IDLE, idle) | F_PREP(SDMA_STATUS_RB_EMPTY, idle));
}

static void
sdma_work(struct model_engine *e)
{
	struct sdma_inst *si = e->priv;
	struct navi23 *m = e->m;
	struct sstream s;
	uint64_t start;

	for (;;) {
		pthread_mutex_lock(&m->lock);
		if (!runnable(m, si, &s)) {
			set_status(m, si, true);
			pthread_mutex_unlock(&m->lock);
			return;
		}
		set_status(m, si, false);
		pthread_mutex_unlock(&m->lock);
		start = s.pos;
		run_stream(si, &s);
		if (s.pos == start)
			return;
	}
}

/* --- register decode ------------------------------------------------------- */

static unsigned
reg_inst(uint32_t reg)
{
	return AMDREG_OFF(reg) >= AMDREG_OFF(SDMA0_CNTL) + SDMA_INST_STRIDE ? 1 : 0;
}

static void
sdma_write(struct navi23 *m, uint32_t reg, uint32_t val)
{
	unsigned i = reg_inst(reg);
	struct sdma_inst *si = &m->sdma->inst[i];

	switch (reg - i * SDMA_INST_STRIDE) {
	case SDMA0_GFX_RB_BASE:
		si->rptr = si->wptr = 0;
		break;
	case SDMA0_GFX_RB_RPTR:
	case SDMA0_GFX_RB_RPTR_HI:
		si->rptr = ireg64(m, i, SDMA0_GFX_RB_RPTR, SDMA0_GFX_RB_RPTR_HI);
		break;
	case SDMA0_GFX_RB_WPTR:
	case SDMA0_GFX_RB_WPTR_HI:
		si->wptr = ireg64(m, i, SDMA0_GFX_RB_WPTR, SDMA0_GFX_RB_WPTR_HI);
		engine_kick(&si->eng);
		break;
	case SDMA0_F32_CNTL:
		if (F_GET(val, SDMA_F32_CNTL_HALT)) {
			si->hung = false;
			atomic_store(&si->eng.hung, false);
		}
		engine_kick(&si->eng);
		break;
	case SDMA0_GFX_RB_CNTL:
		engine_kick(&si->eng);
		break;
	default:
		break;
	}
}

/* A 64-bit doorbell (bytes): the low dword arrives last and rings it. */
static void
sdma_doorbell(struct navi23 *m, uint32_t index, uint32_t val)
{
	for (unsigned i = 0; i < SDMA_NUM_INST; i++) {
		struct sdma_inst *si = &m->sdma->inst[i];

		if (!F_GET(reg_get(m, ireg(i, SDMA0_GFX_DOORBELL)), SDMA_DOORBELL_ENABLE) ||
		    F_GET(reg_get(m, ireg(i, SDMA0_GFX_DOORBELL_OFFSET)),
		    SDMA_DOORBELL_OFFSET) != index || index + 1 >= MODEL_NDOORBELLS)
			continue;
		si->wptr = val | (uint64_t)m->doorbell[index + 1] << 32;
		engine_kick(&si->eng);
	}
}

const struct model_block sdma_block = {
	.name = "sdma",
	.write = sdma_write,
	.doorbell = sdma_doorbell,
};

int
mdl_sdma_init(struct navi23 *m)
{
	static const char *const names[SDMA_NUM_INST] = { "sdma0", "sdma1" };

	m->sdma = calloc(1, sizeof(*m->sdma));
	if (m->sdma == NULL)
		return -1;
	for (unsigned i = 0; i < SDMA_NUM_INST; i++) {
		struct sdma_inst *si = &m->sdma->inst[i];

		si->m = m;
		si->inst = i;
		for (size_t r = 0; r < sizeof(sdma_regs) / sizeof(sdma_regs[0]); r++)
			model_claim(m, BLK_SDMA, ireg(i, sdma_regs[r]));
		reg_put(m, ireg(i, SDMA0_F32_CNTL), F_PREP(SDMA_F32_CNTL_HALT, 1));
		set_status(m, si, true);
		engine_init(&si->eng, m, NAVI23_ENG_SDMA0 + i, names[i], sdma_work, si);
	}
	return 0;
}

void
mdl_sdma_fini(struct navi23 *m)
{
	if (m->sdma == NULL)
		return;
	for (unsigned i = 0; i < SDMA_NUM_INST; i++)
		engine_fini(&m->sdma->inst[i].eng);
	free(m->sdma);
	m->sdma = NULL;
}

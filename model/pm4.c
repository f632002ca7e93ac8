/*
 * PM4 type-3 packet execution: what the CP's micro engines (PFP/ME on the
 * gfx ring, the MEC on compute queues) do with the packets they fetch.
 * Packet layouts: include/amd/pm4.h (Linux amdgpu/nvd.h, Mesa sid.h).
 *
 * Packets are read from the ring at VMID 0 and from indirect buffers at
 * the VMID the INDIRECT_BUFFER packet names.  Every memory or register
 * write a packet makes first asks engine_drop_write() (fault injection).
 * A packet the model does not know, or a malformed one, is logged with
 * the queue, position and header, raises the CP bad-opcode interrupt and
 * hangs the queue until the driver resets it, as the hardware does.
 * DISPATCH_DIRECT / DISPATCH_INDIRECT launch waves (dispatch.c).
 */
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "amd/ih_v5.h"
#include "amd/pm4.h"
#include "cp.h"

#define PM4_MAX_IB_DEPTH	2		/* ring -> IB1 -> IB2 */
#define WAIT_LIMIT_NS		1000000000ull	/* WAIT_REG_MEM gives up after 1 s */
#define WAIT_SLEEP_US		5

enum exec_rc {
	EXEC_OK,
	EXEC_CHAIN,	/* the stream was replaced by a chained IB */
	EXEC_STALL,	/* cannot go on now; resume at this packet later */
	EXEC_HANG,	/* the queue is hung */
};

/* Where packets come from: the ring (wraps) or an indirect buffer. */
struct stream {
	uint64_t base;
	uint32_t size_dw;	/* ring: a power of two */
	bool ring;
	unsigned vmid;
	uint64_t pos, end;	/* dwords from base; the ring masks them */
	int depth;
};

/* The GPU clock counter: 100 MHz, like the IH timestamps (ih.c). */
static uint64_t
gpu_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec) / 10;
}

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static int
fetch(struct pm4_ctx *c, const struct stream *s, uint64_t pos, unsigned n,
    uint32_t *dst)
{
	if (!s->ring)
		return gmc_read(c->m, s->vmid, s->base + pos * 4, dst,
		    (uint64_t)n * 4, c->e->id);
	while (n > 0) {
		uint32_t at = (uint32_t)(pos & (s->size_dw - 1));
		uint32_t k = s->size_dw - at < n ? s->size_dw - at : n;

		if (gmc_read(c->m, s->vmid, s->base + (uint64_t)at * 4, dst,
		    (uint64_t)k * 4, c->e->id) != 0)
			return -1;
		pos += k;
		dst += k;
		n -= k;
	}
	return 0;
}

static enum exec_rc
hang(struct pm4_ctx *c, const struct stream *s, uint32_t hdr, const char *why)
{
	model_log(c->m, "cp %s: %s: header 0x%08x at %s dword %llu (base 0x%llx, vmid %u); queue hung",
	    c->q->name, why, hdr, s->ring ? "ring" : "IB",
	    (unsigned long long)(s->ring ? s->pos & (s->size_dw - 1) : s->pos),
	    (unsigned long long)s->base, s->vmid);
	c->q->hung = true;
	return EXEC_HANG;
}

/* An unknown or malformed packet: the bad-opcode interrupt, then hang. */
static enum exec_rc
bad_packet(struct pm4_ctx *c, const struct stream *s, uint32_t hdr, const char *why)
{
	uint32_t data[4] = { hdr, (uint32_t)s->pos, 0, 0 };

	ih_push(c->m, IH_CLIENTID_GRBM_CP, IH_SRC_CP_BAD_OPCODE, c->q->ring_id,
	    s->vmid, data);
	return hang(c, s, hdr, why);
}

static void
mem_write(struct pm4_ctx *c, unsigned vmid, uint64_t addr, const void *src,
    uint64_t len)
{
	if (engine_drop_write(c->e))
		return;
	gmc_write(c->m, vmid, addr, src, len, c->e->id);
}

static void
reg_write(struct pm4_ctx *c, uint32_t abs, uint32_t val)
{
	if (engine_drop_write(c->e))
		return;
	model_reg_write(c->m, abs, val);
}

static uint64_t
addr64(uint32_t lo, uint32_t hi)
{
	return lo | (uint64_t)hi << 32;
}

/*
 * A register written by a SET_*_REG packet.  Registers a block decodes
 * (SCRATCH_REG0, CP_*, ...) go through the decoder like MMIO; the rest of
 * these spaces is pipeline state (shader programs and resources, context
 * registers, GE/VGT/PA setup) that only rendering and dispatch read, so it
 * is stored quietly in the register file, where they will find it.
 */
static void
state_reg_write(struct pm4_ctx *c, uint32_t abs, uint32_t val)
{
	bool decoded;

	if (engine_drop_write(c->e))
		return;
	pthread_mutex_lock(&c->m->lock);
	decoded = c->m->reg_blk[abs] != BLK_UNKNOWN;
	if (!decoded)
		c->m->regs[abs] = val;
	pthread_mutex_unlock(&c->m->lock);
	if (decoded)
		model_reg_write(c->m, abs, val);
	dispatch_sh_write(c, abs, val);
}

/*
 * SET_{CONFIG,SH,CONTEXT,UCONFIG}_REG and the _INDEX forms: consecutive
 * registers of one space.  dw1 [15:0] is the offset from the space's
 * start; the _INDEX forms put an index in dw1 [31:28] (Mesa
 * radeon_set_sh_reg_idx / radeon_set_uconfig_reg_idx), which for
 * SET_SH_REG_INDEX 3 makes the CP AND the value with the kernel's CU mask:
 * the model has no CUs reserved, so the value is stored as sent.
 */
static enum exec_rc
set_reg(struct pm4_ctx *c, const struct stream *s, const uint32_t *p,
    unsigned ndw, uint32_t start, uint32_t end)
{
	uint32_t reg;

	if (ndw < 3)
		return bad_packet(c, s, p[0], "SET_*_REG without a value");
	reg = start + F_GET(p[1], PM4_SET_REG_OFFSET);
	if (reg + (ndw - 2) > end)
		return bad_packet(c, s, p[0], "SET_*_REG outside its register space");
	for (unsigned i = 2; i < ndw; i++)
		state_reg_write(c, reg + i - 2, p[i]);
	return EXEC_OK;
}

static enum exec_rc
write_data(struct pm4_ctx *c, const struct stream *s, const uint32_t *p, unsigned ndw)
{
	bool one = F_GET(p[1], WRITE_DATA_WR_ONE_ADDR);
	uint64_t addr = addr64(p[2], p[3]);

	if (ndw < 5)
		return bad_packet(c, s, p[0], "WRITE_DATA without data");
	switch (F_GET(p[1], WRITE_DATA_DST_SEL)) {
	case WRITE_DATA_DST_REG:
		for (unsigned i = 4; i < ndw; i++)
			reg_write(c, p[2] + (one ? 0 : i - 4), p[i]);
		return EXEC_OK;
	case WRITE_DATA_DST_MEM_GRBM:
	case WRITE_DATA_DST_TC_L2:
	case WRITE_DATA_DST_MEM:
		if (addr & 3)
			return bad_packet(c, s, p[0], "WRITE_DATA to an unaligned address");
		if (!one) {
			mem_write(c, s->vmid, addr, &p[4], (uint64_t)(ndw - 4) * 4);
			return EXEC_OK;
		}
		for (unsigned i = 4; i < ndw; i++)
			mem_write(c, s->vmid, addr, &p[i], 4);
		return EXEC_OK;
	default:
		return bad_packet(c, s, p[0], "WRITE_DATA destination not modelled");
	}
}

/* RELEASE_MEM: (caches are coherent in the model) data write + interrupt. */
static enum exec_rc
release_mem(struct pm4_ctx *c, const struct stream *s, const uint32_t *p, unsigned ndw)
{
	uint64_t addr, val = 0;
	unsigned len = 0;

	if (ndw != RELEASE_MEM_NDW)
		return bad_packet(c, s, p[0], "RELEASE_MEM is not 8 dwords");
	addr = addr64(p[3], p[4]);
	switch (F_GET(p[2], RELEASE_MEM_DATA_SEL)) {
	case DATA_SEL_DISCARD:
		break;
	case DATA_SEL_VALUE_32BIT:
		val = p[5], len = 4;
		break;
	case DATA_SEL_VALUE_64BIT:
		val = addr64(p[5], p[6]), len = 8;
		break;
	case DATA_SEL_TIMESTAMP:
	case DATA_SEL_SYS_TIMESTAMP:
		val = gpu_clock(), len = 8;
		break;
	default:
		return bad_packet(c, s, p[0], "RELEASE_MEM DATA_SEL not modelled");
	}
	if (len != 0 && (addr & (len - 1)) != 0)
		return bad_packet(c, s, p[0], "RELEASE_MEM to an unaligned address");
	if (len != 0)
		mem_write(c, s->vmid, addr, &val, len);	/* little-endian */
	if (F_GET(p[2], RELEASE_MEM_INT_SEL) != INT_SEL_NONE) {
		uint32_t data[4] = { 0, 0, 0, 0 };

		ih_push(c->m, IH_CLIENTID_GRBM_CP, IH_SRC_CP_EOP, c->q->ring_id,
		    s->vmid, data);
	}
	return EXEC_OK;
}

static bool
compare(unsigned fn, uint32_t v, uint32_t ref)
{
	switch (fn) {
	case WAIT_FUNC_ALWAYS:	return true;
	case WAIT_FUNC_LT:	return v < ref;
	case WAIT_FUNC_LE:	return v <= ref;
	case WAIT_FUNC_EQ:	return v == ref;
	case WAIT_FUNC_NE:	return v != ref;
	case WAIT_FUNC_GE:	return v >= ref;
	case WAIT_FUNC_GT:	return v > ref;
	default:		return false;
	}
}

/* The engine is being torn down or was hung by fault injection. */
static bool
engine_interrupted(struct model_engine *e)
{
	bool stop;

	pthread_mutex_lock(&e->mu);
	stop = e->stop;
	pthread_mutex_unlock(&e->mu);
	return stop || atomic_load(&e->hung);
}

/*
 * WAIT_REG_MEM: poll a register or dword until ((value & mask) FUNCTION
 * reference).  The real CP waits forever; the model polls for at most
 * WAIT_LIMIT_NS, then reports and hangs the queue, so a thread is never
 * lost to a wait that cannot end.
 */
static enum exec_rc
wait_reg_mem(struct pm4_ctx *c, const struct stream *s, const uint32_t *p, unsigned ndw)
{
	unsigned fn = F_GET(p[1], WAIT_REG_MEM_FUNCTION);
	bool mem = F_GET(p[1], WAIT_REG_MEM_MEM_SPACE) == 1;
	uint64_t deadline = now_ns() + WAIT_LIMIT_NS, addr = addr64(p[2] & ~3u, p[3]);
	uint32_t v = 0, poll_reg = p[2];

	if (ndw != WAIT_REG_MEM_NDW || fn > WAIT_FUNC_GT ||
	    F_GET(p[1], WAIT_REG_MEM_MEM_SPACE) > 1)
		return bad_packet(c, s, p[0], "malformed WAIT_REG_MEM");
	if (F_GET(p[1], WAIT_REG_MEM_OPERATION) == 1) {
		/* write-wait-write: write dw4 to register dw2, poll register dw3
		 * (gfx_v10_0.c gfx_v10_0_wait_reg_mem with opt 1) */
		if (mem)
			return bad_packet(c, s, p[0], "WAIT_REG_MEM write-wait on memory");
		reg_write(c, p[2], p[4]);
		poll_reg = p[3];
	}
	for (;;) {
		if (mem) {
			if (gmc_read(c->m, s->vmid, addr, &v, 4, c->e->id) != 0)
				return hang(c, s, p[0], "WAIT_REG_MEM on an unmapped address");
		} else {
			v = model_reg_read(c->m, poll_reg);
		}
		if (compare(fn, v & p[5], p[4]))
			return EXEC_OK;
		/* Halting the engine or dequeuing the queue ends the wait:
		 * the driver resets a queue stuck here. */
		if (engine_interrupted(c->e) ||
		    (c->running != NULL && !c->running(c, c->q)))
			return EXEC_STALL;
		if (now_ns() > deadline) {
			model_log(c->m, "cp %s: WAIT_REG_MEM on %s 0x%llx: (0x%08x & 0x%08x) func %u 0x%08x not met in 1 s",
			    c->q->name, mem ? "memory" : "register",
			    (unsigned long long)(mem ? addr : poll_reg), v, p[5], fn, p[4]);
			return hang(c, s, p[0], "WAIT_REG_MEM timed out");
		}
		usleep(WAIT_SLEEP_US);
	}
}

/* COPY_DATA: one or two dwords between registers, memory and immediates. */
static enum exec_rc
copy_data(struct pm4_ctx *c, const struct stream *s, const uint32_t *p, unsigned ndw)
{
	bool wide = F_GET(p[1], COPY_DATA_COUNT_SEL);
	unsigned len = wide ? 8 : 4;
	uint64_t val = 0, dst = addr64(p[4], p[5]);

	if (ndw != COPY_DATA_NDW)
		return bad_packet(c, s, p[0], "COPY_DATA is not 6 dwords");
	switch (F_GET(p[1], COPY_DATA_SRC_SEL)) {
	case COPY_SEL_REG:
		val = model_reg_read(c->m, p[2]);
		if (wide)
			val |= (uint64_t)model_reg_read(c->m, p[2] + 1) << 32;
		break;
	case COPY_SEL_MEM_GRBM:
	case COPY_SEL_TC_L2:
		if (gmc_read(c->m, s->vmid, addr64(p[2], p[3]), &val, len, c->e->id) != 0)
			return hang(c, s, p[0], "COPY_DATA from an unmapped address");
		break;
	case COPY_SEL_IMM:
		val = wide ? addr64(p[2], p[3]) : p[2];
		break;
	case COPY_SEL_TIMESTAMP:
		val = gpu_clock();
		break;
	default:
		return bad_packet(c, s, p[0], "COPY_DATA source not modelled");
	}
	switch (F_GET(p[1], COPY_DATA_DST_SEL)) {
	case COPY_SEL_REG:
		reg_write(c, p[4], (uint32_t)val);
		if (wide)
			reg_write(c, p[4] + 1, (uint32_t)(val >> 32));
		return EXEC_OK;
	case COPY_SEL_MEM_GRBM:
	case COPY_SEL_TC_L2:
	case COPY_SEL_DST_MEM:
		mem_write(c, s->vmid, dst, &val, len);
		return EXEC_OK;
	default:
		return bad_packet(c, s, p[0], "COPY_DATA destination not modelled");
	}
}

/*
 * DMA_DATA: memory fill from an immediate dword, or memory to memory.
 * DST_SEL NOWHERE is RADV's prefetch (src == dst) and, with 0 bytes and
 * CP_SYNC, its "wait for CP DMA idle" (si_cp_dma_wait_for_idle in RADV
 * 22.3's src/amd/vulkan/si_cmd_buffer.c): the model's DMA is synchronous,
 * so it has nothing to do.
 */
static enum exec_rc
dma_data(struct pm4_ctx *c, const struct stream *s, const uint32_t *p, unsigned ndw)
{
	unsigned src_sel = F_GET(p[1], DMA_DATA_SRC_SEL);
	unsigned dst_sel = F_GET(p[1], DMA_DATA_DST_SEL);
	uint64_t src = addr64(p[2], p[3]), dst = addr64(p[4], p[5]);
	uint32_t n = F_GET(p[6], DMA_DATA_BYTE_COUNT);

	if (ndw != DMA_DATA_NDW)
		return bad_packet(c, s, p[0], "DMA_DATA is not 7 dwords");
	if (dst_sel == DMA_DST_SEL_NOWHERE && src_sel != DMA_SEL_GDS &&
	    !F_GET(p[6], DMA_DATA_SAS))
		return EXEC_OK;
	if ((dst_sel != DMA_SEL_ADDR && dst_sel != DMA_SEL_L2) ||
	    src_sel == DMA_SEL_GDS || F_GET(p[6], DMA_DATA_SAS) ||
	    F_GET(p[6], DMA_DATA_DAS) || F_GET(p[6], DMA_DATA_DAIC) ||
	    (F_GET(p[6], DMA_DATA_SAIC) && src_sel != DMA_SRC_SEL_DATA))
		return bad_packet(c, s, p[0], "DMA_DATA form not modelled (GDS/register/no-increment)");
	if (src_sel == DMA_SRC_SEL_DATA)
		for (unsigned i = 0; i < PM4_BOUNCE_BYTES; i += 4)
			memcpy(c->bounce + i, &p[2], 4);
	while (n > 0) {
		uint32_t k = n < PM4_BOUNCE_BYTES ? n : PM4_BOUNCE_BYTES;

		if (src_sel != DMA_SRC_SEL_DATA &&
		    gmc_read(c->m, s->vmid, src, c->bounce, k, c->e->id) != 0)
			return hang(c, s, p[0], "DMA_DATA from an unmapped address");
		mem_write(c, s->vmid, dst, c->bounce, k);
		src += k;
		dst += k;
		n -= k;
	}
	return EXEC_OK;
}

/* SET_BASE: dw1 [3:0] base index, dw2/dw3 the address (facts §6.3). */
static enum exec_rc
set_base(struct pm4_ctx *c, const struct stream *s, const uint32_t *p, unsigned ndw)
{
	if (ndw != SET_BASE_NDW)
		return bad_packet(c, s, p[0], "SET_BASE is not 4 dwords");
	dispatch_set_base(c, F_GET(p[1], SET_BASE_INDEX), addr64(p[2], p[3]));
	return EXEC_OK;
}

static enum exec_rc
dispatch(struct pm4_ctx *c, const struct stream *s, uint32_t hdr,
    const uint32_t dims[3], uint32_t initiator)
{
	switch (dispatch_run(c, s->vmid, dims, initiator)) {
	case DISPATCH_OK:
		return EXEC_OK;
	case DISPATCH_STALL:
		return EXEC_STALL;
	default:
		return hang(c, s, hdr, "dispatch stopped");
	}
}

/* DISPATCH_DIRECT: dw1-3 the grid, dw4 COMPUTE_DISPATCH_INITIATOR. */
static enum exec_rc
dispatch_direct(struct pm4_ctx *c, const struct stream *s, const uint32_t *p,
    unsigned ndw)
{
	if (ndw != DISPATCH_DIRECT_NDW)
		return bad_packet(c, s, p[0], "DISPATCH_DIRECT is not 5 dwords");
	return dispatch(c, s, p[0], &p[1], p[4]);
}

/*
 * DISPATCH_INDIRECT: the grid is three dwords in memory.  Two forms
 * (facts §6.3): count 2, dw1/dw2 their 64-bit address and dw3 the
 * initiator (RADV on gfx10.3 compute queues); count 1, dw1 an offset from
 * the SET_BASE index 1 address and dw2 the initiator (the gfx ring).
 */
static enum exec_rc
dispatch_indirect(struct pm4_ctx *c, const struct stream *s, const uint32_t *p,
    unsigned ndw)
{
	uint64_t addr;
	uint32_t dims[3], initiator;

	if (ndw == DISPATCH_INDIRECT_NDW_VA) {
		addr = addr64(p[1], p[2]);
		initiator = p[3];
	} else if (ndw == DISPATCH_INDIRECT_NDW_BASE) {
		addr = dispatch_get_base(c, SET_BASE_DISPATCH_INDIRECT) + p[1];
		initiator = p[2];
	} else {
		return bad_packet(c, s, p[0], "DISPATCH_INDIRECT is not 3 or 4 dwords");
	}
	if (addr & 3)
		return bad_packet(c, s, p[0], "DISPATCH_INDIRECT from an unaligned address");
	if (gmc_read(c->m, s->vmid, addr, dims, sizeof(dims), c->e->id) != 0)
		return hang(c, s, p[0], "DISPATCH_INDIRECT from an unmapped address");
	return dispatch(c, s, p[0], dims, initiator);
}

/*
 * LOAD_SH_REG_INDEX from a direct address, values only: what RADV sends.
 * The other forms stop the queue as unmodelled rather than guessing.
 */
static enum exec_rc
load_sh_reg_index(struct pm4_ctx *c, const struct stream *s, const uint32_t *p,
    unsigned ndw)
{
	uint32_t vals[PM4_SH_REG_END - PM4_SH_REG_START];
	uint64_t addr;
	uint32_t reg, n;

	if (ndw != LOAD_SH_REG_INDEX_NDW)
		return bad_packet(c, s, p[0], "LOAD_SH_REG_INDEX is not 5 dwords");
	if (F_GET(p[1], LOAD_SH_REG_INDEX_INDEX) != LOAD_SH_REG_INDEX_DIRECT ||
	    F_GET(p[3], LOAD_SH_REG_INDEX_DATA_FORMAT) !=
	    LOAD_SH_REG_INDEX_OFFSET_AND_SIZE)
		return bad_packet(c, s, p[0],
		    "LOAD_SH_REG_INDEX other than direct address, values only");
	reg = PM4_SH_REG_START + F_GET(p[3], LOAD_SH_REG_INDEX_REG_OFFSET);
	n = F_GET(p[4], LOAD_SH_REG_INDEX_NUM_DWORDS);
	if (n == 0 || reg + n > PM4_SH_REG_END)
		return bad_packet(c, s, p[0], "LOAD_SH_REG_INDEX outside the SH registers");
	addr = addr64(p[1] & LOAD_SH_REG_INDEX_ADDR_LO_MASK, p[2]);
	if (gmc_read(c->m, s->vmid, addr, vals, (size_t)n * 4, c->e->id) != 0)
		return hang(c, s, p[0], "LOAD_SH_REG_INDEX from an unmapped address");
	for (uint32_t i = 0; i < n; i++)
		state_reg_write(c, reg + i, vals[i]);
	return EXEC_OK;
}

static enum exec_rc run_stream(struct pm4_ctx *, struct stream *);

/* The gfx ring is ME 0; MEC queues are ME 1 and 2 (ring_id [3:2]). */
static bool
on_gfx(const struct pm4_ctx *c)
{
	return ((c->q->ring_id >> 2) & 3) == 0;
}

/*
 * INDIRECT_BUFFER: run the IB; CHAIN replaces the current IB.  Only an IB
 * called from the ring takes the VMID in its control dword; an IB called
 * from an IB (RADV's IB2 for secondary command buffers and its preamble,
 * radv_amdgpu_cs.c) runs in its caller's VMID, so user commands cannot
 * leave their address space.  VALID (bit 23) is required on compute
 * queues, where amdgpu's gfx_v10_0_ring_emit_ib_compute always sets it;
 * the gfx ring runs IBs without it (gfx_v10_0_ring_emit_ib_gfx never sets
 * it, nor does RADV for IB2).
 */
static enum exec_rc
indirect_buffer(struct pm4_ctx *c, struct stream *s, const uint32_t *p, unsigned ndw)
{
	struct stream ib;

	if (ndw != 4)
		return bad_packet(c, s, p[0], "INDIRECT_BUFFER is not 4 dwords");
	if (!F_GET(p[3], IB_CNTL_VALID) && !on_gfx(c))
		return bad_packet(c, s, p[0], "INDIRECT_BUFFER without VALID on a compute queue");
	memset(&ib, 0, sizeof(ib));
	ib.base = (p[1] & IB_BASE_LO_MASK) | (uint64_t)F_GET(p[2], IB_BASE_HI) << 32;
	ib.size_dw = ib.end = F_GET(p[3], IB_CNTL_SIZE);
	ib.vmid = s->ring ? F_GET(p[3], IB_CNTL_VMID) : s->vmid;
	if (F_GET(p[3], IB_CNTL_CHAIN) && !s->ring) {
		ib.depth = s->depth;
		*s = ib;
		return EXEC_CHAIN;
	}
	if (s->depth >= PM4_MAX_IB_DEPTH)
		return bad_packet(c, s, p[0], "INDIRECT_BUFFER nested too deep");
	ib.depth = s->depth + 1;
	return run_stream(c, &ib);
}

static enum exec_rc
exec_type3(struct pm4_ctx *c, struct stream *s, const uint32_t *p, unsigned ndw)
{
	switch (F_GET(p[0], PM4_OPCODE)) {
	case PKT3_NOP:
		return EXEC_OK;
	case PKT3_SET_CONFIG_REG:
		return set_reg(c, s, p, ndw, PM4_CONFIG_REG_START, PM4_CONFIG_REG_END);
	case PKT3_SET_SH_REG:
	case PKT3_SET_SH_REG_INDEX:
		return set_reg(c, s, p, ndw, PM4_SH_REG_START, PM4_SH_REG_END);
	case PKT3_SET_CONTEXT_REG:
		return set_reg(c, s, p, ndw, PM4_CONTEXT_REG_START, PM4_CONTEXT_REG_END);
	case PKT3_SET_UCONFIG_REG:
	case PKT3_SET_UCONFIG_REG_INDEX:
		return set_reg(c, s, p, ndw, PM4_UCONFIG_REG_START, PM4_UCONFIG_REG_END);
	case PKT3_WRITE_DATA:
		return write_data(c, s, p, ndw);
	case PKT3_RELEASE_MEM:
		return release_mem(c, s, p, ndw);
	case PKT3_WAIT_REG_MEM:
		return wait_reg_mem(c, s, p, ndw);
	case PKT3_COPY_DATA:
		return copy_data(c, s, p, ndw);
	case PKT3_DMA_DATA:
		return dma_data(c, s, p, ndw);
	case PKT3_INDIRECT_BUFFER:
		return indirect_buffer(c, s, p, ndw);
	case PKT3_SET_BASE:
		return set_base(c, s, p, ndw);
	case PKT3_DISPATCH_DIRECT:
		return dispatch_direct(c, s, p, ndw);
	case PKT3_DISPATCH_INDIRECT:
		return dispatch_indirect(c, s, p, ndw);
	case PKT3_LOAD_SH_REG_INDEX:
		return load_sh_reg_index(c, s, p, ndw);
	case PKT3_EVENT_WRITE:
	case PKT3_ACQUIRE_MEM:
	case PKT3_CONTEXT_CONTROL:
	case PKT3_CLEAR_STATE:
	case PKT3_PFP_SYNC_ME:
		/* Caches and pipeline events: the model has neither. */
		return EXEC_OK;
	default:
		return bad_packet(c, s, p[0], "unknown or unmodelled PM4 opcode");
	}
}

/* Type-0: consecutive register writes from the header's base index. */
static enum exec_rc
exec_type0(struct pm4_ctx *c, const uint32_t *p, unsigned ndw)
{
	uint32_t reg = F_GET(p[0], PM4_TYPE0_REG);

	for (unsigned i = 1; i < ndw; i++)
		reg_write(c, reg + i - 1, p[i]);
	return EXEC_OK;
}

/* Dwords a packet occupies, header included; 0 for an invalid header. */
static unsigned
packet_dwords(uint32_t hdr)
{
	unsigned count = F_GET(hdr, PM4_COUNT);

	switch (F_GET(hdr, PM4_TYPE)) {
	case 0:
		return count + 2;
	case 2:
		return 1;
	case 3:
		if (F_GET(hdr, PM4_OPCODE) == PKT3_NOP && count == PM4_NOP_COUNT_HDR_ONLY)
			return 1;
		return count + 2;
	default:
		return 0;
	}
}

static void
report_rptr(struct pm4_ctx *c, const struct stream *s)
{
	struct pm4_queue *q = c->q;
	uint32_t r;

	q->rptr = s->pos & (q->size_dw - 1);
	r = (uint32_t)q->rptr;
	if (q->rptr_wb != 0)
		gmc_write(c->m, 0, q->rptr_wb, &r, 4, c->e->id);
}

static enum exec_rc
run_stream(struct pm4_ctx *c, struct stream *s)
{
	while (s->pos < s->end) {
		uint32_t hdr;
		unsigned ndw;
		enum exec_rc rc;

		if ((c->running != NULL && !c->running(c, c->q)) ||
		    atomic_load(&c->e->hung))
			return EXEC_STALL;	/* halted, dequeued or hung */
		if (fetch(c, s, s->pos, 1, &hdr) != 0)
			return hang(c, s, 0, "fetch from an unmapped address");
		ndw = packet_dwords(hdr);
		if (ndw == 0)
			return bad_packet(c, s, hdr, "type-1 packet");
		if (s->pos + ndw > s->end) {
			if (s->ring)
				return EXEC_STALL;	/* the rest is not committed */
			return bad_packet(c, s, hdr, "packet runs past the end of the IB");
		}
		if (F_GET(hdr, PM4_TYPE) == 2 || (F_GET(hdr, PM4_TYPE) == 3 &&
		    F_GET(hdr, PM4_OPCODE) == PKT3_NOP)) {
			rc = EXEC_OK;	/* skipped without reading the payload */
		} else if (fetch(c, s, s->pos, ndw, c->pkt) != 0) {
			return hang(c, s, hdr, "fetch from an unmapped address");
		} else if (F_GET(hdr, PM4_TYPE) == 0) {
			rc = exec_type0(c, c->pkt, ndw);
		} else {
			rc = exec_type3(c, s, c->pkt, ndw);
		}
		if (rc == EXEC_CHAIN)
			continue;
		if (rc != EXEC_OK)
			return rc;
		s->pos += ndw;
		atomic_fetch_add(&c->m->stats.pm4_packets, 1);
		if (s->ring)
			report_rptr(c, s);
	}
	return EXEC_OK;
}

unsigned
pm4_run(struct pm4_ctx *c, struct pm4_queue *q)
{
	struct stream s;
	uint64_t start = q->rptr;

	if (q->hung || q->size_dw == 0)
		return 0;
	memset(&s, 0, sizeof(s));
	s.base = q->base;
	s.size_dw = q->size_dw;
	s.ring = true;
	s.vmid = 0;
	s.pos = q->rptr;
	s.end = q->rptr + ((q->wptr - q->rptr) & (q->size_dw - 1));
	c->q = q;
	run_stream(c, &s);
	return (unsigned)(s.pos - start);
}

/*
 * The wave interpreter: the instruction loop, the scalar ALU (SOP1, SOP2,
 * SOPK, SOPC), program control (SOPP) and scalar memory (SMEM).  Vector
 * ALU is in valu.c, LDS and vector memory in vmem.c.
 *
 * Semantics: AMD "RDNA 2" ISA Reference Guide, ch. 4 (program flow),
 * ch. 5 (scalar ALU, SCC rules per opcode in §5.2-5.4 and ch. 12),
 * ch. 7 (scalar memory).
 */
#include <stdlib.h>
#include <time.h>

#include "interp.h"

static const char *const status_names[] = {
	[SHADER_RUNNING] = "running",
	[SHADER_ENDPGM] = "endpgm",
	[SHADER_BARRIER] = "barrier",
	[SHADER_ILLEGAL] = "illegal instruction",
	[SHADER_UNSUPPORTED] = "unsupported instruction",
	[SHADER_FAULT] = "memory fault",
	[SHADER_BAD_PC] = "bad pc",
	[SHADER_BUDGET] = "budget exhausted",
};

const char *
shader_status_name(enum shader_status s)
{
	if ((unsigned)s >= sizeof(status_names) / sizeof(status_names[0]))
		return "?";
	return status_names[s];
}

/*
 * A fresh wave: all registers zero, EXEC all ones for the wave size,
 * MODE with IEEE set and denormals kept (what RADV's COMPUTE_PGM_RSRC1
 * asks for; the CP will load the real value).  Returns 0 or -1.
 */
int
shader_wave_init(struct shader_wave *w, unsigned nlanes)
{
	memset(w, 0, sizeof(*w));
	if (nlanes != 32 && nlanes != 64)
		return -1;
	w->vgpr = calloc(SHADER_MAX_VGPRS, sizeof(*w->vgpr));
	if (w->vgpr == NULL)
		return -1;
	w->nlanes = nlanes;
	swrite64(w, OPR_EXEC_LO, lane_bits(w));
	w->mode = F_PREP(MODE_IEEE, 1) | F_PREP(MODE_FP_DENORM, 0xf);
	return 0;
}

void
shader_wave_fini(struct shader_wave *w)
{
	free(w->vgpr);
	w->vgpr = NULL;
}

void
wave_stop(struct shader_wave *w, const struct shader_inst *in,
    enum shader_status st)
{
	const struct shader_program *p = w->prog;
	unsigned k, dw = in->pc / 4;

	w->stop.status = st;
	w->stop.pc = in->pc;
	w->stop.ndw = in->ndw;
	w->stop.why = NULL;
	for (k = 0; k < 3; k++)
		w->stop.dw[k] = k < in->ndw && dw + k < p->ndw ?
		    p->code[dw + k] : 0;
}

void
wave_fault(struct shader_wave *w, const struct shader_inst *in, uint64_t va,
    bool write)
{
	wave_stop(w, in, SHADER_FAULT);
	w->stop.fault_va = va;
	w->stop.fault_write = write;
}

/* ---- scalar operands ---- */

uint32_t
sread32(const struct shader_wave *w, const struct shader_operand *o)
{
	switch (o->kind) {
	case OPK_SGPR:
		return o->reg == OPR_NULL ? 0 : w->sgpr[o->reg];
	case OPK_CONST:
		return (uint32_t)o->imm;
	case OPK_SCC:
		return w->scc;
	case OPK_VCCZ:
		return vcc_mask(w) == 0;
	case OPK_EXECZ:
		return wave_exec(w) == 0;
	default:
		return 0;
	}
}

uint64_t
sread64(const struct shader_wave *w, const struct shader_operand *o)
{
	switch (o->kind) {
	case OPK_SGPR:
		return o->reg == OPR_NULL ? 0 : sreg64(w, o->reg);
	case OPK_CONST:
		return o->imm;
	default:
		return sread32(w, o);
	}
}

uint64_t
read_lm(const struct shader_wave *w, const struct shader_operand *o)
{
	return (w->nlanes == 64 ? sread64(w, o) : sread32(w, o)) &
	    lane_bits(w);
}

/* ---- SOP2 ---- */

static uint32_t
bfe32(uint32_t v, uint32_t ctl, bool sext)
{
	unsigned off = ctl & 31, wid = (ctl >> 16) & 0x7f;
	uint64_t f;

	if (wid == 0)
		return 0;
	if (wid > 32)
		wid = 32;
	f = ((uint64_t)v >> off) & ((1ull << wid) - 1);
	if (sext && wid < 32 && (f >> (wid - 1)) & 1)
		f |= ~0ull << wid;
	return (uint32_t)f;
}

static uint64_t
bfe64(uint64_t v, uint32_t ctl, bool sext)
{
	unsigned off = ctl & 63, wid = (ctl >> 16) & 0x7f;
	uint64_t f;

	if (wid == 0)
		return 0;
	if (wid > 64)
		wid = 64;
	f = v >> off;
	if (wid < 64) {
		f &= (1ull << wid) - 1;
		if (sext && (f >> (wid - 1)) & 1)
			f |= ~0ull << wid;
	}
	return f;
}

/* The 32-bit SOP2 opcodes; sets SCC where the ISA says so. */
static uint32_t
sop2_32(struct shader_wave *w, unsigned op, uint32_t a, uint32_t b)
{
	uint64_t wide;
	int64_t s;

	switch (op) {
	case ISA_OP_S_ADD_U32:
		wide = (uint64_t)a + b;
		w->scc = wide >> 32;
		return (uint32_t)wide;
	case ISA_OP_S_SUB_U32:
		w->scc = b > a;
		return a - b;
	case ISA_OP_S_ADD_I32:
		s = (int64_t)(int32_t)a + (int32_t)b;
		w->scc = s != (int32_t)s;
		return (uint32_t)s;
	case ISA_OP_S_SUB_I32:
		s = (int64_t)(int32_t)a - (int32_t)b;
		w->scc = s != (int32_t)s;
		return (uint32_t)s;
	case ISA_OP_S_ADDC_U32:
		wide = (uint64_t)a + b + w->scc;
		w->scc = wide >> 32;
		return (uint32_t)wide;
	case ISA_OP_S_SUBB_U32:
		wide = (uint64_t)a - b - w->scc;
		w->scc = (uint64_t)b + w->scc > a;
		return (uint32_t)wide;
	case ISA_OP_S_MIN_I32:
		w->scc = (int32_t)a < (int32_t)b;
		return w->scc ? a : b;
	case ISA_OP_S_MIN_U32:
		w->scc = a < b;
		return w->scc ? a : b;
	case ISA_OP_S_MAX_I32:
		w->scc = (int32_t)a > (int32_t)b;
		return w->scc ? a : b;
	case ISA_OP_S_MAX_U32:
		w->scc = a > b;
		return w->scc ? a : b;
	case ISA_OP_S_CSELECT_B32:
		return w->scc ? a : b;
	case ISA_OP_S_BFM_B32:
		return (uint32_t)(((1ull << (a & 31)) - 1) << (b & 31));
	case ISA_OP_S_MUL_I32:
		return a * b;
	case ISA_OP_S_MUL_HI_U32:
		return (uint32_t)(((uint64_t)a * b) >> 32);
	case ISA_OP_S_MUL_HI_I32:
		return (uint32_t)((uint64_t)((int64_t)(int32_t)a *
		    (int32_t)b) >> 32);
	case ISA_OP_S_PACK_LL_B32_B16:
		return (a & 0xffff) | b << 16;
	case ISA_OP_S_PACK_LH_B32_B16:
		return (a & 0xffff) | (b & 0xffff0000u);
	case ISA_OP_S_PACK_HH_B32_B16:
		return a >> 16 | (b & 0xffff0000u);
	}
	return 0;
}

/* SOP2 opcodes whose result also sets SCC = (result != 0), 32 bits. */
static uint32_t
sop2_logic32(unsigned op, uint32_t a, uint32_t b, bool *done)
{
	*done = true;
	switch (op) {
	case ISA_OP_S_AND_B32:	return a & b;
	case ISA_OP_S_OR_B32:	return a | b;
	case ISA_OP_S_XOR_B32:	return a ^ b;
	case ISA_OP_S_ANDN2_B32: return a & ~b;
	case ISA_OP_S_ORN2_B32:	return a | ~b;
	case ISA_OP_S_NAND_B32:	return ~(a & b);
	case ISA_OP_S_NOR_B32:	return ~(a | b);
	case ISA_OP_S_XNOR_B32:	return ~(a ^ b);
	case ISA_OP_S_LSHL_B32:	return a << (b & 31);
	case ISA_OP_S_LSHR_B32:	return a >> (b & 31);
	case ISA_OP_S_ASHR_I32:	return (uint32_t)((int32_t)a >> (b & 31));
	case ISA_OP_S_BFE_U32:	return bfe32(a, b, false);
	case ISA_OP_S_BFE_I32:	return bfe32(a, b, true);
	case ISA_OP_S_ABSDIFF_I32: {
		int64_t d = (int64_t)(int32_t)a - (int32_t)b;
		return (uint32_t)(d < 0 ? -d : d);
	}
	case ISA_OP_S_LSHL1_ADD_U32:
	case ISA_OP_S_LSHL2_ADD_U32:
	case ISA_OP_S_LSHL3_ADD_U32:
	case ISA_OP_S_LSHL4_ADD_U32:
		break;		/* SCC = carry, see exec_sop2 */
	}
	*done = false;
	return 0;
}

static uint64_t
sop2_64(unsigned op, uint64_t a, uint64_t b)
{
	switch (op) {
	case ISA_OP_S_AND_B64:	return a & b;
	case ISA_OP_S_OR_B64:	return a | b;
	case ISA_OP_S_XOR_B64:	return a ^ b;
	case ISA_OP_S_ANDN2_B64: return a & ~b;
	case ISA_OP_S_ORN2_B64:	return a | ~b;
	case ISA_OP_S_NAND_B64:	return ~(a & b);
	case ISA_OP_S_NOR_B64:	return ~(a | b);
	case ISA_OP_S_XNOR_B64:	return ~(a ^ b);
	case ISA_OP_S_LSHL_B64:	return a << (b & 63);
	case ISA_OP_S_LSHR_B64:	return a >> (b & 63);
	case ISA_OP_S_ASHR_I64:	return (uint64_t)((int64_t)a >> (b & 63));
	case ISA_OP_S_BFE_U64:	return bfe64(a, (uint32_t)b, false);
	case ISA_OP_S_BFE_I64:	return bfe64(a, (uint32_t)b, true);
	}
	return 0;
}

static void
exec_sop2(struct shader_wave *w, const struct shader_inst *in)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	unsigned sh;
	uint64_t a, b, r;
	uint32_t r32;
	bool done;

	if (in->op == ISA_OP_S_BFM_B64) {	/* SCC unchanged */
		a = sread32(w, &in->src[0]) & 63;
		b = sread32(w, &in->src[1]) & 63;
		r = a == 0 ? 0 : (~0ull >> (64 - a)) << b;
		swrite64(w, in->dst.reg, r);
		return;
	}
	if (in->op == ISA_OP_S_CSELECT_B64) {
		a = sread64(w, &in->src[0]);
		b = sread64(w, &in->src[1]);
		swrite64(w, in->dst.reg, w->scc ? a : b);
		return;
	}
	if (i->dst == T_B64) {
		a = sread64(w, &in->src[0]);
		b = i->src[1] == T_B64 ? sread64(w, &in->src[1]) :
		    sread32(w, &in->src[1]);
		r = sop2_64(in->op, a, b);
		w->scc = r != 0;
		swrite64(w, in->dst.reg, r);
		return;
	}
	a = sread32(w, &in->src[0]);
	b = sread32(w, &in->src[1]);
	r32 = sop2_logic32(in->op, (uint32_t)a, (uint32_t)b, &done);
	if (done) {
		w->scc = r32 != 0;
	} else if (in->op >= ISA_OP_S_LSHL1_ADD_U32 &&
	    in->op <= ISA_OP_S_LSHL4_ADD_U32) {
		sh = in->op - ISA_OP_S_LSHL1_ADD_U32 + 1;
		r = (a << sh) + b;
		w->scc = r >> 32 != 0;
		r32 = (uint32_t)r;
	} else {
		r32 = sop2_32(w, in->op, (uint32_t)a, (uint32_t)b);
	}
	swrite32(w, in->dst.reg, r32);
}

/* ---- SOPK ---- */

static void
exec_sopk(struct shader_wave *w, const struct shader_inst *in)
{
	uint32_t d = w->sgpr[in->dst.reg];
	int32_t k = in->offset;		/* sign-extended SIMM16 */
	uint32_t uk = (uint16_t)k;
	int64_t s;

	switch (in->op) {
	case ISA_OP_S_MOVK_I32:	swrite32(w, in->dst.reg, (uint32_t)k); return;
	case ISA_OP_S_CMOVK_I32:
		if (w->scc)
			swrite32(w, in->dst.reg, (uint32_t)k);
		return;
	case ISA_OP_S_CMPK_EQ_I32: w->scc = (int32_t)d == k; return;
	case ISA_OP_S_CMPK_LG_I32: w->scc = (int32_t)d != k; return;
	case ISA_OP_S_CMPK_GT_I32: w->scc = (int32_t)d > k; return;
	case ISA_OP_S_CMPK_GE_I32: w->scc = (int32_t)d >= k; return;
	case ISA_OP_S_CMPK_LT_I32: w->scc = (int32_t)d < k; return;
	case ISA_OP_S_CMPK_LE_I32: w->scc = (int32_t)d <= k; return;
	case ISA_OP_S_CMPK_EQ_U32: w->scc = d == uk; return;
	case ISA_OP_S_CMPK_LG_U32: w->scc = d != uk; return;
	case ISA_OP_S_CMPK_GT_U32: w->scc = d > uk; return;
	case ISA_OP_S_CMPK_GE_U32: w->scc = d >= uk; return;
	case ISA_OP_S_CMPK_LT_U32: w->scc = d < uk; return;
	case ISA_OP_S_CMPK_LE_U32: w->scc = d <= uk; return;
	case ISA_OP_S_ADDK_I32:
		s = (int64_t)(int32_t)d + k;
		w->scc = s != (int32_t)s;
		swrite32(w, in->dst.reg, (uint32_t)s);
		return;
	case ISA_OP_S_MULK_I32:
		swrite32(w, in->dst.reg, d * (uint32_t)k);
		return;
	case ISA_OP_S_GETREG_B32:
	case ISA_OP_S_SETREG_B32:
	case ISA_OP_S_SETREG_IMM32_B32:
		exec_hwreg(w, in);
		return;
	case ISA_OP_S_CALL_B64:		/* D = return address; jump */
		swrite64(w, in->dst.reg, w->prog->va + in->pc + 4);
		if (in->target < 0)
			wave_stop(w, in, SHADER_BAD_PC);
		else
			w->next = (uint32_t)in->target;
		return;
	case ISA_OP_S_VERSION:		/* a hint for the assembler */
	case ISA_OP_S_WAITCNT_VSCNT:	/* memory is synchronous */
	case ISA_OP_S_WAITCNT_VMCNT:
	case ISA_OP_S_WAITCNT_EXPCNT:
	case ISA_OP_S_WAITCNT_LGKMCNT:
		return;
	}
	wave_stop(w, in, SHADER_UNSUPPORTED);
}

/* ---- SOP1 ---- */

static uint64_t
wqm(uint64_t v, unsigned bits)
{
	uint64_t r = 0;
	unsigned q;

	for (q = 0; q < bits; q += 4)
		if ((v >> q) & 0xf)
			r |= 0xfull << q;
	return r;
}

static uint64_t
quadmask(uint64_t v, unsigned bits)
{
	uint64_t r = 0;
	unsigned q;

	for (q = 0; q < bits; q += 4)
		if ((v >> q) & 0xf)
			r |= 1ull << (q / 4);
	return r;
}

static uint64_t
brev(uint64_t v, unsigned bits)
{
	uint64_t r = 0;
	unsigned k;

	for (k = 0; k < bits; k++)
		r |= ((v >> k) & 1) << (bits - 1 - k);
	return r;
}

/* First set bit from the LSB, -1 when none. */
static uint32_t
ff1(uint64_t v)
{
	return v == 0 ? ~0u : (uint32_t)__builtin_ctzll(v);
}

/* Leading bits from the MSB of a `bits`-wide value, -1 when none set. */
static uint32_t
flbit(uint64_t v, unsigned bits)
{
	return v == 0 ? ~0u : (uint32_t)(__builtin_clzll(v) - (64 - bits));
}

/* The saveexec family: returns the new EXEC from S0 and the old EXEC. */
static bool
saveexec_op(unsigned op, uint64_t s, uint64_t e, uint64_t *out, bool *wrexec)
{
	*wrexec = false;
	switch (op) {
	case ISA_OP_S_AND_SAVEEXEC_B64: case ISA_OP_S_AND_SAVEEXEC_B32:
		*out = s & e; return true;
	case ISA_OP_S_OR_SAVEEXEC_B64: case ISA_OP_S_OR_SAVEEXEC_B32:
		*out = s | e; return true;
	case ISA_OP_S_XOR_SAVEEXEC_B64: case ISA_OP_S_XOR_SAVEEXEC_B32:
		*out = s ^ e; return true;
	case ISA_OP_S_ANDN2_SAVEEXEC_B64: case ISA_OP_S_ANDN2_SAVEEXEC_B32:
		*out = s & ~e; return true;
	case ISA_OP_S_ORN2_SAVEEXEC_B64: case ISA_OP_S_ORN2_SAVEEXEC_B32:
		*out = s | ~e; return true;
	case ISA_OP_S_NAND_SAVEEXEC_B64: case ISA_OP_S_NAND_SAVEEXEC_B32:
		*out = ~(s & e); return true;
	case ISA_OP_S_NOR_SAVEEXEC_B64: case ISA_OP_S_NOR_SAVEEXEC_B32:
		*out = ~(s | e); return true;
	case ISA_OP_S_XNOR_SAVEEXEC_B64: case ISA_OP_S_XNOR_SAVEEXEC_B32:
		*out = ~(s ^ e); return true;
	case ISA_OP_S_ANDN1_SAVEEXEC_B64: case ISA_OP_S_ANDN1_SAVEEXEC_B32:
		*out = ~s & e; return true;
	case ISA_OP_S_ORN1_SAVEEXEC_B64: case ISA_OP_S_ORN1_SAVEEXEC_B32:
		*out = ~s | e; return true;
	case ISA_OP_S_ANDN1_WREXEC_B64: case ISA_OP_S_ANDN1_WREXEC_B32:
		*wrexec = true; *out = ~s & e; return true;
	case ISA_OP_S_ANDN2_WREXEC_B64: case ISA_OP_S_ANDN2_WREXEC_B32:
		*wrexec = true; *out = s & ~e; return true;
	}
	return false;
}

/*
 * s_*_saveexec_b32/b64: D = old EXEC; EXEC = f(S0, EXEC); SCC = EXEC != 0.
 * The *_wrexec forms write the new EXEC to D as well (ISA guide §5.3).
 */
static bool
exec_saveexec(struct shader_wave *w, const struct shader_inst *in)
{
	bool b64 = isa_ops[in->op].dst == T_B64, wrexec;
	uint64_t old = b64 ? sreg64(w, OPR_EXEC_LO) : w->sgpr[OPR_EXEC_LO];
	uint64_t s = b64 ? sread64(w, &in->src[0]) : sread32(w, &in->src[0]);
	uint64_t nw;

	if (!saveexec_op(in->op, s, old, &nw, &wrexec))
		return false;
	if (!b64)
		nw &= 0xffffffffu;
	if (b64)
		swrite64(w, OPR_EXEC_LO, nw);
	else
		swrite32(w, OPR_EXEC_LO, (uint32_t)nw);
	w->scc = nw != 0;
	if (b64)
		swrite64(w, in->dst.reg, wrexec ? nw : old);
	else
		swrite32(w, in->dst.reg, (uint32_t)(wrexec ? nw : old));
	return true;
}

/* s_setpc / s_swappc: jump to a GPU address inside this shader. */
static void
jump_va(struct shader_wave *w, const struct shader_inst *in, uint64_t va)
{
	const struct shader_program *p = w->prog;
	uint64_t off = va - p->va;

	if (va < p->va || (off & 3) || off / 4 >= p->ndw ||
	    p->index_of_dw[off / 4] < 0) {
		wave_stop(w, in, SHADER_BAD_PC);
		return;
	}
	w->next = (uint32_t)p->index_of_dw[off / 4];
}

static bool
exec_sop1_64(struct shader_wave *w, const struct shader_inst *in)
{
	uint64_t s = sread64(w, &in->src[0]), r;
	uint64_t next_va = w->prog->va + in->pc + 4;

	switch (in->op) {
	case ISA_OP_S_MOV_B64:	r = s; break;
	case ISA_OP_S_CMOV_B64:
		if (w->scc)
			swrite64(w, in->dst.reg, s);
		return true;
	case ISA_OP_S_NOT_B64:	r = ~s; w->scc = r != 0; break;
	case ISA_OP_S_WQM_B64:	r = wqm(s, 64); w->scc = r != 0; break;
	case ISA_OP_S_BREV_B64:	r = brev(s, 64); break;
	case ISA_OP_S_QUADMASK_B64: r = quadmask(s, 64); w->scc = r != 0; break;
	case ISA_OP_S_GETPC_B64: r = next_va; break;
	case ISA_OP_S_SETPC_B64: jump_va(w, in, s); return true;
	case ISA_OP_S_SWAPPC_B64:
		swrite64(w, in->dst.reg, next_va);
		jump_va(w, in, s);
		return true;
	default:
		return false;
	}
	swrite64(w, in->dst.reg, r);
	return true;
}

static uint32_t
sop1_src64_to32(struct shader_wave *w, unsigned op, uint64_t s)
{
	uint32_t r;

	switch (op) {
	case ISA_OP_S_BCNT0_I32_B64: r = 64 - __builtin_popcountll(s); break;
	case ISA_OP_S_BCNT1_I32_B64: r = __builtin_popcountll(s); break;
	case ISA_OP_S_FF0_I32_B64: return ff1(~s);
	case ISA_OP_S_FF1_I32_B64: return ff1(s);
	case ISA_OP_S_FLBIT_I32_B64: return flbit(s, 64);
	default:	/* S_FLBIT_I32_I64 */
		return flbit(s ^ (uint64_t)((int64_t)s >> 63), 64);
	}
	w->scc = r != 0;
	return r;
}

static bool
exec_sop1_32(struct shader_wave *w, const struct shader_inst *in)
{
	uint32_t s = sread32(w, &in->src[0]), r;

	switch (in->op) {
	case ISA_OP_S_MOV_B32:	r = s; break;
	case ISA_OP_S_CMOV_B32:
		if (w->scc)
			swrite32(w, in->dst.reg, s);
		return true;
	case ISA_OP_S_NOT_B32:	r = ~s; w->scc = r != 0; break;
	case ISA_OP_S_WQM_B32:	r = (uint32_t)wqm(s, 32); w->scc = r != 0; break;
	case ISA_OP_S_BREV_B32:	r = (uint32_t)brev(s, 32); break;
	case ISA_OP_S_BCNT0_I32_B32: r = 32 - __builtin_popcount(s); w->scc = r != 0; break;
	case ISA_OP_S_BCNT1_I32_B32: r = __builtin_popcount(s); w->scc = r != 0; break;
	case ISA_OP_S_FF0_I32_B32: r = ff1(~s & 0xffffffffull); break;
	case ISA_OP_S_FF1_I32_B32: r = ff1(s); break;
	case ISA_OP_S_FLBIT_I32_B32: r = flbit(s, 32); break;
	case ISA_OP_S_FLBIT_I32: r = flbit(s ^ (uint32_t)((int32_t)s >> 31), 32); break;
	case ISA_OP_S_SEXT_I32_I8: r = (uint32_t)(int8_t)s; break;
	case ISA_OP_S_SEXT_I32_I16: r = (uint32_t)(int16_t)s; break;
	case ISA_OP_S_BITSET0_B32: r = w->sgpr[in->dst.reg] & ~(1u << (s & 31)); break;
	case ISA_OP_S_BITSET1_B32: r = w->sgpr[in->dst.reg] | 1u << (s & 31); break;
	case ISA_OP_S_QUADMASK_B32: r = (uint32_t)quadmask(s, 32); w->scc = r != 0; break;
	case ISA_OP_S_ABS_I32:
		r = (int32_t)s < 0 ? 0u - s : s;
		w->scc = r != 0;
		break;
	default:
		return false;
	}
	swrite32(w, in->dst.reg, r);
	return true;
}

static void
exec_sop1(struct shader_wave *w, const struct shader_inst *in)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	uint64_t d, s;
	unsigned k;

	if (exec_saveexec(w, in) || exec_sop1_32(w, in) ||
	    exec_sop1_64(w, in) || exec_s_movrel(w, in))
		return;
	if (i->dst == T_B32 && i->src[0] == T_B64) {
		swrite32(w, in->dst.reg, sop1_src64_to32(w, in->op,
		    sread64(w, &in->src[0])));
		return;
	}
	s = sread32(w, &in->src[0]);
	d = sreg64(w, in->dst.reg);
	switch (in->op) {
	case ISA_OP_S_BITSET0_B64: d &= ~(1ull << (s & 63)); break;
	case ISA_OP_S_BITSET1_B64: d |= 1ull << (s & 63); break;
	case ISA_OP_S_BITREPLICATE_B64_B32:
		for (d = 0, k = 0; k < 32; k++)
			d |= ((s >> k) & 1) * (3ull << (2 * k));
		break;
	default:
		wave_stop(w, in, SHADER_UNSUPPORTED);
		return;
	}
	swrite64(w, in->dst.reg, d);
}

/* ---- SOPC ---- */

static void
exec_sopc(struct shader_wave *w, const struct shader_inst *in)
{
	uint64_t a64 = sread64(w, &in->src[0]), b64 = sread64(w, &in->src[1]);
	uint32_t a = sread32(w, &in->src[0]), b = sread32(w, &in->src[1]);
	int32_t sa = (int32_t)a, sb = (int32_t)b;

	switch (in->op) {
	case ISA_OP_S_CMP_EQ_I32: w->scc = sa == sb; break;
	case ISA_OP_S_CMP_LG_I32: w->scc = sa != sb; break;
	case ISA_OP_S_CMP_GT_I32: w->scc = sa > sb; break;
	case ISA_OP_S_CMP_GE_I32: w->scc = sa >= sb; break;
	case ISA_OP_S_CMP_LT_I32: w->scc = sa < sb; break;
	case ISA_OP_S_CMP_LE_I32: w->scc = sa <= sb; break;
	case ISA_OP_S_CMP_EQ_U32: w->scc = a == b; break;
	case ISA_OP_S_CMP_LG_U32: w->scc = a != b; break;
	case ISA_OP_S_CMP_GT_U32: w->scc = a > b; break;
	case ISA_OP_S_CMP_GE_U32: w->scc = a >= b; break;
	case ISA_OP_S_CMP_LT_U32: w->scc = a < b; break;
	case ISA_OP_S_CMP_LE_U32: w->scc = a <= b; break;
	case ISA_OP_S_BITCMP0_B32: w->scc = !((a >> (b & 31)) & 1); break;
	case ISA_OP_S_BITCMP1_B32: w->scc = (a >> (b & 31)) & 1; break;
	case ISA_OP_S_BITCMP0_B64: w->scc = !((a64 >> (b & 63)) & 1); break;
	case ISA_OP_S_BITCMP1_B64: w->scc = (a64 >> (b & 63)) & 1; break;
	case ISA_OP_S_CMP_EQ_U64: w->scc = a64 == b64; break;
	case ISA_OP_S_CMP_LG_U64: w->scc = a64 != b64; break;
	default: wave_stop(w, in, SHADER_UNSUPPORTED); break;
	}
}

/* ---- SOPP ---- */

static void
branch_if(struct shader_wave *w, const struct shader_inst *in, bool taken)
{
	if (!taken)
		return;
	if (in->target < 0)
		wave_stop(w, in, SHADER_BAD_PC);
	else
		w->next = (uint32_t)in->target;
}

static void
exec_sopp(struct shader_wave *w, const struct shader_inst *in)
{
	switch (in->op) {
	case ISA_OP_S_ENDPGM:
	case ISA_OP_S_ENDPGM_SAVED:
		wave_stop(w, in, SHADER_ENDPGM);
		return;
	case ISA_OP_S_BRANCH:	branch_if(w, in, true); return;
	case ISA_OP_S_CBRANCH_SCC0: branch_if(w, in, !w->scc); return;
	case ISA_OP_S_CBRANCH_SCC1: branch_if(w, in, w->scc); return;
	case ISA_OP_S_CBRANCH_VCCZ: branch_if(w, in, vcc_mask(w) == 0); return;
	case ISA_OP_S_CBRANCH_VCCNZ: branch_if(w, in, vcc_mask(w) != 0); return;
	case ISA_OP_S_CBRANCH_EXECZ: branch_if(w, in, wave_exec(w) == 0); return;
	case ISA_OP_S_CBRANCH_EXECNZ: branch_if(w, in, wave_exec(w) != 0); return;
	case ISA_OP_S_BARRIER:
		if (w->barrier != NULL && !w->barrier(w->barrier_ctx, w))
			wave_stop(w, in, SHADER_BARRIER);
		return;
	case ISA_OP_S_ROUND_MODE:
		w->mode = F_SET(w->mode, MODE_FP_ROUND, in->offset & 0xf);
		return;
	case ISA_OP_S_DENORM_MODE:
		w->mode = F_SET(w->mode, MODE_FP_DENORM, in->offset & 0xf);
		return;
	case ISA_OP_S_CODE_END:		/* padding: reaching it is a bug */
		wave_stop(w, in, SHADER_ILLEGAL);
		return;
	case ISA_OP_S_TRAP:		/* no trap handler in the model yet */
	case ISA_OP_S_SETHALT:
		wave_stop(w, in, SHADER_UNSUPPORTED);
		return;
	}
	/* s_nop, s_waitcnt*, s_sleep, s_setprio, s_sendmsg, s_clause, ...:
	 * memory completes synchronously here, so waiting is a no-op. */
}

/* ---- SMEM ---- */

static uint64_t
smem_clock(unsigned op, const struct shader_wave *w)
{
	struct timespec ts;

	if (op == ISA_OP_S_MEMTIME)
		return w->executed;	/* a shader-clock stand-in */
	/* s_memrealtime: the 100 MHz REFCLK (ISA guide §7.4) */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 100000000ull + (uint64_t)ts.tv_nsec / 10;
}

/*
 * s_buffer_load_dword*: the base and NUM_RECORDS come from the V# in
 * SBASE..SBASE+3; dwords at or past NUM_RECORDS (bytes, stride 0)
 * read as zero (ISA guide §7.2 "S_BUFFER_LOAD_DWORD ... range checking").
 */
static void
smem_buffer(struct shader_wave *w, const struct shader_inst *in,
    uint32_t off, unsigned n)
{
	const uint32_t *v = &w->sgpr[in->src[0].reg];
	uint64_t base = v[0] | (uint64_t)F_GET(v[1], VBUF1_BASE_HI) << 32;
	uint32_t stride = F_GET(v[1], VBUF1_STRIDE);
	uint64_t limit = stride ? (uint64_t)v[2] * stride : v[2];
	uint32_t val;
	unsigned k;

	for (k = 0; k < n; k++) {
		uint64_t o = (uint64_t)off + 4 * k;

		val = 0;
		if (o + 4 <= limit &&
		    w->mem->read(w->mem_ctx, base + o, &val, 4) != 0) {
			wave_fault(w, in, base + o, false);
			return;
		}
		swrite32(w, in->dst.reg + k, val);
	}
}

static void
exec_smem(struct shader_wave *w, const struct shader_inst *in)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	uint32_t off = (uint32_t)in->offset, buf[16];
	uint64_t va;
	unsigned n = i->src[0], k;

	if (i->dst == T_B64 && n == 0) {
		swrite64(w, in->dst.reg, smem_clock(in->op, w));
		return;
	}
	if (n == 0)
		return;			/* cache invalidations */
	if (in->src[1].kind != OPK_NONE)
		off += sread32(w, &in->src[1]);
	off &= ~3u;			/* dword aligned: low bits ignored */
	if (i->flags & F_SBUF) {
		smem_buffer(w, in, off, n);
		return;
	}
	va = (sreg64(w, in->src[0].reg) & 0xffffffffffffull) + off;
	va &= ~3ull;
	if (w->mem->read(w->mem_ctx, va, buf, 4 * n) != 0) {
		wave_fault(w, in, va, false);
		return;
	}
	for (k = 0; k < n; k++)
		swrite32(w, in->dst.reg + k, buf[k]);
}

/* ---- the loop ---- */

static void
exec_one(struct shader_wave *w, const struct shader_inst *in)
{
	switch (in->fmt) {
	case FMT_SOP2:	exec_sop2(w, in); break;
	case FMT_SOPK:	exec_sopk(w, in); break;
	case FMT_SOP1:	exec_sop1(w, in); break;
	case FMT_SOPC:	exec_sopc(w, in); break;
	case FMT_SOPP:	exec_sopp(w, in); break;
	case FMT_SMEM:	exec_smem(w, in); break;
	case FMT_VOP1:
	case FMT_VOP2:
	case FMT_VOPC:
	case FMT_VOP3:
	case FMT_VOP3P:	exec_valu(w, in); break;
	case FMT_DS:	exec_ds(w, in); break;
	case FMT_MUBUF:	exec_mubuf(w, in); break;
	case FMT_GLOBAL:
	case FMT_FLAT:	exec_flat(w, in); break;
	case FMT_SCRATCH:	exec_scratch(w, in); break;
	case FMT_MTBUF:	exec_mtbuf(w, in); break;
	case FMT_MIMG:	exec_mimg(w, in); break;
	default:
		wave_stop(w, in, SHADER_ILLEGAL);
		break;
	}
}

/*
 * Run wave w on program p from w->next until it stops or `budget`
 * instructions ran.  A wave stopped at a barrier (SHADER_BARRIER)
 * resumes after it on the next call.  Returns w->stop.status.
 */
enum shader_status
shader_wave_run(struct shader_wave *w, const struct shader_program *p,
    uint64_t budget)
{
	const struct shader_inst *in;

	w->prog = p;
	w->stop.status = SHADER_RUNNING;
	w->sgpr[OPR_NULL] = 0;
	while (w->stop.status == SHADER_RUNNING) {
		if (w->next >= p->ninsts) {
			w->stop = (struct shader_stop){ .status = SHADER_BAD_PC,
			    .pc = (uint32_t)p->ndw * 4 };
			break;
		}
		in = &p->insts[w->next];
		if (budget-- == 0) {
			wave_stop(w, in, SHADER_BUDGET);
			break;
		}
		w->next++;
		w->executed++;
		exec_one(w, in);
	}
	return w->stop.status;
}

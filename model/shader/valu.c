/*
 * Vector ALU: VOP1, VOP2, VOPC, VOP3, VOP3P with DPP16, DPP8 and SDWA.
 *
 * Each instruction runs in three steps over all 64 lanes: gather the
 * sources into lane arrays (applying DPP, SDWA, opsel, abs/neg and
 * denormal flushing), compute the result for every lane in a loop with
 * no branches on EXEC (vectorisable), then blend the result into the
 * destination under the write mask (EXEC, DPP row/bank masks).  Lanes
 * beyond the wave size are computed and never written.
 *
 * Semantics: AMD "RDNA 2" ISA Reference Guide ch. 6 (VALU, §6.2 input
 * modifiers, §6.3 output modifiers, §6.4 VOPC, §6.2.3 DPP/SDWA) and
 * the per-opcode descriptions in ch. 12.
 */
#include <math.h>

#include "interp.h"
#include "valu.h"

bool
is_snan32(uint32_t u)
{
	return (u & 0x7f800000u) == 0x7f800000u && (u & 0x7fffff) &&
	    !(u & 0x400000);
}

bool
is_snan64(uint64_t u)
{
	return (u & 0x7ff0000000000000ull) == 0x7ff0000000000000ull &&
	    (u & 0xfffffffffffffull) && !(u & 0x8000000000000ull);
}

/*
 * min/max (ISA guide ch. 12 V_MIN_F32): in IEEE mode a signalling NaN
 * input gives a quiet NaN, otherwise a NaN input gives the other operand
 * (IEEE 754-2008 minNum); outside IEEE mode every NaN acts quiet.  The
 * guide leaves min(-0, +0) open; we order -0 below +0.
 */
uint32_t
fminmax32(uint32_t a, uint32_t b, bool max, bool ieee)
{
	float fa = u2f(a), fb = u2f(b);

	if (ieee && (is_snan32(a) || is_snan32(b)))
		return (is_snan32(a) ? a : b) | 0x400000;
	if (isnan(fa))
		return b;
	if (isnan(fb))
		return a;
	if (fa == fb)
		return max ? (a & b) : (a | b);	/* sign bit: -0 < +0 */
	return (fa < fb) != max ? a : b;
}

uint64_t
fminmax64(uint64_t a, uint64_t b, bool max, bool ieee)
{
	double fa = u2d(a), fb = u2d(b);

	if (ieee && (is_snan64(a) || is_snan64(b)))
		return (is_snan64(a) ? a : b) | 0x8000000000000ull;
	if (isnan(fa))
		return b;
	if (isnan(fb))
		return a;
	if (fa == fb)
		return max ? (a & b) : (a | b);
	return (fa < fb) != max ? a : b;
}

/* Float -> int conversions saturate; NaN gives 0 (ISA guide ch. 12). */
uint32_t
cvt_i32(double x)
{
	if (isnan(x))
		return 0;
	if (x <= -2147483648.0)
		return 0x80000000u;
	if (x >= 2147483647.0)
		return 0x7fffffffu;
	return (uint32_t)(int32_t)x;
}

uint32_t
cvt_u32(double x)
{
	if (isnan(x) || x <= 0)
		return 0;
	if (x >= 4294967295.0)
		return 0xffffffffu;
	return (uint32_t)x;
}

static inline uint32_t
flush32(uint32_t u)
{
	return (u & 0x7f800000u) == 0 ? (u & 0x80000000u) : u;
}

/* An f16 denormal in bits 15:0 becomes a zero of its sign. */
static inline uint32_t
flush16(uint32_t u)
{
	return (u & 0x7c00) == 0 ? (u & 0xffff8000u) : u;
}

/*
 * Without a compare: SSE2 has no 64-bit one, so the select kept the
 * lane loops scalar.  keep is 1 for a nonzero exponent e (e + 0x7ff
 * reaches bit 11 only then), and its negation keeps the whole value.
 */
static inline uint64_t
flush64(uint64_t u)
{
	uint64_t keep = (((u >> 52) & 0x7ff) + 0x7ff) >> 11;

	return u & ((0 - keep) | (1ull << 63));
}

/* v_cmp_class: bit 0 sNaN, 1 qNaN, 2 -inf, 3 -norm, 4 -denorm, 5 -0,
 * 6 +0, 7 +denorm, 8 +norm, 9 +inf (ISA guide V_CMP_CLASS_F32). */
static unsigned
fclass(double x, bool snan)
{
	bool neg = signbit(x);

	if (isnan(x))
		return snan ? 0 : 1;
	if (isinf(x))
		return neg ? 2 : 9;
	if (x == 0)
		return neg ? 5 : 6;
	if (fpclassify(x) == FP_SUBNORMAL)
		return neg ? 4 : 7;
	return neg ? 3 : 8;
}

static unsigned
fclass32(uint32_t u)
{
	float f = u2f(u);

	if (fpclassify(f) == FP_SUBNORMAL)
		return signbit(f) ? 4 : 7;
	return fclass(f, is_snan32(u));
}

/* ---- gathering sources ---- */

/* DPP16 source lane for lane l, or -1 when out of the row (§6.2.3). */
static int
dpp16_lane(unsigned ctl, int l)
{
	int row = l & ~15, in = l & 15, s;

	if (ctl <= DPP_QUAD_PERM_LAST)
		return (l & ~3) | ((ctl >> (2 * (l & 3))) & 3);
	if (ctl >= DPP_ROW_SHL_FIRST && ctl <= DPP_ROW_SHL_LAST) {
		s = in + (int)(ctl & 15);
		return s > 15 ? -1 : row + s;
	}
	if (ctl >= DPP_ROW_SHR_FIRST && ctl <= DPP_ROW_SHR_LAST) {
		s = in - (int)(ctl & 15);
		return s < 0 ? -1 : row + s;
	}
	if (ctl >= DPP_ROW_ROR_FIRST && ctl <= DPP_ROW_ROR_LAST)
		return row + ((in - (int)(ctl & 15)) & 15);
	if (ctl == DPP_ROW_MIRROR)
		return row + 15 - in;
	if (ctl == DPP_ROW_HALF_MIRROR)
		return row + (in & 8) + 7 - (in & 7);
	if (ctl >= DPP_ROW_SHARE_FIRST && ctl <= DPP_ROW_SHARE_LAST)
		return row + (int)(ctl & 15);
	if (ctl >= DPP_ROW_XMASK_FIRST && ctl <= DPP_ROW_XMASK_LAST)
		return row + (in ^ (int)(ctl & 15));
	return -1;
}

/*
 * DPP: src0 lane l reads lane src(l).  A source lane outside the row,
 * or inactive without FI, reads 0 with BOUND_CTRL and disables the write
 * otherwise; row_mask/bank_mask disable writes of whole rows / banks.
 *
 * The source lanes come first, in a loop of their own (the control is
 * the same for every lane, so its branches are predicted), then the
 * read, with no branch on the lane's data: the old single loop was most
 * of gather in the subgroup workloads (perf).
 */
static void
apply_dpp(const struct shader_wave *w, const struct shader_inst *in,
    struct vlanes *v)
{
	const uint32_t *src = w->vgpr[in->src[0].reg];
	uint64_t ex = wave_exec(w), off = 0, m;
	bool fi = (in->mods & MOD_FI) != 0;
	int sl[NL], l, r, b;

	if (in->mods & MOD_DPP8)
		for (l = 0; l < NL; l++)
			sl[l] = (l & ~7) | (int)((in->dpp8 >> (3 * (l & 7))) & 7);
	else
		for (l = 0; l < NL; l++)
			sl[l] = dpp16_lane(in->dpp_ctrl, l);
	for (l = 0; l < NL; l++) {
		int s = sl[l] & (NL - 1);
		uint32_t ok = (uint32_t)(sl[l] >= 0) &
		    ((uint32_t)fi | (uint32_t)(ex >> s));

		ok &= 1;
		v->a[0][l] = src[s] & (0u - ok);
		off |= (uint64_t)(ok ^ 1) << l;
	}
	if (!(in->mods & (MOD_BOUND_CTRL | MOD_DPP8)))
		v->wmask &= ~off;
	if (!(in->mods & MOD_DPP16))
		return;
	for (r = 0; r < 4; r++)		/* rows of 16 lanes */
		if (!((in->row_mask >> r) & 1))
			v->wmask &= ~(0xffffull << (16 * r));
	for (b = 0; b < 4; b++) {	/* banks: lanes 4b..4b+3 of each row */
		m = 0x000f000f000f000full << (4 * b);
		if (!((in->bank_mask >> b) & 1))
			v->wmask &= ~m;
	}
}

/* SDWA source select: a byte or word, zero- or sign-extended. */
static uint32_t
sdwa_sel(uint32_t x, unsigned sel, bool sext)
{
	if (sel <= 3) {
		x = (x >> (8 * sel)) & 0xff;
		return sext ? (uint32_t)(int8_t)x : x;
	}
	if (sel == SDWA_SEL_WORD0 || sel == SDWA_SEL_WORD1) {
		x = (x >> (sel == SDWA_SEL_WORD1 ? 16 : 0)) & 0xffff;
		return sext ? (uint32_t)(int16_t)x : x;
	}
	return x;
}

static uint32_t
sign_bit(unsigned type)
{
	return type == T_F16 ? 0x8000u : 0x80000000u;
}

/* abs/neg input modifiers on floats, then f32 denormal flushing. */
static void
modifiers32(const struct shader_wave *w, const struct shader_inst *in,
    unsigned s, unsigned type, uint32_t *a)
{
	uint32_t sb = sign_bit(type);
	int l;

	if (type != T_F32 && type != T_F16)
		return;
	if ((in->abs >> s) & 1)
		for (l = 0; l < NL; l++)
			a[l] &= ~sb;
	if ((in->neg >> s) & 1)
		for (l = 0; l < NL; l++)
			a[l] ^= sb;
	if (type == T_F32 && !(w->mode & MODE_DENORM_F32_IN))
		for (l = 0; l < NL; l++)
			a[l] = flush32(a[l]);
	if (type == T_F16 && !(w->mode & MODE_DENORM_F64_IN))
		for (l = 0; l < NL; l++)
			a[l] = flush16(a[l]);
}

static void
gather32(const struct shader_wave *w, const struct shader_inst *in,
    unsigned s, unsigned type, struct vlanes *v)
{
	const struct shader_operand *o = &in->src[s];
	uint32_t *a = v->a[s], k;
	int l;

	if (s == 0 && (in->mods & (MOD_DPP16 | MOD_DPP8))) {
		apply_dpp(w, in, v);
	} else if (o->kind == OPK_VGPR) {
		memcpy(a, w->vgpr[o->reg], sizeof(v->a[s]));
	} else {
		k = sread32(w, o);
		for (l = 0; l < NL; l++)
			a[l] = k;
	}
	if ((in->mods & MOD_SDWA) && s < 2)
		for (l = 0; l < NL; l++)
			a[l] = sdwa_sel(a[l], in->sdwa_sel[s],
			    (in->sdwa_sext >> s) & 1);
	if ((type == T_F16 || type == T_B16) && ((in->opsel >> s) & 1) &&
	    isa_ops[in->op].fmt != FMT_VOP3P)
		for (l = 0; l < NL; l++)
			a[l] >>= 16;
	if (isa_ops[in->op].fmt != FMT_VOP3P)
		modifiers32(w, in, s, type, a);
}

static void
gather64(const struct shader_wave *w, const struct shader_inst *in,
    unsigned s, unsigned type, struct vlanes *v)
{
	const struct shader_operand *o = &in->src[s];
	uint64_t *q = v->q[s], k;
	int l;

	if (o->kind == OPK_VGPR) {
		/* The rows in locals: q might alias o and w as far as the
		 * compiler knows, which kept this loop scalar. */
		const uint32_t *lo = w->vgpr[o->reg], *hi = w->vgpr[o->reg + 1];

		for (l = 0; l < NL; l++)
			q[l] = lo[l] | (uint64_t)hi[l] << 32;
	} else {
		k = sread64(w, o);
		for (l = 0; l < NL; l++)
			q[l] = k;
	}
	if (type != T_F64)
		return;
	if ((in->abs >> s) & 1)
		for (l = 0; l < NL; l++)
			q[l] &= ~(1ull << 63);
	if ((in->neg >> s) & 1)
		for (l = 0; l < NL; l++)
			q[l] ^= 1ull << 63;
	if (!(w->mode & MODE_DENORM_F64_IN))
		for (l = 0; l < NL; l++)
			q[l] = flush64(q[l]);
}

/*
 * Lane l's bit of a lane mask, tested against lane_bit[l % 32] in the
 * mask's half, not shifted by the lane number: x86-64's baseline SSE2
 * has no per-lane variable shift, so (m >> l) & 1 stays a scalar loop;
 * a constant table vectorises (and + compare).
 */
static const uint32_t lane_bit[32] = {
#define BIT4(n)	1u << (n), 1u << ((n) + 1), 1u << ((n) + 2), 1u << ((n) + 3)
	BIT4(0), BIT4(4), BIT4(8), BIT4(12),
	BIT4(16), BIT4(20), BIT4(24), BIT4(28),
#undef BIT4
};

static void
gather_lm(const struct shader_wave *w, const struct shader_operand *o,
    uint32_t *bits)
{
	uint64_t m = read_lm(w, o);
	uint32_t lo = (uint32_t)m, hi = (uint32_t)(m >> 32);
	int l;

	for (l = 0; l < 32; l++)
		bits[l] = (lo & lane_bit[l]) != 0;
	for (l = 0; l < 32; l++)
		bits[32 + l] = (hi & lane_bit[l]) != 0;
}

static bool
is64(unsigned type)
{
	return type == T_B64 || type == T_F64;
}

static void
gather(const struct shader_wave *w, const struct shader_inst *in,
    struct vlanes *v)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	unsigned s;

	for (s = 0; s < 3; s++) {
		if (i->src[s] == T_N && !(s == 2 && (i->flags & F_MAC)))
			continue;
		if (i->src[s] == T_LM)
			gather_lm(w, &in->src[s], v->cin);
		else if (is64(i->src[s]))
			gather64(w, in, s, i->src[s], v);
		else
			gather32(w, in, s, i->src[s] == T_N ? i->dst : i->src[s], v);
	}
}

/* ---- computing ---- */


static float
fract32(float x)
{
	float r = x - floorf(x);

	return r < 0x1.fffffep-1f ? r : 0x1.fffffep-1f;
}

static double
fract64(double x)
{
	double r = x - floor(x);

	return r < 0x1.fffffffffffffp-1 ? r : 0x1.fffffffffffffp-1;
}

static uint32_t
frexp_exp32(float x)
{
	int e = 0;

	if (isnan(x) || isinf(x))
		return 0;
	frexpf(x, &e);
	return (uint32_t)e;
}

static float
frexp_mant32(float x)
{
	int e;

	return isnan(x) || isinf(x) ? x : frexpf(x, &e);
}

/* Legacy (DX9) multiply: 0 times anything, even inf or NaN, is 0. */
static float
mul_legacy(float a, float b)
{
	return a == 0 || b == 0 ? 0.0f : a * b;
}

static uint32_t
ffbh_i32(uint32_t x)
{
	uint32_t y = x ^ (uint32_t)((int32_t)x >> 31);

	return y == 0 ? ~0u : (uint32_t)__builtin_clz(y);
}

/* v_perm_b32 byte select over {S0, S1} (ISA guide V_PERM_B32). */
static uint32_t
perm_b32(uint32_t s0, uint32_t s1, uint32_t sel)
{
	uint64_t data = (uint64_t)s0 << 32 | s1;
	uint32_t r = 0, b, k, byte;

	for (k = 0; k < 4; k++) {
		b = (sel >> (8 * k)) & 0xff;
		if (b < 8)
			byte = (data >> (8 * b)) & 0xff;
		else if (b < 12)
			byte = (data >> (8 * (2 * (b - 8) + 1) + 7)) & 1 ? 0xff : 0;
		else if (b == 12)
			byte = 0;
		else
			byte = 0xff;
		r |= byte << (8 * k);
	}
	return r;
}

static uint32_t
bfe_v(uint32_t x, uint32_t off, uint32_t wid, bool sext)
{
	uint64_t f;

	off &= 31;
	wid &= 31;
	if (wid == 0)
		return 0;
	f = ((uint64_t)x >> off) & ((1ull << wid) - 1);
	if (sext && (f >> (wid - 1)) & 1)
		f |= ~0ull << wid;
	return (uint32_t)f;
}

static uint32_t
med3_u(uint32_t a, uint32_t b, uint32_t c)
{
	uint32_t lo = a < b ? a : b, hi = a < b ? b : a;

	return c < lo ? lo : c > hi ? hi : c;
}

static int32_t
med3_i(int32_t a, int32_t b, int32_t c)
{
	int32_t lo = a < b ? a : b, hi = a < b ? b : a;

	return c < lo ? lo : c > hi ? hi : c;
}

uint32_t
med3_f(uint32_t a, uint32_t b, uint32_t c, bool ieee)
{
	uint32_t lo = fminmax32(a, b, false, ieee);
	uint32_t hi = fminmax32(a, b, true, ieee);

	return fminmax32(lo, fminmax32(hi, c, false, ieee), true, ieee);
}

/* 32-bit float opcodes; returns false when the opcode is not here. */
static bool
compute_f32(const struct shader_wave *w, unsigned op, struct vlanes *v)
{
	bool ieee = F_GET(w->mode, MODE_IEEE);

	switch (op) {
	case ISA_OP_V_ADD_F32: LANES(R = f2u(FA + FB)); break;
	case ISA_OP_V_SUB_F32: LANES(R = f2u(FA - FB)); break;
	case ISA_OP_V_SUBREV_F32: LANES(R = f2u(FB - FA)); break;
	case ISA_OP_V_MUL_F32: LANES(R = f2u(FA * FB)); break;
	case ISA_OP_V_MUL_LEGACY_F32: LANES(R = f2u(mul_legacy(FA, FB))); break;
	case ISA_OP_V_FMA_F32:
	case ISA_OP_V_FMAC_F32:
	case ISA_OP_V_FMAMK_F32:
	case ISA_OP_V_FMAAK_F32: LANES(R = f2u(fmaf(FA, FB, FC))); break;
	case ISA_OP_V_FMA_LEGACY_F32:
	case ISA_OP_V_FMAC_LEGACY_F32:
		LANES(R = f2u(FA == 0 || FB == 0 ? FC + 0.0f : fmaf(FA, FB, FC)));
		break;
	case ISA_OP_V_MIN_F32: LANES(R = fminmax32(A, B, false, ieee)); break;
	case ISA_OP_V_MAX_F32: LANES(R = fminmax32(A, B, true, ieee)); break;
	case ISA_OP_V_MIN3_F32:
		LANES(R = fminmax32(fminmax32(A, B, false, ieee), C, false, ieee));
		break;
	case ISA_OP_V_MAX3_F32:
		LANES(R = fminmax32(fminmax32(A, B, true, ieee), C, true, ieee));
		break;
	case ISA_OP_V_MED3_F32: LANES(R = med3_f(A, B, C, ieee)); break;
	case ISA_OP_V_FRACT_F32: LANES(R = f2u(fract32(FA))); break;
	case ISA_OP_V_TRUNC_F32: LANES(R = f2u(truncf(FA))); break;
	case ISA_OP_V_CEIL_F32: LANES(R = f2u(ceilf(FA))); break;
	case ISA_OP_V_RNDNE_F32: LANES(R = f2u(rndne_f32(FA))); break;
	case ISA_OP_V_FLOOR_F32: LANES(R = f2u(floorf(FA))); break;
	case ISA_OP_V_EXP_F32: LANES(R = f2u(exp2f(FA))); break;
	case ISA_OP_V_LOG_F32: LANES(R = f2u(log2f(FA))); break;
	case ISA_OP_V_RCP_F32:
	case ISA_OP_V_RCP_IFLAG_F32: LANES(R = f2u(1.0f / FA)); break;
	case ISA_OP_V_RSQ_F32: LANES(R = f2u(1.0f / sqrtf(FA))); break;
	case ISA_OP_V_SQRT_F32: LANES(R = f2u(sqrtf(FA))); break;
	/* sin/cos take revolutions (ISA guide V_SIN_F32) */
	case ISA_OP_V_SIN_F32: LANES(R = f2u(sinf(FA * 6.28318530718f))); break;
	case ISA_OP_V_COS_F32: LANES(R = f2u(cosf(FA * 6.28318530718f))); break;
	case ISA_OP_V_FREXP_MANT_F32: LANES(R = f2u(frexp_mant32(FA))); break;
	case ISA_OP_V_FREXP_EXP_I32_F32: LANES(R = frexp_exp32(FA)); break;
	case ISA_OP_V_LDEXP_F32: LANES(R = f2u(ldexpf(FA, (int32_t)B))); break;
	default: return false;
	}
	return true;
}

/* Conversions between 32-bit ints, f32, f64 and f16. */
static bool
compute_cvt(unsigned op, struct vlanes *v)
{
	switch (op) {
	case ISA_OP_V_CVT_F32_I32: LANES(R = f2u((float)(int32_t)A)); break;
	case ISA_OP_V_CVT_F32_U32: LANES(R = f2u((float)A)); break;
	case ISA_OP_V_CVT_U32_F32: LANES(R = cvt_u32(FA)); break;
	case ISA_OP_V_CVT_I32_F32: LANES(R = cvt_i32(FA)); break;
	case ISA_OP_V_CVT_RPI_I32_F32: LANES(R = cvt_i32(floorf(FA + 0.5f))); break;
	case ISA_OP_V_CVT_FLR_I32_F32: LANES(R = cvt_i32(floorf(FA))); break;
	case ISA_OP_V_CVT_F32_UBYTE0: LANES(R = f2u((float)(A & 0xff))); break;
	case ISA_OP_V_CVT_F32_UBYTE1: LANES(R = f2u((float)((A >> 8) & 0xff))); break;
	case ISA_OP_V_CVT_F32_UBYTE2: LANES(R = f2u((float)((A >> 16) & 0xff))); break;
	case ISA_OP_V_CVT_F32_UBYTE3: LANES(R = f2u((float)(A >> 24))); break;
	case ISA_OP_V_CVT_I32_F64: LANES(R = cvt_i32(DA)); break;
	case ISA_OP_V_CVT_U32_F64: LANES(R = cvt_u32(DA)); break;
	case ISA_OP_V_CVT_F32_F64: LANES(R = f2u((float)DA)); break;
	case ISA_OP_V_CVT_F64_I32: LANES(RQ = d2u((double)(int32_t)A)); break;
	case ISA_OP_V_CVT_F64_U32: LANES(RQ = d2u((double)A)); break;
	case ISA_OP_V_CVT_F64_F32: LANES(RQ = d2u((double)FA)); break;
	case ISA_OP_V_CVT_F16_F32: LANES(R = H(FA)); break;
	case ISA_OP_V_CVT_F32_F16: LANES(R = f2u(HA)); break;
	case ISA_OP_V_CVT_PKRTZ_F16_F32:
		LANES(R = f32_to_f16(FA, true) |
		    (uint32_t)f32_to_f16(FB, true) << 16);
		break;
	case ISA_OP_V_CVT_F16_U16: LANES(R = H((float)(A & 0xffff))); break;
	case ISA_OP_V_CVT_F16_I16: LANES(R = H((float)(int16_t)A)); break;
	case ISA_OP_V_CVT_U16_F16: LANES(R = cvt_u32(HA) > 0xffff ? 0xffff : cvt_u32(HA)); break;
	case ISA_OP_V_CVT_I16_F16: LANES(R = (uint16_t)med3_i((int32_t)cvt_i32(HA), -32768, 32767)); break;
	case ISA_OP_V_PACK_B32_F16: LANES(R = (A & 0xffff) | B << 16); break;
	default: return false;
	}
	return true;
}

static bool
compute_f16(const struct shader_wave *w, unsigned op, struct vlanes *v)
{
	bool ieee = F_GET(w->mode, MODE_IEEE);

	switch (op) {
	case ISA_OP_V_ADD_F16: LANES(R = H(HA + HB)); break;
	case ISA_OP_V_SUB_F16: LANES(R = H(HA - HB)); break;
	case ISA_OP_V_SUBREV_F16: LANES(R = H(HB - HA)); break;
	case ISA_OP_V_MUL_F16: LANES(R = H(HA * HB)); break;
	case ISA_OP_V_FMAC_F16:
	case ISA_OP_V_FMA_F16: LANES(R = H((float)fma(HA, HB, HC))); break;
	case ISA_OP_V_RCP_F16: LANES(R = H(1.0f / HA)); break;
	case ISA_OP_V_SQRT_F16: LANES(R = H(sqrtf(HA))); break;
	case ISA_OP_V_MIN_F16:
	case ISA_OP_V_MAX_F16:
		/* via f32: exact for f16 values, NaN payloads kept quiet */
		LANES(R = H(u2f(fminmax32(f2u(HA), f2u(HB),
		    op == ISA_OP_V_MAX_F16, ieee))));
		break;
	default: return false;
	}
	return true;
}

static bool
compute_f64(const struct shader_wave *w, unsigned op, struct vlanes *v)
{
	bool ieee = F_GET(w->mode, MODE_IEEE);

	switch (op) {
	case ISA_OP_V_ADD_F64: LANES(RQ = d2u(DA + DB)); break;
	case ISA_OP_V_MUL_F64: LANES(RQ = d2u(DA * DB)); break;
	case ISA_OP_V_FMA_F64: LANES(RQ = d2u(fma(DA, DB, DC))); break;
	case ISA_OP_V_MIN_F64: LANES(RQ = fminmax64(QA, QB, false, ieee)); break;
	case ISA_OP_V_MAX_F64: LANES(RQ = fminmax64(QA, QB, true, ieee)); break;
	case ISA_OP_V_LDEXP_F64: LANES(RQ = d2u(ldexp(DA, (int32_t)B))); break;
	case ISA_OP_V_TRUNC_F64: LANES(RQ = d2u(trunc(DA))); break;
	case ISA_OP_V_CEIL_F64: LANES(RQ = d2u(ceil(DA))); break;
	case ISA_OP_V_RNDNE_F64: LANES(RQ = d2u(rndne_f64(DA))); break;
	case ISA_OP_V_FLOOR_F64: LANES(RQ = d2u(floor(DA))); break;
	case ISA_OP_V_FRACT_F64: LANES(RQ = d2u(fract64(DA))); break;
	case ISA_OP_V_RCP_F64: LANES(RQ = d2u(1.0 / DA)); break;
	case ISA_OP_V_RSQ_F64: LANES(RQ = d2u(1.0 / sqrt(DA))); break;
	case ISA_OP_V_SQRT_F64: LANES(RQ = d2u(sqrt(DA))); break;
	default: return false;
	}
	return true;
}

static bool
compute_int(unsigned op, struct vlanes *v)
{
	switch (op) {
	case ISA_OP_V_MOV_B32: LANES(R = A); break;
	case ISA_OP_V_NOT_B32: LANES(R = ~A); break;
	case ISA_OP_V_BFREV_B32:
		LANES(uint32_t x = A; uint32_t y = 0;
		    for (int k = 0; k < 32; k++) y |= ((x >> k) & 1) << (31 - k);
		    R = y);
		break;
	case ISA_OP_V_FFBH_U32: LANES(R = A ? (uint32_t)__builtin_clz(A) : ~0u); break;
	case ISA_OP_V_FFBL_B32: LANES(R = A ? (uint32_t)__builtin_ctz(A) : ~0u); break;
	case ISA_OP_V_FFBH_I32: LANES(R = ffbh_i32(A)); break;
	case ISA_OP_V_MUL_I32_I24:
		LANES(R = (uint32_t)((int64_t)((int32_t)(A << 8) >> 8) *
		    ((int32_t)(B << 8) >> 8)));
		break;
	case ISA_OP_V_MUL_HI_I32_I24:
		LANES(R = (uint32_t)((uint64_t)((int64_t)((int32_t)(A << 8) >> 8) *
		    ((int32_t)(B << 8) >> 8)) >> 32));
		break;
	case ISA_OP_V_MUL_U32_U24:
		LANES(R = (uint32_t)((uint64_t)(A & 0xffffff) * (B & 0xffffff)));
		break;
	case ISA_OP_V_MUL_HI_U32_U24:
		LANES(R = (uint32_t)(((uint64_t)(A & 0xffffff) * (B & 0xffffff)) >> 32));
		break;
	case ISA_OP_V_MIN_I32: LANES(R = (int32_t)A < (int32_t)B ? A : B); break;
	case ISA_OP_V_MAX_I32: LANES(R = (int32_t)A > (int32_t)B ? A : B); break;
	case ISA_OP_V_MIN_U32: LANES(R = A < B ? A : B); break;
	case ISA_OP_V_MAX_U32: LANES(R = A > B ? A : B); break;
	case ISA_OP_V_AND_B32: LANES(R = A & B); break;
	case ISA_OP_V_OR_B32: LANES(R = A | B); break;
	case ISA_OP_V_XOR_B32: LANES(R = A ^ B); break;
	case ISA_OP_V_XNOR_B32: LANES(R = ~(A ^ B)); break;
	case ISA_OP_V_ADD_NC_U32: case ISA_OP_V_ADD_NC_I32: LANES(R = A + B); break;
	case ISA_OP_V_SUB_NC_U32: case ISA_OP_V_SUB_NC_I32: LANES(R = A - B); break;
	case ISA_OP_V_SUBREV_NC_U32: LANES(R = B - A); break;
	case ISA_OP_V_LSHRREV_B32: case ISA_OP_V_ASHRREV_I32:
	case ISA_OP_V_LSHLREV_B32:
		return compute_shift(op, v);	/* vshift.c */
	case ISA_OP_V_CNDMASK_B32:	/* a select on a data-dependent bit: no branch */
		LANES(uint32_t m = 0u - (v->cin[l] & 1); R = (A & ~m) | (B & m));
		break;
	default: return false;
	}
	return true;
}

static bool
compute_int3(unsigned op, struct vlanes *v)
{
	switch (op) {
	case ISA_OP_V_MAD_I32_I24:
		LANES(R = (uint32_t)((int32_t)(A << 8) >> 8) *
		    (uint32_t)((int32_t)(B << 8) >> 8) + C);
		break;
	case ISA_OP_V_LSHL_ADD_U32: case ISA_OP_V_ADD_LSHL_U32:
	case ISA_OP_V_LSHL_OR_B32: case ISA_OP_V_ALIGNBIT_B32:
	case ISA_OP_V_LSHLREV_B64: case ISA_OP_V_LSHRREV_B64:
	case ISA_OP_V_ASHRREV_I64:
		return compute_shift(op, v);	/* vshift.c */
	case ISA_OP_V_MAD_U32_U24: LANES(R = (A & 0xffffff) * (B & 0xffffff) + C); break;
	case ISA_OP_V_BFE_U32: LANES(R = bfe_v(A, B, C, false)); break;
	case ISA_OP_V_BFE_I32: LANES(R = bfe_v(A, B, C, true)); break;
	case ISA_OP_V_BFI_B32: LANES(R = (A & B) | (~A & C)); break;
	case ISA_OP_V_ALIGNBYTE_B32:
		LANES(R = (uint32_t)(((uint64_t)A << 32 | B) >> (8 * (C & 3))));
		break;
	case ISA_OP_V_MIN3_I32:
		LANES(int32_t m = (int32_t)A < (int32_t)B ? (int32_t)A : (int32_t)B;
		    R = (uint32_t)(m < (int32_t)C ? m : (int32_t)C));
		break;
	case ISA_OP_V_MIN3_U32: LANES(uint32_t m = A < B ? A : B; R = m < C ? m : C); break;
	case ISA_OP_V_MAX3_I32: LANES(int32_t m = (int32_t)A > (int32_t)B ? (int32_t)A : (int32_t)B; R = (uint32_t)(m > (int32_t)C ? m : (int32_t)C)); break;
	case ISA_OP_V_MAX3_U32: LANES(uint32_t m = A > B ? A : B; R = m > C ? m : C); break;
	case ISA_OP_V_MED3_I32: LANES(R = (uint32_t)med3_i((int32_t)A, (int32_t)B, (int32_t)C)); break;
	case ISA_OP_V_MED3_U32: LANES(R = med3_u(A, B, C)); break;
	case ISA_OP_V_MUL_LO_U32: LANES(R = A * B); break;
	case ISA_OP_V_MUL_HI_U32: LANES(R = (uint32_t)(((uint64_t)A * B) >> 32)); break;
	case ISA_OP_V_MUL_HI_I32:
		LANES(R = (uint32_t)((uint64_t)((int64_t)(int32_t)A * (int32_t)B) >> 32));
		break;
	case ISA_OP_V_XOR3_B32: LANES(R = A ^ B ^ C); break;
	case ISA_OP_V_OR3_B32: LANES(R = A | B | C); break;
	case ISA_OP_V_ADD3_U32: LANES(R = A + B + C); break;
	case ISA_OP_V_AND_OR_B32: LANES(R = (A & B) | C); break;
	case ISA_OP_V_PERM_B32: LANES(R = perm_b32(A, B, C)); break;
	case ISA_OP_V_BFM_B32: LANES(R = (uint32_t)(((1ull << (A & 31)) - 1) << (B & 31))); break;
	case ISA_OP_V_BCNT_U32_B32: LANES(R = (uint32_t)__builtin_popcount(A) + B); break;
	default: return false;
	}
	return true;
}

/* Opcodes with a carry out (VOP3b / VOP2 with implicit VCC). */
static bool
compute_carry(unsigned op, struct vlanes *v)
{
	switch (op) {
	case ISA_OP_V_ADD_CO_U32:
		LANES(uint64_t s = (uint64_t)A + B; R = (uint32_t)s; v->c[l] = (uint32_t)(s >> 32));
		break;
	case ISA_OP_V_SUB_CO_U32: LANES(R = A - B; v->c[l] = B > A); break;
	case ISA_OP_V_SUBREV_CO_U32: LANES(R = B - A; v->c[l] = A > B); break;
	case ISA_OP_V_ADD_CO_CI_U32:
		LANES(uint64_t s = (uint64_t)A + B + v->cin[l]; R = (uint32_t)s;
		    v->c[l] = (uint32_t)(s >> 32));
		break;
	case ISA_OP_V_SUB_CO_CI_U32:
		/* borrow: B + cin > A, in 32 bits (SSE2 has no 64-bit
		 * compare): B + cin wrapping to 0 means 2^32 > A */
		LANES(uint32_t t = B + v->cin[l]; R = A - t;
		    v->c[l] = (t < B) | (t > A));
		break;
	case ISA_OP_V_SUBREV_CO_CI_U32:
		LANES(uint32_t t = A + v->cin[l]; R = B - t;
		    v->c[l] = (t < A) | (t > B));
		break;
	case ISA_OP_V_MAD_U64_U32:
		/* carry out of bit 63 from the operands' and the sum's
		 * top bits: a vectorisable form of RQ < p */
		LANES(uint64_t p = (uint64_t)A * B; RQ = p + QC;
		    v->c[l] = (uint32_t)(((p & QC) | ((p | QC) & ~RQ)) >> 63));
		break;
	case ISA_OP_V_MAD_I64_I32:
		LANES(int64_t p = (int64_t)(int32_t)A * (int32_t)B;
		    RQ = (uint64_t)p + QC;
		    v->c[l] = ((int64_t)QC >= 0) == (p >= 0) &&
		    ((int64_t)RQ >= 0) != (p >= 0));
		break;
	default: return false;
	}
	return true;
}

/* ---- VOPC ---- */

/* Float condition by its index in the 16-entry list (ISA guide §6.4). */
static bool
fcond(unsigned k, double a, double b)
{
	bool un = isnan(a) || isnan(b);

	switch (k) {
	case 0x0: return false;
	case 0x1: return a < b;
	case 0x2: return a == b;
	case 0x3: return a <= b;
	case 0x4: return a > b;
	case 0x5: return !un && a != b;
	case 0x6: return a >= b;
	case 0x7: return !un;
	case 0x8: return un;
	case 0x9: return !(a >= b);
	case 0xa: return un || a == b;
	case 0xb: return !(a > b);
	case 0xc: return !(a <= b);
	case 0xd: return !(a == b);
	case 0xe: return !(a < b);
	default: return true;
	}
}

/* Integer condition by index: f lt eq le gt ne ge t. */
static bool
icond(unsigned k, int64_t sa, int64_t sb, uint64_t ua, uint64_t ub, bool sgn)
{
	bool lt = sgn ? sa < sb : ua < ub, eq = ua == ub;

	switch (k & 7) {
	case 0: return false;
	case 1: return lt;
	case 2: return eq;
	case 3: return lt || eq;
	case 4: return !lt && !eq;
	case 5: return !eq;
	case 6: return !lt;
	default: return true;
	}
}

/*
 * f16 class: classified on the bits, since every f16 denormal is a
 * normal f32 (bit numbers as fclass).
 */
static unsigned
fclass16(uint32_t h)
{
	bool neg = (h >> 15) & 1;
	unsigned e = (h >> 10) & 0x1f, m = h & 0x3ff;

	if (e == 0x1f && m)
		return (m & 0x200) ? 1 : 0;
	if (e == 0x1f)
		return neg ? 2 : 9;
	if (e == 0 && m == 0)
		return neg ? 5 : 6;
	if (e == 0)
		return neg ? 4 : 7;
	return neg ? 3 : 8;
}

/*
 * Condition index (fcond / icond) and signedness of a compare from its
 * opcode number: f32/f64 use 16 consecutive codes; f16 splits them over
 * 0xc8 (f..o) and 0xe8 (u..tru); the integer ones use 8, signed below
 * 0xc0 for 32/64 bits and in 0x88/0x98 for 16 bits (isa_gfx10.h).
 */
static unsigned
cmp_cond(const struct isa_op_info *i, bool *sgn)
{
	unsigned hw = i->hw;

	*sgn = false;
	switch (i->src[0]) {
	case T_F32:
	case T_F64:
		return hw & 0xf;
	case T_F16:
		return (hw & 7) | ((hw & 0x20) ? 8 : 0);
	case T_B16:
		*sgn = (hw & 0xe0) == 0x80;
		return hw & 7;
	default:
		*sgn = hw < 0xc0;
		return hw & 7;
	}
}

/*
 * 32/64-bit integer and f32/f64 compares, the common ones, with the condition
 * chosen outside the lane loop so each loop is one vectorisable compare.
 * The 64-bit ones need SSE4.2 (pcmpgtq) or better: built for AVX2 too.
 */
#define CMP_LOOPS(X, Y)	do {						\
	switch (k) {							\
	case 1: LANES(v->c[l] = (X) < (Y)); return true;		\
	case 2: LANES(v->c[l] = (X) == (Y)); return true;		\
	case 3: LANES(v->c[l] = (X) <= (Y)); return true;		\
	case 4: LANES(v->c[l] = (X) > (Y)); return true;		\
	case 6: LANES(v->c[l] = (X) >= (Y)); return true;		\
	}								\
} while (0)

static VALU_CLONES bool
compute_cmp_fast(const struct isa_op_info *i, unsigned k, bool sgn,
    struct vlanes *v)
{
	if (i->src[0] == T_B32 && k == 5) {
		LANES(v->c[l] = A != B);
		return true;
	}
	if (i->src[0] == T_B32 && sgn)
		CMP_LOOPS((int32_t)A, (int32_t)B);
	else if (i->src[0] == T_B32)
		CMP_LOOPS(A, B);
	else if (i->src[0] == T_F32)	/* lt..ge except lg: false on NaN */
		CMP_LOOPS(FA, FB);
	if (i->src[0] == T_B64 && k == 5) {
		LANES(v->c[l] = QA != QB);
		return true;
	}
	if (i->src[0] == T_B64 && sgn)
		CMP_LOOPS((int64_t)QA, (int64_t)QB);
	else if (i->src[0] == T_B64)
		CMP_LOOPS(QA, QB);
	else if (i->src[0] == T_F64)
		CMP_LOOPS(DA, DB);
	return false;
}
#undef CMP_LOOPS

static void
compute_cmp(unsigned op, struct vlanes *v)
{
	const struct isa_op_info *i = &isa_ops[op];
	bool sgn;
	unsigned k = cmp_cond(i, &sgn);

	if (compute_cmp_fast(i, k, sgn, v))
		return;
	if (op == ISA_OP_V_CMP_CLASS_F32 || op == ISA_OP_V_CMPX_CLASS_F32) {
		LANES(v->c[l] = (B >> fclass32(A)) & 1);
	} else if (op == ISA_OP_V_CMP_CLASS_F64 || op == ISA_OP_V_CMPX_CLASS_F64) {
		LANES(v->c[l] = (B >> fclass(DA, is_snan64(QA))) & 1);
	} else if (op == ISA_OP_V_CMP_CLASS_F16 || op == ISA_OP_V_CMPX_CLASS_F16) {
		LANES(v->c[l] = (B >> fclass16(A & 0xffff)) & 1);
	} else if (i->src[0] == T_F32) {
		LANES(v->c[l] = fcond(k, FA, FB));
	} else if (i->src[0] == T_F16) {
		LANES(v->c[l] = fcond(k, HA, HB));
	} else if (i->src[0] == T_F64) {
		LANES(v->c[l] = fcond(k, DA, DB));
	} else if (i->src[0] == T_B16) {
		LANES(v->c[l] = icond(k, (int16_t)A, (int16_t)B, A & 0xffff,
		    B & 0xffff, sgn));
	} else if (i->src[0] == T_B32) {
		LANES(v->c[l] = icond(k, (int32_t)A, (int32_t)B, A, B, sgn));
	} else {
		LANES(v->c[l] = icond(k, (int64_t)QA, (int64_t)QB, QA, QB, sgn));
	}
}

/* ---- writing results ---- */

static void
expand_mask(uint64_t m, uint32_t *lm)
{
	uint32_t lo = (uint32_t)m, hi = (uint32_t)(m >> 32);

	for (int l = 0; l < 32; l++)
		lm[l] = (lo & lane_bit[l]) != 0 ? ~0u : 0;
	for (int l = 0; l < 32; l++)
		lm[32 + l] = (hi & lane_bit[l]) != 0 ? ~0u : 0;
}

/*
 * clamp / omod on float results (ISA guide §6.3), then denormal
 * flushing by MODE.FP_DENORM (f32: bit 5; f16 and f64: bit 7).
 */
static void
output_mods32(const struct shader_wave *w, const struct shader_inst *in,
    unsigned type, struct vlanes *v)
{
	static const float omod[4] = { 1.0f, 2.0f, 4.0f, 0.5f };

	if (type == T_F16) {
		if (in->omod)
			LANES(R = f32_to_f16(f16_to_f32((uint16_t)R) *
			    omod[in->omod], false));
		if (in->mods & MOD_CLAMP)
			LANES(float f = f16_to_f32((uint16_t)R);
			    R = f32_to_f16(f > 1.0f ? 1.0f : f >= 0.0f ? f : 0.0f,
			    false));
		if (!(w->mode & MODE_DENORM_F64_OUT))
			LANES(R = flush16(R));
		return;
	}
	if (type != T_F32)
		return;
	if (in->omod)
		LANES(R = f2u(u2f(R) * omod[in->omod]));
	if (in->mods & MOD_CLAMP)	/* NaN clamps to 0 (DX10 clamp) */
		LANES(float f = u2f(R);
		    R = f2u(f > 1.0f ? 1.0f : f >= 0.0f ? f : 0.0f));
	if (!(w->mode & MODE_DENORM_F32_OUT))
		LANES(R = flush32(R));
}

static void
output_mods64(const struct shader_wave *w, const struct shader_inst *in,
    struct vlanes *v)
{
	static const double omod[4] = { 1.0, 2.0, 4.0, 0.5 };

	if (in->omod)
		LANES(RQ = d2u(u2d(RQ) * omod[in->omod]));
	if (in->mods & MOD_CLAMP)
		LANES(double d = u2d(RQ);
		    RQ = d2u(d > 1.0 ? 1.0 : d >= 0.0 ? d : 0.0));
	if (!(w->mode & MODE_DENORM_F64_OUT))
		LANES(RQ = flush64(RQ));
}

/*
 * d = lm ? r : d per lane.  restrict: the destination row never overlaps
 * the lane arrays, so the loop vectorises without alias checks.
 */
static inline void
blend32(uint32_t *restrict d, const uint32_t *restrict r,
    const uint32_t *restrict lm)
{
	for (int l = 0; l < NL; l++)
		d[l] = (d[l] & ~lm[l]) | (r[l] & lm[l]);
}

/* SDWA destination select: place the result, then fill the rest. */
static uint32_t
sdwa_dst(const struct shader_inst *in, uint32_t old, uint32_t r)
{
	unsigned sel = in->sdwa_sel[2], sh, wid;
	uint32_t m, val;

	if (sel == SDWA_SEL_DWORD)
		return r;
	sh = sel <= 3 ? 8 * sel : (sel == SDWA_SEL_WORD1 ? 16 : 0);
	wid = sel <= 3 ? 8 : 16;
	m = ((1u << wid) - 1) << sh;
	val = (r << sh) & m;
	if (in->sdwa_unused == SDWA_UNUSED_PRESERVE)
		return (old & ~m) | val;
	if (in->sdwa_unused == SDWA_UNUSED_SEXT && ((val >> (sh + wid - 1)) & 1))
		return val | ~(m | ((1u << sh) - 1));
	return val;
}

static void
write_v32(struct shader_wave *w, const struct shader_inst *in, unsigned type,
    struct vlanes *v)
{
	uint32_t *d = w->vgpr[in->dst.reg], lm[NL];
	int l;

	if (in->mods & MOD_SDWA)
		for (l = 0; l < NL; l++)
			v->r[l] = sdwa_dst(in, d[l], v->r[l]);
	else if ((type == T_F16 || type == T_B16) && (in->opsel & 8))
		for (l = 0; l < NL; l++)
			v->r[l] = (d[l] & 0xffff) | v->r[l] << 16;
	else if (type == T_F16 || type == T_B16)	/* gfx10 keeps [31:16] */
		for (l = 0; l < NL; l++)
			v->r[l] = (d[l] & 0xffff0000u) | (v->r[l] & 0xffff);
	if (v->wmask == lane_bits(w)) {		/* every lane: a copy */
		memcpy(d, v->r, w->nlanes * sizeof(*d));
	} else {
		expand_mask(v->wmask, lm);
		blend32(d, v->r, lm);
	}
	vgpr_shared_sync(w, in->dst.reg, 1, v->wmask);
}

static void
write_v64(struct shader_wave *w, const struct shader_inst *in,
    struct vlanes *v)
{
	uint32_t *lo = w->vgpr[in->dst.reg], *hi = w->vgpr[in->dst.reg + 1];
	uint32_t lm[NL];
	int l;

	if (v->wmask == lane_bits(w)) {		/* every lane: split only */
		int n = (int)w->nlanes;	/* a local: lo and hi may alias w */

		for (l = 0; l < n; l++) {
			lo[l] = (uint32_t)v->rq[l];
			hi[l] = (uint32_t)(v->rq[l] >> 32);
		}
	} else {
		expand_mask(v->wmask, lm);
		for (l = 0; l < NL; l++) {
			lo[l] = (lo[l] & ~lm[l]) | ((uint32_t)v->rq[l] & lm[l]);
			hi[l] = (hi[l] & ~lm[l]) |
			    ((uint32_t)(v->rq[l] >> 32) & lm[l]);
		}
	}
	vgpr_shared_sync(w, in->dst.reg, 2, v->wmask);
}

/* Per-lane bits -> lane mask of the active lanes (inactive lanes: 0). */
static uint64_t
pack_bits(const uint32_t *c, uint64_t active)
{
	uint32_t lo = 0, hi = 0;

	/* An or-reduction of table bits (lane_bit), which vectorises. */
	for (int l = 0; l < 32; l++)
		lo |= (0u - (c[l] & 1)) & lane_bit[l];
	for (int l = 0; l < 32; l++)
		hi |= (0u - (c[32 + l] & 1)) & lane_bit[l];
	return ((uint64_t)hi << 32 | lo) & active;
}

static uint32_t
sat_s32(int64_t x)
{
	return (uint32_t)(x < INT32_MIN ? INT32_MIN : x > INT32_MAX ? INT32_MAX : x);
}

/*
 * The VOP3 clamp bit on 32-bit integer adds and subs saturates instead
 * of wrapping (ISA guide §6.3; ACO's uadd_sat / iadd_sat / usub_sat).
 * Other integer opcodes ignore clamp.
 */
static void
clamp_int32(unsigned op, struct vlanes *v)
{
	switch (op) {
	case ISA_OP_V_ADD_NC_U32:
	case ISA_OP_V_ADD_CO_U32:
		LANES(uint64_t t = (uint64_t)A + B; R = t > UINT32_MAX ? UINT32_MAX : (uint32_t)t);
		break;
	case ISA_OP_V_ADD_CO_CI_U32:
		LANES(uint64_t t = (uint64_t)A + B + v->cin[l];
		    R = t > UINT32_MAX ? UINT32_MAX : (uint32_t)t);
		break;
	case ISA_OP_V_SUB_NC_U32:
	case ISA_OP_V_SUB_CO_U32: LANES(R = A < B ? 0 : A - B); break;
	case ISA_OP_V_SUBREV_NC_U32:
	case ISA_OP_V_SUBREV_CO_U32: LANES(R = B < A ? 0 : B - A); break;
	case ISA_OP_V_SUB_CO_CI_U32:
		LANES(R = (uint64_t)B + v->cin[l] > A ? 0 : A - B - v->cin[l]);
		break;
	case ISA_OP_V_ADD_NC_I32:
		LANES(R = sat_s32((int64_t)(int32_t)A + (int32_t)B));
		break;
	case ISA_OP_V_SUB_NC_I32:
		LANES(R = sat_s32((int64_t)(int32_t)A - (int32_t)B));
		break;
	}
}

static bool
compute(const struct shader_wave *w, const struct shader_inst *in,
    struct vlanes *v)
{
	unsigned op = in->op;

	if (in->op == ISA_OP_V_MBCNT_LO_U32_B32 || in->op == ISA_OP_V_MBCNT_HI_U32_B32)
		return true;
	if (in->fmt == FMT_VOP3P || op == ISA_OP_V_PK_FMAC_F16 ||
	    op == ISA_OP_V_DOT2C_F32_F16 || op == ISA_OP_V_DOT4C_I32_I8)
		return compute_vop3p(w, in, v);
	return compute_f32(w, op, v) || compute_int(op, v) ||
	    compute_int3(op, v) || compute_cvt(op, v) ||
	    compute_f16(w, op, v) || compute_f64(w, op, v) ||
	    compute_carry(op, v) || compute_16(w, in, v) ||
	    compute_div(w, op, v) || compute_media(op, v);
}

/* The lane opcodes of crosslane.c (a call there for every VALU costs). */
static inline bool
is_crosslane(unsigned op)
{
	switch (op) {
	case ISA_OP_V_READFIRSTLANE_B32: case ISA_OP_V_READLANE_B32:
	case ISA_OP_V_WRITELANE_B32: case ISA_OP_V_PERMLANE16_B32:
	case ISA_OP_V_PERMLANEX16_B32: case ISA_OP_V_MBCNT_LO_U32_B32:
	case ISA_OP_V_MBCNT_HI_U32_B32: case ISA_OP_V_NOP:
		return true;
	}
	return false;
}

/* v_movrel*, v_swap_b32 (movrel.c). */
static inline bool
is_regmove(unsigned op)
{
	return op == ISA_OP_V_MOVRELD_B32 || op == ISA_OP_V_MOVRELS_B32 ||
	    op == ISA_OP_V_MOVRELSD_B32 || op == ISA_OP_V_MOVRELSD_2_B32 ||
	    op == ISA_OP_V_SWAP_B32;
}

/* VOPC: write VCC / SDST, or EXEC for v_cmpx. */
static void
write_cmp(struct shader_wave *w, const struct shader_inst *in,
    struct vlanes *v)
{
	uint64_t m = pack_bits(v->c, wave_exec(w));

	if (isa_ops[in->op].flags & F_CMPX)
		write_lm(w, OPR_EXEC_LO, m);
	else
		write_lm(w, in->dst.reg, m);
}

void
exec_valu(struct shader_wave *w, const struct shader_inst *in)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	struct vlanes v;
	bool ok, rounded;
	int fe = -1;

	if (is_regmove(in->op) && exec_v_movrel(w, in))
		return;
	v.wmask = wave_exec(w);
	gather(w, in, &v);
	if (is_crosslane(in->op) && exec_crosslane(w, in, &v))
		return;
	if (i->fmt == FMT_VOPC) {
		compute_cmp(in->op, &v);
		write_cmp(w, in, &v);
		return;
	}
	/*
	 * A rounding mode other than nearest even: the host's is set around
	 * compute().  The compiler barriers keep the lane arithmetic, which
	 * reads and writes v, between the fenv calls (fpmode.c).
	 */
	rounded = F_GET(w->mode, MODE_FP_ROUND) != 0;
	if (rounded) {
		fe = fpmode_enter(w, in);
		__asm__ volatile("" ::: "memory");
	}
	ok = compute(w, in, &v);
	if (rounded) {
		__asm__ volatile("" ::: "memory");
		fpmode_leave(fe);
	}
	if (ok && (in->mods & MOD_CLAMP) && i->fmt != FMT_VOP3P)
		clamp_int32(in->op, &v);
	if (!ok) {
		wave_stop(w, in, SHADER_UNSUPPORTED);
		return;
	}
	if (i->flags & F_SDST)
		write_lm(w, in->sdst.reg, pack_bits(v.c, wave_exec(w)));
	if (is64(i->dst)) {
		if (i->dst == T_F64)
			output_mods64(w, in, &v);
		write_v64(w, in, &v);
		return;
	}
	output_mods32(w, in, i->dst, &v);
	write_v32(w, in, i->dst, &v);
}

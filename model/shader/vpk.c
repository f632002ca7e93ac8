/*
 * VOP3P: packed 16-bit math (two halves per dword), the dot products
 * and the mixed-precision FMA (v_fma_mix*).
 *
 * Half selection (ISA guide §6.5 "Packed math"): the low result half
 * reads each source's half OPSEL[s], the high result half reads half
 * OPSEL_HI[s].  NEG / NEG_HI negate f16 halves; integer opcodes ignore
 * them.  v_fma_mix* use OPSEL_HI[s] to say "source s is f16" (half
 * OPSEL[s]) instead of f32, NEG as negate and NEG_HI as abs (LLVM
 * VOP3PInstructions.td, VOP3_MAI / mix operand notes; Mesa aco_ir.cpp
 * get_operand_size for v_fma_mix).
 *
 * Dot products (ISA guide ch. 12 V_DOT*): integer sums wrap unless the
 * clamp bit asks for saturation; v_dot2_f32_f16 forms the two f16
 * products exactly and sums in double, rounded once to f32 (exact
 * unless the terms are more than 2^29 apart in magnitude: an
 * approximation of the hardware's fused sum).
 */
#include "valu.h"

/* Half `hi` of source s of lane l, as OPSEL/OPSEL_HI select it. */
static uint32_t
pk_sel(const struct shader_inst *in, const struct vlanes *v, int l,
    unsigned s, bool hi)
{
	unsigned sel = ((hi ? in->opsel_hi : in->opsel) >> s) & 1;

	if (in->fmt != FMT_VOP3P)	/* VOP2 v_pk_fmac, v_dot2c: in order */
		sel = hi;

	return (v->a[s][l] >> (16 * sel)) & 0xffff;
}

static bool
is_pk_float(unsigned op)
{
	switch (op) {
	case ISA_OP_V_PK_FMA_F16: case ISA_OP_V_PK_ADD_F16:
	case ISA_OP_V_PK_MUL_F16: case ISA_OP_V_PK_MIN_F16:
	case ISA_OP_V_PK_MAX_F16: case ISA_OP_V_PK_FMAC_F16:
		return true;
	}
	return false;
}

static float
hf(uint32_t h)
{
	return f16_to_f32((uint16_t)h);
}

static uint32_t
pk_minmax_f16(uint32_t a, uint32_t b, bool max, bool ieee)
{
	return f32_to_f16(u2f(fminmax32(f2u(hf(a)), f2u(hf(b)), max, ieee)),
	    false);
}

static uint32_t
sat16(int32_t x, bool sgn)
{
	if (sgn)
		return (uint16_t)(x < -32768 ? -32768 : x > 32767 ? 32767 : x);
	return x < 0 ? 0 : x > 0xffff ? 0xffff : (uint32_t)x;
}

/* The packed adds and subs with clamp: saturate (ISA guide §6.5). */
static bool
pk_sat_op(unsigned op, uint32_t a, uint32_t b, uint32_t *r)
{
	int32_t sa = (int16_t)a, sb = (int16_t)b;

	switch (op) {
	case ISA_OP_V_PK_ADD_U16: *r = sat16((int32_t)(a + b), false); return true;
	case ISA_OP_V_PK_SUB_U16: *r = sat16((int32_t)a - (int32_t)b, false); return true;
	case ISA_OP_V_PK_ADD_I16: *r = sat16(sa + sb, true); return true;
	case ISA_OP_V_PK_SUB_I16: *r = sat16(sa - sb, true); return true;
	}
	return false;
}

/* One 16-bit half of a packed opcode; returns false if op is unknown. */
static bool
pk_op(unsigned op, bool ieee, uint32_t a, uint32_t b, uint32_t c,
    uint32_t *r)
{
	int32_t sa = (int16_t)a, sb = (int16_t)b;

	switch (op) {
	case ISA_OP_V_PK_MUL_LO_U16: *r = a * b; break;
	case ISA_OP_V_PK_ADD_I16:
	case ISA_OP_V_PK_ADD_U16: *r = a + b; break;
	case ISA_OP_V_PK_SUB_I16:
	case ISA_OP_V_PK_SUB_U16: *r = a - b; break;
	case ISA_OP_V_PK_LSHLREV_B16: *r = b << (a & 15); break;
	case ISA_OP_V_PK_LSHRREV_B16: *r = b >> (a & 15); break;
	case ISA_OP_V_PK_ASHRREV_I16: *r = (uint32_t)(sb >> (a & 15)); break;
	case ISA_OP_V_PK_MAD_I16:
	case ISA_OP_V_PK_MAD_U16: *r = a * b + c; break;
	case ISA_OP_V_PK_MAX_I16: *r = sa > sb ? a : b; break;
	case ISA_OP_V_PK_MIN_I16: *r = sa < sb ? a : b; break;
	case ISA_OP_V_PK_MAX_U16: *r = a > b ? a : b; break;
	case ISA_OP_V_PK_MIN_U16: *r = a < b ? a : b; break;
	case ISA_OP_V_PK_FMA_F16:
	case ISA_OP_V_PK_FMAC_F16:
		*r = f32_to_f16((float)fma(hf(a), hf(b), hf(c)), false);
		break;
	case ISA_OP_V_PK_ADD_F16: *r = f32_to_f16(hf(a) + hf(b), false); break;
	case ISA_OP_V_PK_MUL_F16: *r = f32_to_f16(hf(a) * hf(b), false); break;
	case ISA_OP_V_PK_MIN_F16: *r = pk_minmax_f16(a, b, false, ieee); break;
	case ISA_OP_V_PK_MAX_F16: *r = pk_minmax_f16(a, b, true, ieee); break;
	default: return false;
	}
	*r &= 0xffff;
	return true;
}

static bool
compute_packed(const struct shader_wave *w, const struct shader_inst *in,
    struct vlanes *v)
{
	bool fl = is_pk_float(in->op), ieee = F_GET(w->mode, MODE_IEEE);
	uint32_t h[2], x[3];
	unsigned s, k;
	int l;

	for (l = 0; l < NL; l++) {
		for (k = 0; k < 2; k++) {
			for (s = 0; s < 3; s++) {
				x[s] = pk_sel(in, v, l, s, k);
				if (fl && (((k ? in->neg_hi : in->neg) >> s) & 1))
					x[s] ^= 0x8000;
			}
			if ((in->mods & MOD_CLAMP) &&
			    pk_sat_op(in->op, x[0], x[1], &h[k]))
				continue;
			if (!pk_op(in->op, ieee, x[0], x[1], x[2], &h[k]))
				return false;
		}
		v->r[l] = h[0] | h[1] << 16;
	}
	return true;
}

static int64_t
sat32(int64_t x, bool clamp)
{
	if (!clamp)
		return (int32_t)(uint32_t)x;
	return x < INT32_MIN ? INT32_MIN : x > INT32_MAX ? INT32_MAX : x;
}

static uint32_t
satu32(uint64_t x, bool clamp)
{
	return clamp && x > 0xffffffffull ? 0xffffffffu : (uint32_t)x;
}

/* Sum of n products of (32/n)-bit fields of a and b, plus c. */
static uint32_t
dot_int(uint32_t a, uint32_t b, uint32_t c, unsigned n, bool sgn, bool clamp)
{
	unsigned bits = 32 / n, k;
	int64_t s = sgn ? (int32_t)c : (int64_t)c;
	int64_t fa, fb;

	for (k = 0; k < n; k++) {
		fa = (a >> (bits * k)) & ((1u << bits) - 1);
		fb = (b >> (bits * k)) & ((1u << bits) - 1);
		if (sgn) {
			fa -= (fa >> (bits - 1)) << bits;
			fb -= (fb >> (bits - 1)) << bits;
		}
		s += fa * fb;
	}
	return sgn ? (uint32_t)sat32(s, clamp) : satu32((uint64_t)s, clamp);
}

static float
dot2_f16(const struct shader_inst *in, const struct vlanes *v, int l)
{
	double sum = 0;
	uint32_t x, y;
	unsigned k;

	for (k = 0; k < 2; k++) {
		x = pk_sel(in, v, l, 0, k) ^ (((k ? in->neg_hi : in->neg) & 1) ?
		    0x8000 : 0);
		y = pk_sel(in, v, l, 1, k) ^ (((k ? in->neg_hi : in->neg) & 2) ?
		    0x8000 : 0);
		sum += (double)hf(x) * hf(y);
	}
	return (float)(sum + (double)u2f(v->a[2][l] ^
	    ((in->neg & 4) ? 0x80000000u : 0)));
}

static bool
compute_dot(const struct shader_inst *in, struct vlanes *v)
{
	bool cl = in->mods & MOD_CLAMP;

	switch (in->op) {
	case ISA_OP_V_DOT2_F32_F16:
	case ISA_OP_V_DOT2C_F32_F16: LANES(R = f2u(dot2_f16(in, v, l))); break;
	case ISA_OP_V_DOT2_I32_I16:
	case ISA_OP_V_DOT2_U32_U16:
		LANES(R = dot_int(pk_sel(in, v, l, 0, 0) | pk_sel(in, v, l, 0, 1) << 16,
		    pk_sel(in, v, l, 1, 0) | pk_sel(in, v, l, 1, 1) << 16, C, 2,
		    in->op == ISA_OP_V_DOT2_I32_I16, cl));
		break;
	case ISA_OP_V_DOT4C_I32_I8:
	case ISA_OP_V_DOT4_I32_I8: LANES(R = dot_int(A, B, C, 4, true, cl)); break;
	case ISA_OP_V_DOT4_U32_U8: LANES(R = dot_int(A, B, C, 4, false, cl)); break;
	case ISA_OP_V_DOT8_I32_I4: LANES(R = dot_int(A, B, C, 8, true, cl)); break;
	case ISA_OP_V_DOT8_U32_U4: LANES(R = dot_int(A, B, C, 8, false, cl)); break;
	default: return false;
	}
	return true;
}

/* Source s of a v_fma_mix*: f16 (OPSEL_HI) or f32, then abs / neg. */
static float
mix_src(const struct shader_inst *in, const struct vlanes *v, int l,
    unsigned s)
{
	float f = ((in->opsel_hi >> s) & 1) ? hf(pk_sel(in, v, l, s, false)) :
	    u2f(v->a[s][l]);

	if ((in->neg_hi >> s) & 1)
		f = fabsf(f);
	return (in->neg >> s) & 1 ? -f : f;
}

static float
mix_clamp(const struct shader_inst *in, float f)
{
	if (!(in->mods & MOD_CLAMP))
		return f;
	return f > 1.0f ? 1.0f : f >= 0.0f ? f : 0.0f;	/* NaN -> 0 */
}

/* v_fma_mix_f32 writes f32; mixlo / mixhi write one f16 half, keep the other. */
static bool
compute_mix(const struct shader_wave *w, const struct shader_inst *in,
    struct vlanes *v)
{
	const uint32_t *old = w->vgpr[in->dst.reg];
	float f;
	uint32_t h;
	int l;

	if (in->op != ISA_OP_V_FMA_MIX_F32 && in->op != ISA_OP_V_FMA_MIXLO_F16 &&
	    in->op != ISA_OP_V_FMA_MIXHI_F16)
		return false;
	for (l = 0; l < NL; l++) {
		f = mix_clamp(in, fmaf(mix_src(in, v, l, 0), mix_src(in, v, l, 1),
		    mix_src(in, v, l, 2)));
		h = f32_to_f16(f, false);
		if (in->op == ISA_OP_V_FMA_MIX_F32)
			v->r[l] = f2u(f);
		else if (in->op == ISA_OP_V_FMA_MIXLO_F16)
			v->r[l] = (old[l] & 0xffff0000u) | h;
		else
			v->r[l] = (old[l] & 0xffffu) | h << 16;
	}
	return true;
}

bool
compute_vop3p(const struct shader_wave *w, const struct shader_inst *in,
    struct vlanes *v)
{
	return compute_dot(in, v) || compute_mix(w, in, v) ||
	    compute_packed(w, in, v);
}

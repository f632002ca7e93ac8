/*
 * 16-bit vector ALU: the 16-bit integer VOP3 opcodes (v_add_nc_u16,
 * v_mad_u16, v_min3_i16, ...), the f16 opcodes beyond add/mul/fma, and
 * the packing conversions (v_cvt_pk*).  Sources arrive with VOP3 opsel
 * already applied (valu.c gather: the selected half is in bits 15:0);
 * write-back merges a 16-bit result into the half opsel[3] names and,
 * as on gfx10, keeps the other half (Mesa aco_ir.cpp instr_is_16bit:
 * "on GFX10, all opsel instructions preserve the high bits").
 *
 * Semantics: AMD "RDNA 2" ISA guide ch. 12 (VOP3 and VOP1 opcode
 * descriptions).  Integer clamp saturates the 16-bit adds and subs and
 * v_mad_u16/i16; the other integer opcodes ignore it.
 */
#include "valu.h"

#define S16(x)	((int32_t)(int16_t)(x))
#define U16(x)	((uint32_t)(x) & 0xffff)

static uint32_t
sat_u16(int64_t x)
{
	return x < 0 ? 0 : x > 0xffff ? 0xffff : (uint32_t)x;
}

static uint32_t
sat_i16(int64_t x)
{
	return (uint16_t)(x < -32768 ? -32768 : x > 32767 ? 32767 : x);
}

/* f32 -> snorm16 / unorm16, rounding to nearest (v_cvt_pknorm_*). */
static uint32_t
snorm16(float f)
{
	f = isnan(f) ? 0.0f : f < -1.0f ? -1.0f : f > 1.0f ? 1.0f : f;
	return (uint16_t)(int16_t)lrintf(f * 32767.0f);
}

static uint32_t
unorm16(float f)
{
	f = isnan(f) ? 0.0f : f < 0.0f ? 0.0f : f > 1.0f ? 1.0f : f;
	return (uint32_t)lrintf(f * 65535.0f);
}

static int32_t
min3_i(int32_t a, int32_t b, int32_t c)
{
	int32_t m = a < b ? a : b;

	return m < c ? m : c;
}

static int32_t
max3_i(int32_t a, int32_t b, int32_t c)
{
	int32_t m = a > b ? a : b;

	return m > c ? m : c;
}

static int32_t
med3_i16(int32_t a, int32_t b, int32_t c)
{
	return max3_i(a < b ? a : b, a < c ? a : c, b < c ? b : c);
}

/* Integer opcodes with a clamp (saturating) form. */
static bool
compute_int16_sat(const struct shader_inst *in, struct vlanes *v)
{
	bool cl = in->mods & MOD_CLAMP;

	switch (in->op) {
	case ISA_OP_V_ADD_NC_U16:
		LANES(R = cl ? sat_u16((int64_t)U16(A) + U16(B)) : A + B);
		break;
	case ISA_OP_V_SUB_NC_U16:
		LANES(R = cl ? sat_u16((int64_t)U16(A) - U16(B)) : A - B);
		break;
	case ISA_OP_V_ADD_NC_I16:
		LANES(R = cl ? sat_i16((int64_t)S16(A) + S16(B)) : A + B);
		break;
	case ISA_OP_V_SUB_NC_I16:
		LANES(R = cl ? sat_i16((int64_t)S16(A) - S16(B)) : A - B);
		break;
	case ISA_OP_V_MAD_U16:
		LANES(R = cl ? sat_u16((int64_t)U16(A) * U16(B) + U16(C)) :
		    A * B + C);
		break;
	case ISA_OP_V_MAD_I16:
		LANES(R = cl ? sat_i16((int64_t)S16(A) * S16(B) + S16(C)) :
		    A * B + C);
		break;
	default:
		return false;
	}
	return true;
}

static bool
compute_int16(unsigned op, struct vlanes *v)
{
	switch (op) {
	case ISA_OP_V_LSHLREV_B16: case ISA_OP_V_LSHRREV_B16:
	case ISA_OP_V_ASHRREV_I16:
		return compute_shift(op, v);	/* vshift.c */
	case ISA_OP_V_MUL_LO_U16: LANES(R = U16(A) * U16(B)); break;
	case ISA_OP_V_MAX_U16: LANES(R = U16(A) > U16(B) ? A : B); break;
	case ISA_OP_V_MIN_U16: LANES(R = U16(A) < U16(B) ? A : B); break;
	case ISA_OP_V_MAX_I16: LANES(R = S16(A) > S16(B) ? A : B); break;
	case ISA_OP_V_MIN_I16: LANES(R = S16(A) < S16(B) ? A : B); break;
	case ISA_OP_V_MIN3_I16: LANES(R = (uint32_t)min3_i(S16(A), S16(B), S16(C))); break;
	case ISA_OP_V_MAX3_I16: LANES(R = (uint32_t)max3_i(S16(A), S16(B), S16(C))); break;
	case ISA_OP_V_MED3_I16: LANES(R = (uint32_t)med3_i16(S16(A), S16(B), S16(C))); break;
	case ISA_OP_V_MIN3_U16:
		LANES(R = (uint32_t)min3_i((int32_t)U16(A), (int32_t)U16(B), (int32_t)U16(C)));
		break;
	case ISA_OP_V_MAX3_U16:
		LANES(R = (uint32_t)max3_i((int32_t)U16(A), (int32_t)U16(B), (int32_t)U16(C)));
		break;
	case ISA_OP_V_MED3_U16:
		LANES(R = (uint32_t)med3_i16((int32_t)U16(A), (int32_t)U16(B), (int32_t)U16(C)));
		break;
	case ISA_OP_V_MAD_U32_U16: LANES(R = U16(A) * U16(B) + C); break;
	case ISA_OP_V_MAD_I32_I16: LANES(R = (uint32_t)(S16(A) * S16(B)) + C); break;
	case ISA_OP_V_CVT_PK_U16_U32:
		LANES(R = sat_u16(A) | sat_u16(B) << 16);
		break;
	case ISA_OP_V_CVT_PK_I16_I32:
		LANES(R = sat_i16((int32_t)A) | sat_i16((int32_t)B) << 16);
		break;
	case ISA_OP_V_CVT_PKNORM_I16_F32: LANES(R = snorm16(FA) | snorm16(FB) << 16); break;
	case ISA_OP_V_CVT_PKNORM_U16_F32: LANES(R = unorm16(FA) | unorm16(FB) << 16); break;
	case ISA_OP_V_CVT_PKNORM_I16_F16: LANES(R = snorm16(HA) | snorm16(HB) << 16); break;
	case ISA_OP_V_CVT_PKNORM_U16_F16: LANES(R = unorm16(HA) | unorm16(HB) << 16); break;
	default:
		return false;
	}
	return true;
}

static float
fract16(float x)
{
	float r = x - floorf(x);

	/* the largest f16 below 1 (ISA guide V_FRACT_F16) */
	return r < 0x1.ffcp-1f ? r : 0x1.ffcp-1f;
}

static uint32_t
frexp_exp16(float x)
{
	int e = 0;

	if (isnan(x) || isinf(x))
		return 0;
	frexpf(x, &e);
	return (uint16_t)e;
}

static float
frexp_mant16(float x)
{
	int e;

	return isnan(x) || isinf(x) ? x : frexpf(x, &e);
}

/* ldexp with the exponent clamped to a range an f16 result cannot leave */
static float
ldexp16(float x, int32_t e)
{
	return ldexpf(x, e < -64 ? -64 : e > 64 ? 64 : e);
}

static uint32_t
minmax3_f16(uint32_t a, uint32_t b, uint32_t c, bool max, bool ieee)
{
	uint32_t m = fminmax32(f2u(f16_to_f32((uint16_t)a)),
	    f2u(f16_to_f32((uint16_t)b)), max, ieee);

	return f32_to_f16(u2f(fminmax32(m, f2u(f16_to_f32((uint16_t)c)), max,
	    ieee)), false);
}

static uint32_t
med3_f16(uint32_t a, uint32_t b, uint32_t c, bool ieee)
{
	return f32_to_f16(u2f(med3_f(f2u(f16_to_f32((uint16_t)a)),
	    f2u(f16_to_f32((uint16_t)b)), f2u(f16_to_f32((uint16_t)c)),
	    ieee)), false);
}

/* f16 opcodes computed through f32, which holds every f16 exactly. */
static bool
compute_f16_more(const struct shader_wave *w, unsigned op, struct vlanes *v)
{
	bool ieee = F_GET(w->mode, MODE_IEEE);

	switch (op) {
	case ISA_OP_V_RSQ_F16: LANES(R = H(1.0f / sqrtf(HA))); break;
	case ISA_OP_V_LOG_F16: LANES(R = H(log2f(HA))); break;
	case ISA_OP_V_EXP_F16: LANES(R = H(exp2f(HA))); break;
	case ISA_OP_V_FLOOR_F16: LANES(R = H(floorf(HA))); break;
	case ISA_OP_V_CEIL_F16: LANES(R = H(ceilf(HA))); break;
	case ISA_OP_V_TRUNC_F16: LANES(R = H(truncf(HA))); break;
	case ISA_OP_V_RNDNE_F16: LANES(R = H(rndne_f32(HA))); break;
	case ISA_OP_V_FRACT_F16: LANES(R = H(fract16(HA))); break;
	case ISA_OP_V_SIN_F16: LANES(R = H(sinf(HA * 6.28318530718f))); break;
	case ISA_OP_V_COS_F16: LANES(R = H(cosf(HA * 6.28318530718f))); break;
	case ISA_OP_V_FREXP_MANT_F16: LANES(R = H(frexp_mant16(HA))); break;
	case ISA_OP_V_FREXP_EXP_I16_F16: LANES(R = frexp_exp16(HA)); break;
	case ISA_OP_V_LDEXP_F16: LANES(R = H(ldexp16(HA, S16(B)))); break;
	case ISA_OP_V_FMAMK_F16:
	case ISA_OP_V_FMAAK_F16: LANES(R = H((float)fma(HA, HB, HC))); break;
	case ISA_OP_V_MIN3_F16: LANES(R = minmax3_f16(A, B, C, false, ieee)); break;
	case ISA_OP_V_MAX3_F16: LANES(R = minmax3_f16(A, B, C, true, ieee)); break;
	case ISA_OP_V_MED3_F16: LANES(R = med3_f16(A, B, C, ieee)); break;
	default:
		return false;
	}
	return true;
}

bool
compute_16(const struct shader_wave *w, const struct shader_inst *in,
    struct vlanes *v)
{
	return compute_int16_sat(in, v) || compute_int16(in->op, v) ||
	    compute_f16_more(w, in->op, v);
}

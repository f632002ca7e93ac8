/*
 * Byte-wise and "media" VALU opcodes: sums of absolute differences
 * (v_sad_*, v_msad_u8), byte averages (v_lerp_u8), a float to one byte
 * (v_cvt_pk_u8_f32), v_xad_u32, and the small conversions
 * v_cvt_off_f32_i4 and v_cvt_norm_{i16,u16}_f16.
 *
 * Semantics: AMD "RDNA 2" ISA guide ch. 12 (the VOP3 and VOP1 opcode
 * descriptions).  Not modelled: v_qsad/v_mqsad, v_sat_pk_u8_i16,
 * v_swaprel_b32 (they stay undecoded, so a wave reaching them stops).
 */
#include "valu.h"

static uint32_t
absdiff(uint32_t a, uint32_t b)
{
	return a > b ? a - b : b - a;
}

/* Sum of |a.byte[k] - b.byte[k]|, bytes where b is 0 skipped if masked. */
static uint32_t
sad_bytes(uint32_t a, uint32_t b, bool masked)
{
	uint32_t s = 0, x, y;
	unsigned k;

	for (k = 0; k < 32; k += 8) {
		x = (a >> k) & 0xff;
		y = (b >> k) & 0xff;
		if (!masked || y != 0)
			s += absdiff(x, y);
	}
	return s;
}

/* Per byte: (a + b + rounding bit of c) / 2. */
static uint32_t
lerp_u8(uint32_t a, uint32_t b, uint32_t c)
{
	uint32_t r = 0, k;

	for (k = 0; k < 32; k += 8)
		r |= ((((a >> k) & 0xff) + ((b >> k) & 0xff) +
		    ((c >> k) & 1)) >> 1) << k;
	return r;
}

/* S0 as an unsigned byte (rounded, saturated) into byte S1[1:0] of S2. */
static uint32_t
cvt_pk_u8(float f, uint32_t sel, uint32_t old)
{
	unsigned sh = 8 * (sel & 3);
	uint32_t b;

	f = isnan(f) ? 0.0f : f < 0.0f ? 0.0f : f > 255.0f ? 255.0f : f;
	b = (uint32_t)lrintf(f);
	return (old & ~(0xffu << sh)) | b << sh;
}

/* A signed 4-bit value in sixteenths: 0..7 -> 0..0.4375, 8..15 -> -0.5.. */
static float
cvt_off_i4(uint32_t x)
{
	int v = (int)(x & 15);

	return (float)(v >= 8 ? v - 16 : v) * 0.0625f;
}

static uint32_t
norm16(float f, bool sgn)
{
	if (isnan(f))
		return 0;
	if (sgn) {
		f = f < -1.0f ? -1.0f : f > 1.0f ? 1.0f : f;
		return (uint16_t)(int16_t)lrintf(f * 32767.0f);
	}
	f = f < 0.0f ? 0.0f : f > 1.0f ? 1.0f : f;
	return (uint32_t)lrintf(f * 65535.0f);
}

bool
compute_media(unsigned op, struct vlanes *v)
{
	switch (op) {
	case ISA_OP_V_SAD_U8: LANES(R = sad_bytes(A, B, false) + C); break;
	case ISA_OP_V_SAD_HI_U8: LANES(R = (sad_bytes(A, B, false) << 16) + C); break;
	case ISA_OP_V_SAD_U16:
		LANES(R = absdiff(A & 0xffff, B & 0xffff) + absdiff(A >> 16, B >> 16) + C);
		break;
	case ISA_OP_V_SAD_U32: LANES(R = absdiff(A, B) + C); break;
	case ISA_OP_V_MSAD_U8: LANES(R = sad_bytes(A, B, true) + C); break;
	case ISA_OP_V_LERP_U8: LANES(R = lerp_u8(A, B, C)); break;
	case ISA_OP_V_CVT_PK_U8_F32: LANES(R = cvt_pk_u8(FA, B, C)); break;
	case ISA_OP_V_XAD_U32: LANES(R = (A ^ B) + C); break;
	case ISA_OP_V_CVT_OFF_F32_I4: LANES(R = f2u(cvt_off_i4(A))); break;
	case ISA_OP_V_CVT_NORM_I16_F16: LANES(R = norm16(HA, true)); break;
	case ISA_OP_V_CVT_NORM_U16_F16: LANES(R = norm16(HA, false)); break;
	default: return false;
	}
	return true;
}

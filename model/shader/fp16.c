/*
 * IEEE binary16 <-> binary32 conversions for the f16 VALU opcodes
 * (v_cvt_f16_f32, v_cvt_pkrtz_f16_f32, the *_f16 arithmetic).  Portable
 * C, no _Float16: in the wave's f16 rounding mode (MODE.FP_ROUND[3:2],
 * set per instruction by fpmode.c), or toward zero for pkrtz.
 */
#include <math.h>
#include <string.h>

#include "interp.h"

float
f16_to_f32(uint16_t h)
{
	uint32_t sign = (uint32_t)(h & 0x8000) << 16;
	uint32_t exp = (h >> 10) & 0x1f, man = h & 0x3ff, bits;
	float f;

	if (exp == 0x1f) {
		bits = sign | 0x7f800000u | man << 13;	/* inf / NaN */
	} else if (exp != 0) {
		bits = sign | (exp + 112) << 23 | man << 13;
	} else {
		f = ldexpf((float)man, -24);		/* zero / denormal */
		memcpy(&bits, &f, 4);
		bits |= sign;
	}
	memcpy(&f, &bits, 4);
	return f;
}

/* The f16 rounding mode of the running instruction (fpmode.c). */
_Thread_local unsigned f16_round_mode = ROUND_NEAREST_EVEN;

/* Whether to round the magnitude up, given the bits shifted out. */
static bool
round_up(unsigned mode, bool neg, uint32_t rem, uint32_t halfway, bool odd)
{
	switch (mode) {
	case ROUND_PLUS_INF:	return !neg && rem != 0;
	case ROUND_MINUS_INF:	return neg && rem != 0;
	case ROUND_ZERO:	return false;
	default:		return rem > halfway || (rem == halfway && odd);
	}
}

/* Too large for f16: infinity, or the largest finite value when the
 * mode rounds toward zero for this sign. */
static uint16_t
overflow16(unsigned mode, bool neg)
{
	bool inf = mode == ROUND_NEAREST_EVEN ||
	    (mode == ROUND_PLUS_INF && !neg) || (mode == ROUND_MINUS_INF && neg);

	return (uint16_t)((neg ? 0x8000 : 0) | (inf ? 0x7c00 : 0x7bff));
}

/*
 * f32 -> f16 in the current f16 rounding mode (MODE.FP_ROUND[3:2]), or
 * toward zero when rtz (v_cvt_pkrtz_f16_f32).
 */
uint16_t
f32_to_f16(float f, bool rtz)
{
	unsigned mode = rtz ? ROUND_ZERO : f16_round_mode;
	uint32_t bits, sign, man, rem, half, shift;
	bool neg;
	int exp;

	memcpy(&bits, &f, 4);
	sign = (bits >> 16) & 0x8000;
	neg = sign != 0;
	exp = (int)((bits >> 23) & 0xff) - 127 + 15;
	man = bits & 0x7fffff;
	if (((bits >> 23) & 0xff) == 0xff)		/* inf / NaN (quiet) */
		return (uint16_t)(sign | 0x7c00 | (man ? 0x200 | man >> 13 : 0));
	if (exp >= 0x1f)				/* overflow */
		return overflow16(mode, neg);
	if (exp <= 0) {					/* f16 denormal / zero */
		if (exp < -10)		/* below half the smallest denormal */
			return (uint16_t)(sign | (round_up(mode, neg,
			    bits & 0x7fffffff, ~0u, false) ? 1 : 0));
		man |= 0x800000;
		shift = (uint32_t)(14 - exp);
	} else {
		shift = 13;
	}
	half = (exp <= 0 ? 0 : (uint32_t)exp << 10) | (man >> shift);
	rem = man & ((1u << shift) - 1);
	if (round_up(mode, neg, rem, 1u << (shift - 1), half & 1))
		half++;				/* may carry into the exponent */
	return (uint16_t)(sign | half);
}

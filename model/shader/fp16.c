/*
 * IEEE binary16 <-> binary32 conversions for the f16 VALU opcodes
 * (v_cvt_f16_f32, v_cvt_pkrtz_f16_f32, the *_f16 arithmetic).  Portable
 * C, no _Float16: round to nearest even, or toward zero for pkrtz.
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

uint16_t
f32_to_f16(float f, bool rtz)
{
	uint32_t bits, sign, man, rem, half;
	int exp;
	uint32_t shift;

	memcpy(&bits, &f, 4);
	sign = (bits >> 16) & 0x8000;
	exp = (int)((bits >> 23) & 0xff) - 127 + 15;
	man = bits & 0x7fffff;
	if (((bits >> 23) & 0xff) == 0xff)		/* inf / NaN (quiet) */
		return (uint16_t)(sign | 0x7c00 | (man ? 0x200 | man >> 13 : 0));
	if (exp >= 0x1f)				/* overflow */
		return (uint16_t)(sign | (rtz ? 0x7bff : 0x7c00));
	if (exp <= 0) {					/* f16 denormal / zero */
		if (exp < -10)
			return (uint16_t)sign;
		man |= 0x800000;
		shift = (uint32_t)(14 - exp);
	} else {
		shift = 13;
	}
	half = (exp <= 0 ? 0 : (uint32_t)exp << 10) | (man >> shift);
	rem = man & ((1u << shift) - 1);
	if (!rtz && (rem > (1u << (shift - 1)) ||
	    (rem == (1u << (shift - 1)) && (half & 1))))
		half++;				/* may carry into the exponent */
	return (uint16_t)(sign | half);
}

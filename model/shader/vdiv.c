/*
 * IEEE division helpers and the f64 extras.
 *
 * A compiler divides n / d as (LLVM AMDGPUISelLowering / SIISelLowering
 * LowerFDIV32 and LowerFDIV64):
 *   ds = v_div_scale(d, d, n); ns = v_div_scale(n, d, n) -> VCC
 *   r = rcp(ds), refined with fma; q = ns * r, refined with fma
 *   q = v_div_fmas(rem, r, q, VCC); result = v_div_fixup(q, d, n)
 * v_div_scale moves operands whose quotient or reciprocal would leave
 * the normal range by 2^64 (f32) / 2^128 (f64) and sets VCC when the
 * quotient itself is scaled; v_div_fmas undoes that scale in its single
 * rounding; v_div_fixup handles zeros, infinities and NaNs.
 *
 * The model's reading of the ISA guide (ch. 12 V_DIV_SCALE_F32,
 * V_DIV_FMAS_F32, V_DIV_FIXUP_F32), whose pseudo-code does not say in
 * which direction v_div_fmas scales: the scaled quotient S2 tells it
 * (a huge quotient had its denominator scaled up, so scale up; a tiny
 * one had its numerator scaled up, so scale down).  The sequence is
 * tested to give exactly IEEE n / d (tests/unit/test_valu.c).  The fma
 * and the scale are one double-precision fma plus an exact ldexp, so
 * f32 rounds once; f64 results that end up denormal round twice.
 */
#include <float.h>

#include "valu.h"

#define DIV_SCALE_F32	64
#define DIV_SCALE_F64	128

static int
exp_f32(float x)
{
	return (int)((f2u(x) >> 23) & 0xff);
}

static int
exp_f64(double x)
{
	return (int)((d2u(x) >> 52) & 0x7ff);
}

/*
 * v_div_scale: S0 is the operand to scale (the numerator or the
 * denominator), S1 the denominator, S2 the numerator.
 */
static double
div_scale(double s0, double s1, double s2, bool f64, uint32_t *vcc)
{
	double tiny = f64 ? DBL_MIN : FLT_MIN;
	int sc = f64 ? DIV_SCALE_F64 : DIV_SCALE_F32;
	int e1 = f64 ? exp_f64(s1) : exp_f32((float)s1);
	int e2 = f64 ? exp_f64(s2) : exp_f32((float)s2);
	int big = f64 ? 768 : 96, man = f64 ? 53 : 23;
	double q = s2 / s1, r = 1.0 / s1;

	*vcc = 0;
	if (s2 == 0 || s1 == 0 || isnan(s1) || isnan(s2) || isinf(s1) ||
	    isinf(s2))
		return s0;			/* v_div_fixup decides */
	if (e2 - e1 >= big) {			/* quotient near overflow */
		*vcc = 1;
		return s0 == s1 ? ldexp(s0, sc) : s0;
	}
	if (fabs(s1) < tiny)			/* denormal denominator */
		return ldexp(s0, sc);
	if (fabs(q) < tiny) {			/* denormal quotient */
		*vcc = 1;
		return s0 == s2 ? ldexp(s0, sc) : s0;
	}
	if (fabs(r) < tiny)			/* denormal reciprocal */
		return ldexp(s0, -sc);
	if (e2 <= man)				/* tiny numerator */
		return ldexp(s0, sc);
	return s0;
}

/* v_div_fmas: fma, times 2^+-scale where VCC is set (see above). */
static double
div_fmas(double a, double b, double c, bool f64, uint32_t vcc)
{
	int sc = f64 ? DIV_SCALE_F64 : DIV_SCALE_F32;
	double r;

	if (!vcc)	/* f32: one rounding, as the hardware's fma */
		return f64 ? fma(a, b, c) : fmaf((float)a, (float)b, (float)c);
	r = fma(a, b, c);
	return ldexp(r, fabs(c) >= 1.0 ? sc : -sc);
}

/* v_div_fixup(q, d, n): special operands, else q with the right sign. */
static double
div_fixup(double q, double d, double n)
{
	bool neg = signbit(d) != signbit(n);

	if (isnan(n))
		return n;
	if (isnan(d))
		return d;
	if ((d == 0 && n == 0) || (isinf(d) && isinf(n)))
		return NAN;
	if (d == 0 || isinf(n))
		return neg ? -INFINITY : INFINITY;
	if (isinf(d) || n == 0)
		return neg ? -0.0 : 0.0;
	if (isnan(q))
		return q;
	return neg ? -fabs(q) : fabs(q);
}

static uint32_t
frexp_exp64(double x)
{
	int e = 0;

	if (isnan(x) || isinf(x))
		return 0;
	frexp(x, &e);
	return (uint32_t)e;
}

static double
frexp_mant64(double x)
{
	int e;

	return isnan(x) || isinf(x) ? x : frexp(x, &e);
}

/* Quiet a NaN result of f32 arithmetic in double (keeps the payload). */
static uint32_t
to_f32(double x)
{
	return f2u((float)x);
}

bool
compute_div(const struct shader_wave *w, unsigned op, struct vlanes *v)
{
	switch (op) {
	case ISA_OP_V_DIV_SCALE_F32:
		LANES(R = to_f32(div_scale(FA, FB, FC, false, &v->c[l])));
		break;
	case ISA_OP_V_DIV_SCALE_F64:
		LANES(RQ = d2u(div_scale(DA, DB, DC, true, &v->c[l])));
		break;
	case ISA_OP_V_DIV_FMAS_F32:
		LANES(R = to_f32(div_fmas(FA, FB, FC, false,
		    (vcc_mask(w) >> l) & 1)));
		break;
	case ISA_OP_V_DIV_FMAS_F64:
		LANES(RQ = d2u(div_fmas(DA, DB, DC, true, (vcc_mask(w) >> l) & 1)));
		break;
	case ISA_OP_V_DIV_FIXUP_F32: LANES(R = to_f32(div_fixup(FA, FB, FC))); break;
	case ISA_OP_V_DIV_FIXUP_F64: LANES(RQ = d2u(div_fixup(DA, DB, DC))); break;
	case ISA_OP_V_DIV_FIXUP_F16: LANES(R = H((float)div_fixup(HA, HB, HC))); break;
	case ISA_OP_V_FREXP_EXP_I32_F64: LANES(R = frexp_exp64(DA)); break;
	case ISA_OP_V_FREXP_MANT_F64: LANES(RQ = d2u(frexp_mant64(DA))); break;
	default:
		return false;
	}
	return true;
}

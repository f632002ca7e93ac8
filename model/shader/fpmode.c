/*
 * MODE.FP_ROUND for the vector ALU: each float instruction runs with the
 * host's rounding mode set to the wave's (C fenv.h), so +, *, fma,
 * sqrt and int -> float conversions round as the shader asked; f16
 * results round the same way in f32_to_f16 (fp16.c).
 *
 * Which field applies (ISA guide §3.6.3 MODE: FP_ROUND [1:0] single
 * precision, [3:2] double and half precision): the result's float
 * type, else the first source's.  valu.c calls this only when some
 * rounding field is not nearest even (the common case costs one test)
 * and puts compiler memory barriers next to the fenv calls: the lane
 * arithmetic reads and writes memory (struct vlanes), so it stays
 * between them.
 *
 * Approximated: libm's transcendental functions (exp2f, log2f, sinf,
 * ...) follow the host mode in their own way; the hardware's are fixed
 * approximations anyway.  v_rndne, floor, ceil and trunc never depend
 * on the mode (valu.c uses mode-free helpers).
 */
#include <fenv.h>

#include "valu.h"

static const int host_round[4] = {
	[ROUND_NEAREST_EVEN] = FE_TONEAREST,
	[ROUND_PLUS_INF] = FE_UPWARD,
	[ROUND_MINUS_INF] = FE_DOWNWARD,
	[ROUND_ZERO] = FE_TOWARDZERO,
};

static bool
is_wide_float(unsigned t)
{
	return t == T_F64 || t == T_F16 || t == T_PK16;
}

/* The MODE rounding field that governs instruction `in`. */
static unsigned
round_field(const struct shader_wave *w, const struct shader_inst *in)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	unsigned t = i->dst == T_F32 || is_wide_float(i->dst) ? i->dst : i->src[0];

	return is_wide_float(t) ? F_GET(w->mode, MODE_ROUND_F64) :
	    F_GET(w->mode, MODE_ROUND_F32);
}

/*
 * Before computing: set the host mode (and f16 rounding) for `in`.
 * Returns the host mode to restore, or -1 when nothing changed.
 */
int
fpmode_enter(const struct shader_wave *w, const struct shader_inst *in)
{
	unsigned r = round_field(w, in);
	int old;

	f16_round_mode = r;
	if (r == ROUND_NEAREST_EVEN)
		return -1;
	old = fegetround();
	fesetround(host_round[r]);
	return old;
}

void
fpmode_leave(int old)
{
	f16_round_mode = ROUND_NEAREST_EVEN;
	if (old >= 0)
		fesetround(old);
}

/* Round to the nearest integer, ties to even, whatever the host mode. */
float
rndne_f32(float x)
{
	float t = truncf(x), d = x - t;		/* exact */

	if (fabsf(d) > 0.5f || (fabsf(d) == 0.5f && fmodf(t, 2.0f) != 0))
		t += copysignf(1.0f, x);
	return t == 0 ? copysignf(0.0f, x) : t;
}

double
rndne_f64(double x)
{
	double t = trunc(x), d = x - t;

	if (fabs(d) > 0.5 || (fabs(d) == 0.5 && fmod(t, 2.0) != 0))
		t += copysign(1.0, x);
	return t == 0 ? copysign(0.0, x) : t;
}

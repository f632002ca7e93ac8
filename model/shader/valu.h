/*
 * Shared by the vector ALU files (valu.c: gather, the 32/64-bit opcodes,
 * VOPC and write-back; valu16.c: 16-bit integer and f16; vdiv.c: the
 * division helpers and f64 extras; vpk.c: VOP3P packed, dot and mix;
 * vmedia.c: byte / SAD opcodes; vshift.c: per-lane variable shifts;
 * crosslane.c: lane permutes).  Not part of the library's interface.
 */
#ifndef MODEL_SHADER_VALU_H
#define MODEL_SHADER_VALU_H

#include <math.h>

#include "interp.h"

/*
 * A function built twice, for AVX2 and for baseline x86-64, the copy
 * chosen at load by the CPU (GCC target_clones, an ifunc): for lane loops
 * that SSE2 leaves scalar (per-lane shifts, 64-bit compares).
 */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define VALU_CLONES	__attribute__((target_clones("avx2", "default")))
#else
#define VALU_CLONES
#endif

/* Lane arrays of one instruction. */
struct vlanes {
	uint32_t a[3][NL];		/* 32-bit sources */
	uint64_t q[3][NL];		/* 64-bit sources */
	uint32_t r[NL];			/* 32-bit result */
	uint64_t rq[NL];		/* 64-bit result */
	uint32_t c[NL];			/* carry / compare bit per lane */
	uint32_t cin[NL];		/* lane-mask source bit per lane */
	uint64_t wmask;			/* lanes to write */
};

static inline float
u2f(uint32_t u)
{
	float f;

	memcpy(&f, &u, 4);
	return f;
}

static inline uint32_t
f2u(float f)
{
	uint32_t u;

	memcpy(&u, &f, 4);
	return u;
}

static inline double
u2d(uint64_t u)
{
	double d;

	memcpy(&d, &u, 8);
	return d;
}

static inline uint64_t
d2u(double d)
{
	uint64_t u;

	memcpy(&u, &d, 8);
	return u;
}

bool	is_snan32(uint32_t u);
bool	is_snan64(uint64_t u);
uint32_t fminmax32(uint32_t a, uint32_t b, bool max, bool ieee);
uint64_t fminmax64(uint64_t a, uint64_t b, bool max, bool ieee);
uint32_t med3_f(uint32_t a, uint32_t b, uint32_t c, bool ieee);
uint32_t cvt_i32(double x);
uint32_t cvt_u32(double x);

/* fpmode.c */
int	fpmode_enter(const struct shader_wave *w, const struct shader_inst *in);
void	fpmode_leave(int old);
float	rndne_f32(float x);
double	rndne_f64(double x);

/* valu16.c */
bool	compute_16(const struct shader_wave *w, const struct shader_inst *in,
	    struct vlanes *v);
/* vdiv.c */
bool	compute_div(const struct shader_wave *w, unsigned op,
	    struct vlanes *v);
/* vmedia.c */
bool	compute_media(unsigned op, struct vlanes *v);
/* vpk.c */
bool	compute_vop3p(const struct shader_wave *w,
	    const struct shader_inst *in, struct vlanes *v);
/* vshift.c */
bool	compute_shift(unsigned op, struct vlanes *v);
/* crosslane.c */
bool	exec_crosslane(struct shader_wave *w, const struct shader_inst *in,
	    struct vlanes *v);

/* Per-lane statement over all lanes, and the lane operands in it. */
#define LANES(stmt)	do { for (int l = 0; l < NL; l++) { stmt; } } while (0)
#define A	v->a[0][l]
#define B	v->a[1][l]
#define C	v->a[2][l]
#define FA	u2f(v->a[0][l])
#define FB	u2f(v->a[1][l])
#define FC	u2f(v->a[2][l])
#define QA	v->q[0][l]
#define QB	v->q[1][l]
#define QC	v->q[2][l]
#define DA	u2d(v->q[0][l])
#define DB	u2d(v->q[1][l])
#define DC	u2d(v->q[2][l])
#define HA	f16_to_f32((uint16_t)v->a[0][l])
#define HB	f16_to_f32((uint16_t)v->a[1][l])
#define HC	f16_to_f32((uint16_t)v->a[2][l])
#define R	v->r[l]
#define RQ	v->rq[l]
#define H(x)	f32_to_f16((x), false)

#endif

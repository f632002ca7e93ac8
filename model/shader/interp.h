/*
 * Shared by the interpreter's parts (interp.c: the loop, scalar ALU,
 * SOPP, SMEM; valu.c: vector ALU; ds.c: LDS; vmem.c: vector memory;
 * atomic.c: atomics of both).
 * Not part of the library's interface: wave.h is.
 */
#ifndef MODEL_SHADER_INTERP_H
#define MODEL_SHADER_INTERP_H

#include <string.h>

#include "wave.h"

#define NL	SHADER_MAX_LANES

static inline uint64_t
lane_bits(const struct shader_wave *w)
{
	return w->nlanes == 64 ? ~0ull : 0xffffffffull;
}

static inline uint64_t
wave_exec(const struct shader_wave *w)
{
	return ((uint64_t)w->sgpr[OPR_EXEC_HI] << 32 | w->sgpr[OPR_EXEC_LO]) &
	    lane_bits(w);
}

static inline uint64_t
sreg64(const struct shader_wave *w, unsigned r)
{
	return (uint64_t)w->sgpr[r + 1] << 32 | w->sgpr[r];
}

/* Scalar writes; NULL (125) reads as zero and discards writes. */
static inline void
swrite32(struct shader_wave *w, unsigned r, uint32_t v)
{
	if (r != OPR_NULL)
		w->sgpr[r] = v;
}

static inline void
swrite64(struct shader_wave *w, unsigned r, uint64_t v)
{
	swrite32(w, r, (uint32_t)v);
	swrite32(w, r + 1, (uint32_t)(v >> 32));
}

/* A lane mask (VCC, SDST): one SGPR in wave32, a pair in wave64. */
static inline void
write_lm(struct shader_wave *w, unsigned r, uint64_t m)
{
	if (w->nlanes == 64)
		swrite64(w, r, m);
	else
		swrite32(w, r, (uint32_t)m);
}

static inline uint64_t
vcc_mask(const struct shader_wave *w)
{
	return sreg64(w, OPR_VCC_LO) & lane_bits(w);
}

/*
 * After lanes `written` of VGPRs reg .. reg + n - 1 changed: in a wave64,
 * copy them to the partner lanes (l ^ 32) of the shared VGPRs among them
 * (struct shader_wave shared_vgpr_*).  Every VGPR writer calls it.
 */
static inline void
vgpr_shared_sync(struct shader_wave *w, unsigned reg, unsigned n,
    uint64_t written)
{
	unsigned lo = w->shared_vgpr_base, hi = lo + w->shared_vgpr_count, r;

	if (w->shared_vgpr_count == 0 || w->nlanes != 64 || reg + n <= lo ||
	    reg >= hi)
		return;
	for (r = reg; r < reg + n; r++) {
		if (r < lo || r >= hi)
			continue;
		for (unsigned l = 0; l < 64; l++)
			if ((written >> l) & 1)
				w->vgpr[r][l ^ 32] = w->vgpr[r][l];
	}
}

uint32_t	sread32(const struct shader_wave *w, const struct shader_operand *o);
uint64_t	sread64(const struct shader_wave *w, const struct shader_operand *o);
uint64_t	read_lm(const struct shader_wave *w, const struct shader_operand *o);
void	wave_stop(struct shader_wave *w, const struct shader_inst *in,
	    enum shader_status st);
void	wave_fault(struct shader_wave *w, const struct shader_inst *in,
	    uint64_t va, bool write);

/* hwreg.c */
void	exec_hwreg(struct shader_wave *w, const struct shader_inst *in);
/* movrel.c */
bool	exec_s_movrel(struct shader_wave *w, const struct shader_inst *in);
bool	exec_v_movrel(struct shader_wave *w, const struct shader_inst *in);

/* valu.c */
void	exec_valu(struct shader_wave *w, const struct shader_inst *in);
/* ds.c */
void	exec_ds(struct shader_wave *w, const struct shader_inst *in);
/* vmem.c */
void	exec_mubuf(struct shader_wave *w, const struct shader_inst *in);
void	exec_flat(struct shader_wave *w, const struct shader_inst *in);
void	exec_scratch(struct shader_wave *w, const struct shader_inst *in);
/* mtbuf.c */
void	exec_mtbuf(struct shader_wave *w, const struct shader_inst *in);
/* mimg.c */
void	exec_mimg(struct shader_wave *w, const struct shader_inst *in);
/* fp16.c */
extern _Thread_local unsigned f16_round_mode;	/* ROUND_*, fpmode.c sets it */
float	f16_to_f32(uint16_t h);
uint16_t f32_to_f16(float f, bool rtz);

#endif

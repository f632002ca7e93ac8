/*
 * Hardware registers through s_getreg_b32 / s_setreg_b32 /
 * s_setreg_imm32_b32: a bit field (id, offset, size) of MODE, STATUS,
 * the allocation and ID registers, FLAT_SCRATCH and SHADER_CYCLES.
 *
 * Ids and the SIMM16 layout: isa_gfx10.h HWREG_* (LLVM SIDefines.h,
 * docs/AMDGPU/gfx10_hwreg.rst).  Field layouts: AMD "RDNA 2" ISA guide
 * §3.3 (STATUS, MODE, GPR_ALLOC, LDS_ALLOC, HW_ID1/2).
 *
 * The model runs every wave as if it were wave slot 0 on SIMD 0 of
 * WGP 0 in SE 0 / SA 0 of queue 0, so HW_ID1 and HW_ID2 read as 0.  A
 * wave owns all 256 VGPRs.  Writes reach MODE and FLAT_SCR_LO/HI only;
 * the other known registers are read-only to a shader and ignore them.
 */
#include "interp.h"

/* The mask of a `size`-bit field at bit `off`. */
static uint32_t
field_mask(unsigned off, unsigned size)
{
	return (uint32_t)((size >= 32 ? ~0ull : (1ull << size) - 1) << off);
}

static uint32_t
status_value(const struct shader_wave *w)
{
	uint32_t s = STATUS_VALID;

	s |= w->scc ? STATUS_SCC : 0;
	s |= wave_exec(w) == 0 ? STATUS_EXECZ : 0;
	s |= vcc_mask(w) == 0 ? STATUS_VCCZ : 0;
	return s;
}

/* VGPRs in granules of 8 (wave32) or 4 (wave64) registers, minus one. */
static uint32_t
gpr_alloc_value(const struct shader_wave *w)
{
	unsigned granule = w->nlanes == 32 ? 8 : 4;

	return F_PREP(GPR_ALLOC_VGPR_SIZE, SHADER_MAX_VGPRS / granule - 1);
}

/* Reads a whole register; false when the model does not know it. */
static bool
hwreg_read(const struct shader_wave *w, unsigned id, uint32_t *v)
{
	switch (id) {
	case HWREG_MODE:	*v = w->mode; return true;
	case HWREG_STATUS:	*v = status_value(w); return true;
	case HWREG_TRAPSTS:
	case HWREG_IB_STS:
	case HWREG_HW_ID1:
	case HWREG_HW_ID2:	*v = 0; return true;
	case HWREG_GPR_ALLOC:	*v = gpr_alloc_value(w); return true;
	case HWREG_LDS_ALLOC:
		*v = F_PREP(LDS_ALLOC_LDS_SIZE, w->lds_size / 512);
		return true;
	case HWREG_FLAT_SCR_LO:	*v = (uint32_t)w->flat_scratch; return true;
	case HWREG_FLAT_SCR_HI:
		*v = (uint32_t)(w->flat_scratch >> 32);
		return true;
	case HWREG_SHADER_CYCLES:	/* instructions stand in for cycles */
		*v = (uint32_t)w->executed & SHADER_CYCLES_MASK;
		return true;
	}
	return false;
}

static bool
hwreg_write(struct shader_wave *w, unsigned id, uint32_t v)
{
	switch (id) {
	case HWREG_MODE:
		w->mode = v;
		return true;
	case HWREG_FLAT_SCR_LO:
		w->flat_scratch = (w->flat_scratch & ~0xffffffffull) | v;
		return true;
	case HWREG_FLAT_SCR_HI:
		w->flat_scratch = (w->flat_scratch & 0xffffffffull) |
		    (uint64_t)v << 32;
		return true;
	}
	return hwreg_read(w, id, &v);	/* read-only: write ignored */
}

/*
 * s_getreg_b32 D = field; s_setreg_b32 / s_setreg_imm32_b32 replace the
 * field with the low bits of S0.  An unknown register id stops the wave
 * as unsupported.
 */
void
exec_hwreg(struct shader_wave *w, const struct shader_inst *in)
{
	uint32_t simm = (uint16_t)in->offset, reg, m;
	unsigned id = F_GET(simm, HWREG_ID), off = F_GET(simm, HWREG_OFFSET);
	unsigned size = F_GET(simm, HWREG_SIZE_M1) + 1;

	if (!hwreg_read(w, id, &reg)) {
		wave_stop(w, in, SHADER_UNSUPPORTED);
		return;
	}
	m = field_mask(off, size);
	if (in->op == ISA_OP_S_GETREG_B32) {
		swrite32(w, in->dst.reg, (reg & m) >> off);
		return;
	}
	reg = (reg & ~m) | ((sread32(w, &in->src[0]) << off) & m);
	hwreg_write(w, id, reg);
}

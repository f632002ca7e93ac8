/*
 * Cross-lane VALU opcodes, the building blocks of subgroup operations:
 * v_readfirstlane, v_readlane, v_writelane (scalar <-> one lane),
 * v_permlane16 / v_permlanex16 (a lane permute within or across the two
 * rows of 16 in each half-wave) and the v_mbcnt lane counts.
 * DPP (quad_perm, row_*) is applied while gathering sources (valu.c).
 *
 * Semantics: AMD "RDNA 2" ISA guide ch. 12 (V_READLANE_B32,
 * V_PERMLANE16_B32, V_PERMLANEX16_B32, V_MBCNT_*); the permlane OPSEL
 * bits are FI (bit 0) and BOUND_CTRL (bit 1), as LLVM's assembler
 * spells them (op_sel:[fi,bc]; VOP3Instructions.td VOP3_PERMLANE).
 */
#include "valu.h"

#define PERMLANE_FI	(1u << 0)
#define PERMLANE_BC	(1u << 1)

/*
 * Lane l reads lane sel(l) of its own row of 16 (permlane16) or of the
 * other row in its 32-lane half (permlanex16); sel(l) is nibble l % 16
 * of {S2, S1}.  A source lane that is inactive reads 0 with BOUND_CTRL
 * and leaves the destination alone without it, unless FI fetches it.
 */
static void
permlane(struct shader_wave *w, const struct shader_inst *in,
    struct vlanes *v, bool cross)
{
	uint64_t sel = (uint64_t)v->a[2][0] << 32 | v->a[1][0];
	uint64_t ex = wave_exec(w);
	uint32_t *d = w->vgpr[in->dst.reg], src[NL];
	int l, s;

	memcpy(src, v->a[0], sizeof(src));
	for (l = 0; l < NL; l++) {
		if (!((ex >> l) & 1))
			continue;
		s = (l & ~15) + (int)((sel >> (4 * (l & 15))) & 15);
		if (cross)
			s ^= 16;
		if ((ex >> s) & 1 || (in->opsel & PERMLANE_FI))
			d[l] = src[s];
		else if (in->opsel & PERMLANE_BC)
			d[l] = 0;
	}
	vgpr_shared_sync(w, in->dst.reg, 1, ex);
}

/*
 * Returns true when the instruction was done here; v_mbcnt computes the
 * result lanes and returns false so the normal write-back stores them.
 */
bool
exec_crosslane(struct shader_wave *w, const struct shader_inst *in,
    struct vlanes *v)
{
	uint64_t ex = wave_exec(w);
	unsigned lane;

	switch (in->op) {
	case ISA_OP_V_READFIRSTLANE_B32:
		lane = ex ? (unsigned)__builtin_ctzll(ex) : 0;
		swrite32(w, in->dst.reg, v->a[0][lane]);
		return true;
	case ISA_OP_V_READLANE_B32:
		lane = v->a[1][0] & (w->nlanes - 1);
		swrite32(w, in->dst.reg, v->a[0][lane]);
		return true;
	case ISA_OP_V_WRITELANE_B32:	/* ignores EXEC */
		lane = v->a[1][0] & (w->nlanes - 1);
		w->vgpr[in->dst.reg][lane] = v->a[0][0];
		vgpr_shared_sync(w, in->dst.reg, 1, 1ull << lane);
		return true;
	case ISA_OP_V_PERMLANE16_B32:
		permlane(w, in, v, false);
		return true;
	case ISA_OP_V_PERMLANEX16_B32:
		permlane(w, in, v, true);
		return true;
	case ISA_OP_V_MBCNT_LO_U32_B32:
		LANES(R = (uint32_t)__builtin_popcountll(A &
		    (uint32_t)((1ull << l) - 1)) + B);
		return false;
	case ISA_OP_V_MBCNT_HI_U32_B32:
		LANES(R = (uint32_t)__builtin_popcountll(A &
		    (uint32_t)(((1ull << l) - 1) >> 32)) + B);
		return false;
	case ISA_OP_V_NOP:
		return true;
	}
	return false;
}

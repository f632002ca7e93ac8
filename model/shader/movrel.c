/*
 * M0-relative register moves (indexing into register arrays):
 *   s_movrels_b32/b64   D = SGPR[S0 + M0]
 *   s_movreld_b32/b64   SGPR[D + M0] = S0
 *   s_movrelsd_2_b32    SGPR[D + M0[25:16]] = SGPR[S0 + M0[9:0]]
 *   v_movrels_b32       VGPR[D] = VGPR[S0 + M0]
 *   v_movreld_b32       VGPR[D + M0] = S0
 *   v_movrelsd_b32      VGPR[D + M0] = VGPR[S0 + M0]
 *   v_movrelsd_2_b32    VGPR[D + M0[25:16]] = VGPR[S0 + M0[9:0]]
 *   v_swap_b32          VGPR[D] <-> VGPR[S0]  (not M0-relative; here
 *                       because it is the other register-to-register move)
 * (AMD "RDNA 2" ISA guide ch. 12, S_MOVREL* in SOP1 and V_MOVREL* /
 * V_SWAP_B32 in VOP1; the _2 forms take two 10-bit indices from M0.)
 *
 * An index past the register file (s105 for SGPRs, since VCC, TTMP, M0
 * and EXEC are not array slots, or v255) stops the wave as unsupported:
 * the guide leaves it undefined and no compiler should emit it.
 */
#include "interp.h"

#define M0_IDX_LO(m)	((m) & 0x3ff)		/* _2 forms: source index */
#define M0_IDX_HI(m)	(((m) >> 16) & 0x3ff)	/* _2 forms: dest index */

static bool
sgpr_ok(uint64_t r, unsigned n)
{
	return r + n <= OPR_SGPR_LAST + 1;
}

/* Returns false when in->op is not an s_movrel opcode. */
bool
exec_s_movrel(struct shader_wave *w, const struct shader_inst *in)
{
	uint32_t m0 = w->sgpr[OPR_M0];
	uint64_t s = in->src[0].reg, d = in->dst.reg;
	unsigned n = isa_ops[in->op].dst == T_B64 ? 2 : 1, k;
	uint32_t val[2];

	switch (in->op) {
	case ISA_OP_S_MOVRELS_B32:
	case ISA_OP_S_MOVRELS_B64:
		s += m0;
		break;
	case ISA_OP_S_MOVRELD_B32:
	case ISA_OP_S_MOVRELD_B64:
		d += m0;
		break;
	case ISA_OP_S_MOVRELSD_2_B32:
		s += M0_IDX_LO(m0);
		d += M0_IDX_HI(m0);
		break;
	default:
		return false;
	}
	/* a relative source must be an SGPR; a constant S0 is read as is */
	if (in->op == ISA_OP_S_MOVRELD_B32 || in->op == ISA_OP_S_MOVRELD_B64) {
		val[0] = (uint32_t)sread64(w, &in->src[0]);
		val[1] = (uint32_t)(sread64(w, &in->src[0]) >> 32);
	} else if (in->src[0].kind == OPK_SGPR && sgpr_ok(s, n)) {
		val[0] = w->sgpr[s];
		val[1] = n == 2 ? w->sgpr[s + 1] : 0;
	} else {
		wave_stop(w, in, SHADER_UNSUPPORTED);
		return true;
	}
	if (!sgpr_ok(d, n)) {
		wave_stop(w, in, SHADER_UNSUPPORTED);
		return true;
	}
	for (k = 0; k < n; k++)
		w->sgpr[d + k] = val[k];
	return true;
}

/* Per lane under EXEC; false when in->op is not a v_movrel opcode. */
bool
exec_v_movrel(struct shader_wave *w, const struct shader_inst *in)
{
	uint32_t m0 = w->sgpr[OPR_M0], k;
	uint64_t s = in->src[0].reg, d = in->dst.reg, ex = wave_exec(w);
	bool vsrc = in->src[0].kind == OPK_VGPR;
	int l;

	switch (in->op) {
	case ISA_OP_V_SWAP_B32:
		if (!vsrc)
			break;		/* stops as unsupported below */
		for (l = 0; l < NL; l++)
			if ((ex >> l) & 1) {
				k = w->vgpr[d][l];
				w->vgpr[d][l] = w->vgpr[s][l];
				w->vgpr[s][l] = k;
			}
		vgpr_shared_sync(w, (unsigned)d, 1, ex);
		vgpr_shared_sync(w, (unsigned)s, 1, ex);
		return true;
	case ISA_OP_V_MOVRELS_B32:	s += m0; break;
	case ISA_OP_V_MOVRELD_B32:	d += m0; break;
	case ISA_OP_V_MOVRELSD_B32:	s += m0; d += m0; break;
	case ISA_OP_V_MOVRELSD_2_B32:
		s += M0_IDX_LO(m0);
		d += M0_IDX_HI(m0);
		break;
	default:
		return false;
	}
	if (d >= SHADER_MAX_VGPRS || (vsrc && s >= SHADER_MAX_VGPRS) ||
	    (!vsrc && in->op != ISA_OP_V_MOVRELD_B32) ||
	    (in->mods & (MOD_DPP16 | MOD_DPP8 | MOD_SDWA))) {
		wave_stop(w, in, SHADER_UNSUPPORTED);
		return true;
	}
	k = vsrc ? 0 : sread32(w, &in->src[0]);
	for (l = 0; l < NL; l++)
		if ((ex >> l) & 1)
			w->vgpr[d][l] = vsrc ? w->vgpr[s][l] : k;
	vgpr_shared_sync(w, (unsigned)d, 1, ex);
	return true;
}

/*
 * VALU opcodes that shift each lane by its own count.
 *
 * Baseline x86-64 (SSE2) has no per-lane variable shift, so these lane
 * loops stay scalar: in the loop workload's integer hash, v_lshrrev_b32
 * alone was about a third of exec_valu (perf).  AVX2 has them
 * (vpsllvd / vpsrlvd / vpsravd, vpsllvq / vpsrlvq), so the function is
 * built twice, for AVX2 and for the baseline, and the loader picks one
 * by the CPU (GCC target_clones, an ifunc).  Same C, same results; only
 * the instructions differ.  Semantics: ISA guide ch. 12 (V_LSHRREV_B32
 * and the rest): the count is the low 5, 6 or 4 bits of S0 (S2 for the
 * three-operand forms).
 */
#include "interp.h"
#include "valu.h"

VALU_CLONES bool
compute_shift(unsigned op, struct vlanes *v)
{
	switch (op) {
	case ISA_OP_V_LSHRREV_B32: LANES(R = B >> (A & 31)); break;
	case ISA_OP_V_ASHRREV_I32: LANES(R = (uint32_t)((int32_t)B >> (A & 31))); break;
	case ISA_OP_V_LSHLREV_B32: LANES(R = B << (A & 31)); break;
	case ISA_OP_V_LSHL_ADD_U32: LANES(R = (A << (B & 31)) + C); break;
	case ISA_OP_V_ADD_LSHL_U32: LANES(R = (A + B) << (C & 31)); break;
	case ISA_OP_V_LSHL_OR_B32: LANES(R = (A << (B & 31)) | C); break;
	case ISA_OP_V_ALIGNBIT_B32:
		LANES(R = (uint32_t)(((uint64_t)A << 32 | B) >> (C & 31)));
		break;
	case ISA_OP_V_LSHLREV_B64: LANES(RQ = QB << (A & 63)); break;
	case ISA_OP_V_LSHRREV_B64: LANES(RQ = QB >> (A & 63)); break;
	case ISA_OP_V_ASHRREV_I64: LANES(RQ = (uint64_t)((int64_t)QB >> (A & 63))); break;
	/* 16-bit: the result's upper half is write_v32's business */
	case ISA_OP_V_LSHLREV_B16: LANES(R = B << (A & 15)); break;
	case ISA_OP_V_LSHRREV_B16: LANES(R = (B & 0xffff) >> (A & 15)); break;
	case ISA_OP_V_ASHRREV_I16:
		LANES(R = (uint32_t)((int32_t)(int16_t)B >> (A & 15)));
		break;
	default: return false;
	}
	return true;
}

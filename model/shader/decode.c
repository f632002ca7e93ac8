/*
 * The RDNA2 decoder: a shader's dwords become, once, an array of
 * struct shader_inst (opcode, resolved operands, constants, sizes,
 * branch targets as instruction indices).  The interpreter never looks
 * at the raw encoding again.
 *
 * An instruction the tables do not know decodes as ISA_OP_INVALID; the
 * decoder goes on (shaders end with padding and may embed data after
 * s_endpgm) and the wave stops with SHADER_ILLEGAL only if it reaches it.
 * Field layouts and opcode numbers: isa_gfx10.h.
 */
#include <stdlib.h>
#include <string.h>

#include "wave.h"

#define INFO_X(id, hw, nm, d, s0, s1, s2, fl) \
	[ISA_OP_##id] = { nm, CUR_FMT, hw, d, { s0, s1, s2 }, fl },
const struct isa_op_info isa_ops[ISA_OP_COUNT] = {
#define CUR_FMT FMT_SOP2
	ISA_SOP2_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_SOPK
	ISA_SOPK_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_SOP1
	ISA_SOP1_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_SOPC
	ISA_SOPC_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_SOPP
	ISA_SOPP_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_SMEM
	ISA_SMEM_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_VOP2
	ISA_VOP2_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_VOP1
	ISA_VOP1_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_VOPC
	ISA_VOPC_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_VOP3
	ISA_VOP3_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_VOP3P
	ISA_VOP3P_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_DS
	ISA_DS_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_MUBUF
	ISA_MUBUF_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_GLOBAL
	ISA_GLOBAL_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_FLAT
	ISA_FLAT_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_SCRATCH
	ISA_SCRATCH_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_MTBUF
	ISA_MTBUF_LIST(INFO_X)
#undef CUR_FMT
#define CUR_FMT FMT_MIMG
	ISA_MIMG_LIST(INFO_X)
#undef CUR_FMT
};
#undef INFO_X

/* Opcode number -> enum isa_op, per class (0 = unknown). */
#define MAP_X(id, hw, nm, d, s0, s1, s2, fl)	[hw] = ISA_OP_##id,
static const uint16_t map_sop2[128] = { ISA_SOP2_LIST(MAP_X) };
static const uint16_t map_sopk[32] = { ISA_SOPK_LIST(MAP_X) };
static const uint16_t map_sop1[256] = { ISA_SOP1_LIST(MAP_X) };
static const uint16_t map_sopc[128] = { ISA_SOPC_LIST(MAP_X) };
static const uint16_t map_sopp[128] = { ISA_SOPP_LIST(MAP_X) };
static const uint16_t map_smem[256] = { ISA_SMEM_LIST(MAP_X) };
static const uint16_t map_vop2[64] = { ISA_VOP2_LIST(MAP_X) };
static const uint16_t map_vop1[256] = { ISA_VOP1_LIST(MAP_X) };
static const uint16_t map_vopc[256] = { ISA_VOPC_LIST(MAP_X) };
static const uint16_t map_vop3[1024] = { ISA_VOP3_LIST(MAP_X) };
static const uint16_t map_vop3p[128] = { ISA_VOP3P_LIST(MAP_X) };
static const uint16_t map_ds[256] = { ISA_DS_LIST(MAP_X) };
static const uint16_t map_mubuf[256] = { ISA_MUBUF_LIST(MAP_X) };
static const uint16_t map_global[128] = { ISA_GLOBAL_LIST(MAP_X) };
static const uint16_t map_flat[128] = { ISA_FLAT_LIST(MAP_X) };
static const uint16_t map_scratch[128] = { ISA_SCRATCH_LIST(MAP_X) };
static const uint16_t map_mtbuf[16] = { ISA_MTBUF_LIST(MAP_X) };
static const uint16_t map_mimg[128] = { ISA_MIMG_LIST(MAP_X) };
#undef MAP_X

/* Float inline constants 240..248 per format (ISA guide §6.2.2). */
static const uint32_t inl_f32[9] = {
	0x3f000000, 0xbf000000, 0x3f800000, 0xbf800000,
	0x40000000, 0xc0000000, 0x40800000, 0xc0800000, 0x3e22f983,
};
static const uint64_t inl_f64[9] = {
	0x3fe0000000000000ull, 0xbfe0000000000000ull,
	0x3ff0000000000000ull, 0xbff0000000000000ull,
	0x4000000000000000ull, 0xc000000000000000ull,
	0x4010000000000000ull, 0xc010000000000000ull,
	0x3fc45f306dc9c882ull,
};
static const uint16_t inl_f16[9] = {
	0x3800, 0xb800, 0x3c00, 0xbc00, 0x4000, 0xc000, 0x4400, 0xc400,
	0x3118,
};

/* Decoding state of one instruction. */
struct dec {
	const uint32_t *p;	/* first dword */
	size_t left;		/* dwords available from p */
	unsigned ndw;		/* dwords used so far (literal excluded) */
	bool has_lit;
	bool bad;
};

const char *
shader_op_name(unsigned op)
{
	if (op == ISA_OP_INVALID || op >= ISA_OP_COUNT)
		return "(illegal)";
	return isa_ops[op].name;
}

static unsigned
type_regs(unsigned type, bool wave64)
{
	switch (type) {
	case T_B64:
	case T_F64:
		return 2;
	case T_LM:
		return wave64 ? 2 : 1;
	default:
		return 1;
	}
}

/* An inline constant or the literal, widened for the operand's type. */
static uint64_t
const_value(struct dec *d, unsigned code, unsigned type, bool *lit)
{
	int64_t iv;
	unsigned fi;
	uint32_t l;

	*lit = false;
	if (code == OPR_LITERAL) {
		if (d->left < d->ndw + 1) {
			d->bad = true;
			return 0;
		}
		d->has_lit = true;
		*lit = true;
		l = d->p[d->ndw];
		if (type == T_F64)
			return (uint64_t)l << 32;	/* high half (§6.2.2) */
		if (type == T_F16 || type == T_B16)
			return l & 0xffff;
		if (type == T_PK16)
			return l;
		return l;				/* 64-bit ints: zero-extended */
	}
	if (code >= OPR_F_HALF && code <= OPR_INV_2PI) {
		fi = code - OPR_F_HALF;
		/* a 64-bit operand, float or not, gets the f64 encoding: ACO
		 * makes f64 constants with v_lshrrev_b64 v, 0, 4.0 */
		if (type == T_F64 || type == T_B64)
			return inl_f64[fi];
		if (type == T_F16)
			return inl_f16[fi];
		if (type == T_PK16)	/* f16 in the low half only, see below */
			return inl_f16[fi];
		return inl_f32[fi];
	}
	if (code <= OPR_INT_POS_LAST)
		iv = (int64_t)code - OPR_ZERO;
	else
		iv = OPR_INT_POS_LAST - (int64_t)code;	/* 193 -> -1 */
	if (type == T_B64 || type == T_F64)
		return (uint64_t)iv;
	if (type == T_B16 || type == T_F16)
		return (uint16_t)iv;
	/*
	 * A packed operand gets one 32-bit constant, not the value in both
	 * halves: compilers set op_sel_hi = 0 to use an inline constant for
	 * the high half too (LLVM review D45745, SIFoldOperands).
	 */
	return (uint32_t)iv;
}

static bool
is_const_code(unsigned code)
{
	return (code >= OPR_ZERO && code <= OPR_INT_NEG_LAST) ||
	    (code >= OPR_F_HALF && code <= OPR_INV_2PI) ||
	    code == OPR_LITERAL;
}

/* A source operand from its 9-bit code (8-bit scalar codes are the same). */
static struct shader_operand
dec_src(struct dec *d, unsigned code, unsigned type, bool wave64)
{
	struct shader_operand o = { .code = code };
	bool lit;

	if (type == T_N)
		return o;
	if (code >= OPR_VGPR0) {
		o.kind = OPK_VGPR;
		o.reg = code - OPR_VGPR0;
		if (o.reg + type_regs(type, wave64) > SHADER_MAX_VGPRS)
			d->bad = true;
	} else if (code <= OPR_EXEC_HI) {
		o.kind = OPK_SGPR;
		o.reg = code;
		if (o.reg + type_regs(type, wave64) > SHADER_NUM_SREGS)
			d->bad = true;
	} else if (is_const_code(code)) {
		o.kind = OPK_CONST;
		o.imm = const_value(d, code, type, &lit);
		o.lit = lit;
	} else if (code == OPR_SCC) {
		o.kind = OPK_SCC;
	} else if (code == OPR_VCCZ) {
		o.kind = OPK_VCCZ;
	} else if (code == OPR_EXECZ) {
		o.kind = OPK_EXECZ;
	} else if (code >= OPR_SHARED_BASE && code <= OPR_POPS_EXITING) {
		o.kind = OPK_OTHER;
	} else if (code == OPR_LDS_DIRECT) {
		o.kind = OPK_OTHER;
	} else {
		d->bad = true;		/* 209..232, DPP/SDWA markers misplaced */
	}
	return o;
}

/* A scalar destination (7-bit code). */
static struct shader_operand
dec_sdst(struct dec *d, unsigned code, unsigned type, bool wave64)
{
	struct shader_operand o = { .kind = OPK_SGPR, .reg = code, .code = code };

	if (type == T_N)
		return (struct shader_operand){ 0 };
	if (code + type_regs(type, wave64) > SHADER_NUM_SREGS)
		d->bad = true;
	return o;
}

static struct shader_operand
dec_vreg(struct dec *d, unsigned reg, unsigned nregs)
{
	struct shader_operand o = { .kind = OPK_VGPR, .reg = reg,
	    .code = OPR_VGPR0 + reg };

	if (reg + nregs > SHADER_MAX_VGPRS)
		d->bad = true;
	return o;
}

static const struct isa_op_info *
lookup(struct shader_inst *in, const uint16_t *map, size_t n, unsigned hw)
{
	if (hw >= n || map[hw] == ISA_OP_INVALID)
		return NULL;
	in->op = map[hw];
	in->fmt = isa_ops[in->op].fmt;
	return &isa_ops[in->op];
}

/* ---- scalar ALU ---- */

static const struct isa_op_info *
dec_sop2(struct dec *d, struct shader_inst *in, bool w64)
{
	uint32_t v = d->p[0];
	const struct isa_op_info *i;

	if ((i = lookup(in, map_sop2, 128, F_GET(v, SOP2_OP))) == NULL)
		return NULL;
	in->dst = dec_sdst(d, F_GET(v, SOP2_SDST), i->dst, w64);
	in->src[0] = dec_src(d, F_GET(v, SOP2_SSRC0), i->src[0], w64);
	in->src[1] = dec_src(d, F_GET(v, SOP2_SSRC1), i->src[1], w64);
	return i;
}

static const struct isa_op_info *
dec_sopk(struct dec *d, struct shader_inst *in, bool w64)
{
	uint32_t v = d->p[0];
	const struct isa_op_info *i;

	if ((i = lookup(in, map_sopk, 32, F_GET(v, SOPK_OP))) == NULL)
		return NULL;
	in->dst = dec_sdst(d, F_GET(v, SOPK_SDST), i->dst, w64);
	in->offset = (int16_t)F_GET(v, SOPK_SIMM16);
	/* s_setreg_b32, s_waitcnt_*cnt: SDST names the source SGPR */
	if (i->flags & F_SDSTSRC)
		in->src[0] = dec_src(d, F_GET(v, SOPK_SDST), i->src[0], w64);
	/* s_setreg_imm32_b32: the value is a literal dword */
	if (i->flags & F_LIT)
		in->src[0] = dec_src(d, OPR_LITERAL, i->src[0], w64);
	return i;
}

static const struct isa_op_info *
dec_sop1(struct dec *d, struct shader_inst *in, bool w64)
{
	uint32_t v = d->p[0];
	const struct isa_op_info *i;

	if ((i = lookup(in, map_sop1, 256, F_GET(v, SOP1_OP))) == NULL)
		return NULL;
	in->dst = dec_sdst(d, F_GET(v, SOP1_SDST), i->dst, w64);
	in->src[0] = dec_src(d, F_GET(v, SOP1_SSRC0), i->src[0], w64);
	return i;
}

static const struct isa_op_info *
dec_sopc(struct dec *d, struct shader_inst *in, bool w64)
{
	uint32_t v = d->p[0];
	const struct isa_op_info *i;

	if ((i = lookup(in, map_sopc, 128, F_GET(v, SOPC_OP))) == NULL)
		return NULL;
	in->src[0] = dec_src(d, F_GET(v, SOPC_SSRC0), i->src[0], w64);
	in->src[1] = dec_src(d, F_GET(v, SOPC_SSRC1), i->src[1], w64);
	return i;
}

static const struct isa_op_info *
dec_sopp(struct dec *d, struct shader_inst *in, bool w64)
{
	uint32_t v = d->p[0];

	in->offset = (int16_t)F_GET(v, SOPP_SIMM16);
	return lookup(in, map_sopp, 128, F_GET(v, SOPP_OP));
}

static const struct isa_op_info *
dec_smem(struct dec *d, struct shader_inst *in, bool w64)
{
	uint32_t v = d->p[0], v1 = d->p[1];
	const struct isa_op_info *i;
	unsigned soff;

	d->ndw = 2;
	if ((i = lookup(in, map_smem, 256, F_GET(v, SMEM_OP))) == NULL)
		return NULL;
	if (i->dst != T_N)
		in->dst = (struct shader_operand){ .kind = OPK_SGPR,
		    .reg = F_GET(v, SMEM_SDATA), .code = F_GET(v, SMEM_SDATA) };
	if (in->dst.reg + (i->src[0] ? i->src[0] : 2) > SHADER_NUM_SREGS)
		d->bad = true;
	in->src[0] = (struct shader_operand){ .kind = OPK_SGPR,
	    .reg = F_GET(v, SMEM_SBASE) * 2, .code = F_GET(v, SMEM_SBASE) * 2 };
	soff = F_GET(v1, SMEM1_SOFFSET);
	if (soff != OPR_NULL)
		in->src[1] = dec_src(d, soff, T_B32, w64);
	/* 21-bit signed byte offset */
	in->offset = (int32_t)(F_GET(v1, SMEM1_OFFSET) << 11) >> 11;
	in->mods |= F_GET(v, SMEM_GLC) ? MOD_GLC : 0;
	in->mods |= F_GET(v, SMEM_DLC) ? MOD_DLC : 0;
	return i;
}

/* ---- vector ALU ---- */

/* DPP16 / DPP8 / SDWA: the extra dword carries the real src0. */
static void
dec_vop_ext(struct dec *d, struct shader_inst *in, unsigned code,
    const struct isa_op_info *i, bool w64)
{
	uint32_t x;

	if (d->left < 2) {
		d->bad = true;
		return;
	}
	x = d->p[1];
	d->ndw = 2;
	if (code == OPR_DPP16) {
		in->mods |= MOD_DPP16;
		in->src[0] = dec_vreg(d, F_GET(x, DPP_SRC0), 1);
		in->dpp_ctrl = F_GET(x, DPP_CTRL);
		in->mods |= F_GET(x, DPP_FI) ? MOD_FI : 0;
		in->mods |= F_GET(x, DPP_BOUND_CTRL) ? MOD_BOUND_CTRL : 0;
		in->neg = F_GET(x, DPP_SRC0_NEG) | F_GET(x, DPP_SRC1_NEG) << 1;
		in->abs = F_GET(x, DPP_SRC0_ABS) | F_GET(x, DPP_SRC1_ABS) << 1;
		in->bank_mask = F_GET(x, DPP_BANK_MASK);
		in->row_mask = F_GET(x, DPP_ROW_MASK);
	} else if (code == OPR_DPP8 || code == OPR_DPP8FI) {
		in->mods |= MOD_DPP8 | (code == OPR_DPP8FI ? MOD_FI : 0);
		in->src[0] = dec_vreg(d, F_GET(x, DPP8_SRC0), 1);
		in->dpp8 = x >> DPP8_SEL_SHIFT;
	} else {
		in->mods |= MOD_SDWA;
		in->src[0] = F_GET(x, SDWA_S0) ?
		    dec_src(d, F_GET(x, SDWA_SRC0), i->src[0], w64) :
		    dec_vreg(d, F_GET(x, SDWA_SRC0), 1);
		in->sdwa_sel[0] = F_GET(x, SDWA_SRC0_SEL);
		in->sdwa_sel[1] = F_GET(x, SDWA_SRC1_SEL);
		in->sdwa_sext = F_GET(x, SDWA_SRC0_SEXT) |
		    F_GET(x, SDWA_SRC1_SEXT) << 1;
		in->neg = F_GET(x, SDWA_SRC0_NEG) | F_GET(x, SDWA_SRC1_NEG) << 1;
		in->abs = F_GET(x, SDWA_SRC0_ABS) | F_GET(x, SDWA_SRC1_ABS) << 1;
		if (in->fmt == FMT_VOPC) {
			if (F_GET(x, SDWAC_SD))
				in->dst = dec_sdst(d, F_GET(x, SDWAC_SDST),
				    T_LM, w64);
		} else {
			in->sdwa_sel[2] = F_GET(x, SDWA_DST_SEL);
			in->sdwa_unused = F_GET(x, SDWA_DST_UNUSED);
			in->mods |= F_GET(x, SDWA_CLAMP) ? MOD_CLAMP : 0;
			in->omod = F_GET(x, SDWA_OMOD);
		}
		if (F_GET(x, SDWA_S1) && in->fmt != FMT_VOP1)
			in->src[1] = dec_src(d, F_GET(d->p[0], VOP2_VSRC1),
			    i->src[1], w64);
	}
}

/* src0 of a VOP1/VOP2/VOPC: a normal operand or a DPP/SDWA marker. */
static void
dec_vop_src0(struct dec *d, struct shader_inst *in,
    const struct isa_op_info *i, bool w64)
{
	unsigned code = F_GET(d->p[0], VOP_SRC0);

	if (code == OPR_DPP16 || code == OPR_DPP8 || code == OPR_DPP8FI ||
	    code == OPR_SDWA)
		dec_vop_ext(d, in, code, i, w64);
	else
		in->src[0] = dec_src(d, code, i->src[0], w64);
}

static const struct isa_op_info *
dec_vop2(struct dec *d, struct shader_inst *in, bool w64)
{
	uint32_t v = d->p[0];
	const struct isa_op_info *i;
	struct shader_operand vcc = { .kind = OPK_SGPR, .reg = OPR_VCC_LO,
	    .code = OPR_VCC_LO };

	if ((i = lookup(in, map_vop2, 64, F_GET(v, VOP2_OP))) == NULL)
		return NULL;
	in->dst = dec_vreg(d, F_GET(v, VOP2_VDST), type_regs(i->dst, w64));
	in->src[1] = dec_vreg(d, F_GET(v, VOP2_VSRC1), type_regs(i->src[1], w64));
	if (i->flags & F_MADMK) {
		in->src[2] = in->src[1];
		in->src[1] = dec_src(d, OPR_LITERAL, i->src[1], w64);
	}
	if (i->flags & F_MADAK)
		in->src[2] = dec_src(d, OPR_LITERAL, i->src[2], w64);
	dec_vop_src0(d, in, i, w64);
	if (i->flags & F_MAC)
		in->src[2] = in->dst;
	if (i->flags & F_CIN)
		in->src[2] = vcc;		/* VOP2 form: implicit VCC */
	if (i->flags & F_SDST)
		in->sdst = vcc;
	return i;
}

static const struct isa_op_info *
dec_vop1(struct dec *d, struct shader_inst *in, bool w64)
{
	uint32_t v = d->p[0];
	const struct isa_op_info *i;

	if ((i = lookup(in, map_vop1, 256, F_GET(v, VOP1_OP))) == NULL)
		return NULL;
	if (i->dst == T_S32)
		in->dst = dec_sdst(d, F_GET(v, VOP1_VDST), T_B32, w64);
	else if (i->dst != T_N)
		in->dst = dec_vreg(d, F_GET(v, VOP1_VDST), type_regs(i->dst, w64));
	if (i->src[0] != T_N)
		dec_vop_src0(d, in, i, w64);
	return i;
}

static const struct isa_op_info *
dec_vopc(struct dec *d, struct shader_inst *in, bool w64)
{
	uint32_t v = d->p[0];
	const struct isa_op_info *i;

	if ((i = lookup(in, map_vopc, 256, F_GET(v, VOPC_OP))) == NULL)
		return NULL;
	if (!(i->flags & F_CMPX))
		in->dst = (struct shader_operand){ .kind = OPK_SGPR,
		    .reg = OPR_VCC_LO, .code = OPR_VCC_LO };
	in->src[1] = dec_vreg(d, F_GET(v, VOPC_VSRC1), type_regs(i->src[1], w64));
	dec_vop_src0(d, in, i, w64);
	return i;
}

/* The VOP3 opcode space holds VOPC, VOP2, VOP1 and VOP3-only opcodes. */
static const struct isa_op_info *
vop3_lookup(struct shader_inst *in, unsigned hw)
{
	const struct isa_op_info *i;

	if (hw < VOP3_BASE_VOP2)
		return lookup(in, map_vopc, 256, hw - VOP3_BASE_VOPC);
	if (hw < VOP3_BASE_VOP2 + 64) {
		i = lookup(in, map_vop2, 64, hw - VOP3_BASE_VOP2);
		return i != NULL && (i->flags & F_NOVOP3) ? NULL : i;
	}
	if (hw >= VOP3_BASE_VOP1 && hw < VOP3_BASE_VOP1 + 128) {
		i = lookup(in, map_vop1, 256, hw - VOP3_BASE_VOP1);
		return i != NULL && (i->flags & F_NOVOP3) ? NULL : i;
	}
	return lookup(in, map_vop3, 1024, hw);
}

/* VOP3b: the opcodes with a scalar carry/lane-mask destination. */
static bool
is_vop3b(unsigned op)
{
	return (isa_ops[op].flags & F_SDST) != 0;
}

static void
dec_vop3_dst(struct dec *d, struct shader_inst *in,
    const struct isa_op_info *i, bool w64)
{
	uint32_t v = d->p[0];
	unsigned vdst = F_GET(v, VOP3_VDST);

	if (is_vop3b(in->op)) {
		in->sdst = dec_sdst(d, F_GET(v, VOP3B_SDST), T_LM, w64);
	} else {
		in->abs = F_GET(v, VOP3_ABS);
		in->opsel = F_GET(v, VOP3_OPSEL);
	}
	if (i->dst == T_LM || i->dst == T_S32)
		in->dst = dec_sdst(d, vdst, i->dst, w64);
	else if (i->dst != T_N)
		in->dst = dec_vreg(d, vdst, type_regs(i->dst, w64));
}

static const struct isa_op_info *
dec_vop3(struct dec *d, struct shader_inst *in, bool w64)
{
	uint32_t v = d->p[0], v1;
	const struct isa_op_info *i;
	unsigned s;

	d->ndw = 2;
	if (d->left < 2)
		return NULL;
	v1 = d->p[1];
	if ((i = vop3_lookup(in, F_GET(v, VOP3_OP))) == NULL)
		return NULL;
	in->mods |= MOD_VOP3 | (F_GET(v, VOP3_CLAMP) ? MOD_CLAMP : 0);
	dec_vop3_dst(d, in, i, w64);
	in->neg = F_GET(v1, VOP3_NEG);
	in->omod = F_GET(v1, VOP3_OMOD);
	for (s = 0; s < 3; s++)
		in->src[s] = dec_src(d, (v1 >> (9 * s)) & 0x1ff, i->src[s], w64);
	if (i->flags & F_MAC)
		in->src[2] = in->dst;	/* fmac: the accumulator is vdst */
	return i;
}

static const struct isa_op_info *
dec_vop3p(struct dec *d, struct shader_inst *in, bool w64)
{
	uint32_t v = d->p[0], v1;
	const struct isa_op_info *i;
	unsigned s;

	d->ndw = 2;
	if (d->left < 2)
		return NULL;
	v1 = d->p[1];
	if ((i = lookup(in, map_vop3p, 128, F_GET(v, VOP3P_OP))) == NULL)
		return NULL;
	in->mods |= F_GET(v, VOP3P_CLAMP) ? MOD_CLAMP : 0;
	in->dst = dec_vreg(d, F_GET(v, VOP3P_VDST), 1);
	in->neg_hi = F_GET(v, VOP3P_NEG_HI);
	in->opsel = F_GET(v, VOP3P_OPSEL);
	in->opsel_hi = F_GET(v1, VOP3P_OPSEL_HI) |
	    F_GET(v, VOP3P_OPSEL_HI2) << 2;
	in->neg = F_GET(v1, VOP3_NEG);
	for (s = 0; s < 3; s++)
		in->src[s] = dec_src(d, (v1 >> (9 * s)) & 0x1ff, i->src[s], w64);
	return i;
}

/* ---- memory ---- */

/* Dwords a memory instruction returns: cmpswap data is {new, compare}. */
static unsigned
ret_dwords(const struct isa_op_info *i)
{
	unsigned n = i->src[0] ? i->src[0] : 1;

	if ((i->src[2] & MEM_ATOMIC) && strstr(i->name, "cmpswap") != NULL)
		return n / 2;
	return n;
}

static const struct isa_op_info *
dec_ds(struct dec *d, struct shader_inst *in, bool w64)
{
	uint32_t v = d->p[0], v1;
	const struct isa_op_info *i;
	unsigned n;

	d->ndw = 2;
	if (d->left < 2)
		return NULL;
	v1 = d->p[1];
	if ((i = lookup(in, map_ds, 256, F_GET(v, DS_OP))) == NULL)
		return NULL;
	n = i->src[0] ? i->src[0] : 1;
	in->mods |= F_GET(v, DS_GDS) ? MOD_GDS : 0;
	in->offset = F_GET(v, DS_OFFSET0);
	in->offset1 = F_GET(v, DS_OFFSET1);
	in->src[0] = dec_vreg(d, F_GET(v1, DS_ADDR), 1);
	if (i->flags & (F_STORE | F_RTN)) {
		in->src[1] = dec_vreg(d, F_GET(v1, DS_DATA0), n);
		in->src[2] = dec_vreg(d, F_GET(v1, DS_DATA1), n);
	}
	if (i->flags & (F_LOAD | F_RTN))
		in->dst = dec_vreg(d, F_GET(v1, DS_VDST), n);
	return i;
}

/* The fields MUBUF and MTBUF share (isa_gfx10.h MUBUF_*). */
static void
dec_buf_common(struct dec *d, struct shader_inst *in,
    const struct isa_op_info *i, bool w64)
{
	uint32_t v = d->p[0], v1 = d->p[1];
	unsigned n = i->src[0] ? i->src[0] : 1;

	in->offset = F_GET(v, MUBUF_OFFSET);
	in->mods |= F_GET(v, MUBUF_OFFEN) ? MOD_OFFEN : 0;
	in->mods |= F_GET(v, MUBUF_IDXEN) ? MOD_IDXEN : 0;
	in->mods |= F_GET(v, MUBUF_GLC) ? MOD_GLC : 0;
	in->mods |= F_GET(v, MUBUF_DLC) ? MOD_DLC : 0;
	in->mods |= F_GET(v, MUBUF_LDS) ? MOD_LDS : 0;
	in->mods |= F_GET(v1, MUBUF_SLC) ? MOD_SLC : 0;
	in->mods |= F_GET(v1, MUBUF_TFE) ? MOD_TFE : 0;
	in->dst = dec_vreg(d, F_GET(v1, MUBUF_VDATA), n);
	in->src[0] = dec_vreg(d, F_GET(v1, MUBUF_VADDR),
	    (in->mods & MOD_OFFEN) && (in->mods & MOD_IDXEN) ? 2 : 1);
	in->src[1] = (struct shader_operand){ .kind = OPK_SGPR,
	    .reg = F_GET(v1, MUBUF_SRSRC) * 4, .code = F_GET(v1, MUBUF_SRSRC) * 4 };
	if (in->src[1].reg + 4 > SHADER_NUM_SREGS)
		d->bad = true;
	in->src[2] = dec_src(d, F_GET(v1, MUBUF_SOFFSET), T_B32, w64);
}

static const struct isa_op_info *
dec_mubuf(struct dec *d, struct shader_inst *in, bool w64)
{
	uint32_t v = d->p[0];
	const struct isa_op_info *i;
	unsigned hw = F_GET(v, MUBUF_OP_LO) | F_GET(v, MUBUF_OP_HI) << 7;

	d->ndw = 2;
	if (d->left < 2)
		return NULL;
	if ((i = lookup(in, map_mubuf, 256, hw)) == NULL)
		return NULL;
	dec_buf_common(d, in, i, w64);
	return i;
}

/* MTBUF: as MUBUF; the FORMAT field goes to offset1. */
static const struct isa_op_info *
dec_mtbuf(struct dec *d, struct shader_inst *in, bool w64)
{
	const struct isa_op_info *i;
	unsigned hw;

	d->ndw = 2;
	if (d->left < 2)
		return NULL;
	hw = F_GET(d->p[0], MTBUF_OP_LO) | F_GET(d->p[1], MTBUF_OP_HI) << 3;
	if ((i = lookup(in, map_mtbuf, 16, hw)) == NULL)
		return NULL;
	dec_buf_common(d, in, i, w64);
	in->mods &= ~MOD_LDS;	/* bit 16 is an opcode bit here */
	in->offset1 = (int32_t)F_GET(d->p[0], MTBUF_FORMAT);
	return i;
}

static const struct isa_op_info *
dec_flat(struct dec *d, struct shader_inst *in, bool w64)
{
	static const uint16_t *const maps[4] = { map_flat, map_scratch,
	    map_global, NULL };
	uint32_t v = d->p[0], v1;
	const struct isa_op_info *i;
	unsigned seg = F_GET(v, FLAT_SEG), saddr, n;

	d->ndw = 2;
	if (d->left < 2 || maps[seg] == NULL)
		return NULL;
	v1 = d->p[1];
	if ((i = lookup(in, maps[seg], 128, F_GET(v, FLAT_OP))) == NULL)
		return NULL;
	n = i->src[0] ? i->src[0] : 1;
	/* 12-bit signed offset for GLOBAL/SCRATCH; FLAT uses it unsigned */
	in->offset = (int32_t)(F_GET(v, FLAT_OFFSET) << 20) >> 20;
	if (seg == FLAT_SEG_FLAT)
		in->offset = F_GET(v, FLAT_OFFSET) & 0x7ff;
	in->mods |= F_GET(v, FLAT_GLC) ? MOD_GLC : 0;
	in->mods |= F_GET(v, FLAT_SLC) ? MOD_SLC : 0;
	in->mods |= F_GET(v, FLAT_DLC) ? MOD_DLC : 0;
	in->mods |= F_GET(v, FLAT_LDS) ? MOD_LDS : 0;
	saddr = F_GET(v1, FLAT_SADDR);
	if (saddr != OPR_NULL && saddr != OPR_EXEC_HI && seg != FLAT_SEG_FLAT)
		in->src[2] = dec_src(d, saddr, seg == FLAT_SEG_GLOBAL ?
		    T_B64 : T_B32, w64);
	/* SCRATCH uses VADDR only when SADDR is NULL; 0x7f: offset only */
	if (seg != FLAT_SEG_SCRATCH || saddr == OPR_NULL)
		in->src[0] = dec_vreg(d, F_GET(v1, FLAT_ADDR),
		    in->src[2].kind != OPK_NONE || seg == FLAT_SEG_SCRATCH ?
		    1 : 2);
	if (i->flags & (F_STORE | F_RTN))
		in->src[1] = dec_vreg(d, F_GET(v1, FLAT_DATA), n);
	if ((i->flags & F_LOAD) || ((i->flags & F_RTN) && (in->mods & MOD_GLC)))
		in->dst = dec_vreg(d, F_GET(v1, FLAT_VDST), ret_dwords(i));
	return i;
}

/* Address VGPRs of an image access: coordinates by DIM, + mip level. */
static unsigned
mimg_naddr(const struct isa_op_info *i, unsigned dim)
{
	static const uint8_t coords[8] = { 1, 2, 3, 3, 2, 3, 3, 4 };

	if (i->hw == 14)		/* image_get_resinfo: the mip level */
		return 1;
	return coords[dim] + i->src[0];
}

/*
 * MIMG: dst = VDATA, src[0] = the first address VGPR, src[1] = SRSRC;
 * offset = the address VGPRs, 8 bits each (NSA lists them, otherwise
 * they follow VADDR); offset1 = MIMG_I_* (DMASK, DIM, d16, a16, count).
 */
static const struct isa_op_info *
dec_mimg(struct dec *d, struct shader_inst *in, bool w64)
{
	uint32_t v = d->p[0], v1;
	const struct isa_op_info *i;
	unsigned nsa = F_GET(v, MIMG_NSA), dmask = F_GET(v, MIMG_DMASK);
	unsigned dim = F_GET(v, MIMG_DIM), naddr, nd, k, r;

	(void)w64;
	d->ndw = 2 + nsa;
	if (d->left < d->ndw || F_GET(v, MIMG_OPM))
		return NULL;
	v1 = d->p[1];
	if ((i = lookup(in, map_mimg, 128, F_GET(v, MIMG_OP))) == NULL)
		return NULL;
	naddr = mimg_naddr(i, dim);
	if (naddr > 4 || (nsa != 0 && naddr > 1 + 4 * nsa))
		d->bad = true;
	nd = (unsigned)__builtin_popcount(dmask);
	if (F_GET(v1, MIMG_D16))
		nd = (nd + 1) / 2;
	in->mods |= F_GET(v, MIMG_GLC) ? MOD_GLC : 0;
	in->mods |= F_GET(v, MIMG_SLC) ? MOD_SLC : 0;
	in->mods |= F_GET(v, MIMG_DLC) ? MOD_DLC : 0;
	in->mods |= F_GET(v, MIMG_TFE) || F_GET(v, MIMG_LWE) ? MOD_TFE : 0;
	in->dst = dec_vreg(d, F_GET(v1, MIMG_VDATA), nd ? nd : 1);
	in->src[0] = dec_vreg(d, F_GET(v1, MIMG_VADDR), nsa ? 1 : naddr);
	in->src[1] = (struct shader_operand){ .kind = OPK_SGPR,
	    .reg = F_GET(v1, MIMG_SRSRC) * 4, .code = F_GET(v1, MIMG_SRSRC) * 4 };
	if (in->src[1].reg + 8 > SHADER_NUM_SREGS)
		d->bad = true;
	for (k = 0; k < naddr && k < 4; k++) {
		r = k == 0 || nsa == 0 ? F_GET(v1, MIMG_VADDR) + k :
		    (d->p[2 + (k - 1) / 4] >> (8 * ((k - 1) % 4))) & 0xff;
		if (r > 255)
			d->bad = true;
		in->offset |= (int32_t)((r & 0xff) << (8 * k));
	}
	in->offset1 = (int32_t)(F_PREP(MIMG_I_DMASK, dmask) |
	    F_PREP(MIMG_I_DIM, dim) | F_PREP(MIMG_I_D16, F_GET(v1, MIMG_D16)) |
	    F_PREP(MIMG_I_A16, F_GET(v1, MIMG_A16)) |
	    F_PREP(MIMG_I_NADDR, naddr > 4 ? 4 : naddr));
	return i;
}

/* ---- driver ---- */

typedef const struct isa_op_info *(*dec_fn)(struct dec *,
    struct shader_inst *, bool);

/* The format of a first dword, by its high bits (isa_gfx10.h ENC_*). */
static dec_fn
format_of(uint32_t v)
{
	if ((v & ENC_SOP1_MASK) == ENC_SOP1_VAL)
		return dec_sop1;
	if ((v & ENC_SOPC_MASK) == ENC_SOPC_VAL)
		return dec_sopc;
	if ((v & ENC_SOPP_MASK) == ENC_SOPP_VAL)
		return dec_sopp;
	if ((v & ENC_SOPK_MASK) == ENC_SOPK_VAL)
		return dec_sopk;
	if ((v & ENC_SOP2_MASK) == ENC_SOP2_VAL)
		return dec_sop2;
	if ((v & ENC_VOP1_MASK) == ENC_VOP1_VAL)
		return dec_vop1;
	if ((v & ENC_VOPC_MASK) == ENC_VOPC_VAL)
		return dec_vopc;
	if ((v & ENC_VOP2_MASK) == ENC_VOP2_VAL)
		return dec_vop2;
	if ((v & ENC_VOP3P_MASK) == ENC_VOP3P_VAL)
		return dec_vop3p;
	switch (v & ENC_MASK6) {
	case ENC_SMEM_VAL:	return dec_smem;
	case ENC_VOP3_VAL:	return dec_vop3;
	case ENC_DS_VAL:	return dec_ds;
	case ENC_FLAT_VAL:	return dec_flat;
	case ENC_MUBUF_VAL:	return dec_mubuf;
	case ENC_MTBUF_VAL:	return dec_mtbuf;
	case ENC_MIMG_VAL:	return dec_mimg;
	}
	return NULL;
}

/*
 * Decode one instruction at code[0..left).  Operand widths of lane masks
 * depend on the wave size; decode for wave64 (the wider) and let the
 * interpreter use the low SGPR only in wave32.  Returns its dwords.
 */
static unsigned
decode_one(const uint32_t *code, size_t left, struct shader_inst *in)
{
	struct dec d = { .p = code, .left = left, .ndw = 1 };
	const struct isa_op_info *i = NULL;
	dec_fn fn = format_of(code[0]);

	memset(in, 0, sizeof(*in));
	in->target = -1;
	if (fn != NULL)
		i = fn(&d, in, true);
	if (d.ndw > left)
		d.ndw = left;
	if (i == NULL || d.bad) {
		in->op = ISA_OP_INVALID;
		in->fmt = FMT_NONE;
		in->ndw = d.ndw;
		return d.ndw;
	}
	in->ndw = d.ndw + (d.has_lit ? 1 : 0);
	return in->ndw;
}

/* Branch targets become instruction indices (-1: not an instruction). */
static void
resolve_branches(struct shader_program *p)
{
	struct shader_inst *in;
	int64_t dw;
	uint32_t k;

	for (k = 0; k < p->ninsts; k++) {
		in = &p->insts[k];
		if (in->op == ISA_OP_INVALID ||
		    !(isa_ops[in->op].flags & F_BRANCH))
			continue;
		/* target = PC of the next instruction + SIMM16 * 4 */
		dw = (int64_t)in->pc / 4 + 1 + in->offset;
		if (dw >= 0 && (uint64_t)dw < p->ndw)
			in->target = p->index_of_dw[dw];
	}
}

/*
 * Decode ndw dwords of shader code at GPU address va.  Returns 0, or -1
 * when out of memory (*out = NULL).  Unknown instructions do not fail
 * the decode: see nillegal / first_illegal_pc.
 */
int
shader_decode(const uint32_t *code, size_t ndw, uint64_t va,
    struct shader_program **out)
{
	struct shader_program *p;
	size_t pos = 0;
	unsigned n;

	*out = NULL;
	if ((p = calloc(1, sizeof(*p))) == NULL)
		return -1;
	p->insts = calloc(ndw ? ndw : 1, sizeof(*p->insts));
	p->index_of_dw = malloc((ndw ? ndw : 1) * sizeof(*p->index_of_dw));
	if (p->insts == NULL || p->index_of_dw == NULL) {
		shader_program_free(p);
		return -1;
	}
	p->va = va;
	p->code = code;
	p->ndw = ndw;
	while (pos < ndw) {
		struct shader_inst *in = &p->insts[p->ninsts];

		n = decode_one(code + pos, ndw - pos, in);
		in->pc = (uint32_t)pos * 4;
		if (in->op == ISA_OP_INVALID && p->nillegal++ == 0)
			p->first_illegal_pc = in->pc;
		p->index_of_dw[pos] = (int32_t)p->ninsts;
		for (unsigned k = 1; k < n; k++)
			p->index_of_dw[pos + k] = -1;
		p->ninsts++;
		pos += n;
	}
	resolve_branches(p);
	*out = p;
	return 0;
}

void
shader_program_free(struct shader_program *p)
{
	if (p == NULL)
		return;
	free(p->insts);
	free(p->index_of_dw);
	free(p);
}

/*
 * model/shader: the RDNA2 decoder and wave interpreter.
 *
 * The oracle is LLVM's assembler, run at test time:
 *   llvm-mc -triple=amdgcn -mcpu=gfx1032 -show-encoding  (encodings)
 *   llvm-mc ... -filetype=obj + llvm-objcopy -O binary   (programs)
 * (a) every opcode in the decoder's tables, in each of its forms, is
 *     assembled by LLVM and must decode back to the same opcode and
 *     registers; (b) small programs run on a plain host-memory mem_ops
 *     and are checked against C; (c) illegal instructions stop the wave
 *     with their PC and dwords.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "shader/wave.h"

#define MCPU	"gfx1032"

/* ---- llvm-mc helpers ---- */

static char tmpdir[64];

static int
setup_tmp(void **state)
{
	strcpy(tmpdir, "/tmp/test_isa.XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown_tmp(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Assemble a program into dwords (labels resolved by the object writer). */
static uint32_t *
assemble(const char *src, const char *attr, size_t *ndw)
{
	char s[96], o[96], b[96], cmd[1024];
	uint32_t *code;
	FILE *f;
	long len;

	snprintf(s, sizeof(s), "%s/p.s", tmpdir);
	snprintf(o, sizeof(o), "%s/p.o", tmpdir);
	snprintf(b, sizeof(b), "%s/p.bin", tmpdir);
	write_file(s, src);
	snprintf(cmd, sizeof(cmd), "llvm-mc -triple=amdgcn -mcpu=" MCPU
	    " %s -filetype=obj -o %s %s && llvm-objcopy -O binary "
	    "--only-section=.text %s %s", attr, o, s, o, b);
	if (system(cmd) != 0)
		fail_msg("llvm-mc rejected:\n%s", src);
	f = fopen(b, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	code = calloc(1, (size_t)len + 4);
	assert_non_null(code);
	assert_int_equal(fread(code, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*ndw = (size_t)len / 4;
	return code;
}

/* ---- (a) encodings ---- */

/* One generated line and what it must decode to. */
struct enc_case {
	char text[128];
	uint16_t op;
	int dst, src[3];		/* register numbers, -1 = not checked */
};

#define MAX_CASES	2048

static const char *
vreg(unsigned type, int r)
{
	static char buf[8][16];
	static int k;
	char *p = buf[k++ & 7];

	if (type == T_B64 || type == T_F64)
		snprintf(p, 16, "v[%d:%d]", r, r + 1);
	else
		snprintf(p, 16, "v%d", r);
	return p;
}

static const char *
sreg(unsigned type, int r)
{
	static char buf[8][16];
	static int k;
	char *p = buf[k++ & 7];

	if (type == T_B64 || type == T_F64)
		snprintf(p, 16, "s[%d:%d]", r, r + 1);
	else
		snprintf(p, 16, "s%d", r);
	return p;
}

static const char *
vrange(int r, unsigned n)
{
	static char buf[4][16];
	static int k;
	char *p = buf[k++ & 3];

	if (n <= 1)
		snprintf(p, 16, "v%d", r);
	else
		snprintf(p, 16, "v[%d:%d]", r, r + (int)n - 1);
	return p;
}

static struct enc_case *
add_case(struct enc_case *c, int *n, unsigned op, int dst, int s0, int s1,
    int s2, const char *fmt, ...)
{
	struct enc_case *e = &c[(*n)++];
	va_list ap;

	assert_true(*n <= MAX_CASES);
	va_start(ap, fmt);
	vsnprintf(e->text, sizeof(e->text), fmt, ap);
	va_end(ap);
	e->op = (uint16_t)op;
	e->dst = dst;
	e->src[0] = s0;
	e->src[1] = s1;
	e->src[2] = s2;
	return e;
}

static void
gen_salu(struct enc_case *c, int *n, unsigned op, const struct isa_op_info *i)
{
	switch (i->fmt) {
	case FMT_SOP2:
		add_case(c, n, op, 4, 8, 12, -1, "%s %s, %s, %s", i->name,
		    sreg(i->dst, 4), sreg(i->src[0], 8), sreg(i->src[1], 12));
		break;
	case FMT_SOPK:
		if (op == ISA_OP_S_VERSION)
			add_case(c, n, op, -1, -1, -1, -1, "%s 0x1234", i->name);
		else if (op == ISA_OP_S_SETREG_B32)	/* hwreg as a number */
			add_case(c, n, op, -1, 4, -1, -1, "%s 0x1234, s4", i->name);
		else if (i->flags & F_LIT)
			add_case(c, n, op, -1, -1, -1, -1, "%s 0x1234, 0xabcdef",
			    i->name);
		else if (i->flags & F_SDSTSRC)
			add_case(c, n, op, -1, 4, -1, -1, "%s s4, 0x1234", i->name);
		else
			add_case(c, n, op, 4, -1, -1, -1, "%s %s, 0x1234", i->name,
			    sreg(i->dst, 4));
		break;
	case FMT_SOP1:
		if (i->dst == T_N)
			add_case(c, n, op, -1, 8, -1, -1, "%s %s", i->name,
			    sreg(i->src[0], 8));
		else if (i->src[0] == T_N)
			add_case(c, n, op, 4, -1, -1, -1, "%s %s", i->name,
			    sreg(i->dst, 4));
		else
			add_case(c, n, op, 4, 8, -1, -1, "%s %s, %s", i->name,
			    sreg(i->dst, 4), sreg(i->src[0], 8));
		break;
	case FMT_SOPC:
		add_case(c, n, op, -1, 8, 12, -1, "%s %s, %s", i->name,
		    sreg(i->src[0], 8), sreg(i->src[1], 12));
		break;
	case FMT_SOPP:
		if (i->flags & (F_BRANCH | F_IMM))
			add_case(c, n, op, -1, -1, -1, -1, "%s 0x1", i->name);
		else
			add_case(c, n, op, -1, -1, -1, -1, "%s", i->name);
		break;
	case FMT_SMEM:
		if (i->src[0] == 0 && i->dst == T_N)
			add_case(c, n, op, -1, -1, -1, -1, "%s", i->name);
		else if (i->src[0] == 0)
			add_case(c, n, op, 8, -1, -1, -1, "%s s[8:9]", i->name);
		else if (i->src[0] == 1)
			add_case(c, n, op, 8, (i->flags & F_SBUF) ? 4 : 2, -1, -1,
			    "%s s8, %s, 0x10", i->name,
			    (i->flags & F_SBUF) ? "s[4:7]" : "s[2:3]");
		else
			add_case(c, n, op, 8, (i->flags & F_SBUF) ? 4 : 2, -1, -1,
			    "%s s[8:%d], %s, 0x10", i->name, 7 + i->src[0],
			    (i->flags & F_SBUF) ? "s[4:7]" : "s[2:3]");
		break;
	}
}

/* VOP1/VOP2/VOPC in their 32-bit (and DPP/SDWA-free) encoding. */
static void
gen_e32(struct enc_case *c, int *n, unsigned op, const struct isa_op_info *i)
{
	const char *nm = i->name;

	if (i->fmt == FMT_VOPC) {
		if (i->flags & F_CMPX)
			add_case(c, n, op, -1, 4, 6, -1, "%s_e32 %s, %s", nm,
			    vreg(i->src[0], 4), vreg(i->src[1], 6));
		else
			add_case(c, n, op, OPR_VCC_LO, 4, 6, -1,
			    "%s_e32 vcc_lo, %s, %s", nm, vreg(i->src[0], 4),
			    vreg(i->src[1], 6));
	} else if (i->fmt == FMT_VOP1) {
		if (i->dst == T_N)
			add_case(c, n, op, -1, -1, -1, -1, "%s_e32", nm);
		else if (i->dst == T_S32)
			add_case(c, n, op, 1, 4, -1, -1, "%s_e32 s1, v4", nm);
		else
			add_case(c, n, op, i->dst == T_B64 || i->dst == T_F64 ?
			    2 : 1, 4, -1, -1, "%s_e32 %s, %s", nm,
			    vreg(i->dst, i->dst == T_B64 || i->dst == T_F64 ?
			    2 : 1), vreg(i->src[0], 4));
	} else if (i->flags & F_MADMK) {
		add_case(c, n, op, 1, 4, -1, 6, "%s v1, v4, %s, v6", nm,
		    i->dst == T_F16 ? "0x3c00" : "0x3f800000");
	} else if (i->flags & F_MADAK) {
		add_case(c, n, op, 1, 4, 6, -1, "%s v1, v4, v6, %s", nm,
		    i->dst == T_F16 ? "0x3c00" : "0x3f800000");
	} else if (i->flags & F_SDST) {
		add_case(c, n, op, 1, 4, 6, OPR_VCC_LO,
		    "%s_e32 v1, vcc_lo, v4, v6, vcc_lo", nm);
	} else if (i->flags & F_CIN) {
		add_case(c, n, op, 1, 4, 6, OPR_VCC_LO,
		    "%s_e32 v1, v4, v6, vcc_lo", nm);
	} else {
		add_case(c, n, op, 1, 4, 6, -1, "%s_e32 v1, v4, v6", nm);
	}
}

/* The VOP3 encoding of VOP1/VOP2/VOPC opcodes and VOP3-only opcodes. */
static void
gen_e64(struct enc_case *c, int *n, unsigned op, const struct isa_op_info *i)
{
	const char *nm = i->name, *sfx = i->fmt == FMT_VOP3 ? "" : "_e64";
	int d = i->dst == T_B64 || i->dst == T_F64 ? 2 : 1;

	if (i->flags & F_NOVOP3)
		return;
	if (i->fmt == FMT_VOPC && (i->flags & F_CMPX)) {
		add_case(c, n, op, -1, 4, 6, -1, "%s_e64 %s, %s", nm,
		    vreg(i->src[0], 4), vreg(i->src[1], 6));
	} else if (i->fmt == FMT_VOPC) {
		add_case(c, n, op, 10, 4, 6, -1, "%s_e64 s10, %s, %s", nm,
		    vreg(i->src[0], 4), vreg(i->src[1], 6));
	} else if (i->fmt == FMT_VOP1 && i->dst == T_N) {
		add_case(c, n, op, -1, -1, -1, -1, "%s_e64", nm);
	} else if (i->dst == T_S32) {
		if (i->src[1] == T_N)
			add_case(c, n, op, 1, 4, -1, -1, "%s_e64 s1, v4", nm);
		else
			add_case(c, n, op, 1, 4, 2, -1, "%s s1, v4, s2", nm);
	} else if (i->src[0] == T_S32) {
		add_case(c, n, op, 1, 2, 3, -1, "%s v1, s2, s3", nm);
	} else if (i->src[1] == T_S32) {		/* v_permlane*16 */
		add_case(c, n, op, 1, 4, 2, 3, "%s v1, v4, s2, s3", nm);
	} else if ((i->flags & F_SDST) && (i->flags & F_CIN)) {
		add_case(c, n, op, 1, 4, 6, 10, "%s%s v1, s12, v4, v6, s10",
		    nm, sfx);
	} else if (i->flags & F_CIN) {
		add_case(c, n, op, 1, 4, 6, 10, "%s%s v1, v4, v6, s10", nm, sfx);
	} else if (i->flags & F_SDST) {
		if (i->src[2] == T_N)
			add_case(c, n, op, 1, 4, 6, -1, "%s%s v1, s12, v4, v6",
			    nm, sfx);
		else
			add_case(c, n, op, d, 4, 6, 8, "%s%s %s, s12, %s, %s, %s",
			    nm, sfx, vreg(i->dst, d), vreg(i->src[0], 4),
			    vreg(i->src[1], 6), vreg(i->src[2], 8));
	} else if (i->src[0] == T_N) {
		add_case(c, n, op, d, -1, -1, -1, "%s%s %s", nm, sfx,
		    vreg(i->dst, d));
	} else if (i->src[1] == T_N) {
		add_case(c, n, op, d, 4, -1, -1, "%s%s %s, %s", nm, sfx,
		    vreg(i->dst, d), vreg(i->src[0], 4));
	} else if (i->src[2] == T_N || (i->flags & F_MAC)) {
		add_case(c, n, op, d, 4, 6, -1, "%s%s %s, %s, %s", nm, sfx,
		    vreg(i->dst, d), vreg(i->src[0], 4), vreg(i->src[1], 6));
	} else {
		add_case(c, n, op, d, 4, 6, 8, "%s%s %s, %s, %s, %s", nm, sfx,
		    vreg(i->dst, d), vreg(i->src[0], 4), vreg(i->src[1], 6),
		    vreg(i->src[2], 8));
	}
}

/* DS atomics with two data operands: compare-store and mask-or. */
static bool
ds_two_data(const char *nm)
{
	return strstr(nm, "cmpst") != NULL || strstr(nm, "mskor") != NULL;
}

/* Image opcodes on a 2D image (2D array for the _mip forms). */
static void
gen_mimg(struct enc_case *c, int *n, unsigned op, const struct isa_op_info *i)
{
	const char *nm = i->name;

	if (i->hw == 14)	/* image_get_resinfo */
		add_case(c, n, op, 12, 4, 8, -1, "%s v[12:15], v4, s[8:15] "
		    "dmask:0xf dim:SQ_RSRC_IMG_2D unorm", nm);
	else if (i->src[2] & MEM_ATOMIC)
		add_case(c, n, op, 12, 4, 8, -1, "%s %s, v[4:5], s[8:15] "
		    "dmask:%s dim:SQ_RSRC_IMG_2D unorm glc", nm,
		    strstr(nm, "cmpswap") ? "v[12:13]" : "v12",
		    strstr(nm, "cmpswap") ? "0x3" : "0x1");
	else if (i->src[0])
		add_case(c, n, op, 12, 4, 8, -1, "%s v[12:15], v[4:7], s[8:15] "
		    "dmask:0xf dim:SQ_RSRC_IMG_2D_ARRAY unorm", nm);
	else
		add_case(c, n, op, 12, 4, 8, -1, "%s v[12:15], v[4:5], s[8:15] "
		    "dmask:0xf dim:SQ_RSRC_IMG_2D unorm", nm);
}

static void
gen_mem(struct enc_case *c, int *n, unsigned op, const struct isa_op_info *i)
{
	unsigned nd = i->src[0] ? i->src[0] : 1;
	/* dwords returned: (f)cmpswap data is {new, compare} */
	unsigned nr = strstr(i->name, "cmpswap") != NULL ? nd / 2 : nd;
	const char *nm = i->name;
	bool ld = i->flags & F_LOAD, st = i->flags & F_STORE;

	switch (i->fmt) {
	case FMT_DS:
		if (ds_two_data(nm) && st)
			add_case(c, n, op, -1, 4, 6, 8, "%s v4, %s, %s offset:16",
			    nm, vrange(6, nd), vrange(8, nd));
		else if (ds_two_data(nm))
			add_case(c, n, op, 12, 4, 6, 8, "%s %s, v4, %s, %s "
			    "offset:16", nm, vrange(12, nd), vrange(6, nd),
			    vrange(8, nd));
		else if (strstr(nm, "read2"))
			add_case(c, n, op, 12, 4, -1, -1, "%s %s, v4 offset0:1 "
			    "offset1:2", nm, vrange(12, nd));
		else if (strstr(nm, "write2"))
			add_case(c, n, op, -1, 4, 6, 8, "%s v4, %s, %s offset0:1 "
			    "offset1:2", nm, vrange(6, nd), vrange(8, nd));
		else if (ld)
			add_case(c, n, op, 12, 4, -1, -1, "%s %s, v4 offset:16",
			    nm, vrange(12, nd));
		else if (st)
			add_case(c, n, op, -1, 4, 6, -1, "%s v4, %s offset:16", nm,
			    vrange(6, nd));
		else
			add_case(c, n, op, 12, 4, 6, -1, "%s %s, v4, %s offset:16",
			    nm, vrange(12, nd), vrange(6, nd));
		break;
	case FMT_MUBUF:
		if (i->src[0] == 0)
			add_case(c, n, op, -1, -1, -1, -1, "%s", nm);
		else
			add_case(c, n, op, 12, 4, 8, 2, "%s %s, v4, s[8:11], s2 "
			    "offen offset:16%s", nm, vrange(12, nd),
			    ld || st ? "" : " glc");
		break;
	case FMT_MIMG:
		gen_mimg(c, n, op, i);
		break;
	case FMT_MTBUF:
		add_case(c, n, op, 12, 4, 8, 2, "%s %s, v4, s[8:11], format:22, "
		    "s2 offen offset:16", nm, vrange(12, nd));
		break;
	case FMT_GLOBAL:
		if (ld)
			add_case(c, n, op, 12, 4, -1, -1, "%s %s, v[4:5], off "
			    "offset:-16", nm, vrange(12, nd));
		else if (st)
			add_case(c, n, op, -1, 4, 6, -1, "%s v[4:5], %s, off "
			    "offset:-16", nm, vrange(6, nd));
		else
			add_case(c, n, op, 12, 4, 6, -1, "%s %s, v[4:5], %s, off "
			    "offset:-16 glc", nm, vrange(12, nr), vrange(6, nd));
		if (ld)	/* and the SADDR form */
			add_case(c, n, op, 12, 4, -1, 10, "%s %s, v4, s[10:11] "
			    "offset:8", nm, vrange(12, nd));
		break;
	case FMT_FLAT:
		if (ld)
			add_case(c, n, op, 12, 4, -1, -1, "%s %s, v[4:5]", nm,
			    vrange(12, nd));
		else if (st)
			add_case(c, n, op, -1, 4, 6, -1, "%s v[4:5], %s", nm,
			    vrange(6, nd));
		else
			add_case(c, n, op, 12, 4, 6, -1, "%s %s, v[4:5], %s glc",
			    nm, vrange(12, nr), vrange(6, nd));
		break;
	case FMT_SCRATCH:
		if (ld)
			add_case(c, n, op, 12, 4, -1, -1, "%s %s, v4, off "
			    "offset:16", nm, vrange(12, nd));
		else
			add_case(c, n, op, -1, 4, 6, -1, "%s v4, %s, off offset:16",
			    nm, vrange(6, nd));
		break;
	}
}

/* Every opcode in its forms; returns the number of cases. */
static int
gen_cases(struct enc_case *c)
{
	int n = 0;
	unsigned op;

	for (op = 1; op < ISA_OP_COUNT; op++) {
		const struct isa_op_info *i = &isa_ops[op];

		switch (i->fmt) {
		case FMT_VOP1: case FMT_VOP2: case FMT_VOPC:
			gen_e32(c, &n, op, i);
			gen_e64(c, &n, op, i);
			break;
		case FMT_VOP3:
			gen_e64(c, &n, op, i);
			break;
		case FMT_VOP3P:
			if (i->src[2] == T_N)
				add_case(c, &n, op, 1, 4, 6, -1, "%s v1, v4, v6",
				    i->name);
			else
				add_case(c, &n, op, 1, 4, 6, 8,
				    "%s v1, v4, v6, v8", i->name);
			break;
		case FMT_DS: case FMT_MUBUF: case FMT_GLOBAL: case FMT_FLAT:
		case FMT_SCRATCH: case FMT_MTBUF: case FMT_MIMG:
			gen_mem(c, &n, op, i);
			break;
		default:
			gen_salu(c, &n, op, i);
			break;
		}
	}
	/* DPP16, DPP8 and SDWA forms of a few opcodes */
	add_case(c, &n, ISA_OP_V_ADD_F32, 1, 4, 6, -1, "v_add_f32_dpp v1, v4, v6 "
	    "quad_perm:[1,0,3,2] row_mask:0xf bank_mask:0xf");
	add_case(c, &n, ISA_OP_V_MOV_B32, 1, 4, -1, -1, "v_mov_b32_dpp v1, v4 "
	    "row_shr:1 row_mask:0xf bank_mask:0xf bound_ctrl:0");
	add_case(c, &n, ISA_OP_V_ADD_NC_U32, 1, 4, 6, -1, "v_add_nc_u32_dpp v1, "
	    "v4, v6 dpp8:[1,0,3,2,5,4,7,6]");
	add_case(c, &n, ISA_OP_V_ADD_F32, 1, 4, 6, -1, "v_add_f32_sdwa v1, v4, v6 "
	    "dst_sel:WORD_1 dst_unused:UNUSED_PRESERVE src0_sel:BYTE_0 "
	    "src1_sel:DWORD");
	add_case(c, &n, ISA_OP_V_CMP_EQ_U32, OPR_VCC_LO, 4, 6, -1,
	    "v_cmp_eq_u32_sdwa vcc_lo, v4, v6 src0_sel:WORD_1 src1_sel:DWORD");
	/* named hwregs, opsel, mix, permlane and DPP16 row_share/xmask/fi */
	add_case(c, &n, ISA_OP_S_GETREG_B32, 4, -1, -1, -1,
	    "s_getreg_b32 s4, hwreg(HW_REG_FLAT_SCR_HI, 0, 32)");
	add_case(c, &n, ISA_OP_S_SETREG_IMM32_B32, -1, -1, -1, -1,
	    "s_setreg_imm32_b32 hwreg(HW_REG_MODE, 0, 4), 3");
	add_case(c, &n, ISA_OP_V_MAD_U16, 1, 4, 6, 8,
	    "v_mad_u16 v1, v4, v6, v8 op_sel:[1,0,0,1]");
	add_case(c, &n, ISA_OP_V_FMA_MIX_F32, 1, 4, 6, 8,
	    "v_fma_mix_f32 v1, v4, v6, v8 op_sel:[1,0,0] op_sel_hi:[1,1,0]");
	add_case(c, &n, ISA_OP_V_PERMLANEX16_B32, 1, 4, 2, 3,
	    "v_permlanex16_b32 v1, v4, s2, s3 op_sel:[1,1]");
	add_case(c, &n, ISA_OP_V_MOV_B32, 1, 4, -1, -1, "v_mov_b32_dpp v1, v4 "
	    "row_share:3 row_mask:0xf bank_mask:0xf fi:1");
	add_case(c, &n, ISA_OP_V_MOV_B32, 1, 4, -1, -1, "v_mov_b32_dpp v1, v4 "
	    "row_xmask:5 row_mask:0xf bank_mask:0xf");
	/* literals and inline constants */
	add_case(c, &n, ISA_OP_V_ADD_F32, 1, -1, 6, -1,
	    "v_add_f32_e32 v1, 0x40490fdb, v6");
	add_case(c, &n, ISA_OP_S_ADD_U32, 4, -1, -1, -1,
	    "s_add_u32 s4, 0x12345678, -16");
	/* MIMG with NSA (address VGPRs listed) and d16 */
	add_case(c, &n, ISA_OP_IMAGE_LOAD, 12, 4, 8, -1, "image_load v[12:15], "
	    "[v4, v9, v6], s[8:15] dmask:0xf dim:SQ_RSRC_IMG_2D_ARRAY unorm");
	add_case(c, &n, ISA_OP_IMAGE_STORE, 12, 4, 8, -1, "image_store v[12:13], "
	    "v[4:5], s[8:15] dmask:0xf dim:SQ_RSRC_IMG_2D unorm d16");
	return n;
}

/* Run llvm-mc over all cases; parse one encoding per line, in order. */
static int
encode_all(struct enc_case *c, int n, uint8_t (*bytes)[16], int *len)
{
	char s[128], cmd[256], line[512];
	FILE *f, *p;
	int k = 0, b;

	snprintf(s, sizeof(s), "%s/enc.s", tmpdir);
	f = fopen(s, "w");
	assert_non_null(f);
	for (int j = 0; j < n; j++)
		fprintf(f, "%s\n", c[j].text);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "llvm-mc -triple=amdgcn -mcpu=" MCPU
	    " -show-encoding %s 2>&1", s);
	p = popen(cmd, "r");
	assert_non_null(p);
	while (fgets(line, sizeof(line), p) != NULL) {
		char *e = strstr(line, "encoding: [");

		char *ln = strstr(line, ".s:");

		if (strstr(line, "error") != NULL && ln != NULL &&
		    atoi(ln + 3) >= 1 && atoi(ln + 3) <= n)
			fprintf(stderr, "llvm-mc rejects \"%s\": %s",
			    c[atoi(ln + 3) - 1].text, line);
		if (e == NULL || k >= n)
			continue;
		e += strlen("encoding: [");
		for (b = 0; b < 16 && *e == '0'; b++) {
			bytes[k][b] = (uint8_t)strtoul(e, &e, 16);
			if (*e == ',')
				e++;
		}
		len[k++] = b;
	}
	pclose(p);
	return k;
}

static bool
check_case(const struct enc_case *c, const uint8_t *bytes, int len)
{
	uint32_t dw[4] = { 0 };
	struct shader_program *p;
	const struct shader_inst *in;
	bool ok;

	memcpy(dw, bytes, (size_t)len);
	assert_int_equal(shader_decode(dw, (size_t)len / 4, 0, &p), 0);
	in = &p->insts[0];
	ok = in->op == c->op && in->ndw * 4 == len &&
	    (c->dst < 0 || in->dst.reg == c->dst) &&
	    (c->src[0] < 0 || in->src[0].reg == c->src[0]) &&
	    (c->src[1] < 0 || in->src[1].reg == c->src[1]) &&
	    (c->src[2] < 0 || in->src[2].reg == c->src[2] ||
	    in->sdst.reg == c->src[2]);
	if (!ok)
		fprintf(stderr, "mismatch: %s -> %s ndw %u dst %u src %u %u %u\n",
		    c->text, shader_op_name(in->op), in->ndw, in->dst.reg,
		    in->src[0].reg, in->src[1].reg, in->src[2].reg);
	shader_program_free(p);
	return ok;
}

/* Every known opcode, assembled by LLVM, decodes to itself. */
static void
test_encodings_match_llvm(void **state)
{
	struct enc_case *c = calloc(MAX_CASES, sizeof(*c));
	uint8_t (*bytes)[16] = calloc(MAX_CASES, 16);
	int *len = calloc(MAX_CASES, sizeof(int));
	int n, got, bad = 0;

	assert_non_null(c);
	n = gen_cases(c);
	got = encode_all(c, n, bytes, len);	/* llvm-mc accepts every line */
	for (int k = 0; k < got && got == n; k++)
		bad += !check_case(&c[k], bytes[k], len[k]);
	fprintf(stderr, "isa: %d forms of %d opcodes checked against llvm-mc "
	    "-mcpu=" MCPU "\n", n, ISA_OP_COUNT - 1);
	free(c);
	free(bytes);
	free(len);
	assert_int_equal(got, n);
	assert_int_equal(bad, 0);
}

/* ---- (b) execution on host memory ---- */

/* Host memory: one arena at GPU address ARENA_VA. */
#define ARENA_VA	0x100000000ull
#define ARENA_SIZE	(64u << 10)

struct host_mem {
	uint8_t bytes[ARENA_SIZE];
};

static int
hm_read(void *ctx, uint64_t va, void *dst, size_t len)
{
	struct host_mem *m = ctx;

	if (va < ARENA_VA || va - ARENA_VA + len > ARENA_SIZE)
		return -1;
	memcpy(dst, m->bytes + (va - ARENA_VA), len);
	return 0;
}

static int
hm_write(void *ctx, uint64_t va, const void *src, size_t len)
{
	struct host_mem *m = ctx;

	if (va < ARENA_VA || va - ARENA_VA + len > ARENA_SIZE)
		return -1;
	memcpy(m->bytes + (va - ARENA_VA), src, len);
	return 0;
}

static const struct shader_mem_ops hm_ops = { hm_read, hm_write, NULL };

/* Assemble and run one wave; v0 = lane id as the CP will set it. */
struct run {
	struct shader_wave w;
	struct shader_program *p;
	uint32_t *code;
	struct host_mem *mem;
	uint8_t lds[1024];
};

static void
run_init(struct run *r, const char *src, unsigned lanes)
{
	size_t ndw;

	r->code = assemble(src, lanes == 64 ? "-mattr=+wavefrontsize64" : "",
	    &ndw);
	assert_int_equal(shader_decode(r->code, ndw, 0x4000, &r->p), 0);
	assert_int_equal(r->p->nillegal, 0);
	assert_int_equal(shader_wave_init(&r->w, lanes), 0);
	if (r->mem == NULL)
		r->mem = calloc(1, sizeof(*r->mem));
	assert_non_null(r->mem);
	r->w.mem = &hm_ops;
	r->w.mem_ctx = r->mem;
	r->w.lds = r->lds;
	r->w.lds_size = sizeof(r->lds);
	for (unsigned l = 0; l < lanes; l++)
		r->w.vgpr[0][l] = l;
}

static void
run_fini(struct run *r)
{
	shader_wave_fini(&r->w);
	shader_program_free(r->p);
	free(r->code);
	free(r->mem);
}

static enum shader_status
run_go(struct run *r)
{
	enum shader_status st = shader_wave_run(&r->w, r->p, 100000);

	if (st != SHADER_ENDPGM)
		fprintf(stderr, "stopped: %s at pc %#x (%#x %#x)\n",
		    shader_status_name(st), r->w.stop.pc, r->w.stop.dw[0],
		    r->w.stop.dw[1]);
	return st;
}

static void
set_ptr(struct shader_wave *w, unsigned s, uint64_t va)
{
	w->sgpr[s] = (uint32_t)va;
	w->sgpr[s + 1] = (uint32_t)(va >> 32);
}

static float
arena_f(const struct run *r, uint32_t off, unsigned k)
{
	float f;

	memcpy(&f, r->mem->bytes + off + 4 * k, 4);
	return f;
}

/* c[i] = a[i] + b[i] over 64 elements: two wave32 waves or one wave64. */
static const char vadd_src[] =
	"v_lshlrev_b32 v1, 2, v0\n"
	"v_add_nc_u32 v1, s6, v1\n"
	"global_load_dword v2, v1, s[0:1]\n"
	"global_load_dword v3, v1, s[2:3]\n"
	"s_waitcnt vmcnt(0)\n"
	"v_add_f32 v4, v2, v3\n"
	"global_store_dword v1, v4, s[4:5]\n"
	"s_endpgm\n";

static void
vadd(unsigned lanes)
{
	struct run r = { 0 };
	unsigned k, wave;

	r.mem = calloc(1, sizeof(*r.mem));
	assert_non_null(r.mem);
	for (k = 0; k < 64; k++) {
		float a = (float)k * 1.5f, b = 100.0f - (float)k;

		memcpy(r.mem->bytes + 4 * k, &a, 4);
		memcpy(r.mem->bytes + 256 + 4 * k, &b, 4);
	}
	for (wave = 0; wave < 64 / lanes; wave++) {
		struct host_mem *keep = r.mem;

		run_init(&r, vadd_src, lanes);
		set_ptr(&r.w, 0, ARENA_VA);
		set_ptr(&r.w, 2, ARENA_VA + 256);
		set_ptr(&r.w, 4, ARENA_VA + 512);
		r.w.sgpr[6] = wave * lanes * 4;
		assert_int_equal(run_go(&r), SHADER_ENDPGM);
		r.mem = NULL;
		shader_wave_fini(&r.w);
		shader_program_free(r.p);
		free(r.code);
		r.mem = keep;
	}
	for (k = 0; k < 64; k++)
		assert_true(arena_f(&r, 512, k) == (float)k * 1.5f + 100.0f - (float)k);
	free(r.mem);
}

static void
test_vadd_wave32(void **state)
{
	vadd(32);
}

static void
test_vadd_wave64(void **state)
{
	vadd(64);
}

/* A scalar loop: s0 = 1 + 2 + ... + 10 with s_cbranch_scc1. */
static void
test_scalar_loop(void **state)
{
	struct run r = { 0 };

	run_init(&r, "s_mov_b32 s0, 0\n"
	    "s_mov_b32 s1, 1\n"
	    "loop:\n"
	    "s_add_u32 s0, s0, s1\n"
	    "s_add_u32 s1, s1, 1\n"
	    "s_cmp_le_u32 s1, 10\n"
	    "s_cbranch_scc1 loop\n"
	    "s_endpgm\n", 32);
	assert_int_equal(run_go(&r), SHADER_ENDPGM);
	assert_int_equal(r.w.sgpr[0], 55);
	assert_int_equal(r.w.sgpr[1], 11);
	run_fini(&r);
}

/* if (lane < 10) v1 = 7: v_cmp + s_and_saveexec, then EXEC restored. */
static void
exec_mask(unsigned lanes)
{
	struct run r = { 0 };
	const char *src32 = "v_mov_b32 v1, 1\n"
	    "v_cmp_gt_u32 vcc_lo, 10, v0\n"
	    "s_and_saveexec_b32 s2, vcc_lo\n"
	    "s_cbranch_execz skip\n"
	    "v_mov_b32 v1, 7\n"
	    "skip:\n"
	    "s_or_b32 exec_lo, exec_lo, s2\n"
	    "v_add_nc_u32 v1, v1, 100\n"
	    "s_endpgm\n";
	const char *src64 = "v_mov_b32 v1, 1\n"
	    "v_cmp_gt_u32 vcc, 10, v0\n"
	    "s_and_saveexec_b64 s[2:3], vcc\n"
	    "s_cbranch_execz skip\n"
	    "v_mov_b32 v1, 7\n"
	    "skip:\n"
	    "s_or_b64 exec, exec, s[2:3]\n"
	    "v_add_nc_u32 v1, v1, 100\n"
	    "s_endpgm\n";

	run_init(&r, lanes == 64 ? src64 : src32, lanes);
	assert_int_equal(run_go(&r), SHADER_ENDPGM);
	for (unsigned l = 0; l < lanes; l++)
		assert_int_equal(r.w.vgpr[1][l], l < 10 ? 107 : 101);
	assert_true(r.w.sgpr[OPR_VCC_LO] == 0x3ff);
	run_fini(&r);
}

static void
test_exec_mask_wave32(void **state)
{
	exec_mask(32);
}

static void
test_exec_mask_wave64(void **state)
{
	exec_mask(64);
}

/* LDS: write lane*3, read back reversed; ds_add from all lanes; OOB = 0. */
static void
test_lds_round_trip(void **state)
{
	struct run r = { 0 };

	run_init(&r, "v_lshlrev_b32 v1, 2, v0\n"
	    "v_mul_u32_u24 v2, 3, v0\n"
	    "ds_write_b32 v1, v2\n"
	    "v_sub_nc_u32 v3, 63, v0\n"
	    "v_lshlrev_b32 v3, 2, v3\n"
	    "s_waitcnt lgkmcnt(0)\n"
	    "s_barrier\n"
	    "ds_read_b32 v4, v3\n"
	    "v_mov_b32 v5, 1\n"
	    "v_mov_b32 v6, 0x200\n"
	    "ds_add_u32 v6, v5\n"
	    "v_mov_b32 v7, 0x1000\n"
	    "ds_read_b32 v8, v7\n"
	    "ds_read_b32 v9, v6\n"
	    "s_endpgm\n", 64);
	r.w.vgpr[8][0] = 0xdead;
	assert_int_equal(run_go(&r), SHADER_ENDPGM);
	for (unsigned l = 0; l < 64; l++) {
		assert_int_equal(r.w.vgpr[4][l], 3 * (63 - l));
		assert_int_equal(r.w.vgpr[8][l], 0);	/* past lds_size */
		assert_int_equal(r.w.vgpr[9][l], 64);
	}
	run_fini(&r);
}

/* A raw V# (OOB_SELECT 3, stride 0) over 10 dwords: lanes past it read 0. */
static void
set_vbuf(struct shader_wave *w, unsigned s, uint64_t va, uint32_t bytes)
{
	w->sgpr[s] = (uint32_t)va;
	w->sgpr[s + 1] = (uint32_t)(va >> 32) & 0xffff;	/* stride 0 */
	w->sgpr[s + 2] = bytes;
	w->sgpr[s + 3] = F_PREP(VBUF3_OOB_SELECT, OOB_RAW);
}

static void
test_buffer_oob(void **state)
{
	struct run r = { 0 };
	uint32_t v;

	r.mem = calloc(1, sizeof(*r.mem));
	assert_non_null(r.mem);
	for (unsigned k = 0; k < 32; k++) {
		v = 1000 + k;
		memcpy(r.mem->bytes + 4 * k, &v, 4);
	}
	memset(r.mem->bytes + 1024, 0xee, 256);
	run_init(&r, "v_lshlrev_b32 v1, 2, v0\n"
	    "buffer_load_dword v2, v1, s[8:11], 0 offen\n"
	    "s_waitcnt vmcnt(0)\n"
	    "buffer_store_dword v2, v1, s[12:15], 0 offen\n"
	    "s_buffer_load_dwordx2 s[20:21], s[8:11], 0x24\n"
	    "s_endpgm\n", 32);
	set_vbuf(&r.w, 8, ARENA_VA, 40);
	set_vbuf(&r.w, 12, ARENA_VA + 1024, 16);
	assert_int_equal(run_go(&r), SHADER_ENDPGM);
	for (unsigned l = 0; l < 32; l++)
		assert_int_equal(r.w.vgpr[2][l], l < 10 ? 1000 + l : 0);
	for (unsigned k = 0; k < 8; k++) {
		memcpy(&v, r.mem->bytes + 1024 + 4 * k, 4);
		assert_int_equal(v, k < 4 ? 1000 + k : 0xeeeeeeee);
	}
	assert_int_equal(r.w.sgpr[20], 1009);	/* dword 9: in range */
	assert_int_equal(r.w.sgpr[21], 0);	/* dword 10: past 40 bytes */
	run_fini(&r);
}

/* IEEE mode: min(sNaN, x) is a quiet NaN; otherwise NaN gives x.  fma. */
static void
nan_minmax(bool ieee, uint32_t *out)
{
	struct run r = { 0 };

	run_init(&r, "v_cvt_f32_u32 v0, v0\n"
	    "v_min_f32 v1, s0, v0\n"		/* sNaN, lane */
	    "v_max_f32 v2, s1, v0\n"			/* qNaN, lane */
	    "v_mov_b32 v10, s4\n"
	    "v_fma_f32 v3, s2, s3, v10\n"
	    "v_min_f32 v4, s5, s6\n"			/* -0, +0 */
	    "s_endpgm\n", 32);
	r.w.mode = F_SET(r.w.mode, MODE_IEEE, ieee);
	r.w.sgpr[0] = 0x7f800001;
	r.w.sgpr[1] = 0x7fc00000;
	r.w.sgpr[2] = 0x3f800001;	/* 1 + ulp */
	r.w.sgpr[3] = 0x3f7fffff;	/* 1 - ulp/2 */
	r.w.sgpr[4] = 0xbf800000;	/* -1 */
	r.w.sgpr[5] = 0x80000000;
	r.w.sgpr[6] = 0;
	assert_int_equal(run_go(&r), SHADER_ENDPGM);
	out[0] = r.w.vgpr[1][5];
	out[1] = r.w.vgpr[2][5];
	out[2] = r.w.vgpr[3][5];
	out[3] = r.w.vgpr[4][5];
	run_fini(&r);
}

static void
test_float_ieee(void **state)
{
	uint32_t on[4], off[4], five, fma;
	float f = 5.0f, a, b, c, rf;

	memcpy(&five, &f, 4);
	nan_minmax(true, on);
	nan_minmax(false, off);
	assert_int_equal(on[0], 0x7fc00001);	/* quieted sNaN */
	assert_int_equal(off[0], five);		/* NaN ignored */
	assert_int_equal(on[1], five);		/* qNaN ignored in both */
	assert_int_equal(off[1], five);
	memcpy(&a, &(uint32_t){ 0x3f800001 }, 4);
	memcpy(&b, &(uint32_t){ 0x3f7fffff }, 4);
	c = -1.0f;
	rf = fmaf(a, b, c);			/* single rounding */
	memcpy(&fma, &rf, 4);
	assert_int_equal(on[2], fma);
	assert_true(rf != a * b + c || rf != 0.0f);
	assert_int_equal(on[3], 0x80000000);	/* min(-0, +0) = -0 */
}

/* DPP row_shr:1 with bound_ctrl, v_readlane, v_mbcnt. */
static void
test_dpp_and_lanes(void **state)
{
	struct run r = { 0 };

	run_init(&r, "v_mov_b32_dpp v1, v0 row_shr:1 row_mask:0xf "
	    "bank_mask:0xf bound_ctrl:0\n"
	    "v_readlane_b32 s0, v0, 37\n"
	    "v_mbcnt_lo_u32_b32 v2, -1, 0\n"
	    "v_mbcnt_hi_u32_b32 v2, -1, v2\n"
	    "s_endpgm\n", 64);
	assert_int_equal(run_go(&r), SHADER_ENDPGM);
	for (unsigned l = 0; l < 64; l++) {
		assert_int_equal(r.w.vgpr[1][l], l % 16 == 0 ? 0 : l - 1);
		assert_int_equal(r.w.vgpr[2][l], l);
	}
	assert_int_equal(r.w.sgpr[0], 37);
	run_fini(&r);
}

/* A fault: a global load outside the arena stops the wave with its VA. */
static void
test_memory_fault(void **state)
{
	struct run r = { 0 };

	run_init(&r, "global_load_dword v1, v0, s[0:1]\ns_endpgm\n", 32);
	set_ptr(&r.w, 0, 0xdead0000ull);
	assert_int_equal(run_go(&r), SHADER_FAULT);
	assert_true(r.w.stop.fault_va == 0xdead0000ull);
	assert_int_equal(r.w.stop.pc, 0);
	run_fini(&r);
}

/* ---- (c) illegal instructions ---- */

/* known_op: the decoder knows it (s_code_end), only executing it is bad */
static void
illegal_at(const uint32_t *code, size_t ndw, uint32_t pc, uint32_t dw0,
    bool known_op)
{
	struct shader_program *p;
	struct shader_wave w;

	assert_int_equal(shader_decode(code, ndw, 0, &p), 0);
	assert_int_equal(p->nillegal, known_op ? 0 : 1);
	if (!known_op)
		assert_int_equal(p->first_illegal_pc, pc);
	assert_int_equal(shader_wave_init(&w, 32), 0);
	assert_int_equal(shader_wave_run(&w, p, 100), SHADER_ILLEGAL);
	assert_int_equal(w.stop.pc, pc);
	assert_int_equal(w.stop.dw[0], dw0);
	assert_int_equal(w.sgpr[0], 1);		/* what ran before it */
	shader_wave_fini(&w);
	shader_program_free(p);
}

static void
test_illegal_instruction(void **state)
{
	size_t ndw;
	uint32_t *base = assemble("s_mov_b32 s0, 1\ns_nop 0\ns_endpgm\n", "",
	    &ndw);
	uint32_t code[3];

	memcpy(code, base, sizeof(code));
	code[1] = 0xffffffff;		/* no such format */
	illegal_at(code, 3, 4, 0xffffffff, false);
	code[1] = 0xbe80ff00;		/* SOP1 opcode 0xff: unknown */
	illegal_at(code, 3, 4, 0xbe80ff00, false);
	code[1] = 0xbf9f0000;		/* s_code_end is padding, not code */
	illegal_at(code, 3, 4, 0xbf9f0000, true);
	free(base);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encodings_match_llvm),
		cmocka_unit_test(test_vadd_wave32),
		cmocka_unit_test(test_vadd_wave64),
		cmocka_unit_test(test_scalar_loop),
		cmocka_unit_test(test_exec_mask_wave32),
		cmocka_unit_test(test_exec_mask_wave64),
		cmocka_unit_test(test_lds_round_trip),
		cmocka_unit_test(test_buffer_oob),
		cmocka_unit_test(test_float_ieee),
		cmocka_unit_test(test_dpp_and_lanes),
		cmocka_unit_test(test_memory_fault),
		cmocka_unit_test(test_illegal_instruction),
	};

	return cmocka_run_group_tests(tests, setup_tmp, teardown_tmp);
}

/*
 * model/shader: semantics of the ALU classes added for issue 5, one
 * property per test.  Programs are assembled by llvm-mc at test time
 * (-mcpu=gfx1032, -filetype=obj + llvm-objcopy -O binary), run as one
 * wave with no memory, and their registers compared with C (or, for
 * the division sequence, with the host's IEEE division).
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

static char tmpdir[64];

static int
setup_tmp(void **state)
{
	strcpy(tmpdir, "/tmp/test_valu.XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown_tmp(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Assemble src into dwords with llvm-mc (wave64 if asked). */
static uint32_t *
assemble(const char *src, bool w64, size_t *ndw)
{
	char s[96], o[96], b[96], cmd[1024];
	uint32_t *code;
	FILE *f;
	long len;

	snprintf(s, sizeof(s), "%s/p.s", tmpdir);
	snprintf(o, sizeof(o), "%s/p.o", tmpdir);
	snprintf(b, sizeof(b), "%s/p.bin", tmpdir);
	f = fopen(s, "w");
	assert_non_null(f);
	fputs(src, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "llvm-mc -triple=amdgcn -mcpu=gfx1032 %s "
	    "-filetype=obj -o %s %s && llvm-objcopy -O binary "
	    "--only-section=.text %s %s", w64 ? "-mattr=+wavefrontsize64" : "",
	    o, s, o, b);
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

/* One wave over an assembled program; v0 = lane id. */
struct run {
	struct shader_wave w;
	struct shader_program *p;
	uint32_t *code;
};

static void
run_init(struct run *r, const char *src, unsigned lanes)
{
	size_t ndw;

	r->code = assemble(src, lanes == 64, &ndw);
	assert_int_equal(shader_decode(r->code, ndw, 0x4000, &r->p), 0);
	assert_int_equal(r->p->nillegal, 0);
	assert_int_equal(shader_wave_init(&r->w, lanes), 0);
	for (unsigned l = 0; l < lanes; l++)
		r->w.vgpr[0][l] = l;
}

static void
run_go(struct run *r)
{
	enum shader_status st = shader_wave_run(&r->w, r->p, 10000);

	if (st != SHADER_ENDPGM)
		fail_msg("stopped: %s at pc %#x (%#x %#x)", shader_status_name(st),
		    r->w.stop.pc, r->w.stop.dw[0], r->w.stop.dw[1]);
}

static void
run_fini(struct run *r)
{
	shader_wave_fini(&r->w);
	shader_program_free(r->p);
	free(r->code);
}

static uint32_t
fbits(float f)
{
	uint32_t u;

	memcpy(&u, &f, 4);
	return u;
}

static uint64_t
dbits(double d)
{
	uint64_t u;

	memcpy(&u, &d, 8);
	return u;
}

/* ---- scalar ---- */

/* MODE and FLAT_SCRATCH through s_setreg / s_getreg; STATUS.SCC. */
static void
test_hwreg(void **state)
{
	struct run r = { 0 };

	run_init(&r, "s_setreg_imm32_b32 hwreg(HW_REG_MODE, 0, 4), 0x9\n"
	    "s_getreg_b32 s10, hwreg(HW_REG_MODE, 0, 4)\n"
	    "s_setreg_b32 hwreg(HW_REG_FLAT_SCR_LO), s2\n"
	    "s_setreg_b32 hwreg(HW_REG_FLAT_SCR_HI), s3\n"
	    "s_getreg_b32 s11, hwreg(HW_REG_FLAT_SCR_HI, 4, 8)\n"
	    "s_cmp_eq_u32 s2, s2\n"
	    "s_getreg_b32 s12, hwreg(HW_REG_STATUS, 0, 1)\n"
	    "s_denorm_mode 0x3\n"
	    "s_getreg_b32 s13, hwreg(HW_REG_MODE, 4, 4)\n"
	    "s_round_mode 0x2\n"
	    "s_getreg_b32 s14, hwreg(HW_REG_MODE)\n"
	    "s_getreg_b32 s15, hwreg(HW_REG_LDS_ALLOC)\n"
	    "s_endpgm\n", 32);
	r.w.sgpr[2] = 0x12345000;
	r.w.sgpr[3] = 0x0000abcd;
	r.w.lds_size = 4096;
	run_go(&r);
	assert_int_equal(r.w.sgpr[10], 0x9);
	assert_true(r.w.flat_scratch == 0x0000abcd12345000ull);
	assert_int_equal(r.w.sgpr[11], 0xbc);
	assert_int_equal(r.w.sgpr[12], 1);
	assert_int_equal(r.w.sgpr[13], 0x3);
	assert_int_equal(r.w.sgpr[14] & 0xff, 0x32);
	assert_int_equal((r.w.sgpr[15] >> 12) & 0x1ff, 8);	/* 4096 / 512 */
	run_fini(&r);
}

/* An hwreg the model does not know stops the wave as unsupported. */
static void
test_hwreg_unknown(void **state)
{
	struct run r = { 0 };

	run_init(&r, "s_mov_b32 s0, 1\n"
	    "s_setreg_b32 hwreg(HW_REG_STATUS, 0, 1), s0\n"	/* ignored */
	    "s_getreg_b32 s1, hwreg(HW_REG_GPR_ALLOC)\n"
	    "s_getreg_b32 s2, hwreg(HW_REG_TBA_LO)\n"
	    "s_mov_b32 s3, 7\n"
	    "s_endpgm\n", 64);
	assert_int_equal(shader_wave_run(&r.w, r.p, 100), SHADER_UNSUPPORTED);
	assert_int_equal(r.w.stop.pc, 12);
	assert_int_equal((r.w.sgpr[1] >> 8) & 0xff, 256 / 4 - 1);
	assert_int_equal(r.w.sgpr[3], 0);
	assert_false(r.w.scc);
	run_fini(&r);
}

/* s_call_b64 returns the next PC and jumps; s_setpc_b64 comes back. */
static void
test_call(void **state)
{
	struct run r = { 0 };

	run_init(&r, "s_mov_b32 s0, 1\n"
	    "s_call_b64 s[4:5], func\n"
	    "s_add_u32 s0, s0, 10\n"
	    "s_endpgm\n"
	    "func:\n"
	    "s_add_u32 s0, s0, 100\n"
	    "s_setpc_b64 s[4:5]\n", 32);
	run_go(&r);
	assert_int_equal(r.w.sgpr[0], 111);
	assert_int_equal(r.w.sgpr[4], 0x4000 + 8);	/* after the call */
	assert_int_equal(r.w.sgpr[5], 0);
	run_fini(&r);
}

/* M0-relative SGPR moves, the waitcnt_*cnt no-ops, s_bfm_b64. */
static void
test_s_movrel(void **state)
{
	struct run r = { 0 };

	run_init(&r, "s_mov_b32 m0, 3\n"
	    "s_movrels_b32 s20, s10\n"		/* s20 = s13 */
	    "s_movrels_b64 s[22:23], s[10:11]\n"	/* = s[13:14] */
	    "s_movreld_b32 s30, 77\n"		/* s33 = 77 */
	    "s_mov_b32 m0, 0x20002\n"		/* dst +2, src +2 */
	    "s_movrelsd_2_b32 s40, s10\n"		/* s42 = s12 */
	    "s_waitcnt_vscnt null, 0x0\n"
	    "s_waitcnt_lgkmcnt null, 0x0\n"
	    "s_cmp_eq_u32 0, 1\n"			/* SCC = 0 */
	    "s_bfm_b64 s[50:51], 32, 16\n"		/* bits 47:16 */
	    "s_cselect_b32 s52, 1, 2\n"		/* SCC kept */
	    "s_endpgm\n", 32);
	for (unsigned k = 10; k < 16; k++)
		r.w.sgpr[k] = 1000 + k;
	run_go(&r);
	assert_int_equal(r.w.sgpr[20], 1013);
	assert_int_equal(r.w.sgpr[22], 1013);
	assert_int_equal(r.w.sgpr[23], 1014);
	assert_int_equal(r.w.sgpr[33], 77);
	assert_int_equal(r.w.sgpr[30], 0);
	assert_int_equal(r.w.sgpr[42], 1012);
	assert_int_equal(r.w.sgpr[50], 0xffff0000u);
	assert_int_equal(r.w.sgpr[51], 0x0000ffffu);
	assert_int_equal(r.w.sgpr[52], 2);
	run_fini(&r);
}

/* ---- 16-bit ---- */

/* v_cmp_*_{i16,u16,f16} in VOPC and VOP3 forms, cmpx, class_f16. */
static void
test_cmp16(void **state)
{
	struct run r = { 0 };
	uint32_t lt_i = 0, lt_u = 0, lt_f = 0, cls = 0;

	run_init(&r, "v_sub_nc_u32 v1, v0, 16\n"	/* lane - 16 */
	    "v_cvt_f32_i32 v2, v1\n"
	    "v_cvt_f16_f32 v2, v2\n"
	    "v_cmp_lt_i16 vcc_lo, v1, 0\n"
	    "s_mov_b32 s10, vcc_lo\n"
	    "v_cmp_lt_u16_e64 s11, v1, 5\n"
	    "v_cmp_lt_f16_e64 s12, v2, 0\n"
	    "v_mov_b32 v3, 0x80000001\n"	/* hi garbage, lo = +denorm */
	    "v_cmp_class_f16 vcc_lo, v3, 0x80\n"	/* bit 7: +denormal */
	    "s_mov_b32 s13, vcc_lo\n"
	    "v_cmpx_gt_u16 v1, 0xfffd\n"	/* lane - 16 is -2 or -1 */
	    "s_mov_b32 s14, exec_lo\n"
	    "s_endpgm\n", 32);
	run_go(&r);
	for (unsigned l = 0; l < 32; l++) {
		int v = (int)l - 16;

		lt_i |= (uint32_t)(v < 0) << l;
		lt_u |= (uint32_t)((uint16_t)v < 5) << l;
		lt_f |= (uint32_t)(v < 0) << l;
		cls |= 1u << l;
	}
	assert_int_equal(r.w.sgpr[10], lt_i);
	assert_int_equal(r.w.sgpr[11], lt_u);
	assert_int_equal(r.w.sgpr[12], lt_f);
	assert_int_equal(r.w.sgpr[13], cls);
	assert_int_equal(r.w.sgpr[14], 0xc000);	/* lanes 14, 15 */
	run_fini(&r);
}

/* 16-bit integer VOP3: wrap, clamp, sign, opsel, the kept high half. */
static void
test_int16(void **state)
{
	struct run r = { 0 };

	run_init(&r, "v_mov_b32 v1, 0xaaaa0000\n"
	    "v_mov_b32 v2, 0x5555fff0\n"
	    "v_add_nc_u16 v1, v2, 0x20\n"		/* 0xfff0 + 0x20 wraps */
	    "v_mov_b32 v3, 0x11110000\n"
	    "v_add_nc_u16 v3, v2, 0x20 clamp\n"	/* saturates */
	    "v_mov_b32 v4, 0\n"
	    "v_ashrrev_i16 v4, 2, v2\n"		/* -16 >> 2 */
	    "v_max_i16 v5, v2, 3\n"
	    "v_max_u16 v6, v2, 3\n"
	    "v_mov_b32 v7, 0x12340000\n"
	    "v_mad_u16 v7, v2, 2, 1 op_sel:[1,0,0,1]\n"	/* hi = 0x5555*2+1 */
	    "v_mad_u32_u16 v8, v2, v2, 7\n"
	    "v_mad_i32_i16 v9, v2, 3, 0\n"
	    "v_mul_lo_u16 v10, v2, 0x100\n"
	    "v_lshlrev_b16 v11, 4, v2\n"
	    "v_med3_i16 v12, v2, 5, -3\n"
	    "s_endpgm\n", 32);
	run_go(&r);
	assert_int_equal(r.w.vgpr[1][7], 0xaaaa0010);
	assert_int_equal(r.w.vgpr[3][7], 0x1111ffff);
	assert_int_equal(r.w.vgpr[4][7], 0x0000fffc);
	assert_int_equal(r.w.vgpr[5][7] & 0xffff, 3);
	assert_int_equal(r.w.vgpr[6][7] & 0xffff, 0xfff0);
	assert_int_equal(r.w.vgpr[7][7], 0xaaab0000u);
	assert_int_equal(r.w.vgpr[8][7], 0xfff0u * 0xfff0u + 7);
	assert_int_equal(r.w.vgpr[9][7], (uint32_t)-48);
	assert_int_equal(r.w.vgpr[10][7] & 0xffff, 0xf000);
	assert_int_equal(r.w.vgpr[11][7] & 0xffff, 0xff00);
	assert_int_equal(r.w.vgpr[12][7] & 0xffff, 0xfffd);
	run_fini(&r);
}

/* VOP3P packed ints with opsel, dot products, v_fma_mix. */
static void
test_packed(void **state)
{
	struct run r = { 0 };

	run_init(&r, "v_mov_b32 v1, 0x0003fffe\n"	/* {-2, 3} */
	    "v_mov_b32 v2, 0x00050007\n"		/* {7, 5} */
	    "v_pk_add_u16 v3, v1, v2\n"
	    "v_pk_mul_lo_u16 v4, v1, v2\n"
	    "v_pk_mad_i16 v5, v1, v2, v2\n"
	    "v_pk_max_i16 v6, v1, v2 op_sel:[1,0] op_sel_hi:[0,1]\n"
	    "v_pk_ashrrev_i16 v7, 1, v1 op_sel_hi:[0,1]\n"
	    "v_mov_b32 v8, 0x04fd02ff\n"		/* i8 {-1, 2, -3, 4} */
	    "v_mov_b32 v9, 0x01020304\n"		/* {4, 3, 2, 1} */
	    "v_dot4_i32_i8 v10, v8, v9, 100\n"
	    "v_dot4_u32_u8 v11, v8, v9, 0\n"
	    "v_mov_b32 v12, 0x40003c00\n"		/* f16 {1, 2} */
	    "v_mov_b32 v13, 0x44004200\n"		/* f16 {3, 4} */
	    "v_dot2_f32_f16 v14, v12, v13, 0.5\n"
	    "v_fma_mix_f32 v15, v12, v13, 1.0 op_sel:[1,0,0] "
	    "op_sel_hi:[1,1,0]\n"			/* 2 * 3 + 1 */
	    "v_mov_b32 v16, 0xdead0000\n"
	    "v_fma_mixlo_f16 v16, v12, v13, 1.0 op_sel_hi:[1,1,0]\n"
	    "v_pk_add_u16 v17, v2, 1 op_sel_hi:[1,0]\n"	/* 1 in both halves */
	    "v_pk_add_u16 v18, v2, -1\n"		/* hi half of -1: 0xffff */
	    "v_pk_add_f16 v19, v12, 1.0\n"	/* hi half of 1.0: 0 */
	    "s_endpgm\n", 32);
	run_go(&r);
	assert_int_equal(r.w.vgpr[3][0], 0x00080005);
	assert_int_equal(r.w.vgpr[4][0], 0x000ffff2);
	assert_int_equal(r.w.vgpr[5][0], 0x0014fff9);
	/* lo = max(hi(v1)=3, lo(v2)=7) = 7; hi = max(lo(v1)=-2, hi(v2)=5) */
	assert_int_equal(r.w.vgpr[6][0], 0x00050007);
	assert_int_equal(r.w.vgpr[7][0], 0x0001ffff);
	assert_int_equal(r.w.vgpr[10][0], 100 + (-1 * 4 + 2 * 3 - 3 * 2 + 4 * 1));
	assert_int_equal(r.w.vgpr[11][0], 0xff * 4 + 2 * 3 + 0xfd * 2 + 4);
	assert_int_equal(r.w.vgpr[14][0], fbits(1 * 3 + 2 * 4 + 0.5f));
	assert_int_equal(r.w.vgpr[15][0], fbits(7.0f));
	assert_int_equal(r.w.vgpr[16][0], 0xdead4400);	/* f16 4.0 */
	assert_int_equal(r.w.vgpr[17][0], 0x00060008);
	assert_int_equal(r.w.vgpr[18][0], 0x00040006);
	assert_int_equal(r.w.vgpr[19][0], 0x40004000);	/* {1+1, 2+0} */
	run_fini(&r);
}

/* ---- division ---- */

/* LLVM's f32 division sequence (SIISelLowering LowerFDIV32). */
static const char fdiv32_src[] =
	"v_div_scale_f32 v2, s0, v1, v1, v0\n"
	"v_div_scale_f32 v3, vcc_lo, v0, v1, v0\n"
	"v_rcp_f32 v4, v2\n"
	"v_fma_f32 v5, -v2, v4, 1.0\n"
	"v_fma_f32 v4, v5, v4, v4\n"
	"v_mul_f32 v5, v3, v4\n"
	"v_fma_f32 v6, -v2, v5, v3\n"
	"v_fma_f32 v5, v6, v4, v5\n"
	"v_fma_f32 v6, -v2, v5, v3\n"
	"v_div_fmas_f32 v5, v6, v4, v5\n"
	"v_div_fixup_f32 v7, v5, v1, v0\n"
	"s_endpgm\n";

static const float div_n[] = { 1.0f, 7.0f, -0.0f, 0.0f, 1e-30f, 3e38f,
	1.0f, -5.0f, INFINITY, 1e-45f, 0x1p-126f, 10.0f, 2.0f, 1e30f, 0x1p100f,
	-1.0f };
static const float div_d[] = { 3.0f, 0.0f, 5.0f, 0.0f, 1e10f, 1e-10f,
	0x1p-140f, INFINITY, INFINITY, 3.0f, 3.0f, 0x1.8p127f, 1e-40f, 7.0f,
	0x1p-60f, -0.0f };
#define NDIV	(sizeof(div_n) / sizeof(div_n[0]))

static void
test_fdiv32(void **state)
{
	struct run r = { 0 };
	unsigned l;

	run_init(&r, fdiv32_src, 32);
	for (l = 0; l < NDIV; l++) {
		r.w.vgpr[0][l] = fbits(div_n[l]);
		r.w.vgpr[1][l] = fbits(div_d[l]);
	}
	run_go(&r);
	for (l = 0; l < NDIV; l++) {
		float q = div_n[l] / div_d[l];

		if (isnan(q))
			assert_true((r.w.vgpr[7][l] & 0x7fffffff) > 0x7f800000);
		else if (r.w.vgpr[7][l] != fbits(q))
			fail_msg("%a / %a = %a, model %#x", (double)div_n[l],
			    (double)div_d[l], (double)q, r.w.vgpr[7][l]);
	}
	run_fini(&r);
}

/* LLVM's f64 division sequence (SIISelLowering LowerFDIV64). */
static const char fdiv64_src[] =
	"v_div_scale_f64 v[4:5], s0, v[2:3], v[2:3], v[0:1]\n"
	"v_rcp_f64 v[6:7], v[4:5]\n"
	"v_fma_f64 v[8:9], -v[4:5], v[6:7], 1.0\n"
	"v_fma_f64 v[6:7], v[6:7], v[8:9], v[6:7]\n"
	"v_fma_f64 v[8:9], -v[4:5], v[6:7], 1.0\n"
	"v_fma_f64 v[6:7], v[6:7], v[8:9], v[6:7]\n"
	"v_div_scale_f64 v[8:9], vcc_lo, v[0:1], v[2:3], v[0:1]\n"
	"v_mul_f64 v[10:11], v[8:9], v[6:7]\n"
	"v_fma_f64 v[12:13], -v[4:5], v[10:11], v[8:9]\n"
	"v_div_fmas_f64 v[10:11], v[12:13], v[6:7], v[10:11]\n"
	"v_div_fixup_f64 v[14:15], v[10:11], v[2:3], v[0:1]\n"
	"s_endpgm\n";

static void
test_fdiv64(void **state)
{
	static const double n[] = { 1.0, 7.0, -0.0, 1e-300, 1e300, 1.0, 5.0,
		0x1p-1000, 0x1p1000, 22.0 };
	static const double d[] = { 3.0, 0.0, 5.0, 1e10, 1e-10, 0x1p-1060,
		INFINITY, 0x1p60, 0x1p-30, 7.0 };
	struct run r = { 0 };
	unsigned l, k = sizeof(n) / sizeof(n[0]);
	uint64_t got;

	run_init(&r, fdiv64_src, 32);
	for (l = 0; l < k; l++) {
		r.w.vgpr[0][l] = (uint32_t)dbits(n[l]);
		r.w.vgpr[1][l] = (uint32_t)(dbits(n[l]) >> 32);
		r.w.vgpr[2][l] = (uint32_t)dbits(d[l]);
		r.w.vgpr[3][l] = (uint32_t)(dbits(d[l]) >> 32);
	}
	run_go(&r);
	for (l = 0; l < k; l++) {
		got = r.w.vgpr[14][l] | (uint64_t)r.w.vgpr[15][l] << 32;
		if (got != dbits(n[l] / d[l]))
			fail_msg("%a / %a = %a, model %#llx", n[l], d[l],
			    n[l] / d[l], (unsigned long long)got);
	}
	run_fini(&r);
}

/* Integer clamp saturates 32-bit and packed 16-bit adds/subs; omod on f64/f16. */
static void
test_int_clamp_omod(void **state)
{
	struct run r = { 0 };

	run_init(&r, "v_add_nc_u32_e64 v1, -1, 5 clamp\n"
	    "v_sub_nc_u32_e64 v2, 3, 5 clamp\n"
	    "v_add_nc_i32 v3, s0, 5 clamp\n"
	    "v_sub_nc_i32 v4, s1, 1 clamp\n"
	    "v_pk_add_u16 v5, s2, s3 clamp\n"
	    "v_pk_sub_i16 v6, s4, s5 clamp\n"
	    "v_add_co_u32 v7, s12, -1, 5 clamp\n"
	    "v_add_nc_u32_e64 v12, -1, 5\n"		/* no clamp: wraps */
	    "v_mul_f64 v[8:9], 0x40080000, 1.0 mul:2\n"
	    "v_add_f16_e64 v10, 1.0, 1.0 mul:4\n"
	    "s_endpgm\n", 32);
	r.w.sgpr[0] = 0x7ffffffe;
	r.w.sgpr[1] = 0x80000000;
	r.w.sgpr[2] = 0xfff00005;
	r.w.sgpr[3] = 0x00200003;
	r.w.sgpr[4] = 0x7ff08000;		/* {-32768, 32752} */
	r.w.sgpr[5] = 0xfff00001;		/* {1, -16} */
	run_go(&r);
	assert_int_equal(r.w.vgpr[1][0], 0xffffffffu);
	assert_int_equal(r.w.vgpr[2][0], 0);
	assert_int_equal(r.w.vgpr[3][0], 0x7fffffff);
	assert_int_equal(r.w.vgpr[4][0], 0x80000000u);
	assert_int_equal(r.w.vgpr[5][0], 0xffff0008u);
	assert_int_equal(r.w.vgpr[6][0], 0x7fff8000u);
	assert_int_equal(r.w.vgpr[7][0], 0xffffffffu);
	assert_int_equal(r.w.sgpr[12], 0xffffffffu);	/* carry still set */
	assert_int_equal(r.w.vgpr[12][0], 4);
	assert_true((r.w.vgpr[8][0] | (uint64_t)r.w.vgpr[9][0] << 32) ==
	    dbits(6.0));
	assert_int_equal(r.w.vgpr[10][0] & 0xffff, 0x4800);	/* 8.0 */
	run_fini(&r);
}

/* Byte / SAD opcodes and the small conversions of vmedia.c. */
static void
test_media(void **state)
{
	struct run r = { 0 };

	run_init(&r, "v_sad_u8 v1, s0, s1, 10\n"
	    "v_msad_u8 v2, s0, s1, 0\n"
	    "v_sad_hi_u8 v3, s0, s1, 1\n"
	    "v_sad_u16 v4, s0, s1, 0\n"
	    "v_sad_u32 v5, s1, s0, 0\n"
	    "v_mov_b32 v20, s0\n"
	    "v_lerp_u8 v6, v20, s1, 0x01000100\n"
	    "v_cvt_pk_u8_f32 v7, 0x4337c000, 2, s2\n"	/* 183.75 -> 184 */
	    "v_xad_u32 v8, s0, s1, 5\n"
	    "v_cvt_off_f32_i4 v9, 0xc\n"		/* -4/16 */
	    "v_mov_b32 v10, 0xaaaa0000\n"
	    "v_cvt_norm_i16_f16 v10, 0xb800\n"	/* -0.5 */
	    "s_endpgm\n", 32);
	r.w.sgpr[0] = 0x10ff2005;		/* bytes 05 20 ff 10 */
	r.w.sgpr[1] = 0x20000a01;		/* bytes 01 0a 00 20 */
	r.w.sgpr[2] = 0x11223344;
	run_go(&r);
	assert_int_equal(r.w.vgpr[1][0], 4 + 0x16 + 0xff + 0x10 + 10);
	assert_int_equal(r.w.vgpr[2][0], 4 + 0x16 + 0x10);
	assert_int_equal(r.w.vgpr[3][0], ((4u + 0x16 + 0xff + 0x10) << 16) + 1);
	assert_int_equal(r.w.vgpr[4][0], (0x2005 - 0x0a01) + (0x2000 - 0x10ff));
	assert_int_equal(r.w.vgpr[5][0], 0x20000a01u - 0x10ff2005u);
	assert_int_equal(r.w.vgpr[6][0], 0x187f1503);	/* per byte avg + c bit */
	assert_int_equal(r.w.vgpr[7][0], 0x11b83344);
	assert_int_equal(r.w.vgpr[8][0], (0x10ff2005u ^ 0x20000a01u) + 5);
	assert_int_equal(r.w.vgpr[9][0], fbits(-0.25f));
	assert_int_equal(r.w.vgpr[10][0], 0xaaaac000);	/* -16384, high kept */
	run_fini(&r);
}

/* SDWA on VOPC: byte/word selects with sign extension, VCC or an SGPR. */
static void
test_vopc_sdwa(void **state)
{
	struct run r = { 0 };

	run_init(&r, "v_lshlrev_b32 v1, 16, v0\n"	/* lane id in the high word */
	    "v_mov_b32 v2, 0x1000a\n"
	    "v_cmp_gt_u32_sdwa vcc_lo, v1, v2 src0_sel:WORD_1 src1_sel:WORD_0\n"
	    "s_mov_b32 s20, vcc_lo\n"
	    "v_mov_b32 v3, 0xfff0\n"			/* -16 as i16 */
	    "v_cmp_lt_i32_sdwa s10, sext(v3), v0 src0_sel:WORD_0 "
	    "src1_sel:DWORD\n"
	    "s_endpgm\n", 32);
	run_go(&r);
	assert_int_equal(r.w.sgpr[20], 0xfffff800u);	/* lanes > 10 */
	assert_int_equal(r.w.sgpr[10], 0xffffffffu);	/* -16 < every lane */
	run_fini(&r);
}

/* ---- 64-bit ---- */

static void
test_f64_extras(void **state)
{
	struct run r = { 0 };
	int e;

	run_init(&r, "v_frexp_mant_f64 v[4:5], v[2:3]\n"
	    "v_frexp_exp_i32_f64 v6, v[2:3]\n"
	    "v_cmp_lt_f64 s10, v[2:3], 1.0\n"
	    "v_lshlrev_b64 v[8:9], 40, v[2:3]\n"
	    "v_mad_u64_u32 v[10:11], s12, v2, v3, v[2:3]\n"
	    "v_lshrrev_b64 v[12:13], 0, 4.0\n"	/* f64 inline constant */
	    "s_mov_b64 s[20:21], -0.5\n"
	    "s_endpgm\n", 32);
	for (unsigned l = 0; l < 32; l++) {
		double x = (double)l * 0.75 - 3.0;

		r.w.vgpr[2][l] = (uint32_t)dbits(x);
		r.w.vgpr[3][l] = (uint32_t)(dbits(x) >> 32);
	}
	run_go(&r);
	for (unsigned l = 0; l < 32; l++) {
		double x = (double)l * 0.75 - 3.0, m = frexp(x, &e);
		uint64_t q = dbits(x);

		assert_true((r.w.vgpr[4][l] | (uint64_t)r.w.vgpr[5][l] << 32) ==
		    dbits(m));
		assert_int_equal(r.w.vgpr[6][l], (uint32_t)e);
		assert_int_equal((r.w.sgpr[10] >> l) & 1, x < 1.0);
		assert_true((r.w.vgpr[8][l] | (uint64_t)r.w.vgpr[9][l] << 32) ==
		    q << 40);
		assert_true((r.w.vgpr[10][l] | (uint64_t)r.w.vgpr[11][l] << 32) ==
		    (uint64_t)(uint32_t)q * (uint32_t)(q >> 32) + q);
		assert_true((r.w.vgpr[12][l] | (uint64_t)r.w.vgpr[13][l] << 32) ==
		    dbits(4.0));
	}
	assert_true((r.w.sgpr[20] | (uint64_t)r.w.sgpr[21] << 32) == dbits(-0.5));
	run_fini(&r);
}

/* ---- cross-lane ---- */

/* permlane16 / permlanex16 with a lane reversal, v_movrel, v_swap. */
static void
test_permlane_movrel(void **state)
{
	struct run r = { 0 };

	run_init(&r, "s_mov_b32 s2, 0x89abcdef\n"	/* lanes 0-7 -> 15..8 */
	    "s_mov_b32 s3, 0x01234567\n"		/* lanes 8-15 -> 7..0 */
	    "v_permlane16_b32 v1, v0, s2, s3\n"
	    "v_permlanex16_b32 v2, v0, s2, s3\n"
	    "v_add_nc_u32 v10, 100, v0\n"
	    "v_add_nc_u32 v11, 200, v0\n"
	    "v_add_nc_u32 v12, 300, v0\n"
	    "s_mov_b32 m0, 2\n"
	    "v_movrels_b32 v3, v10\n"		/* v3 = v12 */
	    "v_movreld_b32 v20, v11\n"		/* v22 = v11 */
	    "v_mov_b32 v4, 5\n"
	    "v_swap_b32 v4, v10\n"
	    "s_endpgm\n", 32);
	run_go(&r);
	for (unsigned l = 0; l < 32; l++) {
		unsigned rev = (l & ~15u) + 15 - (l & 15);

		assert_int_equal(r.w.vgpr[1][l], rev);
		assert_int_equal(r.w.vgpr[2][l], rev ^ 16);
		assert_int_equal(r.w.vgpr[3][l], 300 + l);
		assert_int_equal(r.w.vgpr[22][l], 200 + l);
		assert_int_equal(r.w.vgpr[4][l], 100 + l);
		assert_int_equal(r.w.vgpr[10][l], 5);
	}
	run_fini(&r);
}

/* DPP16 patterns used by subgroup reductions and scans, in wave64. */
static void
test_dpp16(void **state)
{
	struct run r = { 0 };

	run_init(&r, "v_mov_b32_dpp v1, v0 quad_perm:[3,2,1,0] row_mask:0xf "
	    "bank_mask:0xf\n"
	    "v_mov_b32_dpp v2, v0 row_mirror row_mask:0xf bank_mask:0xf\n"
	    "v_mov_b32_dpp v3, v0 row_half_mirror row_mask:0xf bank_mask:0xf\n"
	    "v_mov_b32_dpp v4, v0 row_ror:3 row_mask:0xf bank_mask:0xf\n"
	    "v_mov_b32_dpp v5, v0 row_share:5 row_mask:0xf bank_mask:0xf\n"
	    "v_mov_b32_dpp v6, v0 row_xmask:6 row_mask:0xf bank_mask:0xf\n"
	    "v_mov_b32 v7, 99\n"
	    "v_mov_b32_dpp v7, v0 row_shl:1 row_mask:0xf bank_mask:0xf\n"
	    "v_add_nc_u32_dpp v8, v0, v0 row_shr:2 row_mask:0x5 "
	    "bank_mask:0xf bound_ctrl:0\n"
	    "s_endpgm\n", 64);
	for (unsigned l = 0; l < 64; l++)
		r.w.vgpr[8][l] = 7777;
	run_go(&r);
	for (unsigned l = 0; l < 64; l++) {
		unsigned row = l & ~15u, in = l & 15;

		assert_int_equal(r.w.vgpr[1][l], (l & ~3u) + 3 - (l & 3));
		assert_int_equal(r.w.vgpr[2][l], row + 15 - in);
		assert_int_equal(r.w.vgpr[3][l], row + (in & 8) + 7 - (in & 7));
		assert_int_equal(r.w.vgpr[4][l], row + ((in - 3) & 15));
		assert_int_equal(r.w.vgpr[5][l], row + 5);
		assert_int_equal(r.w.vgpr[6][l], row + (in ^ 6));
		assert_int_equal(r.w.vgpr[7][l], in == 15 ? 99 : l + 1);
		if (((l / 16) & 1) == 0)		/* rows 0 and 2 */
			assert_int_equal(r.w.vgpr[8][l], in < 2 ? l : 2 * l - 2);
		else
			assert_int_equal(r.w.vgpr[8][l], 7777);
	}
	run_fini(&r);
}


/*
 * gfx10 wave64 shared VGPRs: one register for both halves, so a write
 * by lane l is seen by lane l ^ 32; private VGPRs stay per lane.
 */
static void
test_shared_vgprs(void **state)
{
	struct run r = { 0 };

	run_init(&r, "v_mov_b32_dpp v9, v0 quad_perm:[0,1,2,3] row_mask:0xc "
	    "bank_mask:0xf\n"			/* lanes 32-63 */
	    "v_mov_b32_dpp v7, v0 quad_perm:[0,1,2,3] row_mask:0xc "
	    "bank_mask:0xf\n"			/* private: no alias */
	    "s_mov_b32 exec_hi, 0\n"
	    "v_add_nc_u32 v8, 100, v0\n"		/* lanes 0-31 */
	    "s_mov_b32 exec_hi, -1\n"
	    "s_endpgm\n", 64);
	r.w.shared_vgpr_base = 8;
	r.w.shared_vgpr_count = 8;
	run_go(&r);
	for (unsigned l = 0; l < 64; l++) {
		assert_int_equal(r.w.vgpr[9][l], l | 32);
		assert_int_equal(r.w.vgpr[8][l], 100 + (l & 31));
		assert_int_equal(r.w.vgpr[7][l], l < 32 ? 0 : l);
	}
	run_fini(&r);
}

/* ---- MODE: rounding and denormals ---- */

/* f32 ops under each MODE.FP_ROUND[1:0]; v_rndne ignores the mode. */
static void
round_f32(unsigned mode, uint32_t *out)
{
	struct run r = { 0 };
	char src[512];

	snprintf(src, sizeof(src), "s_round_mode 0x%x\n"
	    "v_add_f32 v1, 1.0, s0\n"		/* 1 + 2^-30 */
	    "v_sub_f32 v2, -1.0, s0\n"		/* -1 - 2^-30 */
	    "v_mul_f32 v3, s1, s1\n"		/* (1 + 2^-23)^2 */
	    "v_cvt_f32_u32 v4, -1\n"		/* 2^32 - 1 */
	    "v_fma_f32 v5, s1, s1, -1.0\n"	/* 2^-22 + 2^-46: a tie */
	    "v_rndne_f32 v6, 0x40200000\n"	/* 2.5 */
	    "v_cvt_f16_f32 v7, s2\n"		/* 1 + 2^-11 + 2^-20 */
	    "s_endpgm\n", mode);
	run_init(&r, src, 32);
	r.w.sgpr[0] = 0x30800000;		/* 2^-30 */
	r.w.sgpr[1] = 0x3f800001;		/* 1 + 2^-23 */
	r.w.sgpr[2] = 0x3f801008;		/* 1 + 2^-11 + 2^-20 */
	run_go(&r);
	for (unsigned k = 0; k < 7; k++)
		out[k] = r.w.vgpr[1 + k][3];
	run_fini(&r);
}

static void
test_round_mode(void **state)
{
	uint32_t rne[7], up[7], down[7], rtz[7];

	round_f32(0x0, rne);
	round_f32(0x5, up);		/* f32 and f16/f64: toward +inf */
	round_f32(0xa, down);
	round_f32(0xf, rtz);
	assert_int_equal(rne[0], 0x3f800000);
	assert_int_equal(up[0], 0x3f800001);
	assert_int_equal(down[0], 0x3f800000);
	assert_int_equal(rtz[0], 0x3f800000);
	assert_int_equal(rne[1], 0xbf800000);
	assert_int_equal(up[1], 0xbf800000);
	assert_int_equal(down[1], 0xbf800001);
	assert_int_equal(rtz[1], 0xbf800000);
	assert_int_equal(rne[2], 0x3f800002);	/* 1 + 2^-22 + 2^-46 */
	assert_int_equal(up[2], 0x3f800003);
	assert_int_equal(down[2], 0x3f800002);
	assert_int_equal(rne[3], 0x4f800000);	/* 2^32 */
	assert_int_equal(rtz[3], 0x4f7fffff);
	assert_int_equal(down[3], 0x4f7fffff);
	assert_int_equal(rne[4], 0x34800000);	/* one rounding: to even */
	assert_int_equal(up[4], 0x34800001);
	assert_int_equal(rtz[4], 0x34800000);
	assert_int_equal(rne[5], 0x40000000);	/* rndne(2.5) = 2 always */
	assert_int_equal(up[5], 0x40000000);
	assert_int_equal(down[5], 0x40000000);
	assert_int_equal(rne[6], 0x3c01);	/* f16: above the half ulp */
	assert_int_equal(up[6], 0x3c01);
	assert_int_equal(down[6], 0x3c00);
	assert_int_equal(rtz[6], 0x3c00);
}

/* f64 rounds by MODE.FP_ROUND[3:2], independently of the f32 field. */
static void
test_round_mode_f64(void **state)
{
	struct run r = { 0 };

	run_init(&r, "s_round_mode 0x4\n"	/* f64 +inf, f32 nearest */
	    "v_add_f64 v[2:3], 1.0, s[0:1]\n"
	    "v_add_f32 v4, 1.0, s2\n"
	    "s_round_mode 0xb\n"		/* f64 -inf, f32 zero */
	    "v_add_f64 v[6:7], -1.0, -s[0:1]\n"
	    "v_mul_f64 v[8:9], s[0:1], s[0:1]\n"
	    "s_endpgm\n", 32);
	r.w.sgpr[0] = 0;
	r.w.sgpr[1] = 0x3c300000;		/* 2^-60 */
	r.w.sgpr[2] = 0x33800001;		/* just over 2^-24 */
	run_go(&r);
	assert_true((r.w.vgpr[2][0] | (uint64_t)r.w.vgpr[3][0] << 32) ==
	    dbits(nextafter(1.0, 2.0)));
	assert_int_equal(r.w.vgpr[4][0], 0x3f800001);	/* nearest: up */
	assert_true((r.w.vgpr[6][0] | (uint64_t)r.w.vgpr[7][0] << 32) ==
	    dbits(nextafter(-1.0, -2.0)));
	assert_true((r.w.vgpr[8][0] | (uint64_t)r.w.vgpr[9][0] << 32) ==
	    dbits(0x1p-120));
	run_fini(&r);
}

/* MODE.FP_DENORM: f32 (bits 5:4) and f64/f16 (bits 7:6) flushing. */
static void
denorm(unsigned mode, uint32_t *out)
{
	struct run r = { 0 };
	char src[512];

	snprintf(src, sizeof(src), "s_denorm_mode 0x%x\n"
	    "v_mul_f32 v1, s0, 0.5\n"		/* 2^-127: denormal out */
	    "v_add_f32 v2, s3, 0\n"		/* denormal in */
	    "v_mul_f64 v[4:5], s[4:5], 0.5\n"	/* 2^-1023: denormal out */
	    "v_add_f16 v6, s6, 0\n"		/* f16 denormal in */
	    "v_mul_f16 v7, s7, 0.5\n"		/* 2^-15: f16 denormal out */
	    "s_endpgm\n", mode);
	run_init(&r, src, 32);
	r.w.sgpr[0] = 0x00800000;		/* 2^-126 */
	r.w.sgpr[3] = 0x00000010;		/* f32 denormal */
	r.w.sgpr[4] = 0;
	r.w.sgpr[5] = 0x00100000;		/* 2^-1022 */
	r.w.sgpr[6] = 0x0003;			/* f16 denormal */
	r.w.sgpr[7] = 0x0400;			/* 2^-14 */
	run_go(&r);
	out[0] = r.w.vgpr[1][0];
	out[1] = r.w.vgpr[2][0];
	out[2] = r.w.vgpr[5][0];
	out[3] = r.w.vgpr[6][0] & 0xffff;
	out[4] = r.w.vgpr[7][0] & 0xffff;
	run_fini(&r);
}

static void
test_denorm_mode(void **state)
{
	uint32_t keep[5], flush[5], f32only[5];

	denorm(0xf, keep);
	denorm(0x0, flush);
	denorm(0x3, f32only);		/* f32 kept, f64/f16 flushed */
	assert_int_equal(keep[0], 0x00400000);
	assert_int_equal(keep[1], 0x00000010);
	assert_int_equal(keep[2], 0x00080000);
	assert_int_equal(keep[3], 0x0003);
	assert_int_equal(keep[4], 0x0200);
	for (unsigned k = 0; k < 5; k++)
		assert_int_equal(flush[k], 0);
	assert_int_equal(f32only[0], 0x00400000);
	assert_int_equal(f32only[1], 0x00000010);
	assert_int_equal(f32only[2], 0);
	assert_int_equal(f32only[3], 0);
	assert_int_equal(f32only[4], 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hwreg),
		cmocka_unit_test(test_hwreg_unknown),
		cmocka_unit_test(test_call),
		cmocka_unit_test(test_s_movrel),
		cmocka_unit_test(test_cmp16),
		cmocka_unit_test(test_int16),
		cmocka_unit_test(test_packed),
		cmocka_unit_test(test_int_clamp_omod),
		cmocka_unit_test(test_media),
		cmocka_unit_test(test_vopc_sdwa),
		cmocka_unit_test(test_fdiv32),
		cmocka_unit_test(test_fdiv64),
		cmocka_unit_test(test_f64_extras),
		cmocka_unit_test(test_permlane_movrel),
		cmocka_unit_test(test_dpp16),
		cmocka_unit_test(test_shared_vgprs),
		cmocka_unit_test(test_round_mode),
		cmocka_unit_test(test_round_mode_f64),
		cmocka_unit_test(test_denorm_mode),
	};

	return cmocka_run_group_tests(tests, setup_tmp, teardown_tmp);
}

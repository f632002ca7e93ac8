/*
 * model/shader memory classes: LDS (DS) atomics, d16, wide and two-address
 * forms, LDS bounds, cross-lane DS; memory atomics (64-bit, float, with and
 * without GLC); d16 loads and d16_hi stores.  Programs are assembled by
 * llvm-mc at test time (tests/unit/shader_fixture.h); every expected value
 * is computed here in C from the ISA guide's definition of the opcode.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "amd/gc_10_3_reg.h"
#include "scratch.h"
#include "shader/buffmt.h"
#include "shader_fixture.h"

/* ---- LDS ---- */

/* One 32-bit DS atomic per 128-byte region, each lane on its own dword. */
static void
test_ds_atomics_b32(void **state)
{
	struct sf_run r;
	unsigned l;

	sf_init(&r, "v_lshlrev_b32 v1, 2, v0\n"
	    "ds_rsub_rtn_u32 v10, v1, v2\n"
	    "ds_inc_rtn_u32 v11, v1, v3 offset:128\n"
	    "ds_dec_rtn_u32 v12, v1, v4 offset:256\n"
	    "ds_mskor_rtn_b32 v13, v1, v5, v6 offset:384\n"
	    "ds_cmpst_rtn_b32 v14, v1, v7, v8 offset:512\n"
	    "ds_min_rtn_f32 v15, v1, v9 offset:640\n"
	    "ds_add_rtn_f32 v16, v1, v17 offset:768\n"
	    "ds_max_f32 v1, v18 offset:896\n"
	    "s_endpgm\n", 32);
	for (l = 0; l < 32; l++) {
		sf_put32(r.lds, 4 * l, 100 + l);
		sf_put32(r.lds, 128 + 4 * l, l);
		sf_put32(r.lds, 256 + 4 * l, l);
		sf_put32(r.lds, 384 + 4 * l, 0xabcd0077u | l << 8);
		sf_put32(r.lds, 512 + 4 * l, 7 * l);
		sf_put32(r.lds, 640 + 4 * l, sf_f2u((float)l));
		sf_put32(r.lds, 768 + 4 * l, sf_f2u(0.25f * (float)l));
		sf_put32(r.lds, 896 + 4 * l, sf_f2u(-1.0f * (float)l));
		r.w.vgpr[2][l] = 1000;
		r.w.vgpr[3][l] = 16;
		r.w.vgpr[4][l] = 20;
		r.w.vgpr[5][l] = 0xff;			/* mskor: mask */
		r.w.vgpr[6][l] = l;			/* mskor: or */
		r.w.vgpr[7][l] = l % 2 == 0 ? 7 * l : 1;	/* cmpst: compare */
		r.w.vgpr[8][l] = 0x1000 + l;		/* cmpst: new */
		r.w.vgpr[9][l] = l == 31 ? 0x7fc00000u : sf_f2u(10.5f);
		r.w.vgpr[17][l] = sf_f2u(1.5f);
		r.w.vgpr[18][l] = sf_f2u(-3.0f);
	}
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < 32; l++) {
		float mn = l == 31 ? 31.0f : fminf((float)l, 10.5f);

		assert_int_equal(sf_u32(r.lds, 4 * l), 1000 - (100 + l));
		assert_int_equal(r.w.vgpr[10][l], 100 + l);
		assert_int_equal(sf_u32(r.lds, 128 + 4 * l), l >= 16 ? 0 : l + 1);
		assert_int_equal(r.w.vgpr[11][l], l);
		assert_int_equal(sf_u32(r.lds, 256 + 4 * l),
		    l == 0 || l > 20 ? 20 : l - 1);
		assert_int_equal(sf_u32(r.lds, 384 + 4 * l),
		    ((0xabcd0077u | l << 8) & ~0xffu) | l);
		assert_int_equal(r.w.vgpr[13][l], 0xabcd0077u | l << 8);
		assert_int_equal(sf_u32(r.lds, 512 + 4 * l),
		    l % 2 == 0 ? 0x1000 + l : 7 * l);
		assert_int_equal(r.w.vgpr[14][l], 7 * l);
		assert_int_equal(sf_u32(r.lds, 640 + 4 * l), sf_f2u(mn));
		assert_int_equal(r.w.vgpr[15][l], sf_f2u((float)l));
		assert_int_equal(sf_u32(r.lds, 768 + 4 * l),
		    sf_f2u(0.25f * (float)l + 1.5f));
		assert_int_equal(r.w.vgpr[16][l], sf_f2u(0.25f * (float)l));
		assert_int_equal(sf_u32(r.lds, 896 + 4 * l),
		    sf_f2u(l <= 3 ? -1.0f * (float)l : -3.0f));
	}
	sf_fini(&r);
}

/* 64-bit DS atomics: carries, signed order, full-width compare, f64. */
static void
test_ds_atomics_b64(void **state)
{
	struct sf_run r;
	uint64_t old, cmp;
	unsigned l;

	sf_init(&r, "v_lshlrev_b32 v1, 3, v0\n"
	    "ds_add_rtn_u64 v[10:11], v1, v[2:3]\n"
	    "ds_min_rtn_i64 v[12:13], v1, v[4:5] offset:256\n"
	    "ds_cmpst_rtn_b64 v[14:15], v1, v[6:7], v[8:9] offset:512\n"
	    "ds_max_f64 v1, v[16:17] offset:768\n"
	    "s_endpgm\n", 32);
	for (l = 0; l < 32; l++) {
		old = l * 0x100000001ull;
		cmp = l % 2 ? old : old ^ (1ull << 40);
		sf_put64(r.lds, 8 * l, 0xffffffffull + l);
		sf_put64(r.lds, 256 + 8 * l, (uint64_t)((int64_t)l - 16) << 32);
		sf_put64(r.lds, 512 + 8 * l, old);
		sf_put64(r.lds, 768 + 8 * l, sf_d2u((double)l - 10.0));
		r.w.vgpr[2][l] = 1;
		r.w.vgpr[3][l] = 1;
		r.w.vgpr[4][l] = 7;			/* -5 * 2^32 + 7 */
		r.w.vgpr[5][l] = (uint32_t)-5;
		r.w.vgpr[6][l] = (uint32_t)cmp;		/* cmpst: DATA0 = compare */
		r.w.vgpr[7][l] = (uint32_t)(cmp >> 32);
		r.w.vgpr[8][l] = (uint32_t)~old;	/* DATA1 = new */
		r.w.vgpr[9][l] = (uint32_t)(~old >> 32);
		r.w.vgpr[16][l] = (uint32_t)sf_d2u(0.5);
		r.w.vgpr[17][l] = (uint32_t)(sf_d2u(0.5) >> 32);
	}
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < 32; l++) {
		int64_t a = (int64_t)((uint64_t)((int64_t)l - 16) << 32);
		int64_t b = (int64_t)(-5 * 0x100000000ll + 7);

		old = l * 0x100000001ull;
		assert_true(sf_u64(r.lds, 8 * l) == 0xffffffffull + l +
		    0x100000001ull);
		assert_int_equal(r.w.vgpr[10][l], 0xffffffffu + l);
		assert_int_equal(r.w.vgpr[11][l], l == 0 ? 0 : 1);
		assert_true(sf_u64(r.lds, 256 + 8 * l) ==
		    (uint64_t)(a < b ? a : b));
		assert_int_equal(r.w.vgpr[13][l], (uint32_t)((uint64_t)a >> 32));
		assert_true(sf_u64(r.lds, 512 + 8 * l) == (l % 2 ? ~old : old));
		assert_int_equal(r.w.vgpr[15][l], (uint32_t)(old >> 32));
		assert_true(sf_u64(r.lds, 768 + 8 * l) ==
		    sf_d2u(fmax((double)l - 10.0, 0.5)));
	}
	sf_fini(&r);
}

/* Every lane of a wave64 on one address: lane order, wrap at the limit. */
static void
test_ds_same_address(void **state)
{
	struct sf_run r;
	unsigned l;

	sf_init(&r, "v_mov_b32 v1, 16\n"
	    "v_mov_b32 v2, 40\n"
	    "ds_inc_rtn_u32 v3, v1, v2\n"
	    "v_mov_b32 v4, 0\n"
	    "v_mov_b32 v5, 1\n"
	    "ds_add_u64 v1, v[4:5] offset:8\n"
	    "s_endpgm\n", 64);
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < 64; l++)
		assert_int_equal(r.w.vgpr[3][l], l % 41);
	assert_int_equal(sf_u32(r.lds, 16), 64 % 41);
	assert_true(sf_u64(r.lds, 24) == 64ull << 32);
	sf_fini(&r);
}

/* d16 reads keep the other half; d16_hi writes take the high half. */
static void
test_ds_d16(void **state)
{
	struct sf_run r;
	unsigned l, k;

	sf_init(&r, "v_lshlrev_b32 v1, 2, v0\n"
	    "ds_read_u8_d16_hi v10, v1 offset:1\n"
	    "ds_read_i8_d16 v11, v1 offset:2\n"
	    "ds_read_u16_d16 v12, v1\n"
	    "ds_read_i16 v13, v1 offset:2\n"
	    "ds_write_b16_d16_hi v1, v20 offset:512\n"
	    "ds_write_b8_d16_hi v1, v20 offset:514\n"
	    "s_endpgm\n", 32);
	for (k = 0; k < 128; k++)
		r.lds[k] = (uint8_t)(k * 37 + 3);
	for (l = 0; l < 32; l++) {
		r.w.vgpr[10][l] = 0x12345678;
		r.w.vgpr[11][l] = 0x12345678;
		r.w.vgpr[12][l] = 0xdeadbeef;
		r.w.vgpr[20][l] = 0xa1b2c3d4 + (l << 16);
	}
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < 32; l++) {
		const uint8_t *b = r.lds + 4 * l;
		uint16_t h = (uint16_t)(b[0] | b[1] << 8);
		uint16_t h2 = (uint16_t)(b[2] | b[3] << 8);

		assert_int_equal(r.w.vgpr[10][l], 0x5678u | (uint32_t)b[1] << 16);
		assert_int_equal(r.w.vgpr[11][l], 0x12340000u |
		    (uint16_t)(int16_t)(int8_t)b[2]);
		assert_int_equal(r.w.vgpr[12][l], 0xdead0000u | h);
		assert_int_equal(r.w.vgpr[13][l], (uint32_t)(int32_t)(int16_t)h2);
		assert_int_equal(sf_u32(r.lds, 512 + 4 * l),
		    (0xa1b2u + l) | ((0xa1b2u + l) & 0xff) << 16);
	}
	sf_fini(&r);
}

/* write2st64 / read2st64 in 64-bit: offsets count 64 elements of 8 bytes. */
static void
test_ds_two_address(void **state)
{
	struct sf_run r;
	unsigned l;

	sf_init(&r, "v_lshlrev_b32 v1, 3, v0\n"
	    "ds_write2st64_b64 v1, v[2:3], v[4:5] offset1:1\n"
	    "ds_read2st64_b64 v[6:9], v1 offset1:1\n"
	    "v_lshlrev_b32 v10, 2, v0\n"
	    "ds_read2_b32 v[11:12], v10 offset0:1 offset1:32\n"
	    "s_endpgm\n", 32);
	for (l = 0; l < 32; l++) {
		r.w.vgpr[2][l] = 0x100 + l;
		r.w.vgpr[3][l] = 0x200 + l;
		r.w.vgpr[4][l] = 0x300 + l;
		r.w.vgpr[5][l] = 0x400 + l;
	}
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < 32; l++) {
		assert_true(sf_u64(r.lds, 8 * l) == ((0x200ull + l) << 32 | (0x100 + l)));
		assert_true(sf_u64(r.lds, 512 + 8 * l) ==
		    ((0x400ull + l) << 32 | (0x300 + l)));
		assert_int_equal(r.w.vgpr[6][l], 0x100 + l);
		assert_int_equal(r.w.vgpr[9][l], 0x400 + l);
		/* dword 4l+4 and 4l+128 bytes: first region's words */
		assert_int_equal(r.w.vgpr[11][l], sf_u32(r.lds, 4 * l + 4));
		assert_int_equal(r.w.vgpr[12][l], sf_u32(r.lds, 4 * l + 128));
	}
	sf_fini(&r);
}

/* Past the workgroup's LDS size: dwords out of range read 0, drop writes. */
static void
test_ds_bounds(void **state)
{
	struct sf_run r;

	sf_init(&r, "v_mov_b32 v1, 60\n"
	    "ds_read_b64 v[2:3], v1\n"
	    "v_mov_b32 v4, 0x11\n"
	    "v_mov_b32 v5, 0x22\n"
	    "ds_write_b64 v1, v[4:5]\n"
	    "ds_read_b32 v6, v1 offset:4\n"
	    "v_mov_b32 v7, 1\n"
	    "ds_add_rtn_u32 v8, v1, v7 offset:8\n"
	    "s_endpgm\n", 32);
	r.w.lds_size = 64;
	memset(r.lds + 56, 0xee, 64);
	r.w.vgpr[8][0] = 0xdead;
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	assert_int_equal(r.w.vgpr[2][0], 0xeeeeeeee);	/* in range */
	assert_int_equal(r.w.vgpr[3][0], 0);		/* dword at 64 */
	assert_int_equal(sf_u32(r.lds, 60), 0x11);
	assert_int_equal(sf_u32(r.lds, 64), 0xeeeeeeee);	/* not written */
	assert_int_equal(r.w.vgpr[6][0], 0);
	assert_int_equal(r.w.vgpr[8][0], 0);
	assert_int_equal(sf_u32(r.lds, 68), 0xeeeeeeee);
	sf_fini(&r);
}

/* bpermute pulls, permute pushes, swizzle in quad and bit-mask modes. */
static void
test_ds_cross_lane(void **state)
{
	struct sf_run r;
	unsigned l;

	sf_init(&r, "v_add_nc_u32 v1, 5, v0\n"
	    "v_and_b32 v1, 31, v1\n"
	    "v_lshlrev_b32 v1, 2, v1\n"
	    "v_add_nc_u32 v9, 100, v0\n"
	    "ds_bpermute_b32 v2, v1, v9\n"
	    "ds_permute_b32 v3, v1, v9\n"
	    "ds_swizzle_b32 v4, v9 offset:0x801b\n"	/* quad_perm 3,2,1,0 */
	    "ds_swizzle_b32 v5, v9 offset:0x41f\n"	/* and 0x1f, xor 1 */
	    "s_endpgm\n", 32);
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < 32; l++) {
		assert_int_equal(r.w.vgpr[2][l], 100 + ((l + 5) & 31));
		assert_int_equal(r.w.vgpr[3][l], 100 + ((l - 5) & 31));
		assert_int_equal(r.w.vgpr[4][l], 100 + ((l & ~3u) | (3 - (l & 3))));
		assert_int_equal(r.w.vgpr[5][l], 100 + (l ^ 1));
	}
	sf_fini(&r);
}

/* ---- memory atomics ---- */

/* 64-bit global/flat atomics; without GLC the destination is untouched. */
static void
test_global_atomics_64(void **state)
{
	struct sf_run r;
	uint64_t old;
	unsigned l;

	sf_init(&r, "v_lshlrev_b32 v1, 3, v0\n"
	    "global_atomic_add_x2 v[10:11], v1, v[2:3], s[0:1] glc\n"
	    "global_atomic_cmpswap_x2 v[12:13], v1, v[4:7], s[0:1] "
	    "offset:256 glc\n"
	    "global_atomic_umax_x2 v1, v[8:9], s[0:1] offset:512\n"
	    "flat_atomic_dec_x2 v[14:15], v[16:17], v[18:19] glc\n"
	    "global_atomic_smin_x2 v1, v[20:21], s[2:3]\n"
	    "s_endpgm\n", 32);
	sf_set_ptr(&r.w, 0, SF_ARENA_VA);
	sf_set_ptr(&r.w, 2, SF_ARENA_VA + 1536);
	for (l = 0; l < 32; l++) {
		old = (uint64_t)l << 33;
		sf_put64(r.mem->bytes, 8 * l, 0xffffffffull + l);
		sf_put64(r.mem->bytes, 256 + 8 * l, old);
		sf_put64(r.mem->bytes, 512 + 8 * l, 1ull << 35);
		sf_put64(r.mem->bytes, 1024 + 8 * l, l);
		sf_put64(r.mem->bytes, 1536 + 8 * l, (uint64_t)(int64_t)-3);
		r.w.vgpr[2][l] = 1;
		r.w.vgpr[3][l] = 0;
		r.w.vgpr[4][l] = 0xabc;			/* new */
		r.w.vgpr[5][l] = l;
		r.w.vgpr[6][l] = (uint32_t)old;		/* compare */
		r.w.vgpr[7][l] = (uint32_t)(old >> 32) + (l % 2);
		r.w.vgpr[8][l] = 0;
		r.w.vgpr[9][l] = l;
		r.w.vgpr[16][l] = (uint32_t)(SF_ARENA_VA + 1024 + 8 * l);
		r.w.vgpr[17][l] = (uint32_t)((SF_ARENA_VA + 1024 + 8 * l) >> 32);
		r.w.vgpr[18][l] = 10;
		r.w.vgpr[19][l] = 0;
		r.w.vgpr[20][l] = (uint32_t)((int64_t)l - 8);
		r.w.vgpr[21][l] = (uint32_t)(((int64_t)l - 8) >> 32);
	}
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < 32; l++) {
		old = (uint64_t)l << 33;
		assert_true(sf_u64(r.mem->bytes, 8 * l) == 0x100000000ull + l);
		assert_int_equal(r.w.vgpr[10][l], 0xffffffffu + l);
		assert_int_equal(r.w.vgpr[11][l], l == 0 ? 0 : 1);
		assert_true(sf_u64(r.mem->bytes, 256 + 8 * l) ==
		    (l % 2 ? old : (uint64_t)l << 32 | 0xabc));
		assert_int_equal(r.w.vgpr[13][l], (uint32_t)(old >> 32));
		assert_true(sf_u64(r.mem->bytes, 512 + 8 * l) ==
		    (l >= 8 ? (uint64_t)l << 32 : 1ull << 35));
		assert_true(sf_u64(r.mem->bytes, 1024 + 8 * l) ==
		    (l == 0 || l > 10 ? 10 : l - 1));
		assert_int_equal(r.w.vgpr[14][l], l);
		assert_true((int64_t)sf_u64(r.mem->bytes, 1536 + 8 * l) ==
		    ((int64_t)l - 8 < -3 ? (int64_t)l - 8 : -3));
		assert_int_equal(r.w.vgpr[20][l], (uint32_t)((int64_t)l - 8));
	}
	sf_fini(&r);
}

/*
 * Float atomics: buffer fmin/fmax (NaN data leaves memory alone), the
 * last two lanes past NUM_RECORDS are dropped and return 0; fcmpswap
 * compares as floats (+0 == -0, NaN != NaN); fmin_x2 in f64.
 */
static void
test_float_atomics(void **state)
{
	struct sf_run r;
	unsigned l;
	float f;

	sf_init(&r, "v_lshlrev_b32 v1, 2, v0\n"
	    "buffer_atomic_fmin v2, v1, s[8:11], 0 offen glc\n"
	    "buffer_atomic_fmax v3, v1, s[16:19], 0 offen offset:128 glc\n"
	    "global_atomic_fcmpswap v4, v1, v[6:7], s[0:1] offset:256 glc\n"
	    "v_lshlrev_b32 v1, 3, v0\n"
	    "buffer_atomic_fmin_x2 v[12:13], v1, s[12:15], 0 offen glc\n"
	    "s_endpgm\n", 32);
	sf_set_vbuf(&r.w, 8, SF_ARENA_VA, 30 * 4);
	sf_set_vbuf(&r.w, 16, SF_ARENA_VA, 128 + 30 * 4);
	sf_set_vbuf(&r.w, 12, SF_ARENA_VA + 1024, 256);
	sf_set_ptr(&r.w, 0, SF_ARENA_VA);
	for (l = 0; l < 32; l++) {
		sf_put32(r.mem->bytes, 4 * l, sf_f2u((float)l));
		sf_put32(r.mem->bytes, 128 + 4 * l, sf_f2u((float)l));
		sf_put32(r.mem->bytes, 256 + 4 * l, l == 1 ? 0x7fc00000u :
		    sf_f2u((float)l));		/* lane 0: +0 */
		sf_put64(r.mem->bytes, 1024 + 8 * l, sf_d2u((double)l));
		r.w.vgpr[2][l] = sf_f2u(7.5f);
		r.w.vgpr[3][l] = l == 5 ? 0x7fc00000u : sf_f2u(20.25f);
		r.w.vgpr[6][l] = 0x1000 + l;	/* new */
		r.w.vgpr[7][l] = l == 0 ? 0x80000000u : l == 1 ? 0x7fc00000u :
		    sf_f2u((float)l);		/* compare: -0, NaN, equal */
		r.w.vgpr[12][l] = (uint32_t)sf_d2u(3.25);
		r.w.vgpr[13][l] = (uint32_t)(sf_d2u(3.25) >> 32);
	}
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < 32; l++) {
		f = (float)l;
		assert_int_equal(sf_u32(r.mem->bytes, 4 * l),
		    sf_f2u(l < 30 ? fminf(f, 7.5f) : f));
		assert_int_equal(r.w.vgpr[2][l], l < 30 ? sf_f2u(f) : 0);
		assert_int_equal(sf_u32(r.mem->bytes, 128 + 4 * l),
		    sf_f2u(l == 5 || l >= 30 ? f : fmaxf(f, 20.25f)));
		assert_int_equal(sf_u32(r.mem->bytes, 256 + 4 * l),
		    l == 1 ? 0x7fc00000u : 0x1000 + l);
		assert_int_equal(r.w.vgpr[4][l], l == 1 ? 0x7fc00000u : sf_f2u(f));
		assert_true(sf_u64(r.mem->bytes, 1024 + 8 * l) ==
		    sf_d2u(fmin((double)l, 3.25)));
		assert_int_equal(r.w.vgpr[12][l], (uint32_t)sf_d2u((double)l));
	}
	assert_true(sf_u2f(sf_u32(r.mem->bytes, 0)) == 0.0f);
	sf_fini(&r);
}

/* ---- d16 loads and stores ---- */

static void
test_vmem_d16(void **state)
{
	struct sf_run r;
	unsigned l, k;

	sf_init(&r, "v_lshlrev_b32 v1, 2, v0\n"
	    "global_load_short_d16_hi v10, v1, s[0:1]\n"
	    "global_load_sbyte_d16 v11, v1, s[0:1] offset:3\n"
	    "buffer_load_ubyte_d16_hi v12, v1, s[8:11], 0 offen offset:1\n"
	    "buffer_load_short_d16 v13, v1, s[12:15], 0 offen\n"
	    "global_store_short_d16_hi v1, v20, s[2:3]\n"
	    "buffer_store_byte_d16_hi v20, v1, s[8:11], 0 offen offset:2050\n"
	    "s_endpgm\n", 32);
	sf_set_ptr(&r.w, 0, SF_ARENA_VA);
	sf_set_ptr(&r.w, 2, SF_ARENA_VA + 2048);
	sf_set_vbuf(&r.w, 8, SF_ARENA_VA, 4096);
	sf_set_vbuf(&r.w, 12, SF_ARENA_VA, 64);	/* lanes 0..15 */
	for (k = 0; k < 128; k++)
		r.mem->bytes[k] = (uint8_t)(k * 53 + 11);
	for (l = 0; l < 32; l++) {
		r.w.vgpr[10][l] = 0x12345678;
		r.w.vgpr[11][l] = 0x12345678;
		r.w.vgpr[12][l] = 0xcafe1234;
		r.w.vgpr[13][l] = 0xbeef4321;
		r.w.vgpr[20][l] = 0x5a6b0000u | l << 24 | l;
	}
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < 32; l++) {
		const uint8_t *b = r.mem->bytes + 4 * l;
		uint32_t h = (uint32_t)(b[0] | b[1] << 8);
		uint32_t hi = 0x5a6bu | l << 8;

		assert_int_equal(r.w.vgpr[10][l], h << 16 | 0x5678);
		assert_int_equal(r.w.vgpr[11][l], 0x12340000u |
		    (uint16_t)(int16_t)(int8_t)b[3]);
		assert_int_equal(r.w.vgpr[12][l], (uint32_t)b[1] << 16 | 0x1234);
		assert_int_equal(r.w.vgpr[13][l], 0xbeef0000u | (l < 16 ? h : 0));
		assert_int_equal(sf_u32(r.mem->bytes, 2048 + 4 * l),
		    hi | (hi & 0xff) << 16);
	}
	sf_fini(&r);
}

/* ---- scratch ---- */

/* Where dword d of lane l of a wave of `lanes` lives in scratch. */
static uint32_t
scratch_at(uint32_t base, unsigned d, unsigned l, unsigned lanes)
{
	return base + (d * lanes + l) * 4;
}

/*
 * SCRATCH_* at FLAT_SCRATCH: SADDR, VADDR and offset-only forms, x2, a
 * sub-dword store and a d16_hi load; the lanes' dwords interleave.
 */
static void
scratch_flat(unsigned lanes)
{
	struct sf_run r;
	unsigned l, d;

	sf_init(&r, "v_add_nc_u32 v2, 0x100, v0\n"
	    "v_add_nc_u32 v4, 0x200, v0\n"
	    "v_add_nc_u32 v5, 0x300, v0\n"
	    "v_add_nc_u32 v6, 0x400, v0\n"
	    "v_mov_b32 v3, 16\n"
	    "scratch_store_dword off, v2, s0\n"		/* dword 2 */
	    "scratch_store_dwordx2 v3, v[4:5], off offset:-4\n"	/* 3, 4 */
	    "scratch_store_dword off, v6, off offset:20\n"	/* 5 */
	    "scratch_store_byte off, v0, off offset:25\n"	/* dword 6, byte 1 */
	    "scratch_load_dwordx4 v[10:13], v3, off offset:-8\n"	/* 2..5 */
	    "scratch_load_ubyte_d16_hi v14, off, s1\n"
	    "s_endpgm\n", lanes);
	r.w.flat_scratch = SF_ARENA_VA + 0x1000 + (0xffffull << 48);
	r.w.sgpr[0] = 8;
	r.w.sgpr[1] = 25;
	for (l = 0; l < lanes; l++)
		r.w.vgpr[14][l] = 0xbeef;
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < lanes; l++) {
		for (d = 2; d <= 5; d++)
			assert_int_equal(sf_u32(r.mem->bytes,
			    scratch_at(0x1000, d, l, lanes)), 0x100 * (d - 1) + l);
		assert_int_equal(sf_u32(r.mem->bytes,
		    scratch_at(0x1000, 6, l, lanes)), l << 8);
		for (d = 0; d < 4; d++)
			assert_int_equal(r.w.vgpr[10 + d][l], 0x100 * (d + 1) + l);
		assert_int_equal(r.w.vgpr[14][l], l << 16 | 0xbeef);
	}
	/* nothing outside the wave's lanes x 7 dwords */
	for (d = 0; d < 0x1000; d += 4)
		assert_int_equal(sf_u32(r.mem->bytes, d), 0);
	for (d = 0x1000 + 7 * lanes * 4; d < 0x3000; d += 4)
		assert_int_equal(sf_u32(r.mem->bytes, d), 0);
	sf_fini(&r);
}

static void
test_scratch_wave32(void **state)
{
	scratch_flat(32);
}

static void
test_scratch_wave64(void **state)
{
	scratch_flat(64);
}

/*
 * MUBUF through a scratch-ring V# as ACO builds it (SWIZZLE_ENABLE,
 * ADD_TID, INDEX_STRIDE = wave size, raw, NUM_RECORDS ~0) puts each
 * dword where SCRATCH_* at FLAT_SCRATCH = base + wave offset finds it.
 */
static void
test_scratch_mubuf_swizzled(void **state)
{
	struct sf_run r;
	unsigned l;

	sf_init(&r, "v_mov_b32 v1, 12\n"
	    "v_add_nc_u32 v2, 0x500, v0\n"
	    "v_add_nc_u32 v3, 0x600, v0\n"
	    "buffer_store_dwordx2 v[2:3], v1, s[8:11], s12 offen offset:4\n"
	    "scratch_load_dwordx2 v[4:5], off, off offset:16\n"
	    "buffer_load_dword v6, off, s[8:11], s12 offset:20\n"
	    "s_endpgm\n", 64);
	r.w.sgpr[8] = (uint32_t)(SF_ARENA_VA + 0x2000);
	r.w.sgpr[9] = (uint32_t)((SF_ARENA_VA + 0x2000) >> 32) |
	    F_PREP(VBUF1_SWIZZLE_EN, 1);
	r.w.sgpr[10] = 0xffffffff;
	r.w.sgpr[11] = F_PREP(VBUF3_ADD_TID, 1) | F_PREP(VBUF3_INDEX_STRIDE, 3) |
	    F_PREP(VBUF3_OOB_SELECT, OOB_RAW);
	r.w.sgpr[12] = 0x400;		/* the wave's slot */
	r.w.flat_scratch = SF_ARENA_VA + 0x2400;
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < 64; l++) {
		assert_int_equal(sf_u32(r.mem->bytes, scratch_at(0x2400, 4, l, 64)),
		    0x500 + l);
		assert_int_equal(sf_u32(r.mem->bytes, scratch_at(0x2400, 5, l, 64)),
		    0x600 + l);
		assert_int_equal(r.w.vgpr[4][l], 0x500 + l);
		assert_int_equal(r.w.vgpr[5][l], 0x600 + l);
		assert_int_equal(r.w.vgpr[6][l], 0x600 + l);
	}
	sf_fini(&r);
}

/* The scratch wave offset: slot x WAVESIZE KiB, wrapping at WAVES. */
static void
test_scratch_wave_offset(void **state)
{
	uint32_t t = F_PREP(TMPRING_WAVES, 4) | F_PREP(TMPRING_WAVESIZE, 3);

	assert_int_equal(scratch_wave_offset(t, 0), 0);
	assert_int_equal(scratch_wave_offset(t, 1), 3 * 1024);
	assert_int_equal(scratch_wave_offset(t, 3), 9 * 1024);
	assert_int_equal(scratch_wave_offset(t, 5), 3 * 1024);
	assert_int_equal(scratch_wave_offset(F_PREP(TMPRING_WAVESIZE, 3), 2), 0);
}

/* ---- typed buffers ---- */

/* Every format number's name, as llvm-mc prints `format:N` for gfx1032. */
static void
test_buffer_format_names(void **state)
{
	char path[96], cmd[256], line[256], *p;
	FILE *f;
	int n = 0;

	snprintf(path, sizeof(path), "%s/fmt.s", sf_tmpdir);
	f = fopen(path, "w");
	assert_non_null(f);
	for (int k = 0; k < BUF_FMT_COUNT; k++)
		fprintf(f, "tbuffer_load_format_x v0, off, s[0:3], format:%d, 0\n", k);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "llvm-mc -triple=amdgcn -mcpu=" SF_MCPU
	    " -show-encoding %s", path);
	f = popen(cmd, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strstr(line, "tbuffer_load_format_x") == NULL)
			continue;
		/* the default format (1) prints no format: operand */
		p = strstr(line, "format:[BUF_FMT_");
		if (p == NULL)
			assert_int_equal(n, 1);
		else
			assert_true(strncmp(p + 16, buf_fmts[n].name,
			    strlen(buf_fmts[n].name)) == 0 &&
			    p[16 + strlen(buf_fmts[n].name)] == ']');
		n++;
	}
	pclose(f);
	assert_int_equal(n, BUF_FMT_COUNT);
}

static unsigned
fmt_num(const char *name)
{
	for (unsigned k = 0; k < BUF_FMT_COUNT; k++)
		if (strcmp(buf_fmts[k].name, name) == 0)
			return k;
	fail_msg("no format %s", name);
	return 0;
}

/* A texel-buffer V#: stride, elements, structured with offset, format, DST_SEL. */
static void
set_tbuf(struct shader_wave *w, unsigned s, uint64_t va, uint32_t stride,
    uint32_t elems, const char *fmt, const unsigned sel[4])
{
	w->sgpr[s] = (uint32_t)va;
	w->sgpr[s + 1] = ((uint32_t)(va >> 32) & 0xffff) |
	    F_PREP(VBUF1_STRIDE, stride);
	w->sgpr[s + 2] = elems;
	w->sgpr[s + 3] = F_PREP(VBUF3_OOB_SELECT, OOB_STRUCTURED_OFFSET) |
	    F_PREP(VBUF3_FORMAT, fmt_num(fmt));
	for (unsigned c = 0; c < 4; c++)
		w->sgpr[s + 3] |= sel[c] << (VBUF3_DST_SEL_SHIFT * c);
}

/* Loads: UNORM with a DST_SEL swizzle and range check, 11/11/10 floats,
 * d16 of SINT, and MTBUF taking the instruction's format. */
static void
test_buffer_load_format(void **state)
{
	static const unsigned zyx1[4] = { SQ_SEL_X + 2, SQ_SEL_X + 1, SQ_SEL_X,
	    SQ_SEL_1 };
	static const unsigned xyzw[4] = { SQ_SEL_X, SQ_SEL_X + 1, SQ_SEL_X + 2,
	    SQ_SEL_X + 3 };
	struct sf_run r;
	unsigned l, c;
	float want;

	sf_init(&r, "buffer_load_format_xyzw v[4:7], v0, s[8:11], 0 idxen\n"
	    "buffer_load_format_xyzw v[8:11], v0, s[12:15], 0 idxen\n"
	    "buffer_load_format_d16_xy v12, v0, s[16:19], 0 idxen\n"
	    "v_lshlrev_b32 v1, 3, v0\n"
	    "tbuffer_load_format_xy v[13:14], v1, s[20:23], format:64, 0 offen\n"
	    "s_endpgm\n", 32);
	assert_string_equal(buf_fmts[64].name, "32_32_FLOAT");
	set_tbuf(&r.w, 8, SF_ARENA_VA, 4, 10, "8_8_8_8_UNORM", zyx1);
	set_tbuf(&r.w, 12, SF_ARENA_VA + 256, 4, 32, "10_11_11_FLOAT", xyzw);
	set_tbuf(&r.w, 16, SF_ARENA_VA + 512, 4, 32, "16_16_SINT", xyzw);
	sf_set_vbuf(&r.w, 20, SF_ARENA_VA + 1024, 32 * 8);
	r.w.sgpr[23] |= F_PREP(VBUF3_FORMAT, fmt_num("8_UNORM"));
	for (c = 0; c < 4; c++)
		r.w.sgpr[23] |= xyzw[c] << (VBUF3_DST_SEL_SHIFT * c);
	for (l = 0; l < 32; l++) {
		sf_put32(r.mem->bytes, 4 * l, 0x11223300u + l * 5);
		/* x = 1.0 (11-bit), y = 0.5 (11-bit), z = 2.0 (10-bit) */
		sf_put32(r.mem->bytes, 256 + 4 * l, 0x3c0u | 0x380u << 11 |
		    0x200u << 22);
		sf_put32(r.mem->bytes, 512 + 4 * l, (uint32_t)(-3 - (int)l) & 0xffff);
		sf_put32(r.mem->bytes, 1024 + 8 * l, sf_f2u(1.5f * (float)l));
		sf_put32(r.mem->bytes, 1028 + 8 * l, sf_f2u(-(float)l));
	}
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < 32; l++) {
		const uint8_t *b = r.mem->bytes + 4 * l;

		for (c = 0; c < 3; c++) {
			want = l < 10 ? (float)b[2 - c] / 255.0f : 0.0f;
			assert_int_equal(r.w.vgpr[4 + c][l], sf_f2u(want));
		}
		assert_int_equal(r.w.vgpr[7][l], sf_f2u(1.0f));	/* SEL_1 */
		assert_int_equal(r.w.vgpr[8][l], sf_f2u(1.0f));
		assert_int_equal(r.w.vgpr[9][l], sf_f2u(0.5f));
		assert_int_equal(r.w.vgpr[10][l], sf_f2u(2.0f));
		assert_int_equal(r.w.vgpr[11][l], sf_f2u(1.0f));	/* no W */
		assert_int_equal(r.w.vgpr[12][l], (uint32_t)(-3 - (int)l) & 0xffff);
		assert_int_equal(r.w.vgpr[13][l], sf_f2u(1.5f * (float)l));
		assert_int_equal(r.w.vgpr[14][l], sf_f2u(-(float)l));
	}
	sf_fini(&r);
}

/* Stores: UNORM clamps and rounds to nearest even, d16 f16, SNORM via
 * MTBUF, a one-channel store leaves the other bytes, range check. */
static void
test_buffer_store_format(void **state)
{
	static const unsigned xyzw[4] = { SQ_SEL_X, SQ_SEL_X + 1, SQ_SEL_X + 2,
	    SQ_SEL_X + 3 };
	struct sf_run r;
	unsigned l;

	sf_init(&r, "buffer_store_format_xyzw v[4:7], v0, s[8:11], 0 idxen\n"
	    "buffer_store_format_d16_xy v8, v0, s[12:15], 0 idxen\n"
	    "v_lshlrev_b32 v1, 1, v0\n"
	    "tbuffer_store_format_x v9, v1, s[16:19], format:8, 0 offen\n"
	    "buffer_store_format_x v10, v0, s[20:23], 0 idxen\n"
	    "s_endpgm\n", 32);
	assert_string_equal(buf_fmts[8].name, "16_SNORM");
	set_tbuf(&r.w, 8, SF_ARENA_VA, 4, 16, "8_8_8_8_UNORM", xyzw);
	set_tbuf(&r.w, 12, SF_ARENA_VA + 256, 4, 32, "16_16_FLOAT", xyzw);
	sf_set_vbuf(&r.w, 16, SF_ARENA_VA + 512, 64);	/* formats from MTBUF */
	set_tbuf(&r.w, 20, SF_ARENA_VA + 1024, 4, 32, "8_8_8_8_UINT", xyzw);
	memset(r.mem->bytes, 0xee, 2048);
	for (l = 0; l < 32; l++) {
		r.w.vgpr[4][l] = sf_f2u(0.5f);
		r.w.vgpr[5][l] = sf_f2u(-1.0f);
		r.w.vgpr[6][l] = sf_f2u(2.0f);
		r.w.vgpr[7][l] = 0x7fc00000u;
		r.w.vgpr[8][l] = 0x3c00u | (0xc000u + l) << 16;	/* 1.0, -2.x */
		r.w.vgpr[9][l] = sf_f2u(-0.5f);
		r.w.vgpr[10][l] = 0x100 + l;		/* UINT: low 8 bits */
	}
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < 32; l++) {
		assert_int_equal(sf_u32(r.mem->bytes, 4 * l),
		    l < 16 ? 0x00ff0080u : 0xeeeeeeeeu);
		assert_int_equal(sf_u32(r.mem->bytes, 256 + 4 * l),
		    0x3c00u | (0xc000u + l) << 16);
		assert_int_equal(r.mem->bytes[512 + 2 * l], 0x00);	/* -16384 */
		assert_int_equal(r.mem->bytes[513 + 2 * l], 0xc0);
		assert_int_equal(sf_u32(r.mem->bytes, 1024 + 4 * l),
		    0xeeeeee00u | l);
	}
	sf_fini(&r);
}

/*
 * The byte-aligned integer formats (buffmt.c's int_bytes shortcut):
 * 8- and 16-bit components zero- or sign-extended, missing channels
 * 0, 0, 1; a store keeps the low bits of each channel it covers and
 * leaves the bytes of the others.
 */
static const struct buf_fmt *
fmt_named(const char *name)
{
	for (unsigned k = 0; k < BUF_FMT_COUNT; k++)
		if (buf_fmts[k].name != NULL && strcmp(buf_fmts[k].name, name) == 0)
			return &buf_fmts[k];
	fail_msg("no format %s", name);
	return NULL;
}

static void
test_buffer_format_int_bytes(void **state)
{
	const uint8_t b[8] = { 0x80, 0x7f, 0xff, 0x01, 0x34, 0x92, 0x00, 0x80 };
	uint32_t out[4], in[4] = { 0x1ff, 0x280, 0x3, 0xfffffffe };
	uint8_t d[4] = { 0xaa, 0xbb, 0xcc, 0xdd };

	(void)state;
	buf_fmt_unpack(fmt_named("8_8_8_8_SINT"), b, out);
	assert_int_equal(out[0], 0xffffff80u);
	assert_int_equal(out[1], 0x7f);
	assert_int_equal(out[2], 0xffffffffu);
	assert_int_equal(out[3], 1);
	buf_fmt_unpack(fmt_named("8_8_8_8_UINT"), b, out);
	assert_int_equal(out[0], 0x80);
	assert_int_equal(out[2], 0xff);
	buf_fmt_unpack(fmt_named("8_8_UINT"), b, out);
	assert_int_equal(out[1], 0x7f);
	assert_int_equal(out[2], 0);
	assert_int_equal(out[3], 1);
	buf_fmt_unpack(fmt_named("16_16_SINT"), b + 4, out);
	assert_int_equal(out[0], 0xffff9234u);
	assert_int_equal(out[1], 0xffff8000u);
	assert_int_equal(out[2], 0);
	assert_int_equal(out[3], 1);
	buf_fmt_unpack(fmt_named("16_UINT"), b + 4, out);
	assert_int_equal(out[0], 0x9234);
	buf_fmt_pack(fmt_named("8_8_8_8_UINT"), in, 2, d);
	assert_int_equal(d[0], 0xff);
	assert_int_equal(d[1], 0x80);
	assert_int_equal(d[2], 0xcc);
	assert_int_equal(d[3], 0xdd);
	buf_fmt_pack(fmt_named("8_8_8_8_SINT"), in, 4, d);
	assert_int_equal(d[2], 0x03);
	assert_int_equal(d[3], 0xfe);
}

/* Conversions the model does not do stop the wave, naming the instruction. */
static void
test_buffer_format_unsupported(void **state)
{
	static const unsigned xyzw[4] = { SQ_SEL_X, SQ_SEL_X + 1, SQ_SEL_X + 2,
	    SQ_SEL_X + 3 };
	static const char *const fmts[] = { "10_11_11_FLOAT", "2_10_10_10_UNORM",
	    "8_8_USCALED" };
	struct sf_run r;

	for (unsigned k = 0; k < 3; k++) {
		sf_init(&r, "v_mov_b32 v1, 0\n"
		    "buffer_store_format_x v1, v0, s[8:11], 0 idxen\n"
		    "s_endpgm\n", 32);
		set_tbuf(&r.w, 8, SF_ARENA_VA, 4, 32, fmts[k], xyzw);
		assert_int_equal(shader_wave_run(&r.w, r.p, 100),
		    SHADER_UNSUPPORTED);
		assert_int_equal(r.w.stop.pc, 4);
		sf_fini(&r);
	}
}

/* ---- images ---- */

/* A gfx10 T# (isa_gfx10.h TIMG*) of a single-level image. */
static void
set_timg(struct shader_wave *w, unsigned s, uint64_t va, const char *fmt,
    uint32_t width, uint32_t height, uint32_t depth_field,
    uint32_t base_array, unsigned type, unsigned sw_mode,
    const unsigned sel[4])
{
	uint32_t *d = &w->sgpr[s];

	memset(d, 0, 8 * 4);
	d[0] = (uint32_t)(va >> TIMG0_BASE_SHIFT);
	d[1] = F_PREP(TIMG1_BASE_HI, (uint32_t)(va >> 40)) |
	    F_PREP(TIMG1_FORMAT, fmt_num(fmt)) |
	    F_PREP(TIMG1_WIDTH_LO, (width - 1) & 3);
	d[2] = F_PREP(TIMG2_WIDTH_HI, (width - 1) >> 2) |
	    F_PREP(TIMG2_HEIGHT, height - 1);
	d[3] = F_PREP(TIMG3_SW_MODE, sw_mode) | F_PREP(TIMG3_TYPE, type);
	for (unsigned c = 0; c < 4; c++)
		d[3] |= sel[c] << (TIMG3_DST_SEL_SHIFT * c);
	d[4] = F_PREP(TIMG4_DEPTH, depth_field) |
	    F_PREP(TIMG4_BASE_ARRAY, base_array);
}

static const unsigned sel_xyzw[4] = { SQ_SEL_X, SQ_SEL_X + 1, SQ_SEL_X + 2,
    SQ_SEL_X + 3 };

/*
 * A linear 10 x 3 RGBA8 image (pitch 64 texels: 256 bytes): image_store
 * at (lane % 10, lane / 10), then image_load through a ZYXW DST_SEL;
 * lanes 30, 31 are past the last row: nothing written, loads read 0.
 */
static void
test_image_linear_2d(void **state)
{
	static const unsigned zyxw[4] = { SQ_SEL_X + 2, SQ_SEL_X + 1, SQ_SEL_X,
	    SQ_SEL_X + 3 };
	struct sf_run r;
	unsigned l, x, y, c;
	float v;

	sf_init(&r, "v_mul_hi_u32 v5, v0, 0x1999999a\n"		/* y = lane / 10 */
	    "v_mul_u32_u24 v6, v5, 10\n"
	    "v_sub_nc_u32 v4, v0, v6\n"			/* x = lane % 10 */
	    "image_store v[10:13], v[4:5], s[8:15] dmask:0xf "
	    "dim:SQ_RSRC_IMG_2D unorm\n"
	    "image_load v[20:23], [v4, v5], s[16:23] dmask:0xf "
	    "dim:SQ_RSRC_IMG_2D unorm\n"
	    "s_endpgm\n", 32);
	set_timg(&r.w, 8, SF_ARENA_VA, "8_8_8_8_UNORM", 10, 3, 0, 0, 9, 0,
	    sel_xyzw);
	set_timg(&r.w, 16, SF_ARENA_VA, "8_8_8_8_UNORM", 10, 3, 0, 0, 9, 0,
	    zyxw);
	memset(r.mem->bytes, 0xee, 1024);
	for (l = 0; l < 32; l++)
		for (c = 0; c < 4; c++)
			r.w.vgpr[10 + c][l] = sf_f2u((float)(l + 10 * c) / 255.0f);
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < 32; l++) {
		x = l % 10;
		y = l / 10;
		if (l < 30)
			assert_int_equal(sf_u32(r.mem->bytes, (y * 64 + x) * 4),
			    l | (l + 10) << 8 | (l + 20) << 16 | (l + 30) << 24);
		for (c = 0; c < 4; c++) {
			v = l < 30 ? (float)(l + 10 * (c < 3 ? 2 - c : 3)) / 255.0f : 0;
			assert_int_equal(r.w.vgpr[20 + c][l], sf_f2u(v));
		}
	}
	for (y = 0; y < 3; y++)		/* the row padding is untouched */
		assert_int_equal(sf_u32(r.mem->bytes, (y * 64 + 10) * 4),
		    0xeeeeeeee);
	assert_int_equal(sf_u32(r.mem->bytes, 3 * 64 * 4), 0xeeeeeeee);
	sf_fini(&r);
}

/*
 * A linear R32_UINT 2D array view of layers 1..2 (BASE_ARRAY 1, DEPTH =
 * last layer 2): image_atomic_add with GLC at (lane, 0, lane % 3); view
 * layer 2 is image layer 3, out of range: dropped, returns 0.  Then
 * image_get_resinfo: (16, 4, 2 layers, 1 level).
 */
static void
test_image_atomic_array(void **state)
{
	struct sf_run r;
	unsigned l;
	uint32_t off;

	sf_init(&r, "v_mov_b32 v1, 0\n"
	    "v_mul_hi_u32 v4, v0, 0x55555556\n"		/* lane / 3 */
	    "v_mul_u32_u24 v4, v4, 3\n"
	    "v_sub_nc_u32 v2, v0, v4\n"			/* lane % 3 */
	    "v_add_nc_u32 v10, 100, v0\n"
	    "image_atomic_add v10, v[0:2], s[8:15] dmask:0x1 "
	    "dim:SQ_RSRC_IMG_2D_ARRAY unorm glc\n"
	    "image_get_resinfo v[12:15], v1, s[8:15] dmask:0xf "
	    "dim:SQ_RSRC_IMG_2D_ARRAY unorm\n"
	    "s_endpgm\n", 32);
	set_timg(&r.w, 8, SF_ARENA_VA, "32_UINT", 32, 4, 2, 1, 13, 0, sel_xyzw);
	for (l = 0; l < 4 * 4 * 64; l++)	/* 4 layers of 4 rows of 64 */
		sf_put32(r.mem->bytes, 4 * l, l);
	assert_int_equal(sf_go(&r), SHADER_ENDPGM);
	for (l = 0; l < 32; l++) {
		/* layer (1 + lane % 3), row 0; pitch 64 texels, 4 rows */
		off = ((1 + l % 3) * 4 * 64 + l) * 4;
		if (l % 3 < 2) {
			assert_int_equal(r.w.vgpr[10][l], off / 4);
			assert_int_equal(sf_u32(r.mem->bytes, off), off / 4 + 100 + l);
		} else {
			assert_int_equal(r.w.vgpr[10][l], 0);
			assert_int_equal(sf_u32(r.mem->bytes, off), off / 4);
		}
		assert_int_equal(r.w.vgpr[12][l], 32);
		assert_int_equal(r.w.vgpr[13][l], 4);
		assert_int_equal(r.w.vgpr[14][l], 2);
		assert_int_equal(r.w.vgpr[15][l], 1);
	}
	sf_fini(&r);
}

/* A swizzled image (SW_MODE 24, addrlib ADDR_SW_64KB_Z_X) is not laid out: unsupported. */
static void
test_image_swizzled_unsupported(void **state)
{
	struct sf_run r;

	sf_init(&r, "v_mov_b32 v1, 0\n"
	    "image_load v[4:7], v[0:1], s[8:15] dmask:0xf dim:SQ_RSRC_IMG_2D "
	    "unorm\n"
	    "s_endpgm\n", 32);
	set_timg(&r.w, 8, SF_ARENA_VA, "8_8_8_8_UNORM", 64, 64, 0, 0, 9, 24,
	    sel_xyzw);
	assert_int_equal(shader_wave_run(&r.w, r.p, 100), SHADER_UNSUPPORTED);
	assert_int_equal(r.w.stop.pc, 4);
	assert_string_equal(r.w.stop.why,
	    "image swizzle mode 24 (64KB_Z_X) not modelled");
	sf_fini(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ds_atomics_b32),
		cmocka_unit_test(test_ds_atomics_b64),
		cmocka_unit_test(test_ds_same_address),
		cmocka_unit_test(test_ds_d16),
		cmocka_unit_test(test_ds_two_address),
		cmocka_unit_test(test_ds_bounds),
		cmocka_unit_test(test_ds_cross_lane),
		cmocka_unit_test(test_global_atomics_64),
		cmocka_unit_test(test_float_atomics),
		cmocka_unit_test(test_vmem_d16),
		cmocka_unit_test(test_scratch_wave32),
		cmocka_unit_test(test_scratch_wave64),
		cmocka_unit_test(test_scratch_mubuf_swizzled),
		cmocka_unit_test(test_scratch_wave_offset),
		cmocka_unit_test(test_buffer_format_names),
		cmocka_unit_test(test_buffer_load_format),
		cmocka_unit_test(test_buffer_store_format),
		cmocka_unit_test(test_buffer_format_int_bytes),
		cmocka_unit_test(test_buffer_format_unsupported),
		cmocka_unit_test(test_image_linear_2d),
		cmocka_unit_test(test_image_atomic_array),
		cmocka_unit_test(test_image_swizzled_unsupported),
	};

	return cmocka_run_group_tests(tests, shader_fixture_setup,
	    shader_fixture_teardown);
}

/*
 * model/shader/swizzle.c: gfx10.3 swizzled image layouts.  Expected
 * values are worked out here from addrlib's pattern rows
 * (src/amd/addrlib/src/gfx10/gfx10SwizzlePattern.h, the "8 pipes (8
 * PKRs)" RB+ rows) and block sizes, or are properties every layout must
 * have (each element of a block at its own offset).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "shader/swizzle.h"

/*
 * The RX 6600's GB_ADDR_CONFIG as the model resets it (model/navi23.c:
 * 8 pipes, 256 B interleave, 2 compressed fragments, 8 packers); the
 * launcher hands the live register value to each wave.
 */
#define SWZ_NAVI23_GB_ADDR_CONFIG	0x343u

#define NAVI21_GB_ADDR_CONFIG	0x444u	/* 16 pipes, 16 packers (drm-shim) */

static const unsigned modes[] = {
	SWZ_256B_S, SWZ_256B_D, SWZ_4KB_S, SWZ_4KB_D, SWZ_4KB_S_X, SWZ_4KB_D_X,
	SWZ_64KB_S_X, SWZ_64KB_D_X, SWZ_64KB_R_X,
};

static void
layout(unsigned mode, unsigned bpe, uint32_t w, uint32_t h,
    struct swz_layout *l)
{
	struct swz_surf s = { mode, bpe, w, h };

	assert_int_equal(swz_layout(&s, SWZ_NAVI23_GB_ADDR_CONFIG, l), 0);
}

/*
 * Every element of one block lands at its own element-aligned offset
 * inside the block, for every slice: the pattern is a permutation of
 * the block's bytes.
 */
static void
test_block_is_permutation(void **state)
{
	struct swz_layout l;
	uint8_t *hit;
	uint64_t off;

	for (size_t m = 0; m < sizeof(modes) / sizeof(modes[0]); m++) {
		for (unsigned bpe = 1; bpe <= 16; bpe *= 2) {
			layout(modes[m], bpe, 1, 1, &l);
			assert_int_equal((uint64_t)l.blk_w * l.blk_h * bpe,
			    1u << l.blk_log2);
			for (uint32_t z = 0; z < 8; z++) {
				hit = calloc(1u << l.blk_log2, 1);
				for (uint32_t y = 0; y < l.blk_h; y++) {
					for (uint32_t x = 0; x < l.blk_w; x++) {
						off = swz_offset(&l, x, y, z, 0) -
						    z * l.slice_size;
						assert_true(off < (1u << l.blk_log2));
						assert_int_equal(off % bpe, 0);
						assert_int_equal(hit[off], 0);
						hit[off] = 1;
					}
				}
				free(hit);
			}
		}
	}
}

/*
 * A 40 x 24 surface of 4-byte elements in 4 KiB blocks (32 x 32): pitch
 * 64, height 32, 8 KiB a slice; the padded slice is covered exactly once.
 */
static void
test_padding(void **state)
{
	struct swz_layout l;
	uint8_t *hit;
	uint64_t off;

	layout(SWZ_4KB_D_X, 4, 40, 24, &l);
	assert_int_equal(l.blk_w, 32);
	assert_int_equal(l.blk_h, 32);
	assert_int_equal(l.pitch, 64);
	assert_int_equal(l.padded_height, 32);
	assert_int_equal(l.slice_size, 8192);
	hit = calloc(8192 / 4, 1);
	for (uint32_t y = 0; y < 32; y++) {
		for (uint32_t x = 0; x < 64; x++) {
			off = swz_offset(&l, x, y, 0, 0);
			assert_true(off < 8192);
			assert_int_equal(hit[off / 4], 0);
			hit[off / 4] = 1;
		}
	}
	free(hit);
	layout(SWZ_256B_S, 1, 17, 1, &l);	/* 16 x 16 blocks */
	assert_int_equal(l.pitch, 32);
	assert_int_equal(l.slice_size, 32 * 16);
}

/*
 * Inside a 256 B micro-block of 4-byte elements (8 x 8), the S rows put
 * x bit 2 at address bit 7 and y bit 2 at bit 6 ("X0 X1 Y0 Y1 Y2 X2");
 * the RB+ D row (39) swaps those two ("X0 X1 Y0 Y1 X2 Y2").
 */
static void
test_micro_block(void **state)
{
	static const struct { uint32_t x, y; uint64_t s, d; } e[] = {
		{ 1, 0, 4, 4 }, { 2, 0, 8, 8 }, { 0, 1, 16, 16 },
		{ 0, 2, 32, 32 }, { 0, 4, 64, 128 }, { 4, 0, 128, 64 },
		{ 7, 7, 252, 252 },
	};
	struct swz_layout s, d;

	layout(SWZ_256B_S, 4, 64, 64, &s);
	layout(SWZ_256B_D, 4, 64, 64, &d);
	for (size_t i = 0; i < sizeof(e) / sizeof(e[0]); i++) {
		assert_int_equal(swz_offset(&s, e[i].x, e[i].y, 0, 0), e[i].s);
		assert_int_equal(swz_offset(&d, e[i].x, e[i].y, 0, 0), e[i].d);
	}
	/* 256 B blocks go row by row: pitch 64 = 8 blocks of 8. */
	assert_int_equal(swz_offset(&s, 8, 0, 0, 0), 256);
	assert_int_equal(swz_offset(&s, 0, 8, 0, 0), 8 * 256);
}

/*
 * The first element of each 256 B micro-block of a 4 KiB block, 4-byte
 * elements: SW_4KB_S and _D take address bits 8..11 from y3 x3 y4 x4
 * (NIBBLE2 row 3).  With _X (row 18) the bits are y3^x5^z2, x3^y5^z1,
 * x4^y4^z0, x4.
 */
static void
test_4k_micro_block_starts(void **state)
{
	struct swz_layout s, x;
	uint64_t want, got;

	layout(SWZ_4KB_S, 4, 32, 32, &s);
	layout(SWZ_4KB_D_X, 4, 32, 32, &x);
	for (uint32_t my = 0; my < 4; my++) {
		for (uint32_t mx = 0; mx < 4; mx++) {
			want = (my & 1) << 8 | (mx & 1) << 9 |
			    (my >> 1) << 10 | (mx >> 1) << 11;
			assert_int_equal(swz_offset(&s, 8 * mx, 8 * my, 0, 0), want);
			want = (my & 1) << 8 | (mx & 1) << 9 |
			    ((mx >> 1) ^ (my >> 1)) << 10 | (mx >> 1) << 11;
			got = swz_offset(&x, 8 * mx, 8 * my, 0, 0);
			assert_int_equal(got, want);
		}
	}
}

/*
 * The _X modes fold higher x, y and the slice into the block: x = 32 is
 * block 1 with x5 set (bit 8); slice 1 sets z0 (bit 10) on top of one
 * slice size.  The pipe/bank XOR from the T# base flips the in-block
 * bits of the _X modes only.
 */
static void
test_xor_terms(void **state)
{
	struct swz_layout x, s;

	layout(SWZ_4KB_D_X, 4, 64, 64, &x);
	assert_int_equal(x.slice_size, 64 * 64 * 4);
	assert_int_equal(swz_offset(&x, 32, 0, 0, 0), 4096 + 256);
	assert_int_equal(swz_offset(&x, 0, 32, 0, 0), 2 * 4096 + 512);
	assert_int_equal(swz_offset(&x, 0, 0, 1, 0), x.slice_size + 1024);
	assert_int_equal(swz_offset(&x, 0, 0, 2, 0), 2 * x.slice_size + 512);
	assert_int_equal(swz_offset(&x, 0, 0, 4, 0), 4 * x.slice_size + 256);
	assert_int_equal(swz_offset(&x, 1, 0, 0, 0x300), 0x304);
	assert_int_equal(swz_offset(&x, 1, 0, 0, 0x1300), 0x304);
	layout(SWZ_4KB_D, 4, 64, 64, &s);
	assert_int_equal(swz_offset(&s, 32, 0, 0, 0), 4096);
	assert_int_equal(swz_offset(&s, 0, 0, 1, 0), s.slice_size);
	assert_int_equal(swz_offset(&s, 1, 0, 0, 0x300), 4);
}

/*
 * 64 KiB blocks of 4-byte elements are 128 x 128.  _D_X (NIBBLE3 row 3:
 * y5 x5 y6 x6 above the 4 KiB _X bits): y = 32 sets bits 9 (x3^y5^z1)
 * and 12, x = 32 bits 8 (y3^x5^z2) and 13; x = 128 is the next block.  _R_X (rows 402, 671): the slice bits z0, z1, z2 land on
 * address bits 15, 10 and 9; x = 64 (x6) sets bits 10 (y5^x6^z1) and
 * 13 (x6^y7).
 */
static void
test_64k(void **state)
{
	struct swz_layout d, r;

	layout(SWZ_64KB_D_X, 4, 200, 100, &d);
	assert_int_equal(d.blk_w, 128);
	assert_int_equal(d.blk_h, 128);
	assert_int_equal(d.pitch, 256);
	assert_int_equal(d.slice_size, 256 * 128 * 4);
	assert_int_equal(swz_offset(&d, 0, 32, 0, 0), 512 + 4096);
	assert_int_equal(swz_offset(&d, 32, 0, 0, 0), 256 + 8192);
	assert_int_equal(swz_offset(&d, 128, 0, 0, 0), 65536);
	layout(SWZ_64KB_R_X, 4, 128, 128, &r);
	assert_int_equal(swz_offset(&r, 0, 0, 1, 0), r.slice_size + 32768);
	assert_int_equal(swz_offset(&r, 0, 0, 2, 0), 2 * r.slice_size + 1024);
	assert_int_equal(swz_offset(&r, 0, 0, 4, 0), 4 * r.slice_size + 512);
	assert_int_equal(swz_offset(&r, 64, 0, 0, 0), 1024 + 8192);
	assert_int_equal(swz_offset(&r, 1, 0, 0, 0xabcd), 0xabc9);
}

/*
 * swz_offset() (nibble tables) equals swz_offset_bits() (the equation,
 * bit by bit) for every mode and element size: over 2 x 2 whole blocks
 * of slice 0, one whole block of slices 1..7 (each with and without a
 * pipe/bank XOR in the base), and a spread of coordinates up to 16 bits.
 */
static void
check_same(const struct swz_layout *l, uint32_t x, uint32_t y, uint32_t z,
    uint32_t pbx)
{
	uint64_t fast = swz_offset(l, x, y, z, pbx);
	uint64_t bits = swz_offset_bits(l, x, y, z, pbx);

	if (fast != bits)
		fail_msg("mode %u elem_log2 %u (%u, %u, %u) xor 0x%x: %llu, "
		    "want %llu", l->sw_mode, l->elem_log2, x, y, z, pbx,
		    (unsigned long long)fast, (unsigned long long)bits);
}

static void
test_tables_match_equation(void **state)
{
	static const uint32_t pbx[] = { 0, 0xabcd };
	struct swz_layout l;
	uint32_t x, y, z, n, v = 1;

	for (size_t m = 0; m < sizeof(modes) / sizeof(modes[0]); m++) {
		for (unsigned bpe = 1; bpe <= 16; bpe *= 2) {
			layout(modes[m], bpe, 65536, 65536, &l);
			for (size_t p = 0; p < 2; p++) {
				for (y = 0; y < 2 * l.blk_h; y++)
					for (x = 0; x < 2 * l.blk_w; x++)
						check_same(&l, x, y, 0, pbx[p]);
				for (z = 1; z < 8; z++)
					for (y = 0; y < l.blk_h; y++)
						for (x = 0; x < l.blk_w; x++)
							check_same(&l, x, y, z,
							    pbx[p]);
			}
			for (n = 0; n < 4096; n++) {	/* xorshift32 */
				v ^= v << 13;
				v ^= v >> 17;
				v ^= v << 5;
				check_same(&l, v & 0xffff, v >> 16,
				    (v >> 7) & 0x7ff, v);
			}
		}
	}
}

/* Modes, element sizes and configurations without tables are refused. */
static void
test_refused(void **state)
{
	static const unsigned no[] = { SWZ_LINEAR, 3, 4, 7, 8, 9, 10, 11, 12,
	    17, 18, 23, 24, 28, 31, 32, 100 };
	struct swz_layout l;
	struct swz_surf s = { SWZ_4KB_D_X, 4, 64, 64 };

	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		s.sw_mode = no[i];
		assert_false(swz_mode_supported(no[i]));
		assert_null(swz_mode_name(no[i]));
		assert_int_equal(swz_layout(&s, SWZ_NAVI23_GB_ADDR_CONFIG, &l), -1);
	}
	s.sw_mode = SWZ_4KB_D_X;
	s.bpe = 12;
	assert_int_equal(swz_layout(&s, SWZ_NAVI23_GB_ADDR_CONFIG, &l), -1);
	s.bpe = 32;
	assert_int_equal(swz_layout(&s, SWZ_NAVI23_GB_ADDR_CONFIG, &l), -1);
	s.bpe = 4;
	assert_int_equal(swz_layout(&s, NAVI21_GB_ADDR_CONFIG, &l), -1);
	s.sw_mode = SWZ_4KB_D;		/* no pipe bits: any configuration */
	assert_int_equal(swz_layout(&s, NAVI21_GB_ADDR_CONFIG, &l), 0);
	assert_string_equal(swz_mode_name(SWZ_4KB_D_X), "SW_4KB_D_X");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_block_is_permutation),
		cmocka_unit_test(test_padding),
		cmocka_unit_test(test_micro_block),
		cmocka_unit_test(test_4k_micro_block_starts),
		cmocka_unit_test(test_xor_terms),
		cmocka_unit_test(test_64k),
		cmocka_unit_test(test_tables_match_equation),
		cmocka_unit_test(test_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * gfx10.3 swizzled surfaces (swizzle.h): element (x, y, slice) of a
 * single-level thin (2D, 2D array, 1D) surface -> byte offset from the
 * surface base, as Mesa's addrlib computes it for gfx10 with RB+
 * (Navi 2x):
 *
 *   offset = slice * slice_size + block_index << blk_log2
 *            + (pattern(x, y, slice) ^ pipe_bank_xor)
 *
 * (src/amd/addrlib/src/gfx10/gfx10addrlib.cpp, Gfx10Lib::
 * ComputeSurfaceAddrFromCoordMacroTiled and ...MicroTiled), where
 *   - the pattern gives each address bit below the block size as the XOR
 *     of some x, y and z bits (ComputeOffsetFromSwizzlePattern); x and y
 *     are whole coordinates, so the _X modes' pipe/bank bits XOR in x and
 *     y bits above the block;
 *   - block_index = (y / blk_h) * (pitch / blk_w) + x / blk_w;
 *   - pitch and height are the level-0 size rounded up to whole blocks,
 *     slice_size = pitch * height * bytes per element
 *     (ComputeSurfaceInfoMacroTiled / MicroTiled, one mip level);
 *   - pipe_bank_xor only applies to _X modes.
 *
 * The patterns are addrlib's (gfx10SwizzlePattern.h): a mode's
 * GFX10_SW_*_RBPLUS_PATINFO row names a GFX10_SW_PATTERN_NIBBLE01 row
 * (address bits 0..7), a NIBBLE2 row (bits 8..11) and, for 64 KiB
 * blocks, a NIBBLE3 row (bits 12..15).  The row is
 * index = elem_log2, plus m_colorBaseIndex for _X modes; Gfx10Lib::
 * HwlInitGlobalParams makes that 5 * pipes_log2 + 5 * (2 * pkrs_log2 - 2)
 * = 35 for GB_ADDR_CONFIG 0x343 (8 pipes, 8 packers), the rows the
 * tables label "8 pipes (8 PKRs)".  Below are those rows, rewritten as
 * bit lists (a term like y4^x7^y7 is one entry with two y bits).  The
 * non-_X 256 B and 4 KiB patterns are the same for every pipe count; the
 * _X ones only hold for 8 pipes and 8 packers.
 */
#include <pthread.h>
#include <stddef.h>

#include "amd/gc_10_3_reg.h"
#include "swizzle.h"

#define B(n)		((uint16_t)(1u << (n)))
#define X(n)		{ B(n), 0, 0 }
#define Y(n)		{ 0, B(n), 0 }
#define XOR(x, y, z)	{ (x), (y), (z) }	/* each an OR of B() */
#define NONE		{ 0, 0, 0 }

/*
 * Bits 0..7, by elem_log2.  "S" (standard): NIBBLE01 rows 0..4, used by
 * SW_256_S, SW_4K_S, SW_4K_S_X, SW_64K_S_X.  "D" (display): rows 5, 1,
 * 39, 6, 7, used by SW_256_D, SW_4K_D, SW_4K_D_X, SW_64K_D_X in the RB+
 * tables.
 */
static const struct swz_bit nib01_s[5][8] = {
	{ X(0), X(1), X(2), X(3), Y(0), Y(1), Y(2), Y(3) },
	{ NONE, X(0), X(1), X(2), Y(0), Y(1), Y(2), X(3) },
	{ NONE, NONE, X(0), X(1), Y(0), Y(1), Y(2), X(2) },
	{ NONE, NONE, NONE, X(0), Y(0), Y(1), X(1), X(2) },
	{ NONE, NONE, NONE, NONE, Y(0), Y(1), X(0), X(1) },
};

static const struct swz_bit nib01_d[5][8] = {
	{ X(0), X(1), X(2), Y(1), Y(0), Y(2), X(3), Y(3) },
	{ NONE, X(0), X(1), X(2), Y(0), Y(1), Y(2), X(3) },
	{ NONE, NONE, X(0), X(1), Y(0), Y(1), X(2), Y(2) },
	{ NONE, NONE, NONE, X(0), Y(0), X(1), X(2), Y(1) },
	{ NONE, NONE, NONE, NONE, X(0), Y(0), X(1), Y(1) },
};

/* Bits 8..11 of the 4 KiB modes without XOR: NIBBLE2 rows 1..5. */
static const struct swz_bit nib2_4k[5][4] = {
	{ Y(4), X(4), Y(5), X(5) },
	{ Y(3), X(4), Y(4), X(5) },
	{ Y(3), X(3), Y(4), X(4) },
	{ Y(2), X(3), Y(3), X(4) },
	{ Y(2), X(2), Y(3), X(3) },
};

/*
 * Bits 8..11 of SW_4K_S_X / _D_X and SW_64K_S_X / _D_X, 8 pipes 8
 * packers: NIBBLE2 rows 16..20.
 */
static const struct swz_bit nib2_4k_x[5][4] = {
	{ XOR(B(6), B(4), B(2)), XOR(B(4), B(6), B(1)),
	  XOR(B(5), B(5), B(0)), X(5) },
	{ XOR(B(6), B(3), B(2)), XOR(B(4), B(5), B(1)),
	  XOR(B(5), B(4), B(0)), X(5) },
	{ XOR(B(5), B(3), B(2)), XOR(B(3), B(5), B(1)),
	  XOR(B(4), B(4), B(0)), X(4) },
	{ XOR(B(5), B(2), B(2)), XOR(B(3), B(4), B(1)),
	  XOR(B(4), B(3), B(0)), X(4) },
	{ XOR(B(4), B(2), B(2)), XOR(B(2), B(4), B(1)),
	  XOR(B(3), B(3), B(0)), X(3) },
};

/*
 * SW_64KB_R_X, 8 pipes 8 packers (GFX10_SW_64K_R_X_1xaa_RBPLUS_PATINFO
 * rows 35..39): bits 0..7 from NIBBLE01 rows 0, 1, 39, 6, 7.
 */
static const struct swz_bit nib01_r[5][8] = {
	{ X(0), X(1), X(2), X(3), Y(0), Y(1), Y(2), Y(3) },
	{ NONE, X(0), X(1), X(2), Y(0), Y(1), Y(2), X(3) },
	{ NONE, NONE, X(0), X(1), Y(0), Y(1), X(2), Y(2) },
	{ NONE, NONE, NONE, X(0), Y(0), X(1), X(2), Y(1) },
	{ NONE, NONE, NONE, NONE, X(0), Y(0), X(1), Y(1) },
};

/* Bits 8..11 of SW_64KB_R_X: NIBBLE2 rows 400, 401, 402, 304, 305. */
#define R_X_NIB2_COMMON \
	XOR(B(7), B(4) | B(7), 0), XOR(B(4), B(4), B(2)), XOR(B(6), B(5), B(1))
static const struct swz_bit nib2_64k_r_x[5][4] = {
	{ R_X_NIB2_COMMON, X(6) },
	{ R_X_NIB2_COMMON, Y(3) },
	{ R_X_NIB2_COMMON, X(3) },
	{ R_X_NIB2_COMMON, Y(2) },
	{ R_X_NIB2_COMMON, X(2) },
};

/* Bits 12..15 of SW_64KB_R_X: NIBBLE3 rows 669, 670, 671, 387, 388. */
#define R_X_NIB3_Z0	XOR(B(5), B(6), B(0))
static const struct swz_bit nib3_64k_r_x[5][4] = {
	{ Y(6), XOR(B(7), B(8), 0), XOR(B(8), B(7), 0), R_X_NIB3_Z0 },
	{ X(6), XOR(B(7), B(7), 0), XOR(B(8), B(6), 0), R_X_NIB3_Z0 },
	{ Y(3), XOR(B(6), B(7), 0), XOR(B(7), B(6), 0), R_X_NIB3_Z0 },
	{ X(3), XOR(B(7), B(3), 0), XOR(B(6), B(6), 0), R_X_NIB3_Z0 },
	{ Y(2), XOR(B(6), B(3), 0), XOR(B(3), B(6), 0), R_X_NIB3_Z0 },
};

/*
 * Bits 12..15 of SW_64KB_S_X and _D_X, 8 pipes 8 packers (their bits
 * 0..11 are those of SW_4KB_S_X / _D_X): NIBBLE3 rows 1..5.
 */
static const struct swz_bit nib3_64k[5][4] = {
	{ Y(6), X(6), Y(7), X(7) },
	{ Y(5), X(6), Y(6), X(7) },
	{ Y(5), X(5), Y(6), X(6) },
	{ Y(4), X(5), Y(5), X(6) },
	{ Y(4), X(4), Y(5), X(5) },
};

/*
 * A 256 B block in elements, by elem_log2 (addrlib2.cpp Lib::Block256_2d);
 * a block of 2^(8 + 2k) bytes is 2^k times as wide and as high
 * (Gfx10Lib::ComputeThinBlockDimension): k = 2 for 4 KiB, 4 for 64 KiB.
 */
static const uint8_t blk256_w[5] = { 16, 16, 8, 8, 4 };
static const uint8_t blk256_h[5] = { 16, 8, 8, 4, 4 };

/*
 * The modes this file lays out: block size, whether the pipe/bank XOR
 * applies (the _X modes, whose rows hold for 8 pipes 8 packers only),
 * and the pattern rows by elem_log2 for bits 0..7, 8..11, 12..15.
 */
static const struct swz_mode {
	const char *name;
	unsigned blk_log2;
	bool pipe_xor;
	const struct swz_bit (*nib01)[8], (*nib2)[4], (*nib3)[4];
} swz_modes[32] = {
	[SWZ_256B_S] = { "SW_256B_S", 8, false, nib01_s, NULL, NULL },
	[SWZ_256B_D] = { "SW_256B_D", 8, false, nib01_d, NULL, NULL },
	[SWZ_4KB_S] = { "SW_4KB_S", 12, false, nib01_s, nib2_4k, NULL },
	[SWZ_4KB_D] = { "SW_4KB_D", 12, false, nib01_d, nib2_4k, NULL },
	[SWZ_4KB_S_X] = { "SW_4KB_S_X", 12, true, nib01_s, nib2_4k_x, NULL },
	[SWZ_4KB_D_X] = { "SW_4KB_D_X", 12, true, nib01_d, nib2_4k_x, NULL },
	[SWZ_64KB_S_X] = { "SW_64KB_S_X", 16, true, nib01_s, nib2_4k_x,
	    nib3_64k },
	[SWZ_64KB_D_X] = { "SW_64KB_D_X", 16, true, nib01_d, nib2_4k_x,
	    nib3_64k },
	[SWZ_64KB_R_X] = { "SW_64KB_R_X", 16, true, nib01_r, nib2_64k_r_x,
	    nib3_64k_r_x },
};

bool
swz_mode_supported(unsigned sw_mode)
{
	return sw_mode < 32 && swz_modes[sw_mode].name != NULL;
}

/* The mode's name, or NULL when this file does not lay it out. */
const char *
swz_mode_name(unsigned sw_mode)
{
	return swz_mode_supported(sw_mode) ? swz_modes[sw_mode].name : NULL;
}

static int
log2_exact(unsigned v)
{
	int n = 0;

	if (v == 0 || (v & (v - 1)) != 0)
		return -1;
	while ((1u << n) != v)
		n++;
	return n;
}

/* The _X patterns above were taken for this configuration only. */
static bool
xor_config_ok(uint32_t gb)
{
	return F_GET(gb, GB_ADDR_CONFIG_NUM_PIPES) == 3 &&
	    F_GET(gb, GB_ADDR_CONFIG_PIPE_INTERLEAVE_SIZE) == 0 &&
	    F_GET(gb, GB_ADDR_CONFIG_NUM_PKRS) == 3;
}

static uint32_t
round_up(uint32_t v, uint32_t a)
{
	return (v + a - 1) / a * a;
}

/*
 * Each pattern bit is the parity of some coordinate bits, so the pattern
 * is linear over GF(2): pattern(x, y, z) = P(x, 0, 0) ^ P(0, y, 0) ^
 * P(0, 0, z), and each of those is the XOR of the patterns of the
 * coordinate's set bits.  swz_luts holds them by nibble, per mode and
 * elem_log2 (struct swz_lut), so an offset is 12 lookups instead of 16
 * parities of three masked coordinates; swz_offset_bits() keeps the
 * equation bit by bit, and the swizzle test checks that both agree.
 * The tables are built once, on the first swz_layout().
 */
static struct swz_lut swz_luts[32][5];
static pthread_once_t swz_luts_once = PTHREAD_ONCE_INIT;

/* Address bit i (0..15) of mode m at elem_log2 e: its term, or NULL. */
static const struct swz_bit *
pattern_bit(const struct swz_mode *m, unsigned e, unsigned i)
{
	if (i < 8)
		return &m->nib01[e][i];
	if (i < 12)
		return m->nib2 != NULL ? &m->nib2[e][i - 8] : NULL;
	return m->nib3 != NULL ? &m->nib3[e][i - 12] : NULL;
}

static void
lut_build(const struct swz_mode *m, unsigned e, struct swz_lut *t)
{
	uint16_t col[3][16] = { { 0 } }, mask;
	const struct swz_bit *b;
	unsigned i, c, k, n, v;

	/* col[c][k]: the address bits coordinate bit k of c feeds. */
	for (i = 0; i < 16; i++) {
		if ((b = pattern_bit(m, e, i)) == NULL)
			continue;
		for (k = 0; k < 16; k++) {
			col[0][k] |= ((b->x >> k) & 1u) << i;
			col[1][k] |= ((b->y >> k) & 1u) << i;
			col[2][k] |= ((b->z >> k) & 1u) << i;
		}
	}
	for (c = 0; c < 3; c++) {
		for (n = 0; n < 4; n++) {
			for (v = 0; v < 16; v++) {
				mask = 0;
				for (k = 0; k < 4; k++)
					if ((v >> k) & 1)
						mask ^= col[c][4 * n + k];
				t->nib[c][n][v] = mask;
			}
		}
	}
}

static void
luts_build(void)
{
	for (unsigned m = 0; m < 32; m++)
		for (unsigned e = 0; swz_modes[m].name != NULL && e < 5; e++)
			lut_build(&swz_modes[m], e, &swz_luts[m][e]);
}

/*
 * Fill l for surface s on a chip with this GB_ADDR_CONFIG.  Returns 0,
 * or -1 (l untouched) for a mode, element size or configuration not
 * modelled: the caller reports the mode as unsupported.
 */
int
swz_layout(const struct swz_surf *s, uint32_t gb_addr_config,
    struct swz_layout *l)
{
	const struct swz_mode *m;
	int e = log2_exact(s->bpe);
	unsigned amp;

	if (!swz_mode_supported(s->sw_mode) || e < 0 || e > 4 ||
	    s->width == 0 || s->height == 0)
		return -1;
	m = &swz_modes[s->sw_mode];
	if (m->pipe_xor && !xor_config_ok(gb_addr_config))
		return -1;
	amp = (m->blk_log2 - 8) / 2;
	l->sw_mode = s->sw_mode;
	l->elem_log2 = (unsigned)e;
	l->blk_log2 = m->blk_log2;
	l->blk_w = (uint32_t)blk256_w[e] << amp;
	l->blk_h = (uint32_t)blk256_h[e] << amp;
	l->blk_w_log2 = (unsigned)log2_exact(l->blk_w);
	l->blk_h_log2 = (unsigned)log2_exact(l->blk_h);
	l->pipe_xor_mask = m->pipe_xor ? (1u << m->blk_log2) - 1 : 0;
	l->pitch = round_up(s->width, l->blk_w);
	l->padded_height = round_up(s->height, l->blk_h);
	l->slice_size = (uint64_t)l->pitch * l->padded_height << e;
	l->nib01 = m->nib01[e];
	l->nib2 = m->nib2 != NULL ? m->nib2[e] : NULL;
	l->nib3 = m->nib3 != NULL ? m->nib3[e] : NULL;
	pthread_once(&swz_luts_once, luts_build);
	l->lut = &swz_luts[s->sw_mode][e];
	return 0;
}

static unsigned
parity(uint32_t v)
{
	v ^= v >> 16;
	v ^= v >> 8;
	v ^= v >> 4;
	v ^= v >> 2;
	v ^= v >> 1;
	return v & 1;
}

static unsigned
bit_value(const struct swz_bit *b, uint32_t x, uint32_t y, uint32_t z)
{
	return parity((x & b->x) ^ (y & b->y) ^ (z & b->z));
}

/*
 * swz_offset() as the equation reads, one address bit at a time: the
 * reference the swizzle test holds the tables against.
 */
uint64_t
swz_offset_bits(const struct swz_layout *l, uint32_t x, uint32_t y,
    uint32_t slice, uint32_t pipe_bank_xor)
{
	uint32_t in_blk = 0, blk_mask = (1u << l->blk_log2) - 1;
	uint64_t blk;
	unsigned i;

	for (i = 0; i < 8; i++)
		in_blk |= bit_value(&l->nib01[i], x, y, slice) << i;
	for (i = 0; l->nib2 != NULL && i < 4; i++)
		in_blk |= bit_value(&l->nib2[i], x, y, slice) << (8 + i);
	for (i = 0; l->nib3 != NULL && i < 4; i++)
		in_blk |= bit_value(&l->nib3[i], x, y, slice) << (12 + i);
	if (swz_modes[l->sw_mode].pipe_xor)
		in_blk ^= pipe_bank_xor & blk_mask;
	blk = (uint64_t)(y / l->blk_h) * (l->pitch / l->blk_w) + x / l->blk_w;
	return slice * l->slice_size + (blk << l->blk_log2) + in_blk;
}

static inline unsigned
lut_coord(const uint16_t nib[4][16], uint32_t v)
{
	return nib[0][v & 15] ^ nib[1][(v >> 4) & 15] ^ nib[2][(v >> 8) & 15] ^
	    nib[3][(v >> 12) & 15];
}

/*
 * Byte offset of element (x, y, slice) from the surface base.
 * pipe_bank_xor: the T# base address bits inside the block (RADV ORs the
 * surface's tile swizzle into them); used by the _X modes only.  The
 * patterns' masks are 16 bits wide, so coordinate bits 0..15 are all the
 * tables need; block dimensions are powers of two.
 */
uint64_t
swz_offset(const struct swz_layout *l, uint32_t x, uint32_t y,
    uint32_t slice, uint32_t pipe_bank_xor)
{
	const struct swz_lut *t = l->lut;
	uint32_t in_blk;
	uint64_t blk;

	in_blk = lut_coord(t->nib[0], x) ^ lut_coord(t->nib[1], y) ^
	    lut_coord(t->nib[2], slice);
	in_blk ^= pipe_bank_xor & l->pipe_xor_mask;
	blk = (uint64_t)(y >> l->blk_h_log2) * (l->pitch >> l->blk_w_log2) +
	    (x >> l->blk_w_log2);
	return slice * l->slice_size + (blk << l->blk_log2) + in_blk;
}

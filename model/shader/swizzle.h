/*
 * gfx10.3 swizzled image layouts: where element (x, y, slice) of a
 * single-level 2D (or 2D array) surface lives, for the swizzle modes
 * RADV picks for storage images on Navi 23.  Used by mimg.c; the
 * equations and their sources are in swizzle.c, docs/shader.md
 * ("Image layouts") says what is modelled and what is not.
 */
#ifndef MODEL_SHADER_SWIZZLE_H
#define MODEL_SHADER_SWIZZLE_H

#include <stdbool.h>
#include <stdint.h>

/* Swizzle mode numbers (addrlib inc/addrtypes.h AddrSwizzleMode, T# SW_MODE). */
#define SWZ_LINEAR	0
#define SWZ_256B_S	1
#define SWZ_256B_D	2
#define SWZ_4KB_S	5
#define SWZ_4KB_D	6
#define SWZ_4KB_S_X	21
#define SWZ_4KB_D_X	22
#define SWZ_64KB_S_X	25
#define SWZ_64KB_D_X	26
#define SWZ_64KB_R_X	27

/* The surface as the T# describes it: level 0, in elements. */
struct swz_surf {
	unsigned sw_mode;
	unsigned bpe;			/* bytes per element: 1, 2, 4, 8, 16 */
	uint32_t width, height;
};

/*
 * One address bit of a swizzle pattern: the XOR of the element
 * coordinate bits set in x, y and z (z = slice of a 2D array).  A bit
 * with no term is a byte address bit inside the element.
 */
struct swz_bit {
	uint16_t x, y, z;
};

/*
 * A pattern as lookup tables (swizzle.c): nib[c][n][v] is the pattern
 * of coordinate c (x, y, slice) = v << 4n alone.
 */
struct swz_lut {
	uint16_t nib[3][4][16];
};

/* What swz_layout() derives; swz_offset() reads it. */
struct swz_layout {
	unsigned sw_mode;
	unsigned elem_log2;
	unsigned blk_log2;		/* block bytes, log2: 8, 12 or 16 */
	uint32_t blk_w, blk_h;		/* block in elements */
	unsigned blk_w_log2, blk_h_log2;
	uint32_t pipe_xor_mask;		/* pipe/bank XOR bits (_X modes), or 0 */
	uint32_t pitch, padded_height;	/* in elements, whole blocks */
	uint64_t slice_size;		/* bytes */
	const struct swz_bit *nib01;	/* address bits 0..7 */
	const struct swz_bit *nib2;	/* address bits 8..11, or NULL */
	const struct swz_bit *nib3;	/* address bits 12..15, or NULL */
	const struct swz_lut *lut;	/* bits 0..15, as tables */
};

bool		swz_mode_supported(unsigned sw_mode);
const char	*swz_mode_name(unsigned sw_mode);
int		swz_layout(const struct swz_surf *s, uint32_t gb_addr_config,
		    struct swz_layout *l);
uint64_t	swz_offset(const struct swz_layout *l, uint32_t x, uint32_t y,
		    uint32_t slice, uint32_t pipe_bank_xor);
uint64_t	swz_offset_bits(const struct swz_layout *l, uint32_t x, uint32_t y,
		    uint32_t slice, uint32_t pipe_bank_xor);

#endif

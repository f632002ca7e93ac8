/*
 * The gfx10 buffer data formats (the 7-bit FORMAT of a buffer V# and of
 * MTBUF instructions) and their conversions to and from the 32-bit
 * values of VGPRs.
 *
 * Source: the numbering and names are LLVM's gfx10 table as
 * `llvm-mc -mcpu=gfx1032` prints `format:N` (BUF_FMT_*, the same as
 * Mesa's V_008F0C_GFX10_FORMAT_*); tests/unit/test_vmem.c checks every
 * name against llvm-mc at test time.  A name lists the components from
 * the most significant bits down, so 2_10_10_10 has X in bits [9:0] and
 * W in [31:30].  Component values (ISA guide §8.1 "buffer formats"):
 * UNORM v / (2^n - 1), SNORM max(v / (2^(n-1) - 1), -1), (U|S)SCALED v
 * as a float, UINT/SINT v, FLOAT binary32/binary16 or the unsigned
 * 11-/10-bit floats (5-bit exponent, no sign).
 */
#ifndef MODEL_SHADER_BUFFMT_H
#define MODEL_SHADER_BUFFMT_H

#include <stdbool.h>
#include <stdint.h>

/* Number formats. */
enum buf_nfmt {
	NF_NONE,
	NF_UNORM,
	NF_SNORM,
	NF_USCALED,
	NF_SSCALED,
	NF_UINT,
	NF_SINT,
	NF_FLOAT,
};

/* X(number, name, components, bits of X, Y, Z, W, number format) */
#define BUF_FMT_LIST(X) \
	X(0, "INVALID", 0, 0, 0, 0, 0, NF_NONE) \
	X(1, "8_UNORM", 1, 8, 0, 0, 0, NF_UNORM) \
	X(2, "8_SNORM", 1, 8, 0, 0, 0, NF_SNORM) \
	X(3, "8_USCALED", 1, 8, 0, 0, 0, NF_USCALED) \
	X(4, "8_SSCALED", 1, 8, 0, 0, 0, NF_SSCALED) \
	X(5, "8_UINT", 1, 8, 0, 0, 0, NF_UINT) \
	X(6, "8_SINT", 1, 8, 0, 0, 0, NF_SINT) \
	X(7, "16_UNORM", 1, 16, 0, 0, 0, NF_UNORM) \
	X(8, "16_SNORM", 1, 16, 0, 0, 0, NF_SNORM) \
	X(9, "16_USCALED", 1, 16, 0, 0, 0, NF_USCALED) \
	X(10, "16_SSCALED", 1, 16, 0, 0, 0, NF_SSCALED) \
	X(11, "16_UINT", 1, 16, 0, 0, 0, NF_UINT) \
	X(12, "16_SINT", 1, 16, 0, 0, 0, NF_SINT) \
	X(13, "16_FLOAT", 1, 16, 0, 0, 0, NF_FLOAT) \
	X(14, "8_8_UNORM", 2, 8, 8, 0, 0, NF_UNORM) \
	X(15, "8_8_SNORM", 2, 8, 8, 0, 0, NF_SNORM) \
	X(16, "8_8_USCALED", 2, 8, 8, 0, 0, NF_USCALED) \
	X(17, "8_8_SSCALED", 2, 8, 8, 0, 0, NF_SSCALED) \
	X(18, "8_8_UINT", 2, 8, 8, 0, 0, NF_UINT) \
	X(19, "8_8_SINT", 2, 8, 8, 0, 0, NF_SINT) \
	X(20, "32_UINT", 1, 32, 0, 0, 0, NF_UINT) \
	X(21, "32_SINT", 1, 32, 0, 0, 0, NF_SINT) \
	X(22, "32_FLOAT", 1, 32, 0, 0, 0, NF_FLOAT) \
	X(23, "16_16_UNORM", 2, 16, 16, 0, 0, NF_UNORM) \
	X(24, "16_16_SNORM", 2, 16, 16, 0, 0, NF_SNORM) \
	X(25, "16_16_USCALED", 2, 16, 16, 0, 0, NF_USCALED) \
	X(26, "16_16_SSCALED", 2, 16, 16, 0, 0, NF_SSCALED) \
	X(27, "16_16_UINT", 2, 16, 16, 0, 0, NF_UINT) \
	X(28, "16_16_SINT", 2, 16, 16, 0, 0, NF_SINT) \
	X(29, "16_16_FLOAT", 2, 16, 16, 0, 0, NF_FLOAT) \
	X(30, "10_11_11_UNORM", 3, 11, 11, 10, 0, NF_UNORM) \
	X(31, "10_11_11_SNORM", 3, 11, 11, 10, 0, NF_SNORM) \
	X(32, "10_11_11_USCALED", 3, 11, 11, 10, 0, NF_USCALED) \
	X(33, "10_11_11_SSCALED", 3, 11, 11, 10, 0, NF_SSCALED) \
	X(34, "10_11_11_UINT", 3, 11, 11, 10, 0, NF_UINT) \
	X(35, "10_11_11_SINT", 3, 11, 11, 10, 0, NF_SINT) \
	X(36, "10_11_11_FLOAT", 3, 11, 11, 10, 0, NF_FLOAT) \
	X(37, "11_11_10_UNORM", 3, 10, 11, 11, 0, NF_UNORM) \
	X(38, "11_11_10_SNORM", 3, 10, 11, 11, 0, NF_SNORM) \
	X(39, "11_11_10_USCALED", 3, 10, 11, 11, 0, NF_USCALED) \
	X(40, "11_11_10_SSCALED", 3, 10, 11, 11, 0, NF_SSCALED) \
	X(41, "11_11_10_UINT", 3, 10, 11, 11, 0, NF_UINT) \
	X(42, "11_11_10_SINT", 3, 10, 11, 11, 0, NF_SINT) \
	X(43, "11_11_10_FLOAT", 3, 10, 11, 11, 0, NF_FLOAT) \
	X(44, "10_10_10_2_UNORM", 4, 2, 10, 10, 10, NF_UNORM) \
	X(45, "10_10_10_2_SNORM", 4, 2, 10, 10, 10, NF_SNORM) \
	X(46, "10_10_10_2_USCALED", 4, 2, 10, 10, 10, NF_USCALED) \
	X(47, "10_10_10_2_SSCALED", 4, 2, 10, 10, 10, NF_SSCALED) \
	X(48, "10_10_10_2_UINT", 4, 2, 10, 10, 10, NF_UINT) \
	X(49, "10_10_10_2_SINT", 4, 2, 10, 10, 10, NF_SINT) \
	X(50, "2_10_10_10_UNORM", 4, 10, 10, 10, 2, NF_UNORM) \
	X(51, "2_10_10_10_SNORM", 4, 10, 10, 10, 2, NF_SNORM) \
	X(52, "2_10_10_10_USCALED", 4, 10, 10, 10, 2, NF_USCALED) \
	X(53, "2_10_10_10_SSCALED", 4, 10, 10, 10, 2, NF_SSCALED) \
	X(54, "2_10_10_10_UINT", 4, 10, 10, 10, 2, NF_UINT) \
	X(55, "2_10_10_10_SINT", 4, 10, 10, 10, 2, NF_SINT) \
	X(56, "8_8_8_8_UNORM", 4, 8, 8, 8, 8, NF_UNORM) \
	X(57, "8_8_8_8_SNORM", 4, 8, 8, 8, 8, NF_SNORM) \
	X(58, "8_8_8_8_USCALED", 4, 8, 8, 8, 8, NF_USCALED) \
	X(59, "8_8_8_8_SSCALED", 4, 8, 8, 8, 8, NF_SSCALED) \
	X(60, "8_8_8_8_UINT", 4, 8, 8, 8, 8, NF_UINT) \
	X(61, "8_8_8_8_SINT", 4, 8, 8, 8, 8, NF_SINT) \
	X(62, "32_32_UINT", 2, 32, 32, 0, 0, NF_UINT) \
	X(63, "32_32_SINT", 2, 32, 32, 0, 0, NF_SINT) \
	X(64, "32_32_FLOAT", 2, 32, 32, 0, 0, NF_FLOAT) \
	X(65, "16_16_16_16_UNORM", 4, 16, 16, 16, 16, NF_UNORM) \
	X(66, "16_16_16_16_SNORM", 4, 16, 16, 16, 16, NF_SNORM) \
	X(67, "16_16_16_16_USCALED", 4, 16, 16, 16, 16, NF_USCALED) \
	X(68, "16_16_16_16_SSCALED", 4, 16, 16, 16, 16, NF_SSCALED) \
	X(69, "16_16_16_16_UINT", 4, 16, 16, 16, 16, NF_UINT) \
	X(70, "16_16_16_16_SINT", 4, 16, 16, 16, 16, NF_SINT) \
	X(71, "16_16_16_16_FLOAT", 4, 16, 16, 16, 16, NF_FLOAT) \
	X(72, "32_32_32_UINT", 3, 32, 32, 32, 0, NF_UINT) \
	X(73, "32_32_32_SINT", 3, 32, 32, 32, 0, NF_SINT) \
	X(74, "32_32_32_FLOAT", 3, 32, 32, 32, 0, NF_FLOAT) \
	X(75, "32_32_32_32_UINT", 4, 32, 32, 32, 32, NF_UINT) \
	X(76, "32_32_32_32_SINT", 4, 32, 32, 32, 32, NF_SINT) \
	X(77, "32_32_32_32_FLOAT", 4, 32, 32, 32, 32, NF_FLOAT)

#define BUF_FMT_COUNT		78

struct buf_fmt {
	const char *name;	/* LLVM's BUF_FMT_<name> */
	uint8_t ncomp;
	uint8_t bits[4];
	uint8_t nfmt;		/* enum buf_nfmt */
	uint8_t bytes;		/* the element: the sum of bits / 8 */
	bool raw32;		/* 32-bit UINT/SINT/FLOAT: channels are the words */
	uint8_t int_bytes;	/* UINT/SINT, every component 8 (1) or 16 (2) bits */
};

extern const struct buf_fmt buf_fmts[BUF_FMT_COUNT];

const struct buf_fmt *buf_fmt_get(unsigned format);

/* Inline: the per-lane paths ask for these on every element. */
static inline unsigned
buf_fmt_bytes(const struct buf_fmt *f)
{
	return f->bytes;
}

/* Integer formats fill and return integers; the others floats. */
static inline bool
buf_fmt_is_int(const struct buf_fmt *f)
{
	return f->nfmt == NF_UINT || f->nfmt == NF_SINT;
}

bool	buf_fmt_can_store(const struct buf_fmt *f);
void	buf_fmt_unpack(const struct buf_fmt *f, const uint8_t *src,
	    uint32_t out[4]);
void	buf_fmt_pack(const struct buf_fmt *f, const uint32_t in[4],
	    unsigned n, uint8_t *dst);

#endif

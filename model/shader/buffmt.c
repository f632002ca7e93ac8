/*
 * gfx10 buffer data formats: the table and the conversions between an
 * element in memory and the 32-bit channel values of VGPRs (buffmt.h
 * has the sources).  Components never cross a dword in these formats.
 */
#include <math.h>
#include <string.h>

#include "buffmt.h"
#include "interp.h"

#define BUF_FMT_X(n, nm, c, x, y, z, w, nf) \
	[n] = { nm, c, { x, y, z, w }, nf, ((x) + (y) + (z) + (w)) / 8, \
	    (x) == 32 && ((nf) == NF_UINT || (nf) == NF_SINT || \
	    (nf) == NF_FLOAT), \
	    ((nf) == NF_UINT || (nf) == NF_SINT) && ((x) == 8 || (x) == 16) && \
	    ((y) == 0 || (y) == (x)) && ((z) == 0 || (z) == (x)) && \
	    ((w) == 0 || (w) == (x)) ? (x) / 8 : 0 },
const struct buf_fmt buf_fmts[BUF_FMT_COUNT] = { BUF_FMT_LIST(BUF_FMT_X) };
#undef BUF_FMT_X

#define F32_ONE		0x3f800000u

/* The format numbered `format`, or NULL for INVALID and the reserved numbers. */
const struct buf_fmt *
buf_fmt_get(unsigned format)
{
	if (format >= BUF_FMT_COUNT || buf_fmts[format].ncomp == 0)
		return NULL;
	return &buf_fmts[format];
}

/* Stores convert from UNORM, SNORM, UINT, SINT, f16 and f32 only. */
bool
buf_fmt_can_store(const struct buf_fmt *f)
{
	if (f->nfmt == NF_USCALED || f->nfmt == NF_SSCALED)
		return false;
	return f->nfmt != NF_FLOAT || f->bits[0] == 16 || f->bits[0] == 32;
}

static uint32_t
f2u(float f)
{
	uint32_t u;

	memcpy(&u, &f, 4);
	return u;
}

static float
u2f(uint32_t u)
{
	float f;

	memcpy(&f, &u, 4);
	return f;
}

static uint32_t
mask_of(unsigned bits)
{
	return bits >= 32 ? ~0u : (1u << bits) - 1;
}

static int32_t
sext(uint32_t v, unsigned bits)
{
	return bits >= 32 ? (int32_t)v :
	    (int32_t)(v << (32 - bits)) >> (32 - bits);
}

/* The unsigned 11- and 10-bit floats: 5-bit exponent (bias 15), 6 or 5 mantissa bits. */
static float
ufloat_to_f32(uint32_t v, unsigned bits)
{
	unsigned mb = bits - 5, e = v >> mb, m = v & mask_of(mb);

	if (e == 31)
		return m ? NAN : INFINITY;
	if (e == 0)
		return ldexpf((float)m, -14 - (int)mb);
	return ldexpf((float)(m | 1u << mb), (int)e - 15 - (int)mb);
}

/*
 * One raw component to its 32-bit channel value.  The integer formats
 * come first and compute no floats (the copy shaders' 8_8_8_8_UINT and
 * 32_UINT elements take this path per lane).
 */
static uint32_t
comp_to_u32(const struct buf_fmt *f, uint32_t v, unsigned bits)
{
	if (f->nfmt == NF_UINT)
		return v;
	if (f->nfmt == NF_SINT)
		return (uint32_t)sext(v, bits);
	switch (f->nfmt) {
	case NF_UNORM: return f2u((float)v / (float)mask_of(bits));
	case NF_SNORM: return f2u(fmaxf((float)sext(v, bits) /
	    (float)(mask_of(bits) >> 1), -1.0f));
	case NF_USCALED: return f2u((float)v);
	case NF_SSCALED: return f2u((float)sext(v, bits));
	case NF_FLOAT:
		if (bits == 32)
			return v;
		if (bits == 16)
			return f2u(f16_to_f32((uint16_t)v));
		return f2u(ufloat_to_f32(v, bits));
	default: return v;
	}
}

/* A 1- or 2-byte integer component, zero- or sign-extended. */
static inline uint32_t
int_comp(const uint8_t *p, const struct buf_fmt *f)
{
	uint16_t h;

	if (f->int_bytes == 1)
		return f->nfmt == NF_SINT ? (uint32_t)(int8_t)p[0] : p[0];
	memcpy(&h, p, 2);
	return f->nfmt == NF_SINT ? (uint32_t)(int16_t)h : h;
}

/*
 * Unpack one element: out[k] = channel k; channels the format lacks read
 * 0, and W reads 1 (1.0 for the float formats).
 */
void
buf_fmt_unpack(const struct buf_fmt *f, const uint8_t *src, uint32_t out[4])
{
	uint32_t words[4] = { 0 }, v;
	unsigned k, off = 0;

	if (f->int_bytes != 0) {	/* whole bytes: no shifts or masks */
		for (k = 0; k < f->ncomp; k++)
			out[k] = int_comp(src + k * f->int_bytes, f);
		for (; k < 4; k++)
			out[k] = k < 3 ? 0 : 1;
		return;
	}
	shader_copy_small(words, src, f->bytes);
	for (k = 0; k < 4; k++) {
		if (k >= f->ncomp) {
			out[k] = k < 3 ? 0 : buf_fmt_is_int(f) ? 1 : F32_ONE;
			continue;
		}
		if (f->raw32) {		/* the conversion is the identity */
			out[k] = words[k];
			continue;
		}
		v = (words[off / 32] >> (off % 32)) & mask_of(f->bits[k]);
		out[k] = comp_to_u32(f, v, f->bits[k]);
		off += f->bits[k];
	}
}

/* One 32-bit channel value to a raw component (buf_fmt_can_store formats). */
static uint32_t
u32_to_comp(const struct buf_fmt *f, uint32_t in, unsigned bits)
{
	float x = u2f(in);

	switch (f->nfmt) {
	case NF_UNORM:
		x = isnan(x) ? 0.0f : fminf(fmaxf(x, 0.0f), 1.0f);
		return (uint32_t)rintf(x * (float)mask_of(bits));
	case NF_SNORM:
		x = isnan(x) ? 0.0f : fminf(fmaxf(x, -1.0f), 1.0f);
		return (uint32_t)(int32_t)rintf(x * (float)(mask_of(bits) >> 1)) &
		    mask_of(bits);
	case NF_FLOAT:
		return bits == 16 ? f32_to_f16(x, false) : in;
	default:		/* UINT, SINT: the low bits */
		return in & mask_of(bits);
	}
}

/*
 * Pack channels in[0..n-1] into an element at dst, leaving the bits of
 * the components past n as they are.
 */
void
buf_fmt_pack(const struct buf_fmt *f, const uint32_t in[4], unsigned n,
    uint8_t *dst)
{
	uint32_t words[4] = { 0 }, m;
	unsigned k, off = 0, bytes = f->bytes;

	if (f->int_bytes == 1) {	/* whole bytes: the low bits */
		for (k = 0; k < f->ncomp && k < n; k++)
			dst[k] = (uint8_t)in[k];
		return;
	}
	shader_copy_small(words, dst, bytes);
	for (k = 0; k < f->ncomp && k < n; k++) {
		if (f->raw32) {		/* the conversion is the identity */
			words[k] = in[k];
			continue;
		}
		m = mask_of(f->bits[k]) << (off % 32);
		words[off / 32] = (words[off / 32] & ~m) |
		    (u32_to_comp(f, in[k], f->bits[k]) << (off % 32) & m);
		off += f->bits[k];
	}
	shader_copy_small(dst, words, bytes);
}

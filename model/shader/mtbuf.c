/*
 * Typed buffer access: MUBUF buffer_load/store_format_* (format from the
 * V#, as RADV's texel buffers use them) and MTBUF tbuffer_* (format from
 * the instruction), with their d16 forms.
 *
 * A load reads one element of the format, converts its components to
 * 32-bit channels (buffmt.c), then channel c of the result is chosen by
 * the V#'s DST_SEL_c: 0, 1 (1.0 for float formats), or component X..W
 * (ISA guide §8.1 "buffer formats", Mesa sid.h SQ_SEL_*).  A store
 * converts the first n channels and writes the bytes of the components
 * they cover.  Range checking is all or nothing per element (ISA guide
 * §8.1.5); an element out of range reads 0 in every channel, except
 * that DST_SEL 1 still gives 1, and is not written.
 * d16: two 16-bit channels per VGPR, low half first; float formats as
 * binary16 (rounded to nearest even), integer formats as their low 16
 * bits (loads) or zero/sign-extended (stores).  The unused high half of
 * a d16 xyz load's second VGPR is written 0 (an assumption).
 */
#include "buffmt.h"
#include "vmem.h"

/* Channel c after DST_SEL, from the unpacked components ch. */
static uint32_t
dst_sel(const struct shader_wave *w, const struct shader_inst *in,
    const struct buf_fmt *f, const uint32_t ch[4], unsigned c)
{
	uint32_t d3 = w->sgpr[in->src[1].reg + 3];
	unsigned sel = (d3 >> (VBUF3_DST_SEL_SHIFT * c)) & 7;
	bool is_int = f != NULL && buf_fmt_is_int(f);

	if (sel == SQ_SEL_1)
		return is_int ? 1 : 0x3f800000u;
	if (sel >= SQ_SEL_X)
		return ch[sel - SQ_SEL_X];
	return 0;
}

static uint16_t
to_d16(const struct buf_fmt *f, uint32_t v)
{
	float x;

	if (f != NULL && buf_fmt_is_int(f))
		return (uint16_t)v;
	memcpy(&x, &v, 4);
	return f32_to_f16(x, false);
}

static uint32_t
from_d16(const struct buf_fmt *f, uint16_t h)
{
	float x;
	uint32_t v;

	if (f->nfmt == NF_SINT)
		return (uint32_t)(int32_t)(int16_t)h;
	if (f->nfmt == NF_UINT)
		return h;
	x = f16_to_f32(h);
	memcpy(&v, &x, 4);
	return v;
}

/* Write nch channels (res) to VDATA: one per VGPR, or two per VGPR for d16. */
static void
put_channels(struct shader_wave *w, const struct shader_inst *in,
    const struct buf_fmt *f, const uint32_t res[4], unsigned nch, int l)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	unsigned c;

	if (!(i->src[2] & MEM_D16)) {
		for (c = 0; c < nch; c++)
			w->vgpr[(in->dst.reg + c) & 0xff][l] = res[c];
		return;
	}
	for (c = 0; c < nch; c += 2)
		w->vgpr[(in->dst.reg + c / 2) & 0xff][l] = to_d16(f, res[c]) |
		    (c + 1 < nch ? (uint32_t)to_d16(f, res[c + 1]) << 16 : 0);
}

static void
get_channels(const struct shader_wave *w, const struct shader_inst *in,
    const struct buf_fmt *f, uint32_t ch[4], unsigned nch, int l)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	uint32_t v;
	unsigned c;

	for (c = 0; c < nch; c++) {
		if (!(i->src[2] & MEM_D16)) {
			ch[c] = w->vgpr[(in->dst.reg + c) & 0xff][l];
			continue;
		}
		v = w->vgpr[(in->dst.reg + c / 2) & 0xff][l];
		ch[c] = from_d16(f, (uint16_t)(c % 2 ? v >> 16 : v));
	}
}

/* Bytes a store of nch channels writes, 0 when they end inside a byte. */
static unsigned
store_bytes(const struct buf_fmt *f, unsigned nch)
{
	unsigned bits = 0;

	for (unsigned c = 0; c < nch && c < f->ncomp; c++)
		bits += f->bits[c];
	return bits % 8 ? 0 : bits / 8;
}

/* One lane; false after a fault (the wave is stopped). */
static bool
format_lane(struct shader_wave *w, const struct shader_inst *in,
    const struct buf_fmt *f, uint64_t va, bool in_range, int l)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	unsigned nch = i->src[1], c;
	uint8_t raw[16] = { 0 };
	uint32_t ch[4] = { 0 }, res[4];

	if (i->flags & F_LOAD) {
		if (in_range && !vmem_read(w, in, va, raw, buf_fmt_bytes(f)))
			return false;
		if (in_range)
			buf_fmt_unpack(f, raw, ch);
		for (c = 0; c < nch; c++)
			res[c] = dst_sel(w, in, f, ch, c);
		put_channels(w, in, f, res, nch, l);
		return true;
	}
	if (!in_range)
		return true;
	get_channels(w, in, f, ch, nch, l);
	buf_fmt_pack(f, ch, nch, raw);
	return vmem_write(w, in, va, raw, store_bytes(f, nch));
}

/* Formats and forms the model does not convert stop the wave. */
static bool
format_supported(const struct shader_inst *in, const struct buf_fmt *f)
{
	const struct isa_op_info *i = &isa_ops[in->op];

	if (f == NULL || (in->mods & (MOD_LDS | MOD_TFE)))
		return false;
	if (i->flags & F_LOAD)
		return true;
	return buf_fmt_can_store(f) && store_bytes(f, i->src[1]) != 0;
}

void
exec_buffer_format(struct shader_wave *w, const struct shader_inst *in,
    unsigned format)
{
	const struct buf_fmt *f = buf_fmt_get(format);
	struct vbuf b = vbuf_read(w, in->src[1].reg);
	uint64_t ex = wave_exec(w), offset, va;
	uint32_t soff = sread32(w, &in->src[2]), index;
	unsigned eb, ndw;
	bool in_range;
	int l;

	if (!format_supported(in, f)) {
		wave_stop(w, in, SHADER_UNSUPPORTED);
		return;
	}
	eb = buf_fmt_bytes(f);
	ndw = (eb + 3) / 4;
	for (l = 0; l < (int)w->nlanes; l++) {
		if (!((ex >> l) & 1))
			continue;
		vbuf_lane(w, in, &b, l, &index, &offset);
		va = b.base + soff + vbuf_offset(&b, index, offset, 0);
		in_range = vbuf_keep(&b, index, offset, ndw, eb < 4 ? eb : 4) ==
		    (1u << ndw) - 1;
		if (!format_lane(w, in, f, va, in_range, l))
			return;
	}
}

/* MTBUF: the format is the instruction's (decoded into offset1). */
void
exec_mtbuf(struct shader_wave *w, const struct shader_inst *in)
{
	exec_buffer_format(w, in, (unsigned)in->offset1);
}

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

/*
 * Lane l of a load from the element raw (in_range), or of an element
 * out of range: DST_SEL, then VDATA.
 */
static void
load_put(struct shader_wave *w, const struct shader_inst *in,
    const struct buf_fmt *f, const uint8_t *raw, bool in_range, int l)
{
	unsigned nch = isa_ops[in->op].src[1], c;
	uint32_t ch[4] = { 0 }, res[4];

	if (in_range)
		buf_fmt_unpack(f, raw, ch);
	for (c = 0; c < nch; c++)
		res[c] = dst_sel(w, in, f, ch, c);
	put_channels(w, in, f, res, nch, l);
}

/* Lane l's store data packed into raw (zeroed by the caller). */
static void
store_raw(const struct shader_wave *w, const struct shader_inst *in,
    const struct buf_fmt *f, uint8_t *raw, int l)
{
	unsigned nch = isa_ops[in->op].src[1];
	uint32_t ch[4] = { 0 };

	get_channels(w, in, f, ch, nch, l);
	buf_fmt_pack(f, ch, nch, raw);
}

/* One lane; false after a fault (the wave is stopped). */
static bool
format_lane(struct shader_wave *w, const struct shader_inst *in,
    const struct buf_fmt *f, uint64_t va, bool in_range, int l)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	uint8_t raw[16] = { 0 };

	if (i->flags & F_LOAD) {
		if (in_range && !vmem_read(w, in, va, raw, buf_fmt_bytes(f)))
			return false;
		load_put(w, in, f, raw, in_range, l);
		return true;
	}
	if (!in_range)
		return true;
	store_raw(w, in, f, raw, l);
	return vmem_write(w, in, va, raw, store_bytes(f, i->src[1]));
}

/*
 * The whole wave at once when every in-range lane's element is in
 * memory that host_ptr answers for (asked once per 4 KiB span, not per
 * lane through read/write), as vmem.c's mubuf_wave does for untyped
 * access: the addresses are all checked first, so when one is not that
 * simple nothing has happened yet and the caller takes the per-lane
 * path, which faults exactly; else the lanes run in order with the same
 * conversions and range rules.  Returns true when the instruction was
 * done here.
 */
#define FORMAT_SPAN	4096u

static bool
format_wave(struct shader_wave *w, const struct shader_inst *in,
    const struct buf_fmt *f, const struct vbuf *b, uint32_t soff)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	bool load = (i->flags & F_LOAD) != 0;
	unsigned eb = buf_fmt_bytes(f), ndw = (eb + 3) / 4;
	unsigned sb = store_bytes(f, i->src[1]), acc = load ?
	    SHADER_MEM_READ : SHADER_MEM_WRITE;
	uint64_t ex = wave_exec(w), m, offset, va, span = UINT64_MAX;
	uint8_t *host = NULL, *p[SHADER_MAX_LANES], raw[16];
	uint32_t index;
	int l;

	if (w->mem->host_ptr == NULL)
		return false;
	for (m = ex; m != 0; m &= m - 1) {
		l = __builtin_ctzll(m);
		vbuf_lane(w, in, b, l, &index, &offset);
		p[l] = NULL;
		if (vbuf_keep(b, index, offset, ndw, eb < 4 ? eb : 4) !=
		    (1u << ndw) - 1)
			continue;	/* out of range: no access */
		va = b->base + soff + vbuf_offset(b, index, offset, 0);
		if ((va & (FORMAT_SPAN - 1)) + eb > FORMAT_SPAN)
			return false;
		if (va / FORMAT_SPAN != span) {
			host = w->mem->host_ptr(w->mem_ctx,
			    va & ~(uint64_t)(FORMAT_SPAN - 1), FORMAT_SPAN, acc);
			if (host == NULL)
				return false;
			span = va / FORMAT_SPAN;
		}
		p[l] = host + (va & (FORMAT_SPAN - 1));
	}
	for (m = ex; m != 0; m &= m - 1) {
		l = __builtin_ctzll(m);
		memset(raw, 0, sizeof(raw));
		if (load) {
			if (p[l] != NULL)
				memcpy(raw, p[l], eb);
			load_put(w, in, f, raw, p[l] != NULL, l);
		} else if (p[l] != NULL) {
			store_raw(w, in, f, raw, l);
			memcpy(p[l], raw, sb);
		}
	}
	return true;
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
	if (format_wave(w, in, f, &b, soff))
		return;
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

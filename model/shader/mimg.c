/*
 * MIMG for storage images, as RADV uses them on gfx10.3: image_load(_mip),
 * image_store(_mip), image_atomic_*, image_get_resinfo, with integer
 * (unnormalised) coordinates.
 *
 * The T# (isa_gfx10.h TIMG*) gives base, size, format (IMG_FORMAT, whose
 * numbers 0..77 are the buffer formats of buffmt.c), DST_SEL, levels,
 * array range and the swizzle mode.  Only SW_MODE 0 (LINEAR) with one mip
 * level is laid out here: element (x, y, layer) at
 *   base + ((layer * height + y) * pitch + x) * bytes per element,
 * pitch = width rounded up to 256 bytes, as addrlib lays out a gfx10
 * linear surface (Gfx10Lib::ComputeSurfaceInfoLinear: pitch aligned to
 * 256 / bytes per element).  Swizzled modes go through swizzle.c when
 * it lays the mode out (single-level, non-3D images only).  Other
 * swizzled modes, mip chains, a16, formats past 77 and MSAA stop the
 * wave with SHADER_UNSUPPORTED: the model does not guess a layout.
 * Coordinates out of the image (or the view's layers) read 0 and drop
 * stores and atomics (robust storage image access).
 */
#include "buffmt.h"
#include "swizzle.h"
#include "vmem.h"

#define MIMG_PITCH_ALIGN	256	/* bytes, gfx10 linear (see above) */
#define MIMG_OP_RESINFO		14

/* The swizzle modes by number (addrlib inc/addrtypes.h AddrSwizzleMode), for the stop report. */
#define SW_MODE_LIST(X) \
	X(0, "LINEAR") X(1, "256B_S") X(2, "256B_D") X(3, "256B_R") \
	X(4, "4KB_Z") X(5, "4KB_S") X(6, "4KB_D") X(7, "4KB_R") \
	X(8, "64KB_Z") X(9, "64KB_S") X(10, "64KB_D") X(11, "64KB_R") \
	X(12, "VAR_Z") X(13, "VAR_S") X(14, "VAR_D") X(15, "VAR_R") \
	X(16, "64KB_Z_T") X(17, "64KB_S_T") X(18, "64KB_D_T") X(19, "64KB_R_T") \
	X(20, "4KB_Z_X") X(21, "4KB_S_X") X(22, "4KB_D_X") X(23, "4KB_R_X") \
	X(24, "64KB_Z_X") X(25, "64KB_S_X") X(26, "64KB_D_X") X(27, "64KB_R_X") \
	X(28, "VAR_Z_X") X(29, "VAR_S_X") X(30, "VAR_D_X") X(31, "VAR_R_X")
#define SW_MODE_WHY(n, nm)	[n] = "image swizzle mode " #n " (" nm ") not modelled",
static const char *const sw_mode_why[32] = { SW_MODE_LIST(SW_MODE_WHY) };
#undef SW_MODE_WHY

/* What one access needs from the T#. */
struct timg {
	uint64_t base;
	const struct buf_fmt *fmt;
	uint32_t width, height, depth, base_array, w3;
	unsigned sw_mode, type, levels, bpe, pitch;
	bool swz_ok;			/* swizzled, and swz laid out */
	struct swz_layout swz;
};

/* A swizzled image swizzle.c can lay out: one level in all, not 3D. */
static bool
timg_swizzle(const struct shader_wave *w, const uint32_t *d, struct timg *t)
{
	struct swz_surf s = { t->sw_mode, t->bpe, t->width, t->height };

	if (F_GET(d[5], TIMG5_MAX_MIP) != 0 || t->type == SQ_RSRC_IMG_1D + MIMG_DIM_3D)
		return false;
	return swz_layout(&s, w->gb_addr_config, &t->swz) == 0;
}

static void
timg_read(const struct shader_wave *w, unsigned reg, struct timg *t)
{
	const uint32_t *d = &w->sgpr[reg];

	t->base = ((uint64_t)d[0] | (uint64_t)F_GET(d[1], TIMG1_BASE_HI) << 32)
	    << TIMG0_BASE_SHIFT;
	t->fmt = buf_fmt_get(F_GET(d[1], TIMG1_FORMAT));
	t->width = (F_GET(d[1], TIMG1_WIDTH_LO) |
	    F_GET(d[2], TIMG2_WIDTH_HI) << 2) + 1;
	t->height = F_GET(d[2], TIMG2_HEIGHT) + 1;
	t->depth = F_GET(d[4], TIMG4_DEPTH) + 1;
	t->base_array = F_GET(d[4], TIMG4_BASE_ARRAY);
	t->w3 = d[3];
	t->sw_mode = F_GET(d[3], TIMG3_SW_MODE);
	t->type = F_GET(d[3], TIMG3_TYPE);
	t->levels = F_GET(d[3], TIMG3_LAST_LEVEL) + 1 -
	    F_GET(d[3], TIMG3_BASE_LEVEL);
	t->bpe = t->fmt != NULL ? buf_fmt_bytes(t->fmt) : 0;
	t->pitch = t->bpe ? (t->width * t->bpe + MIMG_PITCH_ALIGN - 1) /
	    MIMG_PITCH_ALIGN * MIMG_PITCH_ALIGN / t->bpe : 0;
	t->swz_ok = t->sw_mode != 0 && timg_swizzle(w, d, t);
}

/* The forms and layouts modelled (see the header). */
static bool
mimg_supported(const struct shader_inst *in, const struct timg *t)
{
	unsigned dim = F_GET((uint32_t)in->offset1, MIMG_I_DIM);

	if (in->mods & MOD_TFE)
		return false;
	if (F_GET((uint32_t)in->offset1, MIMG_I_A16))
		return false;
	if (isa_ops[in->op].hw == MIMG_OP_RESINFO)
		return true;
	return t->fmt != NULL && (t->sw_mode == 0 || t->swz_ok) &&
	    t->levels == 1 &&
	    t->type >= SQ_RSRC_IMG_1D && dim < MIMG_DIM_MSAA &&
	    t->pitch != 0;
}

/* Coordinate k of lane l (the address VGPRs decoded into offset). */
static uint32_t
coord(const struct shader_wave *w, const struct shader_inst *in, unsigned k,
    int l)
{
	unsigned reg = ((uint32_t)in->offset >> (8 * k)) & 0xff;

	return w->vgpr[reg][l];
}

/*
 * The element address of lane l, or false when it is outside the image:
 * x, y by DIM; the third coordinate is z (3D), the layer (arrays; cube
 * faces count as layers) or absent; a mip level must be 0.
 */
static bool
texel_va(const struct shader_wave *w, const struct shader_inst *in,
    const struct timg *t, int l, uint64_t *va)
{
	unsigned dim = F_GET((uint32_t)in->offset1, MIMG_I_DIM);
	uint32_t x = coord(w, in, 0, l), y = 0, layer = 0;
	uint64_t blk_mask;
	uint32_t height = dim == MIMG_DIM_1D_ARRAY || dim == MIMG_DIM_1D ?
	    1 : t->height;
	unsigned k = 1;

	if (dim != MIMG_DIM_1D && dim != MIMG_DIM_1D_ARRAY)
		y = coord(w, in, k++, l);
	if (dim == MIMG_DIM_3D || dim == MIMG_DIM_CUBE ||
	    dim == MIMG_DIM_1D_ARRAY || dim == MIMG_DIM_2D_ARRAY)
		layer = coord(w, in, k++, l);
	if (isa_ops[in->op].src[0] && coord(w, in, k, l) != 0)
		return false;		/* only level 0 exists */
	if (dim != MIMG_DIM_3D)
		layer += t->base_array;
	if (x >= t->width || y >= height || layer >= t->depth)
		return false;
	if (t->swz_ok) {
		blk_mask = ((uint64_t)1 << t->swz.blk_log2) - 1;
		*va = (t->base & ~blk_mask) + swz_offset(&t->swz, x, y, layer,
		    (uint32_t)(t->base & blk_mask));
		return true;
	}
	*va = t->base + (((uint64_t)layer * height + y) * t->pitch + x) * t->bpe;
	return true;
}

static uint32_t
one_of(const struct buf_fmt *f)
{
	return buf_fmt_is_int(f) ? 1 : 0x3f800000u;
}

/* Lane l's VDATA from the unpacked channels ch, by DST_SEL and DMASK. */
static void
image_load_put(struct shader_wave *w, const struct shader_inst *in,
    const struct timg *t, int l, const uint32_t ch[4])
{
	unsigned dmask = F_GET((uint32_t)in->offset1, MIMG_I_DMASK), c, n = 0;
	bool d16 = F_GET((uint32_t)in->offset1, MIMG_I_D16);
	uint32_t v, sel, *d;
	float f;

	for (c = 0; c < 4; c++) {
		if (!((dmask >> c) & 1))
			continue;
		sel = (t->w3 >> (TIMG3_DST_SEL_SHIFT * c)) & 7;
		v = sel == SQ_SEL_1 ? one_of(t->fmt) : sel >= SQ_SEL_X ?
		    ch[sel - SQ_SEL_X] : 0;
		if (!d16) {
			w->vgpr[(in->dst.reg + n++) & 0xff][l] = v;
			continue;
		}
		d = &w->vgpr[(in->dst.reg + n / 2) & 0xff][l];
		memcpy(&f, &v, 4);
		v = buf_fmt_is_int(t->fmt) ? v & 0xffff : f32_to_f16(f, false);
		*d = n % 2 ? (*d & 0xffff) | v << 16 : v;
		n++;
	}
}

static void
image_load(struct shader_wave *w, const struct shader_inst *in,
    const struct timg *t, int l, bool in_range, uint64_t va)
{
	uint8_t raw[16] = { 0 };
	uint32_t ch[4] = { 0 };

	if (in_range && !vmem_read(w, in, va, raw, t->bpe))
		return;
	if (in_range)
		buf_fmt_unpack(t->fmt, raw, ch);
	image_load_put(w, in, t, l, ch);
}

/* Lane l's VDATA packed into the element raw (zeroed by the caller). */
static void
image_store_raw(const struct shader_wave *w, const struct shader_inst *in,
    const struct timg *t, int l, uint8_t raw[16])
{
	unsigned dmask = F_GET((uint32_t)in->offset1, MIMG_I_DMASK), n = 0, k;
	uint32_t ch[4] = { 0 }, h;
	float f;

	/* VDATA holds the DMASK channels only, in order (ACO: dmask 1 for R32). */
	for (unsigned c = 0; c < 4; c++) {
		if (!((dmask >> c) & 1))
			continue;
		k = n++;
		if (!F_GET((uint32_t)in->offset1, MIMG_I_D16)) {
			ch[c] = w->vgpr[(in->dst.reg + k) & 0xff][l];
			continue;
		}
		h = w->vgpr[(in->dst.reg + k / 2) & 0xff][l];
		h = k % 2 ? h >> 16 : h & 0xffff;
		if (t->fmt->nfmt == NF_SINT)
			ch[c] = (uint32_t)(int32_t)(int16_t)h;
		else if (t->fmt->nfmt == NF_UINT)
			ch[c] = h;
		else {
			f = f16_to_f32((uint16_t)h);
			memcpy(&ch[c], &f, 4);
		}
	}
	buf_fmt_pack(t->fmt, ch, 4, raw);
}

static void
image_store(struct shader_wave *w, const struct shader_inst *in,
    const struct timg *t, int l, uint64_t va)
{
	uint8_t raw[16] = { 0 };

	image_store_raw(w, in, t, l, raw);
	vmem_write(w, in, va, raw, t->bpe);
}

/* Data in VDATA: {value} or {new, compare}; 32- or 64-bit by the format. */
static void
image_atomic(struct shader_wave *w, const struct shader_inst *in,
    const struct timg *t, int l, bool in_range, uint64_t va)
{
	unsigned dr = in->dst.reg;
	struct atomic_req r;
	uint64_t old = 0;

	r.kind = atomic_kind_of(in, &r.bytes);
	r.bytes = t->bpe;		/* the format's width: R32 or R64 */
	r.data = w->vgpr[dr][l];
	r.data2 = w->vgpr[(dr + t->bpe / 4) & 0xff][l];
	if (t->bpe == 8) {
		r.data |= (uint64_t)w->vgpr[(dr + 1) & 0xff][l] << 32;
		r.data2 = w->vgpr[(dr + 2) & 0xff][l] |
		    (uint64_t)w->vgpr[(dr + 3) & 0xff][l] << 32;
	}
	if (in_range && !atomic_rmw(w, in, ATOMIC_VM, va, &r, &old))
		return;
	if (in->mods & MOD_GLC) {
		w->vgpr[dr][l] = (uint32_t)old;
		if (t->bpe == 8)
			w->vgpr[(dr + 1) & 0xff][l] = (uint32_t)(old >> 32);
	}
}

/*
 * image_get_resinfo at mip level v: width, height (1D arrays: layers),
 * depth (3D) or layers, and the number of levels, per DMASK.
 */
static void
image_resinfo(struct shader_wave *w, const struct shader_inst *in,
    const struct timg *t, int l)
{
	unsigned dmask = F_GET((uint32_t)in->offset1, MIMG_I_DMASK), c, n = 0;
	uint32_t mip = coord(w, in, 0, l), v[4];
	unsigned type = t->type - SQ_RSRC_IMG_1D;

	v[0] = mip < 32 && (t->width >> mip) ? t->width >> mip : 1;
	v[1] = mip < 32 && (t->height >> mip) ? t->height >> mip : 1;
	v[2] = type == MIMG_DIM_3D ? (mip < 32 && (t->depth >> mip) ?
	    t->depth >> mip : 1) : t->depth - t->base_array;
	if (type == MIMG_DIM_1D_ARRAY)
		v[1] = v[2];
	v[3] = t->levels;
	for (c = 0; c < 4; c++)
		if ((dmask >> c) & 1)
			w->vgpr[(in->dst.reg + n++) & 0xff][l] = v[c];
}

/*
 * Loads and stores as a whole wave, when every active lane is inside the
 * image and its element in memory that host_ptr answers for (asked once
 * per 4 KiB span, not per lane through read/write).  The addresses of
 * all lanes are worked out first, so when one of them is not that
 * simple nothing has happened yet and the caller takes the per-lane
 * path, which faults exactly; else the copies run in lane order, as the
 * per-lane path does them, with the same conversions.  Returns true when
 * the instruction was done here.
 */
#define MIMG_SPAN	4096u

/*
 * What a load (not d16) writes to VDATA, worked out once per
 * instruction from DMASK and DST_SEL as image_load_put() does per lane:
 * VGPR k gets channel src[k] of the element, or the constant k[k] when
 * src[k] < 0.
 */
struct load_plan {
	unsigned n;
	int src[4];
	uint32_t k[4];
};

static void
load_plan(const struct shader_inst *in, const struct timg *t,
    struct load_plan *p)
{
	unsigned dmask = F_GET((uint32_t)in->offset1, MIMG_I_DMASK), c, sel;

	p->n = 0;
	for (c = 0; c < 4; c++) {
		if (!((dmask >> c) & 1))
			continue;
		sel = (t->w3 >> (TIMG3_DST_SEL_SHIFT * c)) & 7;
		p->src[p->n] = sel >= SQ_SEL_X ? (int)(sel - SQ_SEL_X) : -1;
		p->k[p->n++] = sel == SQ_SEL_1 ? one_of(t->fmt) : 0;
	}
}

static bool
mimg_wave(struct shader_wave *w, const struct shader_inst *in,
    const struct timg *t)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	bool load = (i->flags & F_LOAD) != 0;
	bool d16 = F_GET((uint32_t)in->offset1, MIMG_I_D16);
	unsigned acc = load ? SHADER_MEM_READ : SHADER_MEM_WRITE, k;
	uint64_t ex = wave_exec(w), m, va, span = UINT64_MAX;
	uint8_t *host = NULL, *p[SHADER_MAX_LANES], raw[16];
	uint32_t ch[4];
	struct load_plan lp;
	int l;

	if (w->mem->host_ptr == NULL || (i->src[2] & MEM_ATOMIC) ||
	    !(i->flags & (F_LOAD | F_STORE)))
		return false;
	for (m = ex; m != 0; m &= m - 1) {
		l = __builtin_ctzll(m);
		if (!texel_va(w, in, t, l, &va) ||
		    (va & (MIMG_SPAN - 1)) + t->bpe > MIMG_SPAN)
			return false;
		if (va / MIMG_SPAN != span) {
			host = w->mem->host_ptr(w->mem_ctx,
			    va & ~(uint64_t)(MIMG_SPAN - 1), MIMG_SPAN, acc);
			if (host == NULL)
				return false;
			span = va / MIMG_SPAN;
		}
		p[l] = host + (va & (MIMG_SPAN - 1));
	}
	load_plan(in, t, &lp);
	for (m = ex; m != 0; m &= m - 1) {
		l = __builtin_ctzll(m);
		memset(raw, 0, sizeof(raw));
		if (!load) {
			image_store_raw(w, in, t, l, raw);
			shader_copy_small(p[l], raw, t->bpe);
			continue;
		}
		shader_copy_small(raw, p[l], t->bpe);
		buf_fmt_unpack(t->fmt, raw, ch);
		if (d16) {
			image_load_put(w, in, t, l, ch);
			continue;
		}
		for (k = 0; k < lp.n; k++)
			w->vgpr[(in->dst.reg + k) & 0xff][l] = lp.src[k] >= 0 ?
			    ch[lp.src[k]] : lp.k[k];
	}
	return true;
}

void
exec_mimg(struct shader_wave *w, const struct shader_inst *in)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	uint64_t ex = wave_exec(w), va = 0;
	struct timg t;
	bool ok;
	int l;

	timg_read(w, in->src[1].reg, &t);
	if (!mimg_supported(in, &t)) {
		wave_stop(w, in, SHADER_UNSUPPORTED);
		if (t.sw_mode != 0 && i->hw != MIMG_OP_RESINFO)
			w->stop.why = swz_mode_supported(t.sw_mode) ?
			    "swizzled image with mip levels or 3D not modelled" :
			    sw_mode_why[t.sw_mode];
		return;
	}
	if ((i->src[2] & MEM_ATOMIC) && (t.bpe != 4 && t.bpe != 8)) {
		wave_stop(w, in, SHADER_UNSUPPORTED);
		return;
	}
	if ((i->flags & F_STORE) && (!buf_fmt_can_store(t.fmt) ||
	    (~F_GET((uint32_t)in->offset1, MIMG_I_DMASK) &
	    ((1u << t.fmt->ncomp) - 1)) != 0)) {
		wave_stop(w, in, SHADER_UNSUPPORTED);
		return;
	}
	if (i->hw != MIMG_OP_RESINFO && mimg_wave(w, in, &t))
		return;
	for (l = 0; l < (int)w->nlanes; l++) {
		if (!((ex >> l) & 1))
			continue;
		if (i->hw == MIMG_OP_RESINFO) {
			image_resinfo(w, in, &t, l);
			continue;
		}
		ok = texel_va(w, in, &t, l, &va);
		if (i->src[2] & MEM_ATOMIC)
			image_atomic(w, in, &t, l, ok, va);
		else if (i->flags & F_LOAD)
			image_load(w, in, &t, l, ok, va);
		else if (ok)
			image_store(w, in, &t, l, va);
		if (w->stop.status != SHADER_RUNNING)
			return;
	}
}

/*
 * LDS (DS) and vector memory (MUBUF, GLOBAL, FLAT) for one wave.
 *
 * LDS is the caller's buffer: an access past lds_size reads 0 and drops
 * writes (ISA guide §10.3 "LDS ... out-of-range").  Vector memory goes
 * through shader_mem_ops lane by lane in lane order, which also orders
 * atomics of one wave; a failed access stops the wave (SHADER_FAULT).
 * MUBUF addressing and range checking: ISA guide §8.1 (buffer address
 * = base + SOFFSET + offset + stride * index; loads out of range read 0,
 * stores and atomics out of range are dropped).
 */
#include "interp.h"
#include "mem.h"

/* ---- LDS ---- */

static void
lds_read(const struct shader_wave *w, uint32_t addr, void *dst, unsigned len)
{
	if (w->lds == NULL || (uint64_t)addr + len > w->lds_size)
		memset(dst, 0, len);
	else
		memcpy(dst, w->lds + addr, len);
}

static void
lds_write(struct shader_wave *w, uint32_t addr, const void *src, unsigned len)
{
	if (w->lds != NULL && (uint64_t)addr + len <= w->lds_size)
		memcpy(w->lds + addr, src, len);
}

static uint32_t
atomic_op(unsigned op, uint32_t old, uint32_t d, uint32_t cmp)
{
	float f;

	(void)cmp;
	switch (op) {
	case ISA_OP_DS_ADD_U32: case ISA_OP_DS_ADD_RTN_U32:
	case ISA_OP_BUFFER_ATOMIC_ADD: case ISA_OP_GLOBAL_ATOMIC_ADD:
	case ISA_OP_FLAT_ATOMIC_ADD:
		return old + d;
	case ISA_OP_DS_SUB_U32: case ISA_OP_DS_SUB_RTN_U32:
	case ISA_OP_BUFFER_ATOMIC_SUB: case ISA_OP_GLOBAL_ATOMIC_SUB:
	case ISA_OP_FLAT_ATOMIC_SUB:
		return old - d;
	case ISA_OP_DS_MIN_I32: case ISA_OP_DS_MIN_RTN_I32:
	case ISA_OP_BUFFER_ATOMIC_SMIN: case ISA_OP_GLOBAL_ATOMIC_SMIN:
	case ISA_OP_FLAT_ATOMIC_SMIN:
		return (int32_t)d < (int32_t)old ? d : old;
	case ISA_OP_DS_MAX_I32: case ISA_OP_DS_MAX_RTN_I32:
	case ISA_OP_BUFFER_ATOMIC_SMAX: case ISA_OP_GLOBAL_ATOMIC_SMAX:
	case ISA_OP_FLAT_ATOMIC_SMAX:
		return (int32_t)d > (int32_t)old ? d : old;
	case ISA_OP_DS_MIN_U32: case ISA_OP_DS_MIN_RTN_U32:
	case ISA_OP_BUFFER_ATOMIC_UMIN: case ISA_OP_GLOBAL_ATOMIC_UMIN:
	case ISA_OP_FLAT_ATOMIC_UMIN:
		return d < old ? d : old;
	case ISA_OP_DS_MAX_U32: case ISA_OP_DS_MAX_RTN_U32:
	case ISA_OP_BUFFER_ATOMIC_UMAX: case ISA_OP_GLOBAL_ATOMIC_UMAX:
	case ISA_OP_FLAT_ATOMIC_UMAX:
		return d > old ? d : old;
	case ISA_OP_DS_AND_B32: case ISA_OP_DS_AND_RTN_B32:
	case ISA_OP_BUFFER_ATOMIC_AND: case ISA_OP_GLOBAL_ATOMIC_AND:
	case ISA_OP_FLAT_ATOMIC_AND:
		return old & d;
	case ISA_OP_DS_OR_B32: case ISA_OP_DS_OR_RTN_B32:
	case ISA_OP_BUFFER_ATOMIC_OR: case ISA_OP_GLOBAL_ATOMIC_OR:
	case ISA_OP_FLAT_ATOMIC_OR:
		return old | d;
	case ISA_OP_DS_XOR_B32: case ISA_OP_DS_XOR_RTN_B32:
	case ISA_OP_BUFFER_ATOMIC_XOR: case ISA_OP_GLOBAL_ATOMIC_XOR:
	case ISA_OP_FLAT_ATOMIC_XOR:
		return old ^ d;
	case ISA_OP_BUFFER_ATOMIC_INC: case ISA_OP_GLOBAL_ATOMIC_INC:
	case ISA_OP_FLAT_ATOMIC_INC:
		return old >= d ? 0 : old + 1;
	case ISA_OP_BUFFER_ATOMIC_DEC: case ISA_OP_GLOBAL_ATOMIC_DEC:
	case ISA_OP_FLAT_ATOMIC_DEC:
		return old == 0 || old > d ? d : old - 1;
	case ISA_OP_BUFFER_ATOMIC_CMPSWAP: case ISA_OP_GLOBAL_ATOMIC_CMPSWAP:
	case ISA_OP_FLAT_ATOMIC_CMPSWAP:
		return old == cmp ? d : old;
	case ISA_OP_DS_ADD_F32:
		memcpy(&f, &old, 4);
		{
			float g;

			memcpy(&g, &d, 4);
			f += g;
		}
		memcpy(&old, &f, 4);
		return old;
	}
	return d;		/* swap / wrxchg */
}

/* ds_swizzle_b32 (ISA guide DS_SWIZZLE_B32): quad or bit-mask mode. */
static int
swizzle_lane(uint32_t pat, int l)
{
	unsigned and_m = pat & 0x1f, or_m = (pat >> 5) & 0x1f;
	unsigned xor_m = (pat >> 10) & 0x1f;

	if (pat & 0x8000)
		return (l & ~3) | (int)((pat >> (2 * (l & 3))) & 3);
	return (l & 0x20) | (int)((((unsigned)l & and_m) | or_m) ^ xor_m);
}

static void
ds_cross_lane(struct shader_wave *w, const struct shader_inst *in,
    uint64_t ex)
{
	uint32_t *addr = w->vgpr[in->src[0].reg], *d = w->vgpr[in->dst.reg];
	uint32_t res[NL] = { 0 }, pat = in->offset | in->offset1 << 8;
	const uint32_t *data;
	int l, s;

	if (in->op == ISA_OP_DS_SWIZZLE_B32) {
		data = addr;
		for (l = 0; l < (int)w->nlanes; l++) {
			s = swizzle_lane(pat, l);
			res[l] = (ex >> s) & 1 ? data[s] : 0;
		}
	} else {
		data = w->vgpr[in->src[1].reg];
		for (l = 0; l < (int)w->nlanes; l++) {
			if (!((ex >> l) & 1))
				continue;
			s = (int)(((addr[l] + pat) >> 2) & (w->nlanes - 1));
			if (in->op == ISA_OP_DS_PERMUTE_B32)
				res[s] = data[l];	/* push to lane s */
			else
				res[l] = (ex >> s) & 1 ? data[s] : 0; /* pull */
		}
	}
	for (l = 0; l < (int)w->nlanes; l++)
		if ((ex >> l) & 1)
			d[l] = res[l];
}

/* Element size of the two-address forms and their offset unit. */
static unsigned
ds2_unit(unsigned op, unsigned *esize)
{
	*esize = (op == ISA_OP_DS_READ2_B64 || op == ISA_OP_DS_WRITE2_B64) ? 8 : 4;
	if (op == ISA_OP_DS_READ2ST64_B32 || op == ISA_OP_DS_WRITE2ST64_B32)
		return 256;
	return *esize;
}

static bool
is_ds2(unsigned op)
{
	return op == ISA_OP_DS_READ2_B32 || op == ISA_OP_DS_READ2ST64_B32 ||
	    op == ISA_OP_DS_READ2_B64 || op == ISA_OP_DS_WRITE2_B32 ||
	    op == ISA_OP_DS_WRITE2ST64_B32 || op == ISA_OP_DS_WRITE2_B64;
}

static void
ds_lane2(struct shader_wave *w, const struct shader_inst *in, int l,
    uint32_t base)
{
	unsigned es, unit = ds2_unit(in->op, &es), n = es / 4, k;
	uint32_t a0 = base + in->offset * unit, a1 = base + in->offset1 * unit;
	uint32_t buf[4];

	if (isa_ops[in->op].flags & F_LOAD) {
		lds_read(w, a0, buf, es);
		lds_read(w, a1, buf + n, es);
		for (k = 0; k < 2 * n; k++)
			w->vgpr[in->dst.reg + k][l] = buf[k];
		return;
	}
	for (k = 0; k < n; k++) {
		buf[k] = w->vgpr[in->src[1].reg + k][l];
		buf[n + k] = w->vgpr[in->src[2].reg + k][l];
	}
	lds_write(w, a0, buf, es);
	lds_write(w, a1, buf + n, es);
}

static void
ds_load(struct shader_wave *w, const struct shader_inst *in, int l,
    uint32_t a)
{
	uint32_t buf[4] = { 0 };
	unsigned n = isa_ops[in->op].src[0], k;

	switch (in->op) {
	case ISA_OP_DS_READ_U8: lds_read(w, a, buf, 1); break;
	case ISA_OP_DS_READ_I8:
		lds_read(w, a, buf, 1);
		buf[0] = (uint32_t)(int8_t)buf[0];
		break;
	case ISA_OP_DS_READ_U16: lds_read(w, a, buf, 2); break;
	case ISA_OP_DS_READ_I16:
		lds_read(w, a, buf, 2);
		buf[0] = (uint32_t)(int16_t)buf[0];
		break;
	default: lds_read(w, a, buf, 4 * n); break;
	}
	for (k = 0; k < n; k++)
		w->vgpr[in->dst.reg + k][l] = buf[k];
}

static void
ds_store_or_atomic(struct shader_wave *w, const struct shader_inst *in,
    int l, uint32_t a)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	uint32_t buf[4], old = 0;
	unsigned n = i->src[0], k;

	for (k = 0; k < n; k++)
		buf[k] = w->vgpr[in->src[1].reg + k][l];
	switch (in->op) {
	case ISA_OP_DS_WRITE_B8: lds_write(w, a, buf, 1); return;
	case ISA_OP_DS_WRITE_B16: lds_write(w, a, buf, 2); return;
	case ISA_OP_DS_WRITE_B32: case ISA_OP_DS_WRITE_B64:
	case ISA_OP_DS_WRITE_B96: case ISA_OP_DS_WRITE_B128:
		lds_write(w, a, buf, 4 * n);
		return;
	}
	lds_read(w, a, &old, 4);
	buf[1] = atomic_op(in->op, old, buf[0], 0);
	lds_write(w, a, &buf[1], 4);
	if (i->flags & F_RTN)
		w->vgpr[in->dst.reg][l] = old;
}

void
exec_ds(struct shader_wave *w, const struct shader_inst *in)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	uint64_t ex = wave_exec(w);
	uint32_t base;
	int l;

	if (in->mods & MOD_GDS) {
		wave_stop(w, in, SHADER_UNSUPPORTED);	/* no GDS in the model */
		return;
	}
	if (in->op == ISA_OP_DS_SWIZZLE_B32 || in->op == ISA_OP_DS_PERMUTE_B32 ||
	    in->op == ISA_OP_DS_BPERMUTE_B32) {
		ds_cross_lane(w, in, ex);
		return;
	}
	for (l = 0; l < (int)w->nlanes; l++) {
		if (!((ex >> l) & 1))
			continue;
		base = w->vgpr[in->src[0].reg][l];
		if (is_ds2(in->op))
			ds_lane2(w, in, l, base);
		else if (i->flags & F_LOAD)
			ds_load(w, in, l, base + (in->offset | in->offset1 << 8));
		else
			ds_store_or_atomic(w, in, l,
			    base + (in->offset | in->offset1 << 8));
	}
}

/* ---- vector memory through mem_ops ---- */

/* Bytes of one element: sub-dword loads/stores or n dwords. */
static unsigned
elem_bytes(const struct isa_op_info *i)
{
	return i->src[1] ? i->src[1] : 4u * i->src[0];
}

/* MUBUF keeps store/atomic data in VDATA (dst); FLAT in DATA (src1). */
static unsigned
data_reg(const struct shader_inst *in)
{
	return in->fmt == FMT_MUBUF ? in->dst.reg : in->src[1].reg;
}

/* A memory atomic's operands, for shader_mem_rmw (mem.c). */
struct rmw_arg {
	unsigned op;
	uint32_t d, cmp;
};

static uint64_t
rmw_apply(const void *arg, uint64_t old)
{
	const struct rmw_arg *r = arg;

	return atomic_op(r->op, (uint32_t)old, r->d, r->cmp);
}

/*
 * One lane's load, store or atomic at va; `keep` is a per-dword mask of
 * the in-range dwords (MUBUF range checking), all ones otherwise.
 * Returns false after a fault (the wave is stopped).
 */
static bool
vmem_lane(struct shader_wave *w, const struct shader_inst *in, int l,
    uint64_t va, unsigned keep)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	unsigned n = i->src[0], bytes = elem_bytes(i), k;
	uint32_t buf[4] = { 0 };
	struct rmw_arg rmw;
	uint64_t old;
	bool fault_write;

	if (i->flags & F_LOAD) {
		if (keep == (1u << n) - 1 &&
		    w->mem->read(w->mem_ctx, va, buf, bytes) != 0) {
			wave_fault(w, in, va, false);
			return false;
		}
		for (k = 0; k < n && keep != (1u << n) - 1; k++)
			if (((keep >> k) & 1) &&
			    w->mem->read(w->mem_ctx, va + 4 * k, &buf[k], 4) != 0) {
				wave_fault(w, in, va + 4 * k, false);
				return false;
			}
		if (i->src[1] == 1)
			buf[0] = i->src[2] ? (uint32_t)(int8_t)buf[0] : buf[0] & 0xff;
		if (i->src[1] == 2)
			buf[0] = i->src[2] ? (uint32_t)(int16_t)buf[0] : buf[0] & 0xffff;
		for (k = 0; k < n; k++)
			w->vgpr[in->dst.reg + k][l] = buf[k];
		return true;
	}
	for (k = 0; k < n; k++)
		buf[k] = w->vgpr[data_reg(in) + k][l];
	if (i->flags & F_STORE) {
		for (k = 0; k < n; k++) {
			unsigned len = bytes < 4 ? bytes : 4;

			if (((keep >> k) & 1) &&
			    w->mem->write(w->mem_ctx, va + 4 * k, &buf[k], len) != 0) {
				wave_fault(w, in, va + 4 * k, true);
				return false;
			}
		}
		return true;
	}
	/* atomic: read-modify-write; cmpswap data = { src, cmp } */
	if (!(keep & 1))
		return true;
	rmw = (struct rmw_arg){ in->op, buf[0], buf[1] };
	if (shader_mem_rmw(w, va, 4, rmw_apply, &rmw, &old, &fault_write) != 0) {
		wave_fault(w, in, va, fault_write);
		return false;
	}
	if (in->mods & MOD_GLC)
		w->vgpr[in->dst.reg][l] = (uint32_t)old;
	return true;
}

/* The V# fields MUBUF uses (isa_gfx10.h VBUF*). */
struct vbuf {
	uint64_t base;
	uint32_t stride, records;
	unsigned oob;
	bool add_tid;
};

static struct vbuf
vbuf_read(const struct shader_wave *w, unsigned reg)
{
	const uint32_t *d = &w->sgpr[reg];

	return (struct vbuf){
		.base = d[0] | (uint64_t)F_GET(d[1], VBUF1_BASE_HI) << 32,
		.stride = F_GET(d[1], VBUF1_STRIDE),
		.records = d[2],
		.oob = F_GET(d[3], VBUF3_OOB_SELECT),
		.add_tid = F_GET(d[3], VBUF3_ADD_TID),
	};
}

/*
 * Which dwords of an element at (index, offset) are in range, by
 * OOB_SELECT (ISA guide §8.1.5; Mesa ac_build_buffer_descriptor):
 *   raw (3): offset + 4k + 4 <= NUM_RECORDS (bytes), per dword;
 *   structured (1): index < NUM_RECORDS;
 *   structured with offset (0): index < NUM_RECORDS and offset < stride;
 *   disabled (2): always in range.
 */
static unsigned
vbuf_keep(const struct vbuf *b, uint32_t index, uint64_t offset, unsigned n,
    unsigned bytes)
{
	unsigned keep = 0, k, len = bytes < 4 ? bytes : 4;

	switch (b->oob) {
	case OOB_RAW:
		for (k = 0; k < n; k++)
			if (offset + 4 * k + len <= b->records)
				keep |= 1u << k;
		return keep;
	case OOB_STRUCTURED:
		return index < b->records ? (1u << n) - 1 : 0;
	case OOB_STRUCTURED_OFFSET:
		return index < b->records && offset < b->stride ?
		    (1u << n) - 1 : 0;
	default:
		return (1u << n) - 1;
	}
}

void
exec_mubuf(struct shader_wave *w, const struct shader_inst *in)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	struct vbuf b = vbuf_read(w, in->src[1].reg);
	uint64_t ex = wave_exec(w), offset, va;
	uint32_t soff = sread32(w, &in->src[2]), index;
	const uint32_t *v0 = w->vgpr[in->src[0].reg];
	const uint32_t *v1 = w->vgpr[(in->src[0].reg + 1) & 0xff];
	unsigned keep, n = i->src[0];
	int l;

	if (n == 0)
		return;			/* buffer_gl0_inv / gl1_inv */
	if (in->mods & (MOD_LDS | MOD_TFE)) {
		wave_stop(w, in, SHADER_UNSUPPORTED);
		return;
	}
	for (l = 0; l < (int)w->nlanes; l++) {
		if (!((ex >> l) & 1))
			continue;
		index = (in->mods & MOD_IDXEN) ? v0[l] : 0;
		index += b.add_tid ? (uint32_t)l : 0;
		offset = (uint64_t)in->offset + (!(in->mods & MOD_OFFEN) ? 0 :
		    (in->mods & MOD_IDXEN) ? v1[l] : v0[l]);
		va = b.base + soff + offset + (uint64_t)b.stride * index;
		keep = vbuf_keep(&b, index, offset, n, elem_bytes(i));
		if (keep == 0 && (i->flags & F_LOAD)) {
			for (unsigned k = 0; k < n; k++)
				w->vgpr[in->dst.reg + k][l] = 0;
			continue;
		}
		if (!vmem_lane(w, in, l, va, keep))
			return;
	}
}

/*
 * GLOBAL: SADDR (64-bit SGPR pair) + VADDR (32-bit offset), or a 64-bit
 * VADDR when SADDR is off; plus the signed instruction offset.  FLAT is
 * treated as GLOBAL: the LDS and scratch apertures are not modelled yet.
 */
void
exec_flat(struct shader_wave *w, const struct shader_inst *in)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	uint64_t ex = wave_exec(w), va, sbase = 0;
	const uint32_t *a0 = w->vgpr[in->src[0].reg];
	const uint32_t *a1 = w->vgpr[(in->src[0].reg + 1) & 0xff];
	bool saddr = in->src[2].kind != OPK_NONE;
	int l;

	if (in->mods & MOD_LDS) {
		wave_stop(w, in, SHADER_UNSUPPORTED);
		return;
	}
	if (saddr)
		sbase = sread64(w, &in->src[2]);
	for (l = 0; l < (int)w->nlanes; l++) {
		if (!((ex >> l) & 1))
			continue;
		va = saddr ? sbase + a0[l] : (a0[l] | (uint64_t)a1[l] << 32);
		va += (uint64_t)(int64_t)in->offset;
		if (!vmem_lane(w, in, l, va, (1u << i->src[0]) - 1))
			return;
	}
}

/*
 * Vector memory (MUBUF, GLOBAL, FLAT, SCRATCH) for one wave.
 *
 * Every access goes through shader_mem_ops lane by lane in lane order,
 * which also orders the atomics of one wave (atomic.c); a failed access
 * stops the wave (SHADER_FAULT).
 * MUBUF addressing and range checking: ISA guide §8.1 (buffer address
 * = base + SOFFSET + offset + stride * index; loads out of range read 0,
 * stores and atomics out of range are dropped).
 */
#include "vmem.h"

/* Bytes of one element: sub-dword loads/stores or n dwords. */
static unsigned
elem_bytes(const struct isa_op_info *i)
{
	return i->src[1] ? i->src[1] : 4u * i->src[0];
}

/* Dwords of memory one lane touches (atomics: the width, not the data). */
static unsigned
access_dwords(const struct shader_inst *in)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	unsigned bytes;

	if (i->src[2] & MEM_ATOMIC) {
		atomic_kind_of(in, &bytes);
		return bytes / 4;
	}
	return i->src[0];
}

/* MUBUF keeps store/atomic data in VDATA (dst); FLAT in DATA (src1). */
static unsigned
data_reg(const struct shader_inst *in)
{
	return in->fmt == FMT_MUBUF ? in->dst.reg : in->src[1].reg;
}

/*
 * Where one lane's dwords go: va[k] for dword k (contiguous, except in
 * swizzled buffers and scratch), and `keep`, the mask of the in-range
 * dwords (MUBUF range checking; all ones otherwise).
 */
struct lane_va {
	uint64_t va[4];
	unsigned keep;
};

static inline void
lane_va_linear(struct lane_va *a, uint64_t va, unsigned n, unsigned keep)
{
	for (unsigned k = 0; k < n; k++)
		a->va[k] = va + 4 * k;
	a->keep = keep;
}

/*
 * The per-lane accessors return false after a fault (the wave is
 * stopped).  Dwords out of range read 0 and are not written.
 */
static bool
vmem_load(struct shader_wave *w, const struct shader_inst *in, int l,
    const struct lane_va *a)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	unsigned n = i->src[0], all = (1u << n) - 1, k;
	uint32_t buf[4] = { 0 }, *d = &w->vgpr[in->dst.reg][l];
	bool whole = a->keep == all && a->va[n - 1] == a->va[0] + 4 * (n - 1);

	if (whole && !vmem_read(w, in, a->va[0], buf, elem_bytes(i)))
		return false;
	for (k = 0; k < n && !whole; k++)
		if (((a->keep >> k) & 1) && !vmem_read(w, in, a->va[k], &buf[k],
		    i->src[1] ? i->src[1] : 4))
			return false;
	if (i->src[1] != 0) {		/* bytes, shorts, d16 forms */
		*d = mem_subdword(*d, buf[0], i->src[1], i->src[2]);
		return true;
	}
	for (k = 0; k < n; k++)
		w->vgpr[in->dst.reg + k][l] = buf[k];
	return true;
}

static bool
vmem_store(struct shader_wave *w, const struct shader_inst *in, int l,
    const struct lane_va *a)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	unsigned n = i->src[0], len = i->src[1] ? i->src[1] : 4, k;
	uint32_t v;

	for (k = 0; k < n; k++) {
		v = w->vgpr[data_reg(in) + k][l];
		if (i->src[2] & MEM_D16_HI)
			v >>= 16;
		if (((a->keep >> k) & 1) && !vmem_write(w, in, a->va[k], &v, len))
			return false;
	}
	return true;
}

/*
 * Data = { operand } or, for (f)cmpswap, { new value, compare value },
 * each 1 or 2 dwords; with GLC the pre-op value returns to the first
 * dwords of VDST (MUBUF: of VDATA).  Range checking is all or nothing
 * (ISA guide §8.1.5); out of range, nothing is written and a returning
 * atomic returns 0, as out-of-range reads do.
 */
static bool
vmem_atomic(struct shader_wave *w, const struct shader_inst *in, int l,
    const struct lane_va *a)
{
	struct atomic_req r;
	unsigned dr = data_reg(in), nd;
	uint64_t old = 0;

	r.kind = atomic_kind_of(in, &r.bytes);
	nd = r.bytes / 4;
	if (a->keep != (1u << nd) - 1)
		goto ret;
	r.data = w->vgpr[dr][l];
	r.data2 = w->vgpr[(dr + nd) & 0xff][l];
	if (nd == 2) {
		r.data |= (uint64_t)w->vgpr[(dr + 1) & 0xff][l] << 32;
		r.data2 = w->vgpr[(dr + 2) & 0xff][l] |
		    (uint64_t)w->vgpr[(dr + 3) & 0xff][l] << 32;
	}
	if (!atomic_rmw(w, in, ATOMIC_VM, a->va[0], &r, &old))
		return false;
ret:
	if (in->mods & MOD_GLC) {
		w->vgpr[in->dst.reg][l] = (uint32_t)old;
		if (nd == 2)
			w->vgpr[(in->dst.reg + 1) & 0xff][l] = (uint32_t)(old >> 32);
	}
	return true;
}

static bool
vmem_lane(struct shader_wave *w, const struct shader_inst *in, int l,
    const struct lane_va *a)
{
	const struct isa_op_info *i = &isa_ops[in->op];

	if (i->flags & F_LOAD)
		return vmem_load(w, in, l, a);
	if (i->src[2] & MEM_ATOMIC)
		return vmem_atomic(w, in, l, a);
	return vmem_store(w, in, l, a);
}

/* An atomic opcode whose operation atomic.c does not know stops the wave. */
static bool
vmem_supported(struct shader_wave *w, const struct shader_inst *in)
{
	unsigned bytes;

	if ((in->mods & (MOD_LDS | MOD_TFE)) ||
	    ((isa_ops[in->op].src[2] & MEM_ATOMIC) &&
	    atomic_kind_of(in, &bytes) == ATOM_NONE)) {
		wave_stop(w, in, SHADER_UNSUPPORTED);
		return false;
	}
	return true;
}

/*
 * The common MUBUF case as a whole wave: loads and stores to a linear
 * buffer, every active lane in range and in memory that host_ptr
 * answers for (asked once per 4 KiB span, not per lane through
 * read/write).  The addresses of all lanes are checked first, so when
 * one of them is not that simple nothing has happened yet and the
 * caller takes the per-lane path, which faults exactly; else the copies
 * run in lane order, as the per-lane path does them, with the same
 * sub-dword rules (mem_subdword, D16_HI).  The loops visit the active
 * lanes only (one-lane waves are common: grid_wide).  Returns true when
 * the instruction was done here.
 */
#define FAST_SPAN	4096u

static bool
mubuf_wave(struct shader_wave *w, const struct shader_inst *in,
    const struct vbuf *b, uint32_t soff, unsigned n)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	bool load = (i->flags & F_LOAD) != 0;
	unsigned all = (1u << n) - 1, bytes = elem_bytes(i), reg, k;
	unsigned len = i->src[1] ? i->src[1] : 4, acc = load ?
	    SHADER_MEM_READ : SHADER_MEM_WRITE;
	uint64_t ex = wave_exec(w), m, offset, va, span = UINT64_MAX;
	uint8_t *host = NULL, *p[SHADER_MAX_LANES];
	uint32_t index, v;
	int l;

	if (b->swizzle || w->mem->host_ptr == NULL ||
	    (i->src[2] & MEM_ATOMIC) || !(i->flags & (F_LOAD | F_STORE)))
		return false;
	for (m = ex; m != 0; m &= m - 1) {
		l = __builtin_ctzll(m);
		vbuf_lane(w, in, b, l, &index, &offset);
		if (vbuf_keep(b, index, offset, n, bytes) != all)
			return false;
		va = b->base + soff + vbuf_offset(b, index, offset, 0);
		if ((va & (FAST_SPAN - 1)) + bytes > FAST_SPAN)
			return false;
		if (va / FAST_SPAN != span) {
			host = w->mem->host_ptr(w->mem_ctx,
			    va & ~(uint64_t)(FAST_SPAN - 1), FAST_SPAN, acc);
			if (host == NULL)
				return false;
			span = va / FAST_SPAN;
		}
		p[l] = host + (va & (FAST_SPAN - 1));
	}
	reg = load ? in->dst.reg : data_reg(in);
	for (m = ex; m != 0; m &= m - 1) {
		l = __builtin_ctzll(m);
		if (load && i->src[1] != 0) {	/* bytes, shorts, d16 forms */
			v = 0;
			memcpy(&v, p[l], len);
			w->vgpr[reg][l] = mem_subdword(w->vgpr[reg][l], v,
			    i->src[1], i->src[2]);
			continue;
		}
		for (k = 0; k < n; k++) {
			if (load) {
				memcpy(&w->vgpr[reg + k][l], p[l] + 4 * k, 4);
				continue;
			}
			v = w->vgpr[reg + k][l];
			if (i->src[2] & MEM_D16_HI)
				v >>= 16;
			memcpy(p[l] + 4 * k, &v, len);
		}
	}
	return true;
}

void
exec_mubuf(struct shader_wave *w, const struct shader_inst *in)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	struct vbuf b = vbuf_read(w, in->src[1].reg);
	uint64_t ex = wave_exec(w), offset, va;
	uint32_t soff = sread32(w, &in->src[2]), index;
	unsigned n = i->src[0], k;
	struct lane_va a;
	int l;

	if (n == 0)
		return;			/* buffer_gl0_inv / gl1_inv */
	if (i->src[2] & MEM_FORMAT) {
		exec_buffer_format(w, in, F_GET(w->sgpr[in->src[1].reg + 3],
		    VBUF3_FORMAT));
		return;
	}
	if (!vmem_supported(w, in))
		return;
	n = access_dwords(in);
	if (mubuf_wave(w, in, &b, soff, n))
		return;
	for (l = 0; l < (int)w->nlanes; l++) {
		if (!((ex >> l) & 1))
			continue;
		vbuf_lane(w, in, &b, l, &index, &offset);
		va = b.base + soff;
		if (!b.swizzle)		/* contiguous dwords: the common case */
			lane_va_linear(&a, va + vbuf_offset(&b, index, offset, 0),
			    n, 0);
		else
			for (k = 0; k < n; k++)
				a.va[k] = va + vbuf_offset(&b, index, offset, k);
		a.keep = vbuf_keep(&b, index, offset, n, elem_bytes(i));
		if (!vmem_lane(w, in, l, &a))
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
	uint64_t ex = wave_exec(w), va, sbase = 0;
	struct lane_va a;
	const uint32_t *a0 = w->vgpr[in->src[0].reg];
	const uint32_t *a1 = w->vgpr[(in->src[0].reg + 1) & 0xff];
	bool saddr = in->src[2].kind != OPK_NONE;
	unsigned n = access_dwords(in);
	int l;

	if (!vmem_supported(w, in))
		return;
	if (saddr)
		sbase = sread64(w, &in->src[2]);
	for (l = 0; l < (int)w->nlanes; l++) {
		if (!((ex >> l) & 1))
			continue;
		va = saddr ? sbase + a0[l] : (a0[l] | (uint64_t)a1[l] << 32);
		va += (uint64_t)(int64_t)in->offset;
		lane_va_linear(&a, va, n, (1u << n) - 1);
		if (!vmem_lane(w, in, l, &a))
			return;
	}
}

/*
 * SCRATCH: per-lane private memory at the wave's FLAT_SCRATCH base.  The
 * offset is SADDR (one SGPR), or VADDR when SADDR is NULL, or nothing
 * (SADDR 0x7f), plus the signed instruction offset.  The hardware
 * interleaves the lanes' dwords, so that all lanes at one private address
 * touch consecutive dwords (LLVM AMDGPUUsage "Private Segment": scratch
 * is accessed "in an interleaved manner"): dword d of
 * lane l is at base + (d * wave size + l) * 4, the layout of the
 * swizzled scratch ring (vbuf_offset, index stride = wave size).  This
 * keeps a wave inside its TMPRING_SIZE.WAVESIZE slot, which RADV sizes
 * as bytes per lane x wave size.  FLAT_SCR_HI holds VA bits 47:32; ACO
 * fills its upper bits with ones (p_init_scratch), the model ignores them.
 */
#define SCRATCH_VA_MASK		((1ull << 48) - 1)

void
exec_scratch(struct shader_wave *w, const struct shader_inst *in)
{
	uint64_t ex = wave_exec(w), base = w->flat_scratch & SCRATCH_VA_MASK;
	uint32_t off, o, soff = 0;
	unsigned n = isa_ops[in->op].src[0], k;
	struct lane_va a;
	int l;

	if (!vmem_supported(w, in))
		return;
	if (in->src[2].kind != OPK_NONE)
		soff = sread32(w, &in->src[2]);
	a.keep = (1u << n) - 1;
	for (l = 0; l < (int)w->nlanes; l++) {
		if (!((ex >> l) & 1))
			continue;
		off = soff + (uint32_t)in->offset;
		if (in->src[0].kind == OPK_VGPR)
			off += w->vgpr[in->src[0].reg][l];
		for (k = 0; k < n; k++) {
			o = off + 4 * k;
			a.va[k] = base + ((uint64_t)(o / 4) * w->nlanes +
			    (unsigned)l) * 4 + o % 4;
		}
		if (!vmem_lane(w, in, l, &a))
			return;
	}
}

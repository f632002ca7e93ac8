/*
 * LDS (DS instructions) for one wave.
 *
 * LDS is the workgroup's buffer, w->lds of w->lds_size bytes (the
 * allocation RSRC2.LDS_SIZE asked for).  From gfx9 on a DS address is
 * checked against that allocation, not against M0 (LLVM GCNSubtarget.h
 * ldsRequiresM0Init() is true only before GFX9; ACO never sets M0 for
 * LDS on gfx10): a read out of range returns 0, a write is dropped,
 * per dword for the multi-dword forms (as buffer range checking does,
 * ISA guide §8.1.5).  Lanes run in lane order, which makes LDS atomics
 * of one wave well-defined.  Field meanings: isa_gfx10.h ISA_DS_LIST.
 */
#include "vmem.h"

/* ---- LDS accessors ---- */

static bool
lds_in_range(const struct shader_wave *w, uint32_t addr, unsigned len)
{
	return w->lds != NULL && (uint64_t)addr + len <= w->lds_size;
}

/* Reads len bytes; each dword (or the whole sub-dword access) out of range reads 0. */
void
lds_read(const struct shader_wave *w, uint32_t addr, void *dst, unsigned len)
{
	uint8_t *d = dst;
	unsigned k, n;

	for (k = 0; k < len; k += n) {
		n = len - k < 4 ? len - k : 4;
		if (lds_in_range(w, addr + k, n))
			memcpy(d + k, w->lds + addr + k, n);
		else
			memset(d + k, 0, n);
	}
}

void
lds_write(struct shader_wave *w, uint32_t addr, const void *src, unsigned len)
{
	const uint8_t *s = src;
	unsigned k, n;

	for (k = 0; k < len; k += n) {
		n = len - k < 4 ? len - k : 4;
		if (lds_in_range(w, addr + k, n))
			memcpy(w->lds + addr + k, s + k, n);
	}
}

/* ---- cross-lane: ds_swizzle_b32, ds_permute_b32, ds_bpermute_b32 ---- */

/*
 * ds_swizzle_b32's source lane for lane l, or -1 for a mode not modelled.
 * OFFSET (LLVM SIDefines.h namespace Swizzle): [15:8] = 0x80 quad
 * permute of [7:0]; [15] = 0 bit-mask mode (and [4:0], or [9:5], xor
 * [14:10]); [15:12] = 0xc rotate by [9:5] lanes, [10] the direction (0:
 * lane l reads lane l + size); 0xe FFT.  All within groups of 32 lanes
 * (gfx10 runs a wave64 as two halves).
 */
static int
swizzle_lane(uint32_t pat, int l)
{
	unsigned and_m = pat & 0x1f, or_m = (pat >> 5) & 0x1f;
	unsigned xor_m = (pat >> 10) & 0x1f, size = (pat >> 5) & 0x1f;
	int half = l & 0x20;

	if ((pat & 0xff00) == 0x8000)
		return (l & ~3) | (int)((pat >> (2 * (l & 3))) & 3);
	if ((pat & 0xf000) == 0xc000)
		return half | (int)(((pat & 0x400) ? (unsigned)l - size :
		    (unsigned)l + size) & 31);
	if (pat & 0x8000)
		return -1;
	return half | (int)((((unsigned)l & and_m) | or_m) ^ xor_m);
}

/*
 * Swizzle, permute (push) and bpermute (pull).  The permutes address
 * lanes by byte (index >> 2) and, in a wave64, reach only their own
 * 32-lane half on gfx10: ACO moves data between the halves itself,
 * through shared VGPRs (Mesa aco emit_bpermute / LLVM: "ds_bpermute only
 * works within 32 lanes" on gfx10 wave64).
 */
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
			if (s < 0) {
				wave_stop(w, in, SHADER_UNSUPPORTED);
				w->stop.why = "ds_swizzle_b32 FFT mode not modelled";
				return;
			}
			res[l] = (ex >> s) & 1 ? data[s] : 0;
		}
	} else {
		data = w->vgpr[in->src[1].reg];
		for (l = 0; l < (int)w->nlanes; l++) {
			if (!((ex >> l) & 1))
				continue;
			s = (l & ~31) | (int)(((addr[l] + pat) >> 2) & 31);
			if (in->op == ISA_OP_DS_PERMUTE_B32)
				res[s] = data[l];	/* push to lane s */
			else
				res[l] = (ex >> s) & 1 ? data[s] : 0; /* pull */
		}
	}
	for (l = 0; l < (int)w->nlanes; l++)
		if ((ex >> l) & 1)
			d[l] = res[l];
	vgpr_shared_sync(w, in->dst.reg, 1, ex);
}

/* ---- two-address forms: read2 / write2 (st64) ---- */

static bool
is_ds2(unsigned op)
{
	switch (op) {
	case ISA_OP_DS_READ2_B32: case ISA_OP_DS_READ2ST64_B32:
	case ISA_OP_DS_READ2_B64: case ISA_OP_DS_READ2ST64_B64:
	case ISA_OP_DS_WRITE2_B32: case ISA_OP_DS_WRITE2ST64_B32:
	case ISA_OP_DS_WRITE2_B64: case ISA_OP_DS_WRITE2ST64_B64:
		return true;
	}
	return false;
}

/* Offsets count elements, or 64 elements for the st64 forms. */
static void
ds_lane2(struct shader_wave *w, const struct shader_inst *in, int l,
    uint32_t base)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	bool st64 = in->op == ISA_OP_DS_READ2ST64_B32 ||
	    in->op == ISA_OP_DS_READ2ST64_B64 ||
	    in->op == ISA_OP_DS_WRITE2ST64_B32 ||
	    in->op == ISA_OP_DS_WRITE2ST64_B64;
	unsigned n = (i->flags & F_LOAD) ? i->src[0] / 2 : i->src[0];
	unsigned es = 4 * n, unit = st64 ? 64 * es : es, k;
	uint32_t a0 = base + in->offset * unit, a1 = base + in->offset1 * unit;
	uint32_t buf[4];

	if (i->flags & F_LOAD) {
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

/* ---- one address: loads, stores, atomics ---- */

static void
ds_load(struct shader_wave *w, const struct shader_inst *in, int l,
    uint32_t a)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	uint32_t buf[4] = { 0 }, *d = &w->vgpr[in->dst.reg][l];
	unsigned n = i->src[0], k;

	if (i->src[1] != 0) {		/* u8/i8/u16/i16, d16 forms */
		lds_read(w, a, buf, i->src[1]);
		*d = mem_subdword(*d, buf[0], i->src[1], i->src[2]);
		return;
	}
	lds_read(w, a, buf, 4 * n);
	for (k = 0; k < n; k++)
		w->vgpr[in->dst.reg + k][l] = buf[k];
}

static void
ds_store(struct shader_wave *w, const struct shader_inst *in, int l,
    uint32_t a)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	uint32_t buf[4];
	unsigned n = i->src[0], k;

	for (k = 0; k < n; k++)
		buf[k] = w->vgpr[in->src[1].reg + k][l];
	if (i->src[2] & MEM_D16_HI)
		buf[0] >>= 16;
	lds_write(w, a, buf, i->src[1] != 0 ? i->src[1] : 4 * n);
}

static uint64_t
lane_value(const struct shader_wave *w, unsigned reg, int l, unsigned bytes)
{
	uint64_t v = w->vgpr[reg][l];

	if (bytes == 8)
		v |= (uint64_t)w->vgpr[(reg + 1) & 0xff][l] << 32;
	return v;
}

/* DATA0 is the operand; cmpst: DATA0 = compare, DATA1 = new; mskor: DATA1 = or. */
static void
ds_atomic(struct shader_wave *w, const struct shader_inst *in, int l,
    uint32_t a)
{
	struct atomic_req r;
	uint64_t d0, d1, old;

	r.kind = atomic_kind_of(in, &r.bytes);
	d0 = lane_value(w, in->src[1].reg, l, r.bytes);
	d1 = lane_value(w, in->src[2].reg, l, r.bytes);
	r.data = d0;
	r.data2 = d1;
	if (r.kind == ATOM_CMPSWAP || r.kind == ATOM_FCMPSWAP) {
		r.data = d1;
		r.data2 = d0;
	}
	atomic_rmw(w, in, ATOMIC_LDS, a, &r, &old);
	if (isa_ops[in->op].flags & F_RTN) {
		w->vgpr[in->dst.reg][l] = (uint32_t)old;
		if (r.bytes == 8)
			w->vgpr[(in->dst.reg + 1) & 0xff][l] = (uint32_t)(old >> 32);
	}
}

void
exec_ds(struct shader_wave *w, const struct shader_inst *in)
{
	const struct isa_op_info *i = &isa_ops[in->op];
	uint64_t ex = wave_exec(w);
	uint32_t base, off = (uint32_t)(in->offset | in->offset1 << 8);
	unsigned bytes;
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
	if ((i->src[2] & MEM_ATOMIC) && atomic_kind_of(in, &bytes) == ATOM_NONE) {
		wave_stop(w, in, SHADER_UNSUPPORTED);
		return;
	}
	for (l = 0; l < (int)w->nlanes; l++) {
		if (!((ex >> l) & 1))
			continue;
		base = w->vgpr[in->src[0].reg][l];
		if (is_ds2(in->op))
			ds_lane2(w, in, l, base);
		else if (i->src[2] & MEM_ATOMIC)
			ds_atomic(w, in, l, base + off);
		else if (i->flags & F_LOAD)
			ds_load(w, in, l, base + off);
		else
			ds_store(w, in, l, base + off);
	}
}

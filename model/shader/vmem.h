/*
 * Shared by the memory classes of the shader core (ds.c: LDS; vmem.c:
 * MUBUF, GLOBAL, FLAT, SCRATCH; vbuf.c: buffer descriptors; mtbuf.c:
 * typed buffer access; atomic.c).  Atomics: one read-modify-write
 * helper for LDS and for memory; every atomic of every class goes through
 * atomic_rmw(), so making it truly atomic on host memory (when workgroups
 * run on several host threads) is a change in one place.
 */
#ifndef MODEL_SHADER_VMEM_H
#define MODEL_SHADER_VMEM_H

#include "interp.h"

/* What an atomic computes: new = f(old, data, data2). */
enum atomic_kind {
	ATOM_NONE,
	ATOM_SWAP,	/* data */
	ATOM_CMPSWAP,	/* old == data2 ? data : old */
	ATOM_ADD,
	ATOM_SUB,	/* old - data */
	ATOM_RSUB,	/* data - old */
	ATOM_SMIN,
	ATOM_UMIN,
	ATOM_SMAX,
	ATOM_UMAX,
	ATOM_AND,
	ATOM_OR,
	ATOM_XOR,
	ATOM_INC,	/* old >= data ? 0 : old + 1 */
	ATOM_DEC,	/* old == 0 || old > data ? data : old - 1 */
	ATOM_MSKOR,	/* (old & ~data) | data2 */
	ATOM_FCMPSWAP,	/* float compare: old == data2 ? data : old */
	ATOM_FMIN,
	ATOM_FMAX,
	ATOM_FADD,
};

/* One lane's atomic: 4 or 8 bytes, its operands zero-extended. */
struct atomic_req {
	enum atomic_kind kind;
	unsigned bytes;
	uint64_t data, data2;
};

enum atomic_space {
	ATOMIC_LDS,	/* the workgroup's LDS: addr is an LDS byte address */
	ATOMIC_VM,	/* memory through w->mem: addr is a GPU VA */
};

enum atomic_kind atomic_kind_of(const struct shader_inst *in, unsigned *bytes);
uint64_t atomic_apply(const struct atomic_req *r, uint64_t old);
bool	atomic_rmw(struct shader_wave *w, const struct shader_inst *in,
	    enum atomic_space sp, uint64_t addr, const struct atomic_req *r,
	    uint64_t *old);

/* ds.c: LDS accessors (range-checked against the workgroup's size). */
void	lds_read(const struct shader_wave *w, uint32_t addr, void *dst,
	    unsigned len);
void	lds_write(struct shader_wave *w, uint32_t addr, const void *src,
	    unsigned len);

/* The V# fields MUBUF uses (isa_gfx10.h VBUF*). */
struct vbuf {
	uint64_t base;
	uint32_t stride, records;
	unsigned oob;
	unsigned index_stride;		/* swizzled: lanes per swizzle block */
	bool add_tid, swizzle;
};

struct vbuf	vbuf_read(const struct shader_wave *w, unsigned reg);

/*
 * Buffer addressing and range checking, per lane (ISA guide §8.1:
 * address = base + SOFFSET + offset + stride * index; loads out of range
 * read 0, stores and atomics out of range are dropped).
 */
/*
 * Where dword k of an element at (index, offset) lives, past base +
 * SOFFSET.  Linear: stride * index + offset.  Swizzled (ISA guide §8.1.3
 * "Swizzled Buffer Addressing"; element size 4 from gfx9 on): elements
 * of index_stride consecutive indices interleave,
 *   (index / IS) * stride * IS + (offset / 4) * 4 * IS
 *   + (index % IS) * 4 + offset % 4,
 * which is how the scratch ring (ADD_TID, IS = wave size) lays out the
 * private dwords of a wave's lanes side by side.
 */
static inline uint64_t
vbuf_offset(const struct vbuf *b, uint32_t index, uint64_t offset,
    unsigned k)
{
	uint64_t is = b->index_stride, o = offset + 4 * k;

	if (!b->swizzle)
		return (uint64_t)b->stride * index + o;
	return index / is * b->stride * is + o / VBUF_SWIZZLE_ELEM *
	    VBUF_SWIZZLE_ELEM * is + index % is * VBUF_SWIZZLE_ELEM +
	    o % VBUF_SWIZZLE_ELEM;
}

/*
 * Which dwords of an element at (index, offset) are in range, by
 * OOB_SELECT (ISA guide §8.1.5; Mesa ac_build_buffer_descriptor):
 *   raw (3): offset + 4k + 4 <= NUM_RECORDS (bytes), per dword;
 *   structured (1): index < NUM_RECORDS;
 *   structured with offset (0): index < NUM_RECORDS and offset < stride;
 *   disabled (2): always in range.
 */
static inline unsigned
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

/* A lane's index (IDXEN VGPR, + lane with ADD_TID) and offset (OFFEN VGPR + inst offset). */
static inline void
vbuf_lane(const struct shader_wave *w, const struct shader_inst *in,
    const struct vbuf *b, int l, uint32_t *index, uint64_t *offset)
{
	const uint32_t *v0 = w->vgpr[in->src[0].reg];
	const uint32_t *v1 = w->vgpr[(in->src[0].reg + 1) & 0xff];

	*index = (in->mods & MOD_IDXEN) ? v0[l] : 0;
	*index += b->add_tid ? (uint32_t)l : 0;
	*offset = (uint64_t)in->offset + (!(in->mods & MOD_OFFEN) ? 0 :
	    (in->mods & MOD_IDXEN) ? v1[l] : v0[l]);
}

/* One access through w->mem; a fault stops the wave (false). */
static inline bool
vmem_read(struct shader_wave *w, const struct shader_inst *in, uint64_t va,
    void *dst, unsigned len)
{
	if (w->mem->read(w->mem_ctx, va, dst, len) == 0)
		return true;
	wave_fault(w, in, va, false);
	return false;
}

static inline bool
vmem_write(struct shader_wave *w, const struct shader_inst *in, uint64_t va,
    const void *src, unsigned len)
{
	if (w->mem->write(w->mem_ctx, va, src, len) == 0)
		return true;
	wave_fault(w, in, va, true);
	return false;
}

/* mtbuf.c: typed buffer loads and stores in BUF_FMT `format`. */
void	exec_buffer_format(struct shader_wave *w, const struct shader_inst *in,
	    unsigned format);

/*
 * A sub-dword load's VGPR value (table columns: bytes, MEM_* flags):
 * zero- or sign-extended to 32 bits, or for d16 to 16 bits placed in the
 * low or high half with the other half of the old value kept.
 */
static inline uint32_t
mem_subdword(uint32_t old, uint32_t raw, unsigned bytes, unsigned flags)
{
	uint32_t v = bytes == 1 ? raw & 0xff : raw & 0xffff;

	if (flags & MEM_SIGNED)
		v = bytes == 1 ? (uint32_t)(int8_t)v : (uint32_t)(int16_t)v;
	if (flags & MEM_D16)
		return (old & 0xffff0000u) | (v & 0xffff);
	if (flags & MEM_D16_HI)
		return (old & 0xffff) | v << 16;
	return v;
}

#endif

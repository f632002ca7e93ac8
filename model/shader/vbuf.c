/*
 * Buffer resource descriptors (V#): the fields MUBUF and MTBUF use, where
 * a lane's element lives and whether it is in range.  Fields: isa_gfx10.h
 * VBUF*; addressing and range checking: ISA guide §8.1 (buffer address
 * = base + SOFFSET + offset + stride * index; loads out of range read 0,
 * stores and atomics out of range are dropped).
 */
#include "vmem.h"

struct vbuf
vbuf_read(const struct shader_wave *w, unsigned reg)
{
	const uint32_t *d = &w->sgpr[reg];

	return (struct vbuf){
		.base = d[0] | (uint64_t)F_GET(d[1], VBUF1_BASE_HI) << 32,
		.stride = F_GET(d[1], VBUF1_STRIDE),
		.records = d[2],
		.oob = F_GET(d[3], VBUF3_OOB_SELECT),
		.index_stride = 8u << F_GET(d[3], VBUF3_INDEX_STRIDE),
		.add_tid = F_GET(d[3], VBUF3_ADD_TID),
		.swizzle = F_GET(d[1], VBUF1_SWIZZLE_EN),
	};
}

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
uint64_t
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
unsigned
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
void
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

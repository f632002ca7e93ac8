/*
 * Buffer resource descriptors (V#): the fields MUBUF and MTBUF use
 * (isa_gfx10.h VBUF*).  Where a lane's element lives and whether it is
 * in range are per-lane, so they are inline in vmem.h.
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

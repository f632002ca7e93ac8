/*
 * One workgroup on one host thread: wave launch as the SPI does it, the
 * waves taking turns, s_barrier, LDS, and the shader's memory through a
 * per-thread translation cache.
 *
 * Wave launch (Mesa src/amd/vulkan/radv_shader_args.c for the SGPR
 * order; AMD "RDNA2 Instruction Set Architecture", section 3.3 "Initial
 * Wave State"):
 *   waves = ceil(threads / wave size); wave32 when the initiator has
 *   CS_W32_EN, else wave64; the last wave's EXEC covers the threads left.
 *   SGPRs: s0.. = COMPUTE_USER_DATA_0.. (RSRC2.USER_SGPR of them), then
 *   the workgroup id X, Y, Z (each if TGID_*_EN), then TG_SIZE (if
 *   TG_SIZE_EN): number of waves in [5:0], this wave's index in [11:6]
 *   (the ordered wave id, which Mesa 22.3's ac_nir_lower_intrinsics_to_args
 *   reads as subgroup_id because ORDERED_APPEND is off) and again in
 *   [24:20] (the wave id gfx10.3 provides, which Mesa 25.0 reads instead:
 *   ubfe(tg_size, 20, 5) for GFX10_3+), then the scratch wave offset (if
 *   SCRATCH_EN; scratch.c).
 *   VGPRs: v0 = thread id X, v1 = Y (TIDIG_COMP_CNT >= 1), v2 = Z (>= 2).
 *   MODE: round and denorm from RSRC1.FLOAT_MODE, IEEE and DX10_CLAMP.
 *   LDS: RSRC2.LDS_SIZE x 512 bytes, one zeroed block per workgroup.
 * The waves of a workgroup run round-robin on the same thread, a slice of
 * instructions each, so s_barrier works: a wave waits until every wave
 * that has not ended reached it.
 */
#include <stdlib.h>
#include <string.h>

#include "amd/gc_10_3_reg.h"
#include "scratch.h"
#include "tlb.h"
#include "workgroup.h"

#define SLICE		(1u << 16)	/* instructions per wave turn */

/* Shader memory: the queue's VMID through the translation cache, or,
 * where it cannot answer, through the GMC's exact path. */
struct dmem {
	struct navi23 *m;
	unsigned vmid;
	enum navi23_engine eng;
	struct tlb tlb;
};

struct wg_worker {
	unsigned index;			/* picks its waves' scratch slots */
	struct shader_wave wave[WG_MAX_WAVES];
	unsigned nwaves_alloc;
	struct dmem mem;
	uint64_t waves, insts;		/* not yet taken by the stats */
	uint8_t lds[WG_LDS_MAX_BYTES];
};

/* One workgroup's barrier. */
struct wg_sync {
	unsigned live;		/* waves that have not ended */
	unsigned arrived;
	unsigned gen;		/* bumped when a barrier releases */
};

static int
dmem_read(void *ctx, uint64_t va, void *dst, size_t len)
{
	struct dmem *d = ctx;
	const void *p = tlb_lookup(&d->tlb, va, len, GMC_READ);

	if (p != NULL) {
		shader_copy_small(dst, p, len);
		return 0;
	}
	return gmc_read(d->m, d->vmid, va, dst, len, d->eng);
}

static int
dmem_write(void *ctx, uint64_t va, const void *src, size_t len)
{
	struct dmem *d = ctx;
	void *p = tlb_lookup(&d->tlb, va, len, GMC_WRITE);

	if (p != NULL) {
		shader_copy_small(p, src, len);
		return 0;
	}
	return gmc_write(d->m, d->vmid, va, src, len, d->eng);
}

static void *
dmem_host_ptr(void *ctx, uint64_t va, size_t len, unsigned access)
{
	struct dmem *d = ctx;

	return tlb_lookup(&d->tlb, va, len,
	    ((access & SHADER_MEM_READ) ? GMC_READ : 0) |
	    ((access & SHADER_MEM_WRITE) ? GMC_WRITE : 0));
}

static const struct shader_mem_ops dmem_ops = { dmem_read, dmem_write,
    dmem_host_ptr };

struct wg_worker *
wg_worker_create(unsigned index)
{
	struct wg_worker *k = calloc(1, sizeof(struct wg_worker));

	if (k != NULL)
		k->index = index;
	return k;
}

void
wg_worker_destroy(struct wg_worker *k)
{
	if (k == NULL)
		return;
	for (unsigned i = 0; i < k->nwaves_alloc; i++)
		shader_wave_fini(&k->wave[i]);
	free(k);
}

void
wg_worker_begin(struct wg_worker *k, struct navi23 *m, unsigned vmid,
    enum navi23_engine eng)
{
	k->mem.m = m;
	k->mem.vmid = vmid;
	k->mem.eng = eng;
	tlb_init(&k->mem.tlb, m, vmid);
}

void
wg_worker_take_stats(struct wg_worker *k, uint64_t *waves, uint64_t *insts)
{
	*waves = k->waves;
	*insts = k->insts;
	k->waves = k->insts = 0;
}

static bool
wg_barrier(void *ctx, struct shader_wave *w)
{
	struct wg_sync *s = ctx;

	(void)w;
	if (++s->arrived < s->live)
		return false;
	s->arrived = 0;
	s->gen++;
	return true;
}

/* Reset a pooled wave for a new launch (its VGPR file is kept). */
static int
wave_get(struct wg_worker *k, unsigned i, unsigned lanes)
{
	struct shader_wave *w = &k->wave[i];
	uint32_t (*v)[SHADER_MAX_LANES];

	while (k->nwaves_alloc <= i) {
		if (shader_wave_init(&k->wave[k->nwaves_alloc], 64) != 0)
			return -1;
		k->nwaves_alloc++;
	}
	v = w->vgpr;
	memset(w, 0, sizeof(*w));
	w->vgpr = v;
	w->nlanes = lanes;
	return 0;
}

/* Initial state of wave `wi` of a workgroup (see the header comment). */
static void
wave_setup(const struct launch *l, struct shader_wave *w, unsigned slot,
    unsigned wi, unsigned nwaves, const uint32_t tgid[3],
    const uint32_t dim[3], unsigned threads)
{
	uint32_t r2 = l->rsrc2, r1 = l->rsrc1;
	unsigned s = F_GET(r2, PGM_RSRC2_USER_SGPR), tidig = F_GET(r2, PGM_RSRC2_TIDIG_COMP_CNT);
	uint64_t exec = 0;
	unsigned t0 = wi * w->nlanes;
	uint32_t x = t0 % dim[0], y = t0 / dim[0] % dim[1], z = t0 / (dim[0] * dim[1]);

	for (unsigned i = 0; i < s && i < COMPUTE_USER_DATA_COUNT; i++)
		w->sgpr[i] = l->user[i];
	if (F_GET(r2, PGM_RSRC2_TGID_X_EN))
		w->sgpr[s++] = tgid[0];
	if (F_GET(r2, PGM_RSRC2_TGID_Y_EN))
		w->sgpr[s++] = tgid[1];
	if (F_GET(r2, PGM_RSRC2_TGID_Z_EN))
		w->sgpr[s++] = tgid[2];
	if (F_GET(r2, PGM_RSRC2_TG_SIZE_EN))
		w->sgpr[s++] = (nwaves & 0x3f) | (wi & 0x3f) << 6 |
		    (wi & 0x1f) << 20;
	if (F_GET(r2, PGM_RSRC2_SCRATCH_EN))
		w->sgpr[s++] = scratch_wave_offset(l->tmpring, slot);
	/* (x, y, z) of thread t0 + lane, stepped instead of divided: three
	 * divisions a lane were a visible part of a short wave's cost. */
	for (unsigned lane = 0; lane < w->nlanes; lane++) {
		if (t0 + lane >= threads) {
			w->vgpr[0][lane] = w->vgpr[1][lane] = w->vgpr[2][lane] = 0;
			continue;
		}
		exec |= 1ull << lane;
		w->vgpr[0][lane] = x;
		w->vgpr[1][lane] = tidig >= 1 ? y : 0;
		w->vgpr[2][lane] = tidig >= 2 ? z : 0;
		if (++x == dim[0]) {
			x = 0;
			if (++y == dim[1]) {
				y = 0;
				z++;
			}
		}
	}
	w->sgpr[OPR_EXEC_LO] = (uint32_t)exec;
	w->sgpr[OPR_EXEC_HI] = w->nlanes == 64 ? (uint32_t)(exec >> 32) : 0;
	/* Shared VGPRs follow the private ones, wave64 only (wave.h). */
	w->shared_vgpr_base = w->shared_vgpr_count = 0;
	if (w->nlanes == 64) {
		w->shared_vgpr_base = (uint16_t)((F_GET(r1, PGM_RSRC1_VGPRS) + 1) *
		    PGM_RSRC1_VGPRS_UNIT_W64);
		w->shared_vgpr_count = (uint16_t)(F_GET(l->rsrc3,
		    PGM_RSRC3_SHARED_VGPR_CNT) * PGM_RSRC3_SHARED_VGPR_UNIT);
	}
	w->gb_addr_config = l->gb_addr_config;
	w->mode = F_GET(r1, PGM_RSRC1_FLOAT_MODE) |
	    F_PREP(MODE_DX10_CLAMP, F_GET(r1, PGM_RSRC1_DX10_CLAMP)) |
	    F_PREP(MODE_IEEE, F_GET(r1, PGM_RSRC1_IEEE_MODE));
}

/* Launch the group's waves; -1 when their registers cannot be had. */
static int
launch_waves(struct wg_worker *k, const struct launch *l, unsigned nwaves,
    const uint32_t tgid[3], const uint32_t dim[3], struct wg_sync *sync)
{
	unsigned threads = dim[0] * dim[1] * dim[2];

	if (l->lds_bytes != 0)
		memset(k->lds, 0, l->lds_bytes);
	for (unsigned i = 0; i < nwaves; i++) {
		struct shader_wave *w = &k->wave[i];

		if (wave_get(k, i, l->wave_size) != 0)
			return -1;
		/* Scratch slots: unique among the waves alive at once. */
		wave_setup(l, w, k->index * WG_MAX_WAVES + i, i, nwaves, tgid,
		    dim, threads);
		w->mem = &dmem_ops;
		w->mem_ctx = &k->mem;
		w->lds = l->lds_bytes != 0 ? k->lds : NULL;
		w->lds_size = l->lds_bytes;
		w->barrier = nwaves > 1 ? wg_barrier : NULL;
		w->barrier_ctx = sync;
	}
	return 0;
}

/* Count the group's waves and instructions, in the worker (dispatch.c
 * adds them to the model's counters once per dispatch and thread). */
static void
group_stats(struct wg_worker *k, unsigned nwaves)
{
	k->waves += nwaves;
	for (unsigned i = 0; i < nwaves; i++)
		k->insts += k->wave[i].executed;
}

enum dispatch_rc
wg_run(struct wg_worker *k, const struct launch *l,
    const struct shader_program *prog, const uint32_t tgid[3],
    const uint32_t dim[3], wg_stop_fn stop, void *stop_ctx,
    struct wg_error *err)
{
	unsigned threads = dim[0] * dim[1] * dim[2];
	unsigned nwaves = (threads + l->wave_size - 1) / l->wave_size;
	struct wg_sync sync = { nwaves, 0, 0 };
	bool done[WG_MAX_WAVES] = { false }, waiting[WG_MAX_WAVES] = { false };
	unsigned wait_gen[WG_MAX_WAVES] = { 0 };

	memcpy(err->tgid, tgid, sizeof(err->tgid));
	if (launch_waves(k, l, nwaves, tgid, dim, &sync) != 0) {
		err->wave = WG_MAX_WAVES;
		return DISPATCH_HANG;
	}
	while (sync.live > 0) {
		uint64_t ran = 0;

		for (unsigned i = 0; i < nwaves; i++) {
			struct shader_wave *w = &k->wave[i];
			uint64_t was = w->executed;
			enum shader_status st;

			if (done[i] || (waiting[i] && wait_gen[i] == sync.gen))
				continue;
			waiting[i] = false;
			st = shader_wave_run(w, prog, SLICE);
			ran += w->executed - was;
			switch (st) {
			case SHADER_ENDPGM:
				done[i] = true;
				/* The others may all be waiting for this one. */
				if (--sync.live > 0 && sync.arrived == sync.live) {
					sync.arrived = 0;
					sync.gen++;
				}
				break;
			case SHADER_BARRIER:
				waiting[i] = true;
				wait_gen[i] = sync.gen;
				break;
			case SHADER_BUDGET:
				break;
			default:
				group_stats(k, nwaves);
				err->wave = i;
				err->stop = w->stop;
				return DISPATCH_HANG;
			}
		}
		if (stop != NULL && stop(stop_ctx, ran)) {
			group_stats(k, nwaves);
			return DISPATCH_STALL;
		}
	}
	group_stats(k, nwaves);
	return DISPATCH_OK;
}

/*
 * One workgroup of a compute dispatch on one host thread (workgroup.c):
 * what dispatch.c hands to each participant of its thread pool.  A worker
 * owns everything a workgroup needs that is not shared: its waves (VGPR
 * files kept between groups), its LDS and its translation cache.
 */
#ifndef MODEL_WORKGROUP_H
#define MODEL_WORKGROUP_H

#include "cp.h"
#include "shader/wave.h"

#define WG_MAX_THREADS		1024
#define WG_MAX_WAVES		(WG_MAX_THREADS / 32)
#define WG_LDS_MAX_BYTES	(64u << 10)

/* The launch parameters of one dispatch (dispatch.c fills them). */
struct launch {
	uint64_t pgm;
	uint32_t rsrc1, rsrc2, rsrc3, initiator;
	uint32_t tmpring;		/* COMPUTE_TMPRING_SIZE (scratch.c) */
	uint32_t gb_addr_config;	/* for swizzled image layouts */
	uint32_t full[3], partial[3];
	uint32_t groups[3], start[3];
	uint32_t last_threads[3];	/* threads of the last group per dim */
	uint32_t user[COMPUTE_USER_DATA_COUNT];
	unsigned wave_size, lds_bytes;
};

/* Why a workgroup stopped short: its wave and that wave's stop record. */
struct wg_error {
	uint32_t tgid[3];
	unsigned wave;
	struct shader_stop stop;
};

/* Asked between rounds of wave slices: should the workgroup give up? */
typedef bool (*wg_stop_fn)(void *ctx, uint64_t executed);

struct wg_worker;

/* Worker `index` (0 .. SHADER_POOL_MAX - 1) of its engine. */
struct wg_worker *wg_worker_create(unsigned index);
void	wg_worker_destroy(struct wg_worker *);
/* Before a dispatch: memory is `vmid`'s, accesses carry engine `eng`. */
void	wg_worker_begin(struct wg_worker *, struct navi23 *, unsigned vmid,
	    enum navi23_engine eng);
/* Waves and wave instructions run since the last call (then zeroed). */
void	wg_worker_take_stats(struct wg_worker *, uint64_t *waves, uint64_t *insts);
/*
 * Run workgroup tgid (dim threads per dimension) to the end of all its
 * waves.  DISPATCH_OK; DISPATCH_HANG with *err when a wave stopped on
 * anything but s_endpgm (or the waves could not be allocated: err->wave
 * is then WG_MAX_WAVES); DISPATCH_STALL when stop() said so.
 */
enum dispatch_rc wg_run(struct wg_worker *, const struct launch *,
	    const struct shader_program *, const uint32_t tgid[3],
	    const uint32_t dim[3], wg_stop_fn stop, void *stop_ctx,
	    struct wg_error *err);

#endif

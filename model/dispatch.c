/*
 * Compute dispatch: what the CP and the SPI do with DISPATCH_DIRECT /
 * DISPATCH_INDIRECT.  The state comes from the COMPUTE_* SH registers the
 * queue set with SET_SH_REG (fields: include/amd/gc_10_3_reg.h, facts
 * §6.4); the shader is fetched through the queue's VMID, decoded once per
 * (VMID, address, contents) and run by model/shader, workgroup after
 * workgroup, on the engine thread (one host core per engine for now; the
 * workgroups of a grid are independent, so they can go to a thread pool
 * later).
 *
 * Wave launch, per workgroup (Mesa src/amd/vulkan/radv_shader_args.c for
 * the SGPR order; AMD "RDNA2 Instruction Set Architecture", section 3.3
 * "Initial Wave State"):
 *   waves = ceil(threads / wave size); wave32 when the initiator has
 *   CS_W32_EN, else wave64; the last wave's EXEC covers the threads left.
 *   SGPRs: s0.. = COMPUTE_USER_DATA_0.. (RSRC2.USER_SGPR of them), then
 *   the workgroup id X, Y, Z (each if TGID_*_EN), then TG_SIZE (if
 *   TG_SIZE_EN): number of waves in [5:0], this wave's index in [11:6]
 *   (Mesa ac_nir_lower_intrinsics_to_args: num_subgroups = bits 0..5,
 *   subgroup_id = bits 6..11), then the scratch wave offset (if
 *   SCRATCH_EN; scratch.c).
 *   VGPRs: v0 = thread id X, v1 = Y (TIDIG_COMP_CNT >= 1), v2 = Z (>= 2).
 *   MODE: round and denorm from RSRC1.FLOAT_MODE, IEEE and DX10_CLAMP.
 *   LDS: RSRC2.LDS_SIZE x 512 bytes, one zeroed block per workgroup.
 * The waves of a workgroup run round-robin, a slice of instructions each,
 * so s_barrier works: a wave waits until every wave that has not ended
 * reached it.
 *
 * Errors stop the dispatch and hang the queue, as on the hardware (the
 * driver's hang detection then cancels the job):
 *   - a memory access the page tables refuse: the GMC has recorded the
 *     VM fault and raised its interrupt;
 *   - an illegal or unsupported instruction, or a jump out of the shader:
 *     the SQ's error interrupt, IH client GRBM_CP, src 239
 *     (SOC15_INTSRC_SQ_INTERRUPT_MSG, amdkfd/soc15_int.h; amdkfd
 *     kfd_int_process_v10.c decodes it).  The real payload is a wave
 *     context word (SE/SA/WGP/SIMD/wave ids) and the kernel reads PC and
 *     instruction through SQ_IND_*; the model puts what that would yield
 *     in src_data: { PC (byte offset), dword 0, dword 1, COMPUTE_PGM_LO }.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amd/gc_10_3_reg.h"
#include "amd/ih_v5.h"
#include "cp.h"
#include "scratch.h"
#include "shader/wave.h"

#define NSLOTS			128	/* ring_id: me [3:2] pipe [1:0] queue [6:4] */
#define NBASES			4	/* SET_BASE indices kept */
#define CACHE_ENTRIES		8
#define CODE_MAX_BYTES		(256u << 10)	/* fetch limit per shader */
#define CODE_PAGE		4096u
#define S_CODE_END		0xbf9f0000u	/* ACO pads a shader's end with it */
#define MAX_WG_THREADS		1024
#define MAX_WAVES		(MAX_WG_THREADS / 32)
#define LDS_MAX_BYTES		(64u << 10)
#define SLICE			(1u << 16)	/* instructions per wave turn */

struct shader_cache {
	bool used;
	unsigned vmid;
	uint64_t va;
	uint32_t *code;		/* owned copy the program points into */
	size_t ndw;
	struct shader_program *prog;
	uint64_t last;		/* LRU tick */
};

/* The queue's compute state, written by SET_SH_REG / SET_BASE. */
struct queue_state {
	uint32_t sh[COMPUTE_SH_COUNT];
	uint64_t base[NBASES];
};

struct dispatch_state {
	uint32_t sh_first;		/* absolute dword of COMPUTE_SH_FIRST */
	struct queue_state qs[NSLOTS];
	struct shader_cache cache[CACHE_ENTRIES];
	uint64_t tick;
	uint32_t *fetch;		/* CODE_MAX_BYTES */
	struct shader_wave wave[MAX_WAVES];
	unsigned nwaves_alloc;
	uint8_t lds[LDS_MAX_BYTES];
};

/* Shader memory: the queue's VMID through the GMC. */
struct dmem {
	struct navi23 *m;
	unsigned vmid;
	enum navi23_engine eng;
};

/* One workgroup's barrier. */
struct wg_sync {
	unsigned live;		/* waves that have not ended */
	unsigned arrived;
	unsigned gen;		/* bumped when a barrier releases */
};

/* The launch parameters of one dispatch. */
struct launch {
	uint64_t pgm;
	uint32_t rsrc1, rsrc2, initiator;
	uint32_t tmpring;		/* COMPUTE_TMPRING_SIZE (scratch.c) */
	uint32_t full[3], partial[3];
	uint32_t groups[3], start[3];
	uint32_t last_threads[3];	/* threads of the last group per dim */
	uint32_t user[COMPUTE_USER_DATA_COUNT];
	unsigned wave_size, lds_bytes;
};

static int
dmem_read(void *ctx, uint64_t va, void *dst, size_t len)
{
	struct dmem *d = ctx;

	return gmc_read(d->m, d->vmid, va, dst, len, d->eng);
}

static int
dmem_write(void *ctx, uint64_t va, const void *src, size_t len)
{
	struct dmem *d = ctx;

	return gmc_write(d->m, d->vmid, va, src, len, d->eng);
}

static const struct shader_mem_ops dmem_ops = { dmem_read, dmem_write };

int
dispatch_init(struct pm4_ctx *c)
{
	struct dispatch_state *ds = calloc(1, sizeof(*ds));

	if (ds == NULL)
		return -1;
	ds->fetch = malloc(CODE_MAX_BYTES);
	if (ds->fetch == NULL) {
		free(ds);
		return -1;
	}
	ds->sh_first = model_abs(c->m, COMPUTE_SH_FIRST);
	c->disp = ds;
	return 0;
}

void
dispatch_fini(struct pm4_ctx *c)
{
	struct dispatch_state *ds = c->disp;

	if (ds == NULL)
		return;
	for (unsigned i = 0; i < CACHE_ENTRIES; i++) {
		shader_program_free(ds->cache[i].prog);
		free(ds->cache[i].code);
	}
	for (unsigned i = 0; i < ds->nwaves_alloc; i++)
		shader_wave_fini(&ds->wave[i]);
	free(ds->fetch);
	free(ds);
	c->disp = NULL;
}

static struct queue_state *
cur_queue(struct pm4_ctx *c)
{
	return &c->disp->qs[c->q->ring_id % NSLOTS];
}

void
dispatch_sh_write(struct pm4_ctx *c, uint32_t abs, uint32_t val)
{
	struct dispatch_state *ds = c->disp;

	if (ds != NULL && abs >= ds->sh_first && abs - ds->sh_first < COMPUTE_SH_COUNT)
		cur_queue(c)->sh[abs - ds->sh_first] = val;
}

void
dispatch_set_base(struct pm4_ctx *c, unsigned index, uint64_t va)
{
	if (index < NBASES)
		cur_queue(c)->base[index] = va;
}

uint64_t
dispatch_get_base(struct pm4_ctx *c, unsigned index)
{
	return index < NBASES ? cur_queue(c)->base[index] : 0;
}

static uint32_t
sh(struct pm4_ctx *c, uint32_t reg)
{
	return cur_queue(c)->sh[AMDREG_OFF(reg) - AMDREG_OFF(COMPUTE_SH_FIRST)];
}

/* Halted, dequeued, torn down or hung by fault injection? */
static bool
interrupted(struct pm4_ctx *c)
{
	bool stop;

	pthread_mutex_lock(&c->e->mu);
	stop = c->e->stop;
	pthread_mutex_unlock(&c->e->mu);
	return stop || atomic_load(&c->e->hung) ||
	    (c->running != NULL && !c->running(c, c->q));
}

/* --- the shader: fetch and decode once ----------------------------------- */

/*
 * Fetch the code at pgm: page by page while the pages are mapped
 * executable, up to the page holding ACO's s_code_end padding, at most
 * CODE_MAX_BYTES.  Returns the dwords fetched, 0 if the first page is not
 * there (after recording the VM fault, as the instruction fetch would).
 */
static size_t
fetch_code(struct pm4_ctx *c, unsigned vmid, uint64_t pgm)
{
	struct dispatch_state *ds = c->disp;
	size_t got = 0;

	while (got < CODE_MAX_BYTES) {
		uint64_t va = pgm + got, n;
		uint64_t want = CODE_PAGE - (va & (CODE_PAGE - 1));
		void *p;
		bool end = false;

		if (want > CODE_MAX_BYTES - got)
			want = CODE_MAX_BYTES - got;
		p = got == 0 ? gmc_xlate(c->m, vmid, va, want, GMC_EXEC, c->e->id, &n) :
		    gmc_probe(c->m, vmid, va, want, GMC_EXEC, &n);
		if (p == NULL)
			break;
		memcpy((uint8_t *)ds->fetch + got, p, n);
		for (size_t i = got / 4; i < (got + n) / 4; i++)
			if (ds->fetch[i] == S_CODE_END)
				end = true;
		got += n;
		if (end)
			break;
	}
	return got / 4;
}

/* The decoded program for the code now at pgm; NULL on a fetch fault. */
static const struct shader_program *
get_program(struct pm4_ctx *c, unsigned vmid, uint64_t pgm)
{
	struct dispatch_state *ds = c->disp;
	struct shader_cache *e, *victim = &ds->cache[0];
	size_t ndw = fetch_code(c, vmid, pgm);

	if (ndw == 0)
		return NULL;
	ds->tick++;
	for (unsigned i = 0; i < CACHE_ENTRIES; i++) {
		e = &ds->cache[i];
		if (e->used && e->vmid == vmid && e->va == pgm && e->ndw == ndw &&
		    memcmp(e->code, ds->fetch, ndw * 4) == 0) {
			e->last = ds->tick;
			return e->prog;
		}
		if (!e->used || (victim->used && e->last < victim->last))
			victim = e;
	}
	e = victim;
	shader_program_free(e->prog);
	free(e->code);
	memset(e, 0, sizeof(*e));
	e->code = malloc(ndw * 4);
	if (e->code == NULL)
		return NULL;
	memcpy(e->code, ds->fetch, ndw * 4);
	if (shader_decode(e->code, ndw, pgm, &e->prog) != 0) {
		free(e->code);
		memset(e, 0, sizeof(*e));
		return NULL;
	}
	e->used = true;
	e->vmid = vmid;
	e->va = pgm;
	e->ndw = ndw;
	e->last = ds->tick;
	return e->prog;
}

/* --- launch --------------------------------------------------------------- */

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
wave_get(struct dispatch_state *ds, unsigned i, unsigned lanes)
{
	struct shader_wave *w = &ds->wave[i];
	uint32_t (*v)[SHADER_MAX_LANES];

	while (ds->nwaves_alloc <= i) {
		if (shader_wave_init(&ds->wave[ds->nwaves_alloc], 64) != 0)
			return -1;
		ds->nwaves_alloc++;
	}
	v = w->vgpr;
	memset(w, 0, sizeof(*w));
	w->vgpr = v;
	w->nlanes = lanes;
	return 0;
}

/* Initial state of wave `wi` of a workgroup (see the header comment). */
static void
wave_setup(const struct launch *l, struct shader_wave *w, unsigned wi,
    unsigned nwaves, const uint32_t tgid[3], const uint32_t dim[3],
    unsigned threads)
{
	uint32_t r2 = l->rsrc2, r1 = l->rsrc1;
	unsigned s = F_GET(r2, PGM_RSRC2_USER_SGPR), tidig = F_GET(r2, PGM_RSRC2_TIDIG_COMP_CNT);
	uint64_t exec = 0;

	for (unsigned i = 0; i < s && i < COMPUTE_USER_DATA_COUNT; i++)
		w->sgpr[i] = l->user[i];
	if (F_GET(r2, PGM_RSRC2_TGID_X_EN))
		w->sgpr[s++] = tgid[0];
	if (F_GET(r2, PGM_RSRC2_TGID_Y_EN))
		w->sgpr[s++] = tgid[1];
	if (F_GET(r2, PGM_RSRC2_TGID_Z_EN))
		w->sgpr[s++] = tgid[2];
	if (F_GET(r2, PGM_RSRC2_TG_SIZE_EN))
		w->sgpr[s++] = (nwaves & 0x3f) | (wi & 0x3f) << 6;
	if (F_GET(r2, PGM_RSRC2_SCRATCH_EN))
		w->sgpr[s++] = scratch_wave_offset(l->tmpring, wi);
	for (unsigned lane = 0; lane < w->nlanes; lane++) {
		unsigned t = wi * w->nlanes + lane;

		if (t >= threads) {
			w->vgpr[0][lane] = w->vgpr[1][lane] = w->vgpr[2][lane] = 0;
			continue;
		}
		exec |= 1ull << lane;
		w->vgpr[0][lane] = t % dim[0];
		w->vgpr[1][lane] = tidig >= 1 ? t / dim[0] % dim[1] : 0;
		w->vgpr[2][lane] = tidig >= 2 ? t / (dim[0] * dim[1]) : 0;
	}
	w->sgpr[OPR_EXEC_LO] = (uint32_t)exec;
	w->sgpr[OPR_EXEC_HI] = w->nlanes == 64 ? (uint32_t)(exec >> 32) : 0;
	w->mode = F_GET(r1, PGM_RSRC1_FLOAT_MODE) |
	    F_PREP(MODE_DX10_CLAMP, F_GET(r1, PGM_RSRC1_DX10_CLAMP)) |
	    F_PREP(MODE_IEEE, F_GET(r1, PGM_RSRC1_IEEE_MODE));
}

/* A wave stopped on something else than s_endpgm: report it. */
static enum dispatch_rc
wave_error(struct pm4_ctx *c, const struct launch *l, unsigned vmid,
    const uint32_t tgid[3], unsigned wi, const struct shader_wave *w)
{
	const struct shader_stop *st = &w->stop;
	uint32_t data[4] = { st->pc, st->dw[0], st->dw[1],
	    (uint32_t)(l->pgm >> COMPUTE_PGM_SHIFT) };

	if (st->status == SHADER_FAULT) {
		model_log(c->m, "cp %s: shader 0x%llx wave %u of group (%u,%u,%u): VM fault on %s of 0x%llx at PC 0x%x (dwords 0x%08x 0x%08x); dispatch stopped",
		    c->q->name, (unsigned long long)l->pgm, wi, tgid[0], tgid[1],
		    tgid[2], st->fault_write ? "write" : "read",
		    (unsigned long long)st->fault_va, st->pc, st->dw[0], st->dw[1]);
		return DISPATCH_HANG;	/* the GMC raised the fault */
	}
	model_log(c->m, "cp %s: shader 0x%llx (vmid %u) wave %u of group (%u,%u,%u): %s instruction at PC 0x%x: dwords 0x%08x 0x%08x%s%s; SQ interrupt, dispatch stopped",
	    c->q->name, (unsigned long long)l->pgm, vmid, wi, tgid[0], tgid[1],
	    tgid[2], shader_status_name(st->status), st->pc, st->dw[0], st->dw[1],
	    st->why != NULL ? ": " : "", st->why != NULL ? st->why : "");
	ih_push(c->m, IH_CLIENTID_GRBM_CP, IH_SRC_SQ_INTERRUPT_MSG, c->q->ring_id,
	    vmid, data);
	return DISPATCH_HANG;
}

/* Add a workgroup's waves and their instructions to the model's counters:
 * two atomics a group, so the interpreter's loop stays untouched. */
static void
group_stats(struct pm4_ctx *c, const struct dispatch_state *ds, unsigned nwaves)
{
	uint64_t n = 0;

	for (unsigned i = 0; i < nwaves; i++)
		n += ds->wave[i].executed;
	atomic_fetch_add(&c->m->stats.shader_waves, nwaves);
	atomic_fetch_add(&c->m->stats.shader_insts, n);
}

/* Run one workgroup to the end of all its waves. */
static enum dispatch_rc
run_group(struct pm4_ctx *c, const struct launch *l, const struct shader_program *prog,
    unsigned vmid, const uint32_t tgid[3], const uint32_t dim[3])
{
	struct dispatch_state *ds = c->disp;
	unsigned threads = dim[0] * dim[1] * dim[2];
	unsigned nwaves = (threads + l->wave_size - 1) / l->wave_size;
	struct dmem mem = { c->m, vmid, c->e->id };
	struct wg_sync sync = { nwaves, 0, 0 };
	bool done[MAX_WAVES], waiting[MAX_WAVES];
	unsigned wait_gen[MAX_WAVES];

	if (l->lds_bytes != 0)
		memset(ds->lds, 0, l->lds_bytes);
	for (unsigned i = 0; i < nwaves; i++) {
		struct shader_wave *w = &ds->wave[i];

		if (wave_get(ds, i, l->wave_size) != 0) {
			model_log(c->m, "cp %s: out of memory for waves", c->q->name);
			return DISPATCH_HANG;
		}
		wave_setup(l, w, i, nwaves, tgid, dim, threads);
		w->mem = &dmem_ops;
		w->mem_ctx = &mem;
		w->lds = l->lds_bytes != 0 ? ds->lds : NULL;
		w->lds_size = l->lds_bytes;
		w->barrier = nwaves > 1 ? wg_barrier : NULL;
		w->barrier_ctx = &sync;
		done[i] = waiting[i] = false;
		wait_gen[i] = 0;
	}
	while (sync.live > 0) {
		for (unsigned i = 0; i < nwaves; i++) {
			struct shader_wave *w = &ds->wave[i];

			if (done[i] || (waiting[i] && wait_gen[i] == sync.gen))
				continue;
			waiting[i] = false;
			switch (shader_wave_run(w, prog, SLICE)) {
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
				group_stats(c, ds, nwaves);
				return wave_error(c, l, vmid, tgid, i, w);
			}
		}
		if (interrupted(c)) {
			group_stats(c, ds, nwaves);
			return DISPATCH_STALL;
		}
	}
	group_stats(c, ds, nwaves);
	return DISPATCH_OK;
}

/* Group counts and the last group's size per dimension. */
static bool
grid_setup(struct pm4_ctx *c, struct launch *l, const uint32_t dims[3])
{
	static const uint32_t nt[3] = { COMPUTE_NUM_THREAD_X, COMPUTE_NUM_THREAD_Y,
	    COMPUTE_NUM_THREAD_Z };
	static const uint32_t st[3] = { COMPUTE_START_X, COMPUTE_START_Y,
	    COMPUTE_START_Z };
	bool threads = F_GET(l->initiator, DISPATCH_INIT_USE_THREAD_DIMENSIONS);
	bool partial = F_GET(l->initiator, DISPATCH_INIT_PARTIAL_TG_EN);

	for (unsigned d = 0; d < 3; d++) {
		uint32_t v = sh(c, nt[d]);

		l->full[d] = F_GET(v, NUM_THREAD_FULL);
		l->partial[d] = F_GET(v, NUM_THREAD_PARTIAL);
		if (l->full[d] == 0)
			return false;
		l->start[d] = F_GET(l->initiator, DISPATCH_INIT_FORCE_START_AT_000) ?
		    0 : sh(c, st[d]);
		if (threads) {
			l->groups[d] = (dims[d] + l->full[d] - 1) / l->full[d];
			l->last_threads[d] = dims[d] - (l->groups[d] - 1) * l->full[d];
			if (dims[d] == 0)
				l->last_threads[d] = l->full[d];
		} else {
			l->groups[d] = dims[d];
			l->last_threads[d] = partial && l->partial[d] != 0 ?
			    l->partial[d] : l->full[d];
		}
	}
	return (uint64_t)l->full[0] * l->full[1] * l->full[2] <= MAX_WG_THREADS;
}

enum dispatch_rc
dispatch_run(struct pm4_ctx *c, unsigned vmid, const uint32_t dims[3],
    uint32_t initiator)
{
	struct launch l;
	const struct shader_program *prog;
	uint32_t g[3], tgid[3], dim[3];

	memset(&l, 0, sizeof(l));
	l.initiator = initiator;
	if (!F_GET(initiator, DISPATCH_INIT_COMPUTE_SHADER_EN) ||
	    dims[0] == 0 || dims[1] == 0 || dims[2] == 0)
		return DISPATCH_OK;
	l.pgm = ((uint64_t)sh(c, COMPUTE_PGM_LO) |
	    (uint64_t)F_GET(sh(c, COMPUTE_PGM_HI), COMPUTE_PGM_HI_DATA) << 32) <<
	    COMPUTE_PGM_SHIFT;
	l.rsrc1 = sh(c, COMPUTE_PGM_RSRC1);
	l.rsrc2 = sh(c, COMPUTE_PGM_RSRC2);
	l.tmpring = sh(c, COMPUTE_TMPRING_SIZE);
	l.wave_size = F_GET(initiator, DISPATCH_INIT_CS_W32_EN) ? 32 : 64;
	l.lds_bytes = F_GET(l.rsrc2, PGM_RSRC2_LDS_SIZE) * PGM_RSRC2_LDS_UNIT;
	for (unsigned i = 0; i < COMPUTE_USER_DATA_COUNT; i++)
		l.user[i] = sh(c, COMPUTE_USER_DATA_0 + i);
	if (!grid_setup(c, &l, dims) || l.lds_bytes > LDS_MAX_BYTES) {
		model_log(c->m, "cp %s: dispatch of shader 0x%llx: workgroup %ux%ux%u or LDS %u bytes out of range",
		    c->q->name, (unsigned long long)l.pgm, l.full[0], l.full[1],
		    l.full[2], l.lds_bytes);
		return DISPATCH_HANG;
	}
	prog = get_program(c, vmid, l.pgm);
	if (prog == NULL) {
		model_log(c->m, "cp %s: dispatch: cannot fetch or decode the shader at 0x%llx (vmid %u)",
		    c->q->name, (unsigned long long)l.pgm, vmid);
		return DISPATCH_HANG;
	}
	for (g[2] = 0; g[2] < l.groups[2]; g[2]++)
		for (g[1] = 0; g[1] < l.groups[1]; g[1]++)
			for (g[0] = 0; g[0] < l.groups[0]; g[0]++) {
				enum dispatch_rc rc;

				for (unsigned d = 0; d < 3; d++) {
					tgid[d] = l.start[d] + g[d];
					dim[d] = g[d] + 1 == l.groups[d] ?
					    l.last_threads[d] : l.full[d];
				}
				rc = run_group(c, &l, prog, vmid, tgid, dim);
				if (rc != DISPATCH_OK)
					return rc;
			}
	return DISPATCH_OK;
}

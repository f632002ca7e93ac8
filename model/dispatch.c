/*
 * Compute dispatch: what the CP and the SPI do with DISPATCH_DIRECT /
 * DISPATCH_INDIRECT.  The state comes from the COMPUTE_* SH registers the
 * queue set with SET_SH_REG (fields: include/amd/gc_10_3_reg.h, facts
 * §6.4); the shader is fetched through the queue's VMID, decoded once per
 * (VMID, address, contents) and run by model/shader.
 *
 * Workgroups run on the shader pool (shader_pool.h): the engine thread
 * and, when the host has more CPUs, helper threads take workgroups in
 * grid order from one counter, a chunk at a time, each with its own
 * waves, LDS and translation cache (workgroup.c: wave launch, barriers).
 * The waves of a workgroup stay on one thread.  METALGPU_SHADER_THREADS=1
 * runs them all on the engine thread, one after another, as before the
 * pool.
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
#include "shader/wave.h"
#include "shader_pool.h"
#include "workgroup.h"

#define NSLOTS			128	/* ring_id: me [3:2] pipe [1:0] queue [6:4] */
#define NBASES			4	/* SET_BASE indices kept */
#define CACHE_ENTRIES		8
#define CODE_MAX_BYTES		(256u << 10)	/* fetch limit per shader */
#define CODE_PAGE		4096u
#define S_CODE_END		0xbf9f0000u	/* ACO pads a shader's end with it */
#define CHECK_INSTS		(1u << 16)	/* between two interrupted() */
#define CACHE_LINE		64
#define CHUNKS_PER_THREAD	32
#define CHUNK_MAX		64		/* groups taken at a time */

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
	/* Participant i of a dispatch runs its groups on worker[i]; 0 is
	 * the engine thread.  The pool and workers 1.. come with the first
	 * dispatch of more than one group. */
	struct shader_pool *pool;
	bool pool_tried;
	unsigned nworkers;
	struct wg_worker *worker[SHADER_POOL_MAX];
};

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
	ds->worker[0] = wg_worker_create(0);
	if (ds->worker[0] == NULL) {
		free(ds->fetch);
		free(ds);
		return -1;
	}
	ds->nworkers = 1;
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
	shader_pool_destroy(ds->pool);
	for (unsigned i = 0; i < ds->nworkers; i++)
		wg_worker_destroy(ds->worker[i]);
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

/* A dispatch on its way, shared by the participants. */
struct grid_run {
	struct pm4_ctx *c;
	const struct launch *l;
	const struct shader_program *prog;
	unsigned vmid;
	uint64_t ngroups;
	uint64_t chunk;			/* groups taken at a time */
	/* Each on its own cache line: every participant bumps next, and
	 * all of them read stop between rounds of wave turns. */
	_Alignas(CACHE_LINE) atomic_ullong next;	/* the next group to hand out */
	_Alignas(CACHE_LINE) atomic_bool stop;	/* an error or a halt: no more groups */
	_Alignas(CACHE_LINE) pthread_mutex_t mu;
	/* mu must be held for these: */
	enum dispatch_rc rc;		/* the worst outcome so far */
	uint64_t err_group;		/* the first group (grid order) that failed */
	struct wg_error err;		/* and why */
};

/* What one participant needs beside the shared run. */
struct share {
	struct grid_run *r;
	uint64_t since_check;		/* instructions since interrupted() */
};

/* A wave stopped on something else than s_endpgm: report it. */
static enum dispatch_rc
wave_error(struct pm4_ctx *c, const struct launch *l, unsigned vmid,
    const struct wg_error *e)
{
	const struct shader_stop *st = &e->stop;
	uint32_t data[4] = { st->pc, st->dw[0], st->dw[1],
	    (uint32_t)(l->pgm >> COMPUTE_PGM_SHIFT) };

	if (e->wave >= WG_MAX_WAVES) {
		model_log(c->m, "cp %s: out of memory for waves", c->q->name);
		return DISPATCH_HANG;
	}
	if (st->status == SHADER_FAULT) {
		model_log(c->m, "cp %s: shader 0x%llx wave %u of group (%u,%u,%u): VM fault on %s of 0x%llx at PC 0x%x (dwords 0x%08x 0x%08x); dispatch stopped",
		    c->q->name, (unsigned long long)l->pgm, e->wave, e->tgid[0],
		    e->tgid[1], e->tgid[2], st->fault_write ? "write" : "read",
		    (unsigned long long)st->fault_va, st->pc, st->dw[0], st->dw[1]);
		return DISPATCH_HANG;	/* the GMC raised the fault */
	}
	model_log(c->m, "cp %s: shader 0x%llx (vmid %u) wave %u of group (%u,%u,%u): %s instruction at PC 0x%x: dwords 0x%08x 0x%08x%s%s; SQ interrupt, dispatch stopped",
	    c->q->name, (unsigned long long)l->pgm, vmid, e->wave, e->tgid[0],
	    e->tgid[1], e->tgid[2], shader_status_name(st->status), st->pc,
	    st->dw[0], st->dw[1], st->why != NULL ? ": " : "",
	    st->why != NULL ? st->why : "");
	ih_push(c->m, IH_CLIENTID_GRBM_CP, IH_SRC_SQ_INTERRUPT_MSG, c->q->ring_id,
	    vmid, data);
	return DISPATCH_HANG;
}

/*
 * Between rounds of a group's waves: give up when another participant
 * stopped the run, or when the queue was halted or dequeued (asked every
 * CHECK_INSTS instructions of this participant: interrupted() takes two
 * locks).
 */
static bool
share_stop(void *ctx, uint64_t executed)
{
	struct share *s = ctx;

	if (atomic_load_explicit(&s->r->stop, memory_order_relaxed))
		return true;
	s->since_check += executed;
	if (s->since_check < CHECK_INSTS)
		return false;
	s->since_check = 0;
	if (!interrupted(s->r->c))
		return false;
	atomic_store(&s->r->stop, true);
	return true;
}

/* Linear group index (x fastest) -> its id and size per dimension. */
static void
group_of(const struct launch *l, uint64_t g, uint32_t tgid[3], uint32_t dim[3])
{
	for (unsigned d = 0; d < 3; d++) {
		uint64_t i = d == 2 ? g : g % l->groups[d];

		g /= l->groups[d];
		tgid[d] = l->start[d] + (uint32_t)i;
		dim[d] = i + 1 == l->groups[d] ? l->last_threads[d] : l->full[d];
	}
}

/* A group ended short: keep the first one in grid order and stop. */
static void
group_failed(struct grid_run *r, uint64_t g, enum dispatch_rc rc,
    const struct wg_error *err)
{
	pthread_mutex_lock(&r->mu);
	if (rc == DISPATCH_HANG && (r->rc != DISPATCH_HANG || g < r->err_group)) {
		r->err_group = g;
		r->err = *err;
	}
	if (rc == DISPATCH_HANG || r->rc == DISPATCH_OK)
		r->rc = rc;
	pthread_mutex_unlock(&r->mu);
	atomic_store(&r->stop, true);
}

/* One participant: take groups until none are left or the run stops. */
static void
run_share(void *arg, unsigned id)
{
	struct grid_run *r = arg;
	struct pm4_ctx *c = r->c;
	struct wg_worker *k = c->disp->worker[id];
	struct share s = { r, 0 };
	struct wg_error err;
	uint32_t tgid[3], dim[3];
	uint64_t g, end, waves, insts;
	enum dispatch_rc rc;

	wg_worker_begin(k, c->m, r->vmid, c->e->id);
	while (!atomic_load_explicit(&r->stop, memory_order_relaxed)) {
		g = atomic_fetch_add_explicit(&r->next, r->chunk, memory_order_relaxed);
		if (g >= r->ngroups)
			break;
		end = r->ngroups - g < r->chunk ? r->ngroups : g + r->chunk;
		for (; g < end && !atomic_load_explicit(&r->stop,
		    memory_order_relaxed); g++) {
			group_of(r->l, g, tgid, dim);
			rc = wg_run(k, r->l, r->prog, tgid, dim, share_stop, &s, &err);
			if (rc != DISPATCH_OK)
				group_failed(r, g, rc, &err);
		}
	}
	/* Two atomics per participant and dispatch, so the counters cost
	 * the interpreter nothing. */
	wg_worker_take_stats(k, &waves, &insts);
	atomic_fetch_add(&c->m->stats.shader_waves, waves);
	atomic_fetch_add(&c->m->stats.shader_insts, insts);
}

/*
 * The pool and its workers, on the first dispatch that could use them.
 * Without them (one CPU, METALGPU_SHADER_THREADS=1, or no memory or
 * threads: logged) every group runs on the engine thread.
 */
static void
pool_up(struct pm4_ctx *c)
{
	struct dispatch_state *ds = c->disp;
	unsigned n = shader_pool_default_size(), i;

	ds->pool_tried = true;
	if (n < 2)
		return;
	for (i = 1; i < n; i++) {
		ds->worker[i] = wg_worker_create(i);
		if (ds->worker[i] == NULL)
			break;
		ds->nworkers = i + 1;
	}
	if (ds->nworkers == n)
		ds->pool = shader_pool_create(n);
	if (ds->pool == NULL)
		model_log(c->m, "cp %s: no shader thread pool of %u threads; workgroups run on the engine thread",
		    c->q->name, n);
}

static enum dispatch_rc
run_grid(struct pm4_ctx *c, const struct launch *l,
    const struct shader_program *prog, unsigned vmid)
{
	struct dispatch_state *ds = c->disp;
	struct grid_run r = { .c = c, .l = l, .prog = prog, .vmid = vmid,
	    .rc = DISPATCH_OK };
	uint64_t xy;

	/* A grid past 2^64 groups never ends anyway: saturate. */
	if (__builtin_mul_overflow((uint64_t)l->groups[0], l->groups[1], &xy) ||
	    __builtin_mul_overflow(xy, (uint64_t)l->groups[2], &r.ngroups))
		r.ngroups = UINT64_MAX;
	atomic_init(&r.next, 0);
	atomic_init(&r.stop, false);
	pthread_mutex_init(&r.mu, NULL);
	if (r.ngroups > 1 && !ds->pool_tried)
		pool_up(c);
	/* Chunks: a few dozen per participant, so the counter is not a
	 * contended line per group, and the tail stays short. */
	r.chunk = r.ngroups / (CHUNKS_PER_THREAD * (ds->pool != NULL ?
	    shader_pool_size(ds->pool) : 1));
	r.chunk = r.chunk < 1 ? 1 : r.chunk > CHUNK_MAX ? CHUNK_MAX : r.chunk;
	if (r.ngroups > 1 && ds->pool != NULL)
		shader_pool_run(ds->pool, run_share, &r);
	else
		run_share(&r, 0);
	pthread_mutex_destroy(&r.mu);
	if (r.rc == DISPATCH_HANG)
		return wave_error(c, l, vmid, &r.err);
	return r.rc;
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
	return (uint64_t)l->full[0] * l->full[1] * l->full[2] <= WG_MAX_THREADS;
}

enum dispatch_rc
dispatch_run(struct pm4_ctx *c, unsigned vmid, const uint32_t dims[3],
    uint32_t initiator)
{
	struct launch l;
	const struct shader_program *prog;

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
	l.rsrc3 = sh(c, COMPUTE_PGM_RSRC3);
	l.tmpring = sh(c, COMPUTE_TMPRING_SIZE);
	l.gb_addr_config = model_reg_read(c->m, model_abs(c->m, GB_ADDR_CONFIG));
	l.wave_size = F_GET(initiator, DISPATCH_INIT_CS_W32_EN) ? 32 : 64;
	l.lds_bytes = F_GET(l.rsrc2, PGM_RSRC2_LDS_SIZE) * PGM_RSRC2_LDS_UNIT;
	for (unsigned i = 0; i < COMPUTE_USER_DATA_COUNT; i++)
		l.user[i] = sh(c, COMPUTE_USER_DATA_0 + i);
	if (!grid_setup(c, &l, dims) || l.lds_bytes > WG_LDS_MAX_BYTES) {
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
	return run_grid(c, &l, prog, vmid);
}

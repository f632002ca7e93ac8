/*
 * Wave launch from the CP (model/dispatch.c) through the GPU API: compute
 * shaders assembled by llvm-mc at test time (-mcpu=gfx1032), put in an
 * executable BO, launched with SET_SH_REG + DISPATCH_DIRECT/INDIRECT on a
 * compute queue or the gfx ring, results checked on the CPU.  A shader
 * that faults or runs an illegal instruction hangs its queue, and hang
 * detection cancels the job.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "amd/gc_10_3_reg.h"
#include "amd/pm4.h"
#include "api_fixture.h"
#include "log_capture.h"

#define MS		1000000ull
#define SEC		(1000 * MS)
#define JOB_TIMEOUT	(200 * MS)
#define WAIT_BOUND	(10 * SEC)	/* no wait in this file is longer */
#define VA_CMD		0x20000000ull
#define VA_CODE		0x30000000ull
#define VA_DATA		0x40000000ull
#define DATA_BYTES	(1u << 20)
#define MCPU		"gfx1032"

static struct api_fixture fx;
static char tmpdir[64];

static int
group_setup(void **state)
{
	strcpy(tmpdir, "/tmp/test_dispatch.XXXXXX");
	if (mkdtemp(tmpdir) == NULL || api_fixture_up(&fx, 0) != 0)
		return -1;
	gpu_set_job_timeout(fx.dev, JOB_TIMEOUT);
	host_set_log_hook(fx.os, log_hook, NULL);
	return 0;
}

static int
group_teardown(void **state)
{
	char cmd[128];

	host_set_log_hook(fx.os, NULL, NULL);
	api_fixture_down(&fx);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Assemble with llvm-mc into `dst` (at most max dwords); returns dwords. */
static size_t
assemble(const char *src, bool wave64, uint32_t *dst, size_t max)
{
	char s[96], o[96], b[96], cmd[1024];
	FILE *f;
	long len;

	snprintf(s, sizeof(s), "%s/k.s", tmpdir);
	snprintf(o, sizeof(o), "%s/k.o", tmpdir);
	snprintf(b, sizeof(b), "%s/k.bin", tmpdir);
	f = fopen(s, "w");
	assert_non_null(f);
	fputs(src, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "llvm-mc -triple=amdgcn -mcpu=" MCPU
	    " -mattr=%s -filetype=obj -o %s %s && llvm-objcopy -O binary "
	    "--only-section=.text %s %s", wave64 ? "+wavefrontsize64" :
	    "+wavefrontsize32", o, s, o, b);
	if (system(cmd) != 0)
		fail_msg("llvm-mc rejected:\n%s", src);
	f = fopen(b, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	assert_true(len > 0 && (size_t)len <= max * 4);
	assert_int_equal(fread(dst, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	return (size_t)len / 4;
}

/* One client with a command buffer, a code BO and a data BO. */
struct env {
	struct gpu_client *c;
	gpu_handle cmd_bo, code_bo, data_bo;
	uint32_t *cmd, *code, *data;
	uint32_t n;		/* command dwords */
	uint32_t code_dw;	/* code dwords used */
};

static void
env_open(struct env *e)
{
	memset(e, 0, sizeof(*e));
	assert_int_equal(gpu_client_open(fx.dev, &e->c), 0);
	assert_int_equal(gpu_bo_create(e->c, 65536, GPU_DOMAIN_GTT, GPU_BO_CPU_ACCESS, &e->cmd_bo), 0);
	assert_int_equal(gpu_bo_map(e->c, e->cmd_bo, (void **)&e->cmd), 0);
	assert_int_equal(gpu_vm_map(e->c, e->cmd_bo, 0, VA_CMD, 65536, GPU_VM_READ | GPU_VM_EXEC), 0);
	assert_int_equal(gpu_bo_create(e->c, 65536, GPU_DOMAIN_VRAM, GPU_BO_CPU_ACCESS, &e->code_bo), 0);
	assert_int_equal(gpu_bo_map(e->c, e->code_bo, (void **)&e->code), 0);
	assert_int_equal(gpu_vm_map(e->c, e->code_bo, 0, VA_CODE, 65536, GPU_VM_READ | GPU_VM_EXEC), 0);
	assert_int_equal(gpu_bo_create(e->c, DATA_BYTES, GPU_DOMAIN_VRAM, GPU_BO_CPU_ACCESS, &e->data_bo), 0);
	assert_int_equal(gpu_bo_map(e->c, e->data_bo, (void **)&e->data), 0);
	assert_int_equal(gpu_vm_map(e->c, e->data_bo, 0, VA_DATA, DATA_BYTES,
	    GPU_VM_READ | GPU_VM_WRITE), 0);
	memset(e->data, 0, DATA_BYTES);
}

/* Put a shader in the code BO (256-byte aligned); returns its VA. */
static uint64_t
env_shader(struct env *e, const char *src, bool wave64)
{
	uint32_t at = (e->code_dw + 63) & ~63u;

	e->code_dw = at + (uint32_t)assemble(src, wave64, e->code + at, 16384 - at);
	return VA_CODE + 4ull * at;
}

static void
emit(struct env *e, uint32_t v)
{
	e->cmd[e->n++] = v;
}

static void
emit_sh(struct env *e, uint32_t reg, const uint32_t *v, unsigned n)
{
	emit(e, PM4_TYPE3_HDR(PKT3_SET_SH_REG, 1 + n) | F_PREP(PM4_SHADER_TYPE, 1));
	emit(e, model_abs(fx.model, reg) - PM4_SH_REG_START);
	for (unsigned i = 0; i < n; i++)
		emit(e, v[i]);
}

/* A kernel's launch state, as RADV would set it. */
struct kernel {
	uint64_t pgm;
	uint32_t rsrc2;
	uint32_t size[3];	/* workgroup */
	uint32_t user[16];
	unsigned nuser;
	bool wave64;
};

static uint32_t
initiator(const struct kernel *k)
{
	return F_PREP(DISPATCH_INIT_COMPUTE_SHADER_EN, 1) |
	    F_PREP(DISPATCH_INIT_FORCE_START_AT_000, 1) |
	    F_PREP(DISPATCH_INIT_CS_W32_EN, !k->wave64);
}

static void
emit_state(struct env *e, const struct kernel *k)
{
	uint32_t pgm[2] = { (uint32_t)(k->pgm >> 8), (uint32_t)(k->pgm >> 40) };
	uint32_t rsrc[2] = { F_PREP(PGM_RSRC1_IEEE_MODE, 1), k->rsrc2 |
	    F_PREP(PGM_RSRC2_USER_SGPR, k->nuser) };
	uint32_t grid[6] = { 0, 0, 0, k->size[0], k->size[1], k->size[2] };

	emit_sh(e, COMPUTE_PGM_LO, pgm, 2);
	emit_sh(e, COMPUTE_PGM_RSRC1, rsrc, 2);
	emit_sh(e, COMPUTE_START_X, grid, 6);
	if (k->nuser != 0)
		emit_sh(e, COMPUTE_USER_DATA_0, k->user, k->nuser);
}

static void
emit_dispatch(struct env *e, const struct kernel *k, uint32_t x, uint32_t y,
    uint32_t z)
{
	emit_state(e, k);
	emit(e, PM4_TYPE3_HDR(PKT3_DISPATCH_DIRECT, 4) | F_PREP(PM4_SHADER_TYPE, 1));
	emit(e, x);
	emit(e, y);
	emit(e, z);
	emit(e, initiator(k));
}

/* Submit the command buffer on a new queue; the fence wait's result. */
static int
env_run(struct env *e, enum gpu_queue_type type)
{
	struct gpu_cmdbuf b = { VA_CMD, e->n };
	struct gpu_submit s = { &b, 1, NULL, 0, NULL, 0 };
	gpu_handle q;
	uint64_t fence;
	int rc;

	assert_int_equal(gpu_queue_create(e->c, type, &q), 0);
	rc = gpu_queue_submit(e->c, q, &s, &fence);
	if (rc == 0)
		rc = gpu_fence_wait(e->c, q, fence, WAIT_BOUND);
	e->n = 0;
	return rc;
}

static void
set_ptr(struct kernel *k, unsigned s, uint64_t va)
{
	k->user[s] = (uint32_t)va;
	k->user[s + 1] = (uint32_t)(va >> 32);
	if (k->nuser < s + 2)
		k->nuser = s + 2;
}

static float
fl(uint32_t u)
{
	float f;

	memcpy(&f, &u, 4);
	return f;
}

static uint32_t
uf(float f)
{
	uint32_t u;

	memcpy(&u, &f, 4);
	return u;
}

/* ---- vector add: c[i] = a[i] + b[i], 4096 elements, 64 per group ---- */

#define VADD_N		4096
static const char vadd_src[] =
	"s_lshl_b32 s7, s6, 6\n"		/* s6 = TGID X */
	"v_add_nc_u32 v1, s7, v0\n"
	"v_lshlrev_b32 v1, 2, v1\n"
	"global_load_dword v2, v1, s[0:1]\n"
	"global_load_dword v3, v1, s[2:3]\n"
	"s_waitcnt vmcnt(0)\n"
	"v_add_f32 v2, v2, v3\n"
	"global_store_dword v1, v2, s[4:5]\n"
	"s_endpgm\n"
	"s_code_end\n";

static void
vadd_kernel(struct env *e, struct kernel *k, bool wave64, uint64_t out)
{
	memset(k, 0, sizeof(*k));
	k->pgm = env_shader(e, vadd_src, wave64);
	k->rsrc2 = F_PREP(PGM_RSRC2_TGID_X_EN, 1);
	k->size[0] = 64;
	k->size[1] = k->size[2] = 1;
	k->wave64 = wave64;
	set_ptr(k, 0, VA_DATA);
	set_ptr(k, 2, VA_DATA + 4 * VADD_N);
	set_ptr(k, 4, out);
	for (unsigned i = 0; i < VADD_N; i++) {
		e->data[i] = uf((float)i * 0.5f);
		e->data[VADD_N + i] = uf(1000.0f - (float)i);
	}
}

static void
vadd_check(const struct env *e, unsigned at)
{
	for (unsigned i = 0; i < VADD_N; i++)
		if (fl(e->data[at + i]) != (float)i * 0.5f + 1000.0f - (float)i)
			fail_msg("c[%u] = %f", i, (double)fl(e->data[at + i]));
}

static void
vadd(enum gpu_queue_type type, bool wave64)
{
	struct env e;
	struct kernel k;

	env_open(&e);
	vadd_kernel(&e, &k, wave64, VA_DATA + 8 * VADD_N);
	emit_dispatch(&e, &k, VADD_N / 64, 1, 1);
	assert_int_equal(env_run(&e, type), 0);
	vadd_check(&e, 2 * VADD_N);
	gpu_client_close(e.c);
}

static void
test_vadd_wave32(void **state)
{
	vadd(GPU_QUEUE_COMPUTE, false);
}

static void
test_vadd_wave64(void **state)
{
	vadd(GPU_QUEUE_COMPUTE, true);
}

static void
test_vadd_gfx_ring(void **state)
{
	vadd(GPU_QUEUE_GFX, false);
}

/* DISPATCH_INDIRECT, 64-bit address form (RADV on gfx10.3 compute). */
static void
test_vadd_indirect(void **state)
{
	struct env e;
	struct kernel k;
	const unsigned dims_at = 3 * VADD_N;

	env_open(&e);
	vadd_kernel(&e, &k, false, VA_DATA + 8 * VADD_N);
	e.data[dims_at] = VADD_N / 64;
	e.data[dims_at + 1] = e.data[dims_at + 2] = 1;
	emit_state(&e, &k);
	emit(&e, PM4_TYPE3_HDR(PKT3_DISPATCH_INDIRECT, 3) | F_PREP(PM4_SHADER_TYPE, 1));
	emit(&e, (uint32_t)(VA_DATA + 4 * dims_at));
	emit(&e, (uint32_t)((VA_DATA + 4 * dims_at) >> 32));
	emit(&e, initiator(&k));
	assert_int_equal(env_run(&e, GPU_QUEUE_COMPUTE), 0);
	vadd_check(&e, 2 * VADD_N);
	gpu_client_close(e.c);
}

/* ---- 2-D grid: TGID X/Y, thread ids X/Y, TG_SIZE ---- */

#define GRID_W		32	/* 4 groups of 8 */
#define GRID_H		24	/* 3 groups of 8 */
static const char grid_src[] =
	/* s[0:1] out, s[2:3] out2, s4 TGID X, s5 TGID Y, s6 TG_SIZE */
	"s_lshl_b32 s8, s4, 3\n"
	"s_lshl_b32 s9, s5, 3\n"
	"v_add_nc_u32 v2, s8, v0\n"		/* x */
	"v_add_nc_u32 v3, s9, v1\n"		/* y */
	"v_lshlrev_b32 v4, 5, v3\n"
	"v_add_nc_u32 v4, v4, v2\n"
	"v_lshlrev_b32 v4, 2, v4\n"		/* (y * 32 + x) * 4 */
	"v_lshlrev_b32 v5, 16, v2\n"
	"v_or_b32 v5, v5, v3\n"
	"global_store_dword v4, v5, s[0:1]\n"
	"v_mov_b32 v6, s6\n"
	"global_store_dword v4, v6, s[2:3]\n"
	"s_endpgm\n"
	"s_code_end\n";

static void
test_grid_2d(void **state)
{
	struct env e;
	struct kernel k;

	env_open(&e);
	memset(&k, 0, sizeof(k));
	k.pgm = env_shader(&e, grid_src, false);
	k.rsrc2 = F_PREP(PGM_RSRC2_TGID_X_EN, 1) | F_PREP(PGM_RSRC2_TGID_Y_EN, 1) |
	    F_PREP(PGM_RSRC2_TG_SIZE_EN, 1) | F_PREP(PGM_RSRC2_TIDIG_COMP_CNT, 1);
	k.size[0] = k.size[1] = 8;
	k.size[2] = 1;
	set_ptr(&k, 0, VA_DATA);
	set_ptr(&k, 2, VA_DATA + 4096);
	emit_dispatch(&e, &k, GRID_W / 8, GRID_H / 8, 1);
	assert_int_equal(env_run(&e, GPU_QUEUE_COMPUTE), 0);
	for (unsigned y = 0; y < GRID_H; y++)
		for (unsigned x = 0; x < GRID_W; x++) {
			unsigned i = y * GRID_W + x;
			/* 64 threads = 2 waves; wave = (x%8 + 8*(y%8)) / 32,
			 * in [11:6] (gfx10 ordered id) and [24:20] (gfx10.3) */
			uint32_t wave = (y % 8) / 4;
			uint32_t tg = 2 | wave << 6 | wave << 20;

			if (e.data[i] != (x << 16 | y))
				fail_msg("(%u,%u): 0x%08x", x, y, e.data[i]);
			if (e.data[1024 + i] != tg)
				fail_msg("(%u,%u): TG_SIZE 0x%x, want 0x%x", x, y,
				    e.data[1024 + i], tg);
		}
	gpu_client_close(e.c);
}

/* ---- workgroup reduction: LDS + s_barrier across 4 waves ---- */

#define RED_GROUPS	16
#define RED_SIZE	128
static const char reduce_src[] =
	/* s[0:1] in, s[2:3] out, s4 TGID X */
	"s_lshl_b32 s6, s4, 7\n"
	"v_add_nc_u32 v1, s6, v0\n"
	"v_lshlrev_b32 v1, 2, v1\n"
	"global_load_dword v2, v1, s[0:1]\n"
	"v_lshlrev_b32 v3, 2, v0\n"		/* LDS address tid * 4 */
	"s_waitcnt vmcnt(0)\n"
	"ds_write_b32 v3, v2\n"
	"s_mov_b32 s7, 64\n"			/* stride */
	"loop:\n"
	"s_waitcnt lgkmcnt(0)\n"
	"s_barrier\n"
	"v_cmp_gt_u32 vcc_lo, s7, v0\n"
	"s_and_saveexec_b32 s9, vcc_lo\n"
	"s_cbranch_execz skip\n"
	"s_lshl_b32 s10, s7, 2\n"
	"v_add_nc_u32 v4, s10, v3\n"
	"ds_read_b32 v5, v3\n"
	"ds_read_b32 v6, v4\n"
	"s_waitcnt lgkmcnt(0)\n"
	"v_add_nc_u32 v5, v5, v6\n"
	"ds_write_b32 v3, v5\n"
	"skip:\n"
	"s_mov_b32 exec_lo, s9\n"
	"s_lshr_b32 s7, s7, 1\n"
	"s_cmp_lg_u32 s7, 0\n"
	"s_cbranch_scc1 loop\n"
	"s_waitcnt lgkmcnt(0)\n"
	"s_barrier\n"
	"v_cmp_eq_u32 vcc_lo, 0, v0\n"
	"s_and_saveexec_b32 s9, vcc_lo\n"
	"s_cbranch_execz done\n"
	"v_mov_b32 v7, 0\n"
	"ds_read_b32 v5, v7\n"
	"s_lshl_b32 s10, s4, 2\n"
	"v_mov_b32 v8, s10\n"
	"s_waitcnt lgkmcnt(0)\n"
	"global_store_dword v8, v5, s[2:3]\n"
	"done:\n"
	"s_endpgm\n"
	"s_code_end\n";

static void
test_reduce_lds_barrier(void **state)
{
	struct env e;
	struct kernel k;
	const unsigned out = RED_GROUPS * RED_SIZE;

	env_open(&e);
	memset(&k, 0, sizeof(k));
	k.pgm = env_shader(&e, reduce_src, false);
	k.rsrc2 = F_PREP(PGM_RSRC2_TGID_X_EN, 1) |
	    F_PREP(PGM_RSRC2_LDS_SIZE, RED_SIZE * 4 / PGM_RSRC2_LDS_UNIT);
	k.size[0] = RED_SIZE;
	k.size[1] = k.size[2] = 1;
	set_ptr(&k, 0, VA_DATA);
	set_ptr(&k, 2, VA_DATA + 4 * out);
	for (unsigned i = 0; i < out; i++)
		e.data[i] = i * 7 + 3;
	emit_dispatch(&e, &k, RED_GROUPS, 1, 1);
	assert_int_equal(env_run(&e, GPU_QUEUE_COMPUTE), 0);
	for (unsigned g = 0; g < RED_GROUPS; g++) {
		uint32_t want = 0;

		for (unsigned i = 0; i < RED_SIZE; i++)
			want += (g * RED_SIZE + i) * 7 + 3;
		if (e.data[out + g] != want)
			fail_msg("group %u: %u, want %u", g, e.data[out + g], want);
	}
	gpu_client_close(e.c);
}

/* ---- errors: they cancel the job, nothing hangs ---- */

/* A store past the data BO: VM fault for the client, job cancelled. */
static void
test_oob_store_faults(void **state)
{
	struct env e;
	struct kernel k;
	struct gpu_vm_fault f;
	const uint64_t bad = VA_DATA + DATA_BYTES + 0x10000;

	env_open(&e);
	vadd_kernel(&e, &k, false, bad);
	emit_dispatch(&e, &k, VADD_N / 64, 1, 1);
	assert_int_equal(env_run(&e, GPU_QUEUE_COMPUTE), -GPU_ECANCELED);
	assert_int_equal(gpu_vm_fault_query(e.c, &f), 0);
	assert_int_equal(f.addr, bad & ~4095ull);
	assert_true(f.write);
	gpu_client_close(e.c);
}

/* An unknown SOP1 opcode (0xff): the SQ interrupt names PC and dwords. */
static void
test_illegal_instruction(void **state)
{
	struct env e;
	struct kernel k;
	uint64_t pgm;
	char want[128];

	env_open(&e);
	memset(&k, 0, sizeof(k));
	pgm = env_shader(&e, "s_mov_b32 s0, 1\n"
	    "s_nop 0\n"
	    ".long 0xbe80ff00\n"
	    "s_endpgm\n"
	    "s_code_end\n", false);
	k.pgm = pgm;
	k.size[0] = 32;
	k.size[1] = k.size[2] = 1;
	emit_dispatch(&e, &k, 1, 1, 1);
	assert_int_equal(env_run(&e, GPU_QUEUE_COMPUTE), -GPU_ECANCELED);
	snprintf(want, sizeof(want), "shader 0x%llx PC 0x8 dwords 0xbe80ff00",
	    (unsigned long long)pgm);
	if (!logged(want))
		fail_msg("log lacks \"%s\"; it has:\n%s", want, logbuf.text);
	gpu_client_close(e.c);
}

/* ---- workgroups on several host threads (model/shader_pool.c) ---- */

/* How often `want` occurs in the captured driver log. */
static unsigned
count_logged(const char *want)
{
	unsigned n = 0;
	const char *p;

	pthread_mutex_lock(&logbuf.mu);
	for (p = logbuf.text; (p = strstr(p, want)) != NULL; p++)
		n++;
	pthread_mutex_unlock(&logbuf.mu);
	return n;
}

static uint64_t
model_stat(bool insts)
{
	struct navi23_stats s;

	navi23_stats(fx.model, &s);
	return insts ? s.shader_insts : s.shader_waves;
}

/* out[gid] = HASH_ROUNDS rounds of loop.comp's hash of gid; wave32, 64
 * threads a group (2 waves).  A wave runs 4 + 7 * HASH_ROUNDS + 3
 * instructions. */
#define HASH_GROUPS	64
#define HASH_ROUNDS	32
#define HASH_WAVE_INSTS	(4 + 7 * HASH_ROUNDS + 3)
static const char hash_src[] =
	/* s[0:1] out, s2 TGID X */
	"s_lshl_b32 s3, s2, 6\n"
	"v_add_nc_u32 v1, s3, v0\n"
	"v_mov_b32 v2, v1\n"
	"s_mov_b32 s4, 0\n"
	"loop:\n"
	"v_lshrrev_b32 v3, 13, v2\n"
	"v_xor_b32 v2, v2, v3\n"
	"v_mul_lo_u32 v2, 0x5bd1e995, v2\n"
	"v_add_nc_u32 v2, s4, v2\n"
	"s_add_u32 s4, s4, 1\n"
	"s_cmp_lt_u32 s4, 32\n"
	"s_cbranch_scc1 loop\n"
	"v_lshlrev_b32 v1, 2, v1\n"
	"global_store_dword v1, v2, s[0:1]\n"
	"s_endpgm\n"
	"s_code_end\n";

static uint32_t
hash_cpu(uint32_t h)
{
	for (uint32_t k = 0; k < HASH_ROUNDS; k++)
		h = (h ^ (h >> 13)) * 0x5bd1e995u + k;
	return h;
}

/*
 * One dispatch of 64 groups (the pool runs them on several threads) and
 * 64 dispatches of one group each (always the engine thread alone, in
 * order) write the same words, the CPU's; the counters see every wave.
 */
static void
test_parallel_matches_serial(void **state)
{
	struct env e;
	struct kernel k;
	const unsigned n = HASH_GROUPS * 64;
	uint64_t waves = model_stat(false), insts = model_stat(true);

	env_open(&e);
	memset(&k, 0, sizeof(k));
	k.pgm = env_shader(&e, hash_src, false);
	k.rsrc2 = F_PREP(PGM_RSRC2_TGID_X_EN, 1);
	k.size[0] = 64;
	k.size[1] = k.size[2] = 1;
	set_ptr(&k, 0, VA_DATA);
	emit_dispatch(&e, &k, HASH_GROUPS, 1, 1);
	set_ptr(&k, 0, VA_DATA + 4 * n);
	emit_state(&e, &k);
	for (uint32_t g = 0; g < HASH_GROUPS; g++) {
		emit_sh(&e, COMPUTE_START_X, &g, 1);
		emit(&e, PM4_TYPE3_HDR(PKT3_DISPATCH_DIRECT, 4) | F_PREP(PM4_SHADER_TYPE, 1));
		emit(&e, 1);
		emit(&e, 1);
		emit(&e, 1);
		emit(&e, initiator(&k) & ~F_PREP(DISPATCH_INIT_FORCE_START_AT_000, 1));
	}
	assert_int_equal(env_run(&e, GPU_QUEUE_COMPUTE), 0);
	for (unsigned i = 0; i < n; i++) {
		if (e.data[i] != hash_cpu(i))
			fail_msg("parallel out[%u] = 0x%08x, want 0x%08x", i,
			    e.data[i], hash_cpu(i));
		if (e.data[n + i] != e.data[i])
			fail_msg("serial out[%u] = 0x%08x, parallel 0x%08x", i,
			    e.data[n + i], e.data[i]);
	}
	assert_int_equal(model_stat(false) - waves, 2 * 2 * HASH_GROUPS);
	assert_int_equal(model_stat(true) - insts,
	    2 * 2 * HASH_GROUPS * HASH_WAVE_INSTS);
	gpu_client_close(e.c);
}

/* ---- atomics across workgroups ---- */

#define ATOM_GROUPS	64
#define ATOM_SIZE	256
#define ATOM_REPEAT	16
static const char atomic_src[] =
	/* s[0:1] counters, s[2:3] old values, s4 TGID X; wave64 */
	"s_lshl_b32 s5, s4, 8\n"
	"v_add_nc_u32 v1, s5, v0\n"
	"v_lshlrev_b32 v1, 2, v1\n"
	"v_mov_b32 v2, 1\n"
	"v_mov_b32 v3, 0\n"
	"global_atomic_add v4, v3, v2, s[0:1] glc\n"
	"s_mov_b32 s6, 16\n"
	"again:\n"				/* ATOM_REPEAT adds, no return */
	"global_atomic_add v3, v2, s[0:1] offset:4\n"
	"s_sub_u32 s6, s6, 1\n"
	"s_cmp_lg_u32 s6, 0\n"
	"s_cbranch_scc1 again\n"
	"s_waitcnt vmcnt(0)\n"
	"global_store_dword v1, v4, s[2:3]\n"
	"s_endpgm\n"
	"s_code_end\n";

/*
 * 64 groups x 256 lanes add 1 to a counter with return, and 16 times to
 * another without: they end at 16384 and 16 x 16384 exactly, and the
 * values returned are each of 0..16383 once (a lost update repeats one).
 */
static void
test_atomics_across_groups(void **state)
{
	struct env e;
	struct kernel k;
	const unsigned n = ATOM_GROUPS * ATOM_SIZE;
	static uint8_t seen[ATOM_GROUPS * ATOM_SIZE];

	env_open(&e);
	memset(&k, 0, sizeof(k));
	k.pgm = env_shader(&e, atomic_src, true);
	k.rsrc2 = F_PREP(PGM_RSRC2_TGID_X_EN, 1);
	k.size[0] = ATOM_SIZE;
	k.size[1] = k.size[2] = 1;
	k.wave64 = true;
	set_ptr(&k, 0, VA_DATA);
	set_ptr(&k, 2, VA_DATA + 4096);
	emit_dispatch(&e, &k, ATOM_GROUPS, 1, 1);
	assert_int_equal(env_run(&e, GPU_QUEUE_COMPUTE), 0);
	assert_int_equal(e.data[0], n);
	assert_int_equal(e.data[1], ATOM_REPEAT * n);
	memset(seen, 0, sizeof(seen));
	for (unsigned i = 0; i < n; i++) {
		uint32_t old = e.data[1024 + i];

		if (old >= n || seen[old]++)
			fail_msg("lane %u got %u: repeated or out of range", i, old);
	}
	gpu_client_close(e.c);
}

/* ---- errors in one of many parallel groups ---- */

#define ERR_GROUPS	256
#define ERR_GROUP	200
static const char fault_one_src[] =
	/* s[0:1] out, s[2:3] a bad address, s4 TGID X; group 200 stores
	 * its first dword to the bad address */
	"s_lshl_b32 s5, s4, 6\n"
	"v_add_nc_u32 v1, s5, v0\n"
	"v_lshlrev_b32 v1, 2, v1\n"
	"s_cmp_lg_u32 s4, 200\n"
	"s_cbranch_scc1 store\n"
	"v_mov_b32 v1, 0\n"
	"s_mov_b64 s[0:1], s[2:3]\n"
	"store:\n"
	"global_store_dword v1, v1, s[0:1]\n"
	"s_endpgm\n"
	"s_code_end\n";

/* One VM fault for the client, on the right page, as a write; the job is
 * cancelled, the other groups' work does not matter. */
static void
test_fault_in_one_parallel_group(void **state)
{
	struct env e;
	struct kernel k;
	struct gpu_vm_fault f;
	const uint64_t bad = VA_DATA + DATA_BYTES + 0x20000;

	env_open(&e);
	log_clear();
	memset(&k, 0, sizeof(k));
	k.pgm = env_shader(&e, fault_one_src, false);
	k.rsrc2 = F_PREP(PGM_RSRC2_TGID_X_EN, 1);
	k.size[0] = 64;
	k.size[1] = k.size[2] = 1;
	set_ptr(&k, 0, VA_DATA);
	set_ptr(&k, 2, bad);
	emit_dispatch(&e, &k, ERR_GROUPS, 1, 1);
	assert_int_equal(env_run(&e, GPU_QUEUE_COMPUTE), -GPU_ECANCELED);
	assert_int_equal(gpu_vm_fault_query(e.c, &f), 0);
	assert_int_equal(f.addr, bad);
	assert_true(f.write);
	assert_int_equal(f.count, 1);
	assert_int_equal(count_logged("page fault (vmid"), 1);
	gpu_client_close(e.c);
}

static const char illegal_one_src[] =
	/* s[0:1] out, s2 TGID X: group 200 runs an unknown SOP1 opcode, at
	 * PC 0x18 (200 is a literal: s_cmp_lg_u32 takes 8 bytes) */
	"s_lshl_b32 s3, s2, 6\n"
	"v_add_nc_u32 v1, s3, v0\n"
	"v_lshlrev_b32 v1, 2, v1\n"
	"s_cmp_lg_u32 s2, 200\n"
	"s_cbranch_scc1 store\n"
	".long 0xbe80ff00\n"
	"store:\n"
	"global_store_dword v1, v1, s[0:1]\n"
	"s_endpgm\n"
	"s_code_end\n";

/* One SQ interrupt, naming the instruction; the job is cancelled. */
static void
test_illegal_in_one_parallel_group(void **state)
{
	struct env e;
	struct kernel k;
	char want[128];

	env_open(&e);
	log_clear();
	memset(&k, 0, sizeof(k));
	k.pgm = env_shader(&e, illegal_one_src, false);
	k.rsrc2 = F_PREP(PGM_RSRC2_TGID_X_EN, 1);
	k.size[0] = 64;
	k.size[1] = k.size[2] = 1;
	set_ptr(&k, 0, VA_DATA);
	emit_dispatch(&e, &k, ERR_GROUPS, 1, 1);
	assert_int_equal(env_run(&e, GPU_QUEUE_COMPUTE), -GPU_ECANCELED);
	snprintf(want, sizeof(want), "shader 0x%llx PC 0x18 dwords 0xbe80ff00",
	    (unsigned long long)k.pgm);
	if (count_logged(want) != 1)
		fail_msg("want \"%s\" once; the log has:\n%s", want, logbuf.text);
	assert_int_equal(count_logged("SQ: illegal instruction"), 1);
	gpu_client_close(e.c);
}

/* ---- the translation cache: accesses that cross a page ---- */

static const char span_src[] =
	/* s[0:1] source, s[2:3] out: one lane copies 16 bytes */
	"v_mov_b32 v0, 0\n"
	"global_load_dwordx4 v[1:4], v0, s[0:1]\n"
	"s_waitcnt vmcnt(0)\n"
	"global_store_dwordx4 v0, v[1:4], s[2:3]\n"
	"s_endpgm\n"
	"s_code_end\n";

static void
span_run(struct env *e, uint64_t src, uint64_t out, int want_rc)
{
	struct kernel k;

	memset(&k, 0, sizeof(k));
	k.pgm = env_shader(e, span_src, false);
	k.size[0] = k.size[1] = k.size[2] = 1;
	set_ptr(&k, 0, src);
	set_ptr(&k, 2, out);
	emit_dispatch(e, &k, 1, 1, 1);
	assert_int_equal(env_run(e, GPU_QUEUE_COMPUTE), want_rc);
}

/* A load and a store across a page boundary inside the BO move all 16
 * bytes; a load whose second half is past the BO faults on that page, as
 * a read. */
static void
test_page_crossing_access(void **state)
{
	struct env e;
	struct gpu_vm_fault f;
	const unsigned src = 4096 / 4 - 2, out = 3 * 4096 / 4 - 2;

	env_open(&e);
	for (unsigned i = 0; i < 4; i++)
		e.data[src + i] = 0x1000 + i;
	span_run(&e, VA_DATA + 4 * src, VA_DATA + 4 * out, 0);
	for (unsigned i = 0; i < 4; i++)
		assert_int_equal(e.data[out + i], 0x1000 + i);
	span_run(&e, VA_DATA + DATA_BYTES - 8, VA_DATA, -GPU_ECANCELED);
	assert_int_equal(gpu_vm_fault_query(e.c, &f), 0);
	assert_int_equal(f.addr, VA_DATA + DATA_BYTES);
	assert_false(f.write);
	gpu_client_close(e.c);
}

/* ---- the translation cache follows the driver's invalidations ---- */

#define VA_VICTIM	0x50000000ull
static const char unmap_src[] =
	/* s[0:1] flags: [0] started (shader), [1] go (CPU), [2] result;
	 * s[2:3] the victim page */
	"v_mov_b32 v0, 0\n"
	"global_load_dword v1, v0, s[2:3]\n"	/* the page is cached now */
	"s_waitcnt vmcnt(0)\n"
	"v_mov_b32 v2, 1\n"
	"global_store_dword v0, v2, s[0:1]\n"
	"spin:\n"
	"global_load_dword v3, v0, s[0:1] offset:4 glc\n"
	"s_waitcnt vmcnt(0)\n"
	"v_readfirstlane_b32 s4, v3\n"
	"s_cmp_eq_u32 s4, 0\n"
	"s_cbranch_scc1 spin\n"
	"global_load_dword v1, v0, s[2:3]\n"	/* unmapped meanwhile */
	"s_waitcnt vmcnt(0)\n"
	"global_store_dword v0, v1, s[0:1] offset:8\n"
	"s_endpgm\n"
	"s_code_end\n";

/*
 * A running shader has read a page; the CPU unmaps it (the driver
 * invalidates the VMID's TLB) and lets the shader go on: its next read of
 * the page faults, at that page, as a read, instead of using the cached
 * translation.
 */
static void
test_unmap_while_running(void **state)
{
	struct env e;
	struct kernel k;
	struct gpu_vm_fault f;
	struct gpu_cmdbuf b = { VA_CMD, 0 };
	struct gpu_submit s = { &b, 1, NULL, 0, NULL, 0 };
	gpu_handle victim, q;
	uint32_t *vp;
	uint64_t fence;
	unsigned waited = 0;

	env_open(&e);
	assert_int_equal(gpu_bo_create(e.c, 4096, GPU_DOMAIN_VRAM, GPU_BO_CPU_ACCESS, &victim), 0);
	assert_int_equal(gpu_bo_map(e.c, victim, (void **)&vp), 0);
	vp[0] = 0x5a5a5a5a;
	assert_int_equal(gpu_vm_map(e.c, victim, 0, VA_VICTIM, 4096,
	    GPU_VM_READ | GPU_VM_WRITE), 0);
	memset(&k, 0, sizeof(k));
	k.pgm = env_shader(&e, unmap_src, false);
	k.size[0] = k.size[1] = k.size[2] = 1;
	set_ptr(&k, 0, VA_DATA);
	set_ptr(&k, 2, VA_VICTIM);
	emit_dispatch(&e, &k, 1, 1, 1);
	b.ndw = e.n;
	/* The shader spins until told: give the job time for the steps. */
	gpu_set_job_timeout(fx.dev, WAIT_BOUND / 2);
	assert_int_equal(gpu_queue_create(e.c, GPU_QUEUE_COMPUTE, &q), 0);
	assert_int_equal(gpu_queue_submit(e.c, q, &s, &fence), 0);
	while (__atomic_load_n(&e.data[0], __ATOMIC_ACQUIRE) == 0) {
		assert_true(++waited < 5000);
		usleep(1000);
	}
	assert_int_equal(gpu_vm_unmap(e.c, VA_VICTIM, 4096), 0);
	__atomic_store_n(&e.data[1], 1, __ATOMIC_RELEASE);
	gpu_set_job_timeout(fx.dev, JOB_TIMEOUT);	/* now it should fault */
	assert_int_equal(gpu_fence_wait(e.c, q, fence, WAIT_BOUND), -GPU_ECANCELED);
	assert_int_equal(e.data[2], 0);
	assert_int_equal(gpu_vm_fault_query(e.c, &f), 0);
	assert_int_equal(f.addr, VA_VICTIM);
	assert_false(f.write);
	gpu_client_close(e.c);
}

/* ---- a shader that never ends, on every thread ---- */

static const char endless_src[] =
	"loop:\n"
	"s_branch loop\n"
	"s_endpgm\n"
	"s_code_end\n";

/*
 * 16 groups that loop forever keep every shader thread busy; the driver's
 * hang detection resets the queue, every thread notices (between wave
 * turns) and the dispatch is abandoned; a next job runs normally.
 */
static void
test_endless_shader_is_reset(void **state)
{
	struct env e;
	struct kernel k;

	env_open(&e);
	memset(&k, 0, sizeof(k));
	k.pgm = env_shader(&e, endless_src, false);
	k.size[0] = 64;
	k.size[1] = k.size[2] = 1;
	emit_dispatch(&e, &k, 16, 1, 1);
	assert_int_equal(env_run(&e, GPU_QUEUE_COMPUTE), -GPU_ECANCELED);
	vadd_kernel(&e, &k, false, VA_DATA + 8 * VADD_N);
	emit_dispatch(&e, &k, VADD_N / 64, 1, 1);
	assert_int_equal(env_run(&e, GPU_QUEUE_COMPUTE), 0);
	vadd_check(&e, 2 * VADD_N);
	gpu_client_close(e.c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vadd_wave32),
		cmocka_unit_test(test_vadd_wave64),
		cmocka_unit_test(test_vadd_gfx_ring),
		cmocka_unit_test(test_vadd_indirect),
		cmocka_unit_test(test_grid_2d),
		cmocka_unit_test(test_reduce_lds_barrier),
		cmocka_unit_test(test_oob_store_faults),
		cmocka_unit_test(test_illegal_instruction),
		cmocka_unit_test(test_parallel_matches_serial),
		cmocka_unit_test(test_atomics_across_groups),
		cmocka_unit_test(test_fault_in_one_parallel_group),
		cmocka_unit_test(test_illegal_in_one_parallel_group),
		cmocka_unit_test(test_page_crossing_access),
		cmocka_unit_test(test_unmap_while_running),
		cmocka_unit_test(test_endless_shader_is_reset),
	};

	/* Several shader threads even on a one-CPU host, unless the caller
	 * chose (meson's dispatch_1thread runs the suite with 1). */
	setenv("METALGPU_SHADER_THREADS", "4", 0);
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}

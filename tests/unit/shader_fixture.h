/*
 * Running small llvm-mc-assembled programs on the shader core
 * (model/shader) over host memory, for the shader test suites.
 *
 * shader_fixture_setup/teardown make and remove a temporary directory
 * (cmocka group setup); sf_assemble() runs
 *   llvm-mc -triple=amdgcn -mcpu=gfx1032 -filetype=obj + llvm-objcopy
 * and returns the .text dwords.  struct sf_run is one wave over a 64 KiB
 * host arena at GPU address SF_ARENA_VA (anything else faults) and a
 * 1 KiB LDS; v0 holds the lane id, as the CP sets it.  The arena is the
 * run's own (sf_init) or one the caller keeps across runs (sf_init_mem).
 */
#ifndef TESTS_SHADER_FIXTURE_H
#define TESTS_SHADER_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shader/wave.h"

#define SF_MCPU		"gfx1032"
#define SF_ARENA_VA	0x100000000ull
#define SF_ARENA_SIZE	(64u << 10)
#define SF_LDS_SIZE	1024u

static char sf_tmpdir[64];

static inline int
shader_fixture_setup(void **state)
{
	(void)state;
	strcpy(sf_tmpdir, "/tmp/test_shader.XXXXXX");
	return mkdtemp(sf_tmpdir) == NULL ? -1 : 0;
}

static inline int
shader_fixture_teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", sf_tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Assemble a program into dwords (labels resolved by the object writer). */
static inline uint32_t *
sf_assemble(const char *src, const char *attr, size_t *ndw)
{
	char s[96], o[96], b[96], cmd[1024];
	uint32_t *code;
	FILE *f;
	long len;

	snprintf(s, sizeof(s), "%s/p.s", sf_tmpdir);
	snprintf(o, sizeof(o), "%s/p.o", sf_tmpdir);
	snprintf(b, sizeof(b), "%s/p.bin", sf_tmpdir);
	f = fopen(s, "w");
	assert_non_null(f);
	fputs(src, f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "llvm-mc -triple=amdgcn -mcpu=" SF_MCPU
	    " %s -filetype=obj -o %s %s && llvm-objcopy -O binary "
	    "--only-section=.text %s %s", attr, o, s, o, b);
	if (system(cmd) != 0)
		fail_msg("llvm-mc rejected:\n%s", src);
	f = fopen(b, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	code = calloc(1, (size_t)len + 4);
	assert_non_null(code);
	assert_int_equal(fread(code, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	*ndw = (size_t)len / 4;
	return code;
}

struct sf_mem {
	uint8_t bytes[SF_ARENA_SIZE];
};

static inline int
sf_read(void *ctx, uint64_t va, void *dst, size_t len)
{
	struct sf_mem *m = ctx;

	if (va < SF_ARENA_VA || va - SF_ARENA_VA + len > SF_ARENA_SIZE)
		return -1;
	memcpy(dst, m->bytes + (va - SF_ARENA_VA), len);
	return 0;
}

static inline int
sf_write(void *ctx, uint64_t va, const void *src, size_t len)
{
	struct sf_mem *m = ctx;

	if (va < SF_ARENA_VA || va - SF_ARENA_VA + len > SF_ARENA_SIZE)
		return -1;
	memcpy(m->bytes + (va - SF_ARENA_VA), src, len);
	return 0;
}

static const struct shader_mem_ops sf_ops = { sf_read, sf_write, NULL };

/* One wave, its program, arena and LDS. */
struct sf_run {
	struct shader_wave w;
	struct shader_program *p;
	uint32_t *code;
	struct sf_mem *mem;
	bool mem_is_callers;	/* sf_init_mem: sf_fini leaves mem alone */
	uint8_t lds[SF_LDS_SIZE];
};

/*
 * Assemble src, set up a wave of `lanes` with v0 = lane id over the
 * caller's arena `mem` (sf_fini does not free it).
 */
static inline void
sf_init_mem(struct sf_run *r, const char *src, unsigned lanes,
    struct sf_mem *mem)
{
	size_t ndw;

	memset(r, 0, sizeof(*r));
	r->code = sf_assemble(src, lanes == 64 ? "-mattr=+wavefrontsize64" :
	    "", &ndw);
	assert_int_equal(shader_decode(r->code, ndw, 0x4000, &r->p), 0);
	assert_int_equal(r->p->nillegal, 0);
	assert_int_equal(shader_wave_init(&r->w, lanes), 0);
	assert_non_null(mem);
	r->mem = mem;
	r->mem_is_callers = true;
	r->w.mem = &sf_ops;
	r->w.mem_ctx = r->mem;
	r->w.lds = r->lds;
	r->w.lds_size = sizeof(r->lds);
	for (unsigned l = 0; l < lanes; l++)
		r->w.vgpr[0][l] = l;
}

/* As sf_init_mem, over an arena of the run's own, zeroed. */
static inline void
sf_init(struct sf_run *r, const char *src, unsigned lanes)
{
	struct sf_mem *mem = calloc(1, sizeof(*mem));

	assert_non_null(mem);
	sf_init_mem(r, src, lanes, mem);
	r->mem_is_callers = false;
}

static inline void
sf_fini(struct sf_run *r)
{
	shader_wave_fini(&r->w);
	shader_program_free(r->p);
	free(r->code);
	if (!r->mem_is_callers)
		free(r->mem);
}

static inline enum shader_status
sf_go(struct sf_run *r)
{
	enum shader_status st = shader_wave_run(&r->w, r->p, 100000);

	if (st != SHADER_ENDPGM)
		fprintf(stderr, "stopped: %s at pc %#x (%#x %#x)\n",
		    shader_status_name(st), r->w.stop.pc, r->w.stop.dw[0],
		    r->w.stop.dw[1]);
	return st;
}

static inline void
sf_set_ptr(struct shader_wave *w, unsigned s, uint64_t va)
{
	w->sgpr[s] = (uint32_t)va;
	w->sgpr[s + 1] = (uint32_t)(va >> 32);
}

/* A raw V# (stride 0, OOB_SELECT raw) over `bytes` at va in s[s:s+3]. */
static inline void
sf_set_vbuf(struct shader_wave *w, unsigned s, uint64_t va, uint32_t bytes)
{
	w->sgpr[s] = (uint32_t)va;
	w->sgpr[s + 1] = (uint32_t)(va >> 32) & 0xffff;
	w->sgpr[s + 2] = bytes;
	w->sgpr[s + 3] = F_PREP(VBUF3_OOB_SELECT, OOB_RAW);
}

/* 32- and 64-bit words of the arena and of LDS, by byte offset. */
static inline uint32_t
sf_u32(const uint8_t *base, uint32_t off)
{
	uint32_t v;

	memcpy(&v, base + off, 4);
	return v;
}

static inline uint64_t
sf_u64(const uint8_t *base, uint32_t off)
{
	uint64_t v;

	memcpy(&v, base + off, 8);
	return v;
}

static inline void
sf_put32(uint8_t *base, uint32_t off, uint32_t v)
{
	memcpy(base + off, &v, 4);
}

static inline void
sf_put64(uint8_t *base, uint32_t off, uint64_t v)
{
	memcpy(base + off, &v, 8);
}

static inline uint32_t
sf_f2u(float f)
{
	uint32_t u;

	memcpy(&u, &f, 4);
	return u;
}

static inline float
sf_u2f(uint32_t u)
{
	float f;

	memcpy(&f, &u, 4);
	return f;
}

static inline uint64_t
sf_d2u(double d)
{
	uint64_t u;

	memcpy(&u, &d, 8);
	return u;
}

#endif

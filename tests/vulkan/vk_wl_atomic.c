/*
 * Atomics on storage buffers (and shared memory in atomics): 32-bit
 * integer, 64-bit integer, float add and float min/max/exchange.  Words
 * every thread hits have order-independent results; the value an atomic
 * returns is only checked where one thread owns the word.
 */
#include <string.h>

#include "vk_compute.h"
#include "atomics.spv.h"
#include "atomic64.spv.h"
#include "atomic_fadd.spv.h"
#include "atomic_fminmax.spv.h"

#define AT_N		((1u << 16) + 3u)	/* a partial last group */
#define AT_AND_EVERY	4096u			/* as in atomics.comp */
#define AT_AND_AT	7u
#define A64_N		((1u << 14) + 1u)
#define A64_AND_EVERY	1024u			/* as in atomic64.comp */
#define A64_AND_AT	5u
#define FA_N		(4096u + 7u)
#define FA_SLOTS	16u
#define FM_N		(4096u + 7u)
#define FM_SLOTS	8u

static void
push_n(struct wl_run *r, uint32_t n)
{
	memcpy(r->push, &n, 4);
}

/* --- atomics (32-bit) -------------------------------------------------- */

/* The layout of atomics.comp's buffer C. */
struct at_c {
	uint32_t add, minv, maxv, andv, orv, xorv;
	int32_t smin, smax;
	uint32_t wgsum;
};

static void
at_fill(struct wl_run *r)
{
	uint32_t *a = r->buf[0], *x = r->buf[2];
	struct at_c c = { 0, UINT32_MAX, 0, UINT32_MAX, 0, 0, INT32_MAX, INT32_MIN, 0 };

	for (uint32_t i = 0; i < AT_N; i++) {
		a[i] = wl_hash(i);
		x[i] = ~i;
		x[AT_N + i] = i % 2 == 0 ? i : i + 1;	/* the swap succeeds when even */
	}
	memcpy(r->buf[1], &c, sizeof(c));
	memset(r->buf[3], 0xff, AT_N * 8u);
	push_n(r, AT_N);
}

static int
at_check(const struct wl_run *r)
{
	const uint32_t *a = r->buf[0];
	struct at_c c = { 0, UINT32_MAX, 0, UINT32_MAX, 0, 0, INT32_MAX, INT32_MIN, 0 };
	uint32_t *x = wl_alloc(AT_N * 8u), *old = wl_alloc(AT_N * 8u);
	int rc;

	for (uint32_t i = 0; i < AT_N; i++) {
		uint32_t v = a[i];

		c.add += v;
		c.minv = v < c.minv ? v : c.minv;
		c.maxv = v > c.maxv ? v : c.maxv;
		c.xorv ^= v;
		c.smin = (int32_t)v < c.smin ? (int32_t)v : c.smin;
		c.smax = (int32_t)v > c.smax ? (int32_t)v : c.smax;
		if (i % AT_AND_EVERY == AT_AND_AT) {
			c.andv &= v;
			c.orv |= v;
		}
		c.wgsum += v & 0xffu;
		old[2 * i] = ~i;
		x[i] = v;
		old[2 * i + 1] = i % 2 == 0 ? i : i + 1;
		x[AT_N + i] = i % 2 == 0 ? v : i + 1;
	}
	rc = wl_cmp(r, "counters (add min max and or xor smin smax wgsum)", r->buf[1],
	    &c, sizeof(c) / 4, WL_U32);
	rc |= wl_cmp(r, "x (exchanged, swapped)", r->buf[2], x, 2 * AT_N, WL_U32);
	rc |= wl_cmp(r, "returned (exchange, swap)", r->buf[3], old, 2 * AT_N, WL_U32);
	free(x);
	free(old);
	return rc;
}

const struct workload wl_atomics = {
	.name = "atomics", .what = "32-bit buffer and shared atomics, 2^16 + 3 threads",
	.spv = atomics_spv, .spv_bytes = sizeof(atomics_spv),
	.nbuf = 4, .buf_bytes = { AT_N * 4u, sizeof(struct at_c), AT_N * 8u, AT_N * 8u },
	.push_bytes = 4, .groups = { DIV_UP(AT_N, 64u), 1, 1 },
	.fill = at_fill, .check = at_check,
};

/* --- atomic64 ---------------------------------------------------------- */

struct a64_c {
	uint64_t add, minv, maxv, andv, orv, xorv;
	int64_t smin, smax;
};

static const struct a64_c a64_init = { 0, UINT64_MAX, 0, UINT64_MAX, 0, 0,
	INT64_MAX, INT64_MIN };

static uint64_t
a64_in(uint32_t i)
{
	return (uint64_t)wl_hash(i) << 32 | wl_hash(i + A64_N);
}

/* The swap of word i succeeds when i % 3 == 0. */
static uint64_t
a64_cmp_init(uint32_t i)
{
	return i % 3 == 0 ? (uint64_t)i << 32 : 1;
}

static void
a64_fill(struct wl_run *r)
{
	uint64_t *a = r->buf[0], *x = r->buf[2];

	for (uint32_t i = 0; i < A64_N; i++) {
		a[i] = a64_in(i);
		x[i] = ~(uint64_t)i;
		x[A64_N + i] = a64_cmp_init(i);
	}
	memcpy(r->buf[1], &a64_init, sizeof(a64_init));
	memset(r->buf[3], 0xff, A64_N * 16u);
	push_n(r, A64_N);
}

static int
a64_check(const struct wl_run *r)
{
	struct a64_c c = a64_init;
	uint64_t *x = wl_alloc(A64_N * 16u), *old = wl_alloc(A64_N * 16u);
	int rc;

	for (uint32_t i = 0; i < A64_N; i++) {
		uint64_t v = a64_in(i);

		c.add += v;
		c.minv = v < c.minv ? v : c.minv;
		c.maxv = v > c.maxv ? v : c.maxv;
		c.xorv ^= v;
		c.smin = (int64_t)v < c.smin ? (int64_t)v : c.smin;
		c.smax = (int64_t)v > c.smax ? (int64_t)v : c.smax;
		if (i % A64_AND_EVERY == A64_AND_AT) {
			c.andv &= v;
			c.orv |= v;
		}
		old[2 * i] = ~(uint64_t)i;
		x[i] = v;
		old[2 * i + 1] = a64_cmp_init(i);
		x[A64_N + i] = i % 3 == 0 ? v : a64_cmp_init(i);
	}
	rc = wl_cmp(r, "counters (add min max and or xor smin smax)", r->buf[1], &c,
	    sizeof(c) / 8, WL_U64);
	rc |= wl_cmp(r, "x (exchanged, swapped)", r->buf[2], x, 2 * A64_N, WL_U64);
	rc |= wl_cmp(r, "returned (exchange, swap)", r->buf[3], old, 2 * A64_N, WL_U64);
	free(x);
	free(old);
	return rc;
}

const struct workload wl_atomic64 = {
	.name = "atomic64", .what = "64-bit buffer atomics, 2^14 + 1 threads",
	.spv = atomic64_spv, .spv_bytes = sizeof(atomic64_spv),
	.need = WL_F_INT64 | WL_F_ATOMIC64,
	.nbuf = 4, .buf_bytes = { A64_N * 8u, sizeof(struct a64_c), A64_N * 16u,
	    A64_N * 16u },
	.push_bytes = 4, .groups = { DIV_UP(A64_N, 64u), 1, 1 },
	.fill = a64_fill, .check = a64_check,
};

/* --- atomic_fadd -------------------------------------------------------- */

static float
fa_in(uint32_t i)
{
	return (float)((i * 13u) % 64u) - 20.0f;
}

static void
fa_fill(struct wl_run *r)
{
	float *a = r->buf[0], *s = r->buf[1];

	for (uint32_t i = 0; i < FA_N; i++) {
		a[i] = fa_in(i);
		s[FA_SLOTS + i] = (float)i;
	}
	memset(s, 0, FA_SLOTS * 4u);
	memset(r->buf[2], 0xff, FA_N * 4u);
	push_n(r, FA_N);
}

static int
fa_check(const struct wl_run *r)
{
	float *s = wl_alloc((FA_SLOTS + FA_N) * 4u), *old = wl_alloc(FA_N * 4u);
	int rc;

	for (uint32_t i = 0; i < FA_N; i++) {
		s[i % FA_SLOTS] += fa_in(i);
		old[i] = (float)i;
		s[FA_SLOTS + i] = (float)i + 0.5f;
	}
	rc = wl_cmp(r, "sums", r->buf[1], s, FA_SLOTS + FA_N, WL_F32);
	rc |= wl_cmp(r, "returned", r->buf[2], old, FA_N, WL_F32);
	free(s);
	free(old);
	return rc;
}

const struct workload wl_atomic_fadd = {
	.name = "atomic_fadd", .what = "float atomic add, 4096 + 7 threads",
	.spv = atomic_fadd_spv, .spv_bytes = sizeof(atomic_fadd_spv),
	.need = WL_F_FADD,
	.nbuf = 3, .buf_bytes = { FA_N * 4u, (FA_SLOTS + FA_N) * 4u, FA_N * 4u },
	.push_bytes = 4, .groups = { DIV_UP(FA_N, 64u), 1, 1 },
	.fill = fa_fill, .check = fa_check,
};

/* --- atomic_fminmax ----------------------------------------------------- */

/* Signed eighths, never zero (min/max of -0 and +0 is not portable). */
static float
fm_in(uint32_t i)
{
	int32_t k = (int32_t)(wl_hash(i) % 20001u) - 10000;

	return (float)(k != 0 ? k : 1) / 8.0f;
}

static void
fm_fill(struct wl_run *r)
{
	float *a = r->buf[0], *m = r->buf[1], *x = r->buf[2];

	for (uint32_t i = 0; i < FM_N; i++) {
		a[i] = fm_in(i);
		x[i] = (float)i;
	}
	for (uint32_t s = 0; s < FM_SLOTS; s++) {
		m[s] = 1e30f;
		m[FM_SLOTS + s] = -1e30f;
	}
	memset(r->buf[3], 0xff, FM_N * 4u);
	push_n(r, FM_N);
}

static int
fm_check(const struct wl_run *r)
{
	float m[2 * FM_SLOTS], *x = wl_alloc(FM_N * 4u), *old = wl_alloc(FM_N * 4u);
	int rc;

	for (uint32_t s = 0; s < FM_SLOTS; s++) {
		m[s] = 1e30f;
		m[FM_SLOTS + s] = -1e30f;
	}
	for (uint32_t i = 0; i < FM_N; i++) {
		float v = fm_in(i);
		float *lo = &m[i % FM_SLOTS], *hi = &m[FM_SLOTS + i % FM_SLOTS];

		*lo = v < *lo ? v : *lo;
		*hi = v > *hi ? v : *hi;
		x[i] = v;
		old[i] = (float)i;
	}
	rc = wl_cmp(r, "min, max", r->buf[1], m, 2 * FM_SLOTS, WL_F32);
	rc |= wl_cmp(r, "x (exchanged)", r->buf[2], x, FM_N, WL_F32);
	rc |= wl_cmp(r, "returned (exchange)", r->buf[3], old, FM_N, WL_F32);
	free(x);
	free(old);
	return rc;
}

const struct workload wl_atomic_fminmax = {
	.name = "atomic_fminmax", .what = "float atomic min, max and exchange, 4096 + 7 threads",
	.spv = atomic_fminmax_spv, .spv_bytes = sizeof(atomic_fminmax_spv),
	.need = WL_F_FATOMIC | WL_F_FMINMAX,
	.nbuf = 4, .buf_bytes = { FM_N * 4u, 2 * FM_SLOTS * 4u, FM_N * 4u, FM_N * 4u },
	.push_bytes = 4, .groups = { DIV_UP(FM_N, 64u), 1, 1 },
	.fill = fm_fill, .check = fm_check,
};

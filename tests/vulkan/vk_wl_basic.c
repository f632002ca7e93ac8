/*
 * The plain workloads: element-wise (vadd, loop, saxpy), shared memory
 * and barriers (reduce, scan, matmul, histogram), push and specialization
 * constants (pushspec) and vkCmdDispatchIndirect (indirect).  Inputs are
 * chosen so float results are exact whatever the order or contraction
 * (fma or not): small integers and dyadic fractions.
 */
#include <string.h>

#include "vk_compute.h"
#include "vadd.spv.h"
#include "loop.spv.h"
#include "saxpy.spv.h"
#include "reduce.spv.h"
#include "scan.spv.h"
#include "matmul.spv.h"
#include "histogram.spv.h"
#include "pushspec.spv.h"
#include "indirect.spv.h"

#define VADD_N		((1u << 20) + 37u)	/* 1 Mi elements and a partial group */
#define LOOP_N		(1u << 16)
#define LOOP_ITERS	256u			/* as in loop.comp */
#define SAXPY_N		((1u << 16) + 5u)
#define SAXPY_A		2.5f
#define RED_GROUP	256u			/* GROUP in reduce.comp and scan.comp */
#define RED_N		(1u << 16)
#define MM_N		128u			/* a multiple of TILE in matmul.comp */
#define HIST_BINS	256u			/* BINS, ITEMS in histogram.comp */
#define HIST_ITEMS	4u
#define HIST_N		(1u << 16)
#define PS_N		10000u
#define PS_WIDTH	96u			/* spec constant 0: not a power of two */
#define PS_MUL		3u
#define IND_X		300u
#define IND_Y		3u
#define IND_N		(IND_X * IND_Y * 64u)

static void
put_u32(struct wl_run *r, uint32_t off, uint32_t v)
{
	memcpy(r->push + off, &v, 4);
}

static void
put_f32(struct wl_run *r, uint32_t off, float v)
{
	memcpy(r->push + off, &v, 4);
}

/* --- vadd ------------------------------------------------------------- */

static void
vadd_fill(struct wl_run *r)
{
	float *a = r->buf[0], *b = r->buf[1];

	for (uint32_t i = 0; i < VADD_N; i++) {
		a[i] = (float)i * 0.5f;
		b[i] = 1.0f / (float)(i + 1);
	}
	memset(r->buf[2], 0xff, VADD_N * 4u);
	put_u32(r, 0, VADD_N);
}

static int
vadd_check(const struct wl_run *r)
{
	const float *a = r->buf[0], *b = r->buf[1];
	float *want = wl_alloc(VADD_N * 4u);
	int rc;

	for (uint32_t i = 0; i < VADD_N; i++)
		want[i] = a[i] + b[i];
	rc = wl_cmp(r, "c", r->buf[2], want, VADD_N, WL_F32);
	free(want);
	return rc;
}

const struct workload wl_vadd = {
	.name = "vadd", .what = "c = a + b over 2^20 + 37 floats",
	.spv = vadd_spv, .spv_bytes = sizeof(vadd_spv), .need = WL_F_GFX_TOO,
	.nbuf = 3, .buf_bytes = { VADD_N * 4u, VADD_N * 4u, VADD_N * 4u },
	.push_bytes = 4, .groups = { DIV_UP(VADD_N, 64u), 1, 1 },
	.fill = vadd_fill, .check = vadd_check,
};

/* --- loop ------------------------------------------------------------- */

static void
loop_fill(struct wl_run *r)
{
	uint32_t *a = r->buf[0];

	for (uint32_t i = 0; i < LOOP_N; i++)
		a[i] = i * 2654435761u;
	memset(r->buf[2], 0xff, LOOP_N * 4u);
	put_u32(r, 0, LOOP_N);
}

static int
loop_check(const struct wl_run *r)
{
	const uint32_t *a = r->buf[0];
	uint32_t *want = wl_alloc(LOOP_N * 4u);
	int rc;

	for (uint32_t i = 0; i < LOOP_N; i++) {
		uint32_t h = a[i];

		for (uint32_t k = 0; k < LOOP_ITERS; k++)
			h = (h ^ (h >> 13)) * 0x5bd1e995u + k;
		want[i] = h;
	}
	rc = wl_cmp(r, "c", r->buf[2], want, LOOP_N, WL_U32);
	free(want);
	return rc;
}

const struct workload wl_loop = {
	.name = "loop", .what = "256 rounds of an integer hash, 2^16 threads",
	.spv = loop_spv, .spv_bytes = sizeof(loop_spv),
	.nbuf = 3, .buf_bytes = { LOOP_N * 4u, 4, LOOP_N * 4u },
	.push_bytes = 4, .groups = { DIV_UP(LOOP_N, 64u), 1, 1 },
	.fill = loop_fill, .check = loop_check,
};

/* --- saxpy ------------------------------------------------------------ */

static void
saxpy_fill(struct wl_run *r)
{
	float *x = r->buf[0], *y = r->buf[1];

	for (uint32_t i = 0; i < SAXPY_N; i++) {
		x[i] = (float)(i % 4096u) * 0.25f;
		y[i] = (float)(i % 1000u) - 500.0f;
	}
	put_f32(r, 0, SAXPY_A);
	put_u32(r, 4, SAXPY_N);
}

static int
saxpy_check(const struct wl_run *r)
{
	const float *x = r->buf[0];
	float *want = wl_alloc(SAXPY_N * 4u);
	int rc;

	/* y was overwritten: recompute its input. */
	for (uint32_t i = 0; i < SAXPY_N; i++)
		want[i] = SAXPY_A * x[i] + ((float)(i % 1000u) - 500.0f);
	rc = wl_cmp(r, "y", r->buf[1], want, SAXPY_N, WL_F32);
	free(want);
	return rc;
}

const struct workload wl_saxpy = {
	.name = "saxpy", .what = "y = a x + y over 2^16 + 5 floats",
	.spv = saxpy_spv, .spv_bytes = sizeof(saxpy_spv),
	.nbuf = 2, .buf_bytes = { SAXPY_N * 4u, SAXPY_N * 4u },
	.push_bytes = 8, .groups = { DIV_UP(SAXPY_N, 64u), 1, 1 },
	.fill = saxpy_fill, .check = saxpy_check,
};

/* --- reduce and scan ---------------------------------------------------- */

static void
red_fill(struct wl_run *r)
{
	uint32_t *a = r->buf[0];

	for (uint32_t i = 0; i < RED_N; i++)
		a[i] = wl_hash(i);
	memset(r->buf[1], 0xff, r->wl->buf_bytes[1]);
}

static int
reduce_check(const struct wl_run *r)
{
	const uint32_t *a = r->buf[0];
	uint32_t want[RED_N / RED_GROUP] = { 0 };

	for (uint32_t i = 0; i < RED_N; i++)
		want[i / RED_GROUP] += a[i];
	return wl_cmp(r, "sums", r->buf[1], want, RED_N / RED_GROUP, WL_U32);
}

const struct workload wl_reduce = {
	.name = "reduce", .what = "sums of 256 uints in shared memory, 2^16 uints",
	.spv = reduce_spv, .spv_bytes = sizeof(reduce_spv),
	.nbuf = 2, .buf_bytes = { RED_N * 4u, RED_N / RED_GROUP * 4u },
	.groups = { RED_N / RED_GROUP, 1, 1 },
	.fill = red_fill, .check = reduce_check,
};

static int
scan_check(const struct wl_run *r)
{
	const uint32_t *a = r->buf[0];
	uint32_t *want = wl_alloc(RED_N * 4u);
	int rc;

	for (uint32_t i = 0; i < RED_N; i++)
		want[i] = a[i] + (i % RED_GROUP != 0 ? want[i - 1] : 0);
	rc = wl_cmp(r, "c", r->buf[1], want, RED_N, WL_U32);
	free(want);
	return rc;
}

const struct workload wl_scan = {
	.name = "scan", .what = "inclusive prefix sums of 256 uints, 2^16 uints",
	.spv = scan_spv, .spv_bytes = sizeof(scan_spv),
	.nbuf = 2, .buf_bytes = { RED_N * 4u, RED_N * 4u },
	.groups = { RED_N / RED_GROUP, 1, 1 },
	.fill = red_fill, .check = scan_check,
};

/* --- matmul ----------------------------------------------------------- */

static void
mm_fill(struct wl_run *r)
{
	float *a = r->buf[0], *b = r->buf[1];

	for (uint32_t i = 0; i < MM_N * MM_N; i++) {
		a[i] = (float)((i * 7u) % 17u) - 8.0f;
		b[i] = (float)((i * 5u) % 13u) - 6.0f;
	}
	memset(r->buf[2], 0xff, MM_N * MM_N * 4u);
	put_u32(r, 0, MM_N);
}

static int
mm_check(const struct wl_run *r)
{
	const float *a = r->buf[0], *b = r->buf[1];
	float *want = wl_alloc(MM_N * MM_N * 4u);
	int rc;

	for (uint32_t i = 0; i < MM_N; i++) {
		for (uint32_t j = 0; j < MM_N; j++) {
			float acc = 0.0f;

			for (uint32_t k = 0; k < MM_N; k++)
				acc += a[i * MM_N + k] * b[k * MM_N + j];
			want[i * MM_N + j] = acc;
		}
	}
	rc = wl_cmp(r, "c", r->buf[2], want, MM_N * MM_N, WL_F32);
	free(want);
	return rc;
}

const struct workload wl_matmul = {
	.name = "matmul", .what = "128 x 128 float matrix product, 16 x 16 tiles",
	.spv = matmul_spv, .spv_bytes = sizeof(matmul_spv),
	.nbuf = 3, .buf_bytes = { MM_N * MM_N * 4u, MM_N * MM_N * 4u, MM_N * MM_N * 4u },
	.push_bytes = 4, .groups = { MM_N / 16u, MM_N / 16u, 1 },
	.fill = mm_fill, .check = mm_check,
};

/* --- histogram -------------------------------------------------------- */

static void
hist_fill(struct wl_run *r)
{
	uint32_t *a = r->buf[0];

	/* Skewed: the AND of two hashes favours bins with few bits set. */
	for (uint32_t i = 0; i < HIST_N; i++)
		a[i] = wl_hash(i) & wl_hash(i + HIST_N);
	memset(r->buf[1], 0, HIST_BINS * 4u);
}

static int
hist_check(const struct wl_run *r)
{
	const uint32_t *a = r->buf[0];
	uint32_t want[HIST_BINS] = { 0 };

	for (uint32_t i = 0; i < HIST_N; i++)
		want[a[i] % HIST_BINS]++;
	return wl_cmp(r, "hist", r->buf[1], want, HIST_BINS, WL_U32);
}

const struct workload wl_histogram = {
	.name = "histogram", .what = "256-bin histogram of 2^16 uints, shared atomics",
	.spv = histogram_spv, .spv_bytes = sizeof(histogram_spv),
	.nbuf = 2, .buf_bytes = { HIST_N * 4u, HIST_BINS * 4u },
	.groups = { HIST_N / (HIST_BINS * HIST_ITEMS), 1, 1 },
	.fill = hist_fill, .check = hist_check,
};

/* --- pushspec --------------------------------------------------------- */

static const float ps_v[4] = { 1.0f, -2.0f, 0.5f, 4.0f };

static void
ps_fill(struct wl_run *r)
{
	uint32_t *a = r->buf[0];

	for (uint32_t i = 0; i < PS_N; i++)
		a[i] = wl_hash(i);
	memset(r->buf[1], 0xff, PS_N * 4u);
	memset(r->buf[2], 0xff, PS_N * 4u);
	put_u32(r, 0, PS_N);
	put_u32(r, 4, 0x1000u);		/* add */
	put_f32(r, 8, 0.5f);		/* scale */
	put_u32(r, 12, 0xdeadbeefu);	/* pad: must not matter */
	memcpy(r->push + 16, ps_v, sizeof(ps_v));
}

static int
ps_check(const struct wl_run *r)
{
	const uint32_t *a = r->buf[0];
	uint32_t *want = wl_alloc(PS_N * 4u);
	float *wantf = wl_alloc(PS_N * 4u);
	int rc;

	for (uint32_t i = 0; i < PS_N; i++) {
		want[i] = a[i] * PS_MUL + 0x1000u + PS_WIDTH;
		wantf[i] = -((float)(a[i] & 0xffu) * 0.5f + ps_v[i / PS_WIDTH % 4u]);
	}
	rc = wl_cmp(r, "c (spec MUL, width, push add)", r->buf[1], want, PS_N, WL_U32);
	rc |= wl_cmp(r, "f (push scale, vec4, spec NEG)", r->buf[2], wantf, PS_N, WL_F32);
	free(want);
	free(wantf);
	return rc;
}

const struct workload wl_pushspec = {
	.name = "pushspec", .what = "32 bytes of push constants, 3 spec constants",
	.spv = pushspec_spv, .spv_bytes = sizeof(pushspec_spv),
	.nbuf = 3, .buf_bytes = { PS_N * 4u, PS_N * 4u, PS_N * 4u },
	.push_bytes = 32, .nspec = 3, .spec = { PS_WIDTH, PS_MUL, 1 },
	.groups = { DIV_UP(PS_N, PS_WIDTH), 1, 1 },
	.fill = ps_fill, .check = ps_check,
};

/* --- indirect --------------------------------------------------------- */

static void
ind_fill(struct wl_run *r)
{
	uint32_t *a = r->buf[0];

	for (uint32_t i = 0; i < IND_N; i++)
		a[i] = wl_hash(i);
	memset(r->buf[1], 0xff, IND_N * 4u);
	memset(r->buf[2], 0xff, 16);
}

static int
ind_check(const struct wl_run *r)
{
	const uint32_t *a = r->buf[0];
	const uint32_t num[4] = { IND_X, IND_Y, 1, 0xabcdu };
	uint32_t *want = wl_alloc(IND_N * 4u);
	int rc;

	for (uint32_t i = 0; i < IND_N; i++) {
		uint32_t x = i % (IND_X * 64u) / 64u, y = i / (IND_X * 64u);

		want[i] = a[i] ^ (y << 16 | x);
	}
	rc = wl_cmp(r, "gl_NumWorkGroups", r->buf[2], num, 4, WL_U32);
	rc |= wl_cmp(r, "c", r->buf[1], want, IND_N, WL_U32);
	free(want);
	return rc;
}

const struct workload wl_indirect = {
	.name = "indirect", .what = "vkCmdDispatchIndirect of a 300 x 3 grid",
	.spv = indirect_spv, .spv_bytes = sizeof(indirect_spv),
	.nbuf = 3, .buf_bytes = { IND_N * 4u, IND_N * 4u, 16 },
	.groups = { IND_X, IND_Y, 1 }, .indirect = 1,
	.fill = ind_fill, .check = ind_check,
};

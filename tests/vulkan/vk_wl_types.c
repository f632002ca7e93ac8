/*
 * 16- and 64-bit types in storage buffers and arithmetic: int16, float16,
 * int64, float64.  Each needs its device features (exit 77 without).
 * The f16 inputs keep every result exact except the one conversion from
 * f32 and the add after it, single roundings that C's _Float16 (computed
 * in float, then rounded) reproduces.  f64 divide and sqrt may be off by
 * 2 ulp (RADV refines reciprocal estimates), fma may be fused or not
 * (Vulkan's precision for it is that of a multiply and an add); the rest
 * must be exact.
 */
#include <math.h>
#include <string.h>

#include "vk_compute.h"
#include "int16.spv.h"
#include "float16.spv.h"
#include "int64.spv.h"
#include "float64.spv.h"

#define T_N		(4096u + 3u)
#define I16_WORDS	6u	/* WORDS in the shaders */
#define F16_WORDS	5u
#define I64_WORDS	10u
#define F64_WORDS	9u
#define F64_ULP_DIV	2u

static void
push_n(struct wl_run *r)
{
	const uint32_t n = T_N;

	memcpy(r->push, &n, 4);
}

/* --- int16 ------------------------------------------------------------ */

static void
i16_fill(struct wl_run *r)
{
	uint16_t *a = r->buf[0];
	int16_t *b = r->buf[1];

	for (uint32_t i = 0; i < T_N; i++) {
		a[i] = (uint16_t)wl_hash(i);
		b[i] = (int16_t)wl_hash(i + T_N);
	}
	memset(r->buf[2], 0xff, r->wl->buf_bytes[2]);
	push_n(r);
}

static int
i16_check(const struct wl_run *r)
{
	const uint16_t *a = r->buf[0];
	const int16_t *b = r->buf[1];
	uint16_t *want = wl_alloc(T_N * I16_WORDS * 2u), *w;
	int rc;

	for (uint32_t i = 0; i < T_N; i++) {
		uint16_t x = a[i], uy = (uint16_t)b[i];
		int16_t y = b[i];

		w = &want[i * I16_WORDS];
		w[0] = (uint16_t)((uint32_t)x * uy);
		w[1] = (uint16_t)(x + uy);
		w[2] = (uint16_t)(y >> 3);
		w[3] = (uint16_t)((int16_t)x > y ? (int16_t)x : y);
		w[4] = (uint16_t)(x / (uy | 1u));
		w[5] = (uint16_t)((y * 7) >> 4);
	}
	rc = wl_cmp(r, "c (6 a thread: mul add asr max div widen)", r->buf[2], want,
	    T_N * I16_WORDS, WL_U16);
	free(want);
	return rc;
}

const struct workload wl_int16 = {
	.name = "int16", .what = "int16 storage and arithmetic, 4096 + 3 threads",
	.spv = int16_spv, .spv_bytes = sizeof(int16_spv),
	.need = WL_F_INT16 | WL_F_STORAGE16,
	.nbuf = 3, .buf_bytes = { T_N * 2u, T_N * 2u, T_N * I16_WORDS * 2u },
	.push_bytes = 4, .groups = { DIV_UP(T_N, 64u), 1, 1 },
	.fill = i16_fill, .check = i16_check,
};

/* --- float16 ---------------------------------------------------------- */

static void
f16_fill(struct wl_run *r)
{
	_Float16 *a = r->buf[0], *b = r->buf[1];
	float *f = r->buf[2];

	for (uint32_t i = 0; i < T_N; i++) {
		a[i] = (_Float16)((float)((int32_t)(wl_hash(i) % 129u) - 64) / 4.0f);
		b[i] = (_Float16)((int32_t)(wl_hash(i + T_N) % 17u) - 8);
		f[i] = ((float)(wl_hash(i + 2 * T_N) % 2000001u) - 1000000.0f) / 997.0f;
	}
	memset(r->buf[3], 0xff, r->wl->buf_bytes[3]);
	push_n(r);
}

static int
f16_check(const struct wl_run *r)
{
	const _Float16 *a = r->buf[0], *b = r->buf[1];
	const float *f = r->buf[2];
	_Float16 *want = wl_alloc(T_N * F16_WORDS * 2u), *w;
	int rc;

	for (uint32_t i = 0; i < T_N; i++) {
		_Float16 x = a[i], y = b[i];

		w = &want[i * F16_WORDS];
		w[0] = x * y;
		w[1] = x + y;
		w[2] = (_Float16)((float)x * (float)y + (float)x);	/* exact */
		w[3] = x > y ? x : y;
		w[4] = (_Float16)f[i] + (_Float16)((float)x * 0.25f);
	}
	rc = wl_cmp(r, "c (5 a thread: mul add fma max cvt+add)", r->buf[3], want,
	    T_N * F16_WORDS, WL_F16);
	free(want);
	return rc;
}

const struct workload wl_float16 = {
	.name = "float16", .what = "float16 storage and arithmetic, 4096 + 3 threads",
	.spv = float16_spv, .spv_bytes = sizeof(float16_spv),
	.need = WL_F_FLOAT16 | WL_F_STORAGE16,
	.nbuf = 4, .buf_bytes = { T_N * 2u, T_N * 2u, T_N * 4u, T_N * F16_WORDS * 2u },
	.push_bytes = 4, .groups = { DIV_UP(T_N, 64u), 1, 1 },
	.fill = f16_fill, .check = f16_check,
};

/* --- int64 ------------------------------------------------------------ */

static uint64_t
h64(uint32_t i)
{
	return (uint64_t)wl_hash(i) << 32 | wl_hash(~i);
}

static void
i64_fill(struct wl_run *r)
{
	uint64_t *a = r->buf[0], *b = r->buf[1];

	for (uint32_t i = 0; i < T_N; i++) {
		a[i] = h64(i);
		b[i] = h64(i + T_N);
	}
	memset(r->buf[2], 0xff, r->wl->buf_bytes[2]);
	push_n(r);
}

static int
i64_check(const struct wl_run *r)
{
	const uint64_t *a = r->buf[0], *b = r->buf[1];
	uint64_t *want = wl_alloc(T_N * I64_WORDS * 8u), *w;
	int rc;

	for (uint32_t i = 0; i < T_N; i++) {
		uint64_t x = a[i], y = b[i];

		w = &want[i * I64_WORDS];
		w[0] = x * y;
		w[1] = x + y;
		w[2] = x - y;
		w[3] = x >> (y & 63);
		w[4] = (uint64_t)((int64_t)x >> (y & 63));
		w[5] = x << (y >> 58);
		w[6] = x / (y >> 40 | 1);
		w[7] = (uint64_t)((int64_t)x / (int64_t)(y >> 20 | 1));
		w[8] = (uint64_t)((int64_t)x < (int64_t)y ? (int64_t)x : (int64_t)y);
		w[9] = (uint64_t)(uint32_t)x * (uint32_t)y;
	}
	rc = wl_cmp(r, "c (10 a thread: mul add sub shr asr shl udiv sdiv min mul32x32)",
	    r->buf[2], want, T_N * I64_WORDS, WL_U64);
	free(want);
	return rc;
}

const struct workload wl_int64 = {
	.name = "int64", .what = "int64 arithmetic and division, 4096 + 3 threads",
	.spv = int64_spv, .spv_bytes = sizeof(int64_spv), .need = WL_F_INT64,
	.nbuf = 3, .buf_bytes = { T_N * 8u, T_N * 8u, T_N * I64_WORDS * 8u },
	.push_bytes = 4, .groups = { DIV_UP(T_N, 64u), 1, 1 },
	.fill = i64_fill, .check = i64_check,
};

/* --- float64 ---------------------------------------------------------- */

static uint32_t
f32_bits(float f)
{
	uint32_t u;

	memcpy(&u, &f, 4);
	return u;
}

static double
d_in(uint32_t i)
{
	double v = (double)(int32_t)wl_hash(i) * 1e-3 + (double)wl_hash(~i) * 0x1p-40;

	return v != 0.0 ? v : 1.0;
}

static void
f64_fill(struct wl_run *r)
{
	double *a = r->buf[0], *b = r->buf[1];

	for (uint32_t i = 0; i < T_N; i++) {
		a[i] = d_in(i);
		b[i] = d_in(i + T_N);
	}
	memset(r->buf[2], 0xff, r->wl->buf_bytes[2]);
	push_n(r);
}

static int
f64_check(const struct wl_run *r)
{
	const double *a = r->buf[0], *b = r->buf[1], *c = r->buf[2];
	double *want = wl_alloc(T_N * 7u * 8u), *got = wl_alloc(T_N * 7u * 8u);
	double *wdiv = wl_alloc(T_N * 2u * 8u), *gdiv = wl_alloc(T_N * 2u * 8u);
	int rc;

	for (uint32_t i = 0; i < T_N; i++) {
		double x = a[i], y = b[i], *w = &want[i * 7u];

		w[0] = x + y;
		w[1] = x * y;
		/* Vulkan lets fma() round twice, as lavapipe does. */
		w[2] = c[i * F64_WORDS + 2] == x * y + x ? x * y + x : fma(x, y, x);
		w[3] = floor(x);
		w[4] = x < y ? x : y;
		w[5] = (double)(int32_t)x;
		w[6] = (double)f32_bits((float)x);
		wdiv[2 * i] = x / y;
		wdiv[2 * i + 1] = sqrt(fabs(x));
		memcpy(&got[i * 7u], &c[i * F64_WORDS], 7 * 8u);
		memcpy(&gdiv[2 * i], &c[i * F64_WORDS + 7u], 2 * 8u);
	}
	rc = wl_cmp(r, "c (7 a thread: add mul fma floor min cvt-int cvt-f32)", got,
	    want, T_N * 7u, WL_F64);
	rc |= wl_cmp_f64_ulp(r, "c (div, sqrt; 2 ulp allowed)", gdiv, wdiv, T_N * 2u,
	    F64_ULP_DIV);
	free(want);
	free(got);
	free(wdiv);
	free(gdiv);
	return rc;
}

const struct workload wl_float64 = {
	.name = "float64", .what = "float64 arithmetic and conversions, 4096 + 3 threads",
	.spv = float64_spv, .spv_bytes = sizeof(float64_spv), .need = WL_F_FLOAT64,
	.nbuf = 3, .buf_bytes = { T_N * 8u, T_N * 8u, T_N * F64_WORDS * 8u },
	.push_bytes = 4, .groups = { DIV_UP(T_N, 64u), 1, 1 },
	.fill = f64_fill, .check = f64_check,
};

/*
 * Result checks for the workloads: compare with the C reference and, on a
 * mismatch, say where, what and how many, so one line of a test log is
 * enough to start looking.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vk_compute.h"
#include "vk_util.h"

static const size_t elem_size[] = { [WL_U16] = 2, [WL_U32] = 4, [WL_I32] = 4,
	[WL_U64] = 8, [WL_F16] = 2, [WL_F32] = 4, [WL_F64] = 8 };

/* One element as text: hex bits, and the value when that helps. */
static void
format(char *s, size_t len, const void *p, enum wl_elem t)
{
	uint16_t h;
	uint32_t w;
	uint64_t q;
	float f;
	double d;

	switch (t) {
	case WL_U16:
	case WL_F16:
		memcpy(&h, p, 2);
		if (t == WL_F16)
			snprintf(s, len, "0x%04x (%g)", h, (double)*(const _Float16 *)p);
		else
			snprintf(s, len, "0x%04x (%u)", h, h);
		break;
	case WL_U32:
	case WL_I32:
		memcpy(&w, p, 4);
		snprintf(s, len, t == WL_I32 ? "0x%08x (%d)" : "0x%08x (%u)", w, w);
		break;
	case WL_F32:
		memcpy(&f, p, 4);
		memcpy(&w, p, 4);
		snprintf(s, len, "0x%08x (%.9g)", w, (double)f);
		break;
	case WL_U64:
	case WL_F64:
		memcpy(&q, p, 8);
		memcpy(&d, p, 8);
		if (t == WL_F64)
			snprintf(s, len, "0x%016" PRIx64 " (%.17g)", q, d);
		else
			snprintf(s, len, "0x%016" PRIx64 " (%" PRIu64 ")", q, q);
		break;
	}
}

static int
report(const struct wl_run *r, const char *what, const void *got, const void *want,
    size_t n, size_t bad, size_t first, enum wl_elem t)
{
	char g[64], w[64];

	if (bad == 0)
		return 0;
	format(g, sizeof(g), (const char *)got + first * elem_size[t], t);
	format(w, sizeof(w), (const char *)want + first * elem_size[t], t);
	fprintf(stderr, "%s %s: %zu of %zu differ; first at [%zu]: got %s, want %s\n",
	    r->wl->name, what, bad, n, first, g, w);
	return 1;
}

int
wl_cmp(const struct wl_run *r, const char *what, const void *got, const void *want,
    size_t n, enum wl_elem t)
{
	const size_t sz = elem_size[t];
	size_t bad = 0, first = 0;

	for (size_t i = 0; i < n; i++) {
		if (memcmp((const char *)got + i * sz, (const char *)want + i * sz, sz) != 0) {
			if (bad++ == 0)
				first = i;
		}
	}
	return report(r, what, got, want, n, bad, first, t);
}

/* The distance in representable doubles (same sign assumed; else huge). */
static uint64_t
ulps(double a, double b)
{
	int64_t x, y;

	memcpy(&x, &a, 8);
	memcpy(&y, &b, 8);
	if ((x < 0) != (y < 0))
		return a == b ? 0 : UINT64_MAX;
	return x > y ? (uint64_t)(x - y) : (uint64_t)(y - x);
}

int
wl_cmp_f64_ulp(const struct wl_run *r, const char *what, const double *got,
    const double *want, size_t n, uint64_t maxulp)
{
	size_t bad = 0, first = 0;

	for (size_t i = 0; i < n; i++) {
		if (ulps(got[i], want[i]) > maxulp && bad++ == 0)
			first = i;
	}
	return report(r, what, got, want, n, bad, first, WL_F64);
}

void *
wl_alloc(size_t bytes)
{
	void *p = calloc(1, bytes != 0 ? bytes : 1);

	CHECK(p != NULL, "out of memory for %zu bytes", bytes);
	return p;
}

uint32_t
wl_hash(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x7feb352du;
	x ^= x >> 15;
	x *= 0x846ca68bu;
	x ^= x >> 16;
	return x;
}

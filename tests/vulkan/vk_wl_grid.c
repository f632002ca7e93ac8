/*
 * Launch shapes: workgroups of 1024 invocations (wg1024), more than 65536
 * workgroups in x (grid_large: past a 16-bit count, skipped where
 * maxComputeWorkGroupCount[0] is smaller, as with RADV 22.3.6 and
 * lavapipe), 65535 x 2 workgroups (grid_wide: within everyone's limits),
 * and a 3-D grid of 3-D workgroups (grid3d).
 */
#include <string.h>

#include "vk_compute.h"
#include "wg1024.spv.h"
#include "grid_large.spv.h"
#include "grid3d.spv.h"

#define WG_GROUP	1024u		/* GROUP in wg1024.comp */
#define WG_GROUPS	16u
#define WG_N		(WG_GROUP * WG_GROUPS)
#define GL_GROUPS	70000u
#define GW_X		65535u		/* the largest count every driver allows */
#define GW_Y		2u
#define G3_LX		4u		/* local size in grid3d.comp */
#define G3_LY		4u
#define G3_LZ		2u
#define G3_GX		3u
#define G3_GY		5u
#define G3_GZ		4u
#define G3_N		(G3_LX * G3_LY * G3_LZ * G3_GX * G3_GY * G3_GZ)

/* --- wg1024 ------------------------------------------------------------ */

static void
wg_fill(struct wl_run *r)
{
	uint32_t *a = r->buf[0];

	for (uint32_t i = 0; i < WG_N; i++)
		a[i] = wl_hash(i);
	memset(r->buf[1], 0xff, WG_N * 4u);
	memset(r->buf[2], 0xff, WG_GROUPS * 4u);
}

static int
wg_check(const struct wl_run *r)
{
	const uint32_t *a = r->buf[0];
	uint32_t *want = wl_alloc(WG_N * 4u), sums[WG_GROUPS] = { 0 };
	int rc;

	for (uint32_t i = 0; i < WG_N; i++) {
		uint32_t t = i % WG_GROUP, base = i - t;

		want[i] = a[base + WG_GROUP - 1 - t] ^ t;
		sums[i / WG_GROUP] += a[i];
	}
	rc = wl_cmp(r, "c (mirror slot ^ t)", r->buf[1], want, WG_N, WL_U32);
	rc |= wl_cmp(r, "sums", r->buf[2], sums, WG_GROUPS, WL_U32);
	free(want);
	return rc;
}

const struct workload wl_wg1024 = {
	.name = "wg1024", .what = "1024-invocation workgroups, shared memory",
	.spv = wg1024_spv, .spv_bytes = sizeof(wg1024_spv),
	.nbuf = 3, .buf_bytes = { WG_N * 4u, WG_N * 4u, WG_GROUPS * 4u },
	.groups = { WG_GROUPS, 1, 1 },
	.fill = wg_fill, .check = wg_check,
};

/* --- grid_large and grid_wide (one shader) ------------------------------ */

static void
gl_fill(struct wl_run *r)
{
	memset(r->buf[0], 0xff, r->wl->buf_bytes[0]);
}

static int
gl_check(const struct wl_run *r)
{
	const uint32_t nx = r->wl->groups[0], ny = r->wl->groups[1];
	uint32_t *want = wl_alloc(nx * ny * 4u);
	int rc;

	for (uint32_t g = 0; g < nx * ny; g++)
		want[g] = g * 0x9e3779b1u + nx + (ny << 24);
	rc = wl_cmp(r, "c", r->buf[0], want, nx * ny, WL_U32);
	free(want);
	return rc;
}

const struct workload wl_grid_large = {
	.name = "grid_large", .what = "70000 workgroups in x",
	.spv = grid_large_spv, .spv_bytes = sizeof(grid_large_spv),
	.nbuf = 1, .buf_bytes = { GL_GROUPS * 4u },
	.groups = { GL_GROUPS, 1, 1 },
	.fill = gl_fill, .check = gl_check,
};

const struct workload wl_grid_wide = {
	.name = "grid_wide", .what = "65535 x 2 workgroups",
	.spv = grid_large_spv, .spv_bytes = sizeof(grid_large_spv),
	.nbuf = 1, .buf_bytes = { GW_X * GW_Y * 4u },
	.groups = { GW_X, GW_Y, 1 },
	.fill = gl_fill, .check = gl_check,
};

/* --- grid3d ------------------------------------------------------------- */

static uint32_t
pack(uint32_t x, uint32_t y, uint32_t z)
{
	return x | y << 10 | z << 20;
}

static void
g3_fill(struct wl_run *r)
{
	memset(r->buf[0], 0xff, G3_N * 16u);
}

static int
g3_check(const struct wl_run *r)
{
	const uint32_t nx = G3_LX * G3_GX, ny = G3_LY * G3_GY;
	uint32_t *want = wl_alloc(G3_N * 16u);
	int rc;

	for (uint32_t i = 0; i < G3_N; i++) {
		uint32_t x = i % nx, y = i / nx % ny, z = i / (nx * ny);
		uint32_t lx = x % G3_LX, ly = y % G3_LY, lz = z % G3_LZ;

		want[4 * i] = pack(x, y, z);
		want[4 * i + 1] = pack(x / G3_LX, y / G3_LY, z / G3_LZ);
		want[4 * i + 2] = pack(lx, ly, lz);
		want[4 * i + 3] = (lz * G3_LY + ly) * G3_LX + lx;
	}
	rc = wl_cmp(r, "ids (global, group, local, index)", r->buf[0], want, G3_N * 4u,
	    WL_U32);
	free(want);
	return rc;
}

const struct workload wl_grid3d = {
	.name = "grid3d", .what = "3 x 5 x 4 groups of 4 x 4 x 2",
	.spv = grid3d_spv, .spv_bytes = sizeof(grid3d_spv),
	.nbuf = 1, .buf_bytes = { G3_N * 16u },
	.groups = { G3_GX, G3_GY, G3_GZ },
	.fill = g3_fill, .check = g3_check,
};

/*
 * Storage images, optimal-tiled, filled and read back through buffer
 * copies (vkCmdCopyBufferToImage, vkCmdCopyImageToBuffer): R32_UINT with
 * imageLoad, imageStore and imageAtomicAdd, R8G8B8A8_UNORM with loads and
 * stores through float conversion.
 */
#include <string.h>

#include "vk_compute.h"
#include "image_r32ui.spv.h"
#include "image_rgba8.spv.h"

/*
 * Sizes pick different swizzle modes: RADV (both versions) lays the
 * 256 x 192 R32 images out as SW_64KB_R_X and the smaller counting and
 * RGBA8 images as SW_4KB_D_X on this chip (docs/shader.md, Image layouts).
 */
#define R32_W		256u	/* 32 x 24 groups of 8 x 8 */
#define R32_H		192u
#define CNT_W		16u	/* the counting image, as in image_r32ui.comp */
#define CNT_H		8u
#define RGBA_W		40u	/* 5 x 3 groups of 8 x 8 */
#define RGBA_H		24u

/* src texel (x, y): bit 31 stays clear, for the shader's flag. */
static uint32_t
r32_in(uint32_t x, uint32_t y)
{
	return wl_hash(y * R32_W + x) & 0x0fffffffu;
}

static void
r32_fill(struct wl_run *r)
{
	uint32_t *src = r->img[0], *cnt = r->img[2];

	for (uint32_t y = 0; y < R32_H; y++)
		for (uint32_t x = 0; x < R32_W; x++)
			src[y * R32_W + x] = r32_in(x, y);
	memset(r->img[1], 0xff, R32_W * R32_H * 4u);
	for (uint32_t i = 0; i < CNT_W * CNT_H; i++)
		cnt[i] = i * 1000u;
}

static int
r32_check(const struct wl_run *r)
{
	uint32_t *src = wl_alloc(R32_W * R32_H * 4u), *dst = wl_alloc(R32_W * R32_H * 4u);
	uint32_t cnt[CNT_W * CNT_H];
	int rc;

	for (uint32_t i = 0; i < CNT_W * CNT_H; i++)
		cnt[i] = i * 1000u;
	for (uint32_t y = 0; y < R32_H; y++) {
		for (uint32_t x = 0; x < R32_W; x++) {
			uint32_t v = r32_in(x, y);

			src[y * R32_W + x] = v + 5u;
			dst[y * R32_W + x] = v * 3u + x;
			cnt[(y % CNT_H) * CNT_W + x % CNT_W] += v & 0xffu;
		}
	}
	rc = wl_cmp(r, "src (imageAtomicAdd 5)", r->img[0], src, R32_W * R32_H, WL_U32);
	rc |= wl_cmp(r, "dst (imageStore 3 imageLoad + x)", r->img[1], dst,
	    R32_W * R32_H, WL_U32);
	rc |= wl_cmp(r, "cnt (contended imageAtomicAdd)", r->img[2], cnt,
	    CNT_W * CNT_H, WL_U32);
	free(src);
	free(dst);
	return rc;
}

const struct workload wl_image_r32ui = {
	.name = "image_r32ui", .what = "R32_UINT storage images: load, store, atomic add",
	.spv = image_r32ui_spv, .spv_bytes = sizeof(image_r32ui_spv),
	.nimg = 3, .img = { { VK_FORMAT_R32_UINT, R32_W, R32_H, 4 },
	    { VK_FORMAT_R32_UINT, R32_W, R32_H, 4 },
	    { VK_FORMAT_R32_UINT, CNT_W, CNT_H, 4 } },
	.groups = { R32_W / 8u, R32_H / 8u, 1 },
	.fill = r32_fill, .check = r32_check,
};

static void
rgba_fill(struct wl_run *r)
{
	uint32_t *src = r->img[0];

	for (uint32_t i = 0; i < RGBA_W * RGBA_H; i++)
		src[i] = wl_hash(i);
	memset(r->img[1], 0x55, RGBA_W * RGBA_H * 4u);
}

static int
rgba_check(const struct wl_run *r)
{
	const uint8_t *src = r->img[0];
	uint8_t *want = wl_alloc(RGBA_W * RGBA_H * 4u);
	int rc;

	for (uint32_t i = 0; i < RGBA_W * RGBA_H; i++) {
		const uint8_t *s = &src[4 * i];
		uint8_t *w = &want[4 * i];

		w[0] = (uint8_t)(255u - s[0]);
		w[1] = s[2];
		w[2] = s[1];
		w[3] = s[3];
	}
	rc = wl_cmp(r, "dst texels (1 - r, b, g, a)", r->img[1], want, RGBA_W * RGBA_H,
	    WL_U32);
	free(want);
	return rc;
}

const struct workload wl_image_rgba8 = {
	.name = "image_rgba8", .what = "R8G8B8A8_UNORM storage images: load, store",
	.spv = image_rgba8_spv, .spv_bytes = sizeof(image_rgba8_spv),
	.nimg = 2, .img = { { VK_FORMAT_R8G8B8A8_UNORM, RGBA_W, RGBA_H, 4 },
	    { VK_FORMAT_R8G8B8A8_UNORM, RGBA_W, RGBA_H, 4 } },
	.groups = { RGBA_W / 8u, RGBA_H / 8u, 1 },
	.fill = rgba_fill, .check = rgba_check,
};

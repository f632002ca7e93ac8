/*
 * Transfer commands through stock RADV, results checked on the CPU:
 *   gfx	on the graphics queue
 *   transfer	on a transfer-only queue family (SDMA), if RADV exposes one
 *		(exit 77, skipped, when it does not; exit 1 when
 *		VK_XFER_NEED_TRANSFER=1 says this RADV must expose one)
 *   big	fills and copies of 64 KiB and 1 MiB on the graphics queue and
 *		on a compute-only queue: RADV runs these as its own compute
 *		shaders (meta shaders compiled by ACO), so they exercise wave
 *		launch and the shader core
 * gfx and transfer keep every size below RADV's 4 KiB compute threshold
 * (RADV_BUFFER_OPS_CS_THRESHOLD, src/amd/vulkan/radv_meta_buffer.c), so
 * no compute shader is involved: vkCmdUpdateBuffer of < 1 KiB is an inline
 * WRITE_DATA (RADV_BUFFER_UPDATE_THRESHOLD), larger updates, fills and
 * copies are CP DMA (DMA_DATA) on gfx and SDMA packets on transfer.
 * At or above the threshold, fills and dword-aligned copies are compute
 * dispatches if both buffers are in VRAM (radv_prefer_compute_dma: GTT
 * goes by CP DMA on dGPUs), so big uses device-local, host-visible memory; a byte-aligned copy stays CP DMA in 22.3.6 (25.0.7 may run
 * it as a compute shader too).
 * Run as `metalgpu run -- vk_xfer NAME`; exit 0 on success, 1 with a
 * message naming what failed.
 */
#include <stdlib.h>
#include <string.h>

#include "vk_util.h"

#define BUF_BYTES	4096u
#define SMALL_UPDATE	256u	/* inline WRITE_DATA */
#define BIG_UPDATE	2048u	/* upload buffer + copy */
#define FILL_OFF	2304u
#define FILL_BYTES	1024u
#define FILL_VALUE	0xdeadbeefu
#define COPY_SRC_OFF	12u
#define COPY_DST_OFF	256u
#define COPY_BYTES	2044u	/* dst 256..2300; overwrites part of the update */
#define ODD_SRC_OFF	1u	/* byte-aligned copy: CP DMA whatever the size */
#define ODD_DST_OFF	3329u
#define ODD_BYTES	701u

static uint32_t
pattern(uint32_t i, uint32_t seed)
{
	return (i + seed) * 2654435761u;
}

static void
barrier(VkCommandBuffer cmd)
{
	VkMemoryBarrier mb = { .sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER,
	    .srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT,
	    .dstAccessMask = VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_TRANSFER_WRITE_BIT };

	vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT,
	    VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 1, &mb, 0, NULL, 0, NULL);
}

/* The expected destination, computed the way the commands change it. */
static void
expect(uint8_t *want, const uint8_t *src, const uint32_t *upd)
{
	memset(want, 0x5a, BUF_BYTES);
	memcpy(want, upd, SMALL_UPDATE);
	memcpy(want + SMALL_UPDATE, upd, BIG_UPDATE);
	for (uint32_t i = 0; i < FILL_BYTES; i += 4)
		memcpy(want + FILL_OFF + i, &(uint32_t){ FILL_VALUE }, 4);
	memcpy(want + COPY_DST_OFF, src + COPY_SRC_OFF, COPY_BYTES);
	memcpy(want + ODD_DST_OFF, src + ODD_SRC_OFF, ODD_BYTES);
}

static void
record(VkCommandBuffer cmd, struct vkt_buf *src, struct vkt_buf *dst, const uint32_t *upd)
{
	VkBufferCopy c1 = { COPY_SRC_OFF, COPY_DST_OFF, COPY_BYTES };
	VkBufferCopy c2 = { ODD_SRC_OFF, ODD_DST_OFF, ODD_BYTES };

	vkCmdUpdateBuffer(cmd, dst->buf, 0, SMALL_UPDATE, upd);
	vkCmdUpdateBuffer(cmd, dst->buf, SMALL_UPDATE, BIG_UPDATE, upd);
	vkCmdFillBuffer(cmd, dst->buf, FILL_OFF, FILL_BYTES, FILL_VALUE);
	barrier(cmd);
	vkCmdCopyBuffer(cmd, src->buf, dst->buf, 1, &c1);
	vkCmdCopyBuffer(cmd, src->buf, dst->buf, 1, &c2);
}

static int
run_on(uint32_t family, const char *what)
{
	static uint8_t want[BUF_BYTES];
	static uint32_t upd[BIG_UPDATE / 4];
	struct vkt_dev d;
	struct vkt_buf src, dst;
	const uint8_t *got;
	VkResult r;

	vkt_device(&d, &family, 1);
	vkt_buf(&d, &src, BUF_BYTES);
	vkt_buf(&d, &dst, BUF_BYTES);
	for (uint32_t i = 0; i < BUF_BYTES / 4; i++)
		((uint32_t *)src.cpu)[i] = pattern(i, 1);
	for (uint32_t i = 0; i < BIG_UPDATE / 4; i++)
		upd[i] = pattern(i, 7);
	memset(dst.cpu, 0x5a, BUF_BYTES);
	expect(want, src.cpu, upd);

	VkCommandBuffer cmd = vkt_begin(&d, 0);
	record(cmd, &src, &dst, upd);
	r = vkt_submit_wait(&d, 0, cmd);
	CHECK(r == VK_SUCCESS, "%s: transfer submission: VkResult %d", what, r);
	got = dst.cpu;
	for (uint32_t i = 0; i < BUF_BYTES; i++)
		CHECK(got[i] == want[i], "%s: byte %u is 0x%02x, want 0x%02x", what, i,
		    got[i], want[i]);
	vkt_buf_free(&d, &src);
	vkt_buf_free(&d, &dst);
	vkt_device_destroy(&d);
	printf("%s: vkCmdUpdateBuffer %u + %u B, vkCmdFillBuffer %u B, vkCmdCopyBuffer %u B + %u B (byte-aligned): all %u bytes checked\n",
	    what, SMALL_UPDATE, BIG_UPDATE, FILL_BYTES, COPY_BYTES, ODD_BYTES, BUF_BYTES);
	return 0;
}

/*
 * big: the compute-shader paths.  dst starts as 0x5a; the commands, in
 * order, with a barrier after each:
 *   fill [0, 1 MiB) with BIG_FILL_A
 *   fill 64 KiB at dword offset BIG_FILL_OFF with BIG_FILL_B
 *   copy 1 MiB of src from BIG_SRC_OFF to BIG_DST_OFF
 *   copy 64 KiB from BIG_SRC_OFF2 to BIG_DST_OFF2
 *   copy 64 KiB + 5 bytes at byte-odd offsets
 * Both RADVs run the fills and the dword-aligned copies as four dispatches
 * of 64-thread groups, 16 bytes a thread (1024 + 64 groups for each kind),
 * and the byte-odd copy by CP DMA (seen with a trace in model/dispatch.c);
 * wave64 by default, wave32 with RADV_PERFTEST=cswave32.
 */
#define BIG_BYTES	(2u * MIB + KIB64)
#define MIB		(1u << 20)
#define KIB64		(64u << 10)
#define BIG_FILL_A	0x01234567u
#define BIG_FILL_B	0xfeedf00du
#define BIG_FILL_OFF	(MIB - 4100u)	/* straddles the first fill's end */
#define BIG_SRC_OFF	12u
#define BIG_DST_OFF	(MIB + 4u * 1000u)
#define BIG_SRC_OFF2	(MIB + 36u)
#define BIG_DST_OFF2	4u
#define BIG_ODD_SRC	(3u * 65536u + 1u)
#define BIG_ODD_DST	(7u * 65536u + 3u)
#define BIG_ODD_BYTES	(KIB64 + 5u)

static void
big_expect(uint8_t *want, const uint8_t *src)
{
	memset(want, 0x5a, BIG_BYTES);
	for (uint32_t i = 0; i < MIB; i += 4)
		memcpy(want + i, &(uint32_t){ BIG_FILL_A }, 4);
	for (uint32_t i = 0; i < KIB64; i += 4)
		memcpy(want + BIG_FILL_OFF + i, &(uint32_t){ BIG_FILL_B }, 4);
	memcpy(want + BIG_DST_OFF, src + BIG_SRC_OFF, MIB);
	memcpy(want + BIG_DST_OFF2, src + BIG_SRC_OFF2, KIB64);
	memcpy(want + BIG_ODD_DST, src + BIG_ODD_SRC, BIG_ODD_BYTES);
}

static void
big_record(VkCommandBuffer cmd, struct vkt_buf *src, struct vkt_buf *dst)
{
	VkBufferCopy c1 = { BIG_SRC_OFF, BIG_DST_OFF, MIB };
	VkBufferCopy c2 = { BIG_SRC_OFF2, BIG_DST_OFF2, KIB64 };
	VkBufferCopy c3 = { BIG_ODD_SRC, BIG_ODD_DST, BIG_ODD_BYTES };

	vkCmdFillBuffer(cmd, dst->buf, 0, MIB, BIG_FILL_A);
	barrier(cmd);
	vkCmdFillBuffer(cmd, dst->buf, BIG_FILL_OFF, KIB64, BIG_FILL_B);
	barrier(cmd);
	vkCmdCopyBuffer(cmd, src->buf, dst->buf, 1, &c1);
	barrier(cmd);
	vkCmdCopyBuffer(cmd, src->buf, dst->buf, 1, &c2);
	barrier(cmd);
	vkCmdCopyBuffer(cmd, src->buf, dst->buf, 1, &c3);
}

static int
big_on(uint32_t family, const char *what)
{
	static uint8_t want[BIG_BYTES];
	struct vkt_dev d;
	struct vkt_buf src, dst;
	const uint8_t *got;
	VkResult r;

	vkt_device(&d, &family, 1);
	vkt_buf_props(&d, &src, BIG_BYTES, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
	vkt_buf_props(&d, &dst, BIG_BYTES, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
	for (uint32_t i = 0; i < BIG_BYTES / 4; i++)
		((uint32_t *)src.cpu)[i] = pattern(i, 3);
	memset(dst.cpu, 0x5a, BIG_BYTES);
	big_expect(want, src.cpu);

	VkCommandBuffer cmd = vkt_begin(&d, 0);
	big_record(cmd, &src, &dst);
	r = vkt_submit_wait(&d, 0, cmd);
	CHECK(r == VK_SUCCESS, "%s: compute-shader transfers: VkResult %d", what, r);
	got = dst.cpu;
	for (uint32_t i = 0; i < BIG_BYTES; i++)
		CHECK(got[i] == want[i], "%s: byte %u is 0x%02x, want 0x%02x", what, i,
		    got[i], want[i]);
	vkt_buf_free(&d, &src);
	vkt_buf_free(&d, &dst);
	vkt_device_destroy(&d);
	printf("%s: vkCmdFillBuffer 1 MiB + 64 KiB, vkCmdCopyBuffer 1 MiB + 64 KiB + %u B (byte-aligned): all %u bytes checked\n",
	    what, BIG_ODD_BYTES, BIG_BYTES);
	return 0;
}

static int
test_big(void)
{
	uint32_t cf = vkt_family(VK_QUEUE_COMPUTE_BIT, VK_QUEUE_GRAPHICS_BIT);

	CHECK(cf != UINT32_MAX, "no compute-only queue family");
	if (big_on(vkt_family(VK_QUEUE_GRAPHICS_BIT, 0), "graphics queue") != 0)
		return 1;
	return big_on(cf, "compute queue");
}

static int
test_gfx(void)
{
	return run_on(vkt_family(VK_QUEUE_GRAPHICS_BIT, 0), "graphics queue");
}

static int
test_transfer(void)
{
	uint32_t f = vkt_family(VK_QUEUE_TRANSFER_BIT,
	    VK_QUEUE_GRAPHICS_BIT | VK_QUEUE_COMPUTE_BIT);

	if (f == UINT32_MAX && getenv("VK_XFER_NEED_TRANSFER") != NULL) {
		printf("no transfer-only queue family, but VK_XFER_NEED_TRANSFER is set\n");
		return 1;
	}
	if (f == UINT32_MAX) {
		printf("no transfer-only queue family (RADV_PERFTEST=transfer_queue is RADV 23.1+): skipped\n");
		return 77;
	}
	return run_on(f, "transfer queue");
}

static const struct {
	const char *name;
	int (*fn)(void);
} tests[] = {
	{ "gfx", test_gfx },
	{ "transfer", test_transfer },
	{ "big", test_big },
};

int
main(int argc, char **argv)
{
	int rc = 2;

	for (size_t i = 0; argc == 2 && i < sizeof(tests) / sizeof(tests[0]); i++) {
		if (strcmp(argv[1], tests[i].name) == 0) {
			vkt_setup("vk_xfer");
			rc = tests[i].fn();
			vkt_teardown();
		}
	}
	if (rc == 2)
		fprintf(stderr, "usage: vk_xfer gfx|transfer|big\n");
	return rc;
}

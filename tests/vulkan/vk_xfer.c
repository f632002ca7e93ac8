/*
 * Transfer commands through stock RADV, results checked on the CPU:
 *   gfx	on the graphics queue
 *   transfer	on a transfer-only queue family (SDMA), if RADV exposes one
 *		(exit 77, skipped, when it does not; exit 1 when
 *		VK_XFER_NEED_TRANSFER=1 says this RADV must expose one)
 * Every size stays below RADV's 4 KiB compute threshold
 * (RADV_BUFFER_OPS_CS_THRESHOLD, src/amd/vulkan/radv_meta_buffer.c), so
 * no compute shader is involved: vkCmdUpdateBuffer of < 1 KiB is an inline
 * WRITE_DATA (RADV_BUFFER_UPDATE_THRESHOLD), larger updates, fills and
 * copies are CP DMA (DMA_DATA) on gfx and SDMA packets on transfer.
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
		fprintf(stderr, "usage: vk_xfer gfx|transfer\n");
	return rc;
}

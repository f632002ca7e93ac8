/*
 * Synchronisation through stock RADV, each wait bounded:
 *   fence	vkWaitForFences / vkGetFenceStatus / vkResetFences: an unsignalled
 *		fence times out, a submission signals it, a reset unsignals it
 *   binary	a binary semaphore orders two submissions on the graphics queue
 *		(fill, then copy of the filled buffer)
 *   timeline	host signal, query and wait of a timeline semaphore; then
 *		wait-before-signal across two queues: compute waits for 1 and
 *		signals 2, graphics waits for 2 and signals 3, nothing runs
 *		until the host signals 1; vkQueueWaitIdle, vkDeviceWaitIdle
 * Run as `metalgpu run -- vk_sync NAME`; exit 0 on success, 1 with a
 * message naming what failed.
 */
#define _POSIX_C_SOURCE 200809L	/* nanosleep */

#include <string.h>
#include <time.h>

#include "vk_util.h"

#define BYTES		1024u		/* CP DMA: below RADV's 4 KiB threshold */
#define SHORT_NS	20000000ull	/* a wait that must time out: 20 ms */

static uint32_t
gfx_family(void)
{
	return vkt_family(VK_QUEUE_GRAPHICS_BIT, 0);
}

static VkFence
new_fence(struct vkt_dev *d)
{
	VkFenceCreateInfo fi = { .sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO };
	VkFence f;

	VKCHECK(vkCreateFence(d->dev, &fi, NULL, &f));
	return f;
}

static VkSemaphore
new_sem(struct vkt_dev *d, VkSemaphoreType type, uint64_t initial)
{
	VkSemaphoreTypeCreateInfo ti = {
	    .sType = VK_STRUCTURE_TYPE_SEMAPHORE_TYPE_CREATE_INFO,
	    .semaphoreType = type, .initialValue = initial };
	VkSemaphoreCreateInfo si = { .sType = VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO,
	    .pNext = &ti };
	VkSemaphore s;

	VKCHECK(vkCreateSemaphore(d->dev, &si, NULL, &s));
	return s;
}

/* A command buffer that fills b with v (or copies src to b). */
static VkCommandBuffer
fill_cmd(struct vkt_dev *d, uint32_t qi, struct vkt_buf *b, uint32_t v)
{
	VkCommandBuffer cmd = vkt_begin(d, qi);

	vkCmdFillBuffer(cmd, b->buf, 0, BYTES, v);
	VKCHECK(vkEndCommandBuffer(cmd));
	return cmd;
}

static VkCommandBuffer
copy_cmd(struct vkt_dev *d, uint32_t qi, struct vkt_buf *src, struct vkt_buf *dst)
{
	VkCommandBuffer cmd = vkt_begin(d, qi);
	VkBufferCopy c = { 0, 0, BYTES };

	vkCmdCopyBuffer(cmd, src->buf, dst->buf, 1, &c);
	VKCHECK(vkEndCommandBuffer(cmd));
	return cmd;
}

static void
check_filled(const struct vkt_buf *b, uint32_t v, const char *what)
{
	const uint32_t *p = b->cpu;

	for (uint32_t i = 0; i < BYTES / 4; i++)
		CHECK(p[i] == v, "%s: dword %u is 0x%08x, want 0x%08x", what, i, p[i], v);
}

static int
test_fence(void)
{
	uint32_t fam = gfx_family();
	struct vkt_dev d;
	struct vkt_buf b;
	VkFence f;
	VkResult r;

	vkt_device(&d, &fam, 1);
	vkt_buf(&d, &b, BYTES);
	f = new_fence(&d);
	r = vkGetFenceStatus(d.dev, f);
	CHECK(r == VK_NOT_READY, "new fence: vkGetFenceStatus %d, want VK_NOT_READY", r);
	r = vkWaitForFences(d.dev, 1, &f, VK_TRUE, SHORT_NS);
	CHECK(r == VK_TIMEOUT, "new fence: vkWaitForFences %d, want VK_TIMEOUT", r);
	for (uint32_t round = 1; round <= 3; round++) {
		VkCommandBuffer cmd = fill_cmd(&d, 0, &b, round);
		VkSubmitInfo si = { .sType = VK_STRUCTURE_TYPE_SUBMIT_INFO,
		    .commandBufferCount = 1, .pCommandBuffers = &cmd };

		VKCHECK(vkQueueSubmit(d.q[0], 1, &si, f));
		r = vkWaitForFences(d.dev, 1, &f, VK_TRUE, VKT_TIMEOUT_NS);
		CHECK(r == VK_SUCCESS, "round %u: vkWaitForFences %d", round, r);
		r = vkGetFenceStatus(d.dev, f);
		CHECK(r == VK_SUCCESS, "round %u: signalled fence status %d", round, r);
		check_filled(&b, round, "fence");
		VKCHECK(vkResetFences(d.dev, 1, &f));
		r = vkGetFenceStatus(d.dev, f);
		CHECK(r == VK_NOT_READY, "round %u: reset fence status %d", round, r);
		vkFreeCommandBuffers(d.dev, d.pool[0], 1, &cmd);
	}
	vkDestroyFence(d.dev, f, NULL);
	vkt_buf_free(&d, &b);
	vkt_device_destroy(&d);
	printf("fence: unsignalled wait times out; 3 rounds of submit, wait, status, reset\n");
	return 0;
}

static int
test_binary(void)
{
	uint32_t fam = gfx_family();
	struct vkt_dev d;
	struct vkt_buf a, b;
	VkSemaphore s;
	VkFence f;
	VkPipelineStageFlags stage = VK_PIPELINE_STAGE_TRANSFER_BIT;
	VkResult r;

	vkt_device(&d, &fam, 1);
	vkt_buf(&d, &a, BYTES);
	vkt_buf(&d, &b, BYTES);
	s = new_sem(&d, VK_SEMAPHORE_TYPE_BINARY, 0);
	f = new_fence(&d);
	VkCommandBuffer c1 = fill_cmd(&d, 0, &a, 0x600dcafe);
	VkCommandBuffer c2 = copy_cmd(&d, 0, &a, &b);
	VkSubmitInfo s1 = { .sType = VK_STRUCTURE_TYPE_SUBMIT_INFO,
	    .commandBufferCount = 1, .pCommandBuffers = &c1,
	    .signalSemaphoreCount = 1, .pSignalSemaphores = &s };
	VkSubmitInfo s2 = { .sType = VK_STRUCTURE_TYPE_SUBMIT_INFO,
	    .waitSemaphoreCount = 1, .pWaitSemaphores = &s, .pWaitDstStageMask = &stage,
	    .commandBufferCount = 1, .pCommandBuffers = &c2 };
	VKCHECK(vkQueueSubmit(d.q[0], 1, &s1, VK_NULL_HANDLE));
	VKCHECK(vkQueueSubmit(d.q[0], 1, &s2, f));
	r = vkWaitForFences(d.dev, 1, &f, VK_TRUE, VKT_TIMEOUT_NS);
	CHECK(r == VK_SUCCESS, "binary: vkWaitForFences %d", r);
	check_filled(&b, 0x600dcafe, "binary: copy after the semaphore");
	VKCHECK(vkQueueWaitIdle(d.q[0]));
	vkDestroyFence(d.dev, f, NULL);
	vkDestroySemaphore(d.dev, s, NULL);
	vkt_buf_free(&d, &a);
	vkt_buf_free(&d, &b);
	vkt_device_destroy(&d);
	printf("binary: fill -> semaphore -> copy on the graphics queue, result checked\n");
	return 0;
}

static uint64_t
counter(struct vkt_dev *d, VkSemaphore s)
{
	uint64_t v;

	VKCHECK(vkGetSemaphoreCounterValue(d->dev, s, &v));
	return v;
}

static VkResult
wait_value(struct vkt_dev *d, VkSemaphore s, uint64_t v, uint64_t timeout)
{
	VkSemaphoreWaitInfo wi = { .sType = VK_STRUCTURE_TYPE_SEMAPHORE_WAIT_INFO,
	    .semaphoreCount = 1, .pSemaphores = &s, .pValues = &v };

	return vkWaitSemaphores(d->dev, &wi, timeout);
}

static void
host_timeline(struct vkt_dev *d)
{
	VkSemaphore s = new_sem(d, VK_SEMAPHORE_TYPE_TIMELINE, 3);
	VkSemaphoreSignalInfo si = { .sType = VK_STRUCTURE_TYPE_SEMAPHORE_SIGNAL_INFO,
	    .semaphore = s, .value = 7 };
	VkResult r;

	CHECK(counter(d, s) == 3, "timeline: initial value %llu, want 3",
	    (unsigned long long)counter(d, s));
	r = wait_value(d, s, 5, SHORT_NS);
	CHECK(r == VK_TIMEOUT, "timeline: wait for 5 at 3: %d, want VK_TIMEOUT", r);
	VKCHECK(vkSignalSemaphore(d->dev, &si));
	CHECK(counter(d, s) == 7, "timeline: value %llu after signalling 7",
	    (unsigned long long)counter(d, s));
	r = wait_value(d, s, 5, VKT_TIMEOUT_NS);
	CHECK(r == VK_SUCCESS, "timeline: wait for 5 at 7: %d", r);
	vkDestroySemaphore(d->dev, s, NULL);
}

/* Submit cmd on queue qi: wait for s >= w, then signal s = sig. */
static void
submit_timeline(struct vkt_dev *d, uint32_t qi, VkCommandBuffer cmd, VkSemaphore s,
    uint64_t w, uint64_t sig)
{
	VkPipelineStageFlags stage = VK_PIPELINE_STAGE_ALL_COMMANDS_BIT;
	VkTimelineSemaphoreSubmitInfo ti = {
	    .sType = VK_STRUCTURE_TYPE_TIMELINE_SEMAPHORE_SUBMIT_INFO,
	    .waitSemaphoreValueCount = 1, .pWaitSemaphoreValues = &w,
	    .signalSemaphoreValueCount = 1, .pSignalSemaphoreValues = &sig };
	VkSubmitInfo si = { .sType = VK_STRUCTURE_TYPE_SUBMIT_INFO, .pNext = &ti,
	    .waitSemaphoreCount = 1, .pWaitSemaphores = &s, .pWaitDstStageMask = &stage,
	    .commandBufferCount = 1, .pCommandBuffers = &cmd,
	    .signalSemaphoreCount = 1, .pSignalSemaphores = &s };

	VKCHECK(vkQueueSubmit(d->q[qi], 1, &si, VK_NULL_HANDLE));
}

static int
test_timeline(void)
{
	uint32_t fam[2] = { gfx_family(),
	    vkt_family(VK_QUEUE_COMPUTE_BIT, VK_QUEUE_GRAPHICS_BIT) };
	VkSemaphoreSignalInfo one = { .sType = VK_STRUCTURE_TYPE_SEMAPHORE_SIGNAL_INFO,
	    .value = 1 };
	struct timespec pause = { 0, 50000000 };
	struct vkt_dev d;
	struct vkt_buf a, b;
	VkSemaphore s;
	VkResult r;

	vkt_device(&d, fam, 2);
	host_timeline(&d);
	vkt_buf(&d, &a, BYTES);
	vkt_buf(&d, &b, BYTES);
	memset(b.cpu, 0, BYTES);
	s = new_sem(&d, VK_SEMAPHORE_TYPE_TIMELINE, 0);
	VkCommandBuffer fill = fill_cmd(&d, 1, &a, 0x7e57da7a);
	VkCommandBuffer copy = copy_cmd(&d, 0, &a, &b);
	/* Submitted in the order the values are reached, each before its wait
	 * can be met: compute waits for the host, graphics for compute. */
	submit_timeline(&d, 1, fill, s, 1, 2);
	submit_timeline(&d, 0, copy, s, 2, 3);
	nanosleep(&pause, NULL);
	CHECK(counter(&d, s) == 0, "timeline: value %llu before the host signal",
	    (unsigned long long)counter(&d, s));
	check_filled(&b, 0, "timeline: nothing may run before the host signal");
	one.semaphore = s;
	VKCHECK(vkSignalSemaphore(d.dev, &one));
	r = wait_value(&d, s, 3, VKT_TIMEOUT_NS);
	CHECK(r == VK_SUCCESS, "timeline: wait for 3 after the host signal: %d", r);
	check_filled(&b, 0x7e57da7a, "timeline: compute fill, then graphics copy");
	VKCHECK(vkQueueWaitIdle(d.q[1]));
	VKCHECK(vkQueueWaitIdle(d.q[0]));
	VKCHECK(vkDeviceWaitIdle(d.dev));
	vkDestroySemaphore(d.dev, s, NULL);
	vkt_buf_free(&d, &a);
	vkt_buf_free(&d, &b);
	vkt_device_destroy(&d);
	printf("timeline: host signal/query/wait; wait-before-signal compute -> graphics, result checked; queue and device idle\n");
	return 0;
}

static const struct {
	const char *name;
	int (*fn)(void);
} tests[] = {
	{ "fence", test_fence },
	{ "binary", test_binary },
	{ "timeline", test_timeline },
};

int
main(int argc, char **argv)
{
	int rc = 2;

	for (size_t i = 0; argc == 2 && i < sizeof(tests) / sizeof(tests[0]); i++) {
		if (strcmp(argv[1], tests[i].name) == 0) {
			vkt_setup("vk_sync");
			rc = tests[i].fn();
			vkt_teardown();
		}
	}
	if (rc == 2)
		fprintf(stderr, "usage: vk_sync fence|binary|timeline\n");
	return rc;
}

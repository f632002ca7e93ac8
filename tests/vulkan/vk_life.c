/*
 * VkDevice lifetimes through stock RADV:
 *   leak	100 VkDevices created, used (one CP DMA fill each) and
 *		destroyed: the driver's VRAM, the host's DMA memory, the GPU
 *		API clients and the bridge's files are back at their start
 *		values (libradv_metal_usage, include/metalgpu/libradv_metal.h)
 *   lost	a command buffer copies from memory freed after recording: its
 *		VkDevice reports VK_ERROR_DEVICE_LOST (the GPU faults, the
 *		bridge reports the context reset); a second VkDevice working
 *		at the same time goes on unaffected, results checked
 * Run as `metalgpu run -- vk_life NAME`; exit 0 on success, 1 with a
 * message naming what failed.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* RTLD_NOLOAD */
#endif

#include <dlfcn.h>
#include <string.h>

#include "metalgpu/libradv_metal.h"
#include "vk_util.h"

#define LEAK_ROUNDS	100
#define FILL_BYTES	256u
#define FREED_BYTES	(4u << 20)

typedef int (*usage_fn)(struct libradv_metal_usage *);

/* The bridge's usage query, from the libdrm.so.2 RADV loaded. */
static struct libradv_metal_usage
usage(void)
{
	static usage_fn fn;
	struct libradv_metal_usage u;
	void *h;

	if (fn == NULL) {
		h = dlopen("libdrm.so.2", RTLD_NOW | RTLD_NOLOAD);
		CHECK(h != NULL, "libdrm.so.2 is not loaded: %s", dlerror());
		fn = (usage_fn)(uintptr_t)dlsym(h, LIBRADV_METAL_USAGE_SYM);
		CHECK(fn != NULL, "libdrm.so.2 is not libradv-metal's: no %s",
		    LIBRADV_METAL_USAGE_SYM);
	}
	CHECK(fn(&u) == 0, "%s failed", LIBRADV_METAL_USAGE_SYM);
	return u;
}

/* One device: a buffer filled by the GPU and checked, then all freed. */
static void
device_round(uint32_t fam, uint32_t round)
{
	struct vkt_dev d;
	struct vkt_buf b;
	VkCommandBuffer cmd;
	VkResult r;

	vkt_device(&d, &fam, 1);
	vkt_buf(&d, &b, FILL_BYTES);
	cmd = vkt_begin(&d, 0);
	vkCmdFillBuffer(cmd, b.buf, 0, FILL_BYTES, round);
	r = vkt_submit_wait(&d, 0, cmd);
	CHECK(r == VK_SUCCESS, "device %u: fill: VkResult %d", round, r);
	CHECK(((uint32_t *)b.cpu)[FILL_BYTES / 4 - 1] == round,
	    "device %u: fill not done", round);
	vkt_buf_free(&d, &b);
	vkt_device_destroy(&d);
}

static int
test_leak(void)
{
	uint32_t fam = vkt_family(VK_QUEUE_GRAPHICS_BIT, 0);
	struct libradv_metal_usage u0, u;

	/* The first device creates what RADV keeps per physical device
	 * (its winsys, the device file): start counting after it. */
	device_round(fam, 0);
	u0 = usage();
	for (uint32_t i = 1; i <= LEAK_ROUNDS; i++)
		device_round(fam, i);
	u = usage();
	CHECK(u.vram_used == u0.vram_used, "VRAM in use %llu bytes after %u devices, %llu before",
	    (unsigned long long)u.vram_used, LEAK_ROUNDS, (unsigned long long)u0.vram_used);
	CHECK(u.sys_used == u0.sys_used, "DMA memory in use %llu bytes after %u devices, %llu before",
	    (unsigned long long)u.sys_used, LEAK_ROUNDS, (unsigned long long)u0.sys_used);
	CHECK(u.clients == u0.clients && u.files == u0.files,
	    "%u clients, %u files after %u devices; %u, %u before", u.clients, u.files,
	    LEAK_ROUNDS, u0.clients, u0.files);
	printf("%u VkDevices created, used and destroyed: VRAM %llu KiB, DMA memory %llu KiB, %u client(s), %u file(s), as before\n",
	    LEAK_ROUNDS, (unsigned long long)(u.vram_used >> 10),
	    (unsigned long long)(u.sys_used >> 10), u.clients, u.files);
	return 0;
}

/* Fill b with v on d's queue and check it: the bystander's work. */
static void
fill_check(struct vkt_dev *d, struct vkt_buf *b, uint32_t v, const char *when)
{
	VkCommandBuffer cmd = vkt_begin(d, 0);
	VkResult r;

	vkCmdFillBuffer(cmd, b->buf, 0, FILL_BYTES, v);
	r = vkt_submit_wait(d, 0, cmd);
	CHECK(r == VK_SUCCESS, "second device, %s: fill: VkResult %d", when, r);
	for (uint32_t i = 0; i < FILL_BYTES / 4; i++)
		CHECK(((uint32_t *)b->cpu)[i] == v, "second device, %s: dword %u is 0x%08x",
		    when, i, ((uint32_t *)b->cpu)[i]);
}

/*
 * Record a copy from a, then free a: the submission reads unmapped memory.
 * It reads a's last bytes: allocations made after the free (RADV's command
 * buffers) may reuse the start of a's address range, not its end.
 */
static VkResult
copy_from_freed(struct vkt_dev *d)
{
	struct vkt_buf a, b;
	VkBufferCopy c = { FREED_BYTES - FILL_BYTES, 0, FILL_BYTES };
	VkCommandBuffer cmd;
	VkResult r;

	vkt_buf(d, &a, FREED_BYTES);
	vkt_buf(d, &b, FILL_BYTES);
	cmd = vkt_begin(d, 0);
	vkCmdCopyBuffer(cmd, a.buf, b.buf, 1, &c);
	vkt_buf_free(d, &a);
	r = vkt_submit_wait(d, 0, cmd);
	vkt_buf_free(d, &b);
	return r;
}

/* A submission on the faulted device (its fence is never waited for). */
static VkResult
next_submit(struct vkt_dev *d, struct vkt_buf *b)
{
	VkCommandBuffer cmd = vkt_begin(d, 0);
	VkSubmitInfo si = { .sType = VK_STRUCTURE_TYPE_SUBMIT_INFO,
	    .commandBufferCount = 1, .pCommandBuffers = &cmd };

	vkCmdFillBuffer(cmd, b->buf, 0, FILL_BYTES, 0);
	VKCHECK(vkEndCommandBuffer(cmd));
	return vkQueueSubmit(d->q[0], 1, &si, VK_NULL_HANDLE);
}

static int
test_lost(void)
{
	uint32_t fam = vkt_family(VK_QUEUE_GRAPHICS_BIT, 0);
	struct vkt_dev victim, other;
	struct vkt_buf ob, vb;
	VkResult r;

	vkt_device(&other, &fam, 1);
	vkt_buf(&other, &ob, FILL_BYTES);
	fill_check(&other, &ob, 0x11111111, "before");
	vkt_device(&victim, &fam, 1);
	vkt_buf(&victim, &vb, FILL_BYTES);
	/* RADV 22.3.6 learns of the reset at its next submission (the CS
	 * answers -ECANCELED): the fault's own fence wait ends once the
	 * job timeout reset the queue, with VK_SUCCESS or already lost. */
	r = copy_from_freed(&victim);
	CHECK(r == VK_SUCCESS || r == VK_ERROR_DEVICE_LOST,
	    "copy from freed memory: VkResult %d, want VK_SUCCESS or VK_ERROR_DEVICE_LOST", r);
	if (r == VK_SUCCESS)
		r = next_submit(&victim, &vb);
	CHECK(r == VK_ERROR_DEVICE_LOST, "after the copy from freed memory: VkResult %d, want VK_ERROR_DEVICE_LOST (%d)",
	    r, VK_ERROR_DEVICE_LOST);
	fill_check(&other, &ob, 0x22222222, "after the first device was lost");
	vkt_buf_free(&victim, &vb);
	vkt_device_destroy(&victim);
	fill_check(&other, &ob, 0x33333333, "after the lost device was destroyed");
	vkt_buf_free(&other, &ob);
	vkt_device_destroy(&other);
	printf("copy from freed memory: VK_ERROR_DEVICE_LOST; the second VkDevice's fills before, during and after: checked\n");
	return 0;
}

static const struct {
	const char *name;
	int (*fn)(void);
} tests[] = {
	{ "leak", test_leak },
	{ "lost", test_lost },
};

int
main(int argc, char **argv)
{
	int rc = 2;

	for (size_t i = 0; argc == 2 && i < sizeof(tests) / sizeof(tests[0]); i++) {
		if (strcmp(argv[1], tests[i].name) == 0) {
			vkt_setup("vk_life");
			rc = tests[i].fn();
			vkt_teardown();
		}
	}
	if (rc == 2)
		fprintf(stderr, "usage: vk_life leak|lost\n");
	return rc;
}

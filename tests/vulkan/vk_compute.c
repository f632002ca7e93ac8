/*
 * GLSL compute shaders through a Vulkan driver, results checked on the CPU
 * against references computed in C.  The workloads (vk_workloads.c) are
 * shaders/NAME.comp, compiled to SPIR-V by glslangValidator at build time
 * (meson.build); on the model RADV compiles them with ACO and the model
 * runs the waves.  RADV runs compute shaders in wave64 on gfx10.3 unless
 * RADV_PERFTEST=cswave32; meson runs each test both ways and with both
 * cached RADVs.
 *
 *   vk_compute NAME		one dispatch on a compute-only queue (any
 *				compute queue if the driver has none; vadd
 *				also on the graphics queue), checked; exit 0,
 *				1 with a message naming the first mismatch,
 *				77 when the driver lacks a needed feature
 *   vk_compute --bench RUNS NAME
 *				`make bench`'s timing (scripts/bench-compute.sh):
 *				the dispatch recorded once, submitted RUNS
 *				times after an untimed warm-up, each submit +
 *				fence wait timed, the inputs refilled (untimed)
 *				before each, the result checked after the last
 *
 * VK_COMPUTE_SUBGROUP_SIZE=N makes the subgroup workloads require
 * subgroups of N (vk_features.c: RADV would run them in wave64 anyway).
 *
 * The bench line gives the median, min and max ms and, when the bridge's
 * libdrm.so.2 is loaded (metalgpu run), the model's wave instructions a
 * run and per second of the median (libradv_metal_usage).
 */
#include <dlfcn.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "metalgpu/libradv_metal.h"
#include "vk_compute.h"
#include "vk_kernel.h"

#define BENCH_MAX_RUNS	101

/* The compute-only family, else the first with compute (lavapipe). */
static uint32_t
compute_family(void)
{
	uint32_t f = vkt_family(VK_QUEUE_COMPUTE_BIT, VK_QUEUE_GRAPHICS_BIT);

	return f != UINT32_MAX ? f : vkt_family(VK_QUEUE_COMPUTE_BIT, 0);
}

static int
run_on(const struct workload *wl, uint32_t family, const char *queue)
{
	struct wl_gpu g;
	VkCommandBuffer cmd;
	VkResult r;
	int rc;

	CHECK(family != UINT32_MAX, "%s: no %s family", wl->name, queue);
	if ((rc = wl_gpu_create(&g, wl, family)) != 0)
		return rc;
	wl->fill(&g.run);
	cmd = vkt_begin(&g.d, 0);
	wl_gpu_record(&g, cmd);
	r = vkt_submit_wait(&g.d, 0, cmd);
	CHECK(r != VK_TIMEOUT, "%s: %s: not done in %llu s (a hung queue: the driver's "
	    "log above names an illegal instruction or a fault, if any)", wl->name, queue,
	    VKT_TIMEOUT_NS / 1000000000ull);
	CHECK(r == VK_SUCCESS, "%s: %s: submission: VkResult %d", wl->name, queue, r);
	rc = wl->check(&g.run);
	wl_gpu_destroy(&g);
	if (rc != 0) {
		fprintf(stderr, "%s: %s: FAILED\n", wl->name, queue);
		return 1;
	}
	printf("%s: %s (%u x %u x %u groups%s), %s: all checked\n", wl->name, wl->what,
	    wl->groups[0], wl->groups[1], wl->groups[2], wl->indirect ? ", indirect" : "",
	    queue);
	return 0;
}

static int
test(const struct workload *wl)
{
	int rc = run_on(wl, compute_family(), "compute queue");

	if (rc == 0 && (wl->need & WL_F_GFX_TOO))
		rc = run_on(wl, vkt_family(VK_QUEUE_GRAPHICS_BIT, 0), "graphics queue");
	return rc;
}

typedef int (*usage_fn)(struct libradv_metal_usage *);

/* The model's wave instruction count, or UINT64_MAX when the libdrm.so.2
 * loaded is not the bridge's (another driver, or none). */
static uint64_t
model_insts(void)
{
	static usage_fn fn;
	struct libradv_metal_usage u;
	void *h;

	if (fn == NULL) {
		h = dlopen("libdrm.so.2", RTLD_NOW | RTLD_NOLOAD);
		if (h != NULL)
			fn = (usage_fn)(uintptr_t)dlsym(h, LIBRADV_METAL_USAGE_SYM);
		if (fn == NULL)
			return UINT64_MAX;
	}
	return fn(&u) == 0 ? u.shader_insts : UINT64_MAX;
}

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static void
bench_report(const struct workload *wl, int runs, uint64_t *t, uint64_t i0, uint64_t i1)
{
	double med;

	qsort(t, (size_t)runs, sizeof(t[0]), cmp_u64);
	med = t[runs / 2] / 1e6;
	printf("bench %s: %d runs: median %.3f ms, min %.3f ms, max %.3f ms",
	    wl->name, runs, med, t[0] / 1e6, t[runs - 1] / 1e6);
	if (i0 != UINT64_MAX && i1 != UINT64_MAX)
		printf("; model: %llu wave instructions a run, %.4g per s",
		    (unsigned long long)((i1 - i0) / (uint64_t)runs),
		    (double)(i1 - i0) / (double)runs / (med / 1e3));
	printf("\n");
}

static int
bench(const struct workload *wl, int runs)
{
	VkCommandBufferAllocateInfo ai = {
	    .sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO,
	    .level = VK_COMMAND_BUFFER_LEVEL_PRIMARY, .commandBufferCount = 1 };
	VkCommandBufferBeginInfo bi = {
	    .sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO };
	VkFenceCreateInfo fi = { .sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO };
	VkSubmitInfo si = { .sType = VK_STRUCTURE_TYPE_SUBMIT_INFO,
	    .commandBufferCount = 1 };
	uint64_t t[BENCH_MAX_RUNS], i0 = 0, i1, t0;
	VkCommandBuffer cmd;
	struct wl_gpu g;
	VkFence fence;
	int rc;

	if ((rc = wl_gpu_create(&g, wl, compute_family())) != 0)
		return rc;
	wl->fill(&g.run);
	ai.commandPool = g.d.pool[0];
	VKCHECK(vkAllocateCommandBuffers(g.d.dev, &ai, &cmd));
	VKCHECK(vkBeginCommandBuffer(cmd, &bi));
	wl_gpu_record(&g, cmd);
	VKCHECK(vkEndCommandBuffer(cmd));
	VKCHECK(vkCreateFence(g.d.dev, &fi, NULL, &fence));
	si.pCommandBuffers = &cmd;

	/* Run 0 is the warm-up, untimed. */
	for (int r = 0; r <= runs; r++) {
		wl->fill(&g.run);
		if (r == 1)
			i0 = model_insts();
		t0 = now_ns();
		VKCHECK(vkQueueSubmit(g.d.q[0], 1, &si, fence));
		VKCHECK(vkWaitForFences(g.d.dev, 1, &fence, VK_TRUE, 12 * VKT_TIMEOUT_NS));
		if (r > 0)
			t[r - 1] = now_ns() - t0;
		VKCHECK(vkResetFences(g.d.dev, 1, &fence));
	}
	i1 = model_insts();
	rc = wl->check(&g.run);
	if (rc == 0)
		bench_report(wl, runs, t, i0, i1);
	vkDestroyFence(g.d.dev, fence, NULL);
	vkFreeCommandBuffers(g.d.dev, g.d.pool[0], 1, &cmd);
	wl_gpu_destroy(&g);
	return rc;
}

static int
usage(void)
{
	fprintf(stderr, "usage: vk_compute NAME\n"
	    "       vk_compute --bench RUNS NAME\n"
	    "workloads:\n");
	wl_list();
	return 2;
}

int
main(int argc, char **argv)
{
	const struct workload *wl;
	int runs = 0, rc;

	if (argc == 4 && strcmp(argv[1], "--bench") == 0) {
		runs = atoi(argv[2]);
		if (runs < 1 || runs > BENCH_MAX_RUNS)
			return usage();
	} else if (argc != 2) {
		return usage();
	}
	if ((wl = wl_find(argv[argc - 1])) == NULL)
		return usage();
	vkt_setup("vk_compute");
	rc = runs != 0 ? bench(wl, runs) : test(wl);
	vkt_teardown();
	return rc;
}

/*
 * GLSL compute shaders through stock RADV, results checked on the CPU.
 * The shaders (shaders/NAME.comp) are compiled to SPIR-V by glslangValidator
 * at build time into C arrays (shaders/meson.build); RADV compiles them
 * with ACO and the model runs the waves.
 *   vadd	c = a + b over VADD_N floats, 64 threads a group, on a
 *		compute-only queue and on the graphics queue
 * RADV runs compute shaders in wave64 on gfx10.3 unless
 * RADV_PERFTEST=cswave32 (then the initiator has CS_W32_EN); meson runs
 * each test both ways.
 * Run as `metalgpu run -- vk_compute NAME`; exit 0 on success, 1 with a
 * message naming what failed.
 *
 * `vk_compute --bench RUNS vadd|loop` is `make bench`'s workload
 * (scripts/bench-compute.sh), on any Vulkan driver: one dispatch recorded
 * once, submitted RUNS times on a compute queue after a warm-up, each
 * submit + fence wait timed; the result is checked after the last.
 *   loop	c = LOOP_ITERS rounds of an integer hash of a, LOOP_N threads
 * It prints one line: the median, min and max ms and, when the bridge's
 * libdrm.so.2 is loaded (metalgpu run), the model's wave instructions a
 * run and per second of the median (libradv_metal_usage).
 */
#include <dlfcn.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "metalgpu/libradv_metal.h"
#include "vk_util.h"
#include "loop.spv.h"
#include "vadd.spv.h"

#define VADD_N		((1u << 20) + 37u)	/* 1 Mi elements and a partial group */
#define VADD_GROUP	64u			/* local_size_x in vadd.comp */
#define NBIND		3u
#define LOOP_N		(1u << 16)
#define LOOP_ITERS	256u			/* as in loop.comp */
#define BENCH_MAX_RUNS	101

/* A compute pipeline over NBIND storage buffers and a 4-byte push constant. */
struct kernel {
	VkShaderModule mod;
	VkDescriptorSetLayout dsl;
	VkPipelineLayout layout;
	VkPipeline pipe;
	VkDescriptorPool pool;
	VkDescriptorSet set;
};

static void
kernel_create(struct vkt_dev *d, struct kernel *k, const uint32_t *spv, size_t bytes,
    struct vkt_buf *bufs)
{
	VkShaderModuleCreateInfo mi = { .sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO,
	    .codeSize = bytes, .pCode = spv };
	VkDescriptorSetLayoutBinding b[NBIND];
	VkDescriptorSetLayoutCreateInfo li = {
	    .sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO,
	    .bindingCount = NBIND, .pBindings = b };
	VkPushConstantRange pc = { VK_SHADER_STAGE_COMPUTE_BIT, 0, 4 };
	VkPipelineLayoutCreateInfo pli = {
	    .sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO,
	    .setLayoutCount = 1, .pSetLayouts = &k->dsl,
	    .pushConstantRangeCount = 1, .pPushConstantRanges = &pc };
	VkComputePipelineCreateInfo ci = {
	    .sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO,
	    .stage = { .sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO,
		.stage = VK_SHADER_STAGE_COMPUTE_BIT, .pName = "main" } };
	VkDescriptorPoolSize ps = { VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, NBIND };
	VkDescriptorPoolCreateInfo pi = {
	    .sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO,
	    .maxSets = 1, .poolSizeCount = 1, .pPoolSizes = &ps };
	VkDescriptorSetAllocateInfo ai = {
	    .sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO,
	    .descriptorSetCount = 1, .pSetLayouts = &k->dsl };
	VkDescriptorBufferInfo bi[NBIND];
	VkWriteDescriptorSet w = { .sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET,
	    .dstBinding = 0, .descriptorCount = NBIND,
	    .descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, .pBufferInfo = bi };

	for (uint32_t i = 0; i < NBIND; i++) {
		b[i] = (VkDescriptorSetLayoutBinding){ i, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER,
		    1, VK_SHADER_STAGE_COMPUTE_BIT, NULL };
		bi[i] = (VkDescriptorBufferInfo){ bufs[i].buf, 0, VK_WHOLE_SIZE };
	}
	VKCHECK(vkCreateShaderModule(d->dev, &mi, NULL, &k->mod));
	VKCHECK(vkCreateDescriptorSetLayout(d->dev, &li, NULL, &k->dsl));
	VKCHECK(vkCreatePipelineLayout(d->dev, &pli, NULL, &k->layout));
	ci.stage.module = k->mod;
	ci.layout = k->layout;
	VKCHECK(vkCreateComputePipelines(d->dev, VK_NULL_HANDLE, 1, &ci, NULL, &k->pipe));
	VKCHECK(vkCreateDescriptorPool(d->dev, &pi, NULL, &k->pool));
	ai.descriptorPool = k->pool;
	VKCHECK(vkAllocateDescriptorSets(d->dev, &ai, &k->set));
	w.dstSet = k->set;
	vkUpdateDescriptorSets(d->dev, 1, &w, 0, NULL);
}

static void
kernel_destroy(struct vkt_dev *d, struct kernel *k)
{
	vkDestroyDescriptorPool(d->dev, k->pool, NULL);
	vkDestroyPipeline(d->dev, k->pipe, NULL);
	vkDestroyPipelineLayout(d->dev, k->layout, NULL);
	vkDestroyDescriptorSetLayout(d->dev, k->dsl, NULL);
	vkDestroyShaderModule(d->dev, k->mod, NULL);
}

static int
vadd_on(uint32_t family, const char *what)
{
	const VkDeviceSize bytes = (VkDeviceSize)VADD_N * 4;
	const uint32_t n = VADD_N;
	struct vkt_dev d;
	struct vkt_buf buf[NBIND];
	struct kernel k;
	const float *a, *b, *c;
	VkResult r;

	vkt_device(&d, &family, 1);
	for (uint32_t i = 0; i < NBIND; i++)
		vkt_buf_props(&d, &buf[i], bytes, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
	a = buf[0].cpu;
	b = buf[1].cpu;
	c = buf[2].cpu;
	for (uint32_t i = 0; i < n; i++) {
		((float *)buf[0].cpu)[i] = (float)i * 0.5f;
		((float *)buf[1].cpu)[i] = 1.0f / (float)(i + 1);
	}
	memset(buf[2].cpu, 0xff, bytes);
	kernel_create(&d, &k, vadd_spv, sizeof(vadd_spv), buf);

	VkCommandBuffer cmd = vkt_begin(&d, 0);
	vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, k.pipe);
	vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, k.layout, 0, 1,
	    &k.set, 0, NULL);
	vkCmdPushConstants(cmd, k.layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, 4, &n);
	vkCmdDispatch(cmd, (n + VADD_GROUP - 1) / VADD_GROUP, 1, 1);
	r = vkt_submit_wait(&d, 0, cmd);
	CHECK(r == VK_SUCCESS, "%s: vadd submission: VkResult %d", what, r);
	for (uint32_t i = 0; i < n; i++) {
		float want = a[i] + b[i];

		CHECK(memcmp(&c[i], &want, 4) == 0, "%s: c[%u] = %a, want %a (%a + %a)",
		    what, i, (double)c[i], (double)want, (double)a[i], (double)b[i]);
	}
	kernel_destroy(&d, &k);
	for (uint32_t i = 0; i < NBIND; i++)
		vkt_buf_free(&d, &buf[i]);
	vkt_device_destroy(&d);
	printf("%s: vadd over %u floats (%u groups of %u): all checked\n", what, n,
	    (n + VADD_GROUP - 1) / VADD_GROUP, VADD_GROUP);
	return 0;
}

static int
test_vadd(void)
{
	uint32_t cf = vkt_family(VK_QUEUE_COMPUTE_BIT, VK_QUEUE_GRAPHICS_BIT);

	CHECK(cf != UINT32_MAX, "no compute-only queue family");
	if (vadd_on(cf, "compute queue") != 0)
		return 1;
	return vadd_on(vkt_family(VK_QUEUE_GRAPHICS_BIT, 0), "graphics queue");
}

/* --- --bench ------------------------------------------------------------------ */

/* A workload for --bench: buffers a and b (n 4-byte elements) filled by
 * fill, c checked against want. */
struct workload {
	const char *name;
	const uint32_t *spv;
	size_t spv_bytes;
	uint32_t n;
	void (*fill)(uint32_t *a, uint32_t *b, uint32_t n);
	uint32_t (*want)(const uint32_t *a, const uint32_t *b, uint32_t i);
};

static void
vadd_fill(uint32_t *a, uint32_t *b, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		float x = (float)i * 0.5f, y = 1.0f / (float)(i + 1);

		memcpy(&a[i], &x, 4);
		memcpy(&b[i], &y, 4);
	}
}

static uint32_t
vadd_want(const uint32_t *a, const uint32_t *b, uint32_t i)
{
	float x, y, z;
	uint32_t r;

	memcpy(&x, &a[i], 4);
	memcpy(&y, &b[i], 4);
	z = x + y;
	memcpy(&r, &z, 4);
	return r;
}

static void
loop_fill(uint32_t *a, uint32_t *b, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		a[i] = b[i] = i * 2654435761u;
}

static uint32_t
loop_want(const uint32_t *a, const uint32_t *b, uint32_t i)
{
	uint32_t h = a[i];

	for (uint32_t k = 0; k < LOOP_ITERS; k++)
		h = (h ^ (h >> 13)) * 0x5bd1e995u + k;
	return h;
}

static const struct workload workloads[] = {
	{ "vadd", vadd_spv, sizeof(vadd_spv), VADD_N, vadd_fill, vadd_want },
	{ "loop", loop_spv, sizeof(loop_spv), LOOP_N, loop_fill, loop_want },
};

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

static int
bench(const struct workload *wl, int runs)
{
	const VkDeviceSize bytes = (VkDeviceSize)wl->n * 4;
	uint32_t family = vkt_family(VK_QUEUE_COMPUTE_BIT, 0);
	VkCommandBufferAllocateInfo ai = {
	    .sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO,
	    .level = VK_COMMAND_BUFFER_LEVEL_PRIMARY, .commandBufferCount = 1 };
	VkCommandBufferBeginInfo bi = {
	    .sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO };
	VkFenceCreateInfo fi = { .sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO };
	VkSubmitInfo si = { .sType = VK_STRUCTURE_TYPE_SUBMIT_INFO,
	    .commandBufferCount = 1 };
	uint64_t t[BENCH_MAX_RUNS], i0 = 0, i1, t0;
	const uint32_t *a, *b, *c;
	struct vkt_dev d;
	struct vkt_buf buf[NBIND];
	struct kernel k;
	VkCommandBuffer cmd;
	VkFence fence;
	double med;

	CHECK(family != UINT32_MAX, "no compute queue family");
	vkt_device(&d, &family, 1);
	for (uint32_t i = 0; i < NBIND; i++)
		vkt_buf_props(&d, &buf[i], bytes, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
	a = buf[0].cpu;
	b = buf[1].cpu;
	c = buf[2].cpu;
	wl->fill(buf[0].cpu, buf[1].cpu, wl->n);
	kernel_create(&d, &k, wl->spv, wl->spv_bytes, buf);

	ai.commandPool = d.pool[0];
	VKCHECK(vkAllocateCommandBuffers(d.dev, &ai, &cmd));
	VKCHECK(vkBeginCommandBuffer(cmd, &bi));
	vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, k.pipe);
	vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, k.layout, 0, 1,
	    &k.set, 0, NULL);
	vkCmdPushConstants(cmd, k.layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, 4, &wl->n);
	vkCmdDispatch(cmd, (wl->n + VADD_GROUP - 1) / VADD_GROUP, 1, 1);
	VKCHECK(vkEndCommandBuffer(cmd));
	VKCHECK(vkCreateFence(d.dev, &fi, NULL, &fence));
	si.pCommandBuffers = &cmd;

	/* Run 0 is the warm-up, untimed. */
	for (int r = 0; r <= runs; r++) {
		memset(buf[2].cpu, 0xff, bytes);
		if (r == 1)
			i0 = model_insts();
		t0 = now_ns();
		VKCHECK(vkQueueSubmit(d.q[0], 1, &si, fence));
		VKCHECK(vkWaitForFences(d.dev, 1, &fence, VK_TRUE, 12 * VKT_TIMEOUT_NS));
		if (r > 0)
			t[r - 1] = now_ns() - t0;
		VKCHECK(vkResetFences(d.dev, 1, &fence));
	}
	i1 = model_insts();
	for (uint32_t i = 0; i < wl->n; i++)
		CHECK(c[i] == wl->want(a, b, i), "%s: c[%u] = 0x%08x, want 0x%08x",
		    wl->name, i, c[i], wl->want(a, b, i));

	qsort(t, (size_t)runs, sizeof(t[0]), cmp_u64);
	med = t[runs / 2] / 1e6;
	printf("bench %s: %d runs, %u threads: median %.3f ms, min %.3f ms, max %.3f ms",
	    wl->name, runs, wl->n, med, t[0] / 1e6, t[runs - 1] / 1e6);
	if (i0 != UINT64_MAX && i1 != UINT64_MAX)
		printf("; model: %llu wave instructions a run, %.4g per s",
		    (unsigned long long)((i1 - i0) / (uint64_t)runs),
		    (double)(i1 - i0) / (double)runs / (med / 1e3));
	printf("\n");

	vkDestroyFence(d.dev, fence, NULL);
	vkFreeCommandBuffers(d.dev, d.pool[0], 1, &cmd);
	kernel_destroy(&d, &k);
	for (uint32_t i = 0; i < NBIND; i++)
		vkt_buf_free(&d, &buf[i]);
	vkt_device_destroy(&d);
	return 0;
}

static const struct {
	const char *name;
	int (*fn)(void);
} tests[] = {
	{ "vadd", test_vadd },
};

int
main(int argc, char **argv)
{
	int rc = 2;

	if (argc == 4 && strcmp(argv[1], "--bench") == 0) {
		int runs = atoi(argv[2]);

		for (size_t i = 0; runs >= 1 && runs <= BENCH_MAX_RUNS &&
		    i < sizeof(workloads) / sizeof(workloads[0]); i++) {
			if (strcmp(argv[3], workloads[i].name) == 0) {
				vkt_setup("vk_compute");
				rc = bench(&workloads[i], runs);
				vkt_teardown();
			}
		}
	}
	for (size_t i = 0; argc == 2 && i < sizeof(tests) / sizeof(tests[0]); i++) {
		if (strcmp(argv[1], tests[i].name) == 0) {
			vkt_setup("vk_compute");
			rc = tests[i].fn();
			vkt_teardown();
		}
	}
	if (rc == 2)
		fprintf(stderr, "usage: vk_compute vadd\n"
		    "       vk_compute --bench RUNS vadd|loop\n");
	return rc;
}

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
 */
#include <string.h>

#include "vk_util.h"
#include "vadd.spv.h"

#define VADD_N		((1u << 20) + 37u)	/* 1 Mi elements and a partial group */
#define VADD_GROUP	64u			/* local_size_x in vadd.comp */
#define NBIND		3u

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

	for (size_t i = 0; argc == 2 && i < sizeof(tests) / sizeof(tests[0]); i++) {
		if (strcmp(argv[1], tests[i].name) == 0) {
			vkt_setup("vk_compute");
			rc = tests[i].fn();
			vkt_teardown();
		}
	}
	if (rc == 2)
		fprintf(stderr, "usage: vk_compute vadd\n");
	return rc;
}

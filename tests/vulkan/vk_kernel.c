/*
 * One workload's Vulkan objects (see vk_kernel.h).  Buffers live in
 * device-local, host-visible memory, as vadd always used (RADV's VRAM
 * through the BAR on the model).  Images are optimal-tiled in
 * device-local memory, reached only through copies from and to their
 * staging buffers, so the tiling is RADV's and the model's business.
 */
#include <string.h>

#include "vk_kernel.h"

static uint32_t
device_type(uint32_t bits)
{
	VkPhysicalDeviceMemoryProperties m;

	vkGetPhysicalDeviceMemoryProperties(vkt_pdev, &m);
	for (uint32_t t = 0; t < m.memoryTypeCount; t++)
		if ((bits & (1u << t)) && (m.memoryTypes[t].propertyFlags &
		    VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT))
			return t;
	CHECK(0, "no device-local memory type in 0x%x", bits);
	return 0;
}

/* 77 when the driver cannot use fmt as an optimal-tiled storage image
 * (with atomics for R32_UINT, which the r32ui workload does). */
static int
image_supported(const struct workload *wl, const struct wl_image *im)
{
	VkFormatFeatureFlags want = VK_FORMAT_FEATURE_STORAGE_IMAGE_BIT |
	    VK_FORMAT_FEATURE_TRANSFER_SRC_BIT | VK_FORMAT_FEATURE_TRANSFER_DST_BIT;
	VkFormatProperties fp;

	if (im->format == VK_FORMAT_R32_UINT)
		want |= VK_FORMAT_FEATURE_STORAGE_IMAGE_ATOMIC_BIT;
	vkGetPhysicalDeviceFormatProperties(vkt_pdev, im->format, &fp);
	if ((fp.optimalTilingFeatures & want) == want)
		return 0;
	printf("%s: skipped: format %d lacks optimal-tiling features 0x%x\n", wl->name,
	    im->format, want & ~fp.optimalTilingFeatures);
	return 77;
}

static void
image_create(struct wl_gpu *g, struct wl_image_gpu *ig, const struct wl_image *im)
{
	VkImageCreateInfo ci = { .sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO,
	    .imageType = VK_IMAGE_TYPE_2D, .format = im->format,
	    .extent = { im->width, im->height, 1 }, .mipLevels = 1, .arrayLayers = 1,
	    .samples = VK_SAMPLE_COUNT_1_BIT, .tiling = VK_IMAGE_TILING_OPTIMAL,
	    .usage = VK_IMAGE_USAGE_STORAGE_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT |
	    VK_IMAGE_USAGE_TRANSFER_DST_BIT,
	    .sharingMode = VK_SHARING_MODE_EXCLUSIVE,
	    .initialLayout = VK_IMAGE_LAYOUT_UNDEFINED };
	VkImageViewCreateInfo vi = { .sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO,
	    .viewType = VK_IMAGE_VIEW_TYPE_2D, .format = im->format,
	    .subresourceRange = { VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1 } };
	VkMemoryAllocateInfo ai = { .sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO };
	VkMemoryRequirements req;

	VKCHECK(vkCreateImage(g->d.dev, &ci, NULL, &ig->image));
	vkGetImageMemoryRequirements(g->d.dev, ig->image, &req);
	ai.allocationSize = req.size;
	ai.memoryTypeIndex = device_type(req.memoryTypeBits);
	VKCHECK(vkAllocateMemory(g->d.dev, &ai, NULL, &ig->mem));
	VKCHECK(vkBindImageMemory(g->d.dev, ig->image, ig->mem, 0));
	vi.image = ig->image;
	VKCHECK(vkCreateImageView(g->d.dev, &vi, NULL, &ig->view));
	vkt_buf(&g->d, &ig->stage, (VkDeviceSize)im->width * im->height * im->texel);
}

static void
layout_create(struct wl_gpu *g, const struct workload *wl)
{
	VkDescriptorSetLayoutBinding b[WL_MAXBUF + WL_MAXIMG];
	VkDescriptorSetLayoutCreateInfo li = {
	    .sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO,
	    .bindingCount = wl->nbuf + wl->nimg, .pBindings = b };
	VkPushConstantRange pc = { VK_SHADER_STAGE_COMPUTE_BIT, 0, wl->push_bytes };
	VkPipelineLayoutCreateInfo pli = {
	    .sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO,
	    .setLayoutCount = 1, .pSetLayouts = &g->dsl,
	    .pushConstantRangeCount = wl->push_bytes != 0, .pPushConstantRanges = &pc };

	for (uint32_t i = 0; i < wl->nbuf + wl->nimg; i++)
		b[i] = (VkDescriptorSetLayoutBinding){ i, i < wl->nbuf ?
		    VK_DESCRIPTOR_TYPE_STORAGE_BUFFER : VK_DESCRIPTOR_TYPE_STORAGE_IMAGE,
		    1, VK_SHADER_STAGE_COMPUTE_BIT, NULL };
	VKCHECK(vkCreateDescriptorSetLayout(g->d.dev, &li, NULL, &g->dsl));
	VKCHECK(vkCreatePipelineLayout(g->d.dev, &pli, NULL, &g->layout));
}

static void
pipeline_create(struct wl_gpu *g, const struct workload *wl)
{
	VkShaderModuleCreateInfo mi = { .sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO,
	    .codeSize = wl->spv_bytes, .pCode = wl->spv };
	VkSpecializationMapEntry me[WL_MAXSPEC];
	VkSpecializationInfo si = { .mapEntryCount = wl->nspec, .pMapEntries = me,
	    .dataSize = wl->nspec * 4u, .pData = wl->spec };
	VkComputePipelineCreateInfo ci = {
	    .sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO,
	    .stage = { .sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO,
		.stage = VK_SHADER_STAGE_COMPUTE_BIT, .pName = "main",
		.pSpecializationInfo = wl->nspec ? &si : NULL },
	    .layout = g->layout };
	VkPipelineShaderStageRequiredSubgroupSizeCreateInfoEXT rs = {
	    .sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_REQUIRED_SUBGROUP_SIZE_CREATE_INFO_EXT,
	    .requiredSubgroupSize = g->sg_required };

	for (uint32_t i = 0; i < wl->nspec; i++)
		me[i] = (VkSpecializationMapEntry){ i, i * 4u, 4 };
	if (g->sg_required != 0)
		ci.stage.pNext = &rs;
	VKCHECK(vkCreateShaderModule(g->d.dev, &mi, NULL, &g->mod));
	ci.stage.module = g->mod;
	VKCHECK(vkCreateComputePipelines(g->d.dev, VK_NULL_HANDLE, 1, &ci, NULL, &g->pipe));
}

static void
set_create(struct wl_gpu *g, const struct workload *wl)
{
	VkDescriptorPoolSize ps[2] = { { VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, WL_MAXBUF },
	    { VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, WL_MAXIMG } };
	VkDescriptorPoolCreateInfo pi = {
	    .sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO,
	    .maxSets = 1, .poolSizeCount = 2, .pPoolSizes = ps };
	VkDescriptorSetAllocateInfo ai = {
	    .sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO,
	    .descriptorSetCount = 1, .pSetLayouts = &g->dsl };
	VkDescriptorBufferInfo bi[WL_MAXBUF];
	VkDescriptorImageInfo ii[WL_MAXIMG];
	VkWriteDescriptorSet w[WL_MAXBUF + WL_MAXIMG];

	VKCHECK(vkCreateDescriptorPool(g->d.dev, &pi, NULL, &g->pool));
	ai.descriptorPool = g->pool;
	VKCHECK(vkAllocateDescriptorSets(g->d.dev, &ai, &g->set));
	for (uint32_t i = 0; i < wl->nbuf + wl->nimg; i++) {
		w[i] = (VkWriteDescriptorSet){ .sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET,
		    .dstSet = g->set, .dstBinding = i, .descriptorCount = 1 };
		if (i < wl->nbuf) {
			bi[i] = (VkDescriptorBufferInfo){ g->buf[i].buf, 0, VK_WHOLE_SIZE };
			w[i].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
			w[i].pBufferInfo = &bi[i];
		} else {
			uint32_t k = i - wl->nbuf;

			ii[k] = (VkDescriptorImageInfo){ VK_NULL_HANDLE, g->img[k].view,
			    VK_IMAGE_LAYOUT_GENERAL };
			w[i].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_IMAGE;
			w[i].pImageInfo = &ii[k];
		}
	}
	vkUpdateDescriptorSets(g->d.dev, wl->nbuf + wl->nimg, w, 0, NULL);
}

static int
limits_ok(const struct workload *wl)
{
	VkPhysicalDeviceProperties p;

	vkGetPhysicalDeviceProperties(vkt_pdev, &p);
	for (int i = 0; i < 3; i++) {
		if (wl->groups[i] > p.limits.maxComputeWorkGroupCount[i]) {
			printf("%s: skipped: %u workgroups in %c, the driver's limit is %u\n",
			    wl->name, wl->groups[i], "xyz"[i],
			    p.limits.maxComputeWorkGroupCount[i]);
			return 0;
		}
	}
	return 1;
}

int
wl_gpu_create(struct wl_gpu *g, const struct workload *wl, uint32_t family)
{
	int rc;

	memset(g, 0, sizeof(*g));
	if (!limits_ok(wl))
		return 77;
	for (uint32_t i = 0; i < wl->nimg; i++)
		if (image_supported(wl, &wl->img[i]) != 0)
			return 77;
	if ((rc = wl_device(&g->d, wl, family, &g->sg_required)) != 0)
		return rc;
	g->run.wl = wl;
	for (uint32_t i = 0; i < wl->nbuf; i++) {
		vkt_buf_props(&g->d, &g->buf[i], wl->buf_bytes[i],
		    VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
		g->run.buf[i] = g->buf[i].cpu;
	}
	for (uint32_t i = 0; i < wl->nimg; i++) {
		image_create(g, &g->img[i], &wl->img[i]);
		g->run.img[i] = g->img[i].stage.cpu;
	}
	if (wl->indirect) {
		vkt_buf(&g->d, &g->ind, WL_INDIRECT_OFF + sizeof(VkDispatchIndirectCommand));
		memset(g->ind.cpu, 0xee, WL_INDIRECT_OFF);
		memcpy((char *)g->ind.cpu + WL_INDIRECT_OFF, wl->groups, 12);
	}
	layout_create(g, wl);
	pipeline_create(g, wl);
	set_create(g, wl);
	return 0;
}

static void
image_barrier(VkCommandBuffer cmd, VkImage image, VkImageLayout from, VkImageLayout to,
    VkAccessFlags src, VkAccessFlags dst, VkPipelineStageFlags sstage,
    VkPipelineStageFlags dstage)
{
	VkImageMemoryBarrier b = { .sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER,
	    .srcAccessMask = src, .dstAccessMask = dst, .oldLayout = from, .newLayout = to,
	    .srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED,
	    .dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED, .image = image,
	    .subresourceRange = { VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1 } };

	vkCmdPipelineBarrier(cmd, sstage, dstage, 0, 0, NULL, 0, NULL, 1, &b);
}

/* Staging buffer -> image in GENERAL, ready for the shader. */
static void
record_upload(VkCommandBuffer cmd, struct wl_image_gpu *ig, const struct wl_image *im)
{
	VkBufferImageCopy c = { .imageSubresource = { VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1 },
	    .imageExtent = { im->width, im->height, 1 } };

	image_barrier(cmd, ig->image, VK_IMAGE_LAYOUT_UNDEFINED,
	    VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 0, VK_ACCESS_TRANSFER_WRITE_BIT,
	    VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT);
	vkCmdCopyBufferToImage(cmd, ig->stage.buf, ig->image,
	    VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &c);
	image_barrier(cmd, ig->image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
	    VK_IMAGE_LAYOUT_GENERAL, VK_ACCESS_TRANSFER_WRITE_BIT,
	    VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT,
	    VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT);
}

/* Image (GENERAL, written by the shader) -> staging buffer. */
static void
record_readback(VkCommandBuffer cmd, struct wl_image_gpu *ig, const struct wl_image *im)
{
	VkBufferImageCopy c = { .imageSubresource = { VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1 },
	    .imageExtent = { im->width, im->height, 1 } };

	image_barrier(cmd, ig->image, VK_IMAGE_LAYOUT_GENERAL,
	    VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_ACCESS_SHADER_WRITE_BIT,
	    VK_ACCESS_TRANSFER_READ_BIT, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT,
	    VK_PIPELINE_STAGE_TRANSFER_BIT);
	vkCmdCopyImageToBuffer(cmd, ig->image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
	    ig->stage.buf, 1, &c);
}

void
wl_gpu_record(struct wl_gpu *g, VkCommandBuffer cmd)
{
	const struct workload *wl = g->run.wl;
	VkMemoryBarrier host = { .sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER,
	    .srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT,
	    .dstAccessMask = VK_ACCESS_HOST_READ_BIT };

	for (uint32_t i = 0; i < wl->nimg; i++)
		record_upload(cmd, &g->img[i], &wl->img[i]);
	vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, g->pipe);
	vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, g->layout, 0, 1,
	    &g->set, 0, NULL);
	if (wl->push_bytes != 0)
		vkCmdPushConstants(cmd, g->layout, VK_SHADER_STAGE_COMPUTE_BIT, 0,
		    wl->push_bytes, g->run.push);
	if (wl->indirect)
		vkCmdDispatchIndirect(cmd, g->ind.buf, WL_INDIRECT_OFF);
	else
		vkCmdDispatch(cmd, wl->groups[0], wl->groups[1], wl->groups[2]);
	for (uint32_t i = 0; i < wl->nimg; i++)
		record_readback(cmd, &g->img[i], &wl->img[i]);
	vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT |
	    VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &host,
	    0, NULL, 0, NULL);
}

void
wl_gpu_destroy(struct wl_gpu *g)
{
	const struct workload *wl = g->run.wl;

	vkDestroyDescriptorPool(g->d.dev, g->pool, NULL);
	vkDestroyPipeline(g->d.dev, g->pipe, NULL);
	vkDestroyPipelineLayout(g->d.dev, g->layout, NULL);
	vkDestroyDescriptorSetLayout(g->d.dev, g->dsl, NULL);
	vkDestroyShaderModule(g->d.dev, g->mod, NULL);
	if (wl->indirect)
		vkt_buf_free(&g->d, &g->ind);
	for (uint32_t i = 0; i < wl->nimg; i++) {
		vkDestroyImageView(g->d.dev, g->img[i].view, NULL);
		vkDestroyImage(g->d.dev, g->img[i].image, NULL);
		vkFreeMemory(g->d.dev, g->img[i].mem, NULL);
		vkt_buf_free(&g->d, &g->img[i].stage);
	}
	for (uint32_t i = 0; i < wl->nbuf; i++)
		vkt_buf_free(&g->d, &g->buf[i]);
	vkt_device_destroy(&g->d);
}

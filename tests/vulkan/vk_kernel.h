/*
 * The Vulkan objects behind one workload (vk_kernel.c): its device,
 * buffers, images with their staging buffers, the pipeline and descriptor
 * set, and the recording of upload, dispatch and read-back.
 */
#ifndef TESTS_VULKAN_VK_KERNEL_H
#define TESTS_VULKAN_VK_KERNEL_H

#include "vk_compute.h"
#include "vk_util.h"

#define WL_INDIRECT_OFF	12u	/* the dispatch's offset in its buffer: not 0 on purpose */

struct wl_image_gpu {
	VkImage image;
	VkDeviceMemory mem;
	VkImageView view;
	struct vkt_buf stage;
};

struct wl_gpu {
	struct vkt_dev d;
	struct vkt_buf buf[WL_MAXBUF];
	struct wl_image_gpu img[WL_MAXIMG];
	struct vkt_buf ind;		/* indirect dispatch arguments */
	VkShaderModule mod;
	VkDescriptorSetLayout dsl;
	VkPipelineLayout layout;
	VkPipeline pipe;
	VkDescriptorPool pool;
	VkDescriptorSet set;
	uint32_t sg_required;		/* requiredSubgroupSize, or 0 */
	struct wl_run run;
};

/* vk_features.c: the device with wl's needs enabled; 77 when the driver
 * lacks one (message printed), else 0 with *sg_required the subgroup size
 * the pipeline must ask for (0: the driver's choice). */
int	wl_device(struct vkt_dev *, const struct workload *, uint32_t family,
	    uint32_t *sg_required);
/* 77 (with a message) when the workload is outside the driver's limits or
 * formats, else 0 with everything created and run.buf/img mapped. */
int	wl_gpu_create(struct wl_gpu *, const struct workload *, uint32_t family);
/* Uploads, binds, pushes, dispatches and reads back into the staging
 * buffers; the fill must have run before the submission. */
void	wl_gpu_record(struct wl_gpu *, VkCommandBuffer);
void	wl_gpu_destroy(struct wl_gpu *);

#endif

/*
 * Helpers shared by the Vulkan tests in this folder: the instance and the
 * one physical device, devices with chosen queues, host-visible buffers
 * and bounded submissions.  Every helper exits 1 with a message naming
 * what failed, so a test reads as a straight line of steps.
 */
#ifndef TESTS_VULKAN_VK_UTIL_H
#define TESTS_VULKAN_VK_UTIL_H

#include <stdio.h>
#include <stdlib.h>

#include <vulkan/vulkan.h>

#define VKT_TIMEOUT_NS	5000000000ull	/* every fence or semaphore wait */

#define CHECK(cond, ...) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s: ", vkt_prog);			\
		fprintf(stderr, __VA_ARGS__);				\
		fprintf(stderr, "\n");					\
		exit(1);						\
	}								\
} while (0)

#define VKCHECK(call) do {						\
	VkResult vkt_r_ = (call);					\
	CHECK(vkt_r_ == VK_SUCCESS, "%s: VkResult %d", #call, vkt_r_);	\
} while (0)

extern const char *vkt_prog;
extern VkInstance vkt_inst;
extern VkPhysicalDevice vkt_pdev;

/* A buffer bound to its own host-visible, host-coherent memory, mapped;
 * usable for transfers, as a storage buffer and for indirect dispatch. */
struct vkt_buf {
	VkBuffer buf;
	VkDeviceMemory mem;
	void *cpu;
	VkDeviceSize size;
};

/* A device with one queue of each family asked for. */
struct vkt_dev {
	VkDevice dev;
	VkQueue q[4];
	uint32_t family[4];
	uint32_t nq;
	VkCommandPool pool[4];
};

void	vkt_setup(const char *prog);	/* instance, physical device */
void	vkt_teardown(void);
/* The first family whose flags include want and exclude none of avoid. */
uint32_t vkt_family(VkQueueFlags want, VkQueueFlags avoid);
void	vkt_device(struct vkt_dev *, const uint32_t *families, uint32_t n);
/* The same with a caller's feature chain (VkDeviceCreateInfo.pNext) and
 * extensions instead of vkt_device's timeline semaphores. */
void	vkt_device_ext(struct vkt_dev *, const uint32_t *families, uint32_t n,
	    const void *features, const char *const *exts, uint32_t nexts);
void	vkt_device_destroy(struct vkt_dev *);
void	vkt_buf(struct vkt_dev *, struct vkt_buf *, VkDeviceSize size);
/* The same in a memory type that also has the extra property flags. */
void	vkt_buf_props(struct vkt_dev *, struct vkt_buf *, VkDeviceSize size,
	    VkMemoryPropertyFlags extra);
void	vkt_buf_free(struct vkt_dev *, struct vkt_buf *);
VkCommandBuffer vkt_begin(struct vkt_dev *, uint32_t qi);
/* End cmd, submit it on queue qi and wait for its fence (bounded). */
VkResult vkt_submit_wait(struct vkt_dev *, uint32_t qi, VkCommandBuffer cmd);

#endif

/*
 * Helpers shared by the Vulkan tests (see vk_util.h).
 */
#include <string.h>

#include "vk_util.h"

const char *vkt_prog = "vk";
VkInstance vkt_inst;
VkPhysicalDevice vkt_pdev;

void
vkt_setup(const char *prog)
{
	VkApplicationInfo app = { .sType = VK_STRUCTURE_TYPE_APPLICATION_INFO,
	    .pApplicationName = prog, .apiVersion = VK_API_VERSION_1_2 };
	VkInstanceCreateInfo ci = { .sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO,
	    .pApplicationInfo = &app };
	uint32_t n = 1;

	vkt_prog = prog;
	VKCHECK(vkCreateInstance(&ci, NULL, &vkt_inst));
	VKCHECK(vkEnumeratePhysicalDevices(vkt_inst, &n, &vkt_pdev));
	CHECK(n == 1, "%u physical devices", n);
}

void
vkt_teardown(void)
{
	vkDestroyInstance(vkt_inst, NULL);
}

uint32_t
vkt_family(VkQueueFlags want, VkQueueFlags avoid)
{
	VkQueueFamilyProperties q[8];
	uint32_t n = 8;

	vkGetPhysicalDeviceQueueFamilyProperties(vkt_pdev, &n, q);
	for (uint32_t i = 0; i < n; i++)
		if ((q[i].queueFlags & want) == want && (q[i].queueFlags & avoid) == 0)
			return i;
	return UINT32_MAX;
}

void
vkt_device(struct vkt_dev *d, const uint32_t *families, uint32_t n)
{
	VkPhysicalDeviceVulkan12Features f12 = {
	    .sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES,
	    .timelineSemaphore = VK_TRUE };

	vkt_device_ext(d, families, n, &f12, NULL, 0);
}

void
vkt_device_ext(struct vkt_dev *d, const uint32_t *families, uint32_t n,
    const void *features, const char *const *exts, uint32_t nexts)
{
	static const float prio = 1.0f;
	VkDeviceQueueCreateInfo qi[4];
	VkDeviceCreateInfo ci = { .sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO,
	    .pNext = features, .queueCreateInfoCount = n, .pQueueCreateInfos = qi,
	    .enabledExtensionCount = nexts, .ppEnabledExtensionNames = exts };

	CHECK(n >= 1 && n <= 4, "vkt_device: %u queues", n);
	memset(d, 0, sizeof(*d));
	for (uint32_t i = 0; i < n; i++) {
		CHECK(families[i] != UINT32_MAX, "vkt_device: no such queue family");
		qi[i] = (VkDeviceQueueCreateInfo){
		    .sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO,
		    .queueFamilyIndex = families[i], .queueCount = 1,
		    .pQueuePriorities = &prio };
	}
	VKCHECK(vkCreateDevice(vkt_pdev, &ci, NULL, &d->dev));
	d->nq = n;
	for (uint32_t i = 0; i < n; i++) {
		VkCommandPoolCreateInfo pi = {
		    .sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO,
		    .flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT,
		    .queueFamilyIndex = families[i] };

		d->family[i] = families[i];
		vkGetDeviceQueue(d->dev, families[i], 0, &d->q[i]);
		VKCHECK(vkCreateCommandPool(d->dev, &pi, NULL, &d->pool[i]));
	}
}

void
vkt_device_destroy(struct vkt_dev *d)
{
	for (uint32_t i = 0; i < d->nq; i++)
		vkDestroyCommandPool(d->dev, d->pool[i], NULL);
	vkDestroyDevice(d->dev, NULL);
	memset(d, 0, sizeof(*d));
}

static uint32_t
host_type(uint32_t bits, VkMemoryPropertyFlags extra)
{
	const VkMemoryPropertyFlags want = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
	    VK_MEMORY_PROPERTY_HOST_COHERENT_BIT | extra;
	VkPhysicalDeviceMemoryProperties m;

	vkGetPhysicalDeviceMemoryProperties(vkt_pdev, &m);
	for (uint32_t t = 0; t < m.memoryTypeCount; t++)
		if ((bits & (1u << t)) && (m.memoryTypes[t].propertyFlags & want) == want)
			return t;
	CHECK(0, "no host-visible, host-coherent memory type with 0x%x in 0x%x",
	    extra, bits);
	return 0;
}

void
vkt_buf(struct vkt_dev *d, struct vkt_buf *b, VkDeviceSize size)
{
	vkt_buf_props(d, b, size, 0);
}

void
vkt_buf_props(struct vkt_dev *d, struct vkt_buf *b, VkDeviceSize size,
    VkMemoryPropertyFlags extra)
{
	VkBufferCreateInfo bi = { .sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO,
	    .size = size, .usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT |
	    VK_BUFFER_USAGE_TRANSFER_DST_BIT | VK_BUFFER_USAGE_STORAGE_BUFFER_BIT |
	    VK_BUFFER_USAGE_INDIRECT_BUFFER_BIT,
	    .sharingMode = VK_SHARING_MODE_EXCLUSIVE };
	VkMemoryRequirements req;
	VkMemoryAllocateInfo ai = { .sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO };

	b->size = size;
	VKCHECK(vkCreateBuffer(d->dev, &bi, NULL, &b->buf));
	vkGetBufferMemoryRequirements(d->dev, b->buf, &req);
	ai.allocationSize = req.size;
	ai.memoryTypeIndex = host_type(req.memoryTypeBits, extra);
	VKCHECK(vkAllocateMemory(d->dev, &ai, NULL, &b->mem));
	VKCHECK(vkBindBufferMemory(d->dev, b->buf, b->mem, 0));
	VKCHECK(vkMapMemory(d->dev, b->mem, 0, VK_WHOLE_SIZE, 0, &b->cpu));
}

void
vkt_buf_free(struct vkt_dev *d, struct vkt_buf *b)
{
	vkDestroyBuffer(d->dev, b->buf, NULL);
	vkFreeMemory(d->dev, b->mem, NULL);
	memset(b, 0, sizeof(*b));
}

VkCommandBuffer
vkt_begin(struct vkt_dev *d, uint32_t qi)
{
	VkCommandBufferAllocateInfo ai = {
	    .sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO,
	    .commandPool = d->pool[qi], .level = VK_COMMAND_BUFFER_LEVEL_PRIMARY,
	    .commandBufferCount = 1 };
	VkCommandBufferBeginInfo bi = {
	    .sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO,
	    .flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT };
	VkCommandBuffer cmd;

	VKCHECK(vkAllocateCommandBuffers(d->dev, &ai, &cmd));
	VKCHECK(vkBeginCommandBuffer(cmd, &bi));
	return cmd;
}

VkResult
vkt_submit_wait(struct vkt_dev *d, uint32_t qi, VkCommandBuffer cmd)
{
	VkFenceCreateInfo fi = { .sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO };
	VkSubmitInfo si = { .sType = VK_STRUCTURE_TYPE_SUBMIT_INFO,
	    .commandBufferCount = 1, .pCommandBuffers = &cmd };
	VkFence fence;
	VkResult r;

	VKCHECK(vkEndCommandBuffer(cmd));
	VKCHECK(vkCreateFence(d->dev, &fi, NULL, &fence));
	r = vkQueueSubmit(d->q[qi], 1, &si, fence);
	if (r == VK_SUCCESS)
		r = vkWaitForFences(d->dev, 1, &fence, VK_TRUE, VKT_TIMEOUT_NS);
	vkDestroyFence(d->dev, fence, NULL);
	vkFreeCommandBuffers(d->dev, d->pool[qi], 1, &cmd);
	return r;
}

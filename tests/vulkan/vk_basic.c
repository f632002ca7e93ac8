/*
 * Stock RADV on the simulated RX 6600, through the Vulkan loader:
 *   props	instance, the one physical device, its identity, heaps, types
 *		and queue families as RADV reports them for a real RX 6600
 *   device	create and destroy a VkDevice (RADV's start-up submissions)
 *   memory	allocate, map, write and read back every host-visible type
 * Run as `metalgpu run -- vk_basic NAME`; exit 0 on success, 1 with a
 * message naming what failed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vulkan/vulkan.h>

#define RX6600_VENDOR	0x1002u
#define RX6600_DEVICE	0x73ffu
#define RX6600_NAME	"AMD Radeon RX 6600 (RADV NAVI23)"
#define VRAM_BYTES	(8ull << 30)

#define CHECK(cond, ...) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "vk_basic: " __VA_ARGS__);		\
		fprintf(stderr, "\n");					\
		exit(1);						\
	}								\
} while (0)

static VkInstance inst;
static VkPhysicalDevice pdev;

static void
setup(void)
{
	VkApplicationInfo app = { .sType = VK_STRUCTURE_TYPE_APPLICATION_INFO,
	    .pApplicationName = "vk_basic", .apiVersion = VK_API_VERSION_1_2 };
	VkInstanceCreateInfo ci = { .sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO,
	    .pApplicationInfo = &app };
	uint32_t n = 0;
	VkResult r;

	r = vkCreateInstance(&ci, NULL, &inst);
	CHECK(r == VK_SUCCESS, "vkCreateInstance: %d", r);
	r = vkEnumeratePhysicalDevices(inst, &n, NULL);
	CHECK(r == VK_SUCCESS && n == 1, "vkEnumeratePhysicalDevices: %d, %u devices", r, n);
	r = vkEnumeratePhysicalDevices(inst, &n, &pdev);
	CHECK(r == VK_SUCCESS, "vkEnumeratePhysicalDevices: %d", r);
}

static int
test_props(void)
{
	VkPhysicalDeviceProperties p;
	VkPhysicalDeviceMemoryProperties m;
	VkQueueFamilyProperties q[8];
	uint32_t nq = 8;
	int vram_heap = -1, rebar = 0;

	vkGetPhysicalDeviceProperties(pdev, &p);
	CHECK(p.vendorID == RX6600_VENDOR, "vendorID 0x%x", p.vendorID);
	CHECK(p.deviceID == RX6600_DEVICE, "deviceID 0x%x", p.deviceID);
	CHECK(strcmp(p.deviceName, RX6600_NAME) == 0, "deviceName \"%s\"", p.deviceName);
	CHECK(p.deviceType == VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, "deviceType %d", p.deviceType);

	vkGetPhysicalDeviceMemoryProperties(pdev, &m);
	for (uint32_t i = 0; i < m.memoryHeapCount; i++)
		if (m.memoryHeaps[i].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT)
			vram_heap = (int)i;
	CHECK(vram_heap >= 0, "no device-local heap");
	CHECK(m.memoryHeaps[vram_heap].size == VRAM_BYTES, "VRAM heap of %llu bytes",
	    (unsigned long long)m.memoryHeaps[vram_heap].size);
	for (uint32_t i = 0; i < m.memoryTypeCount; i++) {
		VkMemoryPropertyFlags f = m.memoryTypes[i].propertyFlags;

		if ((f & VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT) &&
		    (f & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT))
			rebar = 1;
	}
	CHECK(rebar, "no device-local + host-visible type (resizable BAR)");

	vkGetPhysicalDeviceQueueFamilyProperties(pdev, &nq, q);
	CHECK(nq >= 2, "%u queue families", nq);
	CHECK((q[0].queueFlags & VK_QUEUE_GRAPHICS_BIT) && q[0].queueCount == 1,
	    "family 0: flags 0x%x count %u", q[0].queueFlags, q[0].queueCount);
	CHECK((q[1].queueFlags & VK_QUEUE_COMPUTE_BIT) && !(q[1].queueFlags & VK_QUEUE_GRAPHICS_BIT),
	    "family 1: flags 0x%x", q[1].queueFlags);
	printf("%s: vendor 0x%x device 0x%x, %u heaps, %u types, %u queue families\n",
	    p.deviceName, p.vendorID, p.deviceID, m.memoryHeapCount, m.memoryTypeCount, nq);
	return 0;
}

static VkDevice
make_device(void)
{
	float prio = 1.0f;
	VkDeviceQueueCreateInfo qi = { .sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO,
	    .queueFamilyIndex = 0, .queueCount = 1, .pQueuePriorities = &prio };
	VkDeviceCreateInfo ci = { .sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO,
	    .queueCreateInfoCount = 1, .pQueueCreateInfos = &qi };
	VkDevice dev;
	VkResult r;

	r = vkCreateDevice(pdev, &ci, NULL, &dev);
	CHECK(r == VK_SUCCESS, "vkCreateDevice: %d", r);
	return dev;
}

static int
test_device(void)
{
	for (int i = 0; i < 10; i++)
		vkDestroyDevice(make_device(), NULL);
	printf("10 VkDevices created and destroyed\n");
	return 0;
}

static int
test_memory(void)
{
	VkPhysicalDeviceMemoryProperties m;
	VkDevice dev = make_device();
	unsigned tested = 0;

	vkGetPhysicalDeviceMemoryProperties(pdev, &m);
	for (uint32_t t = 0; t < m.memoryTypeCount; t++) {
		const VkDeviceSize size = 1 << 20;
		VkMemoryAllocateInfo ai = { .sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO,
		    .allocationSize = size, .memoryTypeIndex = t };
		VkDeviceMemory mem;
		uint32_t *p;
		VkResult r;

		if (!(m.memoryTypes[t].propertyFlags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT))
			continue;
		r = vkAllocateMemory(dev, &ai, NULL, &mem);
		CHECK(r == VK_SUCCESS, "vkAllocateMemory type %u: %d", t, r);
		r = vkMapMemory(dev, mem, 0, size, 0, (void **)&p);
		CHECK(r == VK_SUCCESS, "vkMapMemory type %u: %d", t, r);
		for (uint32_t i = 0; i < size / 4; i++)
			p[i] = i * 2654435761u ^ t;
		vkUnmapMemory(dev, mem);
		r = vkMapMemory(dev, mem, 0, size, 0, (void **)&p);
		CHECK(r == VK_SUCCESS, "vkMapMemory (again) type %u: %d", t, r);
		for (uint32_t i = 0; i < size / 4; i++)
			CHECK(p[i] == (i * 2654435761u ^ t), "type %u: dword %u reads 0x%08x", t, i, p[i]);
		vkUnmapMemory(dev, mem);
		vkFreeMemory(dev, mem, NULL);
		tested++;
	}
	vkDestroyDevice(dev, NULL);
	CHECK(tested > 0, "no host-visible memory type");
	printf("%u host-visible memory types: 1 MiB written, unmapped, mapped and read back\n",
	    tested);
	return 0;
}

static const struct {
	const char *name;
	int (*fn)(void);
} tests[] = {
	{ "props", test_props },
	{ "device", test_device },
	{ "memory", test_memory },
};

int
main(int argc, char **argv)
{
	int rc = 2;

	if (argc != 2) {
		fprintf(stderr, "usage: vk_basic props|device|memory\n");
		return 2;
	}
	for (size_t i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		if (strcmp(argv[1], tests[i].name) == 0) {
			setup();
			rc = tests[i].fn();
			vkDestroyInstance(inst, NULL);
		}
	}
	return rc;
}

/*
 * The device for a workload: its WL_F_* needs checked against what the
 * driver exposes (features, subgroup operations, extensions), and exactly
 * those enabled.  A need the driver lacks is a skip (exit 77), not a
 * failure: RADV exposes float atomic add only from gfx11, for example.
 * RADV runs a shader that uses subgroup operations in wave64 whatever
 * RADV_PERFTEST=cswave32 says (its subgroupSize is 64; letting it vary
 * does not change that in 22.3.6), so VK_COMPUTE_SUBGROUP_SIZE=N asks
 * for subgroups of N through VK_EXT_subgroup_size_control for the
 * workloads with sized_subgroup: meson's _w32 subgroup tests set 32.
 */
#include <string.h>

#include "vk_compute.h"
#include "vk_kernel.h"
#include "vk_util.h"

#define NEXT_MAX	3

/* Everything the WL_F_* bits map to, queried in one chain. */
struct feats {
	VkPhysicalDeviceFeatures2 f2;
	VkPhysicalDeviceVulkan11Features f11;
	VkPhysicalDeviceVulkan12Features f12;
	VkPhysicalDeviceShaderAtomicFloatFeaturesEXT af;
	VkPhysicalDeviceShaderAtomicFloat2FeaturesEXT af2;
	VkPhysicalDeviceSubgroupSizeControlFeaturesEXT sc;
};

static int
has_ext(const char *name)
{
	VkExtensionProperties *e;
	uint32_t n = 0;
	int found = 0;

	VKCHECK(vkEnumerateDeviceExtensionProperties(vkt_pdev, NULL, &n, NULL));
	e = wl_alloc(n * sizeof(*e));
	VKCHECK(vkEnumerateDeviceExtensionProperties(vkt_pdev, NULL, &n, e));
	for (uint32_t i = 0; i < n; i++)
		found |= strcmp(e[i].extensionName, name) == 0;
	free(e);
	return found;
}

/* Links the chain; the extension structs only when asked (the driver has
 * the extension and, for a device, the workload uses it). */
static void
feats_init(struct feats *f, int with_af, int with_af2, int with_sc)
{
	void **tail;

	memset(f, 0, sizeof(*f));
	f->f2.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2;
	f->f11.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES;
	f->f12.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES;
	f->af.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SHADER_ATOMIC_FLOAT_FEATURES_EXT;
	f->af2.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SHADER_ATOMIC_FLOAT_2_FEATURES_EXT;
	f->sc.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_FEATURES_EXT;
	f->f2.pNext = &f->f11;
	f->f11.pNext = &f->f12;
	tail = &f->f12.pNext;
	if (with_af) {
		*tail = &f->af;
		tail = &f->af.pNext;
	}
	if (with_af2) {
		*tail = &f->af2;
		tail = &f->af2.pNext;
	}
	if (with_sc)
		*tail = &f->sc;
}

/* Sets in want the feature behind need bit, returns have's value of it. */
static VkBool32
pick(const struct feats *have, struct feats *want, uint32_t bit)
{
#define PICK(field) (want->field = VK_TRUE, have->field)
	switch (bit) {
	case WL_F_INT16:	return PICK(f2.features.shaderInt16);
	case WL_F_FLOAT16:	return PICK(f12.shaderFloat16);
	case WL_F_STORAGE16:	return PICK(f11.storageBuffer16BitAccess);
	case WL_F_INT64:	return PICK(f2.features.shaderInt64);
	case WL_F_FLOAT64:	return PICK(f2.features.shaderFloat64);
	case WL_F_ATOMIC64:	return PICK(f12.shaderBufferInt64Atomics);
	case WL_F_FATOMIC:	return PICK(af.shaderBufferFloat32Atomics);
	case WL_F_FADD:		return PICK(af.shaderBufferFloat32AtomicAdd);
	case WL_F_FMINMAX:	return PICK(af2.shaderBufferFloat32AtomicMinMax);
	}
#undef PICK
	return VK_TRUE;
}

static const char *
need_name(uint32_t bit)
{
	static const char *names[] = { "shaderInt16", "shaderFloat16",
	    "storageBuffer16BitAccess", "shaderInt64", "shaderFloat64",
	    "shaderBufferInt64Atomics", "shaderBufferFloat32Atomics",
	    "shaderBufferFloat32AtomicAdd", "shaderBufferFloat32AtomicMinMax",
	    "subgroup vote", "subgroup ballot", "subgroup shuffle",
	    "subgroup arithmetic", "subgroup clustered" };
	uint32_t i = (uint32_t)__builtin_ctz(bit);

	return i < sizeof(names) / sizeof(names[0]) ? names[i] : "?";
}

/* The subgroup size VK_COMPUTE_SUBGROUP_SIZE asks wl for (0: none); 77
 * (with a message) when the driver cannot give it. */
static int
required_size(const struct workload *wl, const struct feats *have, uint32_t *size)
{
	VkPhysicalDeviceSubgroupSizeControlPropertiesEXT sc = {
	    .sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_PROPERTIES_EXT };
	VkPhysicalDeviceProperties2 p = {
	    .sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2, .pNext = &sc };
	const char *env = getenv("VK_COMPUTE_SUBGROUP_SIZE");

	*size = 0;
	if (!wl->sized_subgroup || env == NULL)
		return 0;
	*size = (uint32_t)strtoul(env, NULL, 0);
	if (have->sc.subgroupSizeControl)
		vkGetPhysicalDeviceProperties2(vkt_pdev, &p);
	if (!have->sc.subgroupSizeControl || *size < sc.minSubgroupSize ||
	    *size > sc.maxSubgroupSize ||
	    (sc.requiredSubgroupSizeStages & VK_SHADER_STAGE_COMPUTE_BIT) == 0) {
		printf("%s: skipped: the driver cannot run compute subgroups of %u "
		    "(VK_EXT_subgroup_size_control: %u to %u)\n", wl->name, *size,
		    sc.minSubgroupSize, sc.maxSubgroupSize);
		return 77;
	}
	return 0;
}

/* The WL_F_SG_* bits the driver supports in compute shaders; *size is
 * its subgroupSize. */
static uint32_t
subgroup_support(uint32_t *size)
{
	static const struct { VkSubgroupFeatureFlags op; uint32_t bit; } ops[] = {
	    { VK_SUBGROUP_FEATURE_VOTE_BIT, WL_F_SG_VOTE },
	    { VK_SUBGROUP_FEATURE_BALLOT_BIT, WL_F_SG_BALLOT },
	    { VK_SUBGROUP_FEATURE_SHUFFLE_BIT | VK_SUBGROUP_FEATURE_SHUFFLE_RELATIVE_BIT,
	      WL_F_SG_SHUFFLE },
	    { VK_SUBGROUP_FEATURE_ARITHMETIC_BIT, WL_F_SG_ARITH },
	    { VK_SUBGROUP_FEATURE_CLUSTERED_BIT, WL_F_SG_CLUSTER },
	};
	VkPhysicalDeviceSubgroupProperties sg = {
	    .sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_PROPERTIES };
	VkPhysicalDeviceProperties2 p = {
	    .sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2, .pNext = &sg };
	uint32_t bits = 0;

	vkGetPhysicalDeviceProperties2(vkt_pdev, &p);
	*size = sg.subgroupSize;
	if ((sg.supportedStages & VK_SHADER_STAGE_COMPUTE_BIT) == 0)
		return 0;
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if ((sg.supportedOperations & ops[i].op) == ops[i].op)
			bits |= ops[i].bit;
	return bits;
}

int
wl_device(struct vkt_dev *d, const struct workload *wl, uint32_t family,
    uint32_t *sg_required)
{
	const int with_af = has_ext(VK_EXT_SHADER_ATOMIC_FLOAT_EXTENSION_NAME);
	const int with_af2 = has_ext(VK_EXT_SHADER_ATOMIC_FLOAT_2_EXTENSION_NAME);
	const int with_sc = has_ext(VK_EXT_SUBGROUP_SIZE_CONTROL_EXTENSION_NAME);
	const char *exts[NEXT_MAX];
	uint32_t sg_size, sg = subgroup_support(&sg_size);
	uint32_t nexts = 0;
	struct feats have, want;

	if (sg_size < wl->min_subgroup) {
		printf("%s: skipped: needs subgroups of %u or more, the driver's are %u\n",
		    wl->name, wl->min_subgroup, sg_size);
		return 77;
	}
	feats_init(&have, with_af, with_af2, with_sc);
	vkGetPhysicalDeviceFeatures2(vkt_pdev, &have.f2);
	if (required_size(wl, &have, sg_required) != 0)
		return 77;
	/* VK_EXT_shader_atomic_float2 depends on VK_EXT_shader_atomic_float. */
	feats_init(&want, with_af && (wl->need & (WL_F_FATOMIC | WL_F_FADD | WL_F_FMINMAX)),
	    with_af2 && (wl->need & WL_F_FMINMAX), *sg_required != 0);
	want.sc.subgroupSizeControl = *sg_required != 0;
	for (uint32_t bit = 1; bit < WL_F_GFX_TOO; bit <<= 1) {
		int ok;

		if ((wl->need & bit) == 0)
			continue;
		if (bit >= WL_F_SG_VOTE)
			ok = (sg & bit) != 0;
		else if (bit & (WL_F_FATOMIC | WL_F_FADD))
			ok = with_af && pick(&have, &want, bit);
		else if (bit == WL_F_FMINMAX)
			ok = with_af2 && pick(&have, &want, bit);
		else
			ok = pick(&have, &want, bit);
		if (!ok) {
			printf("%s: skipped: the driver does not expose %s\n", wl->name,
			    need_name(bit));
			return 77;
		}
	}
	if (wl->need & (WL_F_FATOMIC | WL_F_FADD | WL_F_FMINMAX))
		exts[nexts++] = VK_EXT_SHADER_ATOMIC_FLOAT_EXTENSION_NAME;
	if (wl->need & WL_F_FMINMAX)
		exts[nexts++] = VK_EXT_SHADER_ATOMIC_FLOAT_2_EXTENSION_NAME;
	if (*sg_required != 0)
		exts[nexts++] = VK_EXT_SUBGROUP_SIZE_CONTROL_EXTENSION_NAME;
	vkt_device_ext(d, &family, 1, &want.f2, exts, nexts);
	return 0;
}

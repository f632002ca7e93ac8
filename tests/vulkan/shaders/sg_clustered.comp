// vk_compute sg_clustered: clustered subgroup reductions over clusters of
// 2 to 32 invocations.  Word 0 of each thread's SG_WORDS is its subgroup
// size, id and invocation.
#version 450
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_clustered : require
#define SG_WORDS 7
layout(local_size_x = 128) in;
layout(std430, binding = 0) readonly buffer A { uint a[]; };
layout(std430, binding = 1) writeonly buffer O { uint o[]; };

void
main()
{
	uint i = gl_GlobalInvocationID.x, v = a[i], base = i * SG_WORDS;

	o[base] = gl_SubgroupSize | gl_SubgroupID << 8 | gl_SubgroupInvocationID << 16;
	o[base + 1] = subgroupClusteredAdd(v, 4u);
	o[base + 2] = subgroupClusteredMax(v, 8u);
	o[base + 3] = subgroupClusteredOr(v & 0x01010101u, 16u);
	o[base + 4] = subgroupClusteredMin(v, 32u);
	o[base + 5] = subgroupClusteredXor(v, 2u);
	o[base + 6] = floatBitsToUint(subgroupClusteredAdd(float(v & 0xffu), 8u));
}

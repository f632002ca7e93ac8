// vk_compute sg_shuffle: subgroup shuffles by index, xor, up and down.
// Word 0 of each thread's SG_WORDS is its subgroup size, id and invocation.
#version 450
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_shuffle : require
#extension GL_KHR_shader_subgroup_shuffle_relative : require
#define SG_WORDS 5
layout(local_size_x = 128) in;
layout(std430, binding = 0) readonly buffer A { uint a[]; };
layout(std430, binding = 1) writeonly buffer O { uint o[]; };

void
main()
{
	uint i = gl_GlobalInvocationID.x, v = a[i], base = i * SG_WORDS;
	uint lane = gl_SubgroupInvocationID, n = gl_SubgroupSize;
	uint up = subgroupShuffleUp(v, 3u), down = subgroupShuffleDown(v, 2u);

	o[base] = n | gl_SubgroupID << 8 | lane << 16;
	o[base + 1] = subgroupShuffle(v, (lane * 7u + 3u) & (n - 1u));
	o[base + 2] = subgroupShuffleXor(v, 5u);
	o[base + 3] = lane >= 3u ? up : 0u;
	o[base + 4] = lane + 2u < n ? down : 0u;
}

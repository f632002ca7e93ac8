// vk_compute sg_arith: subgroup reductions and scans (add, min, max, and,
// or, xor, float add), and one reduction under divergence.  Word 0 of
// each thread's SG_WORDS is its subgroup size, id and invocation.
#version 450
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#define SG_WORDS 12
layout(local_size_x = 128) in;
layout(std430, binding = 0) readonly buffer A { uint a[]; };
layout(std430, binding = 1) writeonly buffer O { uint o[]; };

void
main()
{
	uint i = gl_GlobalInvocationID.x, v = a[i], base = i * SG_WORDS;
	uint odd = 0u;

	if ((v & 1u) != 0u)
		odd = subgroupAdd(v);
	o[base] = gl_SubgroupSize | gl_SubgroupID << 8 | gl_SubgroupInvocationID << 16;
	o[base + 1] = subgroupAdd(v);
	o[base + 2] = subgroupMin(v);
	o[base + 3] = subgroupMax(v);
	o[base + 4] = subgroupInclusiveAdd(v);
	o[base + 5] = subgroupExclusiveAdd(v);
	o[base + 6] = subgroupAnd(v | 0xfff0fff0u);
	o[base + 7] = subgroupOr(v & 0x00100010u);
	o[base + 8] = subgroupXor(v);
	o[base + 9] = floatBitsToUint(subgroupAdd(float(v & 0xffu)));
	o[base + 10] = odd;
	o[base + 11] = uint(subgroupInclusiveMin(int(v)));
}

// vk_compute sg_ballot: subgroup vote, ballot and broadcast.  Every thread
// writes SG_WORDS words: word 0 is its subgroup size, id and invocation
// (so the C reference knows the subgroups), then the results.
#version 450
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_vote : require
#extension GL_KHR_shader_subgroup_ballot : require
#define SG_WORDS 12
layout(local_size_x = 128) in;
layout(std430, binding = 0) readonly buffer A { uint a[]; };
layout(std430, binding = 1) writeonly buffer O { uint o[]; };

void
main()
{
	uint i = gl_GlobalInvocationID.x, v = a[i], base = i * SG_WORDS;
	bool p = v % 3u == 0u;
	uvec4 b = subgroupBallot(p);
	uint elect = subgroupElect() ? 1u : 0u;

	if (!p)
		elect |= subgroupElect() ? 2u : 0u;
	o[base] = gl_SubgroupSize | gl_SubgroupID << 8 | gl_SubgroupInvocationID << 16;
	o[base + 1] = subgroupBallotBitCount(b);
	o[base + 2] = subgroupBallotExclusiveBitCount(b);
	o[base + 3] = subgroupBroadcast(v, 5u);
	o[base + 4] = p ? subgroupBroadcastFirst(v) : 0xffffffffu;
	o[base + 5] = elect;
	o[base + 6] = b.x;
	o[base + 7] = b.y;
	o[base + 8] = (subgroupAll(p) ? 1u : 0u) | (subgroupAny(p) ? 2u : 0u) |
	    (subgroupAllEqual(gl_SubgroupID) ? 4u : 0u) | (subgroupAllEqual(v & 1u) ? 8u : 0u);
	o[base + 9] = subgroupBallotBitExtract(b, gl_SubgroupInvocationID ^ 1u) ? 1u : 0u;
	o[base + 10] = subgroupBallotFindLSB(b);
	o[base + 11] = subgroupBallotFindMSB(b);
}

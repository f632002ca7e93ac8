// vk_compute indirect: launched by vkCmdDispatchIndirect over a 2-D grid;
// c[i] = a[i] ^ (workgroup y << 16 | x) for the flattened thread index i,
// and the first thread stores gl_NumWorkGroups.
#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer A { uint a[]; };
layout(std430, binding = 1) writeonly buffer C { uint c[]; };
layout(std430, binding = 2) writeonly buffer N { uvec4 num; };

void
main()
{
	uvec3 g = gl_WorkGroupID;
	uint i = gl_GlobalInvocationID.y * gl_NumWorkGroups.x * 64u + gl_GlobalInvocationID.x;

	c[i] = a[i] ^ (g.y << 16 | g.x);
	if (i == 0)
		num = uvec4(gl_NumWorkGroups, 0xabcdu);
}

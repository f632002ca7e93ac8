// vk_compute grid3d: a 3-D grid of 3-D workgroups; every invocation
// writes its global, workgroup and local ids and its local index.
#version 450
layout(local_size_x = 4, local_size_y = 4, local_size_z = 2) in;
layout(std430, binding = 0) writeonly buffer C { uint c[]; };

uint
pack(uvec3 v)
{
	return v.x | v.y << 10 | v.z << 20;
}

void
main()
{
	uvec3 g = gl_GlobalInvocationID, n = gl_NumWorkGroups * gl_WorkGroupSize;
	uint i = 4u * ((g.z * n.y + g.y) * n.x + g.x);

	c[i] = pack(g);
	c[i + 1] = pack(gl_WorkGroupID);
	c[i + 2] = pack(gl_LocalInvocationID);
	c[i + 3] = gl_LocalInvocationIndex;
}

// vk_compute grid_large and grid_wide: grids of many one-invocation
// workgroups (more than 65536 in x, or 65535 x 2); each writes a function
// of its linear id and the grid size.
#version 450
layout(local_size_x = 1) in;
layout(std430, binding = 0) writeonly buffer C { uint c[]; };

void
main()
{
	uvec3 n = gl_NumWorkGroups;
	uint g = gl_WorkGroupID.y * n.x + gl_WorkGroupID.x;

	c[g] = g * 0x9e3779b1u + n.x + (n.y << 24);
}

// vk_compute grid_large: more than 65536 workgroups in x; each one-
// invocation group writes a function of its id and the grid size.
#version 450
layout(local_size_x = 1) in;
layout(std430, binding = 0) writeonly buffer C { uint c[]; };

void
main()
{
	c[gl_WorkGroupID.x] = gl_WorkGroupID.x * 0x9e3779b1u + gl_NumWorkGroups.x;
}

// vk_compute reduce: sums[g] = the sum of a[] over workgroup g's 256
// elements, a tree in shared memory with a barrier per level.
#version 450
#define GROUP 256
layout(local_size_x = GROUP) in;
layout(std430, binding = 0) readonly buffer A { uint a[]; };
layout(std430, binding = 1) writeonly buffer S { uint sums[]; };
shared uint part[GROUP];

void
main()
{
	uint t = gl_LocalInvocationID.x;

	part[t] = a[gl_GlobalInvocationID.x];
	memoryBarrierShared();
	barrier();
	for (uint s = GROUP / 2; s > 0; s >>= 1) {
		if (t < s)
			part[t] += part[t + s];
		memoryBarrierShared();
		barrier();
	}
	if (t == 0)
		sums[gl_WorkGroupID.x] = part[0];
}

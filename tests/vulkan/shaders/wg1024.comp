// vk_compute wg1024: workgroups of 1024 invocations (16 waves of 64, 32
// of 32).  Each thread reads the shared slot another wave wrote (the
// mirror one), then the group sums its 1024 values in a shared tree.
#version 450
#define GROUP 1024
layout(local_size_x = GROUP) in;
layout(std430, binding = 0) readonly buffer A { uint a[]; };
layout(std430, binding = 1) writeonly buffer C { uint c[]; };
layout(std430, binding = 2) writeonly buffer S { uint sums[]; };
shared uint part[GROUP];

void
main()
{
	uint t = gl_LocalInvocationIndex, i = gl_GlobalInvocationID.x;

	part[t] = a[i];
	memoryBarrierShared();
	barrier();
	c[i] = part[GROUP - 1 - t] ^ t;
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

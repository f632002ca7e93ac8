// vk_compute scan: c[] = the inclusive prefix sum of a[] within each
// workgroup of 256 (Hillis-Steele, double-buffered in shared memory).
#version 450
#define GROUP 256
layout(local_size_x = GROUP) in;
layout(std430, binding = 0) readonly buffer A { uint a[]; };
layout(std430, binding = 1) writeonly buffer C { uint c[]; };
shared uint buf[2][GROUP];

void
main()
{
	uint t = gl_LocalInvocationID.x, src = 0;

	buf[0][t] = a[gl_GlobalInvocationID.x];
	memoryBarrierShared();
	barrier();
	for (uint d = 1; d < GROUP; d <<= 1) {
		uint v = buf[src][t];

		if (t >= d)
			v += buf[src][t - d];
		buf[1 - src][t] = v;
		src = 1 - src;
		memoryBarrierShared();
		barrier();
	}
	c[gl_GlobalInvocationID.x] = buf[src][t];
}

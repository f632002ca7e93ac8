// vk_compute loop: c[i] = LOOP_ITERS rounds of an integer hash of a[i] for
// i < n (push constant); ALU- and branch-bound, for `make bench`.
#version 450
#define LOOP_ITERS 256
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer A { uint a[]; };
layout(std430, binding = 2) writeonly buffer C { uint c[]; };
layout(push_constant) uniform P { uint n; } p;

void
main()
{
	uint i = gl_GlobalInvocationID.x;

	if (i >= p.n)
		return;
	uint h = a[i];
	for (uint k = 0; k < LOOP_ITERS; k++)
		h = (h ^ (h >> 13)) * 0x5bd1e995u + k;
	c[i] = h;
}

// vk_compute private: a dynamically indexed per-invocation array, large
// enough that ACO keeps it in scratch (private) memory, not in VGPRs.
#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer A { uint a[]; };
layout(std430, binding = 1) buffer C { uint c[]; };
layout(push_constant) uniform P { uint n; } p;

#define LEN 200u

void
main()
{
	uint i = gl_GlobalInvocationID.x;
	uint t[LEN];
	uint s = 0u;

	if (i >= p.n)
		return;
	for (uint k = 0u; k < LEN; k++)
		t[k] = a[i] * (k + 1u) + k;
	for (uint k = 0u; k < LEN; k++)
		s += t[(a[i] + k * 7u) % LEN] ^ k;
	c[i] = s;
}

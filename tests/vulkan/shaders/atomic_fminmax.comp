// vk_compute atomic_fminmax: float atomic min and max
// (VK_EXT_shader_atomic_float2) on shared words, and float exchange
// (VK_EXT_shader_atomic_float) one thread per word.
#version 450
#extension GL_EXT_shader_atomic_float : require
#extension GL_EXT_shader_atomic_float2 : require
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer A { float a[]; };
layout(std430, binding = 1) buffer M { float mm[]; };	// 8 minima, 8 maxima
layout(std430, binding = 2) buffer X { float x[]; };
layout(std430, binding = 3) writeonly buffer O { float old[]; };
layout(push_constant) uniform P { uint n; } p;

void
main()
{
	uint i = gl_GlobalInvocationID.x;

	if (i >= p.n)
		return;
	atomicMin(mm[i % 8u], a[i]);
	atomicMax(mm[8u + i % 8u], a[i]);
	old[i] = atomicExchange(x[i], a[i]);
}

// vk_compute atomic_fadd: float atomic add on a storage buffer
// (VK_EXT_shader_atomic_float); the addends are small integers, so the
// sums are exact in any order.
#version 450
#extension GL_EXT_shader_atomic_float : require
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer A { float a[]; };
layout(std430, binding = 1) buffer S { float sums[]; };	// 16 slots
layout(std430, binding = 2) writeonly buffer O { float old[]; };
layout(push_constant) uniform P { uint n; } p;

void
main()
{
	uint i = gl_GlobalInvocationID.x;

	if (i >= p.n)
		return;
	atomicAdd(sums[i % 16u], a[i]);
	// One thread per slot: the value returned is deterministic.
	old[i] = atomicAdd(sums[16u + i], 0.5);
}

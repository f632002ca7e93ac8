// vk_compute atomic64: 64-bit integer atomics on a storage buffer: all
// threads on the same words (add, min, max, and, or, xor), one thread per
// word (exchange, compare-swap, returning the old value).
#version 450
#extension GL_EXT_shader_explicit_arithmetic_types_int64 : require
#extension GL_EXT_shader_atomic_int64 : require
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer A { uint64_t a[]; };
layout(std430, binding = 1) buffer C {
	uint64_t add, minv, maxv, andv, orv, xorv;
	int64_t smin, smax;
} c;
layout(std430, binding = 2) buffer X { uint64_t x[]; };	// 2 n
layout(std430, binding = 3) writeonly buffer O { uint64_t old[]; };	// 2 n
layout(push_constant) uniform P { uint n; } p;

void
main()
{
	uint i = gl_GlobalInvocationID.x;

	if (i >= p.n)
		return;
	uint64_t v = a[i];

	atomicAdd(c.add, v);
	atomicMin(c.minv, v);
	atomicMax(c.maxv, v);
	atomicXor(c.xorv, v);
	atomicMin(c.smin, int64_t(v));
	atomicMax(c.smax, int64_t(v));
	if (i % 1024u == 5u) {
		atomicAnd(c.andv, v);
		atomicOr(c.orv, v);
	}
	old[2u * i] = atomicExchange(x[i], v);
	old[2u * i + 1u] = atomicCompSwap(x[p.n + i], uint64_t(i) << 32, v);
}

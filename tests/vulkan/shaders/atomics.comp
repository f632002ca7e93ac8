// vk_compute atomics: 32-bit integer atomics on a storage buffer, all
// threads on the same words (add, min, max, and, or, xor, signed min and
// max), one thread per word (exchange, compare-swap, returning the old
// value), and on shared memory (a workgroup's add, then one global add).
#version 450
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer A { uint a[]; };
layout(std430, binding = 1) buffer C {
	uint add, minv, maxv, andv, orv, xorv;
	int smin, smax;
	uint wgsum;
} c;
layout(std430, binding = 2) buffer X { uint x[]; };	// 2 n: exchanged, swapped
layout(std430, binding = 3) writeonly buffer O { uint old[]; };	// 2 n
layout(push_constant) uniform P { uint n; } p;
shared uint wg;

void
main()
{
	uint i = gl_GlobalInvocationID.x;

	if (gl_LocalInvocationIndex == 0)
		wg = 0;
	memoryBarrierShared();
	barrier();
	if (i < p.n) {
		uint v = a[i];

		atomicAdd(c.add, v);
		atomicMin(c.minv, v);
		atomicMax(c.maxv, v);
		atomicXor(c.xorv, v);
		atomicMin(c.smin, int(v));
		atomicMax(c.smax, int(v));
		// Only a few, or and/or would saturate to all ones and zeros.
		if (i % 4096u == 7u) {
			atomicAnd(c.andv, v);
			atomicOr(c.orv, v);
		}
		atomicAdd(wg, v & 0xffu);
		old[2u * i] = atomicExchange(x[i], v);
		old[2u * i + 1u] = atomicCompSwap(x[p.n + i], i, v);
	}
	memoryBarrierShared();
	barrier();
	if (gl_LocalInvocationIndex == 0)
		atomicAdd(c.wgsum, wg);
}

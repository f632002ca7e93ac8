// vk_compute histogram: hist[v & 255] counts the values of a[], ITEMS a
// thread; each workgroup counts in shared memory with atomics, then adds
// its bins to the global ones with one atomic per bin.
#version 450
#define BINS 256
#define ITEMS 4
layout(local_size_x = BINS) in;
layout(std430, binding = 0) readonly buffer A { uint a[]; };
layout(std430, binding = 1) buffer H { uint hist[]; };
shared uint bins[BINS];

void
main()
{
	uint t = gl_LocalInvocationID.x;
	uint base = gl_WorkGroupID.x * BINS * ITEMS;

	bins[t] = 0;
	memoryBarrierShared();
	barrier();
	for (uint k = 0; k < ITEMS; k++)
		atomicAdd(bins[a[base + k * BINS + t] & (BINS - 1)], 1u);
	memoryBarrierShared();
	barrier();
	if (bins[t] != 0)
		atomicAdd(hist[t], bins[t]);
}

// vk_compute matmul: c = a * b for n x n row-major floats (push constant
// n, a multiple of 16), in 16 x 16 tiles staged through shared memory.
#version 450
#define TILE 16
layout(local_size_x = TILE, local_size_y = TILE) in;
layout(std430, binding = 0) readonly buffer A { float a[]; };
layout(std430, binding = 1) readonly buffer B { float b[]; };
layout(std430, binding = 2) writeonly buffer C { float c[]; };
layout(push_constant) uniform P { uint n; } p;
shared float ta[TILE][TILE], tb[TILE][TILE];

void
main()
{
	uint row = gl_GlobalInvocationID.y, col = gl_GlobalInvocationID.x;
	uint ty = gl_LocalInvocationID.y, tx = gl_LocalInvocationID.x;
	float acc = 0.0;

	for (uint k0 = 0; k0 < p.n; k0 += TILE) {
		ta[ty][tx] = a[row * p.n + k0 + tx];
		tb[ty][tx] = b[(k0 + ty) * p.n + col];
		memoryBarrierShared();
		barrier();
		for (uint k = 0; k < TILE; k++)
			acc += ta[ty][k] * tb[k][tx];
		barrier();
	}
	c[row * p.n + col] = acc;
}

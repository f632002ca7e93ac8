// vk_compute float16: 16-bit float storage and arithmetic (exact
// products, sums, fma, max), f32 -> f16 rounding and f16 -> f32.
#version 450
#extension GL_EXT_shader_explicit_arithmetic_types_float16 : require
#extension GL_EXT_shader_16bit_storage : require
#define WORDS 5
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer A { float16_t a[]; };
layout(std430, binding = 1) readonly buffer B { float16_t b[]; };
layout(std430, binding = 2) readonly buffer F { float f[]; };
layout(std430, binding = 3) writeonly buffer C { float16_t c[]; };
layout(push_constant) uniform P { uint n; } p;

void
main()
{
	uint i = gl_GlobalInvocationID.x;

	if (i >= p.n)
		return;
	float16_t x = a[i], y = b[i];

	c[WORDS * i] = x * y;
	c[WORDS * i + 1] = x + y;
	c[WORDS * i + 2] = fma(x, y, x);
	c[WORDS * i + 3] = max(x, y);
	c[WORDS * i + 4] = float16_t(f[i]) + float16_t(float(x) * 0.25);
}

// vk_compute int16: 16-bit integer storage and arithmetic (wrapping
// multiply and add, arithmetic shift, signed max, division, widening).
#version 450
#extension GL_EXT_shader_explicit_arithmetic_types_int16 : require
#extension GL_EXT_shader_16bit_storage : require
#define WORDS 6
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer A { uint16_t a[]; };
layout(std430, binding = 1) readonly buffer B { int16_t b[]; };
layout(std430, binding = 2) writeonly buffer C { uint16_t c[]; };
layout(push_constant) uniform P { uint n; } p;

void
main()
{
	uint i = gl_GlobalInvocationID.x;

	if (i >= p.n)
		return;
	uint16_t x = a[i];
	int16_t y = b[i];

	c[WORDS * i] = x * uint16_t(y);
	c[WORDS * i + 1] = x + uint16_t(y);
	c[WORDS * i + 2] = uint16_t(y >> int16_t(3));
	c[WORDS * i + 3] = uint16_t(max(int16_t(x), y));
	c[WORDS * i + 4] = x / (uint16_t(y) | uint16_t(1));
	c[WORDS * i + 5] = uint16_t((int(y) * 7) >> 4);
}

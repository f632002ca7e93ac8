// vk_compute int64: 64-bit integer arithmetic (multiply, add, subtract,
// shifts, unsigned and signed division, min, widening multiply).
#version 450
#extension GL_EXT_shader_explicit_arithmetic_types_int64 : require
#define WORDS 10
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer A { uint64_t a[]; };
layout(std430, binding = 1) readonly buffer B { uint64_t b[]; };
layout(std430, binding = 2) writeonly buffer C { uint64_t c[]; };
layout(push_constant) uniform P { uint n; } p;

void
main()
{
	uint i = gl_GlobalInvocationID.x;

	if (i >= p.n)
		return;
	uint64_t x = a[i], y = b[i];

	c[WORDS * i] = x * y;
	c[WORDS * i + 1] = x + y;
	c[WORDS * i + 2] = x - y;
	c[WORDS * i + 3] = x >> (y & 63ul);
	c[WORDS * i + 4] = uint64_t(int64_t(x) >> (y & 63ul));
	c[WORDS * i + 5] = x << (y >> 58);
	c[WORDS * i + 6] = x / (y >> 40 | 1ul);
	c[WORDS * i + 7] = uint64_t(int64_t(x) / int64_t(y >> 20 | 1ul));
	c[WORDS * i + 8] = uint64_t(min(int64_t(x), int64_t(y)));
	c[WORDS * i + 9] = uint64_t(uint(x)) * uint64_t(uint(y));
}

// vk_compute float64: double arithmetic (add, multiply, fma, divide,
// sqrt, floor, min), conversions to int and to float and back.
#version 450
#define WORDS 9
layout(local_size_x = 64) in;
layout(std430, binding = 0) readonly buffer A { double a[]; };
layout(std430, binding = 1) readonly buffer B { double b[]; };
layout(std430, binding = 2) writeonly buffer C { double c[]; };
layout(push_constant) uniform P { uint n; } p;

void
main()
{
	uint i = gl_GlobalInvocationID.x;

	if (i >= p.n)
		return;
	double x = a[i], y = b[i];

	c[WORDS * i] = x + y;
	c[WORDS * i + 1] = x * y;
	c[WORDS * i + 2] = fma(x, y, x);
	c[WORDS * i + 3] = floor(x);
	c[WORDS * i + 4] = min(x, y);
	c[WORDS * i + 5] = double(int(x));
	// The f32 bits, exactly as a double: lavapipe 25.0.7 folds
	// double(float(x)) back to x.
	c[WORDS * i + 6] = double(floatBitsToUint(float(x)));
	c[WORDS * i + 7] = x / y;
	c[WORDS * i + 8] = sqrt(abs(x));
}

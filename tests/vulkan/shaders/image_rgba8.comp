// vk_compute image_rgba8: storage images of R8G8B8A8_UNORM (optimal
// tiling): dst = (1 - r, b, g, a) of src, through float conversions.
#version 450
layout(local_size_x = 8, local_size_y = 8) in;
layout(rgba8, binding = 0) uniform readonly image2D src;
layout(rgba8, binding = 1) uniform writeonly image2D dst;

void
main()
{
	ivec2 p = ivec2(gl_GlobalInvocationID.xy);
	vec4 c = imageLoad(src, p);

	imageStore(dst, p, vec4(1.0 - c.r, c.b, c.g, c.a));
}

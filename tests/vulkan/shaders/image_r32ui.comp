// vk_compute image_r32ui: storage images of R32_UINT (optimal tiling):
// dst = 3 * imageLoad(src) + x, imageAtomicAdd on src's own texel (its
// old value must be the loaded one, else dst's bit 31 is set), and
// contended imageAtomicAdd on a small counting image.
#version 450
layout(local_size_x = 8, local_size_y = 8) in;
layout(r32ui, binding = 0) uniform uimage2D src;
layout(r32ui, binding = 1) uniform uimage2D dst;
layout(r32ui, binding = 2) uniform uimage2D cnt;	// 16 x 8

void
main()
{
	ivec2 p = ivec2(gl_GlobalInvocationID.xy);
	uint v = imageLoad(src, p).x;
	uint old = imageAtomicAdd(src, p, 5u);

	imageStore(dst, p, uvec4(v * 3u + uint(p.x) + (old == v ? 0u : 0x80000000u)));
	imageAtomicAdd(cnt, ivec2(p.x & 15, p.y & 7), v & 0xffu);
}

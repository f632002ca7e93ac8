// vk_compute pushspec: push constants of several types and offsets, and
// specialization constants: the workgroup width (id 0), a multiplier
// (id 1) and a bool (id 2).  The vec4 is indexed by the workgroup id, a
// dynamically uniform index: RADV (22.3.6 and 25.0.7) loads an indexed
// push constant with SMEM after v_readfirstlane of the offset, so a
// per-invocation index would read the first lane's element, on hardware
// as on the model.
#version 450
layout(local_size_x_id = 0) in;
layout(constant_id = 1) const uint MUL = 1;
layout(constant_id = 2) const bool NEG = false;
layout(std430, binding = 0) readonly buffer A { uint a[]; };
layout(std430, binding = 1) writeonly buffer C { uint c[]; };
layout(std430, binding = 2) writeonly buffer F { float f[]; };
layout(push_constant) uniform P {
	uint n;
	uint add;
	float scale;
	uint pad;
	vec4 v;
} p;

void
main()
{
	uint i = gl_GlobalInvocationID.x;

	if (i >= p.n)
		return;
	c[i] = a[i] * MUL + p.add + gl_WorkGroupSize.x;
	float x = float(a[i] & 0xffu) * p.scale + p.v[gl_WorkGroupID.x & 3u];
	f[i] = NEG ? -x : x;
}

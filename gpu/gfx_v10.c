/* Placeholder until the real block lands. */
#include "amdgpu.h"

int
gfx_v10_init(struct gpu_device *dev)
{
	return 0;
}

void
gfx_v10_fini(struct gpu_device *dev)
{
}

/* Placeholder until the real block lands. */
#include "amdgpu.h"

int
sdma_v5_2_init(struct gpu_device *dev)
{
	return 0;
}

void
sdma_v5_2_fini(struct gpu_device *dev)
{
}

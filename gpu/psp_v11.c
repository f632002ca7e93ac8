/* Placeholder until the real block lands. */
#include "amdgpu.h"

int
psp_v11_init(struct gpu_device *dev)
{
	return 0;
}

void
psp_v11_fini(struct gpu_device *dev)
{
}

void
psp_v11_query(struct gpu_device *dev, struct gpu_info *info)
{
}

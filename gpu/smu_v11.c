/* Placeholder until the real block lands. */
#include "amdgpu.h"

int
smu_v11_init(struct gpu_device *dev)
{
	return 0;
}

void
smu_v11_fini(struct gpu_device *dev)
{
}

void
smu_v11_query(struct gpu_device *dev, struct gpu_info *info)
{
}

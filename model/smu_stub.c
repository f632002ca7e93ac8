/* Placeholder until the smu block lands: claims nothing, does nothing. */
#include "model.h"

const struct model_block smu_block = { .name = "smu" };

int
mdl_smu_init(struct navi23 *m)
{
	return 0;
}

void
mdl_smu_fini(struct navi23 *m)
{
}

uint32_t
smu_firmware_flags(struct navi23 *m)
{
	return 0;
}

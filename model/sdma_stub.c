/* Placeholder until the sdma block lands: claims nothing, does nothing. */
#include "model.h"

const struct model_block sdma_block = { .name = "sdma" };

int
mdl_sdma_init(struct navi23 *m)
{
	return 0;
}

void
mdl_sdma_fini(struct navi23 *m)
{
}

/* Placeholder until the psp block lands: claims nothing, does nothing. */
#include "model.h"

const struct model_block psp_block = { .name = "psp" };

int
mdl_psp_init(struct navi23 *m)
{
	return 0;
}

void
mdl_psp_fini(struct navi23 *m)
{
}

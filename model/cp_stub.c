/* Placeholder until the cp block lands: claims nothing, does nothing. */
#include "model.h"

const struct model_block cp_block = { .name = "cp" };

int
mdl_cp_init(struct navi23 *m)
{
	return 0;
}

void
mdl_cp_fini(struct navi23 *m)
{
}

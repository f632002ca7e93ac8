/*
 * Export tokens: how a BO or a timeline semaphore passes from one client
 * to another.  The table holds no reference: an entry goes when its object
 * does.  api_lock held throughout.
 */
#include "client.h"

static int
export_add(struct gpu_device *dev, unsigned kind, void *obj, uint64_t *token)
{
	if (dev->nexports == dev->maxexports) {
		unsigned n = dev->maxexports ? dev->maxexports * 2 : 16;
		struct export *e = os_zalloc(n * sizeof(*e));

		if (e == NULL)
			return -GPU_ENOMEM;
		if (dev->nexports != 0)
			memcpy(e, dev->exports, dev->nexports * sizeof(*e));
		os_free(dev->exports);
		dev->exports = e;
		dev->maxexports = n;
	}
	/* A bijection of a counter, salted: unique, not small consecutive
	 * numbers another process could guess. */
	*token = (++dev->token_count * 0x9e3779b97f4a7c15ull) ^ dev->token_salt;
	dev->exports[dev->nexports].token = *token;
	dev->exports[dev->nexports].kind = kind;
	dev->exports[dev->nexports].obj = obj;
	dev->nexports++;
	return 0;
}

int
export_token(struct gpu_client *c, gpu_handle h, unsigned kind, size_t token_off,
    uint64_t *token)
{
	void *obj = handle_get(c, h, (enum obj_kind)kind);
	uint64_t *slot;
	int rc = 0;

	*token = 0;
	if (obj == NULL)
		return -GPU_EBADF;
	slot = (uint64_t *)((char *)obj + token_off);
	if (*slot == 0)
		rc = export_add(c->dev, kind, obj, slot);
	*token = *slot;
	return rc;
}

void *
export_find(struct gpu_device *dev, uint64_t token, unsigned kind)
{
	for (unsigned i = 0; i < dev->nexports; i++)
		if (dev->exports[i].token == token && dev->exports[i].kind == kind)
			return dev->exports[i].obj;
	return NULL;
}

void
export_remove(struct gpu_device *dev, void *obj)
{
	for (unsigned i = 0; i < dev->nexports; i++) {
		if (dev->exports[i].obj == obj) {
			dev->exports[i] = dev->exports[--dev->nexports];
			return;
		}
	}
}

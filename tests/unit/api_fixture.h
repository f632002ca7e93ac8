/* A device brought up on the navi23 model, for the GPU API tests. */
#ifndef TESTS_API_FIXTURE_H
#define TESTS_API_FIXTURE_H

#include "gpu/client.h"
#include "host/host.h"
#include "metalgpu/api.h"
#include "model/model.h"

struct api_fixture {
	struct os_dev *os;
	struct gpu_device *dev;
	struct navi23 *model;
	uint64_t dma_baseline;		/* system memory in use after bring-up */
};

static inline int
api_fixture_up(struct api_fixture *f, uint64_t vram_bytes)
{
	struct host_opts o;

	host_default_opts(&o);
	o.model.quiet = true;
	o.log_level = OS_LOG_ERR;
	if (vram_bytes != 0)
		o.model.vram_bytes = vram_bytes;
	f->os = host_dev_create(&o);
	if (f->os == NULL)
		return -1;
	f->model = host_dev_model(f->os);
	f->dev = gpu_create(f->os);
	if (f->dev == NULL || gpu_init(f->dev) != 0)
		return -1;
	f->dma_baseline = host_dma_in_use(f->os);
	return 0;
}

static inline void
api_fixture_down(struct api_fixture *f)
{
	gpu_destroy(f->dev);
	host_dev_destroy(f->os);
}

#endif

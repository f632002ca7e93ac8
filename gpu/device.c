/*
 * Bring-up: the ordered list of blocks, each with init and fini, run the
 * way Linux's amdgpu_device_ip_init runs them for Navi 23 (facts §3.1):
 * discovery, firmware, common (NBIO/HDP), GMC, IH, PSP (loads all
 * firmware), SMU, GFX, SDMA, then the ring and IB tests.  A failing block
 * stops bring-up and everything already done is undone in reverse.
 * Contract: a block's fini undoes whatever part of its init happened, so it
 * is also called for the block whose init failed.
 */
#include "amdgpu.h"
#include "client.h"
#include "fmt.h"

const struct gpu_ip_block gpu_blocks[] = {
	{ "discovery",	discovery_init,	NULL },
	{ "firmware",	firmware_init,	firmware_fini },
	{ "common",	nv_common_init,	NULL },
	{ "gmc",	gmc_v10_init,	gmc_v10_fini },
	{ "ih",		ih_init,	ih_fini },
	{ "psp",	psp_v11_init,	psp_v11_fini },
	{ "smu",	smu_v11_init,	smu_v11_fini },
	{ "gfx",	gfx_v10_init,	gfx_v10_fini },
	{ "sdma",	sdma_v5_2_init,	sdma_v5_2_fini },
	{ "ring tests",	ring_tests_init, NULL },
	{ "api",	api_hw_init,	NULL },
	{ NULL, NULL, NULL }
};

void
gpu_log(struct gpu_device *dev, enum os_log_level lvl, const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	gpu_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	os_log(dev->os, lvl, line);
}

int
gpu_error(struct gpu_device *dev, int err, const char *fmt, ...)
{
	char line[sizeof(dev->err)];
	va_list ap;

	va_start(ap, fmt);
	gpu_vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	os_log(dev->os, OS_LOG_ERR, line);
	if (dev->err[0] == '\0')
		memcpy(dev->err, line, sizeof(line));
	return err;
}

struct gpu_device *
gpu_create(struct os_dev *os)
{
	struct gpu_device *dev = os_zalloc(sizeof(*dev));

	if (dev == NULL)
		return NULL;
	dev->os = os;
	dev->mem_lock = os_mutex_create();
	if (dev->mem_lock == NULL || api_init(dev) != 0) {
		os_mutex_destroy(dev->mem_lock);
		os_free(dev);
		return NULL;
	}
	return dev;
}

static void
undo(struct gpu_device *dev)
{
	while (dev->ndone > 0) {
		const struct gpu_ip_block *b = dev->done[--dev->ndone];

		if (b->fini != NULL)
			b->fini(dev);
	}
}

int
gpu_init(struct gpu_device *dev)
{
	int rc;

	if (dev->up)
		return -GPU_EBUSY;
	dev->err[0] = '\0';
	dev->t_first_access = 0;
	os_pci_id(dev->os, &dev->pci);
	GPU_INFO(dev, "initializing kernel modesetting (DIMGREY_CAVEFISH 0x%04x:0x%04x 0x%04x:0x%04x 0x%02x)",
	    dev->pci.vendor, dev->pci.device, dev->pci.subsystem_vendor,
	    dev->pci.subsystem_device, dev->pci.revision);
	for (const struct gpu_ip_block *b = gpu_blocks; b->name != NULL; b++) {
		uint64_t t0 = os_time_ns();

		rc = b->init(dev);
		dev->block_ns[b - gpu_blocks] = os_time_ns() - t0;
		if (rc != 0) {
			GPU_WARN(dev, "%s init failed (%s); undoing bring-up",
			    b->name, gpu_strerror(rc));
			if (b->fini != NULL)
				b->fini(dev);
			undo(dev);
			return rc;
		}
		dev->done[dev->ndone++] = b;
	}
	dev->t_ready = os_time_ns();
	dev->up = true;
	GPU_INFO(dev, "bring-up done in %llu us",
	    (unsigned long long)((dev->t_ready - dev->t_first_access) / 1000));
	return 0;
}

void
gpu_fini(struct gpu_device *dev)
{
	undo(dev);
	dev->up = false;
}

void
gpu_destroy(struct gpu_device *dev)
{
	if (dev == NULL)
		return;
	api_fini(dev);
	gpu_fini(dev);
	api_destroy(dev);
	os_mutex_destroy(dev->mem_lock);
	os_free(dev);
}

const char *
gpu_last_error(struct gpu_device *dev)
{
	return dev->err;
}

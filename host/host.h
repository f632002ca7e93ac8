/*
 * The host runtime: gpu/os.h for a Linux process, with the navi23 model as
 * the PCI device.  "System RAM" for DMA is a memfd-backed region whose bus
 * addresses start at HOST_SYSMEM_BUS_BASE, so a GPU mapping of it and a CPU
 * mapping are the same pages.
 */
#ifndef HOST_HOST_H
#define HOST_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gpu/os.h"
#include "model/navi23.h"

#define HOST_SYSMEM_BUS_BASE	0x100000000ull	/* 4 GiB: bus address 0 is never valid */

struct host_opts {
	const char *firmware_dir;	/* default: $METALGPU_FIRMWARE_DIR or /lib/firmware */
	uint64_t sysmem_bytes;		/* default 4 GiB (sparse) */
	enum os_log_level log_level;	/* lines above this level are not printed */
	struct navi23_config model;
};

void	host_default_opts(struct host_opts *);
struct os_dev *host_dev_create(const struct host_opts *);
void	host_dev_destroy(struct os_dev *);
struct navi23 *host_dev_model(struct os_dev *);
/* Resolve a bus address to the host pointer (tests). */
void	*host_dma_ptr(struct os_dev *, uint64_t bus, uint64_t len);
/* Every log line also goes to this hook (tests check messages). */
void	host_set_log_hook(struct os_dev *,
	    void (*hook)(void *arg, enum os_log_level, const char *line), void *arg);
/* Bytes of system memory currently allocated through os_dma_alloc. */
uint64_t host_dma_in_use(struct os_dev *);

#endif

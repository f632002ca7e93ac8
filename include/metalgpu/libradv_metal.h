/*
 * libradv-metal's one entry point of its own (libdrm.so.2 exports it beside
 * the drm* calls): what the driver and the bridge hold right now, so a
 * Vulkan test can check that a VkDevice left nothing behind, and the
 * model's shader counters, so a benchmark can rate the interpreter.  Look it up
 * with dlopen("libdrm.so.2", RTLD_NOLOAD) + dlsym(LIBRADV_METAL_USAGE_SYM).
 */
#ifndef METALGPU_LIBRADV_METAL_H
#define METALGPU_LIBRADV_METAL_H

#include <stdint.h>

#define LIBRADV_METAL_USAGE_SYM	"libradv_metal_usage"

struct libradv_metal_usage {
	uint64_t vram_used;	/* driver: VRAM allocated (client BOs, own buffers) */
	uint64_t sys_used;	/* host runtime: DMA-able system memory allocated */
	uint32_t clients;	/* GPU API clients open */
	uint32_t files;		/* bridge: device files (drm_file) open */
	uint64_t shader_waves;	/* model: compute waves run so far */
	uint64_t shader_insts;	/* model: their instructions (per wave, not lane) */
};

/* 0, or -ENODEV before the device is up. */
int	libradv_metal_usage(struct libradv_metal_usage *);

#endif

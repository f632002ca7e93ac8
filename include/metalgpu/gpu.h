/*
 * Pillar A of the MetalOS GPU API: bring a device up and describe it.
 * (Buffer objects, VMs, queues and sync arrive with their own headers.)
 *
 * A struct os_dev comes from the OS glue (host/ or kernel/); gpu_init()
 * reads the chip, loads its firmware through the PSP and starts every ring.
 */
#ifndef METALGPU_GPU_H
#define METALGPU_GPU_H

#include <stdbool.h>
#include <stdint.h>

#include "metalgpu/errno.h"

struct os_dev;
struct gpu_device;

#define GPU_NAME_LEN	32

struct gpu_ip_info {
	char name[16];		/* "GC", "SDMA0", "MP0" ... */
	uint16_t hw_id;
	uint8_t instance, major, minor, rev;
	uint8_t nbase;
	uint32_t base[6];
};

struct gpu_fw_info {
	char file[48];		/* "amdgpu/dimgrey_cavefish_sos.bin" */
	uint16_t hdr_major, hdr_minor;
	uint16_t ip_major, ip_minor;
	uint32_t ucode_version, feature_version;
	uint32_t size;
	bool loaded;		/* handed to the PSP (false: parsed only) */
	unsigned nimages;
};

struct gpu_ring_info {
	char name[16];		/* "gfx_0.0.0", "comp_1.0.0", "sdma0" */
	int ring_test, ib_test;	/* 0 or -GPU_E* */
	uint64_t ring_test_ns, ib_test_ns;
	uint32_t doorbell;	/* dword index in BAR2 */
	uint32_t size_bytes;
};

#define GPU_MAX_IPS	24
#define GPU_MAX_FW	12
#define GPU_MAX_RINGS	8

struct gpu_info {
	/* PCI identity */
	uint16_t vendor_id, device_id, subsystem_vendor, subsystem_device;
	uint8_t pci_rev;
	char chip[GPU_NAME_LEN];	/* "NAVI23" */
	char gfx_target[GPU_NAME_LEN];	/* "gfx1032" */
	uint32_t family;		/* AMDGPU_FAMILY_NV = 143 */
	uint32_t rev_id, external_rev;
	/* Shader layout */
	uint32_t num_se, num_sa_per_se, num_wgp_per_sa, num_cu, num_rb_per_se;
	uint32_t wave_size, lds_size_kb;
	uint32_t gb_addr_config;
	/* Memory */
	uint64_t vram_size, vram_mc_start, vram_bar_size;
	uint64_t gart_size, gart_mc_start;
	/* Blocks, firmware, rings */
	unsigned nips, nfw, nrings;
	struct gpu_ip_info ips[GPU_MAX_IPS];
	struct gpu_fw_info fw[GPU_MAX_FW];
	struct gpu_ring_info rings[GPU_MAX_RINGS];
	uint32_t smu_version, smu_if_version, psp_sos_version;
	uint64_t init_ns;		/* first register access to all rings tested */
	unsigned nblocks;
	struct {
		char name[16];
		uint64_t ns;
	} blocks[16];			/* bring-up steps in order, with their time */
	/* What the amdgpu INFO queries report besides the above (bridge/). */
	uint32_t gc_info[32];		/* IP discovery gc_info v1 fields, by GCI_* (amd/discovery.h) */
	uint32_t cu_bitmap[4][4];	/* active CUs per [SE][SA] */
	uint32_t vram_type;		/* AMDGPU_VRAM_TYPE_* (amdgpu_drm.h): 9 = GDDR6 */
	uint32_t vram_bit_width;
	uint32_t max_sclk_khz, max_mclk_khz;	/* peak engine and memory clocks */
	uint32_t xclk_khz;		/* the GPU counter (timestamp) reference clock */
};

struct gpu_device *gpu_create(struct os_dev *);
int	gpu_init(struct gpu_device *);
void	gpu_fini(struct gpu_device *);
void	gpu_destroy(struct gpu_device *);
int	gpu_query_info(struct gpu_device *, struct gpu_info *);

/* What the driver holds right now, for leak checks: VRAM allocated (client
 * BOs and the driver's own buffers) and open clients. */
struct gpu_usage {
	uint64_t vram_used;
	uint32_t clients;
};
int	gpu_query_usage(struct gpu_device *, struct gpu_usage *);
/* The message of the last error: names the file, field, ring or register. */
const char *gpu_last_error(struct gpu_device *);

#endif

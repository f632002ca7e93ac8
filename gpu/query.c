/*
 * What the driver knows about the device, for `metalgpu info` and (later)
 * the amdgpu INFO queries: identity from PCI and discovery, memory layout
 * from GMC, firmware from the parsed files, ring test results.
 */
#include "amd/discovery.h"
#include "amd/gc_10_3_reg.h"
#include "amdgpu.h"
#include "client.h"
#include "fmt.h"

#define AMDGPU_FAMILY_NV	143	/* include/uapi/drm/amdgpu_drm.h */

/*
 * Board values Linux reads from the VBIOS (atomfirmware vram_info, firmware
 * info) and the SMU pptable, which this driver does not parse yet: the RX
 * 6600's public specifications (8 GiB GDDR6 on a 128-bit bus at 14 Gbps,
 * i.e. a 1750 MHz memory clock; 2491 MHz boost clock) and the 100 MHz
 * reference clock amdgpu reports for Navi 2x (Mesa src/amd/drm-shim/
 * amdgpu_devices.c: gpu_counter_freq 100000 for Navi21).
 */
#define AMDGPU_VRAM_TYPE_GDDR6	9	/* include/uapi/drm/amdgpu_drm.h */
#define NAVI23_VRAM_BIT_WIDTH	128
#define NAVI23_MAX_SCLK_KHZ	2491000
#define NAVI23_MAX_MCLK_KHZ	1750000
#define NAVI2X_XCLK_KHZ		100000

static void
query_fw(struct gpu_device *dev, struct gpu_info *info)
{
	info->nfw = 0;
	for (int f = 0; f < UCODE_FILE_COUNT && f < GPU_MAX_FW; f++) {
		const struct ucode_info *u = &dev->fw[f].info;
		struct gpu_fw_info *o = &info->fw[info->nfw++];

		gpu_snprintf(o->file, sizeof(o->file), "%s",
		    ucode_file_name((enum ucode_file)f));
		o->hdr_major = u->hdr_major;
		o->hdr_minor = u->hdr_minor;
		o->ip_major = u->ip_major;
		o->ip_minor = u->ip_minor;
		o->ucode_version = u->ucode_version;
		o->feature_version = u->feature_version;
		o->size = u->file_size;
		o->loaded = ucode_file_loaded((enum ucode_file)f) != 0;
		o->nimages = u->nimages;
	}
}

int
gpu_query_info(struct gpu_device *dev, struct gpu_info *info)
{
	const uint32_t *gc = dev->gc_info;

	memset(info, 0, sizeof(*info));
	if (!dev->up)
		return -GPU_ENODEV;
	info->vendor_id = dev->pci.vendor;
	info->device_id = dev->pci.device;
	info->subsystem_vendor = dev->pci.subsystem_vendor;
	info->subsystem_device = dev->pci.subsystem_device;
	info->pci_rev = dev->pci.revision;
	gpu_snprintf(info->chip, sizeof(info->chip), "NAVI23");
	gpu_snprintf(info->gfx_target, sizeof(info->gfx_target), "gfx1032");
	info->family = AMDGPU_FAMILY_NV;
	info->rev_id = dev->rev_id;
	info->external_rev = dev->external_rev;
	info->num_se = gc[GCI_NUM_SE];
	info->num_sa_per_se = gc[GCI_NUM_SA_PER_SE];
	info->num_wgp_per_sa = gc[GCI_NUM_WGP0_PER_SA];
	info->num_rb_per_se = gc[GCI_NUM_RB_PER_SE];
	info->num_cu = dev->gfx_active_cus;
	info->wave_size = gc[GCI_WAVE_SIZE];
	info->lds_size_kb = gc[GCI_LDS_SIZE];
	info->gb_addr_config = rreg(dev, GB_ADDR_CONFIG);
	info->vram_size = dev->vram_size;
	info->vram_mc_start = dev->vram_start;
	info->vram_bar_size = dev->vram_bar_size;
	info->gart_size = dev->gart_size;
	info->gart_mc_start = dev->gart_start;
	info->nips = dev->nips;
	memcpy(info->ips, dev->ips, sizeof(info->ips[0]) * dev->nips);
	query_fw(dev, info);
	info->nrings = 0;
	for (unsigned i = 0; i < dev->nrings && i < GPU_MAX_RINGS; i++) {
		info->rings[info->nrings] = dev->rings[i]->test;
		info->rings[info->nrings].doorbell = dev->rings[i]->doorbell;
		info->nrings++;
	}
	psp_v11_query(dev, info);
	smu_v11_query(dev, info);
	memcpy(info->gc_info, dev->gc_info, sizeof(info->gc_info));
	memcpy(info->cu_bitmap, dev->gfx_cu_bitmap, sizeof(info->cu_bitmap));
	info->vram_type = AMDGPU_VRAM_TYPE_GDDR6;
	info->vram_bit_width = NAVI23_VRAM_BIT_WIDTH;
	info->max_sclk_khz = NAVI23_MAX_SCLK_KHZ;
	info->max_mclk_khz = NAVI23_MAX_MCLK_KHZ;
	info->xclk_khz = NAVI2X_XCLK_KHZ;
	info->init_ns = dev->t_ready - dev->t_first_access;
	for (unsigned i = 0; gpu_blocks[i].name != NULL && i < 16; i++) {
		gpu_snprintf(info->blocks[i].name, sizeof(info->blocks[i].name), "%s",
		    gpu_blocks[i].name);
		info->blocks[i].ns = dev->block_ns[i];
		info->nblocks = i + 1;
	}
	return 0;
}

int
gpu_query_usage(struct gpu_device *dev, struct gpu_usage *u)
{
	memset(u, 0, sizeof(*u));
	if (!dev->up)
		return -GPU_ENODEV;
	os_mutex_lock(dev->mem_lock);
	u->vram_used = dev->vram.used;
	os_mutex_unlock(dev->mem_lock);
	os_mutex_lock(dev->api_lock);
	for (const struct gpu_client *c = dev->clients; c != NULL; c = c->next)
		u->clients++;
	os_mutex_unlock(dev->api_lock);
	return 0;
}

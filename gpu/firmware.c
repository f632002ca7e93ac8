/*
 * Request every dimgrey_cavefish firmware file and validate it before any
 * of it reaches the hardware (Linux: the *_init_microcode functions of
 * psp_v11_0.c, smu_v11_0.c, gfx_v10_0.c, sdma_v5_2.c, dm, vcn_v3_0.c).
 * All twelve are required, as the Linux driver requires them for this chip;
 * DMCUB and VCN are parsed and reported but not loaded.
 */
#include "amdgpu.h"

int
firmware_init(struct gpu_device *dev)
{
	char err[200];
	int rc;

	for (int f = 0; f < UCODE_FILE_COUNT; f++) {
		struct gpu_fw *fw = &dev->fw[f];
		const char *name = ucode_file_name((enum ucode_file)f);

		rc = os_firmware_get(dev->os, name, &fw->data, &fw->size);
		if (rc == -GPU_ENOENT)
			return gpu_error(dev, rc, "%s: firmware file not found", name);
		if (rc != 0)
			return gpu_error(dev, rc, "%s: cannot read firmware (%s)",
			    name, gpu_strerror(rc));
		rc = ucode_parse((enum ucode_file)f, fw->data, fw->size, &fw->info,
		    err, sizeof(err));
		if (rc != 0)
			return gpu_error(dev, rc, "%s", err);
		GPU_DBG(dev, "%s: header v%u.%u, IP %u.%u, ucode 0x%08x, feature %u",
		    name, fw->info.hdr_major, fw->info.hdr_minor, fw->info.ip_major,
		    fw->info.ip_minor, fw->info.ucode_version, fw->info.feature_version);
	}
	return 0;
}

void
firmware_fini(struct gpu_device *dev)
{
	for (int f = 0; f < UCODE_FILE_COUNT; f++) {
		struct gpu_fw *fw = &dev->fw[f];

		if (fw->data != NULL)
			os_firmware_put(dev->os, fw->data, fw->size);
		fw->data = NULL;
		fw->size = 0;
	}
}

/*
 * The "common" block of Navi chips: the bus interface's memory access
 * enables.  Linux amdgpu/nv.c nv_common_hw_init, nbio_v2_3.c
 * mc_access_enable (BIF_FB_EN: FB_READ_EN bit 0, FB_WRITE_EN bit 1).
 */
#include "amd/nbio_2_3_reg.h"
#include "amdgpu.h"

#define BIF_FB_EN_READ	(1u << 0)
#define BIF_FB_EN_WRITE	(1u << 1)

int
nv_common_init(struct gpu_device *dev)
{
	wreg(dev, BIF_FB_EN, BIF_FB_EN_READ | BIF_FB_EN_WRITE);
	/* No self-ring doorbell aperture: doorbells come from the CPU only. */
	wreg(dev, BIF_BX_PF_DOORBELL_SELFRING_GPA_APER_CNTL, 0);
	return 0;
}

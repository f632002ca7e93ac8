/*
 * NBIO (the PCIe bus interface) and HDP: the memory-size strap, the HDP
 * flush handshake and the PCIE_INDEX2/PCIE_DATA2 window into SMN space.
 * Sources: Linux amdgpu/nbio_v2_3.c, amdgpu_discovery.c (memsize),
 * amdgpu_device.c amdgpu_device_indirect_rreg (the index/data window).
 */
#include "amd/mp_11_0_reg.h"
#include "amd/nbio_2_3_reg.h"
#include "model.h"

static uint32_t
smn_read(struct navi23 *m, uint32_t addr)
{
	switch (addr) {
	case SMN_MP1_FIRMWARE_FLAGS:
		return smu_firmware_flags(m);
	default:
		model_log(m, "read of unknown SMN address 0x%08x", addr);
		return 0;
	}
}

static void
nbio_write(struct navi23 *m, uint32_t reg, uint32_t val)
{
	switch (reg) {
	case BIF_BX_PF_GPU_HDP_FLUSH_REQ:
		/* The model has no HDP cache: the flush is done at once. */
		reg_put(m, BIF_BX_PF_GPU_HDP_FLUSH_DONE,
		    reg_get(m, BIF_BX_PF_GPU_HDP_FLUSH_DONE) | val);
		break;
	case PCIE_DATA2:
		model_log(m, "write to SMN address 0x%08x ignored",
		    reg_get(m, PCIE_INDEX2));
		break;
	default:
		break;
	}
}

static bool
nbio_read(struct navi23 *m, uint32_t reg, uint32_t *val)
{
	switch (reg) {
	case PCIE_DATA2:
		*val = smn_read(m, reg_get(m, PCIE_INDEX2));
		return true;
	default:
		return false;
	}
}

const struct model_block nbio_block = {
	.name = "nbio",
	.write = nbio_write,
	.read = nbio_read,
};

int
mdl_nbio_init(struct navi23 *m)
{
	model_claim(m, BLK_NBIO, BIF_BX_PF_GPU_HDP_FLUSH_REQ);
	model_claim(m, BLK_NBIO, PCIE_DATA2);
	reg_put(m, RCC_DEV0_EPF0_RCC_CONFIG_MEMSIZE, (uint32_t)(m->vram_size >> 20));
	/* A0 silicon: internal revision 0 (external revision 0x3c, nv.c). */
	reg_put(m, RCC_DEV0_EPF0_STRAP0, F_PREP(RCC_STRAP0_STRAP_ATI_REV_ID, 0));
	return 0;
}

/*
 * NBIO 2.3 (PCIe bus interface) registers: memory size strap, doorbell
 * ranges, HDP flush request/done.
 * Offsets: Linux drivers/gpu/drm/amd/include/asic_reg/nbio/nbio_2_3_offset.h;
 * use: amdgpu/nbio_v2_3.c, amdgpu/amdgpu_discovery.c.
 */
#ifndef AMD_NBIO_2_3_REG_H
#define AMD_NBIO_2_3_REG_H

#include "amd_reg.h"

#define NBIO_REG_LIST(X)						\
	X(PCIE_INDEX2,				0, 0x000e)		\
	X(PCIE_DATA2,				0, 0x000f)		\
	X(RCC_DEV0_EPF0_STRAP0,			2, 0x0011)		\
	X(RCC_DEV0_EPF0_RCC_CONFIG_MEMSIZE,	2, 0x00c3)		\
	X(INTERRUPT_CNTL,			2, 0x00f1)		\
	X(INTERRUPT_CNTL2,			2, 0x00f2)		\
	X(BIF_BX_PF_DOORBELL_SELFRING_GPA_APER_CNTL, 2, 0x00f5)		\
	X(BIF_BX_DEV0_EPF0_VF0_HDP_MEM_COHERENCY_FLUSH_CNTL, 2, 0x00f7)	\
	X(BIF_DOORBELL_INT_CNTL,		2, 0x00fd)		\
	X(BIF_FB_EN,				2, 0x00ff)		\
	X(BIF_BX_PF_GPU_HDP_FLUSH_REQ,		2, 0x0106)		\
	X(BIF_BX_PF_GPU_HDP_FLUSH_DONE,		2, 0x0107)		\
	X(BIF_SDMA0_DOORBELL_RANGE,		2, 0x01d0)		\
	X(BIF_SDMA1_DOORBELL_RANGE,		2, 0x01d1)		\
	X(BIF_IH_DOORBELL_RANGE,		2, 0x01d2)		\
	X(BIF_MMSCH0_DOORBELL_RANGE,		2, 0x01d3)

#define AMD_ENUM_NBIO(name, seg, off) name = AMDREG(IP_NBIO, seg, off),
enum nbio_reg { NBIO_REG_LIST(AMD_ENUM_NBIO) };
#undef AMD_ENUM_NBIO

/* RCC_DEV0_EPF0_STRAP0: internal silicon revision (nbio_v2_3.c get_rev_id). */
#define RCC_STRAP0_STRAP_ATI_REV_ID	FIELD(24, 4)
/* BIF_*_DOORBELL_RANGE (nbio_v2_3.c sdma/ih_doorbell_range) */
#define BIF_DOORBELL_RANGE_OFFSET	FIELD(2, 10)	/* dword index */
#define BIF_DOORBELL_RANGE_SIZE		FIELD(16, 5)	/* dwords */
/* BIF_BX_PF_GPU_HDP_FLUSH_REQ/DONE: one bit per client; the CPU uses bit 0. */
#define HDP_FLUSH_CPU			(1u << 0)

/*
 * Registers the driver must read before IP discovery has told it any base
 * address, so it uses their absolute dword index, as Linux
 * amdgpu_discovery.c does (mmRCC_CONFIG_MEMSIZE, mmMP0_SMN_C2PMSG_33).
 * tests/unit/test_discovery.c checks they agree with base + offset.
 */
#define ABS_RCC_CONFIG_MEMSIZE		0xde3u		/* VRAM size in MiB */
#define ABS_MP0_SMN_C2PMSG_33		0x16061u	/* bit 31: IFWI init done */

#endif

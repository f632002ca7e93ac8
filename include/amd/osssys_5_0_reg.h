/*
 * OSSSYS 5.0 interrupt handler (IH) registers.
 * Offsets: Linux drivers/gpu/drm/amd/include/asic_reg/oss/osssys_5_0_0_offset.h;
 * fields: osssys_5_0_0_sh_mask.h; use: amdgpu/navi10_ih.c.
 */
#ifndef AMD_OSSSYS_5_0_REG_H
#define AMD_OSSSYS_5_0_REG_H

#include "amd_reg.h"

#define OSSSYS_REG_LIST(X)				\
	X(IH_VMID_0_LUT,		0, 0x0000)	\
	X(IH_RB_CNTL,			0, 0x0080)	\
	X(IH_RB_BASE,			0, 0x0081)	\
	X(IH_RB_BASE_HI,		0, 0x0082)	\
	X(IH_RB_RPTR,			0, 0x0083)	\
	X(IH_RB_WPTR,			0, 0x0084)	\
	X(IH_RB_WPTR_ADDR_HI,		0, 0x0085)	\
	X(IH_RB_WPTR_ADDR_LO,		0, 0x0086)	\
	X(IH_DOORBELL_RPTR,		0, 0x0087)	\
	X(IH_RB_CNTL_RING1,		0, 0x008c)	\
	X(IH_RB_BASE_RING1,		0, 0x008d)	\
	X(IH_RB_CNTL_RING2,		0, 0x0098)	\
	X(IH_RB_BASE_RING2,		0, 0x0099)	\
	X(IH_CNTL,			0, 0x00c0)	\
	X(IH_CNTL2,			0, 0x00c1)	\
	X(IH_INT_FLOOD_CNTL,		0, 0x00d5)	\
	X(IH_STORM_CLIENT_LIST_CNTL,	0, 0x00da)	\
	X(IH_CLK_CTRL,			0, 0x00db)	\
	X(IH_CLIENT_CFG_DATA,		0, 0x0189)	\
	X(IH_CHICKEN,			0, 0x018c)

#define AMD_ENUM_OSSSYS(name, seg, off) name = AMDREG(IP_OSSSYS, seg, off),
enum osssys_reg { OSSSYS_REG_LIST(AMD_ENUM_OSSSYS) };
#undef AMD_ENUM_OSSSYS

/* IH_RB_CNTL */
#define IH_RB_CNTL_RB_ENABLE		FIELD(0, 1)
#define IH_RB_CNTL_RB_SIZE		FIELD(1, 5)	/* log2(ring dwords) */
#define IH_RB_CNTL_WPTR_WRITEBACK_ENABLE FIELD(8, 1)
#define IH_RB_CNTL_RB_FULL_DRAIN_ENABLE	FIELD(9, 1)
#define IH_RB_CNTL_WPTR_OVERFLOW_ENABLE	FIELD(16, 1)
#define IH_RB_CNTL_ENABLE_INTR		FIELD(17, 1)
#define IH_RB_CNTL_MC_SNOOP		FIELD(20, 1)
#define IH_RB_CNTL_RPTR_REARM		FIELD(21, 1)
#define IH_RB_CNTL_MC_VMID		FIELD(24, 4)
#define IH_RB_CNTL_WPTR_OVERFLOW_CLEAR	FIELD(31, 1)

/* IH_RB_WPTR: byte offset of the next entry the IH will write. */
#define IH_RB_WPTR_RB_OVERFLOW		FIELD(0, 1)
#define IH_RB_WPTR_OFFSET		FIELD(2, 16)

/* IH_DOORBELL_RPTR */
#define IH_DOORBELL_RPTR_OFFSET		FIELD(0, 26)
#define IH_DOORBELL_RPTR_ENABLE		FIELD(28, 1)

#endif

/*
 * HDP 5.0 (host data path) registers.
 * Offsets: Linux drivers/gpu/drm/amd/include/asic_reg/hdp/hdp_5_0_0_offset.h;
 * use: amdgpu/hdp_v5_0.c.
 */
#ifndef AMD_HDP_5_0_REG_H
#define AMD_HDP_5_0_REG_H

#include "amd_reg.h"

#define HDP_REG_LIST(X)					\
	X(HDP_NONSURFACE_BASE,		0, 0x0040)	\
	X(HDP_NONSURFACE_BASE_HI,	0, 0x0042)	\
	X(HDP_READ_CACHE_INVALIDATE,	0, 0x00d1)	\
	X(HDP_MISC_CNTL,		0, 0x00d3)	\
	X(HDP_MEM_POWER_CTRL,		0, 0x00d4)	\
	X(HDP_CLK_CNTL,			0, 0x00d8)

#define AMD_ENUM_HDP(name, seg, off) name = AMDREG(IP_HDP, seg, off),
enum hdp_reg { HDP_REG_LIST(AMD_ENUM_HDP) };
#undef AMD_ENUM_HDP

#endif

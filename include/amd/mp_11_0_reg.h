/*
 * MP0 (PSP) and MP1 (SMU) mailbox registers, MP 11.0.
 * Offsets: Linux drivers/gpu/drm/amd/include/asic_reg/mp/mp_11_0_offset.h;
 * use: amdgpu/psp_v11_0.c, pm/swsmu/smu11/smu_v11_0.c, smu_cmn.c.
 */
#ifndef AMD_MP_11_0_REG_H
#define AMD_MP_11_0_REG_H

#include "amd_reg.h"

#define MP0_REG_LIST(X)				\
	X(MP0_SMN_C2PMSG_33,	0, 0x0061)	\
	X(MP0_SMN_C2PMSG_35,	0, 0x0063)	\
	X(MP0_SMN_C2PMSG_36,	0, 0x0064)	\
	X(MP0_SMN_C2PMSG_64,	0, 0x0080)	\
	X(MP0_SMN_C2PMSG_67,	0, 0x0083)	\
	X(MP0_SMN_C2PMSG_69,	0, 0x0085)	\
	X(MP0_SMN_C2PMSG_70,	0, 0x0086)	\
	X(MP0_SMN_C2PMSG_71,	0, 0x0087)	\
	X(MP0_SMN_C2PMSG_81,	0, 0x0091)	\
	X(MP0_SMN_C2PMSG_101,	0, 0x00a5)	\
	X(MP0_SMN_C2PMSG_102,	0, 0x00a6)	\
	X(MP0_SMN_C2PMSG_103,	0, 0x00a7)

#define MP1_REG_LIST(X)				\
	X(MP1_SMN_C2PMSG_66,	0, 0x0282)	\
	X(MP1_SMN_C2PMSG_82,	0, 0x0292)	\
	X(MP1_SMN_C2PMSG_90,	0, 0x029a)

#define AMD_ENUM_MP0(name, seg, off) name = AMDREG(IP_MP0, seg, off),
#define AMD_ENUM_MP1(name, seg, off) name = AMDREG(IP_MP1, seg, off),
enum mp0_reg { MP0_REG_LIST(AMD_ENUM_MP0) };
enum mp1_reg { MP1_REG_LIST(AMD_ENUM_MP1) };
#undef AMD_ENUM_MP0
#undef AMD_ENUM_MP1

/* PSP mailbox roles (psp_v11_0.c) */
#define PSP_BL_MSG		MP0_SMN_C2PMSG_35	/* bootloader command / ready bit 31 */
#define PSP_BL_ADDR		MP0_SMN_C2PMSG_36	/* fw_pri buffer MC address >> 20 */
#define PSP_IFWI_STATUS		MP0_SMN_C2PMSG_33	/* bit 31: IFWI init done */
#define PSP_RING_CTL		MP0_SMN_C2PMSG_64	/* ring control command / response */
#define PSP_RING_WPTR		MP0_SMN_C2PMSG_67	/* KM ring write pointer (dwords) */
#define PSP_RING_ADDR_LO	MP0_SMN_C2PMSG_69
#define PSP_RING_ADDR_HI	MP0_SMN_C2PMSG_70
#define PSP_RING_SIZE		MP0_SMN_C2PMSG_71
#define PSP_SOS_ALIVE		MP0_SMN_C2PMSG_81	/* sOS sign of life: non-zero once running */

#define PSP_MBOX_READY		(1u << 31)
#define PSP_MBOX_STATUS_MASK	0xffffu

/* SMU mailbox roles (smu_cmn.c: C2PMSG_66 message, 82 argument, 90 response) */
#define SMU_MSG_REG		MP1_SMN_C2PMSG_66
#define SMU_ARG_REG		MP1_SMN_C2PMSG_82
#define SMU_RESP_REG		MP1_SMN_C2PMSG_90

/*
 * MP1 firmware flags live only in SMN space: the driver reads them through
 * NBIO's PCIE_INDEX2/PCIE_DATA2 window at MP1_Public | smnMP1_FIRMWARE_FLAGS
 * (Linux pm/swsmu/inc/smu_v11_0.h, smu_v11_0.c smu_v11_0_check_fw_status).
 */
#define SMN_MP1_PUBLIC			0x03b00000u
#define SMN_MP1_FIRMWARE_FLAGS		(SMN_MP1_PUBLIC | 0x3010024u)
#define MP1_FIRMWARE_FLAGS_INTERRUPTS_ENABLED (1u << 0)

#endif

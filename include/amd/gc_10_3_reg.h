/*
 * GC 10.3 (Navi 2x graphics core) registers: CP, HQD, GRBM, RLC, GFXHUB and
 * the SDMA 5.2 engines, whose registers sit in the GC segment.
 *
 * Offsets and BASE_IDX: Linux drivers/gpu/drm/amd/include/asic_reg/gc/
 * gc_10_3_0_offset.h.  Fields: gc_10_3_0_sh_mask.h, and where a field was
 * only found in a neighbouring generation it says so.  Mesa's
 * src/amd/registers/gfx103.json is the independent cross-check (tests/unit/
 * test_regs_mesa.c) for the registers it lists.
 */
#ifndef AMD_GC_10_3_REG_H
#define AMD_GC_10_3_REG_H

#include "amd_reg.h"

#define GC_REG_LIST(X)							\
	/* GRBM */							\
	X(GRBM_STATUS2,				0, 0x0da2)		\
	X(GRBM_STATUS,				0, 0x0da4)		\
	X(GRBM_SOFT_RESET,			0, 0x0da8)		\
	X(GRBM_GFX_CNTL,			0, 0x0dc2)		\
	/* CP micro-engine control and status */			\
	X(CP_STAT,				0, 0x0f40)		\
	X(CP_MEC_CNTL,				0, 0x0f55)		\
	X(CP_ME_CNTL,				0, 0x0f56)		\
	X(CP_RB0_RPTR,				0, 0x0f60)		\
	X(CP_RB_WPTR_DELAY,			0, 0x0f61)		\
	/* GC configuration (read by RADV through READ_MMR_REG) */	\
	X(CC_GC_SHADER_ARRAY_CONFIG,		0, 0x100f)		\
	X(GC_USER_SHADER_ARRAY_CONFIG,		0, 0x1010)		\
	X(SH_MEM_BASES,				0, 0x10aa)		\
	X(SH_MEM_CONFIG,			0, 0x10ad)		\
	X(CC_RB_BACKEND_DISABLE,		0, 0x13dd)		\
	X(GB_ADDR_CONFIG,			0, 0x13de)		\
	X(GC_USER_RB_BACKEND_DISABLE,		0, 0x147f)		\
	/* GFXHUB: VM L2, contexts, invalidation engines, apertures */	\
	X(GCVM_L2_CNTL,				0, 0x15bc)		\
	X(GCVM_L2_CNTL2,			0, 0x15bd)		\
	X(GCVM_L2_CNTL3,			0, 0x15be)		\
	X(GCVM_L2_PROTECTION_FAULT_CNTL,	0, 0x15c4)		\
	X(GCVM_L2_PROTECTION_FAULT_CNTL2,	0, 0x15c5)		\
	X(GCVM_L2_PROTECTION_FAULT_STATUS,	0, 0x15c8)		\
	X(GCVM_L2_PROTECTION_FAULT_ADDR_LO32,	0, 0x15c9)		\
	X(GCVM_L2_PROTECTION_FAULT_ADDR_HI32,	0, 0x15ca)		\
	X(GCVM_L2_PROTECTION_FAULT_DEFAULT_ADDR_LO32, 0, 0x15cb)	\
	X(GCVM_L2_PROTECTION_FAULT_DEFAULT_ADDR_HI32, 0, 0x15cc)	\
	X(GCVM_L2_CNTL4,			0, 0x15d4)		\
	X(GCVM_L2_CNTL5,			0, 0x15dc)		\
	X(GCVM_CONTEXT0_CNTL,			0, 0x15fc)		\
	X(GCVM_INVALIDATE_ENG0_SEM,		0, 0x160d)		\
	X(GCVM_INVALIDATE_ENG0_REQ,		0, 0x161f)		\
	X(GCVM_INVALIDATE_ENG0_ACK,		0, 0x1631)		\
	X(GCVM_INVALIDATE_ENG0_ADDR_RANGE_LO32,	0, 0x1643)		\
	X(GCVM_INVALIDATE_ENG0_ADDR_RANGE_HI32,	0, 0x1644)		\
	X(GCVM_CONTEXT0_PAGE_TABLE_BASE_ADDR_LO32, 0, 0x1667)		\
	X(GCVM_CONTEXT0_PAGE_TABLE_BASE_ADDR_HI32, 0, 0x1668)		\
	X(GCVM_CONTEXT0_PAGE_TABLE_START_ADDR_LO32, 0, 0x1687)		\
	X(GCVM_CONTEXT0_PAGE_TABLE_START_ADDR_HI32, 0, 0x1688)		\
	X(GCVM_CONTEXT0_PAGE_TABLE_END_ADDR_LO32, 0, 0x16a7)		\
	X(GCVM_CONTEXT0_PAGE_TABLE_END_ADDR_HI32, 0, 0x16a8)		\
	X(GCMC_VM_FB_OFFSET,			0, 0x16e7)		\
	X(GCMC_VM_SYSTEM_APERTURE_DEFAULT_ADDR_LSB, 0, 0x16e8)		\
	X(GCMC_VM_SYSTEM_APERTURE_DEFAULT_ADDR_MSB, 0, 0x16e9)		\
	X(GCMC_VM_FB_LOCATION_BASE,		0, 0x16fc)		\
	X(GCMC_VM_FB_LOCATION_TOP,		0, 0x16fd)		\
	X(GCMC_VM_AGP_TOP,			0, 0x16fe)		\
	X(GCMC_VM_AGP_BOT,			0, 0x16ff)		\
	X(GCMC_VM_AGP_BASE,			0, 0x1700)		\
	X(GCMC_VM_SYSTEM_APERTURE_LOW_ADDR,	0, 0x1701)		\
	X(GCMC_VM_SYSTEM_APERTURE_HIGH_ADDR,	0, 0x1702)		\
	X(GCMC_VM_MX_L1_TLB_CNTL,		0, 0x1703)		\
	/* CP gfx ring 0 */						\
	X(CP_RB0_BASE,				0, 0x1de0)		\
	X(CP_RB0_CNTL,				0, 0x1de1)		\
	X(CP_RB0_RPTR_ADDR,			0, 0x1de3)		\
	X(CP_RB0_RPTR_ADDR_HI,			0, 0x1de4)		\
	X(CP_RB_VMID,				0, 0x1df1)		\
	X(CP_RB0_WPTR,				0, 0x1df4)		\
	X(CP_RB0_WPTR_HI,			0, 0x1df5)		\
	X(CP_RB_DOORBELL_RANGE_LOWER,		0, 0x1dfa)		\
	X(CP_RB_DOORBELL_RANGE_UPPER,		0, 0x1dfb)		\
	X(CP_MEC_DOORBELL_RANGE_LOWER,		0, 0x1dfc)		\
	X(CP_MEC_DOORBELL_RANGE_UPPER,		0, 0x1dfd)		\
	X(CP_INT_CNTL_RING0,			0, 0x1e0a)		\
	X(CP_PQ_WPTR_POLL_CNTL,			0, 0x1e23)		\
	X(CP_RB0_BASE_HI,			0, 0x1e51)		\
	X(CP_GFX_HQD_ACTIVE,			0, 0x1e80)		\
	X(CP_RB_WPTR_POLL_ADDR_LO,		0, 0x1e8b)		\
	X(CP_RB_WPTR_POLL_ADDR_HI,		0, 0x1e8c)		\
	X(CP_RB_DOORBELL_CONTROL,		0, 0x1e8d)		\
	X(CP_RB_ACTIVE,				0, 0x1f40)		\
	/* CP compute hardware queue descriptor (HQD), banked by	\
	 * GRBM_GFX_CNTL's me/pipe/queue selection */			\
	X(CP_MQD_BASE_ADDR,			0, 0x1fa9)		\
	X(CP_MQD_BASE_ADDR_HI,			0, 0x1faa)		\
	X(CP_HQD_ACTIVE,			0, 0x1fab)		\
	X(CP_HQD_VMID,				0, 0x1fac)		\
	X(CP_HQD_PERSISTENT_STATE,		0, 0x1fad)		\
	X(CP_HQD_PIPE_PRIORITY,			0, 0x1fae)		\
	X(CP_HQD_QUEUE_PRIORITY,		0, 0x1faf)		\
	X(CP_HQD_QUANTUM,			0, 0x1fb0)		\
	X(CP_HQD_PQ_BASE,			0, 0x1fb1)		\
	X(CP_HQD_PQ_BASE_HI,			0, 0x1fb2)		\
	X(CP_HQD_PQ_RPTR,			0, 0x1fb3)		\
	X(CP_HQD_PQ_RPTR_REPORT_ADDR,		0, 0x1fb4)		\
	X(CP_HQD_PQ_RPTR_REPORT_ADDR_HI,	0, 0x1fb5)		\
	X(CP_HQD_PQ_WPTR_POLL_ADDR,		0, 0x1fb6)		\
	X(CP_HQD_PQ_WPTR_POLL_ADDR_HI,		0, 0x1fb7)		\
	X(CP_HQD_PQ_DOORBELL_CONTROL,		0, 0x1fb8)		\
	X(CP_HQD_PQ_CONTROL,			0, 0x1fba)		\
	X(CP_HQD_IB_CONTROL,			0, 0x1fbe)		\
	X(CP_HQD_DEQUEUE_REQUEST,		0, 0x1fc1)		\
	X(CP_HQD_HQ_STATUS0,			0, 0x1fc9)		\
	X(CP_HQD_HQ_CONTROL0,			0, 0x1fca)		\
	X(CP_MQD_CONTROL,			0, 0x1fcb)		\
	X(CP_HQD_EOP_BASE_ADDR,			0, 0x1fce)		\
	X(CP_HQD_EOP_BASE_ADDR_HI,		0, 0x1fcf)		\
	X(CP_HQD_EOP_CONTROL,			0, 0x1fd0)		\
	X(CP_HQD_PQ_WPTR_LO,			0, 0x1fdf)		\
	X(CP_HQD_PQ_WPTR_HI,			0, 0x1fe0)		\
	/* Compute dispatch state, SH register space.  Source: Mesa	\
	 * gfx103.json (byte address / 4 - GC seg0 base); the Mesa test	\
	 * checks the transcription. */				\
	X(COMPUTE_DISPATCH_INITIATOR,		0, 0x1ba0)		\
	X(COMPUTE_DIM_X,			0, 0x1ba1)		\
	X(COMPUTE_DIM_Y,			0, 0x1ba2)		\
	X(COMPUTE_DIM_Z,			0, 0x1ba3)		\
	X(COMPUTE_NUM_THREAD_X,			0, 0x1ba7)		\
	X(COMPUTE_NUM_THREAD_Y,			0, 0x1ba8)		\
	X(COMPUTE_NUM_THREAD_Z,			0, 0x1ba9)		\
	X(COMPUTE_PGM_LO,			0, 0x1bac)		\
	X(COMPUTE_PGM_HI,			0, 0x1bad)		\
	X(COMPUTE_PGM_RSRC1,			0, 0x1bb2)		\
	X(COMPUTE_PGM_RSRC2,			0, 0x1bb3)		\
	X(COMPUTE_RESOURCE_LIMITS,		0, 0x1bb5)		\
	X(COMPUTE_TMPRING_SIZE,			0, 0x1bb8)		\
	X(COMPUTE_PGM_RSRC3,			0, 0x1bc8)		\
	X(COMPUTE_USER_DATA_0,			0, 0x1be0)		\
	X(COMPUTE_START_X,			0, 0x1ba4)		\
	X(COMPUTE_START_Y,			0, 0x1ba5)		\
	X(COMPUTE_START_Z,			0, 0x1ba6)		\
	X(COMPUTE_DISPATCH_SCRATCH_BASE_LO,		0, 0x1bb0)		\
	X(COMPUTE_DISPATCH_SCRATCH_BASE_HI,		0, 0x1bb1)		\
	X(COMPUTE_VMID,			0, 0x1bb4)		\
	X(COMPUTE_DISPATCH_TUNNEL,			0, 0x1c1d)		\
	X(COMPUTE_USER_DATA_1,			0, 0x1be1)		\
	X(COMPUTE_USER_DATA_2,			0, 0x1be2)		\
	X(COMPUTE_USER_DATA_3,			0, 0x1be3)		\
	X(COMPUTE_USER_DATA_4,			0, 0x1be4)		\
	X(COMPUTE_USER_DATA_5,			0, 0x1be5)		\
	X(COMPUTE_USER_DATA_6,			0, 0x1be6)		\
	X(COMPUTE_USER_DATA_7,			0, 0x1be7)		\
	X(COMPUTE_USER_DATA_8,			0, 0x1be8)		\
	X(COMPUTE_USER_DATA_9,			0, 0x1be9)		\
	X(COMPUTE_USER_DATA_10,			0, 0x1bea)		\
	X(COMPUTE_USER_DATA_11,			0, 0x1beb)		\
	X(COMPUTE_USER_DATA_12,			0, 0x1bec)		\
	X(COMPUTE_USER_DATA_13,			0, 0x1bed)		\
	X(COMPUTE_USER_DATA_14,			0, 0x1bee)		\
	X(COMPUTE_USER_DATA_15,			0, 0x1bef)		\
	/* RLC */							\
	X(RLC_CNTL,				1, 0x4c00)		\
	X(RLC_STAT,				1, 0x4c04)		\
	X(RLC_CGCG_CGLS_CTRL,			1, 0x4c49)		\
	X(RLC_SAFE_MODE,			1, 0x4ca0)		\
	X(RLC_CP_SCHEDULERS,			1, 0x4ca1)		\
	/* UCONFIG space: scratch registers (ring tests write these) */	\
	X(SCRATCH_REG0,				1, 0x2040)		\
	X(SCRATCH_REG1,				1, 0x2041)		\
	X(SCRATCH_REG2,				1, 0x2042)		\
	X(SCRATCH_REG3,				1, 0x2043)		\
	X(SCRATCH_REG4,				1, 0x2044)		\
	X(SCRATCH_REG5,				1, 0x2045)		\
	X(SCRATCH_REG6,				1, 0x2046)		\
	X(SCRATCH_REG7,				1, 0x2047)		\
	X(GRBM_GFX_INDEX,			1, 0x2200)		\
	X(CP_COHER_CNTL,			1, 0x207c)		\
	X(CP_COHER_SIZE,			1, 0x207d)		\
	X(CP_COHER_BASE,			1, 0x207e)		\
	/* SDMA0 (SDMA1 is the same block SDMA_INST_STRIDE dwords on) */ \
	X(SDMA0_CNTL,				0, 0x001c)		\
	X(SDMA0_SEM_WAIT_FAIL_TIMER_CNTL,	0, 0x0021)		\
	X(SDMA0_STATUS_REG,			0, 0x0025)		\
	X(SDMA0_F32_CNTL,			0, 0x002a)		\
	X(SDMA0_UTCL1_CNTL,			0, 0x003c)		\
	X(SDMA0_UTCL1_PAGE,			0, 0x0048)		\
	X(SDMA0_GFX_RB_CNTL,			0, 0x0080)		\
	X(SDMA0_GFX_RB_BASE,			0, 0x0081)		\
	X(SDMA0_GFX_RB_BASE_HI,			0, 0x0082)		\
	X(SDMA0_GFX_RB_RPTR,			0, 0x0083)		\
	X(SDMA0_GFX_RB_RPTR_HI,			0, 0x0084)		\
	X(SDMA0_GFX_RB_WPTR,			0, 0x0085)		\
	X(SDMA0_GFX_RB_WPTR_HI,			0, 0x0086)		\
	X(SDMA0_GFX_RB_WPTR_POLL_CNTL,		0, 0x0087)		\
	X(SDMA0_GFX_RB_RPTR_ADDR_HI,		0, 0x0088)		\
	X(SDMA0_GFX_RB_RPTR_ADDR_LO,		0, 0x0089)		\
	X(SDMA0_GFX_IB_CNTL,			0, 0x008a)		\
	X(SDMA0_GFX_DOORBELL,			0, 0x0092)		\
	X(SDMA0_GFX_CONTEXT_CNTL,		0, 0x0093)		\
	X(SDMA0_GFX_DOORBELL_OFFSET,		0, 0x00ab)		\
	X(SDMA0_GFX_RB_WPTR_POLL_ADDR_HI,	0, 0x00b2)		\
	X(SDMA0_GFX_RB_WPTR_POLL_ADDR_LO,	0, 0x00b3)		\
	X(SDMA0_GFX_MINOR_PTR_UPDATE,		0, 0x00b5)

#define AMD_ENUM_GC(name, seg, off) name = AMDREG(IP_GC, seg, off),
enum gc_reg { GC_REG_LIST(AMD_ENUM_GC) };
#undef AMD_ENUM_GC

/* Per-instance, per-VMID and per-engine strides (dwords). */
#define SDMA_INST_STRIDE	0x600	/* SDMA1 = SDMA0 + 0x600 (Linux sdma_v5_2.c sdma_v5_2_get_reg_offset) */
#define GCVM_CTX_STRIDE		1	/* CONTEXTn_CNTL */
#define GCVM_CTX_ADDR_STRIDE	2	/* CONTEXTn_PAGE_TABLE_*_LO32/HI32 pairs */
#define GCVM_ENG_STRIDE		1	/* INVALIDATE_ENGn_SEM/REQ/ACK */
#define GCVM_ENG_ADDR_STRIDE	2	/* INVALIDATE_ENGn_ADDR_RANGE pairs */
#define GCVM_NUM_VMID		16
#define GCVM_NUM_ENG		18
#define SCRATCH_REG_COUNT	8

/* GRBM_GFX_CNTL: selects the banked HQD registers (gfx_v10_0.c nv_grbm_select). */
#define GRBM_GFX_CNTL_PIPEID		FIELD(0, 2)
#define GRBM_GFX_CNTL_MEID		FIELD(2, 2)
#define GRBM_GFX_CNTL_VMID		FIELD(4, 4)
#define GRBM_GFX_CNTL_QUEUEID		FIELD(8, 3)

/* GRBM_GFX_INDEX: selects the SE/SA/instance that banked registers (the
 * harvest configuration among them) answer for (Mesa gfx103.json). */
#define GRBM_GFX_INDEX_INSTANCE_INDEX	FIELD(0, 8)
#define GRBM_GFX_INDEX_SA_INDEX		FIELD(8, 8)
#define GRBM_GFX_INDEX_SE_INDEX		FIELD(16, 8)
#define GRBM_GFX_INDEX_SA_BROADCAST_WRITES FIELD(29, 1)
#define GRBM_GFX_INDEX_INSTANCE_BROADCAST_WRITES FIELD(30, 1)
#define GRBM_GFX_INDEX_SE_BROADCAST_WRITES FIELD(31, 1)

/* CC_GC_SHADER_ARRAY_CONFIG / GC_USER_SHADER_ARRAY_CONFIG: one bit per
 * disabled WGP of the selected SA (gc_10_3_0_sh_mask.h INACTIVE_WGPS, used
 * by gfx_v10_0.c gfx_v10_0_get_wgp_active_bitmap_per_sh). */
#define SHADER_ARRAY_CONFIG_INACTIVE_WGPS FIELD(16, 16)

/* GRBM_SOFT_RESET (gc_9_0/gc_10_1 sh_mask.h layout) */
#define GRBM_SOFT_RESET_CP		FIELD(0, 1)
#define GRBM_SOFT_RESET_GFX		FIELD(16, 1)
#define GRBM_SOFT_RESET_CPF		FIELD(17, 1)
#define GRBM_SOFT_RESET_CPC		FIELD(18, 1)
#define GRBM_SOFT_RESET_CPG		FIELD(19, 1)

/* GRBM_STATUS */
#define GRBM_STATUS_CP_BUSY		FIELD(29, 1)
#define GRBM_STATUS_GUI_ACTIVE		FIELD(31, 1)

/* CP_ME_CNTL: halt bits of the gfx micro engines. */
#define CP_ME_CNTL_CE_HALT		FIELD(24, 1)
#define CP_ME_CNTL_PFP_HALT		FIELD(26, 1)
#define CP_ME_CNTL_ME_HALT		FIELD(28, 1)

/* CP_MEC_CNTL: halt bits of the compute micro engines. */
#define CP_MEC_CNTL_MEC_ME2_HALT	FIELD(28, 1)
#define CP_MEC_CNTL_MEC_ME1_HALT	FIELD(30, 1)

/* CP_RB0_CNTL */
#define CP_RB0_CNTL_RB_BUFSZ		FIELD(0, 6)	/* log2(ring bytes / 8) */
#define CP_RB0_CNTL_RB_BLKSZ		FIELD(8, 6)
#define CP_RB0_CNTL_MIN_AVAILSZ		FIELD(20, 2)
#define CP_RB0_CNTL_RB_NO_UPDATE	FIELD(27, 1)
#define CP_RB0_CNTL_RB_RPTR_WR_ENA	FIELD(31, 1)

/* CP_RB_DOORBELL_CONTROL and CP_HQD_PQ_DOORBELL_CONTROL share the layout. */
#define CP_DOORBELL_OFFSET		FIELD(2, 26)	/* dword index in the doorbell BAR */
#define CP_DOORBELL_EN			FIELD(30, 1)
#define CP_DOORBELL_HIT			FIELD(31, 1)
/* CP_*_DOORBELL_RANGE_LOWER/UPPER hold a byte offset in [27:2]. */
#define CP_DOORBELL_RANGE		FIELD(2, 26)

/* CP_INT_CNTL_RING0 */
#define CP_INT_CNTL_PRIV_REG_INT_ENABLE	FIELD(23, 1)
#define CP_INT_CNTL_PRIV_INSTR_INT_ENABLE FIELD(22, 1)
#define CP_INT_CNTL_TIME_STAMP_INT_ENABLE FIELD(26, 1)	/* end-of-pipe */

/* CP_HQD_PQ_CONTROL */
#define CP_HQD_PQ_CONTROL_QUEUE_SIZE	FIELD(0, 6)	/* log2(bytes / 4) - 1 */
#define CP_HQD_PQ_CONTROL_RPTR_BLOCK_SIZE FIELD(8, 6)
#define CP_HQD_PQ_CONTROL_UNORD_DISPATCH FIELD(28, 1)
#define CP_HQD_PQ_CONTROL_PRIV_STATE	FIELD(30, 1)
#define CP_HQD_PQ_CONTROL_KMD_QUEUE	FIELD(31, 1)
/* CP_HQD_EOP_CONTROL */
#define CP_HQD_EOP_CONTROL_EOP_SIZE	FIELD(0, 6)
/* CP_HQD_ACTIVE */
#define CP_HQD_ACTIVE_ACTIVE		FIELD(0, 1)
/* CP_HQD_DEQUEUE_REQUEST */
#define CP_HQD_DEQUEUE_REQUEST_DEQUEUE_REQ FIELD(0, 2)
/* CP_MQD_CONTROL */
#define CP_MQD_CONTROL_VMID		FIELD(0, 4)
/* CP_HQD_PERSISTENT_STATE */
#define CP_HQD_PERSISTENT_STATE_PRELOAD_SIZE FIELD(8, 10)

/* GCVM_CONTEXTn_CNTL (mmhub_2_0_0_sh_mask.h; the GC hub uses the same names) */
#define VM_CONTEXT_CNTL_ENABLE_CONTEXT		FIELD(0, 1)
#define VM_CONTEXT_CNTL_PAGE_TABLE_DEPTH	FIELD(1, 2)
#define VM_CONTEXT_CNTL_PAGE_TABLE_BLOCK_SIZE	FIELD(3, 4)
#define VM_CONTEXT_CNTL_RETRY_PERMISSION_OR_INVALID_PAGE_FAULT FIELD(7, 1)
#define VM_CONTEXT_CNTL_FAULT_ENABLES		FIELD(9, 14)	/* RANGE..EXECUTE interrupt/default pairs */

/* GCVM_INVALIDATE_ENGn_REQ / _ACK */
#define VM_INV_REQ_PER_VMID		FIELD(0, 16)
#define VM_INV_REQ_FLUSH_TYPE		FIELD(16, 3)
#define VM_INV_REQ_INVALIDATE_L2_PTES	FIELD(19, 1)
#define VM_INV_REQ_INVALIDATE_L2_PDE0	FIELD(20, 1)
#define VM_INV_REQ_INVALIDATE_L2_PDE1	FIELD(21, 1)
#define VM_INV_REQ_INVALIDATE_L2_PDE2	FIELD(22, 1)
#define VM_INV_REQ_INVALIDATE_L1_PTES	FIELD(23, 1)
#define VM_INV_ACK_PER_VMID		FIELD(0, 16)
#define VM_INV_ACK_SEMAPHORE		FIELD(16, 1)

/* GCVM_L2_PROTECTION_FAULT_STATUS */
#define VM_FAULT_STATUS_MORE_FAULTS	FIELD(0, 1)
#define VM_FAULT_STATUS_WALKER_ERROR	FIELD(1, 3)
#define VM_FAULT_STATUS_PERMISSION_FAULTS FIELD(4, 4)
#define VM_FAULT_STATUS_MAPPING_ERROR	FIELD(8, 1)
#define VM_FAULT_STATUS_CID		FIELD(9, 9)
#define VM_FAULT_STATUS_RW		FIELD(18, 1)
#define VM_FAULT_STATUS_VMID		FIELD(20, 4)
/*
 * GFXHUB UTCL2 client ids, the CID field above (Linux gfxhub_v2_1.c
 * gfxhub_client_ids[]; Mesa ac_debug.c gfx10_gfxhub_client_ids[]).
 */
#define UTCL2_CID_CB_DB		0
#define UTCL2_CID_GE1		2
#define UTCL2_CID_GE2		3
#define UTCL2_CID_CPF		4	/* CP fetcher: rings and IBs */
#define UTCL2_CID_CPC		5	/* CP compute (MEC) */
#define UTCL2_CID_CPG		6	/* CP graphics (ME/PFP) memory access */
#define UTCL2_CID_RLC		7
#define UTCL2_CID_TCP		8	/* shader vector memory */
#define UTCL2_CID_SQC_INST	9
#define UTCL2_CID_SQC_DATA	10
#define UTCL2_CID_SQG		11
#define UTCL2_CID_SDMA0		13
#define UTCL2_CID_SDMA1		14
#define UTCL2_CID_GCR		15

/* GCVM_L2_PROTECTION_FAULT_CNTL */
#define VM_FAULT_CNTL_CLEAR_PROTECTION_FAULT_STATUS_ADDR FIELD(0, 1)

/* GCMC_VM_MX_L1_TLB_CNTL */
#define MC_VM_MX_L1_TLB_CNTL_ENABLE_L1_TLB	FIELD(0, 1)
#define MC_VM_MX_L1_TLB_CNTL_SYSTEM_ACCESS_MODE	FIELD(3, 2)
#define MC_VM_MX_L1_TLB_CNTL_ENABLE_ADVANCED_DRIVER_MODEL FIELD(6, 1)
#define MC_VM_MX_L1_TLB_CNTL_MTYPE		FIELD(11, 3)
/* GCVM_L2_CNTL */
#define VM_L2_CNTL_ENABLE_L2_CACHE		FIELD(0, 1)
#define VM_L2_CNTL_ENABLE_L2_FRAGMENT_PROCESSING FIELD(1, 1)

/* SDMA0_GFX_RB_CNTL (field widths: sdma 5.x sh_mask; RB_SIZE is [5:1]) */
#define SDMA_RB_CNTL_RB_ENABLE		FIELD(0, 1)
#define SDMA_RB_CNTL_RB_SIZE		FIELD(1, 5)	/* log2(ring bytes / 4) */
#define SDMA_RB_CNTL_RPTR_WRITEBACK_ENABLE FIELD(12, 1)
#define SDMA_RB_CNTL_RPTR_WRITEBACK_TIMER FIELD(16, 5)
#define SDMA_RB_CNTL_RB_PRIV		FIELD(23, 1)
#define SDMA_RB_CNTL_RB_VMID		FIELD(24, 4)
/* SDMA0_GFX_IB_CNTL */
#define SDMA_IB_CNTL_IB_ENABLE		FIELD(0, 1)
/* SDMA0_GFX_DOORBELL / _OFFSET */
#define SDMA_DOORBELL_ENABLE		FIELD(28, 1)
#define SDMA_DOORBELL_OFFSET		FIELD(2, 26)
/* SDMA0_GFX_RB_WPTR_POLL_CNTL */
#define SDMA_WPTR_POLL_CNTL_F32_POLL_ENABLE FIELD(2, 1)
/* SDMA0_F32_CNTL */
#define SDMA_F32_CNTL_HALT		FIELD(0, 1)
/* SDMA0_CNTL */
#define SDMA_CNTL_TRAP_ENABLE		FIELD(0, 1)
#define SDMA_CNTL_UTC_L1_ENABLE		FIELD(1, 1)
#define SDMA_CNTL_MIDCMD_PREEMPT_ENABLE	FIELD(5, 1)
/* SDMA0_STATUS_REG */
#define SDMA_STATUS_IDLE		FIELD(0, 1)
#define SDMA_STATUS_RB_EMPTY		FIELD(2, 1)

/* GB_ADDR_CONFIG (Mesa gfx103.json) */
#define GB_ADDR_CONFIG_NUM_PIPES		FIELD(0, 3)
#define GB_ADDR_CONFIG_PIPE_INTERLEAVE_SIZE	FIELD(3, 3)
#define GB_ADDR_CONFIG_MAX_COMPRESSED_FRAGS	FIELD(6, 2)
#define GB_ADDR_CONFIG_NUM_PKRS			FIELD(8, 3)
#define GB_ADDR_CONFIG_NUM_SHADER_ENGINES	FIELD(19, 2)
#define GB_ADDR_CONFIG_NUM_RB_PER_SE		FIELD(26, 2)

/*
 * Compute dispatch state (SH space), as the CP reads it at DISPATCH_DIRECT/
 * _INDIRECT.  Fields: Mesa src/amd/registers/gfx103.json, summarised in
 * navi23-facts.md §6.4.
 */
#define COMPUTE_SH_FIRST	COMPUTE_DISPATCH_INITIATOR	/* 0x1ba0 ... */
#define COMPUTE_SH_COUNT	0x60				/* ... 0x1bff */
/* COMPUTE_DISPATCH_INITIATOR (written by the DISPATCH packet) */
#define DISPATCH_INIT_COMPUTE_SHADER_EN	FIELD(0, 1)
#define DISPATCH_INIT_PARTIAL_TG_EN	FIELD(1, 1)
#define DISPATCH_INIT_FORCE_START_AT_000 FIELD(2, 1)
#define DISPATCH_INIT_USE_THREAD_DIMENSIONS FIELD(5, 1)	/* dims count threads */
#define DISPATCH_INIT_CS_W32_EN		FIELD(15, 1)	/* wave32, else wave64 */
/* COMPUTE_NUM_THREAD_X/Y/Z */
#define NUM_THREAD_FULL			FIELD(0, 16)
#define NUM_THREAD_PARTIAL		FIELD(16, 16)
/* COMPUTE_PGM_HI: address bits [47:40]; LO holds [39:8] */
#define COMPUTE_PGM_HI_DATA		FIELD(0, 8)
#define COMPUTE_PGM_SHIFT		8
/* COMPUTE_PGM_RSRC1 */
#define PGM_RSRC1_VGPRS			FIELD(0, 6)
#define PGM_RSRC1_FLOAT_MODE		FIELD(12, 8)	/* MODE [7:0]: round, denorm */
#define PGM_RSRC1_DX10_CLAMP		FIELD(21, 1)
#define PGM_RSRC1_IEEE_MODE		FIELD(23, 1)
/* COMPUTE_PGM_RSRC2 */
#define PGM_RSRC2_SCRATCH_EN		FIELD(0, 1)
#define PGM_RSRC2_USER_SGPR		FIELD(1, 5)
#define PGM_RSRC2_TRAP_PRESENT		FIELD(6, 1)
#define PGM_RSRC2_TGID_X_EN		FIELD(7, 1)
#define PGM_RSRC2_TGID_Y_EN		FIELD(8, 1)
#define PGM_RSRC2_TGID_Z_EN		FIELD(9, 1)
#define PGM_RSRC2_TG_SIZE_EN		FIELD(10, 1)
#define PGM_RSRC2_TIDIG_COMP_CNT	FIELD(11, 2)	/* 0 X, 1 X,Y, 2 X,Y,Z */
#define PGM_RSRC2_LDS_SIZE		FIELD(15, 9)	/* 512-byte units */
#define PGM_RSRC2_LDS_UNIT		512
/* COMPUTE_PGM_RSRC3 (Mesa gfx103.json) */
#define PGM_RSRC3_SHARED_VGPR_CNT	FIELD(0, 4)	/* wave64, units of 8 */
#define PGM_RSRC3_SHARED_VGPR_UNIT	8
#define PGM_RSRC1_VGPRS_UNIT_W64	4	/* gfx10 wave64 VGPR granule */
/* COMPUTE_TMPRING_SIZE: the scratch ring's wave slots (gfx103.json) */
#define TMPRING_WAVES			FIELD(0, 12)	/* slots in the ring */
#define TMPRING_WAVESIZE		FIELD(12, 13)	/* bytes per slot / 1024 */
#define TMPRING_WAVESIZE_UNIT		1024	/* gfx10.3 (RADV: 256 on gfx11) */
#define COMPUTE_USER_DATA_COUNT		16

#endif

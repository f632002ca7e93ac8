/*
 * PM4 command packets as the gfx10.3 command processor (CP: PFP/ME on the
 * gfx ring, MEC on compute queues) reads them: the type-3 header, opcodes
 * and the field layouts of the packets the driver emits and the model runs.
 *
 * Sources: Linux drivers/gpu/drm/amd/amdgpu/nvd.h (PACKET3_* opcodes and
 * field macros), Mesa src/amd/common/sid.h (PKT3_* opcodes, header
 * macros, COPY_DATA/WAIT_REG_MEM/EOP selectors) and
 * src/amd/registers/pkt3.json, summarised in navi23-facts.md §6.
 * Opcode names are Mesa's, spelt exactly as sid.h spells them, so a test
 * can match PKT3_OPCODE_LIST against .cache/mesa-ref/sid.h by name.
 */
#ifndef AMD_PM4_H
#define AMD_PM4_H

#include "amd_reg.h"

/* --- Header (nvd.h PACKET3(), sid.h PKT3()) -------------------------------- */
#define PM4_TYPE		FIELD(30, 2)	/* 0 register write, 2 filler, 3 command */
#define PM4_COUNT		FIELD(16, 14)	/* payload dwords - 1 */
#define PM4_OPCODE		FIELD(8, 8)	/* IT_OPCODE (type 3) */
#define PM4_RESET_FILTER_CAM	FIELD(2, 1)
#define PM4_SHADER_TYPE		FIELD(1, 1)	/* 1 = compute */
#define PM4_PREDICATE		FIELD(0, 1)
#define PM4_TYPE0_REG		FIELD(0, 16)	/* type 0: register dword index */

/* A type-3 header for `ndw` payload dwords (the header not counted). */
#define PM4_TYPE3_HDR(op, ndw)	(F_PREP(PM4_TYPE, 3) | F_PREP(PM4_COUNT, (ndw) - 1) | \
				F_PREP(PM4_OPCODE, op))
#define PM4_TYPE2_NOP		0x80000000u	/* filler dword */
/* A NOP header with count 0x3fff is a one-dword NOP ("header-only"; the
 * ring NOP of gfx_v10_0.c, sid.h PKT3_NOP_PAD). */
#define PM4_NOP_COUNT_HDR_ONLY	0x3fff

/* --- Opcodes (identical in nvd.h and sid.h; facts §6.2) -------------------- */
#define PKT3_OPCODE_LIST(X)						\
	X(NOP,				0x10)				\
	X(SET_BASE,			0x11)				\
	X(CLEAR_STATE,			0x12)				\
	X(INDEX_BUFFER_SIZE,		0x13)				\
	X(DISPATCH_DIRECT,		0x15)				\
	X(DISPATCH_INDIRECT,		0x16)				\
	X(ATOMIC_MEM,			0x1E)				\
	X(SET_PREDICATION,		0x20)				\
	X(COND_EXEC,			0x22)				\
	X(DRAW_INDIRECT,		0x24)				\
	X(DRAW_INDEX_INDIRECT,		0x25)				\
	X(INDEX_BASE,			0x26)				\
	X(DRAW_INDEX_2,			0x27)				\
	X(CONTEXT_CONTROL,		0x28)				\
	X(INDEX_TYPE,			0x2A)				\
	X(DRAW_INDIRECT_MULTI,		0x2C)				\
	X(DRAW_INDEX_AUTO,		0x2D)				\
	X(NUM_INSTANCES,		0x2F)				\
	X(INDIRECT_BUFFER_CONST,	0x33)				\
	X(STRMOUT_BUFFER_UPDATE,	0x34)				\
	X(DRAW_INDEX_OFFSET_2,		0x35)				\
	X(WRITE_DATA,			0x37)				\
	X(DRAW_INDEX_INDIRECT_MULTI,	0x38)				\
	X(MEM_SEMAPHORE,		0x39)				\
	X(WAIT_REG_MEM,			0x3C)				\
	X(INDIRECT_BUFFER_CIK,		0x3F)				\
	X(COPY_DATA,			0x40)				\
	X(CP_DMA,			0x41)				\
	X(PFP_SYNC_ME,			0x42)				\
	X(SURFACE_SYNC,			0x43)				\
	X(COND_WRITE,			0x45)				\
	X(EVENT_WRITE,			0x46)				\
	X(RELEASE_MEM,			0x49)				\
	X(DMA_DATA,			0x50)				\
	X(CONTEXT_REG_RMW,		0x51)				\
	X(ACQUIRE_MEM,			0x58)				\
	X(REWIND,			0x59)				\
	X(LOAD_UCONFIG_REG,		0x5E)				\
	X(LOAD_SH_REG,			0x5F)				\
	X(LOAD_CONTEXT_REG,		0x61)				\
	X(LOAD_SH_REG_INDEX,		0x63)				\
	X(SET_CONFIG_REG,		0x68)				\
	X(SET_CONTEXT_REG,		0x69)				\
	X(SET_SH_REG,			0x76)				\
	X(SET_SH_REG_OFFSET,		0x77)				\
	X(SET_UCONFIG_REG,		0x79)				\
	X(SET_UCONFIG_REG_INDEX,	0x7A)				\
	X(LOAD_CONST_RAM,		0x80)				\
	X(WRITE_CONST_RAM,		0x81)				\
	X(DUMP_CONST_RAM,		0x83)				\
	X(INCREMENT_CE_COUNTER,		0x84)				\
	X(INCREMENT_DE_COUNTER,		0x85)				\
	X(WAIT_ON_CE_COUNTER,		0x86)				\
	X(SET_SH_REG_INDEX,		0x9B)				\
	X(LOAD_CONTEXT_REG_INDEX,	0x9F)				\
	X(DISPATCH_TASK_STATE_INIT,	0xA9)

#define PM4_ENUM_OP(name, val) PKT3_##name = (val),
enum pkt3_opcode { PKT3_OPCODE_LIST(PM4_ENUM_OP) };
#undef PM4_ENUM_OP

/* nvd.h calls 0x3f PACKET3_INDIRECT_BUFFER; sid.h keeps the CIK suffix. */
#define PKT3_INDIRECT_BUFFER	PKT3_INDIRECT_BUFFER_CIK

/*
 * Opcodes only in nvd.h (KIQ queue management), not in sid.h; listed apart
 * so the Mesa cross-check does not look for them.  Not used: the kernel
 * compute queues are programmed by MMIO (gpu/gfx_v10.c).
 */
#define PKT3_SET_RESOURCES	0xA0
#define PKT3_MAP_QUEUES		0xA2
#define PKT3_UNMAP_QUEUES	0xA3

/* --- Register spaces the SET_*_REG packets address (nvd.h *_START/_END);
 * absolute dword indices in the MMIO BAR.  Payload dw1 = register - start. */
#define PM4_CONFIG_REG_START	0x2000u
#define PM4_CONFIG_REG_END	0x2c00u
#define PM4_SH_REG_START	0x2c00u
#define PM4_SH_REG_END		0x3000u
#define PM4_CONTEXT_REG_START	0xa000u
#define PM4_CONTEXT_REG_END	0xa400u
#define PM4_UCONFIG_REG_START	0xc000u
#define PM4_UCONFIG_REG_END	0xc400u
/* SET_*_REG dw1 */
#define PM4_SET_REG_OFFSET	FIELD(0, 16)

/* --- WRITE_DATA (0x37): dw1 control, dw2/3 address, dw4.. data ------------ */
#define WRITE_DATA_DST_SEL	FIELD(8, 4)
#define   WRITE_DATA_DST_REG		0	/* dw2 = register dword index */
#define   WRITE_DATA_DST_MEM_GRBM	1
#define   WRITE_DATA_DST_TC_L2		2
#define   WRITE_DATA_DST_GDS		3
#define   WRITE_DATA_DST_MEM		5	/* memory, asynchronous */
#define WRITE_DATA_WR_ONE_ADDR	FIELD(16, 1)	/* every dword to the same address */
#define WRITE_DATA_WR_CONFIRM	FIELD(20, 1)
#define WRITE_DATA_CACHE_POLICY	FIELD(25, 2)
#define WRITE_DATA_ENGINE_SEL	FIELD(30, 2)	/* 0 ME, 1 PFP, 2 CE */

/* --- INDIRECT_BUFFER (0x3f): dw1 base lo, dw2 base hi, dw3 control -------- */
#define IB_BASE_LO_MASK		0xfffffffcu	/* bits [1:0]: swap, 0 */
#define IB_BASE_HI		FIELD(0, 16)
#define IB_CNTL_SIZE		FIELD(0, 20)	/* dwords */
#define IB_CNTL_CHAIN		FIELD(20, 1)	/* replaces the rest of this IB */
#define IB_CNTL_PRE_ENA		FIELD(21, 1)
#define IB_CNTL_VALID		FIELD(23, 1)
#define IB_CNTL_VMID		FIELD(24, 4)
#define IB_CNTL_CACHE_POLICY	FIELD(28, 2)
#define IB_CNTL_PRE_RESUME	FIELD(30, 1)

/* --- EVENT_WRITE (0x46) dw1 and the event types (navi10_enum.h) ----------- */
#define EVENT_TYPE		FIELD(0, 6)
#define EVENT_INDEX		FIELD(8, 4)
#define   EV_CACHE_FLUSH_TS		0x04
#define   EV_CS_PARTIAL_FLUSH		0x07
#define   EV_CACHE_FLUSH_AND_INV_TS_EVENT 0x14
#define   EV_BOTTOM_OF_PIPE_TS		0x28
#define   EV_CS_DONE			0x2f
#define   EV_PS_DONE			0x30
#define   EV_INDEX_EOP			5	/* *_TS events (nvd.h EVENT_INDEX(5)) */

/* --- RELEASE_MEM (0x49, 8 dwords) --------------------------------------- */
/* dw1: EVENT_TYPE / EVENT_INDEX as above, then the GCR cache actions. */
#define RELEASE_MEM_GCR_GLM_WB	FIELD(12, 1)
#define RELEASE_MEM_GCR_GLM_INV	FIELD(13, 1)
#define RELEASE_MEM_GCR_GLV_INV	FIELD(14, 1)
#define RELEASE_MEM_GCR_GL1_INV	FIELD(15, 1)
#define RELEASE_MEM_GCR_GL2_US	FIELD(16, 1)
#define RELEASE_MEM_GCR_GL2_RANGE FIELD(17, 2)
#define RELEASE_MEM_GCR_GL2_DISCARD FIELD(19, 1)
#define RELEASE_MEM_GCR_GL2_INV	FIELD(20, 1)
#define RELEASE_MEM_GCR_GL2_WB	FIELD(21, 1)
#define RELEASE_MEM_GCR_SEQ	FIELD(22, 2)
#define RELEASE_MEM_CACHE_POLICY FIELD(25, 2)	/* 3 = bypass */
#define RELEASE_MEM_EXECUTE	FIELD(28, 1)
/* dw2 (sid.h EOP_DST_SEL/EOP_INT_SEL/EOP_DATA_SEL) */
#define RELEASE_MEM_DST_SEL	FIELD(16, 2)	/* 0 memory, 1 TC L2 */
#define RELEASE_MEM_INT_SEL	FIELD(24, 3)
#define   INT_SEL_NONE			0
#define   INT_SEL_IRQ			1	/* interrupt only */
#define   INT_SEL_IRQ_AFTER_WRITE	2	/* after the write is confirmed */
#define   INT_SEL_DATA_AFTER_WRITE	3
#define RELEASE_MEM_DATA_SEL	FIELD(29, 3)
#define   DATA_SEL_DISCARD		0
#define   DATA_SEL_VALUE_32BIT		1
#define   DATA_SEL_VALUE_64BIT		2
#define   DATA_SEL_TIMESTAMP		3	/* GPU clock counter */
#define   DATA_SEL_SYS_TIMESTAMP	4
/* dw3/dw4 address lo/hi, dw5/dw6 data lo/hi, dw7 INT_CTXID */
#define RELEASE_MEM_NDW		8

/* --- WAIT_REG_MEM (0x3c, 7 dwords) ------------------------------------- */
#define WAIT_REG_MEM_FUNCTION	FIELD(0, 3)
#define   WAIT_FUNC_ALWAYS		0
#define   WAIT_FUNC_LT			1
#define   WAIT_FUNC_LE			2
#define   WAIT_FUNC_EQ			3	/* sid.h WAIT_REG_MEM_EQUAL */
#define   WAIT_FUNC_NE			4
#define   WAIT_FUNC_GE			5
#define   WAIT_FUNC_GT			6
#define WAIT_REG_MEM_MEM_SPACE	FIELD(4, 2)	/* 0 register, 1 memory */
#define WAIT_REG_MEM_OPERATION	FIELD(6, 2)	/* 0 wait, 1 write then wait */
#define WAIT_REG_MEM_ENGINE	FIELD(8, 1)	/* 1 = PFP */
/* dw2 address lo / register, dw3 address hi / second register, dw4 reference,
 * dw5 mask, dw6 poll interval */
#define WAIT_REG_MEM_POLL_INTERVAL FIELD(0, 16)
#define WAIT_REG_MEM_NDW	7

/* --- COPY_DATA (0x40, 6 dwords; sid.h COPY_DATA_*) ----------------------- */
#define COPY_DATA_SRC_SEL	FIELD(0, 4)
#define COPY_DATA_DST_SEL	FIELD(8, 4)
#define   COPY_SEL_REG			0
#define   COPY_SEL_MEM_GRBM		1
#define   COPY_SEL_TC_L2		2
#define   COPY_SEL_GDS			3
#define   COPY_SEL_PERF			4
#define   COPY_SEL_IMM			5	/* source only; as dst: memory */
#define   COPY_SEL_DST_MEM		5
#define   COPY_SEL_TIMESTAMP		9
#define COPY_DATA_COUNT_SEL	FIELD(16, 1)	/* 64-bit */
#define COPY_DATA_WR_CONFIRM	FIELD(20, 1)
#define COPY_DATA_ENGINE_SEL	FIELD(30, 1)
/* dw2/dw3 source lo/hi (or register, or immediate), dw4/dw5 destination */
#define COPY_DATA_NDW		6

/* --- DMA_DATA (0x50, 7 dwords) -------------------------------------- */
/* dw1 */
#define DMA_DATA_ENGINE		FIELD(0, 1)
#define DMA_DATA_SRC_CACHE_POLICY FIELD(13, 2)
#define DMA_DATA_DST_SEL	FIELD(20, 2)	/* 0 address (DAS), 1 GDS, 2 nowhere, 3 L2 */
#define DMA_DATA_DST_CACHE_POLICY FIELD(25, 2)
#define DMA_DATA_SRC_SEL	FIELD(29, 2)	/* 0 address (SAS), 1 GDS, 2 DATA, 3 L2 */
#define   DMA_SEL_ADDR			0
#define   DMA_SEL_GDS			1
#define   DMA_SRC_SEL_DATA		2
#define   DMA_DST_SEL_NOWHERE		2	/* sid.h V_411_NOWHERE (GFX7+): read, discard */
#define   DMA_SEL_L2			3
#define DMA_DATA_CP_SYNC	FIELD(31, 1)
/* dw2 src lo or data, dw3 src hi, dw4 dst lo, dw5 dst hi, dw6 command: */
#define DMA_DATA_BYTE_COUNT	FIELD(0, 26)
#define DMA_DATA_SAS		FIELD(26, 1)	/* source is a register */
#define DMA_DATA_DAS		FIELD(27, 1)	/* destination is a register */
#define DMA_DATA_SAIC		FIELD(28, 1)	/* no source increment */
#define DMA_DATA_DAIC		FIELD(29, 1)	/* no destination increment */
#define DMA_DATA_RAW_WAIT	FIELD(30, 1)
#define DMA_DATA_DIS_WC		FIELD(31, 1)
#define DMA_DATA_NDW		7

/* --- ACQUIRE_MEM (0x58, 8 dwords on gfx10) -------------------------------- */
#define ACQUIRE_MEM_COHER_CNTL	FIELD(0, 31)
#define ACQUIRE_MEM_ENGINE_SEL	FIELD(31, 1)
/* dw7 GCR_CNTL */
#define ACQUIRE_MEM_GCR_GLM_WB	FIELD(4, 1)
#define ACQUIRE_MEM_GCR_GLM_INV	FIELD(5, 1)
#define ACQUIRE_MEM_GCR_GLK_INV	FIELD(7, 1)
#define ACQUIRE_MEM_GCR_GLV_INV	FIELD(8, 1)
#define ACQUIRE_MEM_GCR_GL1_INV	FIELD(9, 1)
#define ACQUIRE_MEM_GCR_GL2_INV	FIELD(14, 1)
#define ACQUIRE_MEM_GCR_GL2_WB	FIELD(15, 1)
#define ACQUIRE_MEM_NDW		8

/* --- SET_BASE, DISPATCH_DIRECT, DISPATCH_INDIRECT (facts §6.3) ------------- */
#define SET_BASE_INDEX		FIELD(0, 4)
#define   SET_BASE_DISPATCH_INDIRECT	1	/* base of DISPATCH_INDIRECT offsets */
#define SET_BASE_NDW		4
#define DISPATCH_DIRECT_NDW	5	/* dims x, y, z; COMPUTE_DISPATCH_INITIATOR */
#define DISPATCH_INDIRECT_NDW_VA 4	/* 64-bit address of {x,y,z}; initiator */
#define DISPATCH_INDIRECT_NDW_BASE 3	/* offset from SET_BASE 1; initiator */

/*
 * --- LOAD_SH_REG_INDEX --------------------------------------------------------
 * Loads consecutive SH registers from memory.  dw1 [1:0] INDEX (0 direct
 * address, 2 indirect), [31:2] address low; dw2 address high; dw3 [15:0]
 * register offset from PM4_SH_REG_START, [31] DATA_FORMAT (0: the memory
 * holds only values, 1: offset/value pairs); dw4 [13:0] dwords.  AMD's MEC
 * packet definition PM4MEC_LOAD_SH_REG_INDEX (PAL / amdgpu pm4 headers);
 * RADV on gfx10.3 loads the grid size of an indirect dispatch into user
 * SGPRs with it (radv_cmd_buffer.c, load_grid_size_from_user_sgpr).
 */
#define LOAD_SH_REG_INDEX_INDEX		FIELD(0, 2)
#define   LOAD_SH_REG_INDEX_DIRECT	0
#define LOAD_SH_REG_INDEX_ADDR_LO_MASK	0xfffffffcu
#define LOAD_SH_REG_INDEX_REG_OFFSET	FIELD(0, 16)
#define LOAD_SH_REG_INDEX_DATA_FORMAT	FIELD(31, 1)
#define   LOAD_SH_REG_INDEX_OFFSET_AND_SIZE 0
#define LOAD_SH_REG_INDEX_NUM_DWORDS	FIELD(0, 14)
#define LOAD_SH_REG_INDEX_NDW		5

#endif

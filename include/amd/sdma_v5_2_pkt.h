/*
 * SDMA v5.x packets (Navi 1x/2x system DMA engines): opcodes, sub-opcodes
 * and the field layouts the driver emits and the model executes.
 *
 * Source: Linux drivers/gpu/drm/amd/amdgpu/navi10_sdma_pkt_open.h (the
 * SDMA_PKT_*_HEADER / DW_n field definitions, shared by sdma_v5_0.c and
 * sdma_v5_2.c), emitters in amdgpu/sdma_v5_2.c; Mesa src/amd/common/sid.h
 * (CIK_SDMA_* opcodes, GFX103_SDMA_COPY_MAX_SIZE) for the cross-check.
 * Summary: navi23-facts.md §7.  Packets are dword streams; every packet
 * starts with a header whose OP is [7:0] and SUB_OP [15:8].
 */
#ifndef AMD_SDMA_V5_2_PKT_H
#define AMD_SDMA_V5_2_PKT_H

#include "amd_reg.h"

/* Header, common part */
#define SDMA_HDR_OP		FIELD(0, 8)
#define SDMA_HDR_SUB_OP		FIELD(8, 8)
#define SDMA_HDR(op, sub)	(F_PREP(SDMA_HDR_OP, op) | F_PREP(SDMA_HDR_SUB_OP, sub))

/* Opcodes (navi10_sdma_pkt_open.h SDMA_OP_*) */
#define SDMA_OP_NOP		0
#define SDMA_OP_COPY		1
#define SDMA_OP_WRITE		2
#define SDMA_OP_INDIRECT	4
#define SDMA_OP_FENCE		5
#define SDMA_OP_TRAP		6
#define SDMA_OP_SEM		7
#define SDMA_OP_POLL_REGMEM	8
#define SDMA_OP_COND_EXE	9
#define SDMA_OP_ATOMIC		10
#define SDMA_OP_CONST_FILL	11
#define SDMA_OP_PTEPDE		12
#define SDMA_OP_TIMESTAMP	13
#define SDMA_OP_SRBM_WRITE	14
#define SDMA_OP_PRE_EXE		15
#define SDMA_OP_GPUVM_INV	16
#define SDMA_OP_GCR_REQ		17
#define SDMA_OP_DUMMY_TRAP	32

/* Sub-opcodes (SDMA_SUBOP_*) */
#define SDMA_SUBOP_COPY_LINEAR		0
#define SDMA_SUBOP_WRITE_LINEAR		0
#define SDMA_SUBOP_TIMESTAMP_SET	0
#define SDMA_SUBOP_TIMESTAMP_GET	1
#define SDMA_SUBOP_TIMESTAMP_GET_GLOBAL	2

/* NOP: header COUNT = dwords of padding that follow (burst NOP). */
#define SDMA_NOP_COUNT		FIELD(16, 14)

/* COPY_LINEAR: 7 dwords.  dw1 COUNT = bytes - 1; the navi10 header declares
 * [21:0], SDMA 5.2 takes up to 30 bits (sid.h GFX103_SDMA_COPY_MAX_SIZE). */
#define SDMA_COPY_HDR_TMZ	FIELD(18, 1)
#define SDMA_COPY_HDR_BACKWARDS	FIELD(25, 1)
#define SDMA_COPY_HDR_BROADCAST	FIELD(27, 1)
#define SDMA_COPY_COUNT		FIELD(0, 30)
#define SDMA_COPY_DST_SW	FIELD(16, 2)	/* dw2 */
#define SDMA_COPY_SRC_SW	FIELD(24, 2)	/* dw2 */
#define SDMA_COPY_NDW		7		/* dw3/4 src, dw5/6 dst */
#define SDMA_COPY_MAX_BYTES	0x3fffff00u

/* WRITE_LINEAR ("WRITE_UNTILED"): 4 + N dwords.  dw1/2 dst (dword aligned),
 * dw3 COUNT = N - 1, dw4.. data. */
#define SDMA_WRITE_COUNT	FIELD(0, 20)
#define SDMA_WRITE_SW		FIELD(24, 2)
#define SDMA_WRITE_NDW(n)	(4 + (n))

/* INDIRECT_BUFFER: 6 dwords.  The engine fetches the IB from a 32-byte
 * aligned address; the packet must start at ring dword 2 (mod 8)
 * (sdma_v5_2.c sdma_v5_2_ring_emit_ib). */
#define SDMA_IB_HDR_VMID	FIELD(16, 4)
#define SDMA_IB_HDR_PRIV	FIELD(31, 1)
#define SDMA_IB_BASE_LO_MASK	0xffffffe0u
#define SDMA_IB_SIZE		FIELD(0, 20)	/* dw3, dwords */
#define SDMA_IB_NDW		6		/* dw4/5 CSA address */

/* FENCE: 4 dwords.  dw1/2 address (dword aligned), dw3 32-bit data. */
#define SDMA_FENCE_HDR_MTYPE	FIELD(16, 3)	/* 3 = uncached (emit_fence) */
#define SDMA_FENCE_HDR_GCC	FIELD(19, 1)
#define SDMA_FENCE_HDR_SYS	FIELD(20, 1)
#define SDMA_FENCE_HDR_SNP	FIELD(22, 1)
#define SDMA_FENCE_HDR_GPA	FIELD(23, 1)
#define SDMA_FENCE_HDR_L2_POLICY FIELD(24, 2)
#define SDMA_FENCE_NDW		4

/* TRAP: 2 dwords; dw1 INT_CONTEXT goes to the IV's src_data[0]. */
#define SDMA_TRAP_INT_CONTEXT	FIELD(0, 28)
#define SDMA_TRAP_NDW		2

/* POLL_REGMEM: 6 dwords. */
#define SDMA_POLL_HDR_HDP_FLUSH	FIELD(26, 1)
#define SDMA_POLL_HDR_FUNC	FIELD(28, 3)	/* PM4 WAIT_REG_MEM compare codes */
#define SDMA_POLL_HDR_MEM_POLL	FIELD(31, 1)	/* 1 memory, 0 register */
/* dw1 address lo (memory) or register byte address, dw2 address hi,
 * dw3 reference, dw4 mask, dw5: */
#define SDMA_POLL_INTERVAL	FIELD(0, 16)
#define SDMA_POLL_RETRY_COUNT	FIELD(16, 12)	/* 0xfff = forever */
#define SDMA_POLL_NDW		6

/* CONSTANT_FILL: 5 dwords.  dw1/2 dst, dw3 pattern, dw4 COUNT = bytes - 1. */
#define SDMA_FILL_HDR_SW	FIELD(16, 2)
#define SDMA_FILL_HDR_FILLSIZE	FIELD(30, 2)	/* 2 = dword pattern (RADV) */
#define SDMA_FILL_COUNT		FIELD(0, 22)
#define SDMA_FILL_NDW		5

/* TIMESTAMP: 3 dwords; GET/GET_GLOBAL write 64 bits to an 8-byte aligned
 * address in dw1/dw2; SET loads dw1/dw2 into the local counter. */
#define SDMA_TIMESTAMP_ADDR_LO_MASK 0xfffffff8u
#define SDMA_TIMESTAMP_NDW	3

/* SRBM_WRITE: 3 dwords. */
#define SDMA_SRBM_HDR_BYTE_EN	FIELD(28, 4)
#define SDMA_SRBM_ADDR		FIELD(0, 18)	/* dw1: register dword index */
#define SDMA_SRBM_APERTURE	FIELD(20, 12)
#define SDMA_SRBM_NDW		3

#endif

/*
 * Interrupt vector (IV) ring entries written by the IH (OSSSYS 5.0), and the
 * client and source ids this project uses.
 * Layout: Linux amdgpu/navi10_ih.c navi10_ih_decode_iv / amdgpu_ih.c.
 * Client ids: include/soc15_ih_clientid.h.  Source ids: include/ivsrcid/
 * gfx/irqsrcs_gfx_10_1.h, sdma0/irqsrcs_sdma0_5_0.h, vmc/irqsrcs_vmc_1_0.h.
 */
#ifndef AMD_IH_V5_H
#define AMD_IH_V5_H

#define IH_ENTRY_DWORDS		8
#define IH_ENTRY_BYTES		32

/* dword 0 */
#define IV_CLIENT_ID		FIELD(0, 8)
#define IV_SRC_ID		FIELD(8, 8)
#define IV_RING_ID		FIELD(16, 8)
#define IV_VMID			FIELD(24, 4)
#define IV_VMID_SRC		FIELD(31, 1)
/* dword 1: timestamp [31:0]; dword 2: timestamp [47:32] in [15:0] */
#define IV_TIMESTAMP_HI		FIELD(0, 16)
#define IV_TIMESTAMP_SRC	FIELD(31, 1)
/* dword 3 */
#define IV_PASID		FIELD(0, 16)
#define IV_NODE_ID		FIELD(16, 8)
/* dwords 4-7: src_data[0..3] */

#define IH_CLIENTID_SDMA0	0x08
#define IH_CLIENTID_SDMA1	0x09
#define IH_CLIENTID_VMC		0x12	/* MMHUB faults */
#define IH_CLIENTID_GRBM_CP	0x14
#define IH_CLIENTID_UTCL2	0x1b	/* GFXHUB faults */

#define IH_SRC_VM_FAULT		0
#define IH_SRC_CP_IB2_INTERRUPT	178
#define IH_SRC_CP_EOP		181	/* end of pipe: RELEASE_MEM with INT_SEL */
#define IH_SRC_CP_BAD_OPCODE	183
#define IH_SRC_CP_PRIV_REG	184
#define IH_SRC_CP_PRIV_INSTR	185
#define IH_SRC_SDMA_TRAP	224
/* SQ message / error (illegal instruction, memory violation) from a
 * wave: amdkfd soc15_int.h SOC15_INTSRC_SQ_INTERRUPT_MSG, client GRBM_CP
 * (kfd_int_process_v10.c); the error encoding is decoded there. */
#define IH_SRC_SQ_INTERRUPT_MSG	239

/* CP EOP ring_id: me [3:2], pipe [1:0], queue [6:4] (gfx_v10_0.c eop_irq). */
#define IV_CP_RING_PIPE		FIELD(0, 2)
#define IV_CP_RING_ME		FIELD(2, 2)
#define IV_CP_RING_QUEUE	FIELD(4, 3)

#endif

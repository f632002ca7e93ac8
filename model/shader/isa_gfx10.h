/*
 * RDNA2 (gfx10.3, gfx1032 "dimgrey_cavefish") instruction encodings: the
 * microcode formats the shader core decodes, their fields, the operand
 * codes and the opcode numbers of every instruction the decoder knows.
 *
 * Sources:
 *   AMD "RDNA 2" Instruction Set Architecture Reference Guide (2020),
 *     ch. 13 "Microcode Formats" (field layouts), §3.6 / §6.2 (operand
 *     codes, inline constants), §8.1.8 (buffer descriptor), §9 (FLAT).
 *   LLVM lib/Target/AMDGPU: SIInstrFormats.td, SOPInstructions.td,
 *     SMInstructions.td, VOP1Instructions.td, VOP2Instructions.td,
 *     VOP3Instructions.td, VOP3PInstructions.td, VOPCInstructions.td,
 *     DSInstructions.td, BUFInstructions.td, FLATInstructions.td
 *     (the *_Real_gfx10 opcode numbers).
 *   Mesa src/amd/compiler/aco_opcodes.py (the gfx10 opcode column).
 * Every opcode below is cross-checked at test time against
 * `llvm-mc -triple=amdgcn -mcpu=gfx1032 -show-encoding`
 * (tests/unit/test_isa.c), so a typo cannot hide.
 */
#ifndef MODEL_SHADER_ISA_GFX10_H
#define MODEL_SHADER_ISA_GFX10_H

#include "amd/amd_reg.h"	/* FIELD(), F_GET() */

/*
 * Format selection: the high bits of the first dword (ISA guide ch. 13).
 * Checked in this order; the longer patterns first.
 */
#define ENC_SOP1_MASK		0xff800000u	/* [31:23] = 1_0111_1101 */
#define ENC_SOP1_VAL		0xbe800000u
#define ENC_SOPC_MASK		0xff800000u	/* [31:23] = 1_0111_1110 */
#define ENC_SOPC_VAL		0xbf000000u
#define ENC_SOPP_MASK		0xff800000u	/* [31:23] = 1_0111_1111 */
#define ENC_SOPP_VAL		0xbf800000u
#define ENC_SOPK_MASK		0xf0000000u	/* [31:28] = 1011 */
#define ENC_SOPK_VAL		0xb0000000u
#define ENC_SOP2_MASK		0xc0000000u	/* [31:30] = 10 */
#define ENC_SOP2_VAL		0x80000000u
#define ENC_VOP1_MASK		0xfe000000u	/* [31:25] = 011_1111 */
#define ENC_VOP1_VAL		0x7e000000u
#define ENC_VOPC_MASK		0xfe000000u	/* [31:25] = 011_1110 */
#define ENC_VOPC_VAL		0x7c000000u
#define ENC_VOP2_MASK		0x80000000u	/* [31] = 0 */
#define ENC_VOP2_VAL		0x00000000u
#define ENC_VOP3P_MASK		0xff000000u	/* [31:24] = 1100_1100 */
#define ENC_VOP3P_VAL		0xcc000000u
#define ENC_MASK6		0xfc000000u	/* [31:26] for the rest */
#define ENC_SMEM_VAL		0xf4000000u	/* 11_1101 */
#define ENC_VOP3_VAL		0xd4000000u	/* 11_0101 */
#define ENC_DS_VAL		0xd8000000u	/* 11_0110 */
#define ENC_FLAT_VAL		0xdc000000u	/* 11_0111: FLAT, GLOBAL, SCRATCH */
#define ENC_MUBUF_VAL		0xe0000000u	/* 11_1000 */
#define ENC_MTBUF_VAL		0xe8000000u	/* 11_1010 */
#define ENC_MIMG_VAL		0xf0000000u	/* 11_1100 */

/* SOP2: one dword (+ literal) */
#define SOP2_SSRC0		FIELD(0, 8)
#define SOP2_SSRC1		FIELD(8, 8)
#define SOP2_SDST		FIELD(16, 7)
#define SOP2_OP			FIELD(23, 7)
/* SOPK */
#define SOPK_SIMM16		FIELD(0, 16)
#define SOPK_SDST		FIELD(16, 7)
#define SOPK_OP			FIELD(23, 5)
/* SOP1 */
#define SOP1_SSRC0		FIELD(0, 8)
#define SOP1_OP			FIELD(8, 8)
#define SOP1_SDST		FIELD(16, 7)
/* SOPC */
#define SOPC_SSRC0		FIELD(0, 8)
#define SOPC_SSRC1		FIELD(8, 8)
#define SOPC_OP			FIELD(16, 7)
/* SOPP */
#define SOPP_SIMM16		FIELD(0, 16)
#define SOPP_OP			FIELD(16, 7)

/* SMEM: two dwords.  SBASE is an SGPR pair index (register / 2). */
#define SMEM_SBASE		FIELD(0, 6)
#define SMEM_SDATA		FIELD(6, 7)
#define SMEM_DLC		FIELD(14, 1)
#define SMEM_GLC		FIELD(16, 1)
#define SMEM_OP			FIELD(18, 8)
#define SMEM1_OFFSET		FIELD(0, 21)	/* signed byte offset */
#define SMEM1_SOFFSET		FIELD(25, 7)	/* SGPR; NULL (125) = none */

/* VOP2 / VOP1 / VOPC: one dword (+ literal, DPP or SDWA dword) */
#define VOP_SRC0		FIELD(0, 9)
#define VOP2_VSRC1		FIELD(9, 8)
#define VOP2_VDST		FIELD(17, 8)
#define VOP2_OP			FIELD(25, 6)
#define VOP1_OP			FIELD(9, 8)
#define VOP1_VDST		FIELD(17, 8)
#define VOPC_VSRC1		FIELD(9, 8)
#define VOPC_OP			FIELD(17, 8)

/* VOP3 (VOP3a; VOP3b replaces ABS/OPSEL/CLAMP-low with SDST): two dwords */
#define VOP3_VDST		FIELD(0, 8)
#define VOP3_ABS		FIELD(8, 3)
#define VOP3B_SDST		FIELD(8, 7)
#define VOP3_OPSEL		FIELD(11, 4)	/* [3] = destination half */
#define VOP3_CLAMP		FIELD(15, 1)
#define VOP3_OP			FIELD(16, 10)
#define VOP3_SRC0		FIELD(0, 9)	/* second dword from here */
#define VOP3_SRC1		FIELD(9, 9)
#define VOP3_SRC2		FIELD(18, 9)
#define VOP3_OMOD		FIELD(27, 2)
#define VOP3_NEG		FIELD(29, 3)
/* Where VOP1/VOP2/VOPC opcodes sit in the 10-bit VOP3 opcode space. */
#define VOP3_BASE_VOPC		0x000
#define VOP3_BASE_VOP2		0x100
#define VOP3_BASE_VOP1		0x180

/* VOP3P: two dwords */
#define VOP3P_VDST		FIELD(0, 8)
#define VOP3P_NEG_HI		FIELD(8, 3)
#define VOP3P_OPSEL		FIELD(11, 3)
#define VOP3P_OPSEL_HI2		FIELD(14, 1)
#define VOP3P_CLAMP		FIELD(15, 1)
#define VOP3P_OP		FIELD(16, 7)
#define VOP3P_OPSEL_HI		FIELD(27, 2)	/* second dword, src0/src1 */

/* DPP16: the extra dword after a VOP1/VOP2/VOPC whose SRC0 is 250 */
#define DPP_SRC0		FIELD(0, 8)
#define DPP_CTRL		FIELD(8, 9)
#define DPP_FI			FIELD(18, 1)
#define DPP_BOUND_CTRL		FIELD(19, 1)
#define DPP_SRC0_NEG		FIELD(20, 1)
#define DPP_SRC0_ABS		FIELD(21, 1)
#define DPP_SRC1_NEG		FIELD(22, 1)
#define DPP_SRC1_ABS		FIELD(23, 1)
#define DPP_BANK_MASK		FIELD(24, 4)
#define DPP_ROW_MASK		FIELD(28, 4)
/* DPP_CTRL values (ISA guide §6.2.3; LLVM SIDefines.h DppCtrl) */
#define DPP_QUAD_PERM_LAST	0x0ff
#define DPP_ROW_SHL_FIRST	0x101
#define DPP_ROW_SHL_LAST	0x10f
#define DPP_ROW_SHR_FIRST	0x111
#define DPP_ROW_SHR_LAST	0x11f
#define DPP_ROW_ROR_FIRST	0x121
#define DPP_ROW_ROR_LAST	0x12f
#define DPP_ROW_MIRROR		0x140
#define DPP_ROW_HALF_MIRROR	0x141
#define DPP_ROW_SHARE_FIRST	0x150
#define DPP_ROW_SHARE_LAST	0x15f
#define DPP_ROW_XMASK_FIRST	0x160
#define DPP_ROW_XMASK_LAST	0x16f
/* DPP8: SRC0 233 (234 = fetch-inactive); 8 lane selectors of 3 bits */
#define DPP8_SRC0		FIELD(0, 8)
#define DPP8_SEL_SHIFT		8

/* SDWA: the extra dword after a VOP1/VOP2/VOPC whose SRC0 is 249 */
#define SDWA_SRC0		FIELD(0, 8)
#define SDWA_DST_SEL		FIELD(8, 3)
#define SDWA_DST_UNUSED		FIELD(11, 2)
#define SDWA_CLAMP		FIELD(13, 1)
#define SDWA_OMOD		FIELD(14, 2)
#define SDWAC_SDST		FIELD(8, 7)	/* VOPC: SDST when SD is set */
#define SDWAC_SD		FIELD(15, 1)
#define SDWA_SRC0_SEL		FIELD(16, 3)
#define SDWA_SRC0_SEXT		FIELD(19, 1)
#define SDWA_SRC0_NEG		FIELD(20, 1)
#define SDWA_SRC0_ABS		FIELD(21, 1)
#define SDWA_S0			FIELD(23, 1)	/* SRC0 is an SGPR/constant */
#define SDWA_SRC1_SEL		FIELD(24, 3)
#define SDWA_SRC1_SEXT		FIELD(27, 1)
#define SDWA_SRC1_NEG		FIELD(28, 1)
#define SDWA_SRC1_ABS		FIELD(29, 1)
#define SDWA_S1			FIELD(31, 1)
#define SDWA_SEL_BYTE0		0	/* ..3 = BYTE_3 */
#define SDWA_SEL_WORD0		4
#define SDWA_SEL_WORD1		5
#define SDWA_SEL_DWORD		6
#define SDWA_UNUSED_PAD		0
#define SDWA_UNUSED_SEXT	1
#define SDWA_UNUSED_PRESERVE	2

/* DS: two dwords */
#define DS_OFFSET0		FIELD(0, 8)
#define DS_OFFSET1		FIELD(8, 8)
#define DS_GDS			FIELD(17, 1)
#define DS_OP			FIELD(18, 8)
#define DS_ADDR			FIELD(0, 8)	/* second dword */
#define DS_DATA0		FIELD(8, 8)
#define DS_DATA1		FIELD(16, 8)
#define DS_VDST			FIELD(24, 8)

/* MUBUF: two dwords.  gfx10 puts opcode bit 7 at [25]. */
#define MUBUF_OFFSET		FIELD(0, 12)
#define MUBUF_OFFEN		FIELD(12, 1)
#define MUBUF_IDXEN		FIELD(13, 1)
#define MUBUF_GLC		FIELD(14, 1)
#define MUBUF_DLC		FIELD(15, 1)
#define MUBUF_LDS		FIELD(16, 1)
#define MUBUF_OP_LO		FIELD(18, 7)
#define MUBUF_OP_HI		FIELD(25, 1)
#define MUBUF_VADDR		FIELD(0, 8)	/* second dword */
#define MUBUF_VDATA		FIELD(8, 8)
#define MUBUF_SRSRC		FIELD(16, 5)	/* SGPR quad index (register / 4) */
#define MUBUF_SLC		FIELD(22, 1)
#define MUBUF_TFE		FIELD(23, 1)
#define MUBUF_SOFFSET		FIELD(24, 8)

/*
 * MTBUF: two dwords, laid out as MUBUF except the opcode (4 bits, bit 3
 * in the second dword) and the FORMAT field (llvm-mc gfx1032 encodings;
 * LLVM BUFInstructions.td MTBUF_Real_gfx10).
 */
#define MTBUF_OP_LO		FIELD(16, 3)
#define MTBUF_FORMAT		FIELD(19, 7)
#define MTBUF_OP_HI		FIELD(21, 1)	/* second dword */

/*
 * MIMG: two dwords, then NSA dwords of four more address VGPRs each
 * (LLVM MIMGInstructions.td MIMG_gfx10; checked against llvm-mc gfx1032).
 */
#define MIMG_OPM		FIELD(0, 1)	/* must be 0 here */
#define MIMG_NSA		FIELD(1, 2)	/* extra address dwords */
#define MIMG_DIM		FIELD(3, 3)	/* MIMG_DIM_* */
#define MIMG_DLC		FIELD(7, 1)
#define MIMG_DMASK		FIELD(8, 4)
#define MIMG_UNRM		FIELD(12, 1)
#define MIMG_GLC		FIELD(13, 1)
#define MIMG_R128		FIELD(15, 1)
#define MIMG_TFE		FIELD(16, 1)
#define MIMG_LWE		FIELD(17, 1)
#define MIMG_OP			FIELD(18, 7)
#define MIMG_SLC		FIELD(25, 1)
#define MIMG_VADDR		FIELD(0, 8)	/* second dword */
#define MIMG_VDATA		FIELD(8, 8)
#define MIMG_SRSRC		FIELD(16, 5)	/* SGPR octet index (register / 4) */
#define MIMG_SSAMP		FIELD(21, 5)
#define MIMG_A16		FIELD(30, 1)
#define MIMG_D16		FIELD(31, 1)
/* DIM (SQ_RSRC_IMG_* - 8): 1D, 2D, 3D, CUBE, 1D_ARRAY, 2D_ARRAY, MSAA, MSAA_ARRAY */
#define MIMG_DIM_1D		0
#define MIMG_DIM_3D		2
#define MIMG_DIM_CUBE		3
#define MIMG_DIM_1D_ARRAY	4
#define MIMG_DIM_2D_ARRAY	5
#define MIMG_DIM_MSAA		6
#define MIMG_DIM_MSAA_ARRAY	7
/* struct shader_inst .offset1 of MIMG: DMASK | DIM << 4 | flags */
#define MIMG_I_DMASK		FIELD(0, 4)
#define MIMG_I_DIM		FIELD(4, 3)
#define MIMG_I_D16		FIELD(7, 1)
#define MIMG_I_A16		FIELD(8, 1)
#define MIMG_I_NADDR		FIELD(9, 3)	/* address VGPRs, 1..4 */

/* FLAT / GLOBAL / SCRATCH: two dwords */
#define FLAT_OFFSET		FIELD(0, 12)	/* signed for GLOBAL/SCRATCH */
#define FLAT_DLC		FIELD(12, 1)
#define FLAT_LDS		FIELD(13, 1)
#define FLAT_SEG		FIELD(14, 2)
#define FLAT_GLC		FIELD(16, 1)
#define FLAT_SLC		FIELD(17, 1)
#define FLAT_OP			FIELD(18, 7)
#define FLAT_ADDR		FIELD(0, 8)	/* second dword */
#define FLAT_DATA		FIELD(8, 8)
#define FLAT_SADDR		FIELD(16, 7)	/* NULL (125) / 127 = off */
#define FLAT_NV			FIELD(23, 1)
#define FLAT_VDST		FIELD(24, 8)
#define FLAT_SEG_FLAT		0
#define FLAT_SEG_SCRATCH	1
#define FLAT_SEG_GLOBAL		2
#define FLAT_SADDR_OFF		0x7f	/* SCRATCH: no address register at all (llvm-mc gfx1032: "off, off" encodes 0x7f, "vN, off" NULL) */

/*
 * Operand codes: the 8-bit scalar and 9-bit vector source fields
 * (ISA guide §3.6 "SGPRs", §6.2 "Instruction Inputs").
 */
#define OPR_SGPR_LAST		105
#define OPR_VCC_LO		106
#define OPR_VCC_HI		107
#define OPR_TTMP0		108	/* ..123 = TTMP15 */
#define OPR_M0			124
#define OPR_NULL		125
#define OPR_EXEC_LO		126
#define OPR_EXEC_HI		127
#define OPR_ZERO		128
#define OPR_INT_POS_FIRST	129	/* 1 .. 64 */
#define OPR_INT_POS_LAST	192
#define OPR_INT_NEG_FIRST	193	/* -1 .. -16 */
#define OPR_INT_NEG_LAST	208
#define OPR_DPP8		233
#define OPR_DPP8FI		234
#define OPR_SHARED_BASE		235
#define OPR_SHARED_LIMIT	236
#define OPR_PRIVATE_BASE	237
#define OPR_PRIVATE_LIMIT	238
#define OPR_POPS_EXITING	239
#define OPR_F_HALF		240	/* 0.5, -0.5, 1, -1, 2, -2, 4, -4 */
#define OPR_F_NEG4		247
#define OPR_INV_2PI		248	/* 1 / (2 pi) */
#define OPR_SDWA		249
#define OPR_DPP16		250
#define OPR_VCCZ		251
#define OPR_EXECZ		252
#define OPR_SCC			253
#define OPR_LDS_DIRECT		254
#define OPR_LITERAL		255
#define OPR_VGPR0		256	/* ..511 = v255 */

/* MODE register (hwreg 1), ISA guide §3.6.3 */
#define MODE_FP_ROUND		FIELD(0, 4)	/* [1:0] f32, [3:2] f64/f16 */
#define MODE_FP_DENORM		FIELD(4, 4)	/* [5:4] f32, [7:6] f64/f16 */
#define MODE_DX10_CLAMP		FIELD(8, 1)
#define MODE_IEEE		FIELD(9, 1)
#define MODE_DENORM_F32_IN	(1u << 4)	/* keep input denormals */
#define MODE_DENORM_F32_OUT	(1u << 5)	/* keep output denormals */

#define MODE_ROUND_F32		FIELD(0, 2)
#define MODE_ROUND_F64		FIELD(2, 2)	/* f64 and f16 */
#define MODE_DENORM_F64_IN	(1u << 6)	/* f64/f16: keep input denormals */
#define MODE_DENORM_F64_OUT	(1u << 7)	/* f64/f16: keep output denormals */
#define ROUND_NEAREST_EVEN	0
#define ROUND_PLUS_INF		1
#define ROUND_MINUS_INF		2
#define ROUND_ZERO		3

/*
 * s_getreg/s_setreg SIMM16 (LLVM docs/AMDGPU/gfx10_hwreg.rst; ISA guide
 * §5.8): register id, first bit, size - 1.  Register ids from LLVM
 * SIDefines.h (namespace Hwreg, ID_*); HW_ID (4) is gone on gfx10.
 */
#define HWREG_ID		FIELD(0, 6)
#define HWREG_OFFSET		FIELD(6, 5)
#define HWREG_SIZE_M1		FIELD(11, 5)
#define HWREG_MODE		1
#define HWREG_STATUS		2
#define HWREG_TRAPSTS		3
#define HWREG_GPR_ALLOC		5
#define HWREG_LDS_ALLOC		6
#define HWREG_IB_STS		7
#define HWREG_FLAT_SCR_LO	20
#define HWREG_FLAT_SCR_HI	21
#define HWREG_HW_ID1		23
#define HWREG_HW_ID2		24
#define HWREG_SHADER_CYCLES	29
/* STATUS bits (ISA guide §3.3 "STATUS register") */
#define STATUS_SCC		(1u << 0)
#define STATUS_EXECZ		(1u << 9)
#define STATUS_VCCZ		(1u << 10)
#define STATUS_VALID		(1u << 16)
/* GPR_ALLOC and LDS_ALLOC (ISA guide §3.3), in allocation granules */
#define GPR_ALLOC_VGPR_SIZE	FIELD(8, 8)	/* granules - 1 */
#define LDS_ALLOC_LDS_SIZE	FIELD(12, 9)	/* 512-byte granules */
#define SHADER_CYCLES_MASK	0xfffffu	/* a 20-bit counter */

/* Buffer resource descriptor V# (ISA guide §8.1.8, Mesa sid.h SQ_BUF_RSRC_WORD*) */
#define VBUF1_BASE_HI		FIELD(0, 16)
#define VBUF1_STRIDE		FIELD(16, 14)
#define VBUF1_SWIZZLE_EN	FIELD(31, 1)
#define VBUF3_DST_SEL_X		FIELD(0, 3)	/* Y, Z, W follow, 3 bits each */
#define VBUF3_DST_SEL_SHIFT	3
#define VBUF3_FORMAT		FIELD(12, 7)	/* gfx10 BUF_FMT (buffmt.h) */
#define SQ_SEL_0		0	/* DST_SEL values (Mesa sid.h V_008F0C_SQ_SEL_*) */
#define SQ_SEL_1		1
#define SQ_SEL_X		4	/* ..7 = W */
#define VBUF3_INDEX_STRIDE	FIELD(21, 2)	/* swizzle: 8 << n lanes */
#define VBUF3_ADD_TID		FIELD(23, 1)
#define VBUF_SWIZZLE_ELEM	4	/* element size of swizzling from gfx9 on (Mesa si_descriptors.c: "always 4 bytes on GFX9") */
#define VBUF3_OOB_SELECT	FIELD(28, 2)
#define OOB_STRUCTURED_OFFSET	0	/* index >= records or offset >= stride */
#define OOB_STRUCTURED		1	/* index >= records */
#define OOB_DISABLED		2	/* never (only records == 0 ... see interp) */
#define OOB_RAW			3	/* offset >= records */

/*
 * Image resource descriptor T#, 8 dwords (Mesa src/amd/registers/
 * gfx10-rsrc.json SQ_IMG_RSRC_WORD*; ac_build_gfx10_texture_descriptor).
 */
#define TIMG0_BASE_SHIFT	8	/* word 0: address >> 8 */
#define TIMG1_BASE_HI		FIELD(0, 8)	/* address bits 47:40 */
#define TIMG1_FORMAT		FIELD(20, 9)	/* IMG_FORMAT: 0..77 = BUF_FMT */
#define TIMG1_WIDTH_LO		FIELD(30, 2)	/* width - 1, bits 1:0 */
#define TIMG2_WIDTH_HI		FIELD(0, 12)	/* width - 1, bits 13:2 */
#define TIMG2_HEIGHT		FIELD(14, 14)	/* height - 1 */
#define TIMG3_DST_SEL_SHIFT	3	/* DST_SEL_X..W in [11:0], SQ_SEL_* */
#define TIMG3_BASE_LEVEL	FIELD(12, 4)
#define TIMG3_LAST_LEVEL	FIELD(16, 4)
#define TIMG3_SW_MODE		FIELD(20, 5)	/* 0 = LINEAR */
#define TIMG3_TYPE		FIELD(28, 4)	/* SQ_RSRC_IMG_*: 8 + MIMG_DIM_* */
#define TIMG4_DEPTH		FIELD(0, 13)	/* 3D: depth - 1; arrays: last layer */
#define TIMG4_BASE_ARRAY	FIELD(16, 13)
#define TIMG5_MAX_MIP		FIELD(4, 4)	/* image levels - 1 (ROCR resource_gfx10.h word5; RADV radv_image.c) */
#define SQ_RSRC_IMG_1D		8

/*
 * Operand types of the opcode tables: how wide a register operand is and
 * how an inline constant or literal is interpreted (§6.2.2: float inline
 * constants take the operand's float format; 64-bit float literals are
 * the high 32 bits; 64-bit integer literals are zero-extended).
 */
enum isa_type {
	T_N,		/* no operand */
	T_B32,		/* 32-bit integer / bits */
	T_F32,
	T_B64,		/* 64-bit integer in a register pair */
	T_F64,
	T_B16,		/* 16-bit integer in the low half */
	T_F16,
	T_PK16,		/* two 16-bit values (VOP3P) */
	T_S32,		/* SGPR-only 32-bit (readlane lane select, dst) */
	T_LM,		/* lane mask: 1 SGPR in wave32, 2 in wave64 */
};

/* Flags in the opcode tables */
#define F_SDST		(1u << 0)	/* writes a lane mask (carry out) */
#define F_CIN		(1u << 1)	/* src2 is a lane mask (carry in) */
#define F_CMPX		(1u << 2)	/* comparison writes EXEC */
#define F_MADMK		(1u << 3)	/* literal is src1 (fmamk) */
#define F_MADAK		(1u << 4)	/* literal is src2 (fmaak) */
#define F_MAC		(1u << 5)	/* vdst is also src2 (fmac) */
#define F_NOVOP3	(1u << 6)	/* no VOP3 form */
#define F_BRANCH	(1u << 7)	/* SOPP simm16 is a branch offset */
#define F_IMM		(1u << 8)	/* SOPP simm16 is a plain immediate */
#define F_LOAD		(1u << 9)	/* memory: writes vdst */
#define F_STORE		(1u << 10)	/* memory: reads data */
#define F_RTN		(1u << 11)	/* atomic returning the old value */
#define F_SBUF		(1u << 12)	/* SMEM with a buffer descriptor */
#define F_SDSTSRC	(1u << 13)	/* SOPK: the SDST field is a source */
#define F_LIT		(1u << 14)	/* SOPK: a 32-bit literal follows */

/*
 * The src2 column of the memory lists (DS, MUBUF, GLOBAL, FLAT, SCRATCH):
 * how a sub-dword value meets its VGPR, and which entries are atomics.
 * d16 loads write one 16-bit half and keep the other (ISA guide §9.1
 * "D16"); d16_hi stores take the high half.
 */
#define MEM_SIGNED	(1u << 0)	/* sign-extend a sub-dword load */
#define MEM_D16		(1u << 1)	/* load into bits [15:0], keep [31:16] */
#define MEM_D16_HI	(1u << 2)	/* load into / store from bits [31:16] */
#define MEM_ATOMIC	(1u << 3)	/* read-modify-write (atomic.c) */
#define MEM_FORMAT	(1u << 4)	/* typed: src1 column = channels (mtbuf.c) */

/*
 * The opcode lists.  X(ID, opcode, mnemonic, dst, src0, src1, src2, flags)
 * For memory instructions dst is the data type per dword count: T_B32
 * with dwords in the src0 column (1..16), see the list headers.
 */

/* SOP2: LLVM SOPInstructions.td SOP2_Real_gfx10 */
#define ISA_SOP2_LIST(X) \
	X(S_ADD_U32, 0x00, "s_add_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_SUB_U32, 0x01, "s_sub_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_ADD_I32, 0x02, "s_add_i32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_SUB_I32, 0x03, "s_sub_i32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_ADDC_U32, 0x04, "s_addc_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_SUBB_U32, 0x05, "s_subb_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_MIN_I32, 0x06, "s_min_i32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_MIN_U32, 0x07, "s_min_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_MAX_I32, 0x08, "s_max_i32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_MAX_U32, 0x09, "s_max_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_CSELECT_B32, 0x0a, "s_cselect_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_CSELECT_B64, 0x0b, "s_cselect_b64", T_B64, T_B64, T_B64, T_N, 0) \
	X(S_AND_B32, 0x0e, "s_and_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_AND_B64, 0x0f, "s_and_b64", T_B64, T_B64, T_B64, T_N, 0) \
	X(S_OR_B32, 0x10, "s_or_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_OR_B64, 0x11, "s_or_b64", T_B64, T_B64, T_B64, T_N, 0) \
	X(S_XOR_B32, 0x12, "s_xor_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_XOR_B64, 0x13, "s_xor_b64", T_B64, T_B64, T_B64, T_N, 0) \
	X(S_ANDN2_B32, 0x14, "s_andn2_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_ANDN2_B64, 0x15, "s_andn2_b64", T_B64, T_B64, T_B64, T_N, 0) \
	X(S_ORN2_B32, 0x16, "s_orn2_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_ORN2_B64, 0x17, "s_orn2_b64", T_B64, T_B64, T_B64, T_N, 0) \
	X(S_NAND_B32, 0x18, "s_nand_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_NAND_B64, 0x19, "s_nand_b64", T_B64, T_B64, T_B64, T_N, 0) \
	X(S_NOR_B32, 0x1a, "s_nor_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_NOR_B64, 0x1b, "s_nor_b64", T_B64, T_B64, T_B64, T_N, 0) \
	X(S_XNOR_B32, 0x1c, "s_xnor_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_XNOR_B64, 0x1d, "s_xnor_b64", T_B64, T_B64, T_B64, T_N, 0) \
	X(S_LSHL_B32, 0x1e, "s_lshl_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_LSHL_B64, 0x1f, "s_lshl_b64", T_B64, T_B64, T_B32, T_N, 0) \
	X(S_LSHR_B32, 0x20, "s_lshr_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_LSHR_B64, 0x21, "s_lshr_b64", T_B64, T_B64, T_B32, T_N, 0) \
	X(S_ASHR_I32, 0x22, "s_ashr_i32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_ASHR_I64, 0x23, "s_ashr_i64", T_B64, T_B64, T_B32, T_N, 0) \
	X(S_BFM_B32, 0x24, "s_bfm_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_BFM_B64, 0x25, "s_bfm_b64", T_B64, T_B32, T_B32, T_N, 0) \
	X(S_MUL_I32, 0x26, "s_mul_i32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_BFE_U32, 0x27, "s_bfe_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_BFE_I32, 0x28, "s_bfe_i32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_BFE_U64, 0x29, "s_bfe_u64", T_B64, T_B64, T_B32, T_N, 0) \
	X(S_BFE_I64, 0x2a, "s_bfe_i64", T_B64, T_B64, T_B32, T_N, 0) \
	X(S_ABSDIFF_I32, 0x2c, "s_absdiff_i32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_LSHL1_ADD_U32, 0x2e, "s_lshl1_add_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_LSHL2_ADD_U32, 0x2f, "s_lshl2_add_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_LSHL3_ADD_U32, 0x30, "s_lshl3_add_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_LSHL4_ADD_U32, 0x31, "s_lshl4_add_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_PACK_LL_B32_B16, 0x32, "s_pack_ll_b32_b16", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_PACK_LH_B32_B16, 0x33, "s_pack_lh_b32_b16", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_PACK_HH_B32_B16, 0x34, "s_pack_hh_b32_b16", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_MUL_HI_U32, 0x35, "s_mul_hi_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(S_MUL_HI_I32, 0x36, "s_mul_hi_i32", T_B32, T_B32, T_B32, T_N, 0)

/* SOPK: simm16 (SOPInstructions.td SOPK_Real_gfx10) */
#define ISA_SOPK_LIST(X) \
	X(S_MOVK_I32, 0x00, "s_movk_i32", T_B32, T_N, T_N, T_N, 0) \
	X(S_CMOVK_I32, 0x02, "s_cmovk_i32", T_B32, T_N, T_N, T_N, 0) \
	X(S_CMPK_EQ_I32, 0x03, "s_cmpk_eq_i32", T_B32, T_N, T_N, T_N, 0) \
	X(S_CMPK_LG_I32, 0x04, "s_cmpk_lg_i32", T_B32, T_N, T_N, T_N, 0) \
	X(S_CMPK_GT_I32, 0x05, "s_cmpk_gt_i32", T_B32, T_N, T_N, T_N, 0) \
	X(S_CMPK_GE_I32, 0x06, "s_cmpk_ge_i32", T_B32, T_N, T_N, T_N, 0) \
	X(S_CMPK_LT_I32, 0x07, "s_cmpk_lt_i32", T_B32, T_N, T_N, T_N, 0) \
	X(S_CMPK_LE_I32, 0x08, "s_cmpk_le_i32", T_B32, T_N, T_N, T_N, 0) \
	X(S_CMPK_EQ_U32, 0x09, "s_cmpk_eq_u32", T_B32, T_N, T_N, T_N, 0) \
	X(S_CMPK_LG_U32, 0x0a, "s_cmpk_lg_u32", T_B32, T_N, T_N, T_N, 0) \
	X(S_CMPK_GT_U32, 0x0b, "s_cmpk_gt_u32", T_B32, T_N, T_N, T_N, 0) \
	X(S_CMPK_GE_U32, 0x0c, "s_cmpk_ge_u32", T_B32, T_N, T_N, T_N, 0) \
	X(S_CMPK_LT_U32, 0x0d, "s_cmpk_lt_u32", T_B32, T_N, T_N, T_N, 0) \
	X(S_CMPK_LE_U32, 0x0e, "s_cmpk_le_u32", T_B32, T_N, T_N, T_N, 0) \
	X(S_ADDK_I32, 0x0f, "s_addk_i32", T_B32, T_N, T_N, T_N, 0) \
	X(S_MULK_I32, 0x10, "s_mulk_i32", T_B32, T_N, T_N, T_N, 0) \
	X(S_VERSION, 0x01, "s_version", T_N, T_N, T_N, T_N, 0) \
	X(S_GETREG_B32, 0x12, "s_getreg_b32", T_B32, T_N, T_N, T_N, 0) \
	X(S_SETREG_B32, 0x13, "s_setreg_b32", T_N, T_B32, T_N, T_N, F_SDSTSRC) \
	X(S_SETREG_IMM32_B32, 0x15, "s_setreg_imm32_b32", T_N, T_B32, T_N, T_N, F_LIT) \
	X(S_CALL_B64, 0x16, "s_call_b64", T_B64, T_N, T_N, T_N, F_BRANCH) \
	X(S_WAITCNT_VSCNT, 0x17, "s_waitcnt_vscnt", T_N, T_B32, T_N, T_N, F_SDSTSRC) \
	X(S_WAITCNT_VMCNT, 0x18, "s_waitcnt_vmcnt", T_N, T_B32, T_N, T_N, F_SDSTSRC) \
	X(S_WAITCNT_EXPCNT, 0x19, "s_waitcnt_expcnt", T_N, T_B32, T_N, T_N, F_SDSTSRC) \
	X(S_WAITCNT_LGKMCNT, 0x1a, "s_waitcnt_lgkmcnt", T_N, T_B32, T_N, T_N, F_SDSTSRC)

/* SOP1 (SOPInstructions.td SOP1_Real_gfx10) */
#define ISA_SOP1_LIST(X) \
	X(S_MOV_B32, 0x03, "s_mov_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_MOV_B64, 0x04, "s_mov_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_CMOV_B32, 0x05, "s_cmov_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_CMOV_B64, 0x06, "s_cmov_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_NOT_B32, 0x07, "s_not_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_NOT_B64, 0x08, "s_not_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_WQM_B32, 0x09, "s_wqm_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_WQM_B64, 0x0a, "s_wqm_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_BREV_B32, 0x0b, "s_brev_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_BREV_B64, 0x0c, "s_brev_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_BCNT0_I32_B32, 0x0d, "s_bcnt0_i32_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_BCNT0_I32_B64, 0x0e, "s_bcnt0_i32_b64", T_B32, T_B64, T_N, T_N, 0) \
	X(S_BCNT1_I32_B32, 0x0f, "s_bcnt1_i32_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_BCNT1_I32_B64, 0x10, "s_bcnt1_i32_b64", T_B32, T_B64, T_N, T_N, 0) \
	X(S_FF0_I32_B32, 0x11, "s_ff0_i32_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_FF0_I32_B64, 0x12, "s_ff0_i32_b64", T_B32, T_B64, T_N, T_N, 0) \
	X(S_FF1_I32_B32, 0x13, "s_ff1_i32_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_FF1_I32_B64, 0x14, "s_ff1_i32_b64", T_B32, T_B64, T_N, T_N, 0) \
	X(S_FLBIT_I32_B32, 0x15, "s_flbit_i32_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_FLBIT_I32_B64, 0x16, "s_flbit_i32_b64", T_B32, T_B64, T_N, T_N, 0) \
	X(S_FLBIT_I32, 0x17, "s_flbit_i32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_FLBIT_I32_I64, 0x18, "s_flbit_i32_i64", T_B32, T_B64, T_N, T_N, 0) \
	X(S_SEXT_I32_I8, 0x19, "s_sext_i32_i8", T_B32, T_B32, T_N, T_N, 0) \
	X(S_SEXT_I32_I16, 0x1a, "s_sext_i32_i16", T_B32, T_B32, T_N, T_N, 0) \
	X(S_BITSET0_B32, 0x1b, "s_bitset0_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_BITSET0_B64, 0x1c, "s_bitset0_b64", T_B64, T_B32, T_N, T_N, 0) \
	X(S_BITSET1_B32, 0x1d, "s_bitset1_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_BITSET1_B64, 0x1e, "s_bitset1_b64", T_B64, T_B32, T_N, T_N, 0) \
	X(S_GETPC_B64, 0x1f, "s_getpc_b64", T_B64, T_N, T_N, T_N, 0) \
	X(S_SETPC_B64, 0x20, "s_setpc_b64", T_N, T_B64, T_N, T_N, 0) \
	X(S_SWAPPC_B64, 0x21, "s_swappc_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_AND_SAVEEXEC_B64, 0x24, "s_and_saveexec_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_OR_SAVEEXEC_B64, 0x25, "s_or_saveexec_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_XOR_SAVEEXEC_B64, 0x26, "s_xor_saveexec_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_ANDN2_SAVEEXEC_B64, 0x27, "s_andn2_saveexec_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_ORN2_SAVEEXEC_B64, 0x28, "s_orn2_saveexec_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_NAND_SAVEEXEC_B64, 0x29, "s_nand_saveexec_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_NOR_SAVEEXEC_B64, 0x2a, "s_nor_saveexec_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_XNOR_SAVEEXEC_B64, 0x2b, "s_xnor_saveexec_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_QUADMASK_B32, 0x2c, "s_quadmask_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_QUADMASK_B64, 0x2d, "s_quadmask_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_MOVRELS_B32, 0x2e, "s_movrels_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_MOVRELS_B64, 0x2f, "s_movrels_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_MOVRELD_B32, 0x30, "s_movreld_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_MOVRELD_B64, 0x31, "s_movreld_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_ABS_I32, 0x34, "s_abs_i32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_ANDN1_SAVEEXEC_B64, 0x37, "s_andn1_saveexec_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_ORN1_SAVEEXEC_B64, 0x38, "s_orn1_saveexec_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_ANDN1_WREXEC_B64, 0x39, "s_andn1_wrexec_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_ANDN2_WREXEC_B64, 0x3a, "s_andn2_wrexec_b64", T_B64, T_B64, T_N, T_N, 0) \
	X(S_BITREPLICATE_B64_B32, 0x3b, "s_bitreplicate_b64_b32", T_B64, T_B32, T_N, T_N, 0) \
	X(S_AND_SAVEEXEC_B32, 0x3c, "s_and_saveexec_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_OR_SAVEEXEC_B32, 0x3d, "s_or_saveexec_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_XOR_SAVEEXEC_B32, 0x3e, "s_xor_saveexec_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_ANDN2_SAVEEXEC_B32, 0x3f, "s_andn2_saveexec_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_ORN2_SAVEEXEC_B32, 0x40, "s_orn2_saveexec_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_NAND_SAVEEXEC_B32, 0x41, "s_nand_saveexec_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_NOR_SAVEEXEC_B32, 0x42, "s_nor_saveexec_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_XNOR_SAVEEXEC_B32, 0x43, "s_xnor_saveexec_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_ANDN1_SAVEEXEC_B32, 0x44, "s_andn1_saveexec_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_ORN1_SAVEEXEC_B32, 0x45, "s_orn1_saveexec_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_ANDN1_WREXEC_B32, 0x46, "s_andn1_wrexec_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_ANDN2_WREXEC_B32, 0x47, "s_andn2_wrexec_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(S_MOVRELSD_2_B32, 0x49, "s_movrelsd_2_b32", T_B32, T_B32, T_N, T_N, 0)

/* SOPC (SOPInstructions.td SOPC_Real_gfx10): sets SCC */
#define ISA_SOPC_LIST(X) \
	X(S_CMP_EQ_I32, 0x00, "s_cmp_eq_i32", T_N, T_B32, T_B32, T_N, 0) \
	X(S_CMP_LG_I32, 0x01, "s_cmp_lg_i32", T_N, T_B32, T_B32, T_N, 0) \
	X(S_CMP_GT_I32, 0x02, "s_cmp_gt_i32", T_N, T_B32, T_B32, T_N, 0) \
	X(S_CMP_GE_I32, 0x03, "s_cmp_ge_i32", T_N, T_B32, T_B32, T_N, 0) \
	X(S_CMP_LT_I32, 0x04, "s_cmp_lt_i32", T_N, T_B32, T_B32, T_N, 0) \
	X(S_CMP_LE_I32, 0x05, "s_cmp_le_i32", T_N, T_B32, T_B32, T_N, 0) \
	X(S_CMP_EQ_U32, 0x06, "s_cmp_eq_u32", T_N, T_B32, T_B32, T_N, 0) \
	X(S_CMP_LG_U32, 0x07, "s_cmp_lg_u32", T_N, T_B32, T_B32, T_N, 0) \
	X(S_CMP_GT_U32, 0x08, "s_cmp_gt_u32", T_N, T_B32, T_B32, T_N, 0) \
	X(S_CMP_GE_U32, 0x09, "s_cmp_ge_u32", T_N, T_B32, T_B32, T_N, 0) \
	X(S_CMP_LT_U32, 0x0a, "s_cmp_lt_u32", T_N, T_B32, T_B32, T_N, 0) \
	X(S_CMP_LE_U32, 0x0b, "s_cmp_le_u32", T_N, T_B32, T_B32, T_N, 0) \
	X(S_BITCMP0_B32, 0x0c, "s_bitcmp0_b32", T_N, T_B32, T_B32, T_N, 0) \
	X(S_BITCMP1_B32, 0x0d, "s_bitcmp1_b32", T_N, T_B32, T_B32, T_N, 0) \
	X(S_BITCMP0_B64, 0x0e, "s_bitcmp0_b64", T_N, T_B64, T_B32, T_N, 0) \
	X(S_BITCMP1_B64, 0x0f, "s_bitcmp1_b64", T_N, T_B64, T_B32, T_N, 0) \
	X(S_CMP_EQ_U64, 0x12, "s_cmp_eq_u64", T_N, T_B64, T_B64, T_N, 0) \
	X(S_CMP_LG_U64, 0x13, "s_cmp_lg_u64", T_N, T_B64, T_B64, T_N, 0)

/* SOPP (SOPInstructions.td SOPP_Real_gfx10) */
#define ISA_SOPP_LIST(X) \
	X(S_NOP, 0x00, "s_nop", T_N, T_N, T_N, T_N, F_IMM) \
	X(S_ENDPGM, 0x01, "s_endpgm", T_N, T_N, T_N, T_N, 0) \
	X(S_BRANCH, 0x02, "s_branch", T_N, T_N, T_N, T_N, F_BRANCH) \
	X(S_WAKEUP, 0x03, "s_wakeup", T_N, T_N, T_N, T_N, 0) \
	X(S_CBRANCH_SCC0, 0x04, "s_cbranch_scc0", T_N, T_N, T_N, T_N, F_BRANCH) \
	X(S_CBRANCH_SCC1, 0x05, "s_cbranch_scc1", T_N, T_N, T_N, T_N, F_BRANCH) \
	X(S_CBRANCH_VCCZ, 0x06, "s_cbranch_vccz", T_N, T_N, T_N, T_N, F_BRANCH) \
	X(S_CBRANCH_VCCNZ, 0x07, "s_cbranch_vccnz", T_N, T_N, T_N, T_N, F_BRANCH) \
	X(S_CBRANCH_EXECZ, 0x08, "s_cbranch_execz", T_N, T_N, T_N, T_N, F_BRANCH) \
	X(S_CBRANCH_EXECNZ, 0x09, "s_cbranch_execnz", T_N, T_N, T_N, T_N, F_BRANCH) \
	X(S_BARRIER, 0x0a, "s_barrier", T_N, T_N, T_N, T_N, 0) \
	X(S_SETKILL, 0x0b, "s_setkill", T_N, T_N, T_N, T_N, F_IMM) \
	X(S_WAITCNT, 0x0c, "s_waitcnt", T_N, T_N, T_N, T_N, F_IMM) \
	X(S_SETHALT, 0x0d, "s_sethalt", T_N, T_N, T_N, T_N, F_IMM) \
	X(S_SLEEP, 0x0e, "s_sleep", T_N, T_N, T_N, T_N, F_IMM) \
	X(S_SETPRIO, 0x0f, "s_setprio", T_N, T_N, T_N, T_N, F_IMM) \
	X(S_SENDMSG, 0x10, "s_sendmsg", T_N, T_N, T_N, T_N, F_IMM) \
	X(S_TRAP, 0x12, "s_trap", T_N, T_N, T_N, T_N, F_IMM) \
	X(S_ICACHE_INV, 0x13, "s_icache_inv", T_N, T_N, T_N, T_N, 0) \
	X(S_INCPERFLEVEL, 0x14, "s_incperflevel", T_N, T_N, T_N, T_N, F_IMM) \
	X(S_DECPERFLEVEL, 0x15, "s_decperflevel", T_N, T_N, T_N, T_N, F_IMM) \
	X(S_ENDPGM_SAVED, 0x1b, "s_endpgm_saved", T_N, T_N, T_N, T_N, 0) \
	X(S_CODE_END, 0x1f, "s_code_end", T_N, T_N, T_N, T_N, 0) \
	X(S_INST_PREFETCH, 0x20, "s_inst_prefetch", T_N, T_N, T_N, T_N, F_IMM) \
	X(S_CLAUSE, 0x21, "s_clause", T_N, T_N, T_N, T_N, F_IMM) \
	X(S_WAITCNT_DEPCTR, 0x23, "s_waitcnt_depctr", T_N, T_N, T_N, T_N, F_IMM) \
	X(S_ROUND_MODE, 0x24, "s_round_mode", T_N, T_N, T_N, T_N, F_IMM) \
	X(S_DENORM_MODE, 0x25, "s_denorm_mode", T_N, T_N, T_N, T_N, F_IMM)

/* SMEM (SMInstructions.td SMEM_Real_gfx10): src0 column = dwords */
#define ISA_SMEM_LIST(X) \
	X(S_LOAD_DWORD, 0x00, "s_load_dword", T_B32, 1, T_N, T_N, F_LOAD) \
	X(S_LOAD_DWORDX2, 0x01, "s_load_dwordx2", T_B32, 2, T_N, T_N, F_LOAD) \
	X(S_LOAD_DWORDX4, 0x02, "s_load_dwordx4", T_B32, 4, T_N, T_N, F_LOAD) \
	X(S_LOAD_DWORDX8, 0x03, "s_load_dwordx8", T_B32, 8, T_N, T_N, F_LOAD) \
	X(S_LOAD_DWORDX16, 0x04, "s_load_dwordx16", T_B32, 16, T_N, T_N, F_LOAD) \
	X(S_BUFFER_LOAD_DWORD, 0x08, "s_buffer_load_dword", T_B32, 1, T_N, T_N, F_LOAD | F_SBUF) \
	X(S_BUFFER_LOAD_DWORDX2, 0x09, "s_buffer_load_dwordx2", T_B32, 2, T_N, T_N, F_LOAD | F_SBUF) \
	X(S_BUFFER_LOAD_DWORDX4, 0x0a, "s_buffer_load_dwordx4", T_B32, 4, T_N, T_N, F_LOAD | F_SBUF) \
	X(S_BUFFER_LOAD_DWORDX8, 0x0b, "s_buffer_load_dwordx8", T_B32, 8, T_N, T_N, F_LOAD | F_SBUF) \
	X(S_BUFFER_LOAD_DWORDX16, 0x0c, "s_buffer_load_dwordx16", T_B32, 16, T_N, T_N, F_LOAD | F_SBUF) \
	X(S_GL1_INV, 0x1f, "s_gl1_inv", T_N, 0, T_N, T_N, 0) \
	X(S_DCACHE_INV, 0x20, "s_dcache_inv", T_N, 0, T_N, T_N, 0) \
	X(S_MEMTIME, 0x24, "s_memtime", T_B64, 0, T_N, T_N, 0) \
	X(S_MEMREALTIME, 0x25, "s_memrealtime", T_B64, 0, T_N, T_N, 0)

/* VOP2 (VOP2Instructions.td VOP2_Real_gfx10); VOP3 form at 0x100 + op */
#define ISA_VOP2_LIST(X) \
	X(V_CNDMASK_B32, 0x01, "v_cndmask_b32", T_B32, T_B32, T_B32, T_LM, F_CIN) \
	X(V_ADD_F32, 0x03, "v_add_f32", T_F32, T_F32, T_F32, T_N, 0) \
	X(V_SUB_F32, 0x04, "v_sub_f32", T_F32, T_F32, T_F32, T_N, 0) \
	X(V_SUBREV_F32, 0x05, "v_subrev_f32", T_F32, T_F32, T_F32, T_N, 0) \
	X(V_FMAC_LEGACY_F32, 0x06, "v_fmac_legacy_f32", T_F32, T_F32, T_F32, T_N, F_MAC) \
	X(V_MUL_LEGACY_F32, 0x07, "v_mul_legacy_f32", T_F32, T_F32, T_F32, T_N, 0) \
	X(V_MUL_F32, 0x08, "v_mul_f32", T_F32, T_F32, T_F32, T_N, 0) \
	X(V_MUL_I32_I24, 0x09, "v_mul_i32_i24", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_MUL_HI_I32_I24, 0x0a, "v_mul_hi_i32_i24", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_MUL_U32_U24, 0x0b, "v_mul_u32_u24", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_MUL_HI_U32_U24, 0x0c, "v_mul_hi_u32_u24", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_MIN_F32, 0x0f, "v_min_f32", T_F32, T_F32, T_F32, T_N, 0) \
	X(V_MAX_F32, 0x10, "v_max_f32", T_F32, T_F32, T_F32, T_N, 0) \
	X(V_MIN_I32, 0x11, "v_min_i32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_MAX_I32, 0x12, "v_max_i32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_MIN_U32, 0x13, "v_min_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_MAX_U32, 0x14, "v_max_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_LSHRREV_B32, 0x16, "v_lshrrev_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_ASHRREV_I32, 0x18, "v_ashrrev_i32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_LSHLREV_B32, 0x1a, "v_lshlrev_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_AND_B32, 0x1b, "v_and_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_OR_B32, 0x1c, "v_or_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_XOR_B32, 0x1d, "v_xor_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_XNOR_B32, 0x1e, "v_xnor_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_ADD_NC_U32, 0x25, "v_add_nc_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_SUB_NC_U32, 0x26, "v_sub_nc_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_SUBREV_NC_U32, 0x27, "v_subrev_nc_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_ADD_CO_CI_U32, 0x28, "v_add_co_ci_u32", T_B32, T_B32, T_B32, T_LM, F_SDST | F_CIN) \
	X(V_SUB_CO_CI_U32, 0x29, "v_sub_co_ci_u32", T_B32, T_B32, T_B32, T_LM, F_SDST | F_CIN) \
	X(V_SUBREV_CO_CI_U32, 0x2a, "v_subrev_co_ci_u32", T_B32, T_B32, T_B32, T_LM, F_SDST | F_CIN) \
	X(V_FMAC_F32, 0x2b, "v_fmac_f32", T_F32, T_F32, T_F32, T_N, F_MAC) \
	X(V_FMAMK_F32, 0x2c, "v_fmamk_f32", T_F32, T_F32, T_F32, T_F32, F_MADMK | F_NOVOP3) \
	X(V_FMAAK_F32, 0x2d, "v_fmaak_f32", T_F32, T_F32, T_F32, T_F32, F_MADAK | F_NOVOP3) \
	X(V_CVT_PKRTZ_F16_F32, 0x2f, "v_cvt_pkrtz_f16_f32", T_B32, T_F32, T_F32, T_N, 0) \
	X(V_ADD_F16, 0x32, "v_add_f16", T_F16, T_F16, T_F16, T_N, 0) \
	X(V_SUB_F16, 0x33, "v_sub_f16", T_F16, T_F16, T_F16, T_N, 0) \
	X(V_SUBREV_F16, 0x34, "v_subrev_f16", T_F16, T_F16, T_F16, T_N, 0) \
	X(V_MUL_F16, 0x35, "v_mul_f16", T_F16, T_F16, T_F16, T_N, 0) \
	X(V_FMAC_F16, 0x36, "v_fmac_f16", T_F16, T_F16, T_F16, T_N, F_MAC) \
	X(V_MAX_F16, 0x39, "v_max_f16", T_F16, T_F16, T_F16, T_N, 0) \
	X(V_MIN_F16, 0x3a, "v_min_f16", T_F16, T_F16, T_F16, T_N, 0) \
	X(V_DOT2C_F32_F16, 0x02, "v_dot2c_f32_f16", T_F32, T_PK16, T_PK16, T_N, F_MAC | F_NOVOP3) \
	X(V_DOT4C_I32_I8, 0x0d, "v_dot4c_i32_i8", T_B32, T_B32, T_B32, T_N, F_MAC | F_NOVOP3) \
	X(V_FMAMK_F16, 0x37, "v_fmamk_f16", T_F16, T_F16, T_F16, T_F16, F_MADMK | F_NOVOP3) \
	X(V_FMAAK_F16, 0x38, "v_fmaak_f16", T_F16, T_F16, T_F16, T_F16, F_MADAK | F_NOVOP3) \
	X(V_LDEXP_F16, 0x3b, "v_ldexp_f16", T_F16, T_F16, T_B16, T_N, 0) \
	X(V_PK_FMAC_F16, 0x3c, "v_pk_fmac_f16", T_PK16, T_PK16, T_PK16, T_N, F_MAC | F_NOVOP3)

/* VOP1 (VOP1Instructions.td VOP1_Real_gfx10); VOP3 form at 0x180 + op */
#define ISA_VOP1_LIST(X) \
	X(V_NOP, 0x00, "v_nop", T_N, T_N, T_N, T_N, 0) \
	X(V_MOV_B32, 0x01, "v_mov_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(V_READFIRSTLANE_B32, 0x02, "v_readfirstlane_b32", T_S32, T_B32, T_N, T_N, F_NOVOP3) \
	X(V_CVT_I32_F64, 0x03, "v_cvt_i32_f64", T_B32, T_F64, T_N, T_N, 0) \
	X(V_CVT_F64_I32, 0x04, "v_cvt_f64_i32", T_F64, T_B32, T_N, T_N, 0) \
	X(V_CVT_F32_I32, 0x05, "v_cvt_f32_i32", T_F32, T_B32, T_N, T_N, 0) \
	X(V_CVT_F32_U32, 0x06, "v_cvt_f32_u32", T_F32, T_B32, T_N, T_N, 0) \
	X(V_CVT_U32_F32, 0x07, "v_cvt_u32_f32", T_B32, T_F32, T_N, T_N, 0) \
	X(V_CVT_I32_F32, 0x08, "v_cvt_i32_f32", T_B32, T_F32, T_N, T_N, 0) \
	X(V_CVT_F16_F32, 0x0a, "v_cvt_f16_f32", T_F16, T_F32, T_N, T_N, 0) \
	X(V_CVT_F32_F16, 0x0b, "v_cvt_f32_f16", T_F32, T_F16, T_N, T_N, 0) \
	X(V_CVT_RPI_I32_F32, 0x0c, "v_cvt_rpi_i32_f32", T_B32, T_F32, T_N, T_N, 0) \
	X(V_CVT_FLR_I32_F32, 0x0d, "v_cvt_flr_i32_f32", T_B32, T_F32, T_N, T_N, 0) \
	X(V_CVT_F32_F64, 0x0f, "v_cvt_f32_f64", T_F32, T_F64, T_N, T_N, 0) \
	X(V_CVT_F64_F32, 0x10, "v_cvt_f64_f32", T_F64, T_F32, T_N, T_N, 0) \
	X(V_CVT_F32_UBYTE0, 0x11, "v_cvt_f32_ubyte0", T_F32, T_B32, T_N, T_N, 0) \
	X(V_CVT_F32_UBYTE1, 0x12, "v_cvt_f32_ubyte1", T_F32, T_B32, T_N, T_N, 0) \
	X(V_CVT_F32_UBYTE2, 0x13, "v_cvt_f32_ubyte2", T_F32, T_B32, T_N, T_N, 0) \
	X(V_CVT_F32_UBYTE3, 0x14, "v_cvt_f32_ubyte3", T_F32, T_B32, T_N, T_N, 0) \
	X(V_CVT_U32_F64, 0x15, "v_cvt_u32_f64", T_B32, T_F64, T_N, T_N, 0) \
	X(V_CVT_F64_U32, 0x16, "v_cvt_f64_u32", T_F64, T_B32, T_N, T_N, 0) \
	X(V_TRUNC_F64, 0x17, "v_trunc_f64", T_F64, T_F64, T_N, T_N, 0) \
	X(V_CEIL_F64, 0x18, "v_ceil_f64", T_F64, T_F64, T_N, T_N, 0) \
	X(V_RNDNE_F64, 0x19, "v_rndne_f64", T_F64, T_F64, T_N, T_N, 0) \
	X(V_FLOOR_F64, 0x1a, "v_floor_f64", T_F64, T_F64, T_N, T_N, 0) \
	X(V_FRACT_F32, 0x20, "v_fract_f32", T_F32, T_F32, T_N, T_N, 0) \
	X(V_TRUNC_F32, 0x21, "v_trunc_f32", T_F32, T_F32, T_N, T_N, 0) \
	X(V_CEIL_F32, 0x22, "v_ceil_f32", T_F32, T_F32, T_N, T_N, 0) \
	X(V_RNDNE_F32, 0x23, "v_rndne_f32", T_F32, T_F32, T_N, T_N, 0) \
	X(V_FLOOR_F32, 0x24, "v_floor_f32", T_F32, T_F32, T_N, T_N, 0) \
	X(V_EXP_F32, 0x25, "v_exp_f32", T_F32, T_F32, T_N, T_N, 0) \
	X(V_LOG_F32, 0x27, "v_log_f32", T_F32, T_F32, T_N, T_N, 0) \
	X(V_RCP_F32, 0x2a, "v_rcp_f32", T_F32, T_F32, T_N, T_N, 0) \
	X(V_RCP_IFLAG_F32, 0x2b, "v_rcp_iflag_f32", T_F32, T_F32, T_N, T_N, 0) \
	X(V_RSQ_F32, 0x2e, "v_rsq_f32", T_F32, T_F32, T_N, T_N, 0) \
	X(V_RCP_F64, 0x2f, "v_rcp_f64", T_F64, T_F64, T_N, T_N, 0) \
	X(V_RSQ_F64, 0x31, "v_rsq_f64", T_F64, T_F64, T_N, T_N, 0) \
	X(V_SQRT_F32, 0x33, "v_sqrt_f32", T_F32, T_F32, T_N, T_N, 0) \
	X(V_SQRT_F64, 0x34, "v_sqrt_f64", T_F64, T_F64, T_N, T_N, 0) \
	X(V_SIN_F32, 0x35, "v_sin_f32", T_F32, T_F32, T_N, T_N, 0) \
	X(V_COS_F32, 0x36, "v_cos_f32", T_F32, T_F32, T_N, T_N, 0) \
	X(V_NOT_B32, 0x37, "v_not_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(V_BFREV_B32, 0x38, "v_bfrev_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(V_FFBH_U32, 0x39, "v_ffbh_u32", T_B32, T_B32, T_N, T_N, 0) \
	X(V_FFBL_B32, 0x3a, "v_ffbl_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(V_FFBH_I32, 0x3b, "v_ffbh_i32", T_B32, T_B32, T_N, T_N, 0) \
	X(V_FRACT_F64, 0x3e, "v_fract_f64", T_F64, T_F64, T_N, T_N, 0) \
	X(V_FREXP_EXP_I32_F32, 0x3f, "v_frexp_exp_i32_f32", T_B32, T_F32, T_N, T_N, 0) \
	X(V_FREXP_MANT_F32, 0x40, "v_frexp_mant_f32", T_F32, T_F32, T_N, T_N, 0) \
	X(V_CVT_F16_U16, 0x50, "v_cvt_f16_u16", T_F16, T_B16, T_N, T_N, 0) \
	X(V_CVT_F16_I16, 0x51, "v_cvt_f16_i16", T_F16, T_B16, T_N, T_N, 0) \
	X(V_CVT_U16_F16, 0x52, "v_cvt_u16_f16", T_B16, T_F16, T_N, T_N, 0) \
	X(V_CVT_I16_F16, 0x53, "v_cvt_i16_f16", T_B16, T_F16, T_N, T_N, 0) \
	X(V_RCP_F16, 0x54, "v_rcp_f16", T_F16, T_F16, T_N, T_N, 0) \
	X(V_SQRT_F16, 0x55, "v_sqrt_f16", T_F16, T_F16, T_N, T_N, 0) \
	X(V_FREXP_EXP_I32_F64, 0x3c, "v_frexp_exp_i32_f64", T_B32, T_F64, T_N, T_N, 0) \
	X(V_FREXP_MANT_F64, 0x3d, "v_frexp_mant_f64", T_F64, T_F64, T_N, T_N, 0) \
	X(V_MOVRELD_B32, 0x42, "v_movreld_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(V_MOVRELS_B32, 0x43, "v_movrels_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(V_MOVRELSD_B32, 0x44, "v_movrelsd_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(V_MOVRELSD_2_B32, 0x48, "v_movrelsd_2_b32", T_B32, T_B32, T_N, T_N, 0) \
	X(V_RSQ_F16, 0x56, "v_rsq_f16", T_F16, T_F16, T_N, T_N, 0) \
	X(V_LOG_F16, 0x57, "v_log_f16", T_F16, T_F16, T_N, T_N, 0) \
	X(V_EXP_F16, 0x58, "v_exp_f16", T_F16, T_F16, T_N, T_N, 0) \
	X(V_FREXP_MANT_F16, 0x59, "v_frexp_mant_f16", T_F16, T_F16, T_N, T_N, 0) \
	X(V_FREXP_EXP_I16_F16, 0x5a, "v_frexp_exp_i16_f16", T_B16, T_F16, T_N, T_N, 0) \
	X(V_FLOOR_F16, 0x5b, "v_floor_f16", T_F16, T_F16, T_N, T_N, 0) \
	X(V_CEIL_F16, 0x5c, "v_ceil_f16", T_F16, T_F16, T_N, T_N, 0) \
	X(V_TRUNC_F16, 0x5d, "v_trunc_f16", T_F16, T_F16, T_N, T_N, 0) \
	X(V_RNDNE_F16, 0x5e, "v_rndne_f16", T_F16, T_F16, T_N, T_N, 0) \
	X(V_FRACT_F16, 0x5f, "v_fract_f16", T_F16, T_F16, T_N, T_N, 0) \
	X(V_SIN_F16, 0x60, "v_sin_f16", T_F16, T_F16, T_N, T_N, 0) \
	X(V_COS_F16, 0x61, "v_cos_f16", T_F16, T_F16, T_N, T_N, 0) \
	X(V_SWAP_B32, 0x65, "v_swap_b32", T_B32, T_B32, T_N, T_N, F_NOVOP3) \
	X(V_CVT_OFF_F32_I4, 0x0e, "v_cvt_off_f32_i4", T_F32, T_B32, T_N, T_N, 0) \
	X(V_CVT_NORM_I16_F16, 0x63, "v_cvt_norm_i16_f16", T_B16, T_F16, T_N, T_N, 0) \
	X(V_CVT_NORM_U16_F16, 0x64, "v_cvt_norm_u16_f16", T_B16, T_F16, T_N, T_N, 0)

/*
 * VOPC (VOPCInstructions.td VOPC_Real_gfx10); VOP3 form at op.  The list
 * is generated per type: 16 float conditions for f32 and f64, 8 integer
 * conditions for i32, u32, i64, u64 (ISA guide §6.4).
 */
#define ISA_VOPC_FCMP(X, T, ty, base, cbase) \
	X(V_CMP_F_##T, base + 0x0, "v_cmp_f_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_LT_##T, base + 0x1, "v_cmp_lt_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_EQ_##T, base + 0x2, "v_cmp_eq_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_LE_##T, base + 0x3, "v_cmp_le_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_GT_##T, base + 0x4, "v_cmp_gt_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_LG_##T, base + 0x5, "v_cmp_lg_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_GE_##T, base + 0x6, "v_cmp_ge_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_O_##T, base + 0x7, "v_cmp_o_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_U_##T, base + 0x8, "v_cmp_u_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_NGE_##T, base + 0x9, "v_cmp_nge_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_NLG_##T, base + 0xa, "v_cmp_nlg_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_NGT_##T, base + 0xb, "v_cmp_ngt_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_NLE_##T, base + 0xc, "v_cmp_nle_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_NEQ_##T, base + 0xd, "v_cmp_neq_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_NLT_##T, base + 0xe, "v_cmp_nlt_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMP_TRU_##T, base + 0xf, "v_cmp_tru_" ty, T_LM, T_##T, T_##T, T_N, 0) \
	X(V_CMPX_F_##T, cbase + 0x0, "v_cmpx_f_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_LT_##T, cbase + 0x1, "v_cmpx_lt_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_EQ_##T, cbase + 0x2, "v_cmpx_eq_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_LE_##T, cbase + 0x3, "v_cmpx_le_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_GT_##T, cbase + 0x4, "v_cmpx_gt_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_LG_##T, cbase + 0x5, "v_cmpx_lg_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_GE_##T, cbase + 0x6, "v_cmpx_ge_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_O_##T, cbase + 0x7, "v_cmpx_o_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_U_##T, cbase + 0x8, "v_cmpx_u_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_NGE_##T, cbase + 0x9, "v_cmpx_nge_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_NLG_##T, cbase + 0xa, "v_cmpx_nlg_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_NGT_##T, cbase + 0xb, "v_cmpx_ngt_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_NLE_##T, cbase + 0xc, "v_cmpx_nle_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_NEQ_##T, cbase + 0xd, "v_cmpx_neq_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_NLT_##T, cbase + 0xe, "v_cmpx_nlt_" ty, T_N, T_##T, T_##T, T_N, F_CMPX) \
	X(V_CMPX_TRU_##T, cbase + 0xf, "v_cmpx_tru_" ty, T_N, T_##T, T_##T, T_N, F_CMPX)

#define ISA_VOPC_ICMP(X, N, T, ty, base, cbase) \
	X(V_CMP_F_##N, base + 0x0, "v_cmp_f_" ty, T_LM, T, T, T_N, 0) \
	X(V_CMP_LT_##N, base + 0x1, "v_cmp_lt_" ty, T_LM, T, T, T_N, 0) \
	X(V_CMP_EQ_##N, base + 0x2, "v_cmp_eq_" ty, T_LM, T, T, T_N, 0) \
	X(V_CMP_LE_##N, base + 0x3, "v_cmp_le_" ty, T_LM, T, T, T_N, 0) \
	X(V_CMP_GT_##N, base + 0x4, "v_cmp_gt_" ty, T_LM, T, T, T_N, 0) \
	X(V_CMP_NE_##N, base + 0x5, "v_cmp_ne_" ty, T_LM, T, T, T_N, 0) \
	X(V_CMP_GE_##N, base + 0x6, "v_cmp_ge_" ty, T_LM, T, T, T_N, 0) \
	X(V_CMP_T_##N, base + 0x7, "v_cmp_t_" ty, T_LM, T, T, T_N, 0) \
	X(V_CMPX_F_##N, cbase + 0x0, "v_cmpx_f_" ty, T_N, T, T, T_N, F_CMPX) \
	X(V_CMPX_LT_##N, cbase + 0x1, "v_cmpx_lt_" ty, T_N, T, T, T_N, F_CMPX) \
	X(V_CMPX_EQ_##N, cbase + 0x2, "v_cmpx_eq_" ty, T_N, T, T, T_N, F_CMPX) \
	X(V_CMPX_LE_##N, cbase + 0x3, "v_cmpx_le_" ty, T_N, T, T, T_N, F_CMPX) \
	X(V_CMPX_GT_##N, cbase + 0x4, "v_cmpx_gt_" ty, T_N, T, T, T_N, F_CMPX) \
	X(V_CMPX_NE_##N, cbase + 0x5, "v_cmpx_ne_" ty, T_N, T, T, T_N, F_CMPX) \
	X(V_CMPX_GE_##N, cbase + 0x6, "v_cmpx_ge_" ty, T_N, T, T, T_N, F_CMPX) \
	X(V_CMPX_T_##N, cbase + 0x7, "v_cmpx_t_" ty, T_N, T, T, T_N, F_CMPX)

/*
 * The 16-bit compares sit in the gaps of the 32/64-bit ones: f16 in
 * 0xc8-0xcf (f..o) and 0xe8-0xef (u..tru), cmpx at +0x10; i16 and u16
 * only have lt..ge (LLVM VOPCInstructions.td VOPC_Real_gfx10, checked by
 * llvm-mc: v_cmp_f_i16 / v_cmp_t_i16 do not exist on gfx10).
 */
#define ISA_VOPC_F16(X, N, n, hw) \
	X(V_CMP_##N##_F16, hw, "v_cmp_" n "_f16", T_LM, T_F16, T_F16, T_N, 0) \
	X(V_CMPX_##N##_F16, hw + 0x10, "v_cmpx_" n "_f16", T_N, T_F16, T_F16, T_N, F_CMPX)
#define ISA_VOPC_I16(X, N, n, k) \
	X(V_CMP_##N##_I16, 0x88 + k, "v_cmp_" n "_i16", T_LM, T_B16, T_B16, T_N, 0) \
	X(V_CMPX_##N##_I16, 0x98 + k, "v_cmpx_" n "_i16", T_N, T_B16, T_B16, T_N, F_CMPX) \
	X(V_CMP_##N##_U16, 0xa8 + k, "v_cmp_" n "_u16", T_LM, T_B16, T_B16, T_N, 0) \
	X(V_CMPX_##N##_U16, 0xb8 + k, "v_cmpx_" n "_u16", T_N, T_B16, T_B16, T_N, F_CMPX)
#define ISA_VOPC_16_LIST(X) \
	ISA_VOPC_F16(X, F, "f", 0xc8) ISA_VOPC_F16(X, LT, "lt", 0xc9) \
	ISA_VOPC_F16(X, EQ, "eq", 0xca) ISA_VOPC_F16(X, LE, "le", 0xcb) \
	ISA_VOPC_F16(X, GT, "gt", 0xcc) ISA_VOPC_F16(X, LG, "lg", 0xcd) \
	ISA_VOPC_F16(X, GE, "ge", 0xce) ISA_VOPC_F16(X, O, "o", 0xcf) \
	ISA_VOPC_F16(X, U, "u", 0xe8) ISA_VOPC_F16(X, NGE, "nge", 0xe9) \
	ISA_VOPC_F16(X, NLG, "nlg", 0xea) ISA_VOPC_F16(X, NGT, "ngt", 0xeb) \
	ISA_VOPC_F16(X, NLE, "nle", 0xec) ISA_VOPC_F16(X, NEQ, "neq", 0xed) \
	ISA_VOPC_F16(X, NLT, "nlt", 0xee) ISA_VOPC_F16(X, TRU, "tru", 0xef) \
	ISA_VOPC_I16(X, LT, "lt", 1) ISA_VOPC_I16(X, EQ, "eq", 2) \
	ISA_VOPC_I16(X, LE, "le", 3) ISA_VOPC_I16(X, GT, "gt", 4) \
	ISA_VOPC_I16(X, NE, "ne", 5) ISA_VOPC_I16(X, GE, "ge", 6) \
	X(V_CMP_CLASS_F16, 0x8f, "v_cmp_class_f16", T_LM, T_F16, T_B16, T_N, 0) \
	X(V_CMPX_CLASS_F16, 0x9f, "v_cmpx_class_f16", T_N, T_F16, T_B16, T_N, F_CMPX)

#define ISA_VOPC_LIST(X) \
	ISA_VOPC_16_LIST(X) \
	ISA_VOPC_FCMP(X, F32, "f32", 0x00, 0x10) \
	ISA_VOPC_FCMP(X, F64, "f64", 0x20, 0x30) \
	ISA_VOPC_ICMP(X, I32, T_B32, "i32", 0x80, 0x90) \
	ISA_VOPC_ICMP(X, I64, T_B64, "i64", 0xa0, 0xb0) \
	ISA_VOPC_ICMP(X, U32, T_B32, "u32", 0xc0, 0xd0) \
	ISA_VOPC_ICMP(X, U64, T_B64, "u64", 0xe0, 0xf0) \
	X(V_CMP_CLASS_F32, 0x88, "v_cmp_class_f32", T_LM, T_F32, T_B32, T_N, 0) \
	X(V_CMPX_CLASS_F32, 0x98, "v_cmpx_class_f32", T_N, T_F32, T_B32, T_N, F_CMPX) \
	X(V_CMP_CLASS_F64, 0xa8, "v_cmp_class_f64", T_LM, T_F64, T_B32, T_N, 0) \
	X(V_CMPX_CLASS_F64, 0xb8, "v_cmpx_class_f64", T_N, T_F64, T_B32, T_N, F_CMPX)

/* VOP3-only (VOP3Instructions.td VOP3_Real_gfx10) */
#define ISA_VOP3_LIST(X) \
	X(V_FMA_LEGACY_F32, 0x140, "v_fma_legacy_f32", T_F32, T_F32, T_F32, T_F32, 0) \
	X(V_MAD_I32_I24, 0x142, "v_mad_i32_i24", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_MAD_U32_U24, 0x143, "v_mad_u32_u24", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_BFE_U32, 0x148, "v_bfe_u32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_BFE_I32, 0x149, "v_bfe_i32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_BFI_B32, 0x14a, "v_bfi_b32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_FMA_F32, 0x14b, "v_fma_f32", T_F32, T_F32, T_F32, T_F32, 0) \
	X(V_FMA_F64, 0x14c, "v_fma_f64", T_F64, T_F64, T_F64, T_F64, 0) \
	X(V_ALIGNBIT_B32, 0x14e, "v_alignbit_b32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_ALIGNBYTE_B32, 0x14f, "v_alignbyte_b32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_MIN3_F32, 0x151, "v_min3_f32", T_F32, T_F32, T_F32, T_F32, 0) \
	X(V_MIN3_I32, 0x152, "v_min3_i32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_MIN3_U32, 0x153, "v_min3_u32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_MAX3_F32, 0x154, "v_max3_f32", T_F32, T_F32, T_F32, T_F32, 0) \
	X(V_MAX3_I32, 0x155, "v_max3_i32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_MAX3_U32, 0x156, "v_max3_u32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_MED3_F32, 0x157, "v_med3_f32", T_F32, T_F32, T_F32, T_F32, 0) \
	X(V_MED3_I32, 0x158, "v_med3_i32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_MED3_U32, 0x159, "v_med3_u32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_ADD_F64, 0x164, "v_add_f64", T_F64, T_F64, T_F64, T_N, 0) \
	X(V_MUL_F64, 0x165, "v_mul_f64", T_F64, T_F64, T_F64, T_N, 0) \
	X(V_MIN_F64, 0x166, "v_min_f64", T_F64, T_F64, T_F64, T_N, 0) \
	X(V_MAX_F64, 0x167, "v_max_f64", T_F64, T_F64, T_F64, T_N, 0) \
	X(V_LDEXP_F64, 0x168, "v_ldexp_f64", T_F64, T_F64, T_B32, T_N, 0) \
	X(V_MUL_LO_U32, 0x169, "v_mul_lo_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_MUL_HI_U32, 0x16a, "v_mul_hi_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_MUL_HI_I32, 0x16c, "v_mul_hi_i32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_MAD_U64_U32, 0x176, "v_mad_u64_u32", T_B64, T_B32, T_B32, T_B64, F_SDST) \
	X(V_MAD_I64_I32, 0x177, "v_mad_i64_i32", T_B64, T_B32, T_B32, T_B64, F_SDST) \
	X(V_XOR3_B32, 0x178, "v_xor3_b32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_LSHLREV_B64, 0x2ff, "v_lshlrev_b64", T_B64, T_B32, T_B64, T_N, 0) \
	X(V_LSHRREV_B64, 0x300, "v_lshrrev_b64", T_B64, T_B32, T_B64, T_N, 0) \
	X(V_ASHRREV_I64, 0x301, "v_ashrrev_i64", T_B64, T_B32, T_B64, T_N, 0) \
	X(V_ADD_CO_U32, 0x30f, "v_add_co_u32", T_B32, T_B32, T_B32, T_N, F_SDST) \
	X(V_SUB_CO_U32, 0x310, "v_sub_co_u32", T_B32, T_B32, T_B32, T_N, F_SDST) \
	X(V_PACK_B32_F16, 0x311, "v_pack_b32_f16", T_B32, T_F16, T_F16, T_N, 0) \
	X(V_SUBREV_CO_U32, 0x319, "v_subrev_co_u32", T_B32, T_B32, T_B32, T_N, F_SDST) \
	X(V_PERM_B32, 0x344, "v_perm_b32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_LSHL_ADD_U32, 0x346, "v_lshl_add_u32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_ADD_LSHL_U32, 0x347, "v_add_lshl_u32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_FMA_F16, 0x34b, "v_fma_f16", T_F16, T_F16, T_F16, T_F16, 0) \
	X(V_READLANE_B32, 0x360, "v_readlane_b32", T_S32, T_B32, T_S32, T_N, 0) \
	X(V_WRITELANE_B32, 0x361, "v_writelane_b32", T_B32, T_S32, T_S32, T_N, 0) \
	X(V_LDEXP_F32, 0x362, "v_ldexp_f32", T_F32, T_F32, T_B32, T_N, 0) \
	X(V_BFM_B32, 0x363, "v_bfm_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_BCNT_U32_B32, 0x364, "v_bcnt_u32_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_MBCNT_LO_U32_B32, 0x365, "v_mbcnt_lo_u32_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_MBCNT_HI_U32_B32, 0x366, "v_mbcnt_hi_u32_b32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_ADD3_U32, 0x36d, "v_add3_u32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_LSHL_OR_B32, 0x36f, "v_lshl_or_b32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_AND_OR_B32, 0x371, "v_and_or_b32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_OR3_B32, 0x372, "v_or3_b32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_SUB_NC_I32, 0x376, "v_sub_nc_i32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_ADD_NC_I32, 0x37f, "v_add_nc_i32", T_B32, T_B32, T_B32, T_N, 0) \
	ISA_VOP3_16_LIST(X) \
	ISA_VOP3_DIV_LIST(X) \
	ISA_VOP3_MEDIA_LIST(X) \
	X(V_PERMLANE16_B32, 0x377, "v_permlane16_b32", T_B32, T_B32, T_S32, T_S32, 0) \
	X(V_PERMLANEX16_B32, 0x378, "v_permlanex16_b32", T_B32, T_B32, T_S32, T_S32, 0)

/* 16-bit integer and f16 VOP3-only opcodes (VOP3Instructions.td gfx10) */
#define ISA_VOP3_16_LIST(X) \
	X(V_ADD_NC_U16, 0x303, "v_add_nc_u16", T_B16, T_B16, T_B16, T_N, 0) \
	X(V_SUB_NC_U16, 0x304, "v_sub_nc_u16", T_B16, T_B16, T_B16, T_N, 0) \
	X(V_MUL_LO_U16, 0x305, "v_mul_lo_u16", T_B16, T_B16, T_B16, T_N, 0) \
	X(V_LSHRREV_B16, 0x307, "v_lshrrev_b16", T_B16, T_B16, T_B16, T_N, 0) \
	X(V_ASHRREV_I16, 0x308, "v_ashrrev_i16", T_B16, T_B16, T_B16, T_N, 0) \
	X(V_MAX_U16, 0x309, "v_max_u16", T_B16, T_B16, T_B16, T_N, 0) \
	X(V_MAX_I16, 0x30a, "v_max_i16", T_B16, T_B16, T_B16, T_N, 0) \
	X(V_MIN_U16, 0x30b, "v_min_u16", T_B16, T_B16, T_B16, T_N, 0) \
	X(V_MIN_I16, 0x30c, "v_min_i16", T_B16, T_B16, T_B16, T_N, 0) \
	X(V_ADD_NC_I16, 0x30d, "v_add_nc_i16", T_B16, T_B16, T_B16, T_N, 0) \
	X(V_SUB_NC_I16, 0x30e, "v_sub_nc_i16", T_B16, T_B16, T_B16, T_N, 0) \
	X(V_CVT_PKNORM_I16_F16, 0x312, "v_cvt_pknorm_i16_f16", T_B32, T_F16, T_F16, T_N, 0) \
	X(V_CVT_PKNORM_U16_F16, 0x313, "v_cvt_pknorm_u16_f16", T_B32, T_F16, T_F16, T_N, 0) \
	X(V_LSHLREV_B16, 0x314, "v_lshlrev_b16", T_B16, T_B16, T_B16, T_N, 0) \
	X(V_MAD_U16, 0x340, "v_mad_u16", T_B16, T_B16, T_B16, T_B16, 0) \
	X(V_MIN3_F16, 0x351, "v_min3_f16", T_F16, T_F16, T_F16, T_F16, 0) \
	X(V_MIN3_I16, 0x352, "v_min3_i16", T_B16, T_B16, T_B16, T_B16, 0) \
	X(V_MIN3_U16, 0x353, "v_min3_u16", T_B16, T_B16, T_B16, T_B16, 0) \
	X(V_MAX3_F16, 0x354, "v_max3_f16", T_F16, T_F16, T_F16, T_F16, 0) \
	X(V_MAX3_I16, 0x355, "v_max3_i16", T_B16, T_B16, T_B16, T_B16, 0) \
	X(V_MAX3_U16, 0x356, "v_max3_u16", T_B16, T_B16, T_B16, T_B16, 0) \
	X(V_MED3_F16, 0x357, "v_med3_f16", T_F16, T_F16, T_F16, T_F16, 0) \
	X(V_MED3_I16, 0x358, "v_med3_i16", T_B16, T_B16, T_B16, T_B16, 0) \
	X(V_MED3_U16, 0x359, "v_med3_u16", T_B16, T_B16, T_B16, T_B16, 0) \
	X(V_MAD_I16, 0x35e, "v_mad_i16", T_B16, T_B16, T_B16, T_B16, 0) \
	X(V_CVT_PKNORM_I16_F32, 0x368, "v_cvt_pknorm_i16_f32", T_B32, T_F32, T_F32, T_N, 0) \
	X(V_CVT_PKNORM_U16_F32, 0x369, "v_cvt_pknorm_u16_f32", T_B32, T_F32, T_F32, T_N, 0) \
	X(V_CVT_PK_U16_U32, 0x36a, "v_cvt_pk_u16_u32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_CVT_PK_I16_I32, 0x36b, "v_cvt_pk_i16_i32", T_B32, T_B32, T_B32, T_N, 0) \
	X(V_MAD_U32_U16, 0x373, "v_mad_u32_u16", T_B32, T_B16, T_B16, T_B32, 0) \
	X(V_MAD_I32_I16, 0x375, "v_mad_i32_i16", T_B32, T_B16, T_B16, T_B32, 0)

/* Byte / SAD ("media") opcodes (VOP3Instructions.td gfx10) */
#define ISA_VOP3_MEDIA_LIST(X) \
	X(V_LERP_U8, 0x14d, "v_lerp_u8", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_SAD_U8, 0x15a, "v_sad_u8", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_SAD_HI_U8, 0x15b, "v_sad_hi_u8", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_SAD_U16, 0x15c, "v_sad_u16", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_SAD_U32, 0x15d, "v_sad_u32", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_CVT_PK_U8_F32, 0x15e, "v_cvt_pk_u8_f32", T_B32, T_F32, T_B32, T_B32, 0) \
	X(V_MSAD_U8, 0x171, "v_msad_u8", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_XAD_U32, 0x345, "v_xad_u32", T_B32, T_B32, T_B32, T_B32, 0)

/*
 * Division helpers (ACO / LLVM's IEEE division sequence) and the f64
 * extras.  v_div_scale writes VCC-like SDST (VOP3b).
 */
#define ISA_VOP3_DIV_LIST(X) \
	X(V_DIV_FIXUP_F32, 0x15f, "v_div_fixup_f32", T_F32, T_F32, T_F32, T_F32, 0) \
	X(V_DIV_FIXUP_F64, 0x160, "v_div_fixup_f64", T_F64, T_F64, T_F64, T_F64, 0) \
	X(V_DIV_SCALE_F32, 0x16d, "v_div_scale_f32", T_F32, T_F32, T_F32, T_F32, F_SDST) \
	X(V_DIV_SCALE_F64, 0x16e, "v_div_scale_f64", T_F64, T_F64, T_F64, T_F64, F_SDST) \
	X(V_DIV_FMAS_F32, 0x16f, "v_div_fmas_f32", T_F32, T_F32, T_F32, T_F32, 0) \
	X(V_DIV_FMAS_F64, 0x170, "v_div_fmas_f64", T_F64, T_F64, T_F64, T_F64, 0) \
	X(V_TRIG_PREOP_F64, 0x174, "v_trig_preop_f64", T_F64, T_F64, T_B32, T_N, 0) \
	X(V_DIV_FIXUP_F16, 0x35f, "v_div_fixup_f16", T_F16, T_F16, T_F16, T_F16, 0)

/* VOP3P (VOP3PInstructions.td VOP3P_Real_gfx10) */
#define ISA_VOP3P_LIST(X) \
	X(V_PK_MUL_LO_U16, 0x01, "v_pk_mul_lo_u16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_ADD_I16, 0x02, "v_pk_add_i16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_SUB_I16, 0x03, "v_pk_sub_i16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_LSHLREV_B16, 0x04, "v_pk_lshlrev_b16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_LSHRREV_B16, 0x05, "v_pk_lshrrev_b16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_ADD_U16, 0x0a, "v_pk_add_u16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_SUB_U16, 0x0b, "v_pk_sub_u16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_FMA_F16, 0x0e, "v_pk_fma_f16", T_PK16, T_PK16, T_PK16, T_PK16, 0) \
	X(V_PK_ADD_F16, 0x0f, "v_pk_add_f16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_MUL_F16, 0x10, "v_pk_mul_f16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_MAD_I16, 0x00, "v_pk_mad_i16", T_PK16, T_PK16, T_PK16, T_PK16, 0) \
	X(V_PK_ASHRREV_I16, 0x06, "v_pk_ashrrev_i16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_MAX_I16, 0x07, "v_pk_max_i16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_MIN_I16, 0x08, "v_pk_min_i16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_MAD_U16, 0x09, "v_pk_mad_u16", T_PK16, T_PK16, T_PK16, T_PK16, 0) \
	X(V_PK_MAX_U16, 0x0c, "v_pk_max_u16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_MIN_U16, 0x0d, "v_pk_min_u16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_MIN_F16, 0x11, "v_pk_min_f16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_PK_MAX_F16, 0x12, "v_pk_max_f16", T_PK16, T_PK16, T_PK16, T_N, 0) \
	X(V_DOT2_F32_F16, 0x13, "v_dot2_f32_f16", T_F32, T_PK16, T_PK16, T_F32, 0) \
	X(V_DOT2_I32_I16, 0x14, "v_dot2_i32_i16", T_B32, T_PK16, T_PK16, T_B32, 0) \
	X(V_DOT2_U32_U16, 0x15, "v_dot2_u32_u16", T_B32, T_PK16, T_PK16, T_B32, 0) \
	X(V_DOT4_I32_I8, 0x16, "v_dot4_i32_i8", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_DOT4_U32_U8, 0x17, "v_dot4_u32_u8", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_DOT8_I32_I4, 0x18, "v_dot8_i32_i4", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_DOT8_U32_U4, 0x19, "v_dot8_u32_u4", T_B32, T_B32, T_B32, T_B32, 0) \
	X(V_FMA_MIX_F32, 0x20, "v_fma_mix_f32", T_F32, T_F32, T_F32, T_F32, 0) \
	X(V_FMA_MIXLO_F16, 0x21, "v_fma_mixlo_f16", T_B32, T_F32, T_F32, T_F32, 0) \
	X(V_FMA_MIXHI_F16, 0x22, "v_fma_mixhi_f16", T_B32, T_F32, T_F32, T_F32, 0)

/*
 * DS (DSInstructions.td DS_Real_gfx10).  src0 column = data dwords (for
 * loads: result dwords), src1 = bytes of a sub-dword access (0: whole
 * dwords), src2 = MEM_* below.  Atomics: 32-bit at 0x00..0x15 (+0x20 with
 * return), 64-bit at 0x40.. (+0x20); ds.c names their operation.
 */
#define ISA_DS_LIST(X) \
	X(DS_ADD_U32, 0x00, "ds_add_u32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_SUB_U32, 0x01, "ds_sub_u32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_RSUB_U32, 0x02, "ds_rsub_u32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_INC_U32, 0x03, "ds_inc_u32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_DEC_U32, 0x04, "ds_dec_u32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_MIN_I32, 0x05, "ds_min_i32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_MAX_I32, 0x06, "ds_max_i32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_MIN_U32, 0x07, "ds_min_u32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_MAX_U32, 0x08, "ds_max_u32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_AND_B32, 0x09, "ds_and_b32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_OR_B32, 0x0a, "ds_or_b32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_XOR_B32, 0x0b, "ds_xor_b32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_MSKOR_B32, 0x0c, "ds_mskor_b32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_WRITE_B32, 0x0d, "ds_write_b32", T_N, 1, 0, 0, F_STORE) \
	X(DS_WRITE2_B32, 0x0e, "ds_write2_b32", T_N, 1, 0, 0, F_STORE) \
	X(DS_WRITE2ST64_B32, 0x0f, "ds_write2st64_b32", T_N, 1, 0, 0, F_STORE) \
	X(DS_CMPST_B32, 0x10, "ds_cmpst_b32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_CMPST_F32, 0x11, "ds_cmpst_f32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_MIN_F32, 0x12, "ds_min_f32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_MAX_F32, 0x13, "ds_max_f32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_ADD_F32, 0x15, "ds_add_f32", T_N, 1, 0, MEM_ATOMIC, F_STORE) \
	X(DS_WRITE_B8, 0x1e, "ds_write_b8", T_N, 1, 1, 0, F_STORE) \
	X(DS_WRITE_B16, 0x1f, "ds_write_b16", T_N, 1, 2, 0, F_STORE) \
	X(DS_ADD_RTN_U32, 0x20, "ds_add_rtn_u32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_SUB_RTN_U32, 0x21, "ds_sub_rtn_u32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_RSUB_RTN_U32, 0x22, "ds_rsub_rtn_u32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_INC_RTN_U32, 0x23, "ds_inc_rtn_u32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_DEC_RTN_U32, 0x24, "ds_dec_rtn_u32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_MIN_RTN_I32, 0x25, "ds_min_rtn_i32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_MAX_RTN_I32, 0x26, "ds_max_rtn_i32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_MIN_RTN_U32, 0x27, "ds_min_rtn_u32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_MAX_RTN_U32, 0x28, "ds_max_rtn_u32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_AND_RTN_B32, 0x29, "ds_and_rtn_b32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_OR_RTN_B32, 0x2a, "ds_or_rtn_b32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_XOR_RTN_B32, 0x2b, "ds_xor_rtn_b32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_MSKOR_RTN_B32, 0x2c, "ds_mskor_rtn_b32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_WRXCHG_RTN_B32, 0x2d, "ds_wrxchg_rtn_b32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_CMPST_RTN_B32, 0x30, "ds_cmpst_rtn_b32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_CMPST_RTN_F32, 0x31, "ds_cmpst_rtn_f32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_MIN_RTN_F32, 0x32, "ds_min_rtn_f32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_MAX_RTN_F32, 0x33, "ds_max_rtn_f32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_SWIZZLE_B32, 0x35, "ds_swizzle_b32", T_B32, 0, 0, 0, F_LOAD) \
	X(DS_READ_B32, 0x36, "ds_read_b32", T_B32, 1, 0, 0, F_LOAD) \
	X(DS_READ2_B32, 0x37, "ds_read2_b32", T_B32, 2, 0, 0, F_LOAD) \
	X(DS_READ2ST64_B32, 0x38, "ds_read2st64_b32", T_B32, 2, 0, 0, F_LOAD) \
	X(DS_READ_I8, 0x39, "ds_read_i8", T_B32, 1, 1, MEM_SIGNED, F_LOAD) \
	X(DS_READ_U8, 0x3a, "ds_read_u8", T_B32, 1, 1, 0, F_LOAD) \
	X(DS_READ_I16, 0x3b, "ds_read_i16", T_B32, 1, 2, MEM_SIGNED, F_LOAD) \
	X(DS_READ_U16, 0x3c, "ds_read_u16", T_B32, 1, 2, 0, F_LOAD) \
	X(DS_ADD_U64, 0x40, "ds_add_u64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_SUB_U64, 0x41, "ds_sub_u64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_RSUB_U64, 0x42, "ds_rsub_u64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_INC_U64, 0x43, "ds_inc_u64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_DEC_U64, 0x44, "ds_dec_u64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_MIN_I64, 0x45, "ds_min_i64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_MAX_I64, 0x46, "ds_max_i64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_MIN_U64, 0x47, "ds_min_u64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_MAX_U64, 0x48, "ds_max_u64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_AND_B64, 0x49, "ds_and_b64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_OR_B64, 0x4a, "ds_or_b64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_XOR_B64, 0x4b, "ds_xor_b64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_MSKOR_B64, 0x4c, "ds_mskor_b64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_WRITE_B64, 0x4d, "ds_write_b64", T_N, 2, 0, 0, F_STORE) \
	X(DS_WRITE2_B64, 0x4e, "ds_write2_b64", T_N, 2, 0, 0, F_STORE) \
	X(DS_WRITE2ST64_B64, 0x4f, "ds_write2st64_b64", T_N, 2, 0, 0, F_STORE) \
	X(DS_CMPST_B64, 0x50, "ds_cmpst_b64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_CMPST_F64, 0x51, "ds_cmpst_f64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_MIN_F64, 0x52, "ds_min_f64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_MAX_F64, 0x53, "ds_max_f64", T_N, 2, 0, MEM_ATOMIC, F_STORE) \
	X(DS_ADD_RTN_F32, 0x55, "ds_add_rtn_f32", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(DS_ADD_RTN_U64, 0x60, "ds_add_rtn_u64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_SUB_RTN_U64, 0x61, "ds_sub_rtn_u64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_RSUB_RTN_U64, 0x62, "ds_rsub_rtn_u64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_INC_RTN_U64, 0x63, "ds_inc_rtn_u64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_DEC_RTN_U64, 0x64, "ds_dec_rtn_u64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_MIN_RTN_I64, 0x65, "ds_min_rtn_i64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_MAX_RTN_I64, 0x66, "ds_max_rtn_i64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_MIN_RTN_U64, 0x67, "ds_min_rtn_u64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_MAX_RTN_U64, 0x68, "ds_max_rtn_u64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_AND_RTN_B64, 0x69, "ds_and_rtn_b64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_OR_RTN_B64, 0x6a, "ds_or_rtn_b64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_XOR_RTN_B64, 0x6b, "ds_xor_rtn_b64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_MSKOR_RTN_B64, 0x6c, "ds_mskor_rtn_b64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_WRXCHG_RTN_B64, 0x6d, "ds_wrxchg_rtn_b64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_CMPST_RTN_B64, 0x70, "ds_cmpst_rtn_b64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_CMPST_RTN_F64, 0x71, "ds_cmpst_rtn_f64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_MIN_RTN_F64, 0x72, "ds_min_rtn_f64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_MAX_RTN_F64, 0x73, "ds_max_rtn_f64", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(DS_READ_B64, 0x76, "ds_read_b64", T_B32, 2, 0, 0, F_LOAD) \
	X(DS_READ2_B64, 0x77, "ds_read2_b64", T_B32, 4, 0, 0, F_LOAD) \
	X(DS_READ2ST64_B64, 0x78, "ds_read2st64_b64", T_B32, 4, 0, 0, F_LOAD) \
	X(DS_WRITE_B8_D16_HI, 0xa0, "ds_write_b8_d16_hi", T_N, 1, 1, MEM_D16_HI, F_STORE) \
	X(DS_WRITE_B16_D16_HI, 0xa1, "ds_write_b16_d16_hi", T_N, 1, 2, MEM_D16_HI, F_STORE) \
	X(DS_READ_U8_D16, 0xa2, "ds_read_u8_d16", T_B32, 1, 1, MEM_D16, F_LOAD) \
	X(DS_READ_U8_D16_HI, 0xa3, "ds_read_u8_d16_hi", T_B32, 1, 1, MEM_D16_HI, F_LOAD) \
	X(DS_READ_I8_D16, 0xa4, "ds_read_i8_d16", T_B32, 1, 1, MEM_D16 | MEM_SIGNED, F_LOAD) \
	X(DS_READ_I8_D16_HI, 0xa5, "ds_read_i8_d16_hi", T_B32, 1, 1, MEM_D16_HI | MEM_SIGNED, F_LOAD) \
	X(DS_READ_U16_D16, 0xa6, "ds_read_u16_d16", T_B32, 1, 2, MEM_D16, F_LOAD) \
	X(DS_READ_U16_D16_HI, 0xa7, "ds_read_u16_d16_hi", T_B32, 1, 2, MEM_D16_HI, F_LOAD) \
	X(DS_PERMUTE_B32, 0xb2, "ds_permute_b32", T_B32, 1, 0, 0, F_RTN) \
	X(DS_BPERMUTE_B32, 0xb3, "ds_bpermute_b32", T_B32, 1, 0, 0, F_RTN) \
	X(DS_WRITE_B96, 0xde, "ds_write_b96", T_N, 3, 0, 0, F_STORE) \
	X(DS_WRITE_B128, 0xdf, "ds_write_b128", T_N, 4, 0, 0, F_STORE) \
	X(DS_READ_B96, 0xfe, "ds_read_b96", T_B32, 3, 0, 0, F_LOAD) \
	X(DS_READ_B128, 0xff, "ds_read_b128", T_B32, 4, 0, 0, F_LOAD)

/*
 * MUBUF (BUFInstructions.td MUBUF_Real_gfx10) and GLOBAL/FLAT/SCRATCH
 * (FLATInstructions.td FLAT_Real_gfx10) share opcode numbers for the
 * loads and stores below; MUBUF, GLOBAL and FLAT the atomics too (at
 * 0x30 + k, 64-bit at 0x50 + k, k = atomic_kind in atomic.c; gfx1030
 * has no float add and no flat csub, llvm-mc -mcpu=gfx1032).  src0
 * column = dwords (atomics: data dwords, the cmpswap forms carry
 * {new, compare}), src1 = bytes of a sub-dword access, src2 = MEM_*.
 */
#define ISA_VMEM_LDST_LIST(X, P, p) \
	X(P##_LOAD_UBYTE, 0x08, p "_load_ubyte", T_B32, 1, 1, 0, F_LOAD) \
	X(P##_LOAD_SBYTE, 0x09, p "_load_sbyte", T_B32, 1, 1, MEM_SIGNED, F_LOAD) \
	X(P##_LOAD_USHORT, 0x0a, p "_load_ushort", T_B32, 1, 2, 0, F_LOAD) \
	X(P##_LOAD_SSHORT, 0x0b, p "_load_sshort", T_B32, 1, 2, MEM_SIGNED, F_LOAD) \
	X(P##_LOAD_DWORD, 0x0c, p "_load_dword", T_B32, 1, 0, 0, F_LOAD) \
	X(P##_LOAD_DWORDX2, 0x0d, p "_load_dwordx2", T_B32, 2, 0, 0, F_LOAD) \
	X(P##_LOAD_DWORDX4, 0x0e, p "_load_dwordx4", T_B32, 4, 0, 0, F_LOAD) \
	X(P##_LOAD_DWORDX3, 0x0f, p "_load_dwordx3", T_B32, 3, 0, 0, F_LOAD) \
	X(P##_STORE_BYTE, 0x18, p "_store_byte", T_N, 1, 1, 0, F_STORE) \
	X(P##_STORE_BYTE_D16_HI, 0x19, p "_store_byte_d16_hi", T_N, 1, 1, MEM_D16_HI, F_STORE) \
	X(P##_STORE_SHORT, 0x1a, p "_store_short", T_N, 1, 2, 0, F_STORE) \
	X(P##_STORE_SHORT_D16_HI, 0x1b, p "_store_short_d16_hi", T_N, 1, 2, MEM_D16_HI, F_STORE) \
	X(P##_STORE_DWORD, 0x1c, p "_store_dword", T_N, 1, 0, 0, F_STORE) \
	X(P##_STORE_DWORDX2, 0x1d, p "_store_dwordx2", T_N, 2, 0, 0, F_STORE) \
	X(P##_STORE_DWORDX4, 0x1e, p "_store_dwordx4", T_N, 4, 0, 0, F_STORE) \
	X(P##_STORE_DWORDX3, 0x1f, p "_store_dwordx3", T_N, 3, 0, 0, F_STORE) \
	X(P##_LOAD_UBYTE_D16, 0x20, p "_load_ubyte_d16", T_B32, 1, 1, MEM_D16, F_LOAD) \
	X(P##_LOAD_UBYTE_D16_HI, 0x21, p "_load_ubyte_d16_hi", T_B32, 1, 1, MEM_D16_HI, F_LOAD) \
	X(P##_LOAD_SBYTE_D16, 0x22, p "_load_sbyte_d16", T_B32, 1, 1, MEM_D16 | MEM_SIGNED, F_LOAD) \
	X(P##_LOAD_SBYTE_D16_HI, 0x23, p "_load_sbyte_d16_hi", T_B32, 1, 1, MEM_D16_HI | MEM_SIGNED, F_LOAD) \
	X(P##_LOAD_SHORT_D16, 0x24, p "_load_short_d16", T_B32, 1, 2, MEM_D16, F_LOAD) \
	X(P##_LOAD_SHORT_D16_HI, 0x25, p "_load_short_d16_hi", T_B32, 1, 2, MEM_D16_HI, F_LOAD)

#define ISA_VMEM_ATOMIC_LIST(X, P, p) \
	X(P##_ATOMIC_SWAP, 0x30, p "_atomic_swap", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_CMPSWAP, 0x31, p "_atomic_cmpswap", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_ADD, 0x32, p "_atomic_add", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_SUB, 0x33, p "_atomic_sub", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_SMIN, 0x35, p "_atomic_smin", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_UMIN, 0x36, p "_atomic_umin", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_SMAX, 0x37, p "_atomic_smax", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_UMAX, 0x38, p "_atomic_umax", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_AND, 0x39, p "_atomic_and", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_OR, 0x3a, p "_atomic_or", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_XOR, 0x3b, p "_atomic_xor", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_INC, 0x3c, p "_atomic_inc", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_DEC, 0x3d, p "_atomic_dec", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_FCMPSWAP, 0x3e, p "_atomic_fcmpswap", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_FMIN, 0x3f, p "_atomic_fmin", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_FMAX, 0x40, p "_atomic_fmax", T_B32, 1, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_SWAP_X2, 0x50, p "_atomic_swap_x2", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_CMPSWAP_X2, 0x51, p "_atomic_cmpswap_x2", T_B32, 4, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_ADD_X2, 0x52, p "_atomic_add_x2", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_SUB_X2, 0x53, p "_atomic_sub_x2", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_SMIN_X2, 0x55, p "_atomic_smin_x2", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_UMIN_X2, 0x56, p "_atomic_umin_x2", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_SMAX_X2, 0x57, p "_atomic_smax_x2", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_UMAX_X2, 0x58, p "_atomic_umax_x2", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_AND_X2, 0x59, p "_atomic_and_x2", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_OR_X2, 0x5a, p "_atomic_or_x2", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_XOR_X2, 0x5b, p "_atomic_xor_x2", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_INC_X2, 0x5c, p "_atomic_inc_x2", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_DEC_X2, 0x5d, p "_atomic_dec_x2", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_FCMPSWAP_X2, 0x5e, p "_atomic_fcmpswap_x2", T_B32, 4, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_FMIN_X2, 0x5f, p "_atomic_fmin_x2", T_B32, 2, 0, MEM_ATOMIC, F_RTN) \
	X(P##_ATOMIC_FMAX_X2, 0x60, p "_atomic_fmax_x2", T_B32, 2, 0, MEM_ATOMIC, F_RTN)

/*
 * Typed loads and stores (BUFInstructions.td): src0 column = VGPRs,
 * src1 = channels; d16 forms pack two 16-bit channels per VGPR.  MUBUF
 * takes the format from the V#, MTBUF from the instruction.
 */
#define ISA_FORMAT_LIST(X, P, p, base, d16base) \
	X(P##_LOAD_FORMAT_X, base + 0, p "_load_format_x", T_B32, 1, 1, MEM_FORMAT, F_LOAD) \
	X(P##_LOAD_FORMAT_XY, base + 1, p "_load_format_xy", T_B32, 2, 2, MEM_FORMAT, F_LOAD) \
	X(P##_LOAD_FORMAT_XYZ, base + 2, p "_load_format_xyz", T_B32, 3, 3, MEM_FORMAT, F_LOAD) \
	X(P##_LOAD_FORMAT_XYZW, base + 3, p "_load_format_xyzw", T_B32, 4, 4, MEM_FORMAT, F_LOAD) \
	X(P##_STORE_FORMAT_X, base + 4, p "_store_format_x", T_N, 1, 1, MEM_FORMAT, F_STORE) \
	X(P##_STORE_FORMAT_XY, base + 5, p "_store_format_xy", T_N, 2, 2, MEM_FORMAT, F_STORE) \
	X(P##_STORE_FORMAT_XYZ, base + 6, p "_store_format_xyz", T_N, 3, 3, MEM_FORMAT, F_STORE) \
	X(P##_STORE_FORMAT_XYZW, base + 7, p "_store_format_xyzw", T_N, 4, 4, MEM_FORMAT, F_STORE) \
	X(P##_LOAD_FORMAT_D16_X, d16base + 0, p "_load_format_d16_x", T_B32, 1, 1, MEM_FORMAT | MEM_D16, F_LOAD) \
	X(P##_LOAD_FORMAT_D16_XY, d16base + 1, p "_load_format_d16_xy", T_B32, 1, 2, MEM_FORMAT | MEM_D16, F_LOAD) \
	X(P##_LOAD_FORMAT_D16_XYZ, d16base + 2, p "_load_format_d16_xyz", T_B32, 2, 3, MEM_FORMAT | MEM_D16, F_LOAD) \
	X(P##_LOAD_FORMAT_D16_XYZW, d16base + 3, p "_load_format_d16_xyzw", T_B32, 2, 4, MEM_FORMAT | MEM_D16, F_LOAD) \
	X(P##_STORE_FORMAT_D16_X, d16base + 4, p "_store_format_d16_x", T_N, 1, 1, MEM_FORMAT | MEM_D16, F_STORE) \
	X(P##_STORE_FORMAT_D16_XY, d16base + 5, p "_store_format_d16_xy", T_N, 1, 2, MEM_FORMAT | MEM_D16, F_STORE) \
	X(P##_STORE_FORMAT_D16_XYZ, d16base + 6, p "_store_format_d16_xyz", T_N, 2, 3, MEM_FORMAT | MEM_D16, F_STORE) \
	X(P##_STORE_FORMAT_D16_XYZW, d16base + 7, p "_store_format_d16_xyzw", T_N, 2, 4, MEM_FORMAT | MEM_D16, F_STORE)

#define ISA_MUBUF_LIST(X)	ISA_VMEM_LDST_LIST(X, BUFFER, "buffer") \
	ISA_FORMAT_LIST(X, BUFFER, "buffer", 0x00, 0x80) \
	ISA_VMEM_ATOMIC_LIST(X, BUFFER, "buffer") \
	X(BUFFER_GL0_INV, 0x71, "buffer_gl0_inv", T_N, 0, 0, 0, 0) \
	X(BUFFER_GL1_INV, 0x72, "buffer_gl1_inv", T_N, 0, 0, 0, 0)
#define ISA_GLOBAL_LIST(X)	ISA_VMEM_LDST_LIST(X, GLOBAL, "global") \
	ISA_VMEM_ATOMIC_LIST(X, GLOBAL, "global")
#define ISA_FLAT_LIST(X)	ISA_VMEM_LDST_LIST(X, FLAT, "flat") \
	ISA_VMEM_ATOMIC_LIST(X, FLAT, "flat")
/* MTBUF (BUFInstructions.td MTBUF_Real_gfx10): the typed forms only. */
#define ISA_MTBUF_LIST(X)	ISA_FORMAT_LIST(X, TBUFFER, "tbuffer", 0x0, 0x8)
/*
 * MIMG for storage images (MIMGInstructions.td, gfx10 numbers): src0
 * column = 1 when the address ends with a mip level; atomics at 15 + k
 * (k as the MUBUF atomics, atomic.c).  Data VGPRs follow DMASK.
 */
#define ISA_MIMG_LIST(X) \
	X(IMAGE_LOAD, 0, "image_load", T_B32, 0, 0, 0, F_LOAD) \
	X(IMAGE_LOAD_MIP, 1, "image_load_mip", T_B32, 1, 0, 0, F_LOAD) \
	X(IMAGE_STORE, 8, "image_store", T_N, 0, 0, 0, F_STORE) \
	X(IMAGE_STORE_MIP, 9, "image_store_mip", T_N, 1, 0, 0, F_STORE) \
	X(IMAGE_GET_RESINFO, 14, "image_get_resinfo", T_B32, 0, 0, 0, F_LOAD) \
	X(IMAGE_ATOMIC_SWAP, 15, "image_atomic_swap", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_CMPSWAP, 16, "image_atomic_cmpswap", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_ADD, 17, "image_atomic_add", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_SUB, 18, "image_atomic_sub", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_SMIN, 20, "image_atomic_smin", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_UMIN, 21, "image_atomic_umin", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_SMAX, 22, "image_atomic_smax", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_UMAX, 23, "image_atomic_umax", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_AND, 24, "image_atomic_and", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_OR, 25, "image_atomic_or", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_XOR, 26, "image_atomic_xor", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_INC, 27, "image_atomic_inc", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_DEC, 28, "image_atomic_dec", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_FCMPSWAP, 29, "image_atomic_fcmpswap", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_FMIN, 30, "image_atomic_fmin", T_B32, 0, 0, MEM_ATOMIC, F_RTN) \
	X(IMAGE_ATOMIC_FMAX, 31, "image_atomic_fmax", T_B32, 0, 0, MEM_ATOMIC, F_RTN)

/* Scratch has no atomics (FLATInstructions.td): loads and stores only. */
#define ISA_SCRATCH_LIST(X)	ISA_VMEM_LDST_LIST(X, SCRATCH, "scratch")

/* The encoding classes, in the order of the opcode enum. */
enum isa_fmt {
	FMT_NONE,
	FMT_SOP2,
	FMT_SOPK,
	FMT_SOP1,
	FMT_SOPC,
	FMT_SOPP,
	FMT_SMEM,
	FMT_VOP2,
	FMT_VOP1,
	FMT_VOPC,
	FMT_VOP3,	/* VOP3-only opcodes; VOP1/2/C in VOP3 keep their class */
	FMT_VOP3P,
	FMT_DS,
	FMT_MUBUF,
	FMT_GLOBAL,
	FMT_FLAT,
	FMT_SCRATCH,
	FMT_MTBUF,
	FMT_MIMG,
	FMT_COUNT
};

/* Every (class, list) pair, for X-macro users: C(fmt, list) */
#define ISA_ALL_LISTS(C) \
	C(FMT_SOP2, ISA_SOP2_LIST) \
	C(FMT_SOPK, ISA_SOPK_LIST) \
	C(FMT_SOP1, ISA_SOP1_LIST) \
	C(FMT_SOPC, ISA_SOPC_LIST) \
	C(FMT_SOPP, ISA_SOPP_LIST) \
	C(FMT_SMEM, ISA_SMEM_LIST) \
	C(FMT_VOP2, ISA_VOP2_LIST) \
	C(FMT_VOP1, ISA_VOP1_LIST) \
	C(FMT_VOPC, ISA_VOPC_LIST) \
	C(FMT_VOP3, ISA_VOP3_LIST) \
	C(FMT_VOP3P, ISA_VOP3P_LIST) \
	C(FMT_DS, ISA_DS_LIST) \
	C(FMT_MUBUF, ISA_MUBUF_LIST) \
	C(FMT_GLOBAL, ISA_GLOBAL_LIST) \
	C(FMT_FLAT, ISA_FLAT_LIST) \
	C(FMT_SCRATCH, ISA_SCRATCH_LIST) \
	C(FMT_MTBUF, ISA_MTBUF_LIST) \
	C(FMT_MIMG, ISA_MIMG_LIST)

/* The opcode enum: ISA_OP_<ID>; 0 means "not an instruction we know". */
#define ISA_ENUM_X(id, hw, name, d, s0, s1, s2, fl)	ISA_OP_##id,
#define ISA_ENUM_C(fmt, list)	list(ISA_ENUM_X)
enum isa_op {
	ISA_OP_INVALID,
	ISA_ALL_LISTS(ISA_ENUM_C)
	ISA_OP_COUNT
};
#undef ISA_ENUM_C
#undef ISA_ENUM_X

/* What the tables say about one opcode (decode.c isa_ops[]). */
struct isa_op_info {
	const char *name;
	uint8_t fmt;		/* enum isa_fmt */
	uint16_t hw;		/* opcode number in its class */
	uint8_t dst, src[3];	/* enum isa_type; memory: see the lists */
	uint16_t flags;		/* F_* */
};

extern const struct isa_op_info isa_ops[ISA_OP_COUNT];

#endif

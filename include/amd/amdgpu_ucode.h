/*
 * amdgpu firmware file headers, as byte offsets into the file.
 *
 * Every amdgpu/<chip>_<ip>.bin starts with a 32-byte common header, followed by a
 * per-IP extension whose layout is chosen by header_version_major/minor.
 * All fields are little-endian; u16 where noted, u32 otherwise.  The data
 * is arbitrary bytes, so readers load each field by offset instead of
 * overlaying a struct.
 *
 * Source: Linux drivers/gpu/drm/amd/amdgpu/amdgpu_ucode.h (the structs
 * common_firmware_header, gfx_firmware_header_v1_0,
 * rlc_firmware_header_v2_0..v2_4, sdma_firmware_header_v1_0/v1_1,
 * psp_firmware_header_v1_0..v1_3, psp_fw_legacy_bin_desc,
 * ta_firmware_header_v2_0, psp_fw_bin_desc, enum ta_fw_type,
 * smc_firmware_header_v1_0..v2_1, dmcub_firmware_header_v1_0), in the
 * freebsd/drm-kmod tree synced from Linux 6.10.  How each field is used:
 * amdgpu_psp.c, amdgpu_rlc.c, amdgpu_ucode.c (see gpu/ucode.c).
 */
#ifndef AMD_AMDGPU_UCODE_H
#define AMD_AMDGPU_UCODE_H

/*
 * Common header (struct common_firmware_header).  "Offsets" named
 * *_offset_bytes in the extensions below count from the start of the
 * file unless the comment says "payload", which is the ucode array at
 * ucode_array_offset_bytes.
 */
#define UC_HDR_SIZE_BYTES		0x00	/* whole file, header + payload */
#define UC_HDR_HEADER_SIZE_BYTES	0x04	/* the versioned header struct */
#define UC_HDR_HEADER_VERSION_MAJOR	0x08	/* u16 */
#define UC_HDR_HEADER_VERSION_MINOR	0x0a	/* u16 */
#define UC_HDR_IP_VERSION_MAJOR		0x0c	/* u16 */
#define UC_HDR_IP_VERSION_MINOR		0x0e	/* u16 */
#define UC_HDR_UCODE_VERSION		0x10
#define UC_HDR_UCODE_SIZE_BYTES		0x14	/* payload size */
#define UC_HDR_UCODE_ARRAY_OFFSET_BYTES	0x18	/* payload offset */
#define UC_HDR_CRC32			0x1c	/* not checked by Linux */
#define UC_HDR_COMMON_SIZE		0x20

/* gfx v1.0: CE, PFP, ME, MEC (struct gfx_firmware_header_v1_0). */
#define UC_GFX_V1_0_FEATURE_VERSION	0x20
#define UC_GFX_V1_0_JT_OFFSET		0x24	/* dwords into the payload */
#define UC_GFX_V1_0_JT_SIZE		0x28	/* dwords */
#define UC_GFX_V1_0_SIZE		0x2c

/* sdma v1.0 / v1.1 (struct sdma_firmware_header_v1_0, _v1_1). */
#define UC_SDMA_V1_0_FEATURE_VERSION	0x20
#define UC_SDMA_V1_0_CHANGE_VERSION	0x24
#define UC_SDMA_V1_0_JT_OFFSET		0x28	/* dwords into the payload */
#define UC_SDMA_V1_0_JT_SIZE		0x2c	/* dwords */
#define UC_SDMA_V1_0_SIZE		0x30
#define UC_SDMA_V1_1_DIGEST_SIZE	0x30
#define UC_SDMA_V1_1_SIZE		0x34

/* rlc v2.0 (struct rlc_firmware_header_v2_0). */
#define UC_RLC_V2_0_FEATURE_VERSION		0x20
#define UC_RLC_V2_0_JT_OFFSET			0x24	/* dwords into the payload */
#define UC_RLC_V2_0_JT_SIZE			0x28	/* dwords */
#define UC_RLC_V2_0_SAVE_AND_RESTORE_OFFSET	0x2c
#define UC_RLC_V2_0_CLEAR_STATE_DESC_OFFSET	0x30
#define UC_RLC_V2_0_AVAIL_SCRATCH_RAM_LOCS	0x34
#define UC_RLC_V2_0_REG_RESTORE_LIST_SIZE	0x38
#define UC_RLC_V2_0_REG_LIST_FORMAT_START	0x3c
#define UC_RLC_V2_0_REG_LIST_FORMAT_SEP_START	0x40
#define UC_RLC_V2_0_STARTING_OFFSETS_START	0x44
#define UC_RLC_V2_0_REG_LIST_FORMAT_SIZE	0x48	/* bytes */
#define UC_RLC_V2_0_REG_LIST_FORMAT_OFFSET	0x4c
#define UC_RLC_V2_0_REG_LIST_SIZE		0x50	/* bytes */
#define UC_RLC_V2_0_REG_LIST_OFFSET		0x54
#define UC_RLC_V2_0_REG_LIST_FORMAT_SEP_SIZE	0x58	/* bytes */
#define UC_RLC_V2_0_REG_LIST_FORMAT_SEP_OFFSET	0x5c
#define UC_RLC_V2_0_REG_LIST_SEP_SIZE		0x60	/* bytes */
#define UC_RLC_V2_0_REG_LIST_SEP_OFFSET		0x64
#define UC_RLC_V2_0_SIZE			0x68

/*
 * rlc v2.1 adds the three save/restore lists (struct
 * rlc_firmware_header_v2_1), each {ucode_ver, feature_ver, size_bytes,
 * offset_bytes}: CNTL at 0x6c, GPM at 0x7c, SRM at 0x8c.
 */
#define UC_RLC_V2_1_DIRECT_REG_LIST_LENGTH	0x68
#define UC_RLC_V2_1_SRL_CNTL			0x6c
#define UC_RLC_V2_1_SRL_GPM			0x7c
#define UC_RLC_V2_1_SRL_SRM			0x8c
#define UC_RLC_SRL_UCODE_VER			0x0	/* within one list */
#define UC_RLC_SRL_FEATURE_VER			0x4
#define UC_RLC_SRL_SIZE_BYTES			0x8
#define UC_RLC_SRL_OFFSET_BYTES			0xc
#define UC_RLC_V2_1_SIZE			0x9c

/* rlc v2.2 (struct rlc_firmware_header_v2_2): {size, offset} pairs. */
#define UC_RLC_V2_2_IRAM_SIZE_BYTES		0x9c
#define UC_RLC_V2_2_IRAM_OFFSET_BYTES		0xa0
#define UC_RLC_V2_2_DRAM_SIZE_BYTES		0xa4
#define UC_RLC_V2_2_DRAM_OFFSET_BYTES		0xa8
#define UC_RLC_V2_2_SIZE			0xac

/*
 * rlc v2.3 (struct rlc_firmware_header_v2_3): RLCP at 0xac and RLCV at
 * 0xbc, each {ucode_version, feature_version, size_bytes, offset_bytes}
 * (the same shape as a save/restore list, so UC_RLC_SRL_* apply).
 */
#define UC_RLC_V2_3_RLCP			0xac
#define UC_RLC_V2_3_RLCV			0xbc
#define UC_RLC_V2_3_SIZE			0xcc

/*
 * rlc v2.4 (struct rlc_firmware_header_v2_4): tap delays, {size, offset}
 * pairs for GLOBAL, SE0, SE1, SE2, SE3 from 0xcc, 8 bytes apart.
 */
#define UC_RLC_V2_4_TAP_DELAYS			0xcc
#define UC_RLC_V2_4_TAP_STRIDE			0x8
#define UC_RLC_V2_4_SIZE			0xf4

/*
 * A legacy PSP descriptor (struct psp_fw_legacy_bin_desc), 12 bytes.  In
 * sos and ta v1 headers its offset_bytes counts from the payload start.
 */
#define UC_LDESC_FW_VERSION			0x0
#define UC_LDESC_OFFSET_BYTES			0x4
#define UC_LDESC_SIZE_BYTES			0x8
#define UC_LDESC_SIZE				0xc

/*
 * psp sos v1.x (struct psp_firmware_header_v1_0..v1_3).  v1.0: sos.
 * v1.1: + toc, kdb.  v1.2: + res, kdb (res in toc's place).  v1.3: the
 * v1.1 layout + spl, rl, sys_drv_aux, sos_aux.  For sos, offset_bytes is
 * where the sOS starts in the payload; the payload bytes before it are
 * the sys_drv (amdgpu_psp.c psp_init_sos_base_fw).
 */
#define UC_SOS_V1_0_SOS				0x20
#define UC_SOS_V1_0_SIZE			0x2c
#define UC_SOS_V1_1_TOC				0x2c
#define UC_SOS_V1_1_KDB				0x38
#define UC_SOS_V1_1_SIZE			0x44
#define UC_SOS_V1_2_RES				0x2c
#define UC_SOS_V1_2_KDB				0x38
#define UC_SOS_V1_2_SIZE			0x44
#define UC_SOS_V1_3_SPL				0x44
#define UC_SOS_V1_3_RL				0x50
#define UC_SOS_V1_3_SYS_DRV_AUX			0x5c
#define UC_SOS_V1_3_SOS_AUX			0x68
#define UC_SOS_V1_3_SIZE			0x74

/*
 * ta v2.0 (struct ta_firmware_header_v2_0): a count, then that many
 * psp_fw_bin_desc entries of 16 bytes.  header_size_bytes covers only
 * the count (0x24 in the real files): the entries follow it, inside the
 * 256 bytes before the payload.  Linux refuses a count of
 * UCODE_MAX_PSP_PACKAGING or more: (256 - 32 - 4) / 16 = 13.
 */
#define UC_TA_V2_0_BIN_COUNT			0x20
#define UC_TA_V2_0_BIN				0x24
#define UC_TA_V2_0_SIZE				0x24
#define UC_BIN_MAX				13

/* struct psp_fw_bin_desc, 16 bytes; offset_bytes is from the payload. */
#define UC_BDESC_FW_TYPE			0x0
#define UC_BDESC_FW_VERSION			0x4
#define UC_BDESC_OFFSET_BYTES			0x8
#define UC_BDESC_SIZE_BYTES			0xc
#define UC_BDESC_SIZE				0x10

/* enum ta_fw_type: what a ta v2 entry holds. */
#define TA_FW_TYPE_PSP_ASD			1
#define TA_FW_TYPE_PSP_XGMI			2
#define TA_FW_TYPE_PSP_RAS			3
#define TA_FW_TYPE_PSP_HDCP			4
#define TA_FW_TYPE_PSP_DTM			5
#define TA_FW_TYPE_PSP_RAP			6
#define TA_FW_TYPE_PSP_SECUREDISPLAY		7

/*
 * smc v1.0/v2.0/v2.1 (struct smc_firmware_header_v1_0, _v2_0, _v2_1).
 * v2.0 carries one soft pptable {offset from file start, size}; v2.1 a
 * count and the file offset of {id, offset, size} entries instead.
 */
#define UC_SMC_V1_0_UCODE_START_ADDR		0x20
#define UC_SMC_V1_0_SIZE			0x24
#define UC_SMC_V2_0_PPT_OFFSET_BYTES		0x24
#define UC_SMC_V2_0_PPT_SIZE_BYTES		0x28
#define UC_SMC_V2_0_SIZE			0x2c
#define UC_SMC_V2_1_PPTABLE_COUNT		0x24
#define UC_SMC_V2_1_PPTABLE_ENTRY_OFFSET	0x28
#define UC_SMC_V2_1_SIZE			0x2c

/*
 * dmcub v1.0 (struct dmcub_firmware_header_v1_0).  The payload is the
 * instruction/constant region followed by bss/data; Linux's amdgpu_dm.c
 * (dm_dmub_sw_init) splits it further.  We only report the sizes.
 */
#define UC_DMCUB_V1_0_INST_CONST_BYTES		0x20
#define UC_DMCUB_V1_0_BSS_DATA_BYTES		0x24
#define UC_DMCUB_V1_0_SIZE			0x28

#endif

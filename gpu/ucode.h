/*
 * Firmware images (amdgpu/dimgrey_cavefish_*.bin): parsing and validation.
 * See gpu/ucode.c.
 */
#ifndef GPU_UCODE_H
#define GPU_UCODE_H

#include <stddef.h>
#include <stdint.h>

/* The twelve dimgrey_cavefish files, in the order the driver requests them. */
enum ucode_file {
	UCODE_SOS,
	UCODE_TA,
	UCODE_SMC,
	UCODE_PFP,
	UCODE_ME,
	UCODE_CE,
	UCODE_MEC,
	UCODE_MEC2,
	UCODE_RLC,
	UCODE_SDMA,
	UCODE_DMCUB,
	UCODE_VCN,
	UCODE_FILE_COUNT
};

/* What a part of a file is for. */
enum ucode_role {
	UCODE_ROLE_IP_FW,	/* loaded with GFX_CMD_ID_LOAD_IP_FW, type = GFX_FW_TYPE_* */
	UCODE_ROLE_PSP_BL,	/* a PSP bootloader component, type = PSP_BL_LOAD_* */
	UCODE_ROLE_TOC,		/* the TOC sent with GFX_CMD_ID_LOAD_TOC */
	UCODE_ROLE_TA,		/* a trusted application, type = TA type (1 = ASD ...) */
	UCODE_ROLE_INFO,	/* parsed and reported only (display, video) */
};

/*
 * Where an IP_FW image sits in the order Linux hands ucodes to the PSP:
 * psp_load_non_psp_fw (amdgpu_psp.c) walks adev->firmware.ucode[] by
 * enum AMDGPU_UCODE_ID (amdgpu_ucode.h), so sorting every file's IP_FW
 * images by this key gives Linux's sequence.  Only the ids a Navi 23 can
 * use are listed, in AMDGPU_UCODE_ID order; the values are ours.
 * Not listed because psp_load_non_psp_fw skips them on MP0 11.0.12:
 * SDMA1 (one image serves both SDMA engines), CP_MEC1_JT and CP_MEC2_JT
 * (fw_load_skip_check: autoload_supported).  SMC keeps its AMDGPU_UCODE_ID
 * place here, but Linux sends it first: psp_hw_start loads it before
 * SETUP_TMR because pmfw_centralized_cstate_management is set, and the
 * loop in psp_load_non_psp_fw then skips it.
 */
enum ucode_order {
	UCODE_ORDER_SDMA0,
	UCODE_ORDER_CP_CE,
	UCODE_ORDER_CP_PFP,
	UCODE_ORDER_CP_ME,
	UCODE_ORDER_CP_MEC1,
	UCODE_ORDER_CP_MEC2,
	UCODE_ORDER_GLOBAL_TAP_DELAYS,
	UCODE_ORDER_SE0_TAP_DELAYS,
	UCODE_ORDER_SE1_TAP_DELAYS,
	UCODE_ORDER_SE2_TAP_DELAYS,
	UCODE_ORDER_SE3_TAP_DELAYS,
	UCODE_ORDER_RLC_RESTORE_LIST_CNTL,
	UCODE_ORDER_RLC_RESTORE_LIST_GPM_MEM,
	UCODE_ORDER_RLC_RESTORE_LIST_SRM_MEM,
	UCODE_ORDER_RLC_IRAM,
	UCODE_ORDER_RLC_DRAM,
	UCODE_ORDER_RLC_P,
	UCODE_ORDER_RLC_V,
	UCODE_ORDER_RLC_G,	/* after it: GFX_CMD_ID_AUTOLOAD_RLC */
	UCODE_ORDER_SMC,
	UCODE_ORDER_NONE	/* not an IP_FW image */
};

struct ucode_image {
	const char *what;	/* "SOS", "RLC_IRAM", "ASD", ... */
	enum ucode_role role;
	uint32_t type;
	uint32_t version;	/* the part's own version where the header has one */
	const uint8_t *data;	/* points into the file's bytes */
	uint32_t size;
	uint32_t offset;	/* of data, from the start of the file */
	enum ucode_order order;
};

#define UCODE_MAX_IMAGES	16

struct ucode_info {
	enum ucode_file file;
	const char *name;	/* "amdgpu/dimgrey_cavefish_sos.bin" */
	uint32_t file_size;
	uint16_t hdr_major, hdr_minor;
	uint16_t ip_major, ip_minor;
	uint32_t ucode_version;
	uint32_t feature_version;	/* 0 where the header has none */
	uint32_t ucode_size;
	uint32_t ucode_offset;
	unsigned nimages;
	struct ucode_image images[UCODE_MAX_IMAGES];
};

/* The file name for a file id ("amdgpu/dimgrey_cavefish_sos.bin"). */
const char	*ucode_file_name(enum ucode_file);
/* True for the files the driver loads through the PSP (all but DMCUB, VCN). */
int		 ucode_file_loaded(enum ucode_file);

/*
 * Parse and validate one file.  On failure returns -GPU_ENOEXEC (or
 * -GPU_EINVAL) and writes one line to err naming the file and the field at
 * fault, e.g. "amdgpu/dimgrey_cavefish_rlc.bin: rlc_iram_ucode_offset_bytes
 * 0x1cc10 + size 0x10200 is past the end of the file (0x20000 bytes)".
 * On success out->images point into data, which must outlive out.
 */
int		 ucode_parse(enum ucode_file, const void *data, size_t size,
		    struct ucode_info *out, char *err, size_t errlen);

#endif

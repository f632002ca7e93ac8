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

struct ucode_image {
	const char *what;	/* "SOS", "RLC_IRAM", "ASD", ... */
	enum ucode_role role;
	uint32_t type;
	uint32_t version;	/* the part's own version where the header has one */
	const uint8_t *data;	/* points into the file's bytes */
	uint32_t size;
};

#define UCODE_MAX_IMAGES	12

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

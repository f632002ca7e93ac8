/*
 * Firmware images: parse and validate the twelve dimgrey_cavefish files
 * and list the parts the driver hands to the PSP, in Linux's order.
 *
 * Layouts: include/amd/amdgpu_ucode.h.  What Linux does with each part:
 * amdgpu_psp.c (psp_init_sos_microcode, parse_ta_v2_microcode,
 * psp_get_fw_type, fw_load_skip_check, psp_load_non_psp_fw),
 * amdgpu_ucode.c (amdgpu_ucode_init_single_fw), amdgpu_rlc.c
 * (amdgpu_gfx_rlc_init_microcode_v2_1..v2_4), gfx_v10_0.c and
 * sdma_v5_2.c (init_microcode), in freebsd/drm-kmod synced from Linux
 * 6.10.  Linux itself only checks size_bytes against the file size
 * (amdgpu_ucode_validate); every other check here is ours, so that a
 * malformed or wrong-chip file is refused before the PSP sees it.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "amd/amdgpu_ucode.h"
#include "amd/psp_gfx_if.h"
#include "metalgpu/errno.h"
#include "gpu/fmt.h"
#include "gpu/os.h"
#include "gpu/ucode.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

enum ucode_kind {
	KIND_SOS,
	KIND_TA,
	KIND_SMC,
	KIND_GFX,
	KIND_RLC,
	KIND_SDMA,
	KIND_DMCUB,
	KIND_VCN,
};

struct ucode_ctx;

static int	parse_sos(struct ucode_ctx *);
static int	parse_ta(struct ucode_ctx *);
static int	parse_smc(struct ucode_ctx *);
static int	parse_gfx(struct ucode_ctx *);
static int	parse_rlc(struct ucode_ctx *);
static int	parse_sdma(struct ucode_ctx *);
static int	parse_dmcub(struct ucode_ctx *);
static int	parse_vcn(struct ucode_ctx *);

/*
 * A header family: its major version and, per minor version we can
 * parse, the smallest header_size_bytes that holds that layout.
 */
static const struct ucode_kind_desc {
	const char *name;
	uint16_t major;
	uint16_t nminor;
	uint16_t hdr_size[5];
	int (*parse)(struct ucode_ctx *);
} ucode_kinds[] = {
	[KIND_SOS] = { "psp sos", 1, 4, { UC_SOS_V1_0_SIZE, UC_SOS_V1_1_SIZE,
	    UC_SOS_V1_2_SIZE, UC_SOS_V1_3_SIZE }, parse_sos },
	[KIND_TA] = { "ta", 2, 1, { UC_TA_V2_0_SIZE }, parse_ta },
	[KIND_SMC] = { "smc", 2, 1, { UC_SMC_V2_0_SIZE }, parse_smc },
	[KIND_GFX] = { "gfx", 1, 1, { UC_GFX_V1_0_SIZE }, parse_gfx },
	[KIND_RLC] = { "rlc", 2, 5, { UC_RLC_V2_0_SIZE, UC_RLC_V2_1_SIZE,
	    UC_RLC_V2_2_SIZE, UC_RLC_V2_3_SIZE, UC_RLC_V2_4_SIZE }, parse_rlc },
	[KIND_SDMA] = { "sdma", 1, 2, { UC_SDMA_V1_0_SIZE, UC_SDMA_V1_1_SIZE },
	    parse_sdma },
	[KIND_DMCUB] = { "dmcub", 1, 1, { UC_DMCUB_V1_0_SIZE }, parse_dmcub },
	[KIND_VCN] = { "vcn", 1, 1, { UC_HDR_COMMON_SIZE }, parse_vcn },
};

/*
 * The twelve files.  ip: the IP major.minor the header must carry (the
 * discovery table says GC 10.3.4, SDMA 5.2.4, MP0/MP1 11.0.12, VCN 3.0.16,
 * DCN 3.0.2; headers only hold major.minor).  hdr: the exact header
 * version of the Debian 20230210 files.  Pinning it is what refuses a
 * navi10 or sienna_cichlid sos/smc/ta under a dimgrey_cavefish name: those
 * carry the same MP 11.0, so only header_version tells them apart (navi10
 * sos 1.1, smc 2.1, ta 1.0).  The GC, SDMA and VCN files of navi10 are
 * caught by ip_version_minor/major (10.1, 5.0, 2.0).
 */
static const struct ucode_file_desc {
	const char *name;
	const char *what;	/* the whole-payload image */
	enum ucode_kind kind;
	uint16_t hdr_major, hdr_minor;
	uint16_t ip_major, ip_minor;
	const char *ip_name;
	uint32_t fw_type;
	enum ucode_order order;
	bool loaded;
} ucode_files[UCODE_FILE_COUNT] = {
	[UCODE_SOS] = { "amdgpu/dimgrey_cavefish_sos.bin", "SOS", KIND_SOS,
	    1, 3, 11, 0, "MP0 11.0", PSP_BL_LOAD_SOSDRV, UCODE_ORDER_NONE, true },
	[UCODE_TA] = { "amdgpu/dimgrey_cavefish_ta.bin", "TA", KIND_TA,
	    2, 0, 11, 0, "MP0 11.0", 0, UCODE_ORDER_NONE, true },
	[UCODE_SMC] = { "amdgpu/dimgrey_cavefish_smc.bin", "SMC", KIND_SMC,
	    2, 0, 11, 0, "MP1 11.0", GFX_FW_TYPE_SMU, UCODE_ORDER_SMC, true },
	[UCODE_PFP] = { "amdgpu/dimgrey_cavefish_pfp.bin", "CP_PFP", KIND_GFX,
	    1, 0, 10, 3, "GC 10.3", GFX_FW_TYPE_CP_PFP, UCODE_ORDER_CP_PFP, true },
	[UCODE_ME] = { "amdgpu/dimgrey_cavefish_me.bin", "CP_ME", KIND_GFX,
	    1, 0, 10, 3, "GC 10.3", GFX_FW_TYPE_CP_ME, UCODE_ORDER_CP_ME, true },
	[UCODE_CE] = { "amdgpu/dimgrey_cavefish_ce.bin", "CP_CE", KIND_GFX,
	    1, 0, 10, 3, "GC 10.3", GFX_FW_TYPE_CP_CE, UCODE_ORDER_CP_CE, true },
	[UCODE_MEC] = { "amdgpu/dimgrey_cavefish_mec.bin", "CP_MEC1", KIND_GFX,
	    1, 0, 10, 3, "GC 10.3", GFX_FW_TYPE_CP_MEC, UCODE_ORDER_CP_MEC1, true },
	[UCODE_MEC2] = { "amdgpu/dimgrey_cavefish_mec2.bin", "CP_MEC2", KIND_GFX,
	    1, 0, 10, 3, "GC 10.3", GFX_FW_TYPE_CP_MEC, UCODE_ORDER_CP_MEC2, true },
	[UCODE_RLC] = { "amdgpu/dimgrey_cavefish_rlc.bin", "RLC_G", KIND_RLC,
	    2, 4, 10, 3, "GC 10.3", GFX_FW_TYPE_RLC_G, UCODE_ORDER_RLC_G, true },
	[UCODE_SDMA] = { "amdgpu/dimgrey_cavefish_sdma.bin", "SDMA0", KIND_SDMA,
	    1, 0, 5, 2, "SDMA 5.2", GFX_FW_TYPE_SDMA0, UCODE_ORDER_SDMA0, true },
	[UCODE_DMCUB] = { "amdgpu/dimgrey_cavefish_dmcub.bin", "DMCUB", KIND_DMCUB,
	    1, 0, 3, 0, "DCN 3.0", GFX_FW_TYPE_DMUB, UCODE_ORDER_NONE, false },
	[UCODE_VCN] = { "amdgpu/dimgrey_cavefish_vcn.bin", "VCN", KIND_VCN,
	    1, 0, 3, 0, "VCN 3.0", GFX_FW_TYPE_VCN, UCODE_ORDER_NONE, false },
};

/* One parse: the file, where to report, and what has been checked. */
struct ucode_ctx {
	const struct ucode_file_desc *fd;
	const uint8_t *p;
	uint32_t size;		/* file size; fits, since it equals size_bytes */
	uint32_t pay_off;	/* ucode_array_offset_bytes */
	uint32_t pay_size;	/* ucode_size_bytes */
	struct ucode_info *out;
	char *err;
	size_t errlen;
};

/*
 * Little-endian loads.  Callers check the header size first; the bound
 * here only makes a missed check read zero instead of past the data.
 */
static uint32_t
rd32(const struct ucode_ctx *c, uint32_t off)
{
	const uint8_t *b;

	if ((uint64_t)off + 4 > c->size)
		return 0;
	b = c->p + off;
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	    (uint32_t)b[3] << 24;
}

static uint16_t
rd16(const struct ucode_ctx *c, uint32_t off)
{
	const uint8_t *b;

	if ((uint64_t)off + 2 > c->size)
		return 0;
	b = c->p + off;
	return (uint16_t)(b[0] | b[1] << 8);
}

static int	ucode_fail(struct ucode_ctx *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

/* Write "<file>: <message>" to the caller's buffer; the parse fails. */
static int
ucode_fail(struct ucode_ctx *c, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (c->err == NULL || c->errlen == 0)
		return -GPU_ENOEXEC;
	n = gpu_snprintf(c->err, c->errlen, "%s: ", c->fd->name);
	if (n >= 0 && (size_t)n < c->errlen) {
		va_start(ap, fmt);
		gpu_vsnprintf(c->err + n, c->errlen - n, fmt, ap);
		va_end(ap);
	}
	return -GPU_ENOEXEC;
}

/*
 * A part addressed from the start of the file: it must lie after the
 * header (at or past the payload start) and end inside the file.
 */
static int
check_in_file(struct ucode_ctx *c, const char *field, uint64_t off,
    uint64_t len)
{
	if (off < c->pay_off)
		return ucode_fail(c, "%s 0x%llx points into the header "
		    "(payload starts at 0x%x)", field, (unsigned long long)off,
		    c->pay_off);
	if (off + len > c->size)
		return ucode_fail(c, "%s 0x%llx + size 0x%llx is past the end "
		    "of the file (0x%x bytes)", field, (unsigned long long)off,
		    (unsigned long long)len, c->size);
	return 0;
}

/* A part addressed from the payload start: it must end inside the payload. */
static int
check_in_payload(struct ucode_ctx *c, const char *field, uint64_t off,
    uint64_t len)
{
	if (off + len > c->pay_size)
		return ucode_fail(c, "%s 0x%llx + size 0x%llx is past the end "
		    "of the payload (ucode_size_bytes 0x%x)", field,
		    (unsigned long long)off, (unsigned long long)len,
		    c->pay_size);
	return 0;
}

/* Append one image; off is from the start of the file and already checked. */
static int
add_image(struct ucode_ctx *c, const char *what, enum ucode_role role,
    uint32_t type, uint32_t version, uint32_t off, uint32_t size,
    enum ucode_order order)
{
	struct ucode_info *out = c->out;
	struct ucode_image *im;

	if (out->nimages == UCODE_MAX_IMAGES)
		return ucode_fail(c, "more than %d images", UCODE_MAX_IMAGES);
	im = &out->images[out->nimages++];
	im->what = what;
	im->role = role;
	im->type = type;
	im->version = version;
	im->data = c->p + off;
	im->size = size;
	im->offset = off;
	im->order = order;
	return 0;
}

/* The file's own image: the whole payload, as its table row describes. */
static int
add_payload(struct ucode_ctx *c, uint32_t size)
{
	const struct ucode_file_desc *fd = c->fd;

	return add_image(c, fd->what,
	    fd->loaded ? UCODE_ROLE_IP_FW : UCODE_ROLE_INFO, fd->fw_type,
	    c->out->ucode_version, c->pay_off, size, fd->order);
}

/* --- psp sos v1.0-v1.3 ---------------------------------------------------- */

struct ldesc {
	uint32_t version, off, size;
};

/* Read a psp_fw_legacy_bin_desc and check it against the payload. */
static int
sos_desc(struct ucode_ctx *c, uint32_t at, const char *field, struct ldesc *d)
{
	d->version = rd32(c, at + UC_LDESC_FW_VERSION);
	d->off = rd32(c, at + UC_LDESC_OFFSET_BYTES);
	d->size = rd32(c, at + UC_LDESC_SIZE_BYTES);
	if (d->size == 0)
		return 0;
	return check_in_payload(c, field, d->off, d->size);
}

/* Add a bootloader part if the file has it (psp_hw_start skips empty ones). */
static int
sos_add(struct ucode_ctx *c, const char *what, enum ucode_role role,
    uint32_t type, const struct ldesc *d)
{
	if (d->size == 0)
		return 0;
	return add_image(c, what, role, type, d->version, c->pay_off + d->off,
	    d->size, UCODE_ORDER_NONE);
}

/*
 * Bootloader order KDB, SPL, SYS_DRV, SOS (psp_hw_start), then the TOC
 * for GFX_CMD_ID_LOAD_TOC.  The sys_drv is the payload before the sOS
 * (psp_init_sos_base_fw).  TOC/KDB/SPL/RL offsets count from the payload
 * start in v1.1 and v1.3 alike (psp_init_sos_microcode).  RL and the aux
 * sys_drv/sOS (for MP0 13.0.2 only) are checked but not listed.
 */
static int
parse_sos(struct ucode_ctx *c)
{
	uint16_t minor = c->out->hdr_minor;
	struct ldesc sos, toc = { 0 }, kdb = { 0 }, spl = { 0 }, rl, aux;
	int r;

	if ((r = sos_desc(c, UC_SOS_V1_0_SOS, "sos.offset_bytes", &sos)) != 0)
		return r;
	if (sos.off == 0)
		return ucode_fail(c, "sos.offset_bytes 0: no sys_drv before "
		    "the sOS");
	if (sos.size == 0)
		return ucode_fail(c, "sos.size_bytes 0: no sOS");
	c->out->feature_version = sos.version;
	if (minor == 1 || minor == 3)
		r = sos_desc(c, UC_SOS_V1_1_TOC, "toc.offset_bytes", &toc);
	if (r == 0 && minor >= 1)
		r = sos_desc(c, UC_SOS_V1_1_KDB, "kdb.offset_bytes", &kdb);
	if (r == 0 && minor == 3)
		r = sos_desc(c, UC_SOS_V1_3_SPL, "spl.offset_bytes", &spl);
	if (r == 0 && minor == 3)
		r = sos_desc(c, UC_SOS_V1_3_RL, "rl.offset_bytes", &rl);
	if (r == 0 && minor == 3)
		r = sos_desc(c, UC_SOS_V1_3_SYS_DRV_AUX,
		    "sys_drv_aux.offset_bytes", &aux);
	if (r == 0 && minor == 3)
		r = sos_desc(c, UC_SOS_V1_3_SOS_AUX, "sos_aux.offset_bytes",
		    &aux);
	if (r != 0)
		return r;

	if ((r = sos_add(c, "KDB", UCODE_ROLE_PSP_BL,
	    PSP_BL_LOAD_KEY_DATABASE, &kdb)) != 0 ||
	    (r = sos_add(c, "SPL", UCODE_ROLE_PSP_BL,
	    PSP_BL_LOAD_TOS_SPL_TABLE, &spl)) != 0 ||
	    (r = add_image(c, "SYS_DRV", UCODE_ROLE_PSP_BL, PSP_BL_LOAD_SYSDRV,
	    c->out->ucode_version, c->pay_off, sos.off,
	    UCODE_ORDER_NONE)) != 0 ||
	    (r = add_image(c, "SOS", UCODE_ROLE_PSP_BL, PSP_BL_LOAD_SOSDRV,
	    c->out->ucode_version, c->pay_off + sos.off, sos.size,
	    UCODE_ORDER_NONE)) != 0)
		return r;
	return sos_add(c, "TOC", UCODE_ROLE_TOC, GFX_FW_TYPE_TOC, &toc);
}

/* --- ta v2.0 --------------------------------------------------------------- */

/* enum ta_fw_type names, indexed by type. */
static const char *const ta_names[] = {
	[TA_FW_TYPE_PSP_ASD] = "ASD",
	[TA_FW_TYPE_PSP_XGMI] = "XGMI",
	[TA_FW_TYPE_PSP_RAS] = "RAS",
	[TA_FW_TYPE_PSP_HDCP] = "HDCP",
	[TA_FW_TYPE_PSP_DTM] = "DTM",
	[TA_FW_TYPE_PSP_RAP] = "RAP",
	[TA_FW_TYPE_PSP_SECUREDISPLAY] = "SECUREDISPLAY",
};
#define TA_NTYPES	NELEM(ta_names)

/* One psp_fw_bin_desc; its offset counts from the payload start. */
static int
parse_ta_entry(struct ucode_ctx *c, uint32_t i)
{
	uint32_t at = UC_TA_V2_0_BIN + i * UC_BDESC_SIZE;
	uint32_t type = rd32(c, at + UC_BDESC_FW_TYPE);
	uint32_t ver = rd32(c, at + UC_BDESC_FW_VERSION);
	uint32_t off = rd32(c, at + UC_BDESC_OFFSET_BYTES);
	uint32_t size = rd32(c, at + UC_BDESC_SIZE_BYTES);
	char field[40];
	int r;

	if (type == 0 || type >= TA_NTYPES)
		return ucode_fail(c, "ta_fw_bin[%u].fw_type %u is not a known "
		    "TA type (1-%u)", i, type, (unsigned)TA_NTYPES - 1);
	gpu_snprintf(field, sizeof(field), "ta_fw_bin[%u].offset_bytes", i);
	if ((r = check_in_payload(c, field, off, size)) != 0)
		return r;
	if (size == 0)
		return 0;
	return add_image(c, ta_names[type], UCODE_ROLE_TA, type, ver,
	    c->pay_off + off, size, UCODE_ORDER_NONE);
}

/*
 * The entries, in file order (ASD first in the real file, which is also
 * the order psp_load_fw starts them: ASD, then RAS, HDCP, DTM, RAP).
 */
static int
parse_ta(struct ucode_ctx *c)
{
	uint32_t n = rd32(c, UC_TA_V2_0_BIN_COUNT), i;
	int r;

	if (n == 0 || n >= UC_BIN_MAX)
		return ucode_fail(c, "ta_fw_bin_count %u is outside 1-%u", n,
		    UC_BIN_MAX - 1);
	if (UC_TA_V2_0_BIN + n * UC_BDESC_SIZE > c->pay_off)
		return ucode_fail(c, "ta_fw_bin_count %u: the table runs to "
		    "0x%x, into the payload at 0x%x", n,
		    UC_TA_V2_0_BIN + n * UC_BDESC_SIZE, c->pay_off);
	for (i = 0; i < n; i++)
		if ((r = parse_ta_entry(c, i)) != 0)
			return r;
	return 0;
}

/* --- smc v2.0 -------------------------------------------------------------- */

/*
 * The PSP loads the payload as GFX_FW_TYPE_SMU (amdgpu_ucode_init_single_fw
 * default case).  The soft pptable after it is for the SMU driver
 * (smu_v11_0_setup_pptable); it is checked, not listed.
 */
static int
parse_smc(struct ucode_ctx *c)
{
	uint32_t off = rd32(c, UC_SMC_V2_0_PPT_OFFSET_BYTES);
	uint32_t size = rd32(c, UC_SMC_V2_0_PPT_SIZE_BYTES);
	int r;

	if (size != 0 &&
	    (r = check_in_file(c, "ppt_offset_bytes", off, size)) != 0)
		return r;
	return add_payload(c, c->pay_size);
}

/* --- gfx v1.0: CE, PFP, ME, MEC, MEC2 --------------------------------------- */

/*
 * Under PSP loading, CE/PFP/ME go as the whole payload (jump table
 * inside).  MEC1 and MEC2 go without their jump table: ucode_size_bytes
 * minus jt_size dwords (amdgpu_ucode_init_single_fw), both as
 * GFX_FW_TYPE_CP_MEC (psp_get_fw_type).  gfx_v10_0_init_microcode also
 * registers CP_MEC1_JT and CP_MEC2_JT, but fw_load_skip_check drops them
 * when autoload_supported, which MP0 11.0.12 sets; so no JT image here.
 */
static int
parse_gfx(struct ucode_ctx *c)
{
	uint32_t jt_off = rd32(c, UC_GFX_V1_0_JT_OFFSET);
	uint32_t jt_size = rd32(c, UC_GFX_V1_0_JT_SIZE);
	bool mec = c->fd->fw_type == GFX_FW_TYPE_CP_MEC;
	int r;

	c->out->feature_version = rd32(c, UC_GFX_V1_0_FEATURE_VERSION);
	if ((r = check_in_payload(c, "jt_offset*4", 4ull * jt_off,
	    4ull * jt_size)) != 0)
		return r;
	return add_payload(c, mec ? c->pay_size - 4 * jt_size : c->pay_size);
}

/* --- sdma v1.0/v1.1 ---------------------------------------------------------- */

/*
 * One image for both engines: sdma_v5_2 registers SDMA0 and SDMA1 with
 * the same file, and psp_load_non_psp_fw skips SDMA1-3 on MP0 11.0.7,
 * 11.0.11 and 11.0.12 ("PSP only receive one SDMA fw for sienna_cichlid,
 * as all four sdma fw are same").  The jump table stays in the payload.
 */
static int
parse_sdma(struct ucode_ctx *c)
{
	uint32_t jt_off = rd32(c, UC_SDMA_V1_0_JT_OFFSET);
	uint32_t jt_size = rd32(c, UC_SDMA_V1_0_JT_SIZE);
	int r;

	c->out->feature_version = rd32(c, UC_SDMA_V1_0_FEATURE_VERSION);
	if ((r = check_in_payload(c, "jt_offset*4", 4ull * jt_off,
	    4ull * jt_size)) != 0)
		return r;
	return add_payload(c, c->pay_size);
}

/* --- rlc v2.0-v2.4 ----------------------------------------------------------- */

/*
 * The RLC file's parts, in AMDGPU_UCODE_ID order, RLC_G last.  Offsets
 * count from the start of the file (amdgpu_rlc.c adds them to the header
 * pointer).  A part is listed when its header version has it and its
 * size is non-zero, as amdgpu_gfx_rlc_init_microcode_v2_x registers it.
 * The CNTL list goes as GFX_FW_TYPE_RLC_RESTORE_LIST_SRM_CNTL
 * (psp_get_fw_type).
 */
#define TAP(n)	(UC_RLC_V2_4_TAP_DELAYS + (n) * UC_RLC_V2_4_TAP_STRIDE)
#define SRL(at, f)	((at) + UC_RLC_SRL_##f)
static const struct rlc_part {
	const char *what;
	const char *field;
	uint16_t minor;		/* first header minor that has it */
	uint16_t size_at, off_at;
	int16_t ver_at;		/* -1: no version of its own */
	uint32_t type;
	enum ucode_order order;
} rlc_parts[] = {
	{ "GLOBAL_TAP_DELAYS", "global_tap_delays_ucode_offset_bytes", 4,
	    TAP(0), TAP(0) + 4, -1, GFX_FW_TYPE_GLOBAL_TAP_DELAYS,
	    UCODE_ORDER_GLOBAL_TAP_DELAYS },
	{ "SE0_TAP_DELAYS", "se0_tap_delays_ucode_offset_bytes", 4,
	    TAP(1), TAP(1) + 4, -1, GFX_FW_TYPE_SE0_TAP_DELAYS,
	    UCODE_ORDER_SE0_TAP_DELAYS },
	{ "SE1_TAP_DELAYS", "se1_tap_delays_ucode_offset_bytes", 4,
	    TAP(2), TAP(2) + 4, -1, GFX_FW_TYPE_SE1_TAP_DELAYS,
	    UCODE_ORDER_SE1_TAP_DELAYS },
	{ "SE2_TAP_DELAYS", "se2_tap_delays_ucode_offset_bytes", 4,
	    TAP(3), TAP(3) + 4, -1, GFX_FW_TYPE_SE2_TAP_DELAYS,
	    UCODE_ORDER_SE2_TAP_DELAYS },
	{ "SE3_TAP_DELAYS", "se3_tap_delays_ucode_offset_bytes", 4,
	    TAP(4), TAP(4) + 4, -1, GFX_FW_TYPE_SE3_TAP_DELAYS,
	    UCODE_ORDER_SE3_TAP_DELAYS },
	{ "RLC_RESTORE_LIST_CNTL", "save_restore_list_cntl_offset_bytes", 1,
	    SRL(UC_RLC_V2_1_SRL_CNTL, SIZE_BYTES),
	    SRL(UC_RLC_V2_1_SRL_CNTL, OFFSET_BYTES),
	    SRL(UC_RLC_V2_1_SRL_CNTL, UCODE_VER),
	    GFX_FW_TYPE_RLC_RESTORE_LIST_SRM_CNTL,
	    UCODE_ORDER_RLC_RESTORE_LIST_CNTL },
	{ "RLC_RESTORE_LIST_GPM_MEM", "save_restore_list_gpm_offset_bytes", 1,
	    SRL(UC_RLC_V2_1_SRL_GPM, SIZE_BYTES),
	    SRL(UC_RLC_V2_1_SRL_GPM, OFFSET_BYTES),
	    SRL(UC_RLC_V2_1_SRL_GPM, UCODE_VER),
	    GFX_FW_TYPE_RLC_RESTORE_LIST_GPM_MEM,
	    UCODE_ORDER_RLC_RESTORE_LIST_GPM_MEM },
	{ "RLC_RESTORE_LIST_SRM_MEM", "save_restore_list_srm_offset_bytes", 1,
	    SRL(UC_RLC_V2_1_SRL_SRM, SIZE_BYTES),
	    SRL(UC_RLC_V2_1_SRL_SRM, OFFSET_BYTES),
	    SRL(UC_RLC_V2_1_SRL_SRM, UCODE_VER),
	    GFX_FW_TYPE_RLC_RESTORE_LIST_SRM_MEM,
	    UCODE_ORDER_RLC_RESTORE_LIST_SRM_MEM },
	{ "RLC_IRAM", "rlc_iram_ucode_offset_bytes", 2,
	    UC_RLC_V2_2_IRAM_SIZE_BYTES, UC_RLC_V2_2_IRAM_OFFSET_BYTES, -1,
	    GFX_FW_TYPE_RLC_IRAM, UCODE_ORDER_RLC_IRAM },
	{ "RLC_DRAM_BOOT", "rlc_dram_ucode_offset_bytes", 2,
	    UC_RLC_V2_2_DRAM_SIZE_BYTES, UC_RLC_V2_2_DRAM_OFFSET_BYTES, -1,
	    GFX_FW_TYPE_RLC_DRAM_BOOT, UCODE_ORDER_RLC_DRAM },
	{ "RLC_P", "rlcp_ucode_offset_bytes", 3,
	    SRL(UC_RLC_V2_3_RLCP, SIZE_BYTES),
	    SRL(UC_RLC_V2_3_RLCP, OFFSET_BYTES),
	    SRL(UC_RLC_V2_3_RLCP, UCODE_VER),
	    GFX_FW_TYPE_RLC_P, UCODE_ORDER_RLC_P },
	{ "RLC_V", "rlcv_ucode_offset_bytes", 3,
	    SRL(UC_RLC_V2_3_RLCV, SIZE_BYTES),
	    SRL(UC_RLC_V2_3_RLCV, OFFSET_BYTES),
	    SRL(UC_RLC_V2_3_RLCV, UCODE_VER),
	    GFX_FW_TYPE_RLC_V, UCODE_ORDER_RLC_V },
};
#undef TAP
#undef SRL

/*
 * The v2.0 register-list arrays the driver copies for the RLC save/restore
 * machine (gfx_v10_0 init_rlc): checked, not loaded by the PSP.
 */
static const struct rlc_array {
	const char *field;
	uint16_t size_at, off_at;
} rlc_arrays[] = {
	{ "reg_list_format_array_offset_bytes",
	    UC_RLC_V2_0_REG_LIST_FORMAT_SIZE, UC_RLC_V2_0_REG_LIST_FORMAT_OFFSET },
	{ "reg_list_array_offset_bytes",
	    UC_RLC_V2_0_REG_LIST_SIZE, UC_RLC_V2_0_REG_LIST_OFFSET },
	{ "reg_list_format_separate_array_offset_bytes",
	    UC_RLC_V2_0_REG_LIST_FORMAT_SEP_SIZE,
	    UC_RLC_V2_0_REG_LIST_FORMAT_SEP_OFFSET },
	{ "reg_list_separate_array_offset_bytes",
	    UC_RLC_V2_0_REG_LIST_SEP_SIZE, UC_RLC_V2_0_REG_LIST_SEP_OFFSET },
};

static int
rlc_add_part(struct ucode_ctx *c, const struct rlc_part *pt)
{
	uint32_t size, off, ver;
	int r;

	if (c->out->hdr_minor < pt->minor)
		return 0;
	size = rd32(c, pt->size_at);
	off = rd32(c, pt->off_at);
	ver = pt->ver_at < 0 ? 0 : rd32(c, (uint32_t)pt->ver_at);
	if (size == 0)
		return 0;
	if ((r = check_in_file(c, pt->field, off, size)) != 0)
		return r;
	return add_image(c, pt->what, UCODE_ROLE_IP_FW, pt->type, ver, off,
	    size, pt->order);
}

static int
parse_rlc(struct ucode_ctx *c)
{
	uint32_t jt_off = rd32(c, UC_RLC_V2_0_JT_OFFSET);
	uint32_t jt_size = rd32(c, UC_RLC_V2_0_JT_SIZE);
	uint32_t size;
	size_t i;
	int r;

	c->out->feature_version = rd32(c, UC_RLC_V2_0_FEATURE_VERSION);
	if ((r = check_in_payload(c, "jt_offset*4", 4ull * jt_off,
	    4ull * jt_size)) != 0)
		return r;
	for (i = 0; i < NELEM(rlc_arrays); i++) {
		size = rd32(c, rlc_arrays[i].size_at);
		if (size != 0 && (r = check_in_file(c, rlc_arrays[i].field,
		    rd32(c, rlc_arrays[i].off_at), size)) != 0)
			return r;
	}
	for (i = 0; i < NELEM(rlc_parts); i++)
		if ((r = rlc_add_part(c, &rlc_parts[i])) != 0)
			return r;
	return add_payload(c, c->pay_size);
}

/* --- dmcub v1.0 and vcn (common header only) --------------------------------- */

/* The payload is inst_const then bss/data (amdgpu_dm.c dm_dmub_sw_init). */
static int
parse_dmcub(struct ucode_ctx *c)
{
	uint32_t inst = rd32(c, UC_DMCUB_V1_0_INST_CONST_BYTES);
	uint32_t bss = rd32(c, UC_DMCUB_V1_0_BSS_DATA_BYTES);
	int r;

	if ((r = check_in_payload(c, "inst_const_bytes", 0, inst)) != 0 ||
	    (r = check_in_payload(c, "bss_data_bytes", inst, bss)) != 0)
		return r;
	return add_payload(c, c->pay_size);
}

static int
parse_vcn(struct ucode_ctx *c)
{
	return add_payload(c, c->pay_size);
}

/* --- the common header --------------------------------------------------------- */

/* IP and header version: is this the right file, and can we read it? */
static int
check_versions(struct ucode_ctx *c)
{
	const struct ucode_file_desc *fd = c->fd;
	const struct ucode_kind_desc *k = &ucode_kinds[fd->kind];
	struct ucode_info *o = c->out;

	if (o->ip_major != fd->ip_major)
		return ucode_fail(c, "ip_version_major %u, this file must be "
		    "%s", o->ip_major, fd->ip_name);
	if (o->ip_minor != fd->ip_minor)
		return ucode_fail(c, "ip_version_minor %u (IP %u.%u), this "
		    "file must be %s", o->ip_minor, o->ip_major, o->ip_minor,
		    fd->ip_name);
	if (o->hdr_major != k->major)
		return ucode_fail(c, "header_version_major %u is not a known "
		    "%s header (v%u.x)", o->hdr_major, k->name, k->major);
	if (o->hdr_minor >= k->nminor)
		return ucode_fail(c, "header_version_minor %u is not a known "
		    "%s header (v%u.0 to v%u.%u)", o->hdr_minor, k->name,
		    k->major, k->major, k->nminor - 1);
	if (o->hdr_major != fd->hdr_major || o->hdr_minor != fd->hdr_minor)
		return ucode_fail(c, "header_version_minor %u: %s v%u.%u, but "
		    "the dimgrey_cavefish file is v%u.%u", o->hdr_minor,
		    k->name, o->hdr_major, o->hdr_minor, fd->hdr_major,
		    fd->hdr_minor);
	return 0;
}

/* header_size_bytes, ucode_array_offset_bytes, ucode_size_bytes. */
static int
check_extents(struct ucode_ctx *c, uint32_t hdr_size)
{
	const struct ucode_kind_desc *k = &ucode_kinds[c->fd->kind];
	uint32_t need = k->hdr_size[c->out->hdr_minor];

	if (hdr_size < need)
		return ucode_fail(c, "header_size_bytes 0x%x is too small for "
		    "the %s v%u.%u header (0x%x)", hdr_size, k->name, k->major,
		    c->out->hdr_minor, need);
	if (hdr_size > c->size)
		return ucode_fail(c, "header_size_bytes 0x%x is past the end "
		    "of the file (0x%x bytes)", hdr_size, c->size);
	if (c->pay_off < hdr_size)
		return ucode_fail(c, "ucode_array_offset_bytes 0x%x is inside "
		    "the header (header_size_bytes 0x%x)", c->pay_off,
		    hdr_size);
	if (c->pay_off > c->size)
		return ucode_fail(c, "ucode_array_offset_bytes 0x%x is past "
		    "the end of the file (0x%x bytes)", c->pay_off, c->size);
	if (c->pay_size == 0)
		return ucode_fail(c, "ucode_size_bytes 0: no payload");
	if ((uint64_t)c->pay_off + c->pay_size > c->size)
		return ucode_fail(c, "ucode_size_bytes 0x%x at "
		    "ucode_array_offset_bytes 0x%x is past the end of the file "
		    "(0x%x bytes)", c->pay_size, c->pay_off, c->size);
	return 0;
}

static int
parse_common(struct ucode_ctx *c, size_t size)
{
	struct ucode_info *o = c->out;
	uint32_t size_bytes;
	int r;

	if (size < UC_HDR_COMMON_SIZE)
		return ucode_fail(c, "file is %zu bytes, shorter than "
		    "common_firmware_header (%d bytes)", size,
		    UC_HDR_COMMON_SIZE);
	c->size = UC_HDR_COMMON_SIZE;
	size_bytes = rd32(c, UC_HDR_SIZE_BYTES);
	if (size_bytes != size)
		return ucode_fail(c, "size_bytes 0x%x does not match the file "
		    "size 0x%zx", size_bytes, size);
	c->size = size_bytes;
	o->file_size = size_bytes;
	o->hdr_major = rd16(c, UC_HDR_HEADER_VERSION_MAJOR);
	o->hdr_minor = rd16(c, UC_HDR_HEADER_VERSION_MINOR);
	o->ip_major = rd16(c, UC_HDR_IP_VERSION_MAJOR);
	o->ip_minor = rd16(c, UC_HDR_IP_VERSION_MINOR);
	o->ucode_version = rd32(c, UC_HDR_UCODE_VERSION);
	o->ucode_size = c->pay_size = rd32(c, UC_HDR_UCODE_SIZE_BYTES);
	o->ucode_offset = c->pay_off = rd32(c, UC_HDR_UCODE_ARRAY_OFFSET_BYTES);
	if ((r = check_versions(c)) != 0)
		return r;
	return check_extents(c, rd32(c, UC_HDR_HEADER_SIZE_BYTES));
}

const char *
ucode_file_name(enum ucode_file f)
{
	if ((unsigned)f >= UCODE_FILE_COUNT)
		return NULL;
	return ucode_files[f].name;
}

int
ucode_file_loaded(enum ucode_file f)
{
	return (unsigned)f < UCODE_FILE_COUNT && ucode_files[f].loaded;
}

int
ucode_parse(enum ucode_file f, const void *data, size_t size,
    struct ucode_info *out, char *err, size_t errlen)
{
	struct ucode_ctx c;
	int r;

	if (err != NULL && errlen != 0)
		err[0] = '\0';
	if ((unsigned)f >= UCODE_FILE_COUNT || out == NULL ||
	    (data == NULL && size != 0))
		return -GPU_EINVAL;
	memset(out, 0, sizeof(*out));
	out->file = f;
	out->name = ucode_files[f].name;
	c.fd = &ucode_files[f];
	c.p = data;
	c.size = 0;
	c.pay_off = c.pay_size = 0;
	c.out = out;
	c.err = err;
	c.errlen = errlen;
	if ((r = parse_common(&c, size)) == 0)
		r = ucode_kinds[c.fd->kind].parse(&c);
	if (r != 0)
		out->nimages = 0;
	return r;
}

/*
 * gpu/ucode.c: the twelve real dimgrey_cavefish files parse to the numbers
 * in ../shared/facts/navi23-facts.md (the project's shared facts sheet) section 4.2 (copied below), and
 * each kind of bad input is refused with a message naming file and field.
 * Files come from $METALGPU_FIRMWARE_DIR/amdgpu/ (Debian
 * firmware-amd-graphics 20230210).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "amd/amdgpu_ucode.h"
#include "amd/psp_gfx_if.h"
#include "metalgpu/errno.h"
#include "gpu/ucode.h"

/* --- helpers ---------------------------------------------------------------- */

struct blob {
	uint8_t *data;
	size_t size;
};

/* Read amdgpu/<name> into an exactly sized malloc'd buffer. */
static struct blob
load_path(const char *rel)
{
	const char *dir = getenv("METALGPU_FIRMWARE_DIR");
	struct blob b = { NULL, 0 };
	char path[512];
	FILE *f;
	long n;

	if (dir == NULL)
		fail_msg("METALGPU_FIRMWARE_DIR is not set");
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	if ((f = fopen(path, "rb")) == NULL)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	b.size = (size_t)n;
	b.data = malloc(b.size ? b.size : 1);
	assert_non_null(b.data);
	assert_int_equal(fread(b.data, 1, b.size, f), b.size);
	fclose(f);
	return b;
}

static struct blob
load(enum ucode_file f)
{
	return load_path(ucode_file_name(f));
}

/* A navi10 file, to be offered under a dimgrey_cavefish name. */
static struct blob
load_navi10(const char *ip)
{
	char rel[64];

	snprintf(rel, sizeof(rel), "amdgpu/navi10_%s.bin", ip);
	return load_path(rel);
}

static void
put32(struct blob *b, uint32_t off, uint32_t v)
{
	assert_true(off + 4 <= b->size);
	b->data[off] = v & 0xff;
	b->data[off + 1] = v >> 8 & 0xff;
	b->data[off + 2] = v >> 16 & 0xff;
	b->data[off + 3] = v >> 24 & 0xff;
}

static void
put16(struct blob *b, uint32_t off, uint16_t v)
{
	assert_true(off + 2 <= b->size);
	b->data[off] = v & 0xff;
	b->data[off + 1] = v >> 8;
}

/* Cut the file to n bytes (in place: realloc keeps ASan's bounds exact). */
static void
truncate_to(struct blob *b, size_t n)
{
	b->data = realloc(b->data, n ? n : 1);
	assert_non_null(b->data);
	b->size = n;
}

/*
 * Parse b as file f and expect -GPU_ENOEXEC with one line naming the file
 * and containing field.
 */
static void
expect_refused(enum ucode_file f, const struct blob *b, const char *field)
{
	struct ucode_info info;
	char err[256];
	int r;

	r = ucode_parse(f, b->data, b->size, &info, err, sizeof(err));
	print_message("    %s\n", err);
	assert_int_equal(r, -GPU_ENOEXEC);
	assert_int_equal(info.nimages, 0);
	assert_non_null(strstr(err, ucode_file_name(f)));
	assert_non_null(strstr(err, field));
	assert_null(strchr(err, '\n'));
}

/* --- the real files ------------------------------------------------------------ */

struct want_image {
	const char *what;
	enum ucode_role role;
	uint32_t type;
	uint32_t version;
	uint32_t offset;	/* from the start of the file */
	uint32_t size;
};

/*
 * navi23-facts.md section 4.2 "What the Debian 20230210 files contain".
 * The per-image offsets are the facts' offsets turned into file offsets
 * (payload-relative ones + 0x100); the image lists are what Linux hands
 * to the PSP for MP0 11.0.12 (see gpu/ucode.c).
 */
static const struct want_file {
	enum ucode_file file;
	uint32_t bytes;
	uint16_t hdr_major, hdr_minor;
	uint16_t ip_major, ip_minor;
	uint32_t ucode_version;
	uint32_t ucode_size;
	uint32_t ucode_offset;
	uint32_t feature;
	unsigned nimages;
	struct want_image images[UCODE_MAX_IMAGES];
} want[UCODE_FILE_COUNT] = {
	{ UCODE_SOS, 210416, 1, 3, 11, 0, 0x00230609, 0x334f0, 0x100, 0, 5, {
		{ "KDB", UCODE_ROLE_PSP_BL, PSP_BL_LOAD_KEY_DATABASE,
		    0x01002300, 0x100 + 0x320e0, 0x1070 },
		{ "SPL", UCODE_ROLE_PSP_BL, PSP_BL_LOAD_TOS_SPL_TABLE,
		    0x01002300, 0x100 + 0x33150, 0x3a0 },
		{ "SYS_DRV", UCODE_ROLE_PSP_BL, PSP_BL_LOAD_SYSDRV,
		    0x00230609, 0x100, 0x1d790 },
		{ "SOS", UCODE_ROLE_PSP_BL, PSP_BL_LOAD_SOSDRV,
		    0x00230609, 0x100 + 0x1d790, 0x14350 },
		{ "TOC", UCODE_ROLE_TOC, GFX_FW_TYPE_TOC,
		    3, 0x100 + 0x31ae0, 0x600 } } },
	{ UCODE_TA, 218368, 2, 0, 11, 0, 0, 0x35400, 0x100, 0, 4, {
		{ "ASD", UCODE_ROLE_TA, TA_FW_TYPE_PSP_ASD,
		    0x21000095, 0x100 + 0x0, 0x2a100 },
		{ "HDCP", UCODE_ROLE_TA, TA_FW_TYPE_PSP_HDCP,
		    0x17000031, 0x100 + 0x2a100, 0x6100 },
		{ "DTM", UCODE_ROLE_TA, TA_FW_TYPE_PSP_DTM,
		    0x12000013, 0x100 + 0x30200, 0x2100 },
		{ "RAP", UCODE_ROLE_TA, TA_FW_TYPE_PSP_RAP,
		    0x07000113, 0x100 + 0x32300, 0x3100 } } },
	{ UCODE_SMC, 244902, 2, 0, 11, 0, 0x003b2a00, 0x3b200, 0x100, 0, 1, {
		{ "SMC", UCODE_ROLE_IP_FW, GFX_FW_TYPE_SMU,
		    0x003b2a00, 0x100, 0x3b200 } } },
	{ UCODE_PFP, 263424, 1, 0, 10, 3, 0x5f, 0x40400, 0x100, 42, 1, {
		{ "CP_PFP", UCODE_ROLE_IP_FW, GFX_FW_TYPE_CP_PFP,
		    0x5f, 0x100, 0x40400 } } },
	{ UCODE_ME, 263424, 1, 0, 10, 3, 0x40, 0x40400, 0x100, 42, 1, {
		{ "CP_ME", UCODE_ROLE_IP_FW, GFX_FW_TYPE_CP_ME,
		    0x40, 0x100, 0x40400 } } },
	{ UCODE_CE, 263296, 1, 0, 10, 3, 0x25, 0x40380, 0x100, 42, 1, {
		{ "CP_CE", UCODE_ROLE_IP_FW, GFX_FW_TYPE_CP_CE,
		    0x25, 0x100, 0x40380 } } },
	/* MEC: the payload less its jump table, jt_size 0xe0 dwords. */
	{ UCODE_MEC, 268592, 1, 0, 10, 3, 0x68, 0x41830, 0x100, 42, 1, {
		{ "CP_MEC1", UCODE_ROLE_IP_FW, GFX_FW_TYPE_CP_MEC,
		    0x68, 0x100, 0x41830 - 0xe0 * 4 } } },
	{ UCODE_MEC2, 268592, 1, 0, 10, 3, 0x68, 0x41830, 0x100, 42, 1, {
		{ "CP_MEC2", UCODE_ROLE_IP_FW, GFX_FW_TYPE_CP_MEC,
		    0x68, 0x100, 0x41830 - 0xe0 * 4 } } },
	{ UCODE_RLC, 137232, 2, 4, 10, 3, 0x56, 0x6200, 0x100, 1, 9, {
		{ "GLOBAL_TAP_DELAYS", UCODE_ROLE_IP_FW,
		    GFX_FW_TYPE_GLOBAL_TAP_DELAYS, 0, 0x20e10, 0x300 },
		{ "SE0_TAP_DELAYS", UCODE_ROLE_IP_FW,
		    GFX_FW_TYPE_SE0_TAP_DELAYS, 0, 0x21110, 0x380 },
		{ "SE1_TAP_DELAYS", UCODE_ROLE_IP_FW,
		    GFX_FW_TYPE_SE1_TAP_DELAYS, 0, 0x21490, 0x380 },
		{ "RLC_RESTORE_LIST_CNTL", UCODE_ROLE_IP_FW,
		    GFX_FW_TYPE_RLC_RESTORE_LIST_SRM_CNTL, 0, 0x6300, 0x250 },
		{ "RLC_RESTORE_LIST_GPM_MEM", UCODE_ROLE_IP_FW,
		    GFX_FW_TYPE_RLC_RESTORE_LIST_GPM_MEM, 0, 0x6550, 0x600 },
		{ "RLC_RESTORE_LIST_SRM_MEM", UCODE_ROLE_IP_FW,
		    GFX_FW_TYPE_RLC_RESTORE_LIST_SRM_MEM, 0, 0x6b50, 0x5ec0 },
		{ "RLC_IRAM", UCODE_ROLE_IP_FW, GFX_FW_TYPE_RLC_IRAM,
		    0, 0xca10, 0x10200 },
		{ "RLC_DRAM_BOOT", UCODE_ROLE_IP_FW, GFX_FW_TYPE_RLC_DRAM_BOOT,
		    0, 0x1cc10, 0x4200 },
		{ "RLC_G", UCODE_ROLE_IP_FW, GFX_FW_TYPE_RLC_G,
		    0x56, 0x100, 0x6200 } } },
	{ UCODE_SDMA, 34048, 1, 0, 5, 2, 0x4c, 0x8400, 0x100, 52, 1, {
		{ "SDMA0", UCODE_ROLE_IP_FW, GFX_FW_TYPE_SDMA0,
		    0x4c, 0x100, 0x8400 } } },
	{ UCODE_DMCUB, 112116, 1, 0, 3, 0, 0x02020017, 0x1b4f4, 0x100, 0, 1, {
		{ "DMCUB", UCODE_ROLE_INFO, GFX_FW_TYPE_DMUB,
		    0x02020017, 0x100, 0x1b4f4 } } },
	{ UCODE_VCN, 577776, 1, 0, 3, 0, 0x0211a000, 0x8cff0, 0x100, 0, 1, {
		{ "VCN", UCODE_ROLE_INFO, GFX_FW_TYPE_VCN,
		    0x0211a000, 0x100, 0x8cff0 } } },
};

static void
check_file(const struct want_file *w)
{
	struct blob b = load(w->file);
	struct ucode_info info;
	char err[256];
	unsigned i;
	int r;

	r = ucode_parse(w->file, b.data, b.size, &info, err, sizeof(err));
	if (r != 0)
		fail_msg("%s", err);
	assert_int_equal(b.size, w->bytes);
	assert_int_equal(info.file, w->file);
	assert_string_equal(info.name, ucode_file_name(w->file));
	assert_int_equal(info.file_size, w->bytes);
	assert_int_equal(info.hdr_major, w->hdr_major);
	assert_int_equal(info.hdr_minor, w->hdr_minor);
	assert_int_equal(info.ip_major, w->ip_major);
	assert_int_equal(info.ip_minor, w->ip_minor);
	assert_int_equal(info.ucode_version, w->ucode_version);
	assert_int_equal(info.ucode_size, w->ucode_size);
	assert_int_equal(info.ucode_offset, w->ucode_offset);
	assert_int_equal(info.feature_version, w->feature);
	assert_int_equal(info.nimages, w->nimages);
	for (i = 0; i < w->nimages; i++) {
		const struct ucode_image *im = &info.images[i];
		const struct want_image *wi = &w->images[i];

		assert_string_equal(im->what, wi->what);
		assert_int_equal(im->role, wi->role);
		assert_int_equal(im->type, wi->type);
		assert_int_equal(im->version, wi->version);
		assert_int_equal(im->offset, wi->offset);
		assert_int_equal(im->size, wi->size);
		assert_ptr_equal(im->data, b.data + wi->offset);
	}
	free(b.data);
}

#define REAL_FILE_TEST(fn, f)						\
static void								\
fn(void **state)							\
{									\
	check_file(&want[f]);						\
}
REAL_FILE_TEST(test_real_sos, UCODE_SOS)
REAL_FILE_TEST(test_real_ta, UCODE_TA)
REAL_FILE_TEST(test_real_smc, UCODE_SMC)
REAL_FILE_TEST(test_real_pfp, UCODE_PFP)
REAL_FILE_TEST(test_real_me, UCODE_ME)
REAL_FILE_TEST(test_real_ce, UCODE_CE)
REAL_FILE_TEST(test_real_mec, UCODE_MEC)
REAL_FILE_TEST(test_real_mec2, UCODE_MEC2)
REAL_FILE_TEST(test_real_rlc, UCODE_RLC)
REAL_FILE_TEST(test_real_sdma, UCODE_SDMA)
REAL_FILE_TEST(test_real_dmcub, UCODE_DMCUB)
REAL_FILE_TEST(test_real_vcn, UCODE_VCN)

/* The want[] table is indexed by enum ucode_file; names are the real ones. */
static void
test_file_table(void **state)
{
	int f;

	for (f = 0; f < UCODE_FILE_COUNT; f++)
		assert_int_equal(want[f].file, f);
	assert_string_equal(ucode_file_name(UCODE_SOS),
	    "amdgpu/dimgrey_cavefish_sos.bin");
	assert_string_equal(ucode_file_name(UCODE_MEC2),
	    "amdgpu/dimgrey_cavefish_mec2.bin");
	assert_null(ucode_file_name(UCODE_FILE_COUNT));
	for (f = 0; f < UCODE_FILE_COUNT; f++)
		assert_int_equal(ucode_file_loaded(f),
		    f != UCODE_DMCUB && f != UCODE_VCN);
}

/*
 * All IP_FW images of all files, sorted by their order key, give the
 * sequence psp_load_non_psp_fw uses on Navi 23 (AMDGPU_UCODE_ID order,
 * SDMA1 and the MEC jump tables skipped), with SMC last in the key
 * order (the loader sends it before the others; see ucode.h).
 */
static void
test_load_order(void **state)
{
	static const char *const linux_order[] = {
		"SDMA0", "CP_CE", "CP_PFP", "CP_ME", "CP_MEC1", "CP_MEC2",
		"GLOBAL_TAP_DELAYS", "SE0_TAP_DELAYS", "SE1_TAP_DELAYS",
		"RLC_RESTORE_LIST_CNTL", "RLC_RESTORE_LIST_GPM_MEM",
		"RLC_RESTORE_LIST_SRM_MEM", "RLC_IRAM", "RLC_DRAM_BOOT",
		"RLC_G", "SMC",
	};
	const char *got[UCODE_ORDER_NONE + 1] = { 0 };
	struct ucode_info info;
	struct blob b;
	char err[256];
	unsigned i, n = 0;
	int f;

	for (f = 0; f < UCODE_FILE_COUNT; f++) {
		b = load(f);
		assert_int_equal(ucode_parse(f, b.data, b.size, &info, err,
		    sizeof(err)), 0);
		for (i = 0; i < info.nimages; i++) {
			if (info.images[i].role != UCODE_ROLE_IP_FW) {
				assert_int_equal(info.images[i].order,
				    UCODE_ORDER_NONE);
				continue;
			}
			assert_true(info.images[i].order < UCODE_ORDER_NONE);
			assert_null(got[info.images[i].order]);
			got[info.images[i].order] = info.images[i].what;
			n++;
		}
		free(b.data);
	}
	assert_int_equal(n, sizeof(linux_order) / sizeof(linux_order[0]));
	for (i = 0, n = 0; i < UCODE_ORDER_NONE; i++)
		if (got[i] != NULL)
			assert_string_equal(got[i], linux_order[n++]);
}

/* --- bad input ------------------------------------------------------------------- */

static void
test_truncated_16(void **state)
{
	struct blob b = load(UCODE_PFP);

	truncate_to(&b, 16);
	expect_refused(UCODE_PFP, &b, "common_firmware_header");
	free(b.data);
}

static void
test_empty_file(void **state)
{
	struct blob b = { malloc(1), 0 };
	struct ucode_info info;
	char err[256];

	expect_refused(UCODE_SOS, &b, "common_firmware_header");
	free(b.data);
	/* No buffer at all is the same empty file. */
	assert_int_equal(ucode_parse(UCODE_SOS, NULL, 0, &info, err,
	    sizeof(err)), -GPU_ENOEXEC);
	assert_non_null(strstr(err, "common_firmware_header"));
}

/* Cut mid-payload: size_bytes no longer matches (amdgpu_ucode_validate). */
static void
test_truncated_mid_payload(void **state)
{
	struct blob b = load(UCODE_SOS);

	truncate_to(&b, b.size / 2);
	expect_refused(UCODE_SOS, &b, "size_bytes");
	free(b.data);
}

/* Cut mid-payload with size_bytes fixed up: the payload overruns. */
static void
test_truncated_size_patched(void **state)
{
	struct blob b = load(UCODE_SOS);

	truncate_to(&b, b.size / 2);
	put32(&b, UC_HDR_SIZE_BYTES, (uint32_t)b.size);
	expect_refused(UCODE_SOS, &b, "ucode_size_bytes");
	free(b.data);
}

static void
test_size_bytes_mismatch(void **state)
{
	struct blob b = load(UCODE_ME);

	put32(&b, UC_HDR_SIZE_BYTES, (uint32_t)b.size + 4);
	expect_refused(UCODE_ME, &b, "size_bytes 0x");
	free(b.data);
}

static void
test_header_size_past_end(void **state)
{
	struct blob b = load(UCODE_CE);

	put32(&b, UC_HDR_HEADER_SIZE_BYTES, (uint32_t)b.size + 4);
	expect_refused(UCODE_CE, &b, "header_size_bytes");
	free(b.data);
}

/* An rlc v2.4 header that claims only the v2.1 size. */
static void
test_header_size_too_small(void **state)
{
	struct blob b = load(UCODE_RLC);

	put32(&b, UC_HDR_HEADER_SIZE_BYTES, UC_RLC_V2_1_SIZE);
	expect_refused(UCODE_RLC, &b, "header_size_bytes 0x9c is too small");
	free(b.data);
}

static void
test_ucode_array_offset_past_end(void **state)
{
	struct blob b = load(UCODE_MEC);

	put32(&b, UC_HDR_UCODE_ARRAY_OFFSET_BYTES, (uint32_t)b.size + 0x100);
	expect_refused(UCODE_MEC, &b, "ucode_array_offset_bytes");
	free(b.data);
}

static void
test_ucode_size_past_end(void **state)
{
	struct blob b = load(UCODE_SDMA);

	put32(&b, UC_HDR_UCODE_SIZE_BYTES, (uint32_t)b.size);
	expect_refused(UCODE_SDMA, &b, "ucode_size_bytes");
	free(b.data);
}

static void
test_rlc_iram_past_end(void **state)
{
	struct blob b = load(UCODE_RLC);

	put32(&b, UC_RLC_V2_2_IRAM_OFFSET_BYTES, (uint32_t)b.size - 0x100);
	expect_refused(UCODE_RLC, &b, "rlc_iram_ucode_offset_bytes");
	free(b.data);
}

/* An offset near 4 GiB must not wrap around to pass the check. */
static void
test_rlc_tap_delay_offset_wraps(void **state)
{
	struct blob b = load(UCODE_RLC);

	put32(&b, UC_RLC_V2_4_TAP_DELAYS + 4, 0xfffffff0u);
	expect_refused(UCODE_RLC, &b, "global_tap_delays_ucode_offset_bytes");
	free(b.data);
}

static void
test_rlc_list_into_header(void **state)
{
	struct blob b = load(UCODE_RLC);

	put32(&b, UC_RLC_V2_1_SRL_GPM + UC_RLC_SRL_OFFSET_BYTES, 0x10);
	expect_refused(UCODE_RLC, &b, "save_restore_list_gpm_offset_bytes");
	free(b.data);
}

/* The KDB moved past the end of the payload (but still inside the file). */
static void
test_sos_kdb_past_payload(void **state)
{
	struct blob b = load(UCODE_SOS);

	put32(&b, UC_SOS_V1_1_KDB + UC_LDESC_OFFSET_BYTES, 0x33000);
	expect_refused(UCODE_SOS, &b, "kdb.offset_bytes");
	free(b.data);
}

static void
test_sos_sos_past_payload(void **state)
{
	struct blob b = load(UCODE_SOS);

	put32(&b, UC_SOS_V1_0_SOS + UC_LDESC_SIZE_BYTES, 0x20000);
	expect_refused(UCODE_SOS, &b, "sos.offset_bytes");
	free(b.data);
}

static void
test_ta_entry_past_payload(void **state)
{
	struct blob b = load(UCODE_TA);

	put32(&b, UC_TA_V2_0_BIN + 3 * UC_BDESC_SIZE + UC_BDESC_SIZE_BYTES,
	    0x3200);
	expect_refused(UCODE_TA, &b, "ta_fw_bin[3].offset_bytes");
	free(b.data);
}

static void
test_ta_count_too_big(void **state)
{
	struct blob b = load(UCODE_TA);

	put32(&b, UC_TA_V2_0_BIN_COUNT, 13);
	expect_refused(UCODE_TA, &b, "ta_fw_bin_count");
	free(b.data);
}

static void
test_mec_jt_past_payload(void **state)
{
	struct blob b = load(UCODE_MEC);

	put32(&b, UC_GFX_V1_0_JT_SIZE, 0xe1);
	expect_refused(UCODE_MEC, &b, "jt_offset");
	free(b.data);
}

static void
test_smc_pptable_past_end(void **state)
{
	struct blob b = load(UCODE_SMC);

	put32(&b, UC_SMC_V2_0_PPT_SIZE_BYTES, 0x9a7);
	expect_refused(UCODE_SMC, &b, "ppt_offset_bytes");
	free(b.data);
}

static void
test_wrong_header_major(void **state)
{
	struct blob b = load(UCODE_PFP);

	put16(&b, UC_HDR_HEADER_VERSION_MAJOR, 2);
	expect_refused(UCODE_PFP, &b, "header_version_major");
	free(b.data);
}

static void
test_unknown_header_minor(void **state)
{
	struct blob b = load(UCODE_RLC);

	put16(&b, UC_HDR_HEADER_VERSION_MINOR, 5);
	expect_refused(UCODE_RLC, &b, "header_version_minor");
	free(b.data);
}

/*
 * navi10 files under dimgrey_cavefish names.  Which field catches each:
 * GC, SDMA and VCN files by the IP version (GC 10.1, SDMA 5.0, VCN 2.0),
 * the MP 11.0 files (sos, smc, ta) by the header version.
 */
#define NAVI10_TEST(fn, f, ip, field)					\
static void								\
fn(void **state)							\
{									\
	struct blob b = load_navi10(ip);				\
									\
	expect_refused(f, &b, field);					\
	free(b.data);							\
}
NAVI10_TEST(test_navi10_pfp, UCODE_PFP, "pfp", "ip_version_minor 1")
NAVI10_TEST(test_navi10_mec2, UCODE_MEC2, "mec2", "ip_version_minor 1")
NAVI10_TEST(test_navi10_rlc, UCODE_RLC, "rlc", "ip_version_minor 1")
NAVI10_TEST(test_navi10_sdma, UCODE_SDMA, "sdma", "ip_version_minor 0")
NAVI10_TEST(test_navi10_vcn, UCODE_VCN, "vcn", "ip_version_major 2")
NAVI10_TEST(test_navi10_sos, UCODE_SOS, "sos", "header_version_minor 1")
NAVI10_TEST(test_navi10_smc, UCODE_SMC, "smc", "header_version_minor 1")
NAVI10_TEST(test_navi10_ta, UCODE_TA, "ta", "header_version_major 1")

/* A file of one kind under another dimgrey name (sdma offered as pfp). */
static void
test_sdma_as_pfp(void **state)
{
	struct blob b = load(UCODE_SDMA);

	expect_refused(UCODE_PFP, &b, "ip_version_major 5");
	free(b.data);
}

static void
test_bad_arguments(void **state)
{
	struct blob b = load(UCODE_CE);
	struct ucode_info info;
	char err[8];

	assert_int_equal(ucode_parse(UCODE_FILE_COUNT, b.data, b.size, &info,
	    NULL, 0), -GPU_EINVAL);
	assert_int_equal(ucode_parse(UCODE_CE, b.data, b.size, NULL, NULL, 0),
	    -GPU_EINVAL);
	assert_int_equal(ucode_parse(UCODE_CE, NULL, b.size, &info, NULL, 0),
	    -GPU_EINVAL);
	/* No message buffer, or a tiny one: still refused, still in bounds. */
	put32(&b, UC_HDR_SIZE_BYTES, 1);
	assert_int_equal(ucode_parse(UCODE_CE, b.data, b.size, &info, NULL, 0),
	    -GPU_ENOEXEC);
	assert_int_equal(ucode_parse(UCODE_CE, b.data, b.size, &info, err,
	    sizeof(err)), -GPU_ENOEXEC);
	assert_int_equal(strlen(err), sizeof(err) - 1);
	free(b.data);
}

/*
 * Every header dword of every file set to a few hostile values: the parse
 * either refuses or returns images inside the buffer.  ASan checks reads.
 */
static void
test_header_garbage(void **state)
{
	static const uint32_t vals[] = {
		0, 1, 0x7ffffffcu, 0x80000000u, 0xfffffff0u, 0xffffffffu,
	};
	struct ucode_info info;
	char err[256];
	uint32_t off, saved, i, k;
	struct blob b;
	int f, r;

	for (f = 0; f < UCODE_FILE_COUNT; f++) {
		b = load(f);
		for (off = 0; off < 0x100; off += 4) {
			memcpy(&saved, b.data + off, 4);
			for (k = 0; k < sizeof(vals) / sizeof(vals[0]); k++) {
				put32(&b, off, vals[k]);
				r = ucode_parse(f, b.data, b.size, &info, err,
				    sizeof(err));
				assert_true(r == 0 || r == -GPU_ENOEXEC);
				for (i = 0; r == 0 && i < info.nimages; i++) {
					assert_true(info.images[i].data >=
					    b.data);
					assert_true(info.images[i].offset +
					    (uint64_t)info.images[i].size <=
					    b.size);
				}
			}
			memcpy(b.data + off, &saved, 4);
		}
		free(b.data);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_file_table),
		cmocka_unit_test(test_real_sos),
		cmocka_unit_test(test_real_ta),
		cmocka_unit_test(test_real_smc),
		cmocka_unit_test(test_real_pfp),
		cmocka_unit_test(test_real_me),
		cmocka_unit_test(test_real_ce),
		cmocka_unit_test(test_real_mec),
		cmocka_unit_test(test_real_mec2),
		cmocka_unit_test(test_real_rlc),
		cmocka_unit_test(test_real_sdma),
		cmocka_unit_test(test_real_dmcub),
		cmocka_unit_test(test_real_vcn),
		cmocka_unit_test(test_load_order),
		cmocka_unit_test(test_truncated_16),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_truncated_mid_payload),
		cmocka_unit_test(test_truncated_size_patched),
		cmocka_unit_test(test_size_bytes_mismatch),
		cmocka_unit_test(test_header_size_past_end),
		cmocka_unit_test(test_header_size_too_small),
		cmocka_unit_test(test_ucode_array_offset_past_end),
		cmocka_unit_test(test_ucode_size_past_end),
		cmocka_unit_test(test_rlc_iram_past_end),
		cmocka_unit_test(test_rlc_tap_delay_offset_wraps),
		cmocka_unit_test(test_rlc_list_into_header),
		cmocka_unit_test(test_sos_kdb_past_payload),
		cmocka_unit_test(test_sos_sos_past_payload),
		cmocka_unit_test(test_ta_entry_past_payload),
		cmocka_unit_test(test_ta_count_too_big),
		cmocka_unit_test(test_mec_jt_past_payload),
		cmocka_unit_test(test_smc_pptable_past_end),
		cmocka_unit_test(test_wrong_header_major),
		cmocka_unit_test(test_unknown_header_minor),
		cmocka_unit_test(test_navi10_pfp),
		cmocka_unit_test(test_navi10_mec2),
		cmocka_unit_test(test_navi10_rlc),
		cmocka_unit_test(test_navi10_sdma),
		cmocka_unit_test(test_navi10_vcn),
		cmocka_unit_test(test_navi10_sos),
		cmocka_unit_test(test_navi10_smc),
		cmocka_unit_test(test_navi10_ta),
		cmocka_unit_test(test_sdma_as_pfp),
		cmocka_unit_test(test_bad_arguments),
		cmocka_unit_test(test_header_garbage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

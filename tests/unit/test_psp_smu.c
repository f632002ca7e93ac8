/*
 * The PSP and SMU, driver against model: bring-up loads every ucode and
 * starts the PMFW, a PSP error or a silent bootloader stops init with a
 * message naming the command and the ucode or the step, the model's image
 * check refuses a damaged signed image, and an unknown SMU message is a
 * named error.  Firmware: $METALGPU_FIRMWARE_DIR/amdgpu/ (Debian
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

#include "amd/mp_11_0_reg.h"
#include "amd/psp_gfx_if.h"
#include "gpu/amdgpu.h"
#include "gpu/smu_v11.h"
#include "host/host.h"
#include "metalgpu/gpu.h"
#include "model/model.h"
#include "model/psp.h"

#define SOS_VERSION	0x00230609u	/* dimgrey_cavefish_sos.bin ucode_version */
#define PMFW_VERSION	0x003b2a00u	/* dimgrey_cavefish_smc.bin: 59.42.0 */
#define DRIVER_IF	0x0fu		/* SMU11_DRIVER_IF_VERSION_Dimgrey_Cavefish */
#define MSG_UNKNOWN	0x5f		/* PPSMC_Message_Count + 1 */

struct fix {
	struct os_dev *os;
	struct gpu_device *dev;
};

static void
fix_create(struct fix *f)
{
	struct host_opts o;

	host_default_opts(&o);
	o.model.quiet = true;
	o.log_level = OS_LOG_ERR;
	f->os = host_dev_create(&o);
	assert_non_null(f->os);
	f->dev = gpu_create(f->os);
	assert_non_null(f->dev);
}

static void
fix_destroy(struct fix *f)
{
	gpu_destroy(f->dev);
	host_dev_destroy(f->os);
}

static void
assert_contains(const char *s, const char *what)
{
	if (strstr(s, what) == NULL)
		fail_msg("\"%s\" does not mention \"%s\"", s, what);
}

/* --- driver against model --------------------------------------------------- */

static void
bringup_records_versions(void **state)
{
	struct gpu_info *info = calloc(1, sizeof(*info));
	struct fix f;

	assert_non_null(info);
	fix_create(&f);
	assert_int_equal(gpu_init(f.dev), 0);
	assert_int_equal(gpu_query_info(f.dev, info), 0);
	assert_int_equal(info->psp_sos_version, SOS_VERSION);
	assert_int_equal(info->smu_version, PMFW_VERSION);
	assert_int_equal(info->smu_if_version, DRIVER_IF);
	free(info);
	fix_destroy(&f);
}

/* The model saw every gfx ucode, the SMU first, and the RLC autoload. */
static void
bringup_loads_every_ucode(void **state)
{
	static const unsigned types[] = {
		GFX_FW_TYPE_SMU, GFX_FW_TYPE_SDMA0, GFX_FW_TYPE_CP_CE,
		GFX_FW_TYPE_CP_PFP, GFX_FW_TYPE_CP_ME, GFX_FW_TYPE_CP_MEC,
		GFX_FW_TYPE_RLC_G, GFX_FW_TYPE_RLC_IRAM, GFX_FW_TYPE_RLC_DRAM_BOOT,
		GFX_FW_TYPE_RLC_RESTORE_LIST_SRM_CNTL, GFX_FW_TYPE_RLC_RESTORE_LIST_GPM_MEM,
		GFX_FW_TYPE_RLC_RESTORE_LIST_SRM_MEM, GFX_FW_TYPE_GLOBAL_TAP_DELAYS,
		GFX_FW_TYPE_SE0_TAP_DELAYS, GFX_FW_TYPE_SE1_TAP_DELAYS,
	};
	struct navi23 *m;
	struct fix f;

	fix_create(&f);
	m = host_dev_model(f.os);
	assert_false(psp_ucode_loaded(m, GFX_FW_TYPE_RLC_G));
	assert_int_equal(gpu_init(f.dev), 0);
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (!psp_ucode_loaded(m, types[i]))
			fail_msg("fw_type %u not loaded", types[i]);
	assert_false(psp_ucode_loaded(m, GFX_FW_TYPE_DMUB));
	assert_false(psp_ucode_loaded(m, GFX_FW_TYPE_VCN));
	fix_destroy(&f);
}

/* MP1_FIRMWARE_FLAGS says INTERRUPTS_ENABLED only once the PSP loaded it. */
static void
smu_flags_follow_psp(void **state)
{
	struct fix f;

	fix_create(&f);
	assert_int_equal(smu_firmware_flags(host_dev_model(f.os)), 0);
	assert_int_equal(gpu_init(f.dev), 0);
	assert_int_equal(smu_firmware_flags(host_dev_model(f.os)),
	    MP1_FIRMWARE_FLAGS_INTERRUPTS_ENABLED);
	fix_destroy(&f);
}

static void
psp_error_names_command_and_ucode(void **state)
{
	struct fix f;
	int rc;

	fix_create(&f);
	navi23_inject(host_dev_model(f.os), NAVI23_ENG_PSP, NAVI23_FAULT_PSP_ERROR,
	    GFX_CMD_ID_LOAD_IP_FW);
	rc = gpu_init(f.dev);
	assert_int_equal(rc, -GPU_EIO);
	assert_contains(gpu_last_error(f.dev), "LOAD_IP_FW");
	assert_contains(gpu_last_error(f.dev), "amdgpu/dimgrey_cavefish_smc.bin");
	assert_contains(gpu_last_error(f.dev), "0xff7f");
	assert_int_equal(host_dma_in_use(f.os), 0);
	fix_destroy(&f);

	/* A fresh device in the same process comes up. */
	fix_create(&f);
	assert_int_equal(gpu_init(f.dev), 0);
	fix_destroy(&f);
}

/* An error on a later command names it too (AUTOLOAD_RLC has no ucode). */
static void
psp_error_on_autoload_names_command(void **state)
{
	struct fix f;

	fix_create(&f);
	navi23_inject(host_dev_model(f.os), NAVI23_ENG_PSP, NAVI23_FAULT_PSP_ERROR,
	    GFX_CMD_ID_AUTOLOAD_RLC);
	assert_int_equal(gpu_init(f.dev), -GPU_EIO);
	assert_contains(gpu_last_error(f.dev), "PSP AUTOLOAD_RLC failed: status 0xff7f");
	fix_destroy(&f);
}

static void
bootloader_timeout_names_step(void **state)
{
	struct fix f;

	fix_create(&f);
	navi23_inject(host_dev_model(f.os), NAVI23_ENG_PSP, NAVI23_FAULT_PSP_BL_ERROR,
	    PSP_BL_LOAD_SOSDRV);
	assert_int_equal(gpu_init(f.dev), -GPU_ETIME);
	assert_contains(gpu_last_error(f.dev), "LOAD_SOSDRV");
	assert_contains(gpu_last_error(f.dev), "C2PMSG_81");
	assert_int_equal(host_dma_in_use(f.os), 0);
	fix_destroy(&f);
}

/*
 * A second PSP init on the same device finds the sOS running and skips the
 * bootloader (psp_v11_0_is_sos_alive).  The PSP block alone is restarted,
 * so the property does not depend on the other blocks' re-init.
 */
static void
psp_reinit_skips_bootloader(void **state)
{
	struct fix f;

	fix_create(&f);
	assert_int_equal(gpu_init(f.dev), 0);
	psp_v11_fini(f.dev);
	navi23_inject(host_dev_model(f.os), NAVI23_ENG_PSP, NAVI23_FAULT_PSP_BL_ERROR,
	    PSP_BL_LOAD_KEY_DATABASE);
	assert_int_equal(psp_v11_init(f.dev), 0);
	fix_destroy(&f);
}

static void
smu_unknown_message_is_named(void **state)
{
	struct fix f;

	fix_create(&f);
	assert_int_equal(gpu_init(f.dev), 0);
	assert_int_equal(smu_v11_send_msg(f.dev, MSG_UNKNOWN, 0, NULL), -GPU_ENOSYS);
	assert_contains(gpu_last_error(f.dev), "unknown command");
	assert_contains(gpu_last_error(f.dev), "0x5f");
	fix_destroy(&f);
}

/* --- the model's signed-image check on real images ---------------------------- */

struct blob {
	uint8_t *data;
	size_t size;
};

/* The payload of amdgpu/dimgrey_cavefish_<ip>.bin: the signed image. */
static struct blob
load_payload(const char *ip)
{
	const char *dir = getenv("METALGPU_FIRMWARE_DIR");
	struct blob b = { NULL, 0 };
	uint8_t hdr[32];
	char path[512];
	uint32_t size, off;
	FILE *fp;

	assert_non_null(dir);
	snprintf(path, sizeof(path), "%s/amdgpu/dimgrey_cavefish_%s.bin", dir, ip);
	fp = fopen(path, "rb");
	if (fp == NULL)
		fail_msg("cannot open %s", path);
	assert_int_equal(fread(hdr, 1, sizeof(hdr), fp), sizeof(hdr));
	memcpy(&size, hdr + 20, 4);	/* ucode_size_bytes */
	memcpy(&off, hdr + 24, 4);	/* ucode_array_offset_bytes */
	b.size = size;
	b.data = malloc(size);
	assert_non_null(b.data);
	assert_int_equal(fseek(fp, off, SEEK_SET), 0);
	assert_int_equal(fread(b.data, 1, size, fp), size);
	fclose(fp);
	return b;
}

static void
image_check_accepts_real_smc(void **state)
{
	struct blob b = load_payload("smc");
	const char *why;

	assert_int_equal(psp_check_image(b.data, b.size, PSP_IMG_SMU, &why), PSP_STATUS_OK);
	free(b.data);
}

static void
image_check_rejects_bad_magic(void **state)
{
	struct blob b = load_payload("sdma");
	const char *why;

	b.data[0x10] ^= 0xff;		/* "$PS1" -> garbage */
	assert_int_equal(psp_check_image(b.data, b.size, PSP_IMG_GFX, &why),
	    PSP_STATUS_BAD_IMAGE);
	assert_non_null(strstr(why, "$PS1"));
	free(b.data);
}

static void
image_check_rejects_wrong_key(void **state)
{
	struct blob b = load_payload("smc");
	const char *why;

	/* The SMU image is not signed with the gfx firmware key. */
	assert_int_equal(psp_check_image(b.data, b.size, PSP_IMG_GFX, &why),
	    PSP_STATUS_BAD_KEY);
	free(b.data);
}

static void
image_check_rejects_wrong_size(void **state)
{
	struct blob b = load_payload("sdma");
	const char *why;

	assert_int_equal(psp_check_image(b.data, b.size - 0x100, PSP_IMG_GFX, &why),
	    PSP_STATUS_BAD_SIZE);
	free(b.data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bringup_records_versions),
		cmocka_unit_test(bringup_loads_every_ucode),
		cmocka_unit_test(smu_flags_follow_psp),
		cmocka_unit_test(psp_error_names_command_and_ucode),
		cmocka_unit_test(psp_error_on_autoload_names_command),
		cmocka_unit_test(bootloader_timeout_names_step),
		cmocka_unit_test(psp_reinit_skips_bootloader),
		cmocka_unit_test(smu_unknown_message_is_named),
		cmocka_unit_test(image_check_accepts_real_smc),
		cmocka_unit_test(image_check_rejects_bad_magic),
		cmocka_unit_test(image_check_rejects_wrong_key),
		cmocka_unit_test(image_check_rejects_wrong_size),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

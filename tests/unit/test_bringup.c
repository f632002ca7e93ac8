/*
 * Bring-up on the navi23 model with real and broken firmware.  Each broken
 * case must fail with one error naming the file and field, leave nothing
 * allocated (driver memory, DMA pages), and a later bring-up in the same
 * process must work.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "gpu/amdgpu.h"
#include "host/host.h"

static char fwdir[256];		/* a private copy of the firmware tree */

static const char *
real_dir(void)
{
	const char *d = getenv("METALGPU_FIRMWARE_DIR");

	return d != NULL ? d : ".cache/firmware";
}

static void
copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	char buf[65536];
	size_t n;

	assert_non_null(in);
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	fclose(out);
}

static void
fw_path(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/amdgpu/dimgrey_cavefish_%s.bin", fwdir, name);
}

/* A fresh copy of the twelve real files before every test. */
static int
fresh_copy(void **state)
{
	char from[1024], to[1024], dir[300];
	DIR *d;
	struct dirent *e;

	snprintf(dir, sizeof(dir), "%s/amdgpu", fwdir);
	mkdir(dir, 0755);
	snprintf(from, sizeof(from), "%s/amdgpu", real_dir());
	d = opendir(from);
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "dimgrey_cavefish_", 17) != 0)
			continue;
		snprintf(from, sizeof(from), "%s/amdgpu/%s", real_dir(), e->d_name);
		snprintf(to, sizeof(to), "%s/%s", dir, e->d_name);
		copy_file(from, to);
	}
	closedir(d);
	return 0;
}

struct run {
	struct os_dev *os;
	struct gpu_device *dev;
	int rc;
	char err[256];
	uint64_t dma_after;
};

/* One whole device lifetime: create, init, record, tear down. */
static void
bring_up(const char *dir, struct run *r)
{
	struct host_opts o;

	memset(r, 0, sizeof(*r));
	host_default_opts(&o);
	o.firmware_dir = dir;
	o.model.quiet = true;
	o.log_level = (enum os_log_level)-1;	/* silence: errors are checked */
	r->os = host_dev_create(&o);
	assert_non_null(r->os);
	r->dev = gpu_create(r->os);
	assert_non_null(r->dev);
	r->rc = gpu_init(r->dev);
	snprintf(r->err, sizeof(r->err), "%s", gpu_last_error(r->dev));
	if (r->rc != 0)
		r->dma_after = host_dma_in_use(r->os);
	gpu_destroy(r->dev);
	assert_int_equal(host_dma_in_use(r->os), 0);
	host_dev_destroy(r->os);
}

static void
expect_failure(const char *dir, int rc, const char *needle1, const char *needle2)
{
	struct run r, ok;

	bring_up(dir, &r);
	print_message("error: %s\n", r.err);
	assert_int_equal(r.rc, rc);
	assert_non_null(strstr(r.err, needle1));
	if (needle2 != NULL)
		assert_non_null(strstr(r.err, needle2));
	/* Failed init released every DMA page it had taken. */
	assert_int_equal(r.dma_after, 0);
	/* The same process can still bring up a device. */
	bring_up(real_dir(), &ok);
	assert_int_equal(ok.rc, 0);
}

static void
truncate_to(const char *name, long size)
{
	char p[512];

	fw_path(p, sizeof(p), name);
	assert_int_equal(truncate(p, size), 0);
}

static void
poke32(const char *name, long off, uint32_t v)
{
	char p[512];
	FILE *f;

	fw_path(p, sizeof(p), name);
	f = fopen(p, "r+b");
	assert_non_null(f);
	fseek(f, off, SEEK_SET);
	assert_int_equal(fwrite(&v, 4, 1, f), 1);
	fclose(f);
}

static void
test_real_firmware_comes_up(void **state)
{
	struct run r;

	bring_up(fwdir, &r);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "");
}

static void
test_firmware_dir_missing(void **state)
{
	expect_failure("/nonexistent/metalgpu-firmware", -GPU_ENOENT,
	    "dimgrey_cavefish_sos.bin", "not found");
}

static void
test_one_blob_missing(void **state)
{
	char p[512];

	fw_path(p, sizeof(p), "me");
	assert_int_equal(unlink(p), 0);
	expect_failure(fwdir, -GPU_ENOENT, "dimgrey_cavefish_me.bin", "not found");
}

static void
test_blob_truncated(void **state)
{
	truncate_to("rlc", 0x8000);
	expect_failure(fwdir, -GPU_ENOEXEC, "dimgrey_cavefish_rlc.bin", "size");
}

static void
test_blob_empty(void **state)
{
	truncate_to("smc", 0);
	expect_failure(fwdir, -GPU_ENOEXEC, "dimgrey_cavefish_smc.bin", NULL);
}

/* header_size_bytes (offset 4) pointing far outside the file. */
static void
test_header_size_outside(void **state)
{
	poke32("pfp", 4, 0x00ffff00);
	expect_failure(fwdir, -GPU_ENOEXEC, "dimgrey_cavefish_pfp.bin",
	    "header_size_bytes");
}

/* ucode_array_offset_bytes (offset 24) past the end. */
static void
test_payload_offset_outside(void **state)
{
	poke32("sdma", 24, 0x10000000);
	expect_failure(fwdir, -GPU_ENOEXEC, "dimgrey_cavefish_sdma.bin",
	    "ucode_array_offset_bytes");
}

/* Navi 10's file under the Navi 23 name: the IP version gives it away. */
static void
test_other_chips_blob(void **state)
{
	char from[512], to[512];

	snprintf(from, sizeof(from), "%s/amdgpu/navi10_sdma.bin", real_dir());
	fw_path(to, sizeof(to), "sdma");
	copy_file(from, to);
	expect_failure(fwdir, -GPU_ENOEXEC, "dimgrey_cavefish_sdma.bin", "5.0");
}

/* A corrupted IP discovery table stops bring-up before any firmware. */
static void
test_discovery_checksum(void **state)
{
	struct host_opts o;
	struct os_dev *os;
	struct gpu_device *dev;
	uint64_t size;
	uint8_t *vram;

	host_default_opts(&o);
	o.firmware_dir = fwdir;
	o.model.quiet = true;
	o.log_level = (enum os_log_level)-1;
	os = host_dev_create(&o);
	assert_non_null(os);
	vram = navi23_vram(host_dev_model(os), &size);
	vram[size - (64u << 10) + 200] ^= 0x5a;
	dev = gpu_create(os);
	assert_int_equal(gpu_init(dev), -GPU_EIO);
	assert_non_null(strstr(gpu_last_error(dev), "checksum"));
	gpu_destroy(dev);
	host_dev_destroy(os);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_real_firmware_comes_up, fresh_copy),
		cmocka_unit_test_setup(test_firmware_dir_missing, fresh_copy),
		cmocka_unit_test_setup(test_one_blob_missing, fresh_copy),
		cmocka_unit_test_setup(test_blob_truncated, fresh_copy),
		cmocka_unit_test_setup(test_blob_empty, fresh_copy),
		cmocka_unit_test_setup(test_header_size_outside, fresh_copy),
		cmocka_unit_test_setup(test_payload_offset_outside, fresh_copy),
		cmocka_unit_test_setup(test_other_chips_blob, fresh_copy),
		cmocka_unit_test_setup(test_discovery_checksum, fresh_copy),
	};
	char tmpl[] = "/tmp/metalgpu-fw-XXXXXX";
	char cmd[300];
	int rc;

	if (mkdtemp(tmpl) == NULL)
		return 1;
	snprintf(fwdir, sizeof(fwdir), "%s", tmpl);
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", fwdir);
	if (system(cmd) != 0)
		rc = 1;
	return rc;
}

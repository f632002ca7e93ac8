/*
 * metalgpu: the command-line tool of the MetalOS GPU stack.
 *
 *   metalgpu info	bring the simulated RX 6600 up and show what a user
 *			otherwise reads from dmesg and the amdgpu info ioctls
 *   metalgpu run [--radv VERSION] -- PROGRAM ARGS
 *			run a Vulkan program with stock RADV (from the project
 *			cache) on the simulated RX 6600 through libradv-metal
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host/host.h"
#include "metalgpu/gpu.h"

static void
usage(void)
{
	fprintf(stderr,
	    "usage: metalgpu [-v] info\n"
	    "       metalgpu run [--radv VERSION] [--] PROGRAM [ARGS...]\n"
	    "  info   bring the device up; print chip, IP blocks, firmware and rings\n"
	    "  run    run a Vulkan program with stock RADV on the simulated RX 6600\n"
	    "  --radv which cached RADV: 22.3.6 (default) or 25.0.7, or a prefix (22, 25)\n"
	    "  -v     print the driver's log (dmesg-style) while it runs\n"
	    "environment: METALGPU_FIRMWARE_DIR (default /lib/firmware; run: the\n"
	    "  project cache), METALGPU_RADV (run: as --radv), METALGPU_RADV_DIR,\n"
	    "  METALGPU_BRIDGE_DIR\n");
}

static void
print_chip(const struct gpu_info *in)
{
	printf("Device\n");
	printf("  PCI ID          %04x:%04x (subsystem %04x:%04x), revision 0x%02x\n",
	    in->vendor_id, in->device_id, in->subsystem_vendor, in->subsystem_device,
	    in->pci_rev);
	printf("  chip            %s (%s), family %u, rev_id %u, external rev 0x%02x\n",
	    in->chip, in->gfx_target, in->family, in->rev_id, in->external_rev);
	printf("  shader layout   %u SE x %u SA x %u WGP (full die), %u CUs active, %u RB/SE\n",
	    in->num_se, in->num_sa_per_se, in->num_wgp_per_sa, in->num_cu,
	    in->num_rb_per_se);
	printf("  wave size       %u, LDS %u KiB, GB_ADDR_CONFIG 0x%08x\n",
	    in->wave_size, in->lds_size_kb, in->gb_addr_config);
	printf("Memory\n");
	printf("  VRAM            %llu MiB at MC 0x%016llx - 0x%016llx, BAR0 %llu MiB\n",
	    (unsigned long long)(in->vram_size >> 20),
	    (unsigned long long)in->vram_mc_start,
	    (unsigned long long)(in->vram_mc_start + in->vram_size - 1),
	    (unsigned long long)(in->vram_bar_size >> 20));
	printf("  GART            %llu MiB at MC 0x%016llx - 0x%016llx\n",
	    (unsigned long long)(in->gart_size >> 20),
	    (unsigned long long)in->gart_mc_start,
	    (unsigned long long)(in->gart_mc_start + in->gart_size - 1));
}

static void
print_ips(const struct gpu_info *in)
{
	printf("IP blocks (from IP discovery)\n");
	for (unsigned i = 0; i < in->nips; i++) {
		const struct gpu_ip_info *ip = &in->ips[i];

		printf("  %-8s hw %3u inst %u  v%u.%u.%-3u bases", ip->name,
		    ip->hw_id, ip->instance, ip->major, ip->minor, ip->rev);
		for (unsigned s = 0; s < ip->nbase; s++)
			printf(" 0x%x", ip->base[s]);
		printf("\n");
	}
}

static void
print_fw(const struct gpu_info *in)
{
	printf("Firmware\n");
	printf("  %-34s %-6s %-6s %-12s %-8s %s\n", "file", "header", "IP",
	    "ucode", "feature", "use");
	for (unsigned i = 0; i < in->nfw; i++) {
		const struct gpu_fw_info *f = &in->fw[i];
		char hdr[16], ip[16];

		snprintf(hdr, sizeof(hdr), "v%u.%u", f->hdr_major, f->hdr_minor);
		snprintf(ip, sizeof(ip), "%u.%u", f->ip_major, f->ip_minor);
		printf("  %-34s %-6s %-6s 0x%08x   %-8u %s (%u image%s)\n", f->file, hdr,
		    ip, f->ucode_version, f->feature_version,
		    f->loaded ? "loaded by PSP" : "parsed only", f->nimages,
		    f->nimages == 1 ? "" : "s");
	}
	printf("  PSP sOS 0x%08x, SMU firmware 0x%08x (driver interface 0x%x)\n",
	    in->psp_sos_version, in->smu_version, in->smu_if_version);
}

static void
print_rings(const struct gpu_info *in)
{
	printf("Rings\n");
	for (unsigned i = 0; i < in->nrings; i++) {
		const struct gpu_ring_info *r = &in->rings[i];

		printf("  %-12s %4u KiB doorbell 0x%03x  ring test %-4s %6.1f us  IB test %-4s %6.1f us\n",
		    r->name, r->size_bytes >> 10, r->doorbell,
		    r->ring_test == 0 ? "ok" : "FAIL", r->ring_test_ns / 1e3,
		    r->ib_test == 0 ? "ok" : "FAIL", r->ib_test_ns / 1e3);
	}
	printf("Bring-up: %.2f ms from the first register access to all rings tested\n",
	    in->init_ns / 1e6);
}

static int
cmd_info(int verbose)
{
	struct host_opts opts;
	struct os_dev *os;
	struct gpu_device *dev;
	struct gpu_info *info;
	int rc;

	host_default_opts(&opts);
	opts.log_level = verbose ? OS_LOG_DEBUG : OS_LOG_WARN;
	os = host_dev_create(&opts);
	if (os == NULL) {
		fprintf(stderr, "metalgpu: cannot create the simulated device\n");
		return 1;
	}
	dev = gpu_create(os);
	info = calloc(1, sizeof(*info));
	if (dev == NULL || info == NULL) {
		fprintf(stderr, "metalgpu: out of memory\n");
		rc = -GPU_ENOMEM;
		goto out;
	}
	rc = gpu_init(dev);
	if (rc != 0) {
		fprintf(stderr, "metalgpu: bring-up failed: %s\n", gpu_last_error(dev));
		goto out;
	}
	gpu_query_info(dev, info);
	print_chip(info);
	print_ips(info);
	print_fw(info);
	print_rings(info);
out:
	free(info);
	gpu_destroy(dev);
	host_dev_destroy(os);
	return rc == 0 ? 0 : 1;
}

/* --- metalgpu run ---------------------------------------------------------------- */

/* The Debian RADV builds scripts/setup-radv.sh unpacks into .cache/radv/.
 * 22.3.6 (bookworm) stays the default: 25.0.7 (bookworm-backports) passes
 * the same tests, but its plain vulkaninfo asks for GEM_VA CLEAR (sparse
 * binding), which the bridge refuses with a log line. */
static const char *const radv_versions[] = { "22.3.6", "25.0.7" };
#define RADV_DEFAULT_VERSION	"22.3.6"
#define RADV_LIB		"usr/lib/x86_64-linux-gnu/libvulkan_radeon.so"
#define AUDIT_LIB		"libradv_metal_audit.so"

/* A known version, given whole or by a prefix ending at a dot ("25",
 * "25.0"); anything else is taken as it is (a directory name). */
static const char *
radv_version(const char *want)
{
	size_t n = strlen(want);

	for (size_t i = 0; i < sizeof(radv_versions) / sizeof(radv_versions[0]); i++) {
		const char *v = radv_versions[i];

		if (strcmp(v, want) == 0 || (strncmp(v, want, n) == 0 && v[n] == '.'))
			return v;
	}
	return want;
}

static const char *
env_or(const char *name, const char *def)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' ? v : def;
}

/* The loader's ICD manifest (file_format_version 1.0.0) for the cached
 * RADV, written to a per-user directory and replaced atomically. */
static int
write_icd(const char *radv_lib, const char *version, char *path, size_t len)
{
	char dir[256], tmp[640];
	FILE *f;

	snprintf(dir, sizeof(dir), "%s/metalgpu-%ld", env_or("TMPDIR", "/tmp"), (long)getuid());
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		fprintf(stderr, "metalgpu: cannot create %s: %s\n", dir, strerror(errno));
		return -1;
	}
	snprintf(path, len, "%s/radeon_icd.%s.json", dir, version);
	snprintf(tmp, sizeof(tmp), "%s.%ld", path, (long)getpid());
	f = fopen(tmp, "w");
	if (f == NULL) {
		fprintf(stderr, "metalgpu: cannot write %s: %s\n", tmp, strerror(errno));
		return -1;
	}
	fprintf(f, "{\n  \"file_format_version\": \"1.0.0\",\n  \"ICD\": {\n"
	    "    \"library_path\": \"%s\",\n    \"api_version\": \"1.3.0\"\n  }\n}\n",
	    radv_lib);
	if (fclose(f) != 0 || rename(tmp, path) != 0) {
		fprintf(stderr, "metalgpu: cannot write %s: %s\n", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* VAR=value:old, or value alone when VAR is unset or empty. */
static void
prepend_env(const char *var, const char *value, char sep)
{
	const char *old = getenv(var);
	char buf[4096];

	if (old != NULL && *old != '\0')
		snprintf(buf, sizeof(buf), "%s%c%s", value, sep, old);
	else
		snprintf(buf, sizeof(buf), "%s", value);
	setenv(var, buf, 1);
}

/*
 * Run PROGRAM with the cached RADV and the bridge.  LD_LIBRARY_PATH puts
 * the bridge's libdrm.so.2 and libdrm_amdgpu.so.1 before the system's;
 * LD_AUDIT loads the bridge's audit module, which binds RADV's own libc
 * ioctl()/mmap() calls on the node (RADV 25.x makes them) to the bridge.
 */
static int
cmd_run(int argc, char **argv)
{
	const char *version = radv_version(env_or("METALGPU_RADV",
	    env_or("METALGPU_RADV_VERSION", RADV_DEFAULT_VERSION)));
	const char *bridge = env_or("METALGPU_BRIDGE_DIR", METALGPU_BRIDGE_DIR);
	char radv_dir[512], radv_lib[600], icd[512], path[1024];

	if (argc >= 2 && strcmp(argv[0], "--radv") == 0) {
		version = radv_version(argv[1]);
		argc -= 2;
		argv += 2;
	}
	if (argc >= 1 && strcmp(argv[0], "--") == 0) {
		argc--;
		argv++;
	}
	if (argc < 1) {
		usage();
		return 2;
	}
	snprintf(radv_dir, sizeof(radv_dir), "%s", env_or("METALGPU_RADV_DIR", ""));
	if (radv_dir[0] == '\0')
		snprintf(radv_dir, sizeof(radv_dir), "%s/radv/%s", METALGPU_CACHE_DIR, version);
	snprintf(radv_lib, sizeof(radv_lib), "%s/%s", radv_dir, RADV_LIB);
	if (access(radv_lib, R_OK) != 0) {
		fprintf(stderr, "metalgpu: RADV %s not found at %s (run scripts/setup-radv.sh)\n",
		    version, radv_lib);
		return 1;
	}
	snprintf(path, sizeof(path), "%s/libdrm.so.2", bridge);
	if (access(path, R_OK) != 0) {
		fprintf(stderr, "metalgpu: the bridge's libdrm.so.2 is not in %s (build first)\n",
		    bridge);
		return 1;
	}
	if (write_icd(radv_lib, version, icd, sizeof(icd)) != 0)
		return 1;
	/* Only our ICD: the system's drivers would find no GPU anyway. */
	setenv("VK_ICD_FILENAMES", icd, 1);
	setenv("VK_DRIVER_FILES", icd, 1);
	prepend_env("LD_LIBRARY_PATH", bridge, ':');
	snprintf(path, sizeof(path), "%s/%s", bridge, AUDIT_LIB);
	if (access(path, R_OK) != 0) {
		fprintf(stderr, "metalgpu: the bridge's %s is not in %s (build first)\n",
		    AUDIT_LIB, bridge);
		return 1;
	}
	prepend_env("LD_AUDIT", path, ':');
	if (getenv("METALGPU_FIRMWARE_DIR") == NULL)
		setenv("METALGPU_FIRMWARE_DIR", METALGPU_CACHE_DIR "/firmware", 1);
	execvp(argv[0], argv);
	fprintf(stderr, "metalgpu: cannot run %s: %s\n", argv[0], strerror(errno));
	return 127;
}

int
main(int argc, char **argv)
{
	int verbose = 0, i = 1;

	if (i < argc && strcmp(argv[i], "-v") == 0) {
		verbose = 1;
		i++;
	}
	if (i < argc && strcmp(argv[i], "info") == 0)
		return cmd_info(verbose);
	if (i < argc && strcmp(argv[i], "run") == 0) {
		i++;
		return cmd_run(argc - i, argv + i);
	}
	usage();
	return 2;
}

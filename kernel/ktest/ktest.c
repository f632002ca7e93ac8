/*
 * The in-kernel test runner.  Results go to the serial console, one line
 * per test, and the counts leave QEMU through isa-debug-exit.
 */
#include "io.h"
#include "ktest/ktest.h"

/*
 * isa-debug-exit turns v into exit status (v << 1) | 1, 8 bits: we send
 * passed (capped at 30) in bits 4:0 and failed (capped at 3) in bits 6:5.
 * 31 passed never occurs, so panic's 0x7f cannot be mistaken for results.
 */
#define EXIT_PASSED_MAX	30
#define EXIT_FAILED_MAX	3

static const struct ktest tests[] = {
	{ "pmm_alloc", t_pmm_alloc },
	{ "vmm_pat", t_vmm_pat },
	{ "idt_breakpoint", t_idt_breakpoint },
	{ "idt_pagefault", t_idt_pagefault },
	{ "lapic_timer", t_lapic_timer },
	{ "ioapic_pit", t_ioapic_pit },
	{ "acpi_madt_mcfg", t_acpi_madt_mcfg },
	{ "pci_bridge", t_pci_bridge },
	{ "pci_bars", t_pci_bars },
	{ "pci_caps", t_pci_caps },
	{ "edu_dma_msi", t_edu_dma_msi },
	{ "dma_mask", t_dma_mask },
	{ "gpu_os_edu", t_gpu_os_edu },
	{ "nvme_identify", t_nvme_identify },
	{ "nvme_msix_mask", t_nvme_msix_mask },
	{ "ivshmem_wc", t_ivshmem_wc },
	{ "iommu_mapped", t_iommu_mapped },
	{ "iommu_fault", t_iommu_fault },
	{ "iommu_isolation", t_iommu_isolation },
	/* Last: it renumbers a bridge (and puts it back). */
	{ "pci_bus_assign", t_pci_bus_assign },
};

static uint64_t seed;

/* The harness's random seed (fw_cfg opt/metalos/seed), else the TSC. */
uint64_t
ktest_seed(void)
{
	return seed;
}

static uint64_t
parse_u64(const char *s)
{
	uint64_t v = 0;

	for (; *s >= '0' && *s <= '9'; s++)
		v = v * 10 + (uint64_t)(*s - '0');
	return v;
}

/* Is name in the comma-separated list (an empty list selects all)? */
static int
selected(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	if (*list == '\0')
		return 1;
	while (*p != '\0') {
		if (strncmp(p, name, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
		while (*p != '\0' && *p != ',')
			p++;
		if (*p == ',')
			p++;
	}
	return 0;
}

/*
 * Runs the tests named in the comma-separated list (NULL: the fw_cfg file
 * opt/metalos/tests; empty: all of them) and leaves QEMU with the counts.
 */
void
ktest_run(const char *names)
{
	char list[512], buf[32];
	int passed = 0, failed = 0, skipped = 0, r;
	size_t i;

	if (names != NULL)
		ksnprintf(list, sizeof(list), "%s", names);
	else if (fwcfg_read_file("opt/metalos/tests", list, sizeof(list)) < 0)
		list[0] = '\0';
	seed = rdtsc();
	if (fwcfg_read_file("opt/metalos/seed", buf, sizeof(buf)) > 0)
		seed = parse_u64(buf);
	kprintf("ktest: running (seed %lu)\n", seed);
	for (i = 0; i < ARRAY_SIZE(tests); i++) {
		if (!selected(list, tests[i].name))
			continue;
		kprintf("ktest: RUN %s\n", tests[i].name);
		r = tests[i].fn();
		if (r == KT_PASS) {
			passed++;
			kprintf("ktest: PASS %s\n", tests[i].name);
		} else if (r == KT_SKIP) {
			skipped++;
			kprintf("ktest: SKIP %s\n", tests[i].name);
		} else {
			failed++;
			kprintf("ktest: FAIL %s\n", tests[i].name);
		}
	}
	kprintf("ktest: %d passed, %d failed, %d skipped\n", passed, failed,
	    skipped);
	qemu_exit((uint32_t)((failed > EXIT_FAILED_MAX ? EXIT_FAILED_MAX :
	    failed) << 5 | (passed > EXIT_PASSED_MAX ? EXIT_PASSED_MAX :
	    passed)));
}

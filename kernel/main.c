/*
 * MetalOS kernel entry: bring-up in dependency order, then the PCI listing,
 * then (under the test harness) the in-QEMU test suite.
 */
#include "acpi.h"
#include "idt.h"
#include "io.h"
#include "kernel.h"
#include "iommu.h"
#include "ktest/ktest.h"
#include "lapic.h"
#include "pci.h"
#include "vmm.h"

static char mode[32];

/* The harness sets fw_cfg opt/metalos/mode=test (see tests/kernel/). */
int
kernel_test_mode(void)
{
	return strcmp(mode, "test") == 0;
}

void kmain(uint32_t magic, uint64_t info);
void crash_write(void);

/*
 * The harness's check of exception reporting (fw_cfg mode=crash): a write
 * to an unmapped address must be reported as such, with the address and
 * the instruction's rip, which the harness finds in the symbol table.
 */
#define CRASH_ADDR	0x00007fffdead0000ULL

__attribute__((noinline)) void
crash_write(void)
{
	__asm__ volatile(".globl crash_write_insn\n"
	    "crash_write_insn: movq $0x5a, (%0)" : : "r"(CRASH_ADDR) : "memory");
}

void
kmain(uint32_t magic, uint64_t info)
{
	serial_init();
	kprintf("\nMetalOS kernel booting\n");
	idt_init();
	mb2_parse(magic, info);
	kprintf("boot: loader \"%s\", cmdline \"%s\"\n", mb2_loader(),
	    mb2_cmdline());
	if (fwcfg_read_file("opt/metalos/mode", mode, sizeof(mode)) < 0)
		mode[0] = '\0';
	pmm_init();
	vmm_init();
	time_init();
	acpi_init();
	lapic_init();
	ioapic_init();
	irq_enable();
	lapic_timer_start(100);
	pci_init();
	iommu_init();
	lspci();
	if (strcmp(mode, "crash") == 0)
		crash_write();
	if (kernel_test_mode()) {
		/*
		 * The harness compares the listing with QEMU's `info pci`
		 * while we wait, then sends a byte to go on.
		 */
		kprintf("waiting for the harness\n");
		if (serial_getc_timeout(30000) < 0)
			kprintf("no word from the harness, going on\n");
		ktest_run(NULL);
	}
	shell_run();
}

/*
 * A tiny serial shell for `make qemu`: look around the booted machine
 * without a debugger.  Commands are a table; each takes the rest of the
 * line as its argument.
 */
#include "acpi.h"
#include "io.h"
#include "kernel.h"
#include "ktest/ktest.h"
#include "lapic.h"
#include "pci.h"

#define LINE_MAX	128
#define KEY_BACKSPACE	0x08
#define KEY_DELETE	0x7f

struct command {
	const char	*name;
	void		(*fn)(const char *arg);
	const char	*help;
};

static void cmd_help(const char *);

static void
cmd_lspci(const char *arg)
{
	(void)arg;
	lspci();
}

static void
cmd_mem(const char *arg)
{
	(void)arg;
	kprintf("pmm: %lu KiB free of %lu KiB, highest RAM %#lx\n",
	    pmm_free_count() * 4, pmm_total_count() * 4, pmm_max_addr());
}

static void
cmd_acpi(const char *arg)
{
	const struct acpi_info *ai = acpi_info();
	int i;

	(void)arg;
	kprintf("acpi: RSDP rev %d via %s; %d cpu(s); LAPIC %#lx\n",
	    ai->revision, ai->use_xsdt ? "XSDT" : "RSDT", ai->ncpus,
	    ai->lapic_address);
	for (i = 0; i < ai->nioapic; i++)
		kprintf("acpi: IOAPIC %u at %#lx, GSI base %u\n",
		    ai->ioapic[i].id, ai->ioapic[i].address,
		    ai->ioapic[i].gsi_base);
	for (i = 0; i < ai->niso; i++)
		kprintf("acpi: ISA IRQ %u -> GSI %u, flags %#x\n",
		    ai->iso[i].irq, ai->iso[i].gsi, ai->iso[i].flags);
	for (i = 0; i < ai->necam; i++)
		kprintf("acpi: ECAM segment %u buses %u-%u at %#lx\n",
		    ai->ecam[i].segment, ai->ecam[i].start_bus,
		    ai->ecam[i].end_bus, ai->ecam[i].base);
}

static void
cmd_uptime(const char *arg)
{
	(void)arg;
	kprintf("up %lu ms, %lu timer ticks at %u Hz\n", time_ns() / 1000000,
	    lapic_timer_ticks(), lapic_timer_hz());
}

static void
cmd_test(const char *arg)
{
	ktest_run(arg);		/* does not return: QEMU exits */
}

static void
cmd_quit(const char *arg)
{
	(void)arg;
	kprintf("bye\n");
	qemu_exit(0);
}

static const struct command commands[] = {
	{ "help", cmd_help, "this list" },
	{ "lspci", cmd_lspci, "the PCI listing again" },
	{ "acpi", cmd_acpi, "what the MADT and MCFG said" },
	{ "mem", cmd_mem, "physical memory" },
	{ "uptime", cmd_uptime, "time since calibration, timer ticks" },
	{ "test", cmd_test, "[name,name] run kernel tests, then quit QEMU" },
	{ "quit", cmd_quit, "leave QEMU (through isa-debug-exit)" },
};

static void
cmd_help(const char *arg)
{
	size_t i;

	(void)arg;
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		kprintf("  %-8s %s\n", commands[i].name, commands[i].help);
}

static void
run_line(char *line)
{
	char *arg;
	size_t i;

	while (*line == ' ')
		line++;
	if (*line == '\0')
		return;
	for (arg = line; *arg != '\0' && *arg != ' '; arg++)
		;
	if (*arg == ' ')
		*arg++ = '\0';
	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		if (strcmp(commands[i].name, line) == 0) {
			commands[i].fn(arg);
			return;
		}
	}
	kprintf("%s: unknown command (try help)\n", line);
}

void
shell_run(void)
{
	char line[LINE_MAX];
	size_t n;
	int c;

	kprintf("MetalOS shell: type help (Ctrl-A X quits QEMU)\n");
	for (;;) {
		kprintf("metalos> ");
		n = 0;
		for (;;) {
			c = serial_getc_timeout(1000);
			if (c < 0)
				continue;
			if (c == '\r' || c == '\n')
				break;
			if ((c == KEY_BACKSPACE || c == KEY_DELETE) && n > 0) {
				n--;
				kprintf("\b \b");
			} else if (c >= ' ' && c < KEY_DELETE && n + 1 < LINE_MAX) {
				line[n++] = (char)c;
				kprintf("%c", c);
			}
		}
		line[n] = '\0';
		kprintf("\n");
		run_line(line);
	}
}

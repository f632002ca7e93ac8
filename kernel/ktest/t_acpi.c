/*
 * ACPI as QEMU built it for this machine: the harness tells us what to
 * expect (fw_cfg opt/metalos/expect-cpus, the -smp count, and
 * opt/metalos/expect-root, RSDT under SeaBIOS's ACPI 1.0 tables or XSDT
 * under OVMF's 2.0 ones), and the MCFG must point at a working ECAM.
 */
#include "acpi.h"
#include "ktest/ktest.h"
#include "lapic.h"
#include "pci.h"
#include "pcreg.h"

int
t_acpi_madt_mcfg(void)
{
	const struct acpi_info *ai = acpi_info();
	char want_cpus[8], want_root[8];
	uint16_t flags;
	int cpus;

	if (fwcfg_read_file("opt/metalos/expect-cpus", want_cpus,
	    sizeof(want_cpus)) < 0 || fwcfg_read_file(
	    "opt/metalos/expect-root", want_root, sizeof(want_root)) < 0)
		return KT_SKIP;
	cpus = want_cpus[0] - '0';
	KT_CHECK(ai->ncpus == cpus, "MADT lists %d enabled CPUs, QEMU has %d",
	    ai->ncpus, cpus);
	KT_CHECK(strcmp(want_root, ai->use_xsdt ? "XSDT" : "RSDT") == 0,
	    "root table %s, want %s", ai->use_xsdt ? "XSDT" : "RSDT",
	    want_root);
	KT_CHECK(ai->nioapic >= 1 && ioapic_count() == ai->nioapic &&
	    ai->ioapic[0].gsi_base == 0 && ioapic_pins(0) >= 16,
	    "IOAPIC: %d, GSI base %u, %d pins", ai->nioapic,
	    ai->ioapic[0].gsi_base, ioapic_count() ? ioapic_pins(0) : 0);
	/* The PIT's IRQ 0 has an override on every PC-compatible MADT. */
	KT_CHECK(acpi_isa_irq_to_gsi(PIT_ISA_IRQ, &flags) != PIT_ISA_IRQ,
	    "no interrupt source override for ISA IRQ 0");
	KT_CHECK(ai->necam >= 1 && ai->ecam[0].segment == 0 &&
	    ai->ecam[0].start_bus == 0 && ai->ecam[0].end_bus > 0,
	    "MCFG: %d entries", ai->necam);
	KT_CHECK(pci_count() > 0 && pci_get(0)->vendor != 0xffff,
	    "nothing answers at the MCFG's ECAM base %#lx", ai->ecam[0].base);
	KT_CHECK(ai->lapic_address != 0 && lapic_id() < 255, "local APIC");
	return KT_PASS;
}

/*
 * ACPI: RSDP (from the Multiboot2 tag) -> XSDT (or RSDT on ACPI 1.0) -> the
 * tables by signature; MADT and MCFG are decoded into struct acpi_info.
 */
#include "acpi.h"
#include "kernel.h"
#include "vmm.h"

#define ACPI_MAX_TABLES	32

static struct acpi_info info;
static const struct acpi_sdt *tables[ACPI_MAX_TABLES];
static int ntables;

static int
checksum_ok(const void *p, uint32_t len)
{
	const uint8_t *b = p;
	uint8_t sum = 0;

	while (len-- > 0)
		sum += *b++;
	return sum == 0;
}

/* Maps a table whose length we learn only from its header. */
static const struct acpi_sdt *
map_table(uint64_t pa)
{
	const struct acpi_sdt *t;

	t = vmm_map(pa, sizeof(*t), VMM_WB);
	vmm_map(pa, t->length, VMM_WB);
	if (!checksum_ok(t, t->length)) {
		kprintf("acpi: table %.4s at %#lx has a bad checksum, ignored\n",
		    t->signature, pa);
		return NULL;
	}
	return t;
}

const struct acpi_sdt *
acpi_find(const char sig[4])
{
	int i;

	for (i = 0; i < ntables; i++)
		if (memcmp(tables[i]->signature, sig, 4) == 0)
			return tables[i];
	return NULL;
}

static void
parse_madt(const struct acpi_madt *m)
{
	const uint8_t *p = (const uint8_t *)(m + 1);
	const uint8_t *end = (const uint8_t *)m + m->hdr.length;
	const struct madt_entry *e;
	const struct madt_lapic *l;
	const struct madt_ioapic *io;
	const struct madt_iso *iso;

	info.lapic_address = m->lapic_address;
	for (; p + sizeof(*e) <= end; p += e->length) {
		e = (const struct madt_entry *)p;
		if (e->length < sizeof(*e))
			break;
		switch (e->type) {
		case MADT_LAPIC:
			l = (const struct madt_lapic *)e;
			if (l->flags & MADT_LAPIC_ENABLED)
				info.ncpus++;
			break;
		case MADT_IOAPIC:
			io = (const struct madt_ioapic *)e;
			if (info.nioapic == ACPI_MAX_IOAPIC)
				break;
			info.ioapic[info.nioapic].id = io->ioapic_id;
			info.ioapic[info.nioapic].address = io->address;
			info.ioapic[info.nioapic].gsi_base = io->gsi_base;
			info.nioapic++;
			break;
		case MADT_ISO:
			iso = (const struct madt_iso *)e;
			if (info.niso == ACPI_MAX_ISO || iso->bus != 0)
				break;
			info.iso[info.niso].irq = iso->source;
			info.iso[info.niso].gsi = iso->gsi;
			info.iso[info.niso].flags = iso->flags;
			info.niso++;
			break;
		case MADT_LAPIC_ADDR_OVR:
			info.lapic_address = *(const uint64_t *)(p + 4);
			break;
		}
	}
}

static void
parse_mcfg(const struct acpi_mcfg *m)
{
	const struct mcfg_alloc *a = (const struct mcfg_alloc *)(m + 1);
	int n = (int)((m->hdr.length - sizeof(*m)) / sizeof(*a)), i;

	for (i = 0; i < n && info.necam < ACPI_MAX_ECAM; i++, a++) {
		info.ecam[info.necam].base = a->base;
		info.ecam[info.necam].segment = a->segment;
		info.ecam[info.necam].start_bus = a->start_bus;
		info.ecam[info.necam].end_bus = a->end_bus;
		info.necam++;
	}
}

void
acpi_init(void)
{
	const struct acpi_rsdp *rsdp;
	const struct acpi_sdt *root, *t;
	uint64_t pa;
	int v2, n, i;

	rsdp = mb2_rsdp(&v2);
	if (rsdp == NULL)
		panic("acpi_init: the boot loader passed no ACPI RSDP");
	if (memcmp(rsdp->signature, "RSD PTR ", 8) != 0 ||
	    !checksum_ok(rsdp, 20))
		panic("acpi_init: RSDP signature or checksum is wrong");
	info.revision = rsdp->revision;
	info.use_xsdt = rsdp->revision >= 2 && rsdp->xsdt_address != 0 &&
	    checksum_ok(rsdp, rsdp->length);
	root = map_table(info.use_xsdt ? rsdp->xsdt_address :
	    rsdp->rsdt_address);
	if (root == NULL)
		panic("acpi_init: root table checksum is wrong");
	n = (int)((root->length - sizeof(*root)) / (info.use_xsdt ? 8 : 4));
	for (i = 0; i < n && ntables < ACPI_MAX_TABLES; i++) {
		if (info.use_xsdt)
			memcpy(&pa, (const uint8_t *)(root + 1) + i * 8, 8);
		else
			pa = ((const uint32_t *)(root + 1))[i];
		t = map_table(pa);
		if (t != NULL)
			tables[ntables++] = t;
	}
	kprintf("acpi: RSDP rev %d, %s with %d tables:", info.revision,
	    info.use_xsdt ? "XSDT" : "RSDT", ntables);
	for (i = 0; i < ntables; i++)
		kprintf(" %.4s", tables[i]->signature);
	kprintf("\n");

	t = acpi_find("APIC");
	if (t == NULL)
		panic("acpi_init: no MADT (APIC) table");
	parse_madt((const struct acpi_madt *)t);
	t = acpi_find("MCFG");
	if (t == NULL)
		panic("acpi_init: no MCFG table; PCIe ECAM is required "
		    "(use -machine q35)");
	parse_mcfg((const struct acpi_mcfg *)t);
	kprintf("acpi: %d cpu(s), LAPIC at %#lx, %d IOAPIC(s), %d override(s),"
	    " ECAM at %#lx buses %u-%u\n", info.ncpus, info.lapic_address,
	    info.nioapic, info.niso, info.ecam[0].base, info.ecam[0].start_bus,
	    info.ecam[0].end_bus);
}

const struct acpi_info *
acpi_info(void)
{
	return &info;
}

/* ISA IRQs are identity-mapped to GSIs unless the MADT overrides them. */
uint32_t
acpi_isa_irq_to_gsi(uint8_t irq, uint16_t *flags)
{
	int i;

	for (i = 0; i < info.niso; i++) {
		if (info.iso[i].irq == irq) {
			*flags = info.iso[i].flags;
			return info.iso[i].gsi;
		}
	}
	*flags = 0;
	return irq;
}

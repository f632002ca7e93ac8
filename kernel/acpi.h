/*
 * ACPI tables the kernel reads.  Layouts from the ACPI Specification 6.4:
 * 5.2.5.3 RSDP, 5.2.6 system description table header, 5.2.7 RSDT,
 * 5.2.8 XSDT, 5.2.12 MADT (5.2.12.2 local APIC, 5.2.12.3 I/O APIC,
 * 5.2.12.5 interrupt source override); MCFG from the PCI Firmware
 * Specification 3.0, section 4.1.2; DMAR from the Intel VT-d specification
 * rev. 3.x, chapter 8.
 */
#ifndef KERNEL_ACPI_H
#define KERNEL_ACPI_H

#include <stdint.h>

struct acpi_rsdp {
	char	 signature[8];		/* "RSD PTR " */
	uint8_t	 checksum;		/* first 20 bytes sum to 0 */
	char	 oem_id[6];
	uint8_t	 revision;		/* 0: ACPI 1.0, 2: 2.0+ */
	uint32_t rsdt_address;
	uint32_t length;		/* 2.0+: whole structure */
	uint64_t xsdt_address;
	uint8_t	 ext_checksum;		/* all `length` bytes sum to 0 */
	uint8_t	 reserved[3];
} __attribute__((packed));

struct acpi_sdt {
	char	 signature[4];
	uint32_t length;		/* including this header */
	uint8_t	 revision;
	uint8_t	 checksum;		/* whole table sums to 0 */
	char	 oem_id[6];
	char	 oem_table_id[8];
	uint32_t oem_revision;
	uint32_t creator_id;
	uint32_t creator_revision;
} __attribute__((packed));

struct acpi_madt {
	struct acpi_sdt	hdr;		/* "APIC" */
	uint32_t lapic_address;
	uint32_t flags;
#define MADT_PCAT_COMPAT	(1 << 0)	/* dual 8259s present */
} __attribute__((packed));

#define MADT_LAPIC		0
#define MADT_IOAPIC		1
#define MADT_ISO		2
#define MADT_LAPIC_ADDR_OVR	5

struct madt_entry {
	uint8_t	type;
	uint8_t	length;
} __attribute__((packed));

struct madt_lapic {
	struct madt_entry h;
	uint8_t	 acpi_uid;
	uint8_t	 apic_id;
	uint32_t flags;
#define MADT_LAPIC_ENABLED	(1 << 0)
} __attribute__((packed));

struct madt_ioapic {
	struct madt_entry h;
	uint8_t	 ioapic_id;
	uint8_t	 reserved;
	uint32_t address;
	uint32_t gsi_base;
} __attribute__((packed));

struct madt_iso {
	struct madt_entry h;
	uint8_t	 bus;			/* 0: ISA */
	uint8_t	 source;		/* ISA IRQ */
	uint32_t gsi;
	uint16_t flags;
#define MPS_POLARITY_MASK	0x3
#define MPS_POLARITY_LOW	0x3
#define MPS_TRIGGER_MASK	0xc
#define MPS_TRIGGER_LEVEL	0xc
} __attribute__((packed));

struct acpi_mcfg {
	struct acpi_sdt	hdr;		/* "MCFG" */
	uint8_t	 reserved[8];
} __attribute__((packed));

struct mcfg_alloc {
	uint64_t base;			/* ECAM base of bus 0 of this segment */
	uint16_t segment;
	uint8_t	 start_bus;
	uint8_t	 end_bus;
	uint32_t reserved;
} __attribute__((packed));

/* What the rest of the kernel needs from the tables. */
#define ACPI_MAX_IOAPIC	4
#define ACPI_MAX_ISO	16
#define ACPI_MAX_ECAM	4

struct acpi_ioapic_info {
	uint8_t	 id;
	uint64_t address;
	uint32_t gsi_base;
};

struct acpi_info {
	int	 revision;		/* RSDP revision */
	int	 use_xsdt;
	uint64_t lapic_address;
	int	 ncpus;
	int	 nioapic;
	struct acpi_ioapic_info ioapic[ACPI_MAX_IOAPIC];
	int	 niso;
	struct {
		uint8_t	 irq;
		uint32_t gsi;
		uint16_t flags;
	} iso[ACPI_MAX_ISO];
	int	 necam;
	struct {
		uint64_t base;
		uint16_t segment;
		uint8_t	 start_bus;
		uint8_t	 end_bus;
	} ecam[ACPI_MAX_ECAM];
};

void	 acpi_init(void);
const struct acpi_info *acpi_info(void);
const struct acpi_sdt *acpi_find(const char sig[4]);
uint32_t acpi_isa_irq_to_gsi(uint8_t irq, uint16_t *flags);

#endif

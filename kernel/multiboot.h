/*
 * Multiboot2 boot information, as GRUB hands it over.  Layouts from the
 * Multiboot2 Specification version 2.0, section 3.6 "Boot information format".
 */
#ifndef KERNEL_MULTIBOOT_H
#define KERNEL_MULTIBOOT_H

#include <stdint.h>

#define MB2_BOOTLOADER_MAGIC	0x36d76289	/* EAX at entry, 3.3 */

#define MB2_TAG_END		0
#define MB2_TAG_CMDLINE		1	/* NUL-terminated string */
#define MB2_TAG_LOADER_NAME	2	/* NUL-terminated string */
#define MB2_TAG_MODULE		3	/* 3.6.6: mod_start, mod_end, string */
#define MB2_TAG_MMAP		6	/* 3.6.8 memory map */
#define MB2_TAG_ACPI_OLD	14	/* 3.6.11: copy of the ACPI 1.0 RSDP */
#define MB2_TAG_ACPI_NEW	15	/* 3.6.12: copy of the ACPI 2.0+ RSDP */

#define MB2_MMAP_AVAILABLE	1	/* usable RAM */
#define MB2_MMAP_ACPI_RECLAIM	3	/* ACPI tables, reclaimable */
#define MB2_MMAP_NVS		4	/* preserved across hibernation */
#define MB2_MMAP_BADRAM		5

struct mb2_tag {
	uint32_t type;
	uint32_t size;			/* including this header */
};

struct mb2_mmap_entry {
	uint64_t base;
	uint64_t len;
	uint32_t type;
	uint32_t reserved;
};

#define MB2_MMAP_MAX	128

struct mb2_memmap {
	int			nentries;
	struct mb2_mmap_entry	e[MB2_MMAP_MAX];
};

const struct mb2_memmap *mb2_memmap(void);

#endif

/*
 * x86_64 architectural registers and page-table bits.
 * Source: Intel 64 and IA-32 Architectures Software Developer's Manual,
 * Vol. 3A: section 2.5 (control registers), 4.5 (4-level paging, tables 4-15
 * and following for entry formats), 13.12 (PAT), Vol. 4 (MSR list).
 */
#ifndef KERNEL_X86REG_H
#define KERNEL_X86REG_H

/* Page-table entries (all levels) */
#define PTE_P		(1ULL << 0)	/* present */
#define PTE_W		(1ULL << 1)	/* writable */
#define PTE_U		(1ULL << 2)	/* user accessible */
#define PTE_PWT		(1ULL << 3)	/* page write-through: PAT index bit 0 */
#define PTE_PCD		(1ULL << 4)	/* page cache disable: PAT index bit 1 */
#define PTE_A		(1ULL << 5)	/* accessed */
#define PTE_D		(1ULL << 6)	/* dirty (leaf only) */
#define PTE_PS		(1ULL << 7)	/* large page (PDPTE/PDE) */
#define PTE_G		(1ULL << 8)	/* global */
#define PTE_NX		(1ULL << 63)	/* no execute (needs EFER.NXE) */
#define PTE_ADDR	0x000ffffffffff000ULL

#define PT_SHIFT(level)	(12 + 9 * (level))	/* level 0 = PT ... 3 = PML4 */
#define PT_INDEX(va, level) (((va) >> PT_SHIFT(level)) & 0x1ff)
#define LARGE_PAGE	(1ULL << 21)

/* Page-fault error code (section 4.7) */
#define PF_P		(1 << 0)	/* 0: not present, 1: protection */
#define PF_W		(1 << 1)	/* write access */
#define PF_U		(1 << 2)	/* user mode */
#define PF_RSVD		(1 << 3)	/* reserved bit set in an entry */
#define PF_I		(1 << 4)	/* instruction fetch */

/* RFLAGS */
#define RFLAGS_IF	(1 << 9)	/* interrupts enabled */

/* IA32_PAT, MSR 0x277: eight 8-bit entries PA0..PA7, section 13.12.2 */
#define MSR_PAT		0x277
#define PAT_UC		0x00	/* uncacheable */
#define PAT_WC		0x01	/* write combining */
#define PAT_WT		0x04	/* write through */
#define PAT_WP		0x05	/* write protected */
#define PAT_WB		0x06	/* write back */
#define PAT_UCMINUS	0x07	/* UC-, overridable by MTRR WC */

/* Local APIC base, MSR 0x1b (Vol. 3A 11.4.4) */
#define MSR_APIC_BASE	0x1b
#define APIC_BASE_EN	(1ULL << 11)	/* xAPIC global enable */
#define APIC_BASE_ADDR	0xfffff000ULL

/* Control registers */
#define CR0_WP		(1ULL << 16)
#define CR4_PAE		(1ULL << 5)

#endif

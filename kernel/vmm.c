/*
 * Page tables with per-mapping cache types through the PAT (Intel SDM Vol.
 * 3A section 13.12).  We program the PAT so that the two low PAT index bits
 * alone pick the type, which makes 4 KiB and 2 MiB entries encode it the
 * same way (the PAT bit itself sits at different positions in the two):
 *   index 0 (PWT=0 PCD=0) WB, index 1 (PWT=1) WC, index 2 (PCD=1) UC-,
 *   index 3 (PWT=1 PCD=1) UC; entries 4-7 repeat 0-3.
 */
#include "io.h"
#include "kernel.h"
#include "multiboot.h"
#include "vmm.h"
#include "x86reg.h"

#define PAT_VALUE							\
	((uint64_t)PAT_WB | (uint64_t)PAT_WC << 8 |			\
	 (uint64_t)PAT_UCMINUS << 16 | (uint64_t)PAT_UC << 24 |		\
	 (uint64_t)PAT_WB << 32 | (uint64_t)PAT_WC << 40 |		\
	 (uint64_t)PAT_UCMINUS << 48 | (uint64_t)PAT_UC << 56)
#define CACHE_BITS	(PTE_PWT | PTE_PCD)

extern char kernel_end[];

static uint64_t *pml4;

static uint64_t
cache_bits(enum vmm_cache c)
{
	switch (c) {
	case VMM_WB:
		return 0;
	case VMM_WC:
		return PTE_PWT;
	case VMM_UC:
		return PTE_PWT | PTE_PCD;
	}
	panic("cache_bits: bad cache type %d", c);
}

enum vmm_cache
vmm_pte_cache(uint64_t pte)
{
	switch (pte & CACHE_BITS) {
	case 0:
		return VMM_WB;
	case PTE_PWT:
		return VMM_WC;
	default:
		return VMM_UC;
	}
}

const char *
vmm_cache_name(enum vmm_cache c)
{
	return c == VMM_WB ? "WB" : c == VMM_WC ? "WC" : "UC";
}

static uint64_t *
new_table(void)
{
	uint64_t pa = pmm_alloc_pages(1, 0);

	if (pa == 0)
		panic("vmm: out of memory for page tables");
	return (uint64_t *)pa;
}

/*
 * Returns the table at `level` - 1 below entry e, creating it; a large page
 * in the way is split into 512 smaller ones with the same attributes.
 */
static uint64_t *
next_table(uint64_t *e, int level)
{
	uint64_t *t, base, flags;
	int i;

	if (!(*e & PTE_P)) {
		t = new_table();
		*e = (uint64_t)t | PTE_P | PTE_W;
		return t;
	}
	if (*e & PTE_PS) {
		t = new_table();
		base = *e & PTE_ADDR & ~((1ULL << PT_SHIFT(level)) - 1);
		flags = *e & (PTE_W | CACHE_BITS | PTE_G | PTE_NX);
		for (i = 0; i < 512; i++)
			t[i] = (base + ((uint64_t)i << PT_SHIFT(level - 1))) |
			    flags | PTE_P | (level - 1 > 0 ? PTE_PS : 0);
		*e = (uint64_t)t | PTE_P | PTE_W;
		return t;
	}
	return (uint64_t *)(*e & PTE_ADDR);
}

static void
map_page(uint64_t va, uint64_t pa, int level, uint64_t flags)
{
	uint64_t *t = pml4;
	int l;

	for (l = 3; l > level; l--)
		t = next_table(&t[PT_INDEX(va, l)], l);
	t[PT_INDEX(va, level)] = pa | flags | PTE_P | (level > 0 ? PTE_PS : 0);
	__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

static void
map_range(uint64_t va, uint64_t pa, uint64_t size, uint64_t flags)
{
	uint64_t end = pa + size;

	while (pa < end) {
		if ((pa & (LARGE_PAGE - 1)) == 0 &&
		    (va & (LARGE_PAGE - 1)) == 0 && end - pa >= LARGE_PAGE) {
			map_page(va, pa, 1, flags);
			pa += LARGE_PAGE;
			va += LARGE_PAGE;
		} else {
			map_page(va, pa, 0, flags);
			pa += PAGE_SIZE;
			va += PAGE_SIZE;
		}
	}
}

void
vmm_init(void)
{
	const struct mb2_memmap *mm = mb2_memmap();
	uint64_t s, e, kend;
	int i;

	wrmsr(MSR_PAT, PAT_VALUE);
	pml4 = new_table();
	for (i = 0; i < mm->nentries; i++) {
		if (mm->e[i].type != MB2_MMAP_AVAILABLE &&
		    mm->e[i].type != MB2_MMAP_ACPI_RECLAIM &&
		    mm->e[i].type != MB2_MMAP_NVS)
			continue;
		s = ALIGN_DOWN(mm->e[i].base, PAGE_SIZE);
		e = ALIGN_UP(mm->e[i].base + mm->e[i].len, PAGE_SIZE);
		map_range(s, s, e - s, PTE_W);
	}
	/* The first MiB (BIOS data, EBDA, the SeaBIOS RSDP) is read only. */
	map_range(0, 0, 0x100000, 0);
	kend = ALIGN_UP((uint64_t)kernel_end - KERNEL_VBASE, LARGE_PAGE);
	map_range(KERNEL_VBASE, 0, kend, PTE_W | PTE_G);
	__asm__ volatile("wbinvd; mov %0, %%cr3" : : "r"(pml4) : "memory");
}

/*
 * Maps [pa, pa+size) 1:1 with cache type c, replacing whatever mapping the
 * range had, and returns the virtual address (== pa).
 */
void *
vmm_map(uint64_t pa, uint64_t size, enum vmm_cache c)
{
	uint64_t s = ALIGN_DOWN(pa, PAGE_SIZE);
	uint64_t e = ALIGN_UP(pa + size, PAGE_SIZE);

	map_range(s, s, e - s, PTE_W | PTE_NX | cache_bits(c));
	return (void *)pa;
}

void *
vmm_map_mmio(uint64_t pa, uint64_t size)
{
	return vmm_map(pa, size, VMM_UC);
}

/* Finds the leaf entry for va; returns 0 and its level, or -1 if unmapped. */
int
vmm_query(uint64_t va, uint64_t *pte, int *level)
{
	uint64_t *t = pml4, e;
	int l;

	for (l = 3; l >= 0; l--) {
		e = t[PT_INDEX(va, l)];
		if (!(e & PTE_P))
			return -1;
		if (l == 0 || (e & PTE_PS)) {
			*pte = e;
			*level = l;
			return 0;
		}
		t = (uint64_t *)(e & PTE_ADDR);
	}
	return -1;
}

uint64_t
vmm_virt_to_phys(const void *va)
{
	uint64_t v = (uint64_t)va;

	return v >= KERNEL_VBASE ? v - KERNEL_VBASE : v;
}

/*
 * Physical memory manager: one bit per 4 KiB page for everything below
 * PMM_MAX_ADDR, built from the Multiboot2 memory map.  Allocations are
 * contiguous runs (DMA needs them) with an optional upper address limit
 * (for devices with a narrow DMA mask, such as QEMU's edu with 28 bits).
 */
#include "kernel.h"
#include "multiboot.h"

#define PMM_MAX_ADDR	(16ULL << 30)
#define PMM_PAGES	(PMM_MAX_ADDR / PAGE_SIZE)
#define LOW_RESERVED	0x100000ULL	/* real-mode IVT, BDA, EBDA, ROMs */

extern char kernel_end[];

static uint64_t bitmap[PMM_PAGES / 64];	/* 1 = used */
static uint64_t npages_free, npages_total, max_addr;

static int
page_used(uint64_t pfn)
{
	return (bitmap[pfn / 64] >> (pfn % 64)) & 1;
}

static void
page_set(uint64_t pfn, int used)
{
	if (used)
		bitmap[pfn / 64] |= 1ULL << (pfn % 64);
	else
		bitmap[pfn / 64] &= ~(1ULL << (pfn % 64));
}

static void
mark(uint64_t start, uint64_t end, int used)
{
	uint64_t pfn;

	for (pfn = start / PAGE_SIZE; pfn < end / PAGE_SIZE && pfn < PMM_PAGES;
	    pfn++) {
		if (page_used(pfn) == used)
			continue;
		page_set(pfn, used);
		if (used)
			npages_free--;
		else
			npages_free++;
	}
}

void
pmm_init(void)
{
	const struct mb2_memmap *mm = mb2_memmap();
	uint64_t kend, s, e;
	int i;

	memset(bitmap, 0xff, sizeof(bitmap));
	for (i = 0; i < mm->nentries; i++) {
		if (mm->e[i].type != MB2_MMAP_AVAILABLE)
			continue;
		s = ALIGN_UP(mm->e[i].base, PAGE_SIZE);
		e = ALIGN_DOWN(mm->e[i].base + mm->e[i].len, PAGE_SIZE);
		if (e <= s)
			continue;
		if (e > max_addr)
			max_addr = e;
		mark(s, e, 0);
	}
	npages_total = npages_free;
	kend = ALIGN_UP((uint64_t)kernel_end - KERNEL_VBASE, PAGE_SIZE);
	mark(0, LOW_RESERVED, 1);
	mark(LOW_RESERVED, kend, 1);
	/* Boot modules stay where GRUB put them. */
	for (i = 0; i < mb2_module_count(); i++) {
		mb2_module_range(i, &s, &e);
		mark(ALIGN_DOWN(s, PAGE_SIZE), ALIGN_UP(e, PAGE_SIZE), 1);
	}
	kprintf("pmm: %lu KiB usable, %lu KiB free, highest RAM %#lx\n",
	    npages_total * 4, npages_free * 4, max_addr);
}

/*
 * Returns the physical address of n zeroed contiguous pages that end at or
 * below `below` (0: anywhere), or 0 when there is no such run.
 */
uint64_t
pmm_alloc_pages(uint64_t n, uint64_t below)
{
	return pmm_alloc_aligned(n, 1, below);
}

/* As pmm_alloc_pages, with the run starting on a multiple of align pages. */
uint64_t
pmm_alloc_aligned(uint64_t n, uint64_t align, uint64_t below)
{
	uint64_t limit, pfn, run = 0, start = 0;

	limit = (below == 0 || below > PMM_MAX_ADDR ? PMM_MAX_ADDR : below) /
	    PAGE_SIZE;
	for (pfn = 1; pfn < limit; pfn++) {
		if (page_used(pfn)) {
			run = 0;
			continue;
		}
		if (run == 0 && align > 1 && pfn % align != 0)
			continue;
		if (run++ == 0)
			start = pfn;
		if (run == n) {
			mark(start * PAGE_SIZE, (start + n) * PAGE_SIZE, 1);
			memset((void *)(start * PAGE_SIZE), 0, n * PAGE_SIZE);
			return start * PAGE_SIZE;
		}
	}
	return 0;
}

void
pmm_free_pages(uint64_t pa, uint64_t n)
{
	uint64_t pfn;

	for (pfn = pa / PAGE_SIZE; pfn < pa / PAGE_SIZE + n; pfn++)
		if (!page_used(pfn))
			panic("pmm_free_pages: page %#lx is already free",
			    pfn * PAGE_SIZE);
	mark(pa, pa + n * PAGE_SIZE, 0);
}

uint64_t
pmm_free_count(void)
{
	return npages_free;
}

uint64_t
pmm_total_count(void)
{
	return npages_total;
}

uint64_t
pmm_max_addr(void)
{
	return max_addr;
}

/*
 * Kernel heap for small bookkeeping objects: power-of-two size classes from
 * 32 bytes to 2 KiB carved out of whole pages, each class with a free list;
 * larger requests take whole pages.  A 16-byte header in front of every
 * block records its class, so kfree() needs no size.
 */
#include "kernel.h"
#include "io.h"

#define MIN_SHIFT	5	/* 32 bytes */
#define MAX_SHIFT	11	/* 2 KiB */
#define NCLASSES	(MAX_SHIFT - MIN_SHIFT + 1)
#define HDR		16
#define BIG_MAGIC	0x6b6d616c6c6f6300ULL	/* header tag for page runs */

struct block {
	struct block	*next;
};

static struct block *free_lists[NCLASSES];

static int
class_of(size_t total)
{
	int c = 0;

	while ((1UL << (MIN_SHIFT + c)) < total)
		c++;
	return c;
}

/* Returns zeroed memory, or NULL when out of memory. */
void *
kzalloc(size_t size)
{
	size_t total = size + HDR, n, i;
	uint64_t *hdr, pa, f;
	struct block *b;
	int c;

	if (size == 0)
		return NULL;
	if (total > (1UL << MAX_SHIFT)) {
		n = ALIGN_UP(total, PAGE_SIZE) / PAGE_SIZE;
		pa = pmm_alloc_pages(n, 0);
		if (pa == 0)
			return NULL;
		hdr = (uint64_t *)pa;
		hdr[0] = BIG_MAGIC;
		hdr[1] = n;
		return (uint8_t *)pa + HDR;
	}
	c = class_of(total);
	f = irq_save();
	if (free_lists[c] == NULL) {
		pa = pmm_alloc_pages(1, 0);
		if (pa == 0) {
			irq_restore(f);
			return NULL;
		}
		for (i = 0; i < PAGE_SIZE >> (MIN_SHIFT + c); i++) {
			b = (struct block *)(pa + (i << (MIN_SHIFT + c)));
			b->next = free_lists[c];
			free_lists[c] = b;
		}
	}
	b = free_lists[c];
	free_lists[c] = b->next;
	irq_restore(f);
	memset(b, 0, 1UL << (MIN_SHIFT + c));
	hdr = (uint64_t *)b;
	hdr[0] = (uint64_t)c;
	return (uint8_t *)b + HDR;
}

void
kfree(void *p)
{
	uint64_t *hdr, f, c;
	struct block *b;

	if (p == NULL)
		return;
	hdr = (uint64_t *)((uint8_t *)p - HDR);
	if (hdr[0] == BIG_MAGIC) {
		pmm_free_pages((uint64_t)hdr, hdr[1]);
		return;
	}
	c = hdr[0];
	if (c >= NCLASSES)
		panic("kfree: %p was not allocated by kzalloc", p);
	/* The free-list link reuses the header word. */
	b = (struct block *)hdr;
	f = irq_save();
	b->next = free_lists[c];
	free_lists[c] = b;
	irq_restore(f);
}

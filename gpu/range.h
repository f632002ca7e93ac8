/*
 * A first-fit allocator of address ranges: VRAM, and later GPU VA.
 * Free ranges are kept sorted and merged; the caller serialises.
 */
#ifndef GPU_RANGE_H
#define GPU_RANGE_H

#include <stdint.h>

struct range_node;

struct range_alloc {
	struct range_node *free;	/* sorted by start */
	uint64_t size, used;
};

int	range_init(struct range_alloc *, uint64_t start, uint64_t size);
void	range_fini(struct range_alloc *);
/* GPU_ENOMEM when no free range fits. */
int	range_get(struct range_alloc *, uint64_t size, uint64_t align, uint64_t *start);
/* Take a specific range (it must be free). */
int	range_take(struct range_alloc *, uint64_t start, uint64_t size);
void	range_put(struct range_alloc *, uint64_t start, uint64_t size);

#endif

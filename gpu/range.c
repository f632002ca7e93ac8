/* See range.h. */
#include "metalgpu/errno.h"
#include "os.h"
#include "range.h"

struct range_node {
	uint64_t start, size;
	struct range_node *next;
};

static struct range_node *
node_new(uint64_t start, uint64_t size, struct range_node *next)
{
	struct range_node *n = os_zalloc(sizeof(*n));

	if (n != NULL) {
		n->start = start;
		n->size = size;
		n->next = next;
	}
	return n;
}

int
range_init(struct range_alloc *r, uint64_t start, uint64_t size)
{
	r->size = size;
	r->used = 0;
	r->free = node_new(start, size, NULL);
	return r->free != NULL ? 0 : -GPU_ENOMEM;
}

void
range_fini(struct range_alloc *r)
{
	while (r->free != NULL) {
		struct range_node *n = r->free->next;

		os_free(r->free);
		r->free = n;
	}
}

/* Cut [at, at + size) out of node *pp, which contains it. */
static int
carve(struct range_alloc *r, struct range_node **pp, uint64_t at, uint64_t size)
{
	struct range_node *n = *pp;
	uint64_t end = at + size, nend = n->start + n->size;

	if (at > n->start && end < nend) {
		struct range_node *tail = node_new(end, nend - end, n->next);

		if (tail == NULL)
			return -GPU_ENOMEM;
		n->size = at - n->start;
		n->next = tail;
	} else if (at > n->start) {
		n->size = at - n->start;
	} else if (end < nend) {
		n->start = end;
		n->size = nend - end;
	} else {
		*pp = n->next;
		os_free(n);
	}
	r->used += size;
	return 0;
}

int
range_get(struct range_alloc *r, uint64_t size, uint64_t align, uint64_t *start)
{
	for (struct range_node **pp = &r->free; *pp != NULL; pp = &(*pp)->next) {
		uint64_t at = ((*pp)->start + align - 1) & ~(align - 1);

		if (at - (*pp)->start + size > (*pp)->size ||
		    at < (*pp)->start)
			continue;
		*start = at;
		return carve(r, pp, at, size);
	}
	return -GPU_ENOMEM;
}

int
range_take(struct range_alloc *r, uint64_t start, uint64_t size)
{
	for (struct range_node **pp = &r->free; *pp != NULL; pp = &(*pp)->next) {
		struct range_node *n = *pp;

		if (start >= n->start && start + size <= n->start + n->size)
			return carve(r, pp, start, size);
	}
	return -GPU_EEXIST;
}

void
range_put(struct range_alloc *r, uint64_t start, uint64_t size)
{
	struct range_node **pp = &r->free, *prev = NULL, *n;

	while (*pp != NULL && (*pp)->start < start) {
		prev = *pp;
		pp = &(*pp)->next;
	}
	r->used -= size;
	if (prev != NULL && prev->start + prev->size == start) {
		prev->size += size;
		n = prev;
	} else {
		n = node_new(start, size, *pp);
		if (n == NULL)
			return;	/* the range is lost, never memory */
		*pp = n;
	}
	if (n->next != NULL && n->start + n->size == n->next->start) {
		struct range_node *x = n->next;

		n->size += x->size;
		n->next = x->next;
		os_free(x);
	}
}

/*
 * A translation cache for the shader core's memory accesses: one per host
 * thread that runs waves (dispatch.c), direct-mapped on the 4 KiB VA page
 * of one VMID.  A hit is a bounds check and a pointer; a miss asks
 * gmc_page().  Anything the cache cannot answer (a page that is not there
 * or lacks the permission, an access that leaves its page) returns NULL,
 * and the caller takes the exact path, gmc_read/gmc_write, which records
 * the VM fault and honours fragment contiguity as before.
 *
 * Entries belong to one VM generation (gmc_vm_gen): any GMC register
 * write, e.g. the driver's invalidation request after it changed a page
 * table, empties the cache at the next lookup, as a real UTCL1/L2 TLB
 * flush would.  Not thread-safe: one cache per thread.
 */
#ifndef MODEL_TLB_H
#define MODEL_TLB_H

#include <stddef.h>

#include "model.h"

#define TLB_BITS	6
#define TLB_ENTRIES	(1u << TLB_BITS)
#define TLB_EMPTY	UINT64_MAX	/* no VA page has this number */

struct tlb_entry {
	uint64_t page;		/* va / GMC_PAGE, or TLB_EMPTY */
	uint8_t *host;		/* the page's first byte */
	unsigned perm;		/* GMC_* the mapping allows */
};

struct tlb {
	struct navi23 *m;
	unsigned vmid;
	const atomic_uint *gen;
	unsigned seen;		/* the generation of the entries */
	struct tlb_entry e[TLB_ENTRIES];
};

void	tlb_init(struct tlb *, struct navi23 *, unsigned vmid);
void	*tlb_fill(struct tlb *, uint64_t va, unsigned acc);

/* Fibonacci hashing of the page number: buffers placed at large aligned
 * distances (a[i], b[i], c[i] of one kernel) land in different slots. */
static inline unsigned
tlb_slot(uint64_t page)
{
	return (unsigned)((page * 0x9e3779b97f4a7c15ull) >> (64 - TLB_BITS));
}

/* Host pointer for [va, va + len) allowing every GMC_* access in `acc`,
 * or NULL: take the slow path. */
static inline void *
tlb_lookup(struct tlb *t, uint64_t va, size_t len, unsigned acc)
{
	uint64_t page = va / GMC_PAGE, off = va & (GMC_PAGE - 1);
	const struct tlb_entry *e = &t->e[tlb_slot(page)];

	if (off + len > GMC_PAGE)
		return NULL;
	if (e->page != page || (e->perm & acc) != acc ||
	    atomic_load_explicit(t->gen, memory_order_acquire) != t->seen)
		return tlb_fill(t, va, acc);
	return e->host + off;
}

#endif

/*
 * The shader core's translation cache (tlb.h): misses and flushes.
 */
#include "tlb.h"

static void
flush(struct tlb *t, unsigned gen)
{
	for (unsigned i = 0; i < TLB_ENTRIES; i++)
		t->e[i].page = TLB_EMPTY;
	t->seen = gen;
}

/* Empty, for the pages of `vmid`. */
void
tlb_init(struct tlb *t, struct navi23 *m, unsigned vmid)
{
	t->m = m;
	t->vmid = vmid;
	t->gen = gmc_vm_gen(m);
	flush(t, atomic_load_explicit(t->gen, memory_order_acquire));
}

/*
 * A miss (or a generation change): translate va's page and keep it.  The
 * generation is read before the walk, so a table changed during the walk
 * leaves an entry that the next lookup throws away.  NULL: the page is
 * not there or does not allow all of `acc`.
 */
void *
tlb_fill(struct tlb *t, uint64_t va, unsigned acc)
{
	unsigned gen = atomic_load_explicit(t->gen, memory_order_acquire), perm;
	uint64_t page = va / GMC_PAGE;
	struct tlb_entry *e = &t->e[tlb_slot(page)];
	uint8_t *p;

	if (gen != t->seen)
		flush(t, gen);
	p = gmc_page(t->m, t->vmid, va, &perm);
	if (p == NULL) {
		e->page = TLB_EMPTY;
		return NULL;
	}
	*e = (struct tlb_entry){ page, p, perm };
	return (perm & acc) == acc ? p + (va & (GMC_PAGE - 1)) : NULL;
}

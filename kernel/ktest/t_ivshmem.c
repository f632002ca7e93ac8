/*
 * ivshmem-plain: its shared-memory BAR2 (64-bit, prefetchable, at least
 * 1 GiB; the harness gives it 8 GiB) stands in for the RX 6600's VRAM
 * aperture.  Mapped write-combining, then written and read back across its
 * whole length; the harness re-reads the same words from the host file
 * backing the memory.  Device: qemu docs/specs/ivshmem-spec.rst (BAR2 =
 * shared memory).
 */
#include "io.h"
#include "ktest/ktest.h"
#include "pci.h"
#include "vmm.h"

#define IVSHMEM_VENDOR	0x1af4
#define IVSHMEM_DEVICE	0x1110
#define IVSHMEM_SHM_BAR	2
#define MIN_SIZE	(1ULL << 30)
#define STRIDE		(64UL << 20)	/* the harness checks the same words */

int
t_ivshmem_wc(void)
{
	struct pci_dev *d = pci_find(IVSHMEM_VENDOR, IVSHMEM_DEVICE, 0);
	struct pci_bar *b;
	volatile void *p;
	uint64_t off, pte, seed = ktest_seed();
	int level;

	if (d == NULL)
		return KT_SKIP;
	b = &d->bar[IVSHMEM_SHM_BAR];
	KT_CHECK(b->kind == PCI_BAR_KIND_MEM64 && b->prefetch,
	    "BAR2 is not 64-bit prefetchable");
	KT_CHECK(b->size >= MIN_SIZE, "BAR2 is %#lx bytes", b->size);
	p = pci_map_bar(d, IVSHMEM_SHM_BAR, VMM_WC);
	KT_CHECK(p != NULL, "BAR2 not mapped");
	KT_CHECK(vmm_query((uint64_t)p + b->size - 1, &pte, &level) == 0 &&
	    vmm_pte_cache(pte) == VMM_WC, "last byte of BAR2 not WC");
	for (off = 0; off < b->size; off += STRIDE)
		mmio_write64(p, off, seed ^ off);
	mmio_write64(p, b->size - 8, ~seed);
	/* sfence: WC stores may sit in fill buffers until fenced. */
	__asm__ volatile("sfence" : : : "memory");
	for (off = 0; off < b->size; off += STRIDE)
		KT_CHECK(mmio_read64(p, off) == (seed ^ off), "word at %#lx "
		    "reads %#lx", off, mmio_read64(p, off));
	KT_CHECK(mmio_read64(p, b->size - 8) == ~seed, "last word");
	kprintf("ktest:   ivshmem BAR2 %#lx size %#lx mapped %s (%s pages), "
	    "%lu words checked\n", b->addr, b->size,
	    vmm_cache_name(vmm_pte_cache(pte)), level ? "2M" : "4K",
	    b->size / STRIDE + 1);
	return KT_PASS;
}

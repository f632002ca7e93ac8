/*
 * VT-d DMA remapping (registers and table formats in vtdreg.h).  Legacy
 * (non-scalable) mode: root table -> per-bus context table -> one context
 * entry per device pointing at that device's own second-level page table,
 * so a device reaches only the IOVAs mapped for it.  Any other access is
 * blocked by the hardware and shows up as a fault record, which we report
 * from the fault-event interrupt.  Invalidation is register based and
 * global (section 6.5.1), which is simple and correct, if not fast.
 */
#include "acpi.h"
#include "apicreg.h"
#include "dma.h"
#include "idt.h"
#include "io.h"
#include "iommu.h"
#include "kernel.h"
#include "lapic.h"
#include "pci.h"
#include "vmm.h"
#include "vtdreg.h"

#define MAX_DOMAINS	32
#define IOVA_BASE	0x100000ULL	/* keep IOVA 0 unmapped: it catches bugs */
#define WAIT_NS		100000000ULL	/* hardware acks in microseconds */
#define FAULT_RING	8

struct iommu_domain {
	uint16_t	 did;		/* domain id; 0 is reserved with CM=1 */
	uint64_t	*pgd;		/* top second-level table */
	uint64_t	 next_iova;
	struct pci_dev	*dev;
};

static volatile void *regs;
static uint64_t cap, ecap;
static int levels;		/* 3 (39-bit) or 4 (48-bit) */
static uint64_t *root;		/* 256 root entries, 2 qwords each */
static struct iommu_domain domains[MAX_DOMAINS];
static int ndomains;
static int coherent;
static struct iommu_fault faults[FAULT_RING];
static int fault_head, fault_tail;
static uint64_t nfault_irqs;

static const char *const reasons[] = {
	[VTD_FR_ROOT_P] = "root entry not present",
	[VTD_FR_CTX_P] = "context entry not present",
	[VTD_FR_CTX_INV] = "invalid context entry",
	[VTD_FR_AW] = "address beyond the guest address width",
	[VTD_FR_WRITE] = "write to a page without write permission",
	[VTD_FR_READ] = "read from a page without read permission",
	[VTD_FR_SL_ACCESS] = "second-level paging entry not accessible",
	[VTD_FR_ROOT_TABLE] = "root table address invalid",
	[VTD_FR_CTX_TABLE] = "context table pointer invalid",
	[VTD_FR_ROOT_RSVD] = "reserved bits set in root entry",
	[VTD_FR_CTX_RSVD] = "reserved bits set in context entry",
	[VTD_FR_SL_RSVD] = "reserved bits set in second-level entry",
	[VTD_FR_TT] = "translation type blocked",
};

const char *
iommu_fault_reason(uint8_t r)
{
	if (r < ARRAY_SIZE(reasons) && reasons[r] != NULL)
		return reasons[r];
	return "unknown reason";
}

int
iommu_enabled(void)
{
	return regs != NULL;
}

/* Page-walk coherency off (ECAP.C=0) means table writes must be flushed. */
static void
flush(const void *p)
{
	if (!coherent)
		__asm__ volatile("clflush (%0)" : : "r"(p) : "memory");
}

static int
wait32(uint32_t off, uint32_t mask, uint32_t want, const char *what)
{
	uint64_t end = time_ns() + WAIT_NS;
	uint32_t v;

	do {
		v = mmio_read32(regs, off);
		if ((v & mask) == want)
			return 0;
		cpu_relax();
	} while (time_ns() < end);
	kprintf("iommu: timeout waiting for %s: reg %#x & %#x = %#x, "
	    "want %#x\n", what, off, mask, v & mask, want);
	return -KERR_TIMEDOUT;
}

static int
wait64_clear(uint32_t off, uint64_t bit, const char *what)
{
	uint64_t end = time_ns() + WAIT_NS, v;

	do {
		v = mmio_read64(regs, off);
		if (!(v & bit))
			return 0;
		cpu_relax();
	} while (time_ns() < end);
	kprintf("iommu: timeout waiting for %s: reg %#x = %#lx, want bit "
	    "%#lx clear\n", what, off, v, bit);
	return -KERR_TIMEDOUT;
}

static int
gcmd(uint32_t cmd, int on, const char *what)
{
	uint32_t sts = mmio_read32(regs, VTD_GSTS) & VTD_GSTS_PERSISTENT;

	mmio_write32(regs, VTD_GCMD, on ? sts | cmd : sts & ~cmd);
	return wait32(VTD_GSTS, cmd, on ? cmd : 0, what);
}

static void
invalidate_all(void)
{
	uint32_t iro = VTD_ECAP_IRO(ecap);

	mmio_write64(regs, VTD_CCMD, VTD_CCMD_ICC | VTD_CCMD_GLOBAL);
	wait64_clear(VTD_CCMD, VTD_CCMD_ICC, "context-cache invalidation");
	mmio_write64(regs, iro + VTD_IOTLB_REG, VTD_IOTLB_IVT |
	    VTD_IOTLB_GLOBAL | VTD_IOTLB_DR | VTD_IOTLB_DW);
	wait64_clear(iro + VTD_IOTLB_REG, VTD_IOTLB_IVT, "IOTLB invalidation");
}

/* Drains the fault recording registers into the ring, reporting each. */
static void
collect_faults(void)
{
	uint32_t fro = VTD_CAP_FRO(cap), nfr = VTD_CAP_NFR(cap), sts, i, idx;
	uint64_t lo, hi;
	struct iommu_fault *f;

	sts = mmio_read32(regs, VTD_FSTS);
	if (!(sts & VTD_FSTS_PPF))
		return;
	idx = VTD_FSTS_FRI(sts);
	for (i = 0; i < nfr; i++, idx = (idx + 1) % nfr) {
		hi = mmio_read64(regs, fro + idx * 16 + VTD_FRCD_HI);
		if (!(hi & VTD_FRCD_F))
			continue;
		lo = mmio_read64(regs, fro + idx * 16 + VTD_FRCD_LO);
		f = &faults[fault_head % FAULT_RING];
		f->source = (uint16_t)VTD_FRCD_SID(hi);
		f->addr = lo & ~0xfffULL;
		f->reason = (uint8_t)VTD_FRCD_FR(hi);
		f->is_read = (hi & VTD_FRCD_T) != 0;
		fault_head++;
		kprintf("iommu: DMA fault: device %02x:%02x.%x %s IOVA %#lx: "
		    "reason %#x (%s)\n", f->source >> 8, (f->source >> 3) & 0x1f,
		    f->source & 7, f->is_read ? "read from" : "write to",
		    f->addr, f->reason, iommu_fault_reason(f->reason));
		/* F is write-1-to-clear (10.4.14). */
		mmio_write64(regs, fro + idx * 16 + VTD_FRCD_HI, VTD_FRCD_F);
	}
	mmio_write32(regs, VTD_FSTS, VTD_FSTS_PFO);
}

static void
fault_irq(void *arg, int vector)
{
	(void)arg;
	(void)vector;
	nfault_irqs++;
	collect_faults();
}

/* Pops the oldest reported fault; returns 0 if there was none. */
int
iommu_take_fault(struct iommu_fault *out)
{
	uint64_t f;

	if (regs == NULL)
		return 0;
	f = irq_save();
	collect_faults();	/* in case the interrupt is still in flight */
	if (fault_tail == fault_head) {
		irq_restore(f);
		return 0;
	}
	*out = faults[fault_tail++ % FAULT_RING];
	irq_restore(f);
	return 1;
}

uint64_t
iommu_fault_irqs(void)
{
	return nfault_irqs;
}

static const uint8_t *
find_drhd(uint64_t *base)
{
	const struct acpi_sdt *t = acpi_find("DMAR");
	const uint8_t *p, *end;
	uint16_t type, len;

	if (t == NULL)
		return NULL;
	p = (const uint8_t *)t + DMAR_HEADER_SIZE;
	end = (const uint8_t *)t + t->length;
	for (; p + 4 <= end; p += len) {
		type = *(const uint16_t *)p;
		len = *(const uint16_t *)(p + 2);
		if (len < 4)
			break;
		if (type == DMAR_TYPE_DRHD) {
			memcpy(base, p + DRHD_BASE_OFF, 8);
			return p;
		}
	}
	return NULL;
}

void
iommu_init(void)
{
	uint64_t base;
	uint32_t sagaw;
	const uint8_t *drhd;
	int v;

	drhd = find_drhd(&base);
	if (drhd == NULL) {
		kprintf("iommu: no DMAR table: DMA is identity mapped\n");
		return;
	}
	regs = vmm_map_mmio(base, VTD_REG_SIZE);
	cap = mmio_read64(regs, VTD_CAP);
	ecap = mmio_read64(regs, VTD_ECAP);
	coherent = (ecap & VTD_ECAP_C) != 0;
	sagaw = VTD_CAP_SAGAW(cap);
	if (sagaw & VTD_SAGAW_48)
		levels = 4;
	else if (sagaw & VTD_SAGAW_39)
		levels = 3;
	else {
		kprintf("iommu: no supported address width (SAGAW %#x): "
		    "left off\n", sagaw);
		regs = NULL;
		return;
	}
	kprintf("iommu: VT-d %u.%u at %#lx, cap %#lx ecap %#lx, %d-level "
	    "tables, %u fault records%s\n",
	    mmio_read32(regs, VTD_VER) >> 4 & 0xf,
	    mmio_read32(regs, VTD_VER) & 0xf, base, cap, ecap, levels,
	    (uint32_t)VTD_CAP_NFR(cap),
	    (drhd[DRHD_FLAGS_OFF] & DRHD_INCLUDE_PCI_ALL) ? ", all devices" :
	    "");

	v = vector_alloc(fault_irq, NULL);
	if (v < 0)
		panic("iommu_init: no vector for fault events");
	mmio_write32(regs, VTD_FEDATA, MSI_DATA_VECTOR(v));
	mmio_write32(regs, VTD_FEADDR, MSI_ADDR_BASE |
	    lapic_id() << MSI_ADDR_DEST_SHIFT);
	mmio_write32(regs, VTD_FEUADDR, 0);
	mmio_write32(regs, VTD_FECTL, 0);	/* unmask */

	root = (uint64_t *)pmm_alloc_pages(1, 0);
	if (root == NULL)
		panic("iommu_init: no memory for the root table");
	mmio_write64(regs, VTD_RTADDR, (uint64_t)root);
	if (gcmd(VTD_GCMD_SRTP, 1, "root table pointer (GSTS.RTPS)") != 0)
		goto fail;
	invalidate_all();
	if (gcmd(VTD_GCMD_TE, 1, "translation enable (GSTS.TES)") != 0)
		goto fail;
	kprintf("iommu: DMA remapping on; devices see only what is mapped "
	    "for them\n");
	return;
fail:
	regs = NULL;
	kprintf("iommu: could not be enabled, DMA is identity mapped\n");
}

/* Gives d a domain of its own; NULL when out of domains or memory. */
struct iommu_domain *
iommu_attach(struct pci_dev *d)
{
	struct iommu_domain *dom;
	uint64_t *ctx, *e;
	uint8_t devfn = (uint8_t)(d->dev << 3 | d->fn);

	if (ndomains == MAX_DOMAINS ||
	    ndomains + 1 >= (1 << (4 + 2 * VTD_CAP_ND(cap))))
		return NULL;
	dom = &domains[ndomains];
	dom->pgd = (uint64_t *)pmm_alloc_pages(1, 0);
	if (dom->pgd == NULL)
		return NULL;
	dom->did = (uint16_t)(ndomains + 1);
	dom->next_iova = IOVA_BASE;
	dom->dev = d;
	ndomains++;

	e = &root[d->bus * 2];
	if (!(e[0] & VTD_ROOT_P)) {
		ctx = (uint64_t *)pmm_alloc_pages(1, 0);
		if (ctx == NULL)
			panic("iommu_attach: no memory for a context table");
		e[0] = (uint64_t)ctx | VTD_ROOT_P;
		flush(e);
	}
	ctx = (uint64_t *)(e[0] & VTD_ROOT_CTP);
	e = &ctx[devfn * 2];
	e[1] = (levels == 4 ? VTD_CTX_AW_48 : VTD_CTX_AW_39) |
	    (uint64_t)dom->did << VTD_CTX_DID_SHIFT;
	e[0] = (uint64_t)dom->pgd | VTD_CTX_TT_MULTI | VTD_CTX_P;
	flush(e);
	invalidate_all();
	kprintf("iommu: %02x:%02x.%x attached to domain %u\n", d->bus, d->dev,
	    d->fn, dom->did);
	return dom;
}

static uint64_t *
leaf(struct iommu_domain *dom, uint64_t iova, int create)
{
	uint64_t *t = dom->pgd, *e, pa;
	int l;

	for (l = levels - 1; l > 0; l--) {
		e = &t[(iova >> (12 + 9 * l)) & 0x1ff];
		if (!(*e & (VTD_SL_R | VTD_SL_W))) {
			if (!create)
				return NULL;
			pa = pmm_alloc_pages(1, 0);
			if (pa == 0)
				return NULL;
			*e = pa | VTD_SL_R | VTD_SL_W;
			flush(e);
		}
		t = (uint64_t *)(*e & VTD_SL_ADDR);
	}
	return &t[(iova >> 12) & 0x1ff];
}

int
iommu_map_at(struct iommu_domain *dom, uint64_t iova, uint64_t pa,
    size_t size, int dir)
{
	uint64_t perm = 0, off, *e;

	if (dir & DMA_TO_DEVICE)
		perm |= VTD_SL_R;
	if (dir & DMA_FROM_DEVICE)
		perm |= VTD_SL_W;
	for (off = 0; off < size; off += PAGE_SIZE) {
		e = leaf(dom, iova + off, 1);
		if (e == NULL)
			return -KERR_NOMEM;
		*e = ((pa + off) & VTD_SL_ADDR) | perm;
		flush(e);
	}
	invalidate_all();	/* needed only with CAP.CM, cheap enough */
	return 0;
}

int
iommu_map(struct iommu_domain *dom, uint64_t pa, size_t size, int dir,
    uint64_t mask, uint64_t align, uint64_t *iova)
{
	uint64_t first = ALIGN_DOWN(pa, PAGE_SIZE);
	uint64_t len = ALIGN_UP(pa + size, PAGE_SIZE) - first;
	uint64_t at = ALIGN_UP(dom->next_iova, align < PAGE_SIZE ? PAGE_SIZE :
	    align);
	int err;

	*iova = 0;
	if (at + len - 1 > mask)
		return -KERR_NOMEM;	/* IOVA space below the mask is used */
	err = iommu_map_at(dom, at, first, len, dir);
	if (err != 0)
		return err;
	*iova = at + (pa - first);
	/*
	 * IOVAs are never reused (a bump allocator); a guard page between
	 * mappings turns overruns into faults.
	 */
	dom->next_iova = at + len + PAGE_SIZE;
	return 0;
}

void
iommu_unmap(struct iommu_domain *dom, uint64_t iova, size_t size)
{
	uint64_t first = ALIGN_DOWN(iova, PAGE_SIZE), off, *e;

	for (off = 0; first + off < iova + size; off += PAGE_SIZE) {
		e = leaf(dom, first + off, 0);
		if (e != NULL) {
			*e = 0;
			flush(e);
		}
	}
	invalidate_all();
}

/*
 * GMC v10 on the GC hub: how an engine's GPU address becomes memory.
 *
 * VMID 0 (the kernel): the system aperture maps the frame buffer's MC range
 * straight onto VRAM, the AGP aperture onto system memory, and context 0
 * (GART) is a flat page table.  VMIDs 1-15: a multi-level page table in the
 * gfx10.3 format (include/amd/vm_pte.h).  gmc_xlate walks on every access;
 * the shader core's translation cache (model/tlb.c) keeps pages from
 * gmc_page() and drops them when the VM generation moves: every write to a
 * GMC register (an invalidation request, a context's table base, start,
 * end or control) bumps it, so invalidation requests are still acknowledged
 * at once.
 * Sources: Linux amdgpu/gfxhub_v2_1.c, gmc_v10_0.c, amdgpu_gmc.c.
 */
#include <stdlib.h>
#include <string.h>

#include "amd/gc_10_3_reg.h"
#include "amd/ih_v5.h"
#include "amd/mmhub_2_0_reg.h"
#include "amd/vm_pte.h"
#include "model.h"

/* Where the boot firmware puts the frame buffer in the MC address space
 * (amdgpu reads it back: gfxhub_v2_1_get_fb_location); Navi parts use
 * 0x80_0000_0000, as their dmesg "VRAM: ... 0x0000008000000000" shows. */
#define FB_MC_BASE	0x8000000000ull

struct gmc_ctx {
	uint64_t fb_base, fb_top, fb_offset;
	uint64_t sysap_lo, sysap_hi;
	uint64_t agp_bot, agp_top, agp_base;
	uint32_t cntl;
	uint64_t pt_base, start, end;
};

struct gmc_state {
	atomic_uint gen;	/* VM generation: bumped by GMC register writes */
};

static uint64_t
reg64(struct navi23 *m, uint32_t lo, uint32_t hi)
{
	return reg_get(m, lo) | ((uint64_t)reg_get(m, hi) << 32);
}

static void
snapshot(struct navi23 *m, unsigned vmid, struct gmc_ctx *c)
{
	unsigned a = vmid * GCVM_CTX_ADDR_STRIDE;

	pthread_mutex_lock(&m->lock);
	c->fb_base = (uint64_t)(reg_get(m, GCMC_VM_FB_LOCATION_BASE) & 0xffffff) << 24;
	c->fb_top = ((uint64_t)(reg_get(m, GCMC_VM_FB_LOCATION_TOP) & 0xffffff) << 24) |
	    0xffffff;
	c->fb_offset = (uint64_t)(reg_get(m, GCMC_VM_FB_OFFSET) & 0xffffff) << 24;
	c->sysap_lo = (uint64_t)(reg_get(m, GCMC_VM_SYSTEM_APERTURE_LOW_ADDR) & 0x3fffffff) << 18;
	c->sysap_hi = ((uint64_t)(reg_get(m, GCMC_VM_SYSTEM_APERTURE_HIGH_ADDR) & 0x3fffffff) << 18) |
	    0x3ffff;
	c->agp_bot = (uint64_t)(reg_get(m, GCMC_VM_AGP_BOT) & 0xffffff) << 24;
	c->agp_top = ((uint64_t)(reg_get(m, GCMC_VM_AGP_TOP) & 0xffffff) << 24) | 0xffffff;
	c->agp_base = (uint64_t)(reg_get(m, GCMC_VM_AGP_BASE) & 0xffffff) << 24;
	c->cntl = reg_get(m, GCVM_CONTEXT0_CNTL + vmid * GCVM_CTX_STRIDE);
	c->pt_base = reg64(m, GCVM_CONTEXT0_PAGE_TABLE_BASE_ADDR_LO32 + a,
	    GCVM_CONTEXT0_PAGE_TABLE_BASE_ADDR_HI32 + a);
	c->start = reg64(m, GCVM_CONTEXT0_PAGE_TABLE_START_ADDR_LO32 + a,
	    GCVM_CONTEXT0_PAGE_TABLE_START_ADDR_HI32 + a) << 12;
	c->end = (reg64(m, GCVM_CONTEXT0_PAGE_TABLE_END_ADDR_LO32 + a,
	    GCVM_CONTEXT0_PAGE_TABLE_END_ADDR_HI32 + a) << 12) | 0xfff;
	pthread_mutex_unlock(&m->lock);
}

void *
gmc_vram_ptr(struct navi23 *m, uint64_t pa, uint64_t len)
{
	if (pa >= m->vram_size || len > m->vram_size - pa)
		return NULL;
	return m->vram + pa;
}

/* A page-table or page address: VRAM physical, or system with SYSTEM set. */
static void *
phys_ptr(struct navi23 *m, uint64_t addr, int system, uint64_t len)
{
	if (system)
		return m->bus.dma_ptr(m->bus.ctx, addr, len);
	return gmc_vram_ptr(m, addr, len);
}

static int
read_entry(struct navi23 *m, uint64_t table, int system, uint64_t idx, uint64_t *e)
{
	uint64_t *p = phys_ptr(m, table + 8ull * idx, system, 8);

	if (p == NULL)
		return -1;
	memcpy(e, p, 8);
	return 0;
}

/*
 * Walk the page table of a context; returns the PTE for va (relative to
 * the context start), or 0 with *walker_error set when a table is missing.
 */
static uint64_t
walk(struct navi23 *m, const struct gmc_ctx *c, uint64_t va, int *walker_error)
{
	unsigned depth = F_GET(c->cntl, VM_CONTEXT_CNTL_PAGE_TABLE_DEPTH);
	uint64_t table = c->pt_base & PDE_ADDR_MASK;
	int system = (c->pt_base & PTE_SYSTEM) != 0;
	uint64_t e;

	*walker_error = 0;
	if (depth == 0) {
		/* Flat: one PTE per 4 KiB page from the context start. */
		if (read_entry(m, c->pt_base & PTE_ADDR_MASK, system,
		    va >> VM_PTB_SHIFT, &e) != 0)
			goto bad;
		return e;
	}
	for (int level = (int)depth; level >= 0; level--) {
		unsigned shift = VM_PTB_SHIFT + VM_LEVEL_BITS * (unsigned)level;
		unsigned idx = (unsigned)((va >> shift) & (VM_ENTRIES - 1));

		if (read_entry(m, table, system, idx, &e) != 0)
			goto bad;
		if (level == 0 || !(e & PTE_VALID))
			return e;
		if (level == 1 && (e & PDE_PTE)) {
			/* A 2 MiB page: the entry is the PTE, the offset
			 * inside comes from the low 21 bits of va. */
			return e + (va & ((1ull << VM_PDB0_SHIFT) - 1) & ~0xfffull);
		}
		table = e & PDE_ADDR_MASK;
		system = (e & PTE_SYSTEM) != 0;
	}
bad:
	*walker_error = 1;
	return 0;
}

/* The UTCL2 client id each engine's accesses carry. */
static unsigned
engine_cid(enum navi23_engine who)
{
	switch (who) {
	case NAVI23_ENG_GFX:		return UTCL2_CID_CPG;
	case NAVI23_ENG_COMPUTE:	return UTCL2_CID_CPC;
	case NAVI23_ENG_SDMA0:		return UTCL2_CID_SDMA0;
	case NAVI23_ENG_SDMA1:		return UTCL2_CID_SDMA1;
	default:			return UTCL2_CID_RLC;
	}
}

static void
record_fault(struct navi23 *m, unsigned vmid, uint64_t addr, enum gmc_access acc,
    enum navi23_engine who, int mapping, int walker)
{
	uint32_t status = 0, data[4] = { 0 };

	atomic_fetch_add(&m->stats.vm_faults, 1);
	pthread_mutex_lock(&m->lock);
	if (reg_get(m, GCVM_L2_PROTECTION_FAULT_STATUS) == 0) {
		status = F_PREP(VM_FAULT_STATUS_VMID, vmid) |
		    F_PREP(VM_FAULT_STATUS_RW, acc == GMC_WRITE) |
		    F_PREP(VM_FAULT_STATUS_CID, engine_cid(who)) |
		    F_PREP(VM_FAULT_STATUS_MAPPING_ERROR, mapping) |
		    F_PREP(VM_FAULT_STATUS_WALKER_ERROR, walker) |
		    F_PREP(VM_FAULT_STATUS_PERMISSION_FAULTS, !mapping && !walker);
		reg_put(m, GCVM_L2_PROTECTION_FAULT_STATUS, status);
		reg_put(m, GCVM_L2_PROTECTION_FAULT_ADDR_LO32, (uint32_t)(addr >> 12));
		reg_put(m, GCVM_L2_PROTECTION_FAULT_ADDR_HI32, (uint32_t)(addr >> 44));
	} else {
		reg_put(m, GCVM_L2_PROTECTION_FAULT_STATUS,
		    reg_get(m, GCVM_L2_PROTECTION_FAULT_STATUS) |
		    F_PREP(VM_FAULT_STATUS_MORE_FAULTS, 1));
	}
	pthread_mutex_unlock(&m->lock);
	model_log(m, "VM fault: vmid %u %s 0x%012llx by %s (%s)", vmid,
	    acc == GMC_WRITE ? "write" : acc == GMC_EXEC ? "exec" : "read",
	    (unsigned long long)addr, m->eng[who] ? m->eng[who]->name : "?",
	    walker ? "page table unreachable" : mapping ? "not mapped" :
	    "permission");
	/* gmc_v10_0.c process_interrupt: src_data[0] = page, [1][3:0] = bits
	 * 47:44, bit 5 = write. */
	data[0] = (uint32_t)(addr >> 12);
	data[1] = (uint32_t)((addr >> 44) & 0xf) | (acc == GMC_WRITE ? 1u << 5 : 0);
	ih_push(m, IH_CLIENTID_UTCL2, IH_SRC_VM_FAULT, 0, vmid, data);
}

static uint64_t
perm_bits(enum gmc_access acc)
{
	return acc == GMC_WRITE ? PTE_WRITEABLE :
	    acc == GMC_EXEC ? PTE_EXECUTABLE : PTE_READABLE;
}

/* report: record a VM fault (and raise its interrupt) when the access fails. */
static void *
xlate(struct navi23 *m, unsigned vmid, uint64_t addr, uint64_t len,
    enum gmc_access acc, enum navi23_engine who, uint64_t *contig, bool report)
{
	struct gmc_ctx c;
	uint64_t pte, in_page, pa, frag_bytes;
	int walker, system;
	void *p;

	snapshot(m, vmid, &c);
	if (vmid == 0 && addr >= c.sysap_lo && addr <= c.sysap_hi &&
	    addr >= c.fb_base && addr <= c.fb_top) {
		*contig = len < c.fb_top - addr + 1 ? len : c.fb_top - addr + 1;
		p = gmc_vram_ptr(m, addr - c.fb_base + c.fb_offset, *contig);
		if (p != NULL)
			return p;
		if (report)
			record_fault(m, vmid, addr, acc, who, 1, 0);
		return NULL;
	}
	if (vmid == 0 && addr >= c.agp_bot && addr <= c.agp_top && c.agp_bot < c.agp_top) {
		*contig = len < c.agp_top - addr + 1 ? len : c.agp_top - addr + 1;
		p = m->bus.dma_ptr(m->bus.ctx, addr - c.agp_bot + c.agp_base, *contig);
		if (p != NULL)
			return p;
		if (report)
			record_fault(m, vmid, addr, acc, who, 1, 0);
		return NULL;
	}
	if (!F_GET(c.cntl, VM_CONTEXT_CNTL_ENABLE_CONTEXT) || addr < c.start ||
	    addr > c.end) {
		if (report)
			record_fault(m, vmid, addr, acc, who, 1, 0);
		return NULL;
	}
	pte = walk(m, &c, addr - c.start, &walker);
	if (walker || !(pte & PTE_VALID)) {
		if (report)
			record_fault(m, vmid, addr, acc, who, !walker, walker);
		return NULL;
	}
	if (!(pte & perm_bits(acc))) {
		if (report)
			record_fault(m, vmid, addr, acc, who, 0, 0);
		return NULL;
	}
	/* A fragment promises 2^frag pages contiguous and aligned in both
	 * spaces: the access may run to the end of that block (this is
	 * what fragments buy on hardware too: one TLB entry for the run). */
	frag_bytes = 4096ull << ((pte & PTE_FRAG_MASK) >> PTE_FRAG_SHIFT);
	in_page = frag_bytes - (addr & (frag_bytes - 1));
	*contig = len < in_page ? len : in_page;
	pa = (pte & PTE_ADDR_MASK) + (addr & 0xfff);
	system = (pte & PTE_SYSTEM) != 0;
	p = phys_ptr(m, pa, system, *contig);
	if (p == NULL && report)
		record_fault(m, vmid, addr, acc, who, 1, 0);
	return p;
}

void *
gmc_xlate(struct navi23 *m, unsigned vmid, uint64_t addr, uint64_t len,
    enum gmc_access acc, enum navi23_engine who, uint64_t *contig)
{
	return xlate(m, vmid, addr, len, acc, who, contig, true);
}

void *
gmc_probe(struct navi23 *m, unsigned vmid, uint64_t addr, uint64_t len,
    enum gmc_access acc, uint64_t *contig)
{
	return xlate(m, vmid, addr, len, acc, NAVI23_ENG_COMPUTE, contig, false);
}

static unsigned
pte_perm(uint64_t pte)
{
	return ((pte & PTE_READABLE) ? GMC_READ : 0) |
	    ((pte & PTE_WRITEABLE) ? GMC_WRITE : 0) |
	    ((pte & PTE_EXECUTABLE) ? GMC_EXEC : 0);
}

/* Is [a, a + len) inside [lo, hi] (hi inclusive)? */
static bool
inside(uint64_t a, uint64_t len, uint64_t lo, uint64_t hi)
{
	return a >= lo && a <= hi && len - 1 <= hi - a;
}

void *
gmc_page(struct navi23 *m, unsigned vmid, uint64_t addr, unsigned *perm)
{
	struct gmc_ctx c;
	uint64_t page = addr & ~(GMC_PAGE - 1), pte;
	int walker;

	*perm = 0;
	snapshot(m, vmid, &c);
	/* VMID 0 apertures, decided as xlate() does; they carry no
	 * permissions.  A page that leaves its aperture takes the slow path. */
	if (vmid == 0 && inside(addr, 1, c.sysap_lo, c.sysap_hi) &&
	    inside(addr, 1, c.fb_base, c.fb_top)) {
		*perm = GMC_READ | GMC_WRITE | GMC_EXEC;
		if (!inside(page, GMC_PAGE, c.sysap_lo, c.sysap_hi) ||
		    !inside(page, GMC_PAGE, c.fb_base, c.fb_top))
			return NULL;
		return gmc_vram_ptr(m, page - c.fb_base + c.fb_offset, GMC_PAGE);
	}
	if (vmid == 0 && c.agp_bot < c.agp_top && inside(addr, 1, c.agp_bot, c.agp_top)) {
		*perm = GMC_READ | GMC_WRITE | GMC_EXEC;
		if (!inside(page, GMC_PAGE, c.agp_bot, c.agp_top))
			return NULL;
		return m->bus.dma_ptr(m->bus.ctx, page - c.agp_bot + c.agp_base, GMC_PAGE);
	}
	if (!F_GET(c.cntl, VM_CONTEXT_CNTL_ENABLE_CONTEXT) ||
	    !inside(page, GMC_PAGE, c.start, c.end))
		return NULL;
	pte = walk(m, &c, page - c.start, &walker);
	if (walker || !(pte & PTE_VALID))
		return NULL;
	*perm = pte_perm(pte);
	return phys_ptr(m, pte & PTE_ADDR_MASK, (pte & PTE_SYSTEM) != 0, GMC_PAGE);
}

const atomic_uint *
gmc_vm_gen(struct navi23 *m)
{
	return &m->gmc->gen;
}

int
gmc_read(struct navi23 *m, unsigned vmid, uint64_t addr, void *dst, uint64_t len,
    enum navi23_engine who)
{
	uint8_t *d = dst;

	while (len > 0) {
		uint64_t n;
		void *p = gmc_xlate(m, vmid, addr, len, GMC_READ, who, &n);

		if (p == NULL) {
			memset(d, 0, len);
			return -1;
		}
		memcpy(d, p, n);
		d += n;
		addr += n;
		len -= n;
	}
	return 0;
}

int
gmc_write(struct navi23 *m, unsigned vmid, uint64_t addr, const void *src,
    uint64_t len, enum navi23_engine who)
{
	const uint8_t *s = src;

	while (len > 0) {
		uint64_t n;
		void *p = gmc_xlate(m, vmid, addr, len, GMC_WRITE, who, &n);

		if (p == NULL)
			return -1;
		memcpy(p, s, n);
		s += n;
		addr += n;
		len -= n;
	}
	return 0;
}

/* --- register decode ----------------------------------------------------- */

static void
invalidate(struct navi23 *m, uint32_t ack0, unsigned eng, uint32_t req)
{
	/* No TLB to flush: acknowledge the requested VMIDs at once. */
	reg_put(m, ack0 + eng * GCVM_ENG_STRIDE,
	    F_PREP(VM_INV_ACK_PER_VMID, F_GET(req, VM_INV_REQ_PER_VMID)));
}

static void
gmc_write_reg(struct navi23 *m, uint32_t reg, uint32_t val)
{
	/* Page tables or their registers may have changed: translation
	 * caches start over (release: the new values before the bump). */
	atomic_fetch_add_explicit(&m->gmc->gen, 1, memory_order_release);
	if (reg >= GCVM_INVALIDATE_ENG0_REQ &&
	    reg < GCVM_INVALIDATE_ENG0_REQ + GCVM_NUM_ENG) {
		invalidate(m, GCVM_INVALIDATE_ENG0_ACK, reg - GCVM_INVALIDATE_ENG0_REQ, val);
		return;
	}
	if (reg >= MMVM_INVALIDATE_ENG0_REQ &&
	    reg < MMVM_INVALIDATE_ENG0_REQ + GCVM_NUM_ENG) {
		invalidate(m, MMVM_INVALIDATE_ENG0_ACK, reg - MMVM_INVALIDATE_ENG0_REQ, val);
		return;
	}
	switch (reg) {
	case GCVM_L2_PROTECTION_FAULT_CNTL:
		if (F_GET(val, VM_FAULT_CNTL_CLEAR_PROTECTION_FAULT_STATUS_ADDR)) {
			reg_put(m, GCVM_L2_PROTECTION_FAULT_STATUS, 0);
			reg_put(m, GCVM_L2_PROTECTION_FAULT_ADDR_LO32, 0);
			reg_put(m, GCVM_L2_PROTECTION_FAULT_ADDR_HI32, 0);
		}
		break;
	default:
		break;
	}
}

static bool
gmc_read_reg(struct navi23 *m, uint32_t reg, uint32_t *val)
{
	if ((reg >= GCVM_INVALIDATE_ENG0_SEM &&
	    reg < GCVM_INVALIDATE_ENG0_SEM + GCVM_NUM_ENG) ||
	    (reg >= MMVM_INVALIDATE_ENG0_SEM &&
	    reg < MMVM_INVALIDATE_ENG0_SEM + GCVM_NUM_ENG)) {
		*val = 1;	/* the semaphore is always free */
		return true;
	}
	return false;
}

const struct model_block gmc_block = {
	.name = "gmc",
	.write = gmc_write_reg,
	.read = gmc_read_reg,
};

int
mdl_gmc_init(struct navi23 *m)
{
	uint32_t base = (uint32_t)(FB_MC_BASE >> 24);
	uint32_t top = (uint32_t)((FB_MC_BASE + m->vram_size - 1) >> 24);

	m->gmc = calloc(1, sizeof(*m->gmc));
	if (m->gmc == NULL)
		return -1;
	model_claim_range(m, BLK_GMC, GCVM_CONTEXT0_CNTL, GCVM_NUM_VMID);
	model_claim_range(m, BLK_GMC, GCVM_CONTEXT0_PAGE_TABLE_BASE_ADDR_LO32,
	    2 * GCVM_NUM_VMID);
	model_claim_range(m, BLK_GMC, GCVM_CONTEXT0_PAGE_TABLE_START_ADDR_LO32,
	    2 * GCVM_NUM_VMID);
	model_claim_range(m, BLK_GMC, GCVM_CONTEXT0_PAGE_TABLE_END_ADDR_LO32,
	    2 * GCVM_NUM_VMID);
	model_claim_range(m, BLK_GMC, GCVM_INVALIDATE_ENG0_SEM, GCVM_NUM_ENG);
	model_claim_range(m, BLK_GMC, GCVM_INVALIDATE_ENG0_REQ, GCVM_NUM_ENG);
	model_claim_range(m, BLK_GMC, GCVM_INVALIDATE_ENG0_ACK, GCVM_NUM_ENG);
	model_claim_range(m, BLK_GMC, GCVM_INVALIDATE_ENG0_ADDR_RANGE_LO32,
	    2 * GCVM_NUM_ENG);
	model_claim(m, BLK_GMC, GCVM_L2_PROTECTION_FAULT_CNTL);
	/* MMHUB twins: stored (no MMHUB clients are modelled), but its
	 * invalidation engines answer like the GC hub's. */
	model_claim_range(m, BLK_PLAIN, MMVM_CONTEXT0_CNTL, GCVM_NUM_VMID);
	model_claim_range(m, BLK_PLAIN, MMVM_CONTEXT0_PAGE_TABLE_BASE_ADDR_LO32, 2 * GCVM_NUM_VMID);
	model_claim_range(m, BLK_PLAIN, MMVM_CONTEXT0_PAGE_TABLE_START_ADDR_LO32, 2 * GCVM_NUM_VMID);
	model_claim_range(m, BLK_PLAIN, MMVM_CONTEXT0_PAGE_TABLE_END_ADDR_LO32, 2 * GCVM_NUM_VMID);
	model_claim_range(m, BLK_GMC, MMVM_INVALIDATE_ENG0_SEM, GCVM_NUM_ENG);
	model_claim_range(m, BLK_GMC, MMVM_INVALIDATE_ENG0_REQ, GCVM_NUM_ENG);
	model_claim_range(m, BLK_GMC, MMVM_INVALIDATE_ENG0_ACK, GCVM_NUM_ENG);
	reg_put(m, GCMC_VM_FB_LOCATION_BASE, base);
	reg_put(m, GCMC_VM_FB_LOCATION_TOP, top);
	reg_put(m, MMMC_VM_FB_LOCATION_BASE, base);
	reg_put(m, MMMC_VM_FB_LOCATION_TOP, top);
	return 0;
}

void
mdl_gmc_fini(struct navi23 *m)
{
	free(m->gmc);
	m->gmc = NULL;
}

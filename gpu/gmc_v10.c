/*
 * GMC v10: where VRAM and the GART sit in the GPU's address space, and the
 * VM hubs that translate for the engines.  Follows Linux gmc_v10_0.c
 * (mc_init, gart_enable), gfxhub_v2_1.c and mmhub_v2_0.c (the per-hub
 * programming), amdgpu_gmc.c (GART placement).
 *
 * Layout, as Linux picks it on Navi 2x: VRAM where the boot firmware put it
 * (0x80_0000_0000), a 512 MiB GART at MC address 0.
 */
#include "amd/gc_10_3_reg.h"
#include "amd/mmhub_2_0_reg.h"
#include "amd/vm_pte.h"
#include "amdgpu.h"

#define GART_SIZE		(512ull << 20)	/* amdgpu_gmc.c: default for gfx10 */
#define TLB_ENG_CPU		17		/* amdgpu_gmc.c: engine 17 is the CPU's */
#define VM_NUM_LEVEL		3		/* gmc_v10_0.c sw_init: 4-level tables */
#define VM_MAX_PFN		(1ull << 36)	/* 48-bit VA, 4 KiB pages */

/* The registers one hub is programmed through. */
struct hub {
	const char *name;
	uint32_t ctx0_cntl, ctx0_base_lo, ctx0_start_lo, ctx0_end_lo;
	uint32_t inv_sem, inv_req, inv_ack;
	uint32_t fault_cntl, sys_ap_low;
	bool has_sem;		/* gmc_v10_0.c: only MMHUB takes the semaphore */
};

static const struct hub hubs[] = {
	{ "GFXHUB", GCVM_CONTEXT0_CNTL, GCVM_CONTEXT0_PAGE_TABLE_BASE_ADDR_LO32,
	  GCVM_CONTEXT0_PAGE_TABLE_START_ADDR_LO32, GCVM_CONTEXT0_PAGE_TABLE_END_ADDR_LO32,
	  GCVM_INVALIDATE_ENG0_SEM, GCVM_INVALIDATE_ENG0_REQ, GCVM_INVALIDATE_ENG0_ACK,
	  GCVM_L2_PROTECTION_FAULT_CNTL, GCMC_VM_SYSTEM_APERTURE_LOW_ADDR, false },
	{ "MMHUB", MMVM_CONTEXT0_CNTL, MMVM_CONTEXT0_PAGE_TABLE_BASE_ADDR_LO32,
	  MMVM_CONTEXT0_PAGE_TABLE_START_ADDR_LO32, MMVM_CONTEXT0_PAGE_TABLE_END_ADDR_LO32,
	  MMVM_INVALIDATE_ENG0_SEM, MMVM_INVALIDATE_ENG0_REQ, MMVM_INVALIDATE_ENG0_ACK,
	  MMVM_L2_PROTECTION_FAULT_CNTL, MMMC_VM_SYSTEM_APERTURE_LOW_ADDR, true },
};

static void
wreg64(struct gpu_device *dev, uint32_t lo, uint64_t v)
{
	wreg(dev, lo, (uint32_t)v);
	wreg(dev, lo + 1, (uint32_t)(v >> 32));
}

static int
flush_hub(struct gpu_device *dev, const struct hub *h, unsigned vmid)
{
	uint32_t req = F_PREP(VM_INV_REQ_PER_VMID, 1u << vmid) |
	    F_PREP(VM_INV_REQ_FLUSH_TYPE, 0) |
	    F_PREP(VM_INV_REQ_INVALIDATE_L2_PTES, 1) |
	    F_PREP(VM_INV_REQ_INVALIDATE_L2_PDE0, 1) |
	    F_PREP(VM_INV_REQ_INVALIDATE_L2_PDE1, 1) |
	    F_PREP(VM_INV_REQ_INVALIDATE_L2_PDE2, 1) |
	    F_PREP(VM_INV_REQ_INVALIDATE_L1_PTES, 1);
	uint32_t sem = h->inv_sem + TLB_ENG_CPU * GCVM_ENG_STRIDE;
	uint32_t ack = h->inv_ack + TLB_ENG_CPU * GCVM_ENG_STRIDE;
	int rc;

	if (h->has_sem && (rc = wait_reg(dev, sem, "VM_INVALIDATE_ENG17_SEM", 1, 1,
	    GPU_TIMEOUT_US)) != 0)
		return rc;
	wreg(dev, h->inv_req + TLB_ENG_CPU * GCVM_ENG_STRIDE, req);
	rc = wait_reg(dev, ack, h->has_sem ? "MMVM_INVALIDATE_ENG17_ACK" :
	    "GCVM_INVALIDATE_ENG17_ACK", 1u << vmid, 1u << vmid, GPU_TIMEOUT_US);
	if (h->has_sem)
		wreg(dev, sem, 0);
	return rc;
}

void
gmc_v10_flush_tlb(struct gpu_device *dev, unsigned vmid)
{
	for (unsigned i = 0; i < sizeof(hubs) / sizeof(hubs[0]); i++)
		(void)flush_hub(dev, &hubs[i], vmid);
}

/* gfxhub_v2_1.c init_gart_aperture_regs + setup_vmid_config for one hub. */
static void
program_hub(struct gpu_device *dev, const struct hub *h, uint64_t pt_base)
{
	uint32_t ctx_cntl;

	wreg64(dev, h->ctx0_base_lo, pt_base);
	wreg64(dev, h->ctx0_start_lo, dev->gart_start >> 12);
	wreg64(dev, h->ctx0_end_lo, (dev->gart_start + dev->gart_size - 1) >> 12);
	wreg(dev, h->sys_ap_low, (uint32_t)(dev->vram_start >> 18));
	wreg(dev, h->ctx0_cntl, F_PREP(VM_CONTEXT_CNTL_ENABLE_CONTEXT, 1) |
	    F_PREP(VM_CONTEXT_CNTL_PAGE_TABLE_DEPTH, 0));
	/* VMIDs 1-15: 4-level tables over the whole VA space, every fault
	 * class redirected to the default page and interrupting. */
	ctx_cntl = F_PREP(VM_CONTEXT_CNTL_ENABLE_CONTEXT, 1) |
	    F_PREP(VM_CONTEXT_CNTL_PAGE_TABLE_DEPTH, VM_NUM_LEVEL) |
	    F_PREP(VM_CONTEXT_CNTL_PAGE_TABLE_BLOCK_SIZE, 0) |
	    F_PREP(VM_CONTEXT_CNTL_FAULT_ENABLES, 0x3fff);
	for (unsigned v = 1; v < GCVM_NUM_VMID; v++) {
		wreg(dev, h->ctx0_cntl + v * GCVM_CTX_STRIDE, ctx_cntl);
		wreg64(dev, h->ctx0_start_lo + v * GCVM_CTX_ADDR_STRIDE, 0);
		wreg64(dev, h->ctx0_end_lo + v * GCVM_CTX_ADDR_STRIDE, VM_MAX_PFN - 1);
	}
}

/* gfxhub_v2_1.c init_system_aperture_regs, init_tlb_regs, init_cache_regs. */
static void
program_gfxhub_apertures(struct gpu_device *dev, uint64_t dummy_pa)
{
	/* AGP off: bottom above top. */
	wreg(dev, GCMC_VM_AGP_BASE, 0);
	wreg(dev, GCMC_VM_AGP_BOT, 0xffffff);
	wreg(dev, GCMC_VM_AGP_TOP, 0);
	wreg(dev, GCMC_VM_SYSTEM_APERTURE_HIGH_ADDR, (uint32_t)(dev->vram_end >> 18));
	wreg(dev, GCMC_VM_SYSTEM_APERTURE_DEFAULT_ADDR_LSB, (uint32_t)(dummy_pa >> 12));
	wreg(dev, GCMC_VM_SYSTEM_APERTURE_DEFAULT_ADDR_MSB, (uint32_t)(dummy_pa >> 44));
	wreg(dev, GCVM_L2_PROTECTION_FAULT_DEFAULT_ADDR_LO32, (uint32_t)(dummy_pa >> 12));
	wreg(dev, GCVM_L2_PROTECTION_FAULT_DEFAULT_ADDR_HI32, (uint32_t)(dummy_pa >> 44));
	wreg(dev, GCMC_VM_MX_L1_TLB_CNTL,
	    F_PREP(MC_VM_MX_L1_TLB_CNTL_ENABLE_L1_TLB, 1) |
	    F_PREP(MC_VM_MX_L1_TLB_CNTL_SYSTEM_ACCESS_MODE, 3) |
	    F_PREP(MC_VM_MX_L1_TLB_CNTL_ENABLE_ADVANCED_DRIVER_MODEL, 1) |
	    F_PREP(MC_VM_MX_L1_TLB_CNTL_MTYPE, 3));
	wreg(dev, GCVM_L2_CNTL, F_PREP(VM_L2_CNTL_ENABLE_L2_CACHE, 1) |
	    F_PREP(VM_L2_CNTL_ENABLE_L2_FRAGMENT_PROCESSING, 1));
}

int
gmc_v10_init(struct gpu_device *dev)
{
	uint64_t pt_pa;
	int rc;

	/* gfxhub_v2_1.c get_fb_location: the boot firmware placed VRAM. */
	dev->vram_start = (uint64_t)(rreg(dev, GCMC_VM_FB_LOCATION_BASE) & 0xffffff) << 24;
	dev->vram_end = dev->vram_start + dev->vram_size - 1;
	dev->gart_start = 0;
	dev->gart_size = GART_SIZE;
	if ((rc = mem_init(dev)) != 0)
		return gpu_error(dev, rc, "gmc: no memory for the VRAM allocator");

	dev->gart_map = os_zalloc((size_t)(dev->gart_size >> 12) / 8);
	if (dev->gart_map == NULL)
		return gpu_error(dev, -GPU_ENOMEM, "gmc: no memory for the GART map");
	rc = kbo_alloc(dev, (dev->gart_size >> 12) * 8, 4096, KBO_VRAM, &dev->gart_table);
	if (rc != 0)
		return rc;
	rc = kbo_alloc(dev, 4096, 4096, KBO_VRAM, &dev->dummy_page);
	if (rc != 0)
		return rc;
	dev->gart_ptes = dev->gart_table.cpu;

	/* Page-table addresses are VRAM physical (amdgpu_gmc_vram_mc2pa). */
	pt_pa = dev->gart_table.vram_off | PTE_VALID;
	program_gfxhub_apertures(dev, dev->dummy_page.vram_off);
	for (unsigned i = 0; i < sizeof(hubs) / sizeof(hubs[0]); i++)
		program_hub(dev, &hubs[i], pt_pa);
	hdp_flush(dev);
	for (unsigned i = 0; i < sizeof(hubs) / sizeof(hubs[0]); i++)
		if ((rc = flush_hub(dev, &hubs[i], 0)) != 0)
			return rc;

	rc = kbo_alloc(dev, 256 * 32, 4096, KBO_GTT, &dev->wb);
	if (rc != 0)
		return rc;
	GPU_INFO(dev, "VRAM: %lluM 0x%016llx - 0x%016llx (%lluM used)",
	    (unsigned long long)(dev->vram_size >> 20),
	    (unsigned long long)dev->vram_start, (unsigned long long)dev->vram_end,
	    (unsigned long long)(dev->vram.used >> 20));
	GPU_INFO(dev, "GART: %lluM 0x%016llx - 0x%016llx",
	    (unsigned long long)(dev->gart_size >> 20),
	    (unsigned long long)dev->gart_start,
	    (unsigned long long)(dev->gart_start + dev->gart_size - 1));
	return 0;
}

void
gmc_v10_fini(struct gpu_device *dev)
{
	if (dev->wb.size != 0)
		kbo_free(dev, &dev->wb);
	memset(dev->wb_used, 0, sizeof(dev->wb_used));
	if (dev->gart_table.size != 0) {
		for (unsigned i = 0; i < sizeof(hubs) / sizeof(hubs[0]); i++)
			wreg(dev, hubs[i].ctx0_cntl, 0);
	}
	dev->gart_ptes = NULL;
	kbo_free(dev, &dev->dummy_page);
	kbo_free(dev, &dev->gart_table);
	os_free(dev->gart_map);
	dev->gart_map = NULL;
	mem_fini(dev);
}

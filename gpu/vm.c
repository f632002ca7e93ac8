/*
 * Per-client GPU virtual memory: a 4-level page table in the gfx10.3
 * format (include/amd/vm_pte.h) for the client's VMID, written by the CPU
 * through the VRAM BAR, then HDP flush and a TLB invalidation of that VMID
 * on both hubs.  Fragments follow Linux amdgpu_vm_pt.c
 * (amdgpu_vm_pte_fragment): the largest power-of-two run, up to 2 MiB,
 * whose virtual and physical addresses are both aligned to it.
 */
#include "amd/gc_10_3_reg.h"
#include "amd/ih_v5.h"
#include "amd/mmhub_2_0_reg.h"
#include "amd/vm_pte.h"
#include "bits.h"
#include "client.h"
#include "fmt.h"

#define MAX_FRAG	9	/* 2^9 pages = 2 MiB (amdgpu_vm_adjust_size default) */

static unsigned
level_shift(unsigned level)
{
	return VM_PTB_SHIFT + VM_LEVEL_BITS * level;
}

static void
pt_free(struct gpu_device *dev, struct pt *pt, unsigned level)
{
	if (pt == NULL)
		return;
	if (pt->child != NULL) {
		for (unsigned i = 0; i < VM_ENTRIES; i++)
			pt_free(dev, pt->child[i], level - 1);
		os_free(pt->child);
	}
	kbo_free(dev, &pt->mem);
	os_free(pt);
}

static struct pt *
pt_alloc(struct gpu_device *dev, unsigned level)
{
	struct pt *pt = os_zalloc(sizeof(*pt));

	if (pt == NULL)
		return NULL;
	if (level > 0 && (pt->child = os_zalloc(VM_ENTRIES * sizeof(*pt->child))) == NULL) {
		os_free(pt);
		return NULL;
	}
	if (kbo_alloc(dev, GPU_PAGE_SIZE, GPU_PAGE_SIZE, KBO_VRAM, &pt->mem) != 0) {
		os_free(pt->child);
		os_free(pt);
		return NULL;
	}
	pt->e = pt->mem.cpu;
	return pt;
}

/* The PTB entry for va, creating directories on the way when asked. */
static uint64_t *
pte_slot(struct gpu_device *dev, struct gpu_vm *vm, uint64_t va, bool create)
{
	struct pt *pt = vm->root;

	for (unsigned level = VM_LEVELS - 1; level > 0; level--) {
		unsigned i = (unsigned)((va >> level_shift(level)) & (VM_ENTRIES - 1));

		if (pt->child[i] == NULL) {
			if (!create || (pt->child[i] = pt_alloc(dev, level - 1)) == NULL)
				return NULL;
			pt->e[i] = pt->child[i]->mem.vram_off | PTE_VALID;
			pt->used++;
		}
		pt = pt->child[i];
	}
	return &pt->e[(va >> VM_PTB_SHIFT) & (VM_ENTRIES - 1)];
}

static uint64_t
perm_flags(uint32_t perms)
{
	return PTE_VALID | ((perms & GPU_VM_READ) ? PTE_READABLE : 0) |
	    ((perms & GPU_VM_WRITE) ? PTE_WRITEABLE : 0) |
	    ((perms & GPU_VM_EXEC) ? PTE_EXECUTABLE : 0);
}

/* Write the PTEs of [va, va + size) for m; returns GPU_ENOMEM if a table
 * cannot be allocated. */
static int
write_ptes(struct gpu_device *dev, struct gpu_vm *vm, const struct vm_mapping *m)
{
	uint64_t pfn = m->va >> 12, end = (m->va + m->size) >> 12;

	while (pfn < end) {
		uint64_t flags, pa = bo_page_addr(m->bo, m->bo_offset + ((pfn << 12) - m->va), &flags);
		unsigned frag = ctz64(pfn | (pa >> 12));
		uint64_t n;

		if (frag > log2_floor(end - pfn))
			frag = log2_floor(end - pfn);
		if (frag > MAX_FRAG)
			frag = MAX_FRAG;
		for (n = 0; n < (1ull << frag); n++) {
			uint64_t *e = pte_slot(dev, vm, (pfn + n) << 12, true);

			if (e == NULL)
				return -GPU_ENOMEM;
			*e = ((pa + (n << 12)) & PTE_ADDR_MASK) | flags |
			    perm_flags(m->perms) | PTE_FRAG(frag);
		}
		pfn += n;
	}
	return 0;
}

static void
clear_ptes(struct gpu_device *dev, struct gpu_vm *vm, uint64_t va, uint64_t size)
{
	for (uint64_t a = va; a < va + size; a += GPU_PAGE_SIZE) {
		uint64_t *e = pte_slot(dev, vm, a, false);

		if (e != NULL)
			*e = 0;
	}
}

static void
vm_flush(struct gpu_device *dev, struct gpu_vm *vm)
{
	hdp_flush(dev);
	gmc_v10_flush_tlb(dev, vm->vmid);
}

/* amdgpu_gmc.c pd_addr: the root's VRAM physical address | VALID. */
static void
set_root(struct gpu_device *dev, unsigned vmid, uint64_t pd)
{
	unsigned a = vmid * GCVM_CTX_ADDR_STRIDE;

	wreg(dev, GCVM_CONTEXT0_PAGE_TABLE_BASE_ADDR_LO32 + a, (uint32_t)pd);
	wreg(dev, GCVM_CONTEXT0_PAGE_TABLE_BASE_ADDR_HI32 + a, (uint32_t)(pd >> 32));
	wreg(dev, MMVM_CONTEXT0_PAGE_TABLE_BASE_ADDR_LO32 + a, (uint32_t)pd);
	wreg(dev, MMVM_CONTEXT0_PAGE_TABLE_BASE_ADDR_HI32 + a, (uint32_t)(pd >> 32));
}

int
vm_init(struct gpu_client *c)
{
	struct gpu_device *dev = c->dev;

	c->vm.root = pt_alloc(dev, VM_LEVELS - 1);
	if (c->vm.root == NULL)
		return -GPU_ENOMEM;
	set_root(dev, c->vm.vmid, c->vm.root->mem.vram_off | PTE_VALID);
	vm_flush(dev, &c->vm);
	return 0;
}

void
vm_fini(struct gpu_client *c)
{
	struct gpu_device *dev = c->dev;

	set_root(dev, c->vm.vmid, 0);
	vm_flush(dev, &c->vm);
	while (c->vm.maps != NULL) {
		struct vm_mapping *m = c->vm.maps;

		c->vm.maps = m->next;
		bo_unref(m->bo);
		os_free(m);
	}
	pt_free(dev, c->vm.root, VM_LEVELS - 1);
	c->vm.root = NULL;
}

static bool
aligned(uint64_t v)
{
	return (v & (GPU_PAGE_SIZE - 1)) == 0;
}

/* The mapping list is sorted: the insertion point, or NULL on overlap. */
static struct vm_mapping **
find_slot(struct gpu_vm *vm, uint64_t va, uint64_t size)
{
	struct vm_mapping **pp = &vm->maps;

	while (*pp != NULL && (*pp)->va + (*pp)->size <= va)
		pp = &(*pp)->next;
	if (*pp != NULL && (*pp)->va < va + size)
		return NULL;
	return pp;
}

int
gpu_vm_map(struct gpu_client *c, gpu_handle h, uint64_t bo_offset,
    uint64_t va, uint64_t size, uint32_t perms)
{
	struct gpu_device *dev = c->dev;
	struct vm_mapping *m, **pp;
	struct gpu_bo *bo;
	int rc;

	if (size == 0 || !aligned(va) || !aligned(size) || !aligned(bo_offset) ||
	    perms == 0 || (perms & ~GPU_VM_PERMS_ALL) != 0)
		return -GPU_EINVAL;
	if (va < GPU_VA_START || va > GPU_VA_END || size > GPU_VA_END - va)
		return -GPU_ERANGE;
	os_mutex_lock(dev->api_lock);
	bo = handle_get(c, h, OBJ_BO);
	if (bo == NULL) {
		rc = -GPU_EBADF;
	} else if (bo_offset > bo->size || size > bo->size - bo_offset) {
		rc = -GPU_EINVAL;
	} else if ((pp = find_slot(&c->vm, va, size)) == NULL) {
		rc = -GPU_EEXIST;
	} else if ((m = os_zalloc(sizeof(*m))) == NULL) {
		rc = -GPU_ENOMEM;
	} else {
		m->va = va;
		m->size = size;
		m->bo_offset = bo_offset;
		m->perms = perms;
		m->bo = bo;
		rc = write_ptes(dev, &c->vm, m);
		if (rc == 0) {
			bo_ref(bo);
			m->next = *pp;
			*pp = m;
		} else {
			clear_ptes(dev, &c->vm, va, size);
			os_free(m);
		}
		vm_flush(dev, &c->vm);
	}
	os_mutex_unlock(dev->api_lock);
	return rc;
}

int
gpu_vm_unmap(struct gpu_client *c, uint64_t va, uint64_t size)
{
	struct gpu_device *dev = c->dev;
	struct vm_mapping **pp, *m = NULL;

	if (size == 0 || !aligned(va) || !aligned(size))
		return -GPU_EINVAL;
	os_mutex_lock(dev->api_lock);
	for (pp = &c->vm.maps; *pp != NULL; pp = &(*pp)->next) {
		if ((*pp)->va == va && (*pp)->size == size) {
			m = *pp;
			*pp = m->next;
			break;
		}
	}
	if (m != NULL) {
		clear_ptes(dev, &c->vm, va, size);
		vm_flush(dev, &c->vm);
		unref_after_work(c, m->bo);
		os_free(m);
	}
	os_mutex_unlock(dev->api_lock);
	return m != NULL ? 0 : -GPU_ENOENT;
}

uint64_t
vm_lookup_pte(struct gpu_client *c, uint64_t va)
{
	uint64_t *e, v = 0;

	os_mutex_lock(c->dev->api_lock);
	e = pte_slot(c->dev, &c->vm, va, false);
	if (e != NULL)
		v = *e;
	os_mutex_unlock(c->dev->api_lock);
	return v;
}

int
gpu_vm_fault_query(struct gpu_client *c, struct gpu_vm_fault *f)
{
	int rc;

	os_mutex_lock(c->dev->api_lock);
	*f = c->vm.fault;
	rc = f->count != 0 ? 0 : -GPU_ENOENT;
	os_mutex_unlock(c->dev->api_lock);
	return rc;
}

static const char *const utcl2_clients[] = {
	[UTCL2_CID_CB_DB] = "CB/DB", [UTCL2_CID_GE1] = "GE1", [UTCL2_CID_GE2] = "GE2",
	[UTCL2_CID_CPF] = "CPF", [UTCL2_CID_CPC] = "CPC", [UTCL2_CID_CPG] = "CPG",
	[UTCL2_CID_RLC] = "RLC", [UTCL2_CID_TCP] = "TCP",
	[UTCL2_CID_SQC_INST] = "SQC (inst)", [UTCL2_CID_SQC_DATA] = "SQC (data)",
	[UTCL2_CID_SQG] = "SQG", [UTCL2_CID_SDMA0] = "SDMA0",
	[UTCL2_CID_SDMA1] = "SDMA1", [UTCL2_CID_GCR] = "GCR",
};

static const char *
client_name(unsigned cid)
{
	if (cid >= sizeof(utcl2_clients) / sizeof(utcl2_clients[0]) ||
	    utcl2_clients[cid] == NULL)
		return "unknown";
	return utcl2_clients[cid];
}

/*
 * A GFXHUB page fault (gmc_v10_0.c process_interrupt): log it like Linux,
 * record it for the client owning the VMID, and re-arm the status latch.
 */
static void
vm_fault_irq(struct gpu_device *dev, const uint32_t iv[8], void *arg)
{
	uint64_t addr = ((uint64_t)iv[4] << 12) | ((uint64_t)(iv[5] & 0xf) << 44);
	unsigned vmid = F_GET(iv[0], IV_VMID);
	bool write = (iv[5] & (1u << 5)) != 0;
	uint32_t status = rreg(dev, GCVM_L2_PROTECTION_FAULT_STATUS);
	uint64_t latched = ((uint64_t)rreg(dev, GCVM_L2_PROTECTION_FAULT_ADDR_LO32) << 12) |
	    ((uint64_t)rreg(dev, GCVM_L2_PROTECTION_FAULT_ADDR_HI32) << 44);
	/* The status latches the first fault only: it names the client of
	 * this one only if it holds this address. */
	const char *who = status != 0 && latched == addr ?
	    client_name(F_GET(status, VM_FAULT_STATUS_CID)) : "unknown";

	wreg_field(dev, GCVM_L2_PROTECTION_FAULT_CNTL,
	    VM_FAULT_CNTL_CLEAR_PROTECTION_FAULT_STATUS_ADDR, 1);
	GPU_WARN(dev, "[gfxhub] page fault (vmid:%u) at address 0x%012llx, %s by %s, GCVM_L2_PROTECTION_FAULT_STATUS 0x%08x",
	    vmid, (unsigned long long)addr, write ? "write" : "read", who, status);
	if (vmid == 0 || dev->api_lock == NULL)
		return;		/* the kernel's own VMID: logged only */
	os_mutex_lock(dev->api_lock);
	for (struct gpu_client *c = dev->clients; c != NULL; c = c->next) {
		if (c->vm.vmid != vmid)
			continue;
		c->vm.fault.addr = addr;
		c->vm.fault.vmid = vmid;
		c->vm.fault.write = write;
		gpu_snprintf(c->vm.fault.engine, sizeof(c->vm.fault.engine), "%s", who);
		c->vm.fault.count++;
	}
	os_mutex_unlock(dev->api_lock);
}

/* The GPU API's part of bring-up: VM fault reporting. */
int
api_hw_init(struct gpu_device *dev)
{
	return irq_add(dev, IH_CLIENTID_UTCL2, IH_SRC_VM_FAULT, vm_fault_irq, NULL);
}

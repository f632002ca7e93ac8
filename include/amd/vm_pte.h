/*
 * GPU page-table entry formats on gfx10.3 (GMC v10).
 * Source: Linux drivers/gpu/drm/amd/amdgpu/amdgpu_vm.h (AMDGPU_PTE_*,
 * AMDGPU_PDE_*), gmc_v10_0.c (MTYPE encoding, PDE handling),
 * amdgpu_vm_pt.c (levels and index bits).
 */
#ifndef AMD_VM_PTE_H
#define AMD_VM_PTE_H

#define PTE_VALID		(1ull << 0)
#define PTE_SYSTEM		(1ull << 1)	/* address is a system (bus) address */
#define PTE_SNOOPED		(1ull << 2)
#define PTE_TMZ			(1ull << 3)
#define PTE_EXECUTABLE		(1ull << 4)
#define PTE_READABLE		(1ull << 5)
#define PTE_WRITEABLE		(1ull << 6)
#define PTE_FRAG_SHIFT		7		/* [11:7]: 2^frag contiguous 4 KiB pages */
#define PTE_FRAG_MASK		(0x1full << PTE_FRAG_SHIFT)
#define PTE_FRAG(f)		((uint64_t)(f) << PTE_FRAG_SHIFT)
#define PTE_ADDR_MASK		0x0000fffffffff000ull	/* [47:12] */
#define PTE_MTYPE_SHIFT		48		/* [50:48] on NV10: 0 NC, 1 WC, 2 CC, 3 UC */
#define PTE_MTYPE_MASK		(7ull << PTE_MTYPE_SHIFT)
#define PTE_MTYPE_NC		(0ull << PTE_MTYPE_SHIFT)
#define PTE_MTYPE_UC		(3ull << PTE_MTYPE_SHIFT)
#define PTE_PRT			(1ull << 51)
#define PDE_PTE			(1ull << 54)	/* a PDB0 entry that maps a 2 MiB page */
#define PDE_ADDR_MASK		0x0000ffffffffffc0ull	/* [47:6] */

/* 4-level walk (num_level = 3, block_size = 9): PDB2 -> PDB1 -> PDB0 -> PTB. */
#define VM_LEVEL_BITS		9
#define VM_PTB_SHIFT		12
#define VM_PDB0_SHIFT		21
#define VM_PDB1_SHIFT		30
#define VM_PDB2_SHIFT		39
#define VM_ENTRIES		512

#endif

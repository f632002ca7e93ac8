/*
 * Kernel address space: physical memory and device apertures are mapped 1:1
 * (virtual == physical) with a cache type per mapping; the kernel image is
 * mapped again at KERNEL_VBASE.
 */
#ifndef KERNEL_VMM_H
#define KERNEL_VMM_H

#include <stdint.h>

enum vmm_cache {
	VMM_WB,		/* RAM */
	VMM_WC,		/* write-combining apertures (VRAM BARs, framebuffers) */
	VMM_UC,		/* registers */
};

void	 vmm_init(void);
void	*vmm_map(uint64_t pa, uint64_t size, enum vmm_cache);
void	*vmm_map_mmio(uint64_t pa, uint64_t size);
int	 vmm_query(uint64_t va, uint64_t *pte, int *level);
enum vmm_cache vmm_pte_cache(uint64_t pte);
const char *vmm_cache_name(enum vmm_cache);
uint64_t vmm_virt_to_phys(const void *va);

#endif

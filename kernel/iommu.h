/* VT-d DMA remapping: one domain (second-level page table) per device. */
#ifndef KERNEL_IOMMU_H
#define KERNEL_IOMMU_H

#include <stddef.h>
#include <stdint.h>

struct pci_dev;
struct iommu_domain;

struct iommu_fault {
	uint16_t	 source;	/* requester ID, bus << 8 | devfn */
	uint64_t	 addr;		/* faulting IOVA page */
	uint8_t		 reason;	/* VT-d spec appendix A */
	int		 is_read;
};

void	 iommu_init(void);
int	 iommu_enabled(void);
struct iommu_domain *iommu_attach(struct pci_dev *);
int	 iommu_map(struct iommu_domain *, uint64_t pa, size_t size, int dir,
	    uint64_t mask, uint64_t align, uint64_t *iova);
void	 iommu_unmap(struct iommu_domain *, uint64_t iova, size_t size);
int	 iommu_map_at(struct iommu_domain *, uint64_t iova, uint64_t pa,
	    size_t size, int dir);
int	 iommu_take_fault(struct iommu_fault *);
uint64_t iommu_fault_irqs(void);
const char *iommu_fault_reason(uint8_t);

#endif

/*
 * DMA for PCI devices: coherent buffers and streaming mappings.  Without an
 * IOMMU a bus address is the physical address (identity); with VT-d active
 * every device gets its own domain and sees only what was mapped for it.
 */
#ifndef KERNEL_DMA_H
#define KERNEL_DMA_H

#include <stddef.h>
#include <stdint.h>

struct pci_dev;

struct dma_mem {
	void		*cpu;		/* kernel pointer */
	uint64_t	 pa;		/* physical address */
	uint64_t	 bus;		/* what the device puts on the bus */
	size_t		 size;
};

#define DMA_TO_DEVICE	1	/* device reads */
#define DMA_FROM_DEVICE	2	/* device writes */
#define DMA_BIDIR	3

int	 dma_set_mask(struct pci_dev *, uint64_t mask);
int	 dma_alloc_coherent(struct pci_dev *, size_t, struct dma_mem *);
int	 dma_alloc_aligned(struct pci_dev *, size_t, size_t align,
	    struct dma_mem *);
void	 dma_free_coherent(struct pci_dev *, struct dma_mem *);
int	 dma_map(struct pci_dev *, uint64_t pa, size_t, int dir, uint64_t *bus);
void	 dma_unmap(struct pci_dev *, uint64_t bus, size_t);

#endif

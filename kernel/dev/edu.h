/* Driver for QEMU's edu device: the kernel's DMA and MSI test partner. */
#ifndef KERNEL_DEV_EDU_H
#define KERNEL_DEV_EDU_H

#include <stdint.h>

struct pci_dev;

struct edu {
	struct pci_dev	*pci;
	volatile void	*regs;
	int		 vector;
	volatile uint64_t irqs;		/* MSIs seen */
	volatile uint32_t last_status;	/* IRQ status at the last MSI */
};

int	 edu_open(struct edu *, int nth);
int	 edu_dma(struct edu *, int to_ram, uint64_t bus, uint32_t dev_off,
	    uint32_t len, uint64_t timeout_ms);
void	 edu_close(struct edu *);

#endif

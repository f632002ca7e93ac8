/* A minimal NVMe driver: admin queue with MSI-X, Identify Controller. */
#ifndef KERNEL_DEV_NVME_H
#define KERNEL_DEV_NVME_H

#include <stdint.h>

#include "dma.h"

struct pci_dev;
struct nvme_sqe;

struct nvme {
	struct pci_dev	*pci;
	volatile void	*regs;
	uint32_t	 dstrd;
	uint64_t	 cap;
	struct dma_mem	 asq, acq;
	uint16_t	 sq_tail, cq_head;
	uint8_t		 phase;
	uint16_t	 next_cid;
	int		 vector;
	volatile uint64_t irqs;
};

int	 nvme_open(struct nvme *, int nth);
int	 nvme_identify_ctrl(struct nvme *, struct dma_mem *buf);
uint16_t nvme_submit(struct nvme *, struct nvme_sqe *);
int	 nvme_poll(struct nvme *, uint16_t cid, uint64_t timeout_ms,
	    const uint64_t *irqs_before, uint32_t *result);
void	 nvme_identify_cmd(struct nvme_sqe *, struct dma_mem *buf);
void	 nvme_close(struct nvme *);

#endif

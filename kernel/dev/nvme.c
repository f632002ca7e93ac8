/*
 * NVMe controller bring-up in the order of the NVMe 1.4 spec, 7.6.1:
 * disable and wait for !RDY, program the admin queues (AQA/ASQ/ACQ),
 * configure and enable, wait for RDY; then admin commands whose
 * completions arrive as MSI-X vector 0 (the admin CQ's interrupt).
 */
#include "dev/nvme.h"
#include "dev/nvmereg.h"
#include "io.h"
#include "kernel.h"
#include "pci.h"

#define ADMIN_ENTRIES	16
#define CMD_TIMEOUT_MS	2000

static void
nvme_irq(void *arg, int vector)
{
	struct nvme *n = arg;

	(void)vector;
	n->irqs++;
}

static int
wait_ready(struct nvme *n, int want)
{
	/* CAP.TO is the worst case the controller promises, 500 ms units. */
	uint64_t ms = (NVME_CAP_TO(n->cap) + 1) * 500;
	uint64_t end = time_ns() + ms * 1000000ULL;
	uint32_t csts;

	do {
		csts = mmio_read32(n->regs, NVME_CSTS);
		if (csts & NVME_CSTS_CFS)
			break;
		if (((csts & NVME_CSTS_RDY) != 0) == want)
			return 0;
		delay_us(100);
	} while (time_ns() < end);
	kprintf("nvme: timeout waiting for CSTS.RDY=%d (CSTS %#x after %lu "
	    "ms)\n", want, csts, ms);
	return -KERR_TIMEDOUT;
}

int
nvme_open(struct nvme *n, int nth)
{
	struct pci_dev *d;
	int i, seen = 0, err;

	memset(n, 0, sizeof(*n));
	for (i = 0; (d = pci_get(i)) != NULL; i++)
		if (d->class == NVME_CLASS && d->subclass == NVME_SUBCLASS &&
		    seen++ == nth)
			break;
	if (d == NULL)
		return -KERR_NODEV;
	n->pci = d;
	n->regs = pci_map_bar(d, NVME_BAR, VMM_UC);
	if (n->regs == NULL)
		return -KERR_NODEV;
	pci_enable(d, 1);
	n->cap = mmio_read64(n->regs, NVME_CAP);
	n->dstrd = (uint32_t)NVME_CAP_DSTRD(n->cap);
	if (NVME_CAP_MPSMIN(n->cap) != 0 || NVME_CAP_MQES(n->cap) + 1 <
	    ADMIN_ENTRIES)
		return -KERR_NOTSUP;

	if (pci_msix_enable(d) <= 0)
		return -KERR_NODEV;
	n->vector = pci_msix_bind(d, 0, nvme_irq, n);
	if (n->vector < 0)
		return n->vector;

	mmio_write32(n->regs, NVME_CC, 0);
	if ((err = wait_ready(n, 0)) != 0)
		return err;
	if ((err = dma_alloc_coherent(d, ADMIN_ENTRIES << NVME_SQE_SIZE_LOG2,
	    &n->asq)) != 0)
		return err;
	if ((err = dma_alloc_coherent(d, ADMIN_ENTRIES << NVME_CQE_SIZE_LOG2,
	    &n->acq)) != 0)
		return err;
	n->phase = 1;
	mmio_write32(n->regs, NVME_AQA, NVME_AQA_ASQS(ADMIN_ENTRIES) |
	    NVME_AQA_ACQS(ADMIN_ENTRIES));
	mmio_write64(n->regs, NVME_ASQ, n->asq.bus);
	mmio_write64(n->regs, NVME_ACQ, n->acq.bus);
	mmio_write32(n->regs, NVME_CC, NVME_CC_EN | NVME_CC_CSS_NVM |
	    NVME_CC_MPS(0) | NVME_CC_AMS_RR |
	    NVME_CC_IOSQES(NVME_SQE_SIZE_LOG2) |
	    NVME_CC_IOCQES(NVME_CQE_SIZE_LOG2));
	if ((err = wait_ready(n, 1)) != 0)
		return err;
	kprintf("nvme: %02x:%02x.%x version %#x ready, admin queue %d "
	    "entries, MSI-X vector %#x\n", d->bus, d->dev, d->fn,
	    mmio_read32(n->regs, NVME_VS), ADMIN_ENTRIES, n->vector);
	return 0;
}

/* Submits one admin command and waits for its completion interrupt. */
static int
admin_cmd(struct nvme *n, struct nvme_sqe *cmd, uint32_t *result)
{
	struct nvme_sqe *sq = n->asq.cpu;
	volatile struct nvme_cqe *cq = n->acq.cpu, *c;
	uint64_t end, seen = n->irqs;
	uint16_t cid = n->next_cid++;

	cmd->cid = cid;
	sq[n->sq_tail] = *cmd;
	n->sq_tail = (uint16_t)((n->sq_tail + 1) % ADMIN_ENTRIES);
	barrier();
	mmio_write32(n->regs, NVME_SQ_TAIL_DB(0, n->dstrd), n->sq_tail);

	end = time_ns() + CMD_TIMEOUT_MS * 1000000ULL;
	c = &cq[n->cq_head];
	while (n->irqs == seen || (c->status & NVME_CQE_PHASE) != n->phase) {
		if (time_ns() > end) {
			kprintf("nvme: timeout waiting for the completion of "
			    "admin opcode %#x (cid %u): %lu MSI-X, CQE phase "
			    "%u, want %u, CSTS %#x\n", cmd->opcode, cid,
			    n->irqs - seen, c->status & NVME_CQE_PHASE,
			    n->phase, mmio_read32(n->regs, NVME_CSTS));
			return -KERR_TIMEDOUT;
		}
		__asm__ volatile("hlt");
	}
	if (result != NULL)
		*result = c->result;
	n->cq_head = (uint16_t)((n->cq_head + 1) % ADMIN_ENTRIES);
	if (n->cq_head == 0)
		n->phase ^= 1;
	mmio_write32(n->regs, NVME_CQ_HEAD_DB(0, n->dstrd), n->cq_head);
	if (c->cid != cid || NVME_CQE_STATUS(c->status) != 0) {
		kprintf("nvme: admin opcode %#x failed: cid %u/%u status %#x\n",
		    cmd->opcode, c->cid, cid, NVME_CQE_STATUS(c->status));
		return -KERR_IO;
	}
	return 0;
}

/* Identify Controller into buf (at least 4 KiB of DMA memory). */
int
nvme_identify_ctrl(struct nvme *n, struct dma_mem *buf)
{
	struct nvme_sqe cmd;

	if (buf->size < NVME_ID_SIZE)
		return -KERR_INVAL;
	memset(&cmd, 0, sizeof(cmd));
	cmd.opcode = NVME_ADMIN_IDENTIFY;
	cmd.prp1 = buf->bus;
	cmd.cdw10 = NVME_ID_CNS_CTRL;
	return admin_cmd(n, &cmd, NULL);
}

void
nvme_close(struct nvme *n)
{
	if (n->regs != NULL) {
		mmio_write32(n->regs, NVME_CC, 0);
		wait_ready(n, 0);
	}
	if (n->pci != NULL) {
		dma_free_coherent(n->pci, &n->asq);
		dma_free_coherent(n->pci, &n->acq);
		pci_irq_disable(n->pci);
	}
	memset(n, 0, sizeof(*n));
}

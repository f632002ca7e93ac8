/*
 * NVMe controller bring-up in the order of the NVMe 1.4 spec, 7.6.1:
 * disable and wait for !RDY, program the admin queues (AQA/ASQ/ACQ),
 * configure and enable, wait for RDY; then admin commands whose
 * completions arrive as MSI-X vector 0 (the admin CQ's interrupt).
 */
#include "dev/nvme.h"
#include "dev/nvmereg.h"
#include "idt.h"
#include "io.h"
#include "kernel.h"
#include "pci.h"

#define ADMIN_ENTRIES	16
#define CMD_TIMEOUT_MS	5000

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

/* Queues an admin command; returns its command identifier. */
uint16_t
nvme_submit(struct nvme *n, struct nvme_sqe *cmd)
{
	struct nvme_sqe *sq = n->asq.cpu;

	cmd->cid = n->next_cid++;
	sq[n->sq_tail] = *cmd;
	n->sq_tail = (uint16_t)((n->sq_tail + 1) % ADMIN_ENTRIES);
	barrier();
	mmio_write32(n->regs, NVME_SQ_TAIL_DB(0, n->dstrd), n->sq_tail);
	return cmd->cid;
}

/*
 * Waits for the completion of command cid.  With irqs_before (the
 * interrupt count before submitting), also for the MSI-X interrupt;
 * without, by polling the phase tag alone (the vector may be masked).
 */
int
nvme_poll(struct nvme *n, uint16_t cid, uint64_t timeout_ms,
    const uint64_t *irqs_before, uint32_t *result)
{
	volatile struct nvme_cqe *c = (volatile struct nvme_cqe *)n->acq.cpu +
	    n->cq_head;
	uint64_t end = time_ns() + timeout_ms * 1000000ULL;
	uint64_t seen = irqs_before != NULL ? *irqs_before : 0;
	int want_irq = irqs_before != NULL;
	uint16_t status;

	while ((want_irq && n->irqs == seen) ||
	    (c->status & NVME_CQE_PHASE) != n->phase) {
		if (time_ns() > end) {
			kprintf("nvme: timeout waiting for the completion of "
			    "cid %u%s: %lu MSI-X, CQE phase %u, want %u, "
			    "CSTS %#x\n", cid, want_irq ? " and its MSI-X" : "",
			    n->irqs - seen, c->status & NVME_CQE_PHASE,
			    n->phase, mmio_read32(n->regs, NVME_CSTS));
			return -KERR_TIMEDOUT;
		}
		if (want_irq)
			__asm__ volatile("hlt");
		else
			cpu_relax();
	}
	status = c->status;
	if (result != NULL)
		*result = c->result;
	if (c->cid != cid || NVME_CQE_STATUS(status) != 0) {
		kprintf("nvme: command failed: cid %u/%u status %#x\n", c->cid,
		    cid, NVME_CQE_STATUS(status));
		return -KERR_IO;
	}
	n->cq_head = (uint16_t)((n->cq_head + 1) % ADMIN_ENTRIES);
	if (n->cq_head == 0)
		n->phase ^= 1;
	mmio_write32(n->regs, NVME_CQ_HEAD_DB(0, n->dstrd), n->cq_head);
	return 0;
}

void
nvme_identify_cmd(struct nvme_sqe *cmd, struct dma_mem *buf)
{
	memset(cmd, 0, sizeof(*cmd));
	cmd->opcode = NVME_ADMIN_IDENTIFY;
	cmd->prp1 = buf->bus;
	cmd->cdw10 = NVME_ID_CNS_CTRL;
}

/* Identify Controller into buf (at least 4 KiB of DMA memory). */
int
nvme_identify_ctrl(struct nvme *n, struct dma_mem *buf)
{
	struct nvme_sqe cmd;
	uint64_t seen = n->irqs;
	uint16_t cid;
	int err;

	if (buf->size < NVME_ID_SIZE)
		return -KERR_INVAL;
	nvme_identify_cmd(&cmd, buf);
	cid = nvme_submit(n, &cmd);
	err = nvme_poll(n, cid, CMD_TIMEOUT_MS, &seen, NULL);
	return err;
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
		if (n->vector > 0)
			vector_free(n->vector);
	}
	memset(n, 0, sizeof(*n));
}

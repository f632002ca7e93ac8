/*
 * The interrupt handler ring (OSSSYS 5.0): the GPU writes 32-byte entries
 * into a ring in system memory, writes its write pointer back and raises
 * the MSI.  Programming follows Linux amdgpu/navi10_ih.c
 * (navi10_ih_enable_ring, navi10_ih_irq_init) and nbio_v2_3.c
 * (ih_doorbell_range).
 */
#include "amd/ih_v5.h"
#include "amd/nbio_2_3_reg.h"
#include "amd/osssys_5_0_reg.h"
#include "amdgpu.h"
#include "bits.h"
#include "doorbell.h"

#define IH_RING_BYTES	(256u << 10)	/* navi10_ih.c sw_init: 256 KiB */

struct ih_state {
	struct kbo ring;
	struct wb_slot wptr_wb;
	uint32_t rptr;		/* bytes */
	uint32_t doorbell;
	struct os_mutex *lock;	/* one interrupt handler at a time */
	uint64_t entries, overflows;
};

static void
program_ring(struct gpu_device *dev, struct ih_state *ih)
{
	uint32_t cntl;

	wreg(dev, IH_RB_BASE, (uint32_t)(ih->ring.gpu >> 8));
	wreg(dev, IH_RB_BASE_HI, (uint32_t)(ih->ring.gpu >> 40));
	wreg(dev, IH_RB_WPTR_ADDR_LO, (uint32_t)ih->wptr_wb.gpu);
	wreg(dev, IH_RB_WPTR_ADDR_HI, (uint32_t)(ih->wptr_wb.gpu >> 32));
	wreg(dev, IH_RB_RPTR, 0);
	wreg(dev, IH_RB_WPTR, 0);
	/* The read pointer is posted by doorbell (navi10_ih.c doorbell_rptr). */
	wreg(dev, IH_DOORBELL_RPTR, F_PREP(IH_DOORBELL_RPTR_OFFSET, ih->doorbell) |
	    F_PREP(IH_DOORBELL_RPTR_ENABLE, 1));
	wreg(dev, BIF_IH_DOORBELL_RANGE, F_PREP(BIF_DOORBELL_RANGE_OFFSET, ih->doorbell) |
	    F_PREP(BIF_DOORBELL_RANGE_SIZE, 2));
	cntl = F_PREP(IH_RB_CNTL_RB_SIZE, log2_ceil(IH_RING_BYTES / 4)) |
	    F_PREP(IH_RB_CNTL_WPTR_WRITEBACK_ENABLE, 1) |
	    F_PREP(IH_RB_CNTL_WPTR_OVERFLOW_ENABLE, 1) |
	    F_PREP(IH_RB_CNTL_RB_FULL_DRAIN_ENABLE, 1) |
	    F_PREP(IH_RB_CNTL_MC_SNOOP, 1) |
	    F_PREP(IH_RB_CNTL_RPTR_REARM, 1) |
	    F_PREP(IH_RB_CNTL_ENABLE_INTR, 1) |
	    F_PREP(IH_RB_CNTL_RB_ENABLE, 1);
	wreg(dev, IH_RB_CNTL, cntl);
}

static void
ih_isr(void *arg)
{
	irq_process(arg);
}

int
ih_init(struct gpu_device *dev)
{
	struct ih_state *ih = os_zalloc(sizeof(*ih));
	int rc;

	if (ih == NULL)
		return gpu_error(dev, -GPU_ENOMEM, "ih: out of memory");
	dev->ih = ih;
	ih->lock = os_mutex_create();
	if (ih->lock == NULL)
		return gpu_error(dev, -GPU_ENOMEM, "ih: out of memory");
	if ((rc = kbo_alloc(dev, IH_RING_BYTES, 4096, KBO_GTT, &ih->ring)) != 0 ||
	    (rc = wb_get(dev, &ih->wptr_wb)) != 0)
		return rc;
	ih->doorbell = DB_DWORD(DB_IH);
	program_ring(dev, ih);
	rc = os_irq_register(dev->os, ih_isr, dev);
	if (rc != 0)
		return gpu_error(dev, rc, "ih: cannot register the MSI handler");
	dev->irq_registered = true;
	GPU_INFO(dev, "IH ring: %u KiB at 0x%llx, doorbell 0x%x",
	    IH_RING_BYTES >> 10, (unsigned long long)ih->ring.gpu, ih->doorbell);
	return 0;
}

void
ih_fini(struct gpu_device *dev)
{
	struct ih_state *ih = dev->ih;

	if (ih == NULL)
		return;
	if (dev->irq_registered) {
		wreg(dev, IH_RB_CNTL, 0);
		os_irq_unregister(dev->os);
		dev->irq_registered = false;
	}
	wb_put(dev, &ih->wptr_wb);
	kbo_free(dev, &ih->ring);
	os_mutex_destroy(ih->lock);
	os_free(ih);
	dev->ih = NULL;
	dev->nirq = 0;
}

int
irq_add(struct gpu_device *dev, unsigned client, unsigned src,
    irq_handler_fn *fn, void *arg)
{
	if (dev->nirq == GPU_MAX_IRQ_SOURCES)
		return gpu_error(dev, -GPU_ENOSPC, "irq: too many sources");
	dev->irq[dev->nirq].client = client;
	dev->irq[dev->nirq].src = src;
	dev->irq[dev->nirq].fn = fn;
	dev->irq[dev->nirq].arg = arg;
	dev->nirq++;
	return 0;
}

static void
dispatch(struct gpu_device *dev, const uint32_t *iv)
{
	unsigned client = F_GET(iv[0], IV_CLIENT_ID), src = F_GET(iv[0], IV_SRC_ID);
	bool handled = false;

	for (unsigned i = 0; i < dev->nirq; i++) {
		if (dev->irq[i].client == client && dev->irq[i].src == src) {
			dev->irq[i].fn(dev, iv, dev->irq[i].arg);
			handled = true;
		}
	}
	if (!handled)
		GPU_DBG(dev, "unhandled interrupt: client 0x%x src %u ring %u",
		    client, src, F_GET(iv[0], IV_RING_ID));
}

/* amdgpu_ih.c amdgpu_ih_process: drain entries up to the written-back wptr. */
void
irq_process(struct gpu_device *dev)
{
	struct ih_state *ih = dev->ih;
	uint32_t mask, wptr;

	if (ih == NULL)
		return;
	os_mutex_lock(ih->lock);
	mask = IH_RING_BYTES - 1;
	for (;;) {
		wptr = *ih->wptr_wb.cpu;
		if (F_GET(wptr, IH_RB_WPTR_RB_OVERFLOW)) {
			ih->overflows++;
			GPU_WARN(dev, "IH ring overflow (rptr 0x%x)", ih->rptr);
			wreg_field(dev, IH_RB_CNTL, IH_RB_CNTL_WPTR_OVERFLOW_CLEAR, 1);
		}
		wptr &= mask & ~(IH_ENTRY_BYTES - 1);
		if (wptr == ih->rptr)
			break;
		while (ih->rptr != wptr) {
			const uint32_t *iv = (const uint32_t *)
			    ((const uint8_t *)ih->ring.cpu + ih->rptr);

			dispatch(dev, iv);
			ih->entries++;
			ih->rptr = (ih->rptr + IH_ENTRY_BYTES) & mask;
		}
		wdoorbell32(dev, ih->doorbell, ih->rptr);
	}
	os_mutex_unlock(ih->lock);
}

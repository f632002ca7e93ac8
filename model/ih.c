/*
 * The interrupt handler block (OSSSYS 5.0): writes 32-byte IV entries into
 * the ring the driver set up, writes the new write pointer back to memory
 * and raises the MSI.  Ring and write-back addresses are GPU addresses of
 * VMID 0.  Source: Linux amdgpu/navi10_ih.c.
 */
#include <stdlib.h>
#include <time.h>

#include "amd/ih_v5.h"
#include "amd/osssys_5_0_reg.h"
#include "model.h"

struct ih_state {
	uint32_t wptr;		/* bytes */
	int busy;		/* an entry is being written (m->lock held) */
};

static uint64_t
timestamp(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	/* A 100 MHz GPU clock, like the reference clock Linux reports. */
	return ((uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec) / 10;
}

void
ih_push(struct navi23 *m, unsigned client, unsigned src, unsigned ring_id,
    unsigned vmid, const uint32_t src_data[4])
{
	uint32_t e[IH_ENTRY_DWORDS];
	uint64_t ts = timestamp(), base, wb;
	uint32_t cntl, size, rptr, wptr;
	int raise;

	e[0] = F_PREP(IV_CLIENT_ID, client) | F_PREP(IV_SRC_ID, src) |
	    F_PREP(IV_RING_ID, ring_id) | F_PREP(IV_VMID, vmid);
	e[1] = (uint32_t)ts;
	e[2] = F_PREP(IV_TIMESTAMP_HI, ts >> 32);
	e[3] = 0;
	for (int i = 0; i < 4; i++)
		e[4 + i] = src_data[i];

	pthread_mutex_lock(&m->lock);
	cntl = reg_get(m, IH_RB_CNTL);
	/* A fault while writing the ring itself must not recurse. */
	if (!F_GET(cntl, IH_RB_CNTL_RB_ENABLE) || m->ih->busy) {
		pthread_mutex_unlock(&m->lock);
		return;
	}
	size = 4u << F_GET(cntl, IH_RB_CNTL_RB_SIZE);
	base = ((uint64_t)reg_get(m, IH_RB_BASE) << 8) |
	    ((uint64_t)reg_get(m, IH_RB_BASE_HI) << 40);
	wb = reg_get(m, IH_RB_WPTR_ADDR_LO) |
	    ((uint64_t)reg_get(m, IH_RB_WPTR_ADDR_HI) << 32);
	rptr = reg_get(m, IH_RB_RPTR) & (size - 1);
	wptr = m->ih->wptr & (size - 1);
	if (((wptr + IH_ENTRY_BYTES) & (size - 1)) == rptr) {
		reg_put(m, IH_RB_WPTR, wptr | F_PREP(IH_RB_WPTR_RB_OVERFLOW, 1));
		pthread_mutex_unlock(&m->lock);
		model_log(m, "ih: ring full, entry (client 0x%x src %u) lost",
		    client, src);
		return;
	}
	m->ih->busy = 1;
	gmc_write(m, 0, base + wptr, e, sizeof(e), NAVI23_ENG_GFX);
	wptr = (wptr + IH_ENTRY_BYTES) & (size - 1);
	m->ih->wptr = wptr;
	reg_put(m, IH_RB_WPTR, wptr);
	if (F_GET(cntl, IH_RB_CNTL_WPTR_WRITEBACK_ENABLE))
		gmc_write(m, 0, wb, &wptr, 4, NAVI23_ENG_GFX);
	m->ih->busy = 0;
	raise = F_GET(cntl, IH_RB_CNTL_ENABLE_INTR);
	pthread_mutex_unlock(&m->lock);
	if (raise) {
		atomic_fetch_add(&m->stats.irqs, 1);
		m->bus.msi(m->bus.ctx);
	}
}

static void
ih_write_reg(struct navi23 *m, uint32_t reg, uint32_t val)
{
	switch (reg) {
	case IH_RB_WPTR:
		/* The driver clears the overflow flag by writing WPTR. */
		m->ih->wptr = F_GET(val, IH_RB_WPTR_OFFSET) << 2;
		break;
	case IH_RB_CNTL:
		if (F_GET(val, IH_RB_CNTL_WPTR_OVERFLOW_CLEAR))
			reg_put(m, IH_RB_WPTR, m->ih->wptr);
		break;
	default:
		break;
	}
}

/* IH_DOORBELL_RPTR: the driver may post its read pointer by doorbell. */
static void
ih_doorbell(struct navi23 *m, uint32_t index, uint32_t val)
{
	uint32_t db = reg_get(m, IH_DOORBELL_RPTR);

	if (F_GET(db, IH_DOORBELL_RPTR_ENABLE) &&
	    F_GET(db, IH_DOORBELL_RPTR_OFFSET) == index)
		reg_put(m, IH_RB_RPTR, val);
}

const struct model_block ih_block = {
	.name = "ih",
	.write = ih_write_reg,
	.doorbell = ih_doorbell,
};

int
mdl_ih_init(struct navi23 *m)
{
	m->ih = calloc(1, sizeof(*m->ih));
	if (m->ih == NULL)
		return -1;
	model_claim(m, BLK_IH, IH_RB_WPTR);
	model_claim(m, BLK_IH, IH_RB_CNTL);
	return 0;
}

void
mdl_ih_fini(struct navi23 *m)
{
	free(m->ih);
	m->ih = NULL;
}

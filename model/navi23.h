/*
 * The navi23 model: a register-level functional model of an AMD Radeon
 * RX 6600 (Navi 23, gfx1032).  This is the whole interface a host (the
 * host runtime, a test) has with it, and it is exactly what a PCI device
 * offers: BARs, DMA into system memory, and an MSI.
 *
 *   BAR0  VRAM aperture (all of VRAM, as with resizable BAR), memfd-backed
 *   BAR2  doorbells
 *   BAR5  registers
 */
#ifndef MODEL_NAVI23_H
#define MODEL_NAVI23_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NAVI23_BAR_VRAM		0
#define NAVI23_BAR_DOORBELL	2
#define NAVI23_BAR_MMIO		5

#define NAVI23_MMIO_BYTES	(1u << 20)	/* BAR5: 1 MiB */
#define NAVI23_DOORBELL_BYTES	(2u << 20)	/* BAR2: 2 MiB */

struct navi23;

/* What the model needs from the machine it is plugged into. */
struct navi23_bus {
	void *ctx;
	/* Host pointer for [bus_addr, bus_addr + len) of system memory, or
	 * NULL if that range is not backed (a DMA error on real hardware). */
	void *(*dma_ptr)(void *ctx, uint64_t bus_addr, uint64_t len);
	/* Raise the device's MSI. */
	void (*msi)(void *ctx);
};

struct navi23_config {
	uint64_t vram_bytes;		/* 8 GiB on an RX 6600 */
	uint16_t device_id;		/* 0x73ff */
	uint8_t revision;		/* PCI revision: 0xc7 = RX 6600 */
	bool quiet;			/* no log lines on stderr (tests) */
};

void	navi23_default_config(struct navi23_config *);
struct navi23 *navi23_create(const struct navi23_config *, const struct navi23_bus *);
void	navi23_destroy(struct navi23 *);

uint32_t navi23_mmio_read(struct navi23 *, int bar, uint64_t offset);
void	navi23_mmio_write(struct navi23 *, int bar, uint64_t offset, uint32_t val);

/* BAR0: the VRAM backing store, and its memfd (so other processes can map
 * the very same pages). */
void	*navi23_vram(struct navi23 *, uint64_t *size);
int	navi23_vram_fd(struct navi23 *);

/* PCI configuration values the model answers with. */
void	navi23_pci_ids(struct navi23 *, uint16_t *vendor, uint16_t *device,
	    uint8_t *revision);

/* --- Fault injection (tests) ---------------------------------------------- */
enum navi23_engine {
	NAVI23_ENG_GFX,		/* CP gfx ring (PFP/ME) */
	NAVI23_ENG_COMPUTE,	/* MEC hardware queues */
	NAVI23_ENG_SDMA0,
	NAVI23_ENG_SDMA1,
	NAVI23_ENG_PSP,
	NAVI23_ENG_SMU,
	NAVI23_ENG_COUNT
};

enum navi23_fault {
	NAVI23_FAULT_NONE,
	NAVI23_FAULT_DROP_WRITE,	/* the engine's next `arg` memory/register writes are dropped */
	NAVI23_FAULT_HANG,		/* the engine stops executing until reset */
	NAVI23_FAULT_PSP_ERROR,		/* the PSP answers GFX command id `arg` with an error */
	NAVI23_FAULT_PSP_BL_ERROR,	/* the PSP bootloader never answers command `arg` */
};

void	navi23_inject(struct navi23 *, enum navi23_engine, enum navi23_fault, uint32_t arg);

/* Counters for tests and `metalgpu info`. */
struct navi23_stats {
	uint64_t mmio_reads, mmio_writes, doorbells, irqs;
	uint64_t unknown_reg_accesses;
	uint64_t pm4_packets, sdma_packets, psp_cmds, vm_faults;
	uint64_t shader_waves, shader_insts;	/* compute waves, wave instructions */
};
void	navi23_stats(struct navi23 *, struct navi23_stats *);

#endif

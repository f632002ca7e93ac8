/*
 * The driver's device structure and the interfaces between its files.
 * It doubles as a map of gpu/ (xv6 defs.h style): each section names the
 * file that implements it.
 */
#ifndef GPU_AMDGPU_H
#define GPU_AMDGPU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "amd/amd_reg.h"
#include "metalgpu/errno.h"
#include "metalgpu/gpu.h"
#include "os.h"
#include "range.h"
#include "ucode.h"

struct gpu_device;
struct gpu_ring;

/* PCI BARs (amdgpu_device.c: rmmio = BAR5, doorbells = BAR2, VRAM = BAR0). */
#define GPU_BAR_VRAM		0
#define GPU_BAR_DOORBELL	2
#define GPU_BAR_MMIO		5

/*
 * How long any single hardware wait may take.  Linux's adev->usec_timeout
 * is 100 ms for silicon; the model runs on shared CPU cores, often under
 * sanitizers, so it gets ten times that.
 */
#define GPU_TIMEOUT_US		1000000u

/* A kernel-owned buffer: in VRAM, or system pages mapped through the GART. */
enum kbo_domain { KBO_VRAM, KBO_GTT };
struct kbo {
	enum kbo_domain domain;
	void *cpu;
	uint64_t gpu;		/* MC address (VMID 0) */
	uint64_t size;
	uint64_t vram_off;	/* KBO_VRAM: offset in VRAM */
	uint64_t gart_off;	/* KBO_GTT: offset in the GART aperture */
	struct os_dma dma;	/* KBO_GTT: the system pages */
};

/* One write-back slot: a dword the GPU writes and the CPU reads. */
struct wb_slot {
	volatile uint32_t *cpu;
	uint64_t gpu;
	unsigned index;
};

typedef void irq_handler_fn(struct gpu_device *, const uint32_t iv[8], void *arg);

struct irq_source {
	unsigned client, src;
	irq_handler_fn *fn;
	void *arg;
};
#define GPU_MAX_IRQ_SOURCES	16

enum ring_type { RING_GFX, RING_COMPUTE, RING_SDMA };

struct ring_funcs {
	/* Dwords a fence/IB emission may take, for space checks. */
	unsigned fence_dw, ib_dw;
	void (*emit_ib)(struct gpu_ring *, uint64_t ib_gpu, uint32_t ndw, unsigned vmid);
	void (*emit_fence)(struct gpu_ring *, uint64_t addr, uint32_t seq, bool irq);
	void (*set_wptr)(struct gpu_ring *);	/* doorbell or register */
	void (*pad)(struct gpu_ring *);		/* align wptr as the engine wants */
	int (*test_ring)(struct gpu_ring *);
	int (*test_ib)(struct gpu_ring *);
	/* Stop the engine, ring_clear(), reprogram and restart the ring
	 * (Linux amdgpu_ring_funcs.reset); 0 or a GPU_E* code. */
	int (*reset)(struct gpu_ring *);
};

struct gpu_ring {
	struct gpu_device *dev;
	char name[16];
	enum ring_type type;
	const struct ring_funcs *funcs;
	struct kbo buf;
	uint32_t *ptr;			/* = buf.cpu */
	uint32_t size_dw, mask;
	uint64_t wptr;			/* dwords, never wraps */
	struct wb_slot rptr_wb;		/* the engine's read pointer */
	struct wb_slot wptr_wb[2];	/* wptr poll/shadow (64-bit) */
	struct wb_slot fence_wb;	/* last completed fence sequence */
	uint32_t fence_seq;		/* last emitted */
	/* The fence value as of the last fence interrupt.  Jobs retire by
	 * this, not by the memory value, so that every interrupt the GPU
	 * raised before a job's fence (a VM fault) is handled first. */
	uint32_t irq_fence;
	struct os_event *fence_event;	/* signalled by the interrupt */
	/* Hang detection (queue.c, api_lock): the fence value last seen
	 * and when it last changed or the ring last went from idle to busy. */
	uint32_t hang_fence;
	uint64_t progress_ns;
	uint32_t doorbell;		/* dword index in BAR2 */
	unsigned me, pipe, queue;	/* CP rings */
	unsigned instance;		/* SDMA engine */
	struct gpu_ring_info test;	/* results of the ring/IB tests */
	bool ready;
};

struct gpu_ip_block {
	const char *name;
	int (*init)(struct gpu_device *);
	void (*fini)(struct gpu_device *);
};

struct psp_state;
struct smu_state;
struct gfx_state;
struct sdma_state;
struct ih_state;

struct gpu_device {
	struct os_dev *os;
	char err[256];
	struct os_pci_id pci;

	/* discovery.c */
	uint32_t reg_base[IP_COUNT][AMD_MAX_SEGS];
	struct gpu_ip_info ips[GPU_MAX_IPS];
	unsigned nips;
	uint8_t ip_major[IP_COUNT], ip_minor[IP_COUNT], ip_rev[IP_COUNT];
	uint32_t gc_info[32];		/* discovery gc_info_v1_0 fields */
	uint32_t rev_id, external_rev;

	/* firmware.c */
	struct gpu_fw {
		const void *data;
		size_t size;
		struct ucode_info info;
	} fw[UCODE_FILE_COUNT];

	/* gmc_v10.c, mem.c */
	uint8_t *vram_cpu;		/* BAR0 mapping */
	uint64_t vram_size, vram_bar_size;
	uint64_t vram_start, vram_end;	/* MC */
	uint64_t gart_start, gart_size;	/* MC */
	struct kbo gart_table;
	struct kbo dummy_page;		/* where faulting accesses land */
	uint64_t *gart_ptes;
	struct range_alloc vram;	/* VRAM offsets, for the driver and clients */
	uint8_t *gart_map;		/* page bitmap of the GART aperture */
	struct kbo wb;			/* write-back slots */
	uint32_t wb_used[8];		/* bitmap of 256 slots */
	struct os_mutex *mem_lock;

	/* irq.c, ih.c */
	struct ih_state *ih;
	struct irq_source irq[GPU_MAX_IRQ_SOURCES];
	unsigned nirq;
	bool irq_registered;

	struct psp_state *psp;
	struct smu_state *smu;
	struct gfx_state *gfx;
	struct sdma_state *sdma;

	uint32_t gfx_active_cus;	/* gfx_v10.c, from the harvest registers */
	uint32_t gfx_cu_bitmap[4][4];	/* gfx_v10.c: active CUs per [SE][SA] */

	struct gpu_ring *rings[GPU_MAX_RINGS];
	unsigned nrings;

	/* client.c: the GPU API's state (see client.h) */
	struct os_mutex *api_lock;
	struct gpu_client *clients;
	uint16_t vmid_used;		/* bit n: VMID n belongs to a client */
	struct export {
		uint64_t token;
		unsigned kind;
		void *obj;
	} *exports;
	unsigned nexports, maxexports;
	uint64_t token_salt, token_count;
	struct waiter *waiters;
	uint64_t job_timeout_ns;

	const struct gpu_ip_block *done[16];	/* blocks initialised, in order */
	unsigned ndone;
	uint64_t block_ns[16];			/* time each block's init took */
	uint64_t t_first_access, t_ready;
	bool up;
	bool trace_mmio;
};

/* --- device.c: the bring-up sequence and errors ---------------------------- */
/* Record the error that stops bring-up (the first one wins) and log it. */
int	gpu_error(struct gpu_device *, int err, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	gpu_log(struct gpu_device *, enum os_log_level, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
#define GPU_INFO(dev, ...)	gpu_log(dev, OS_LOG_INFO, __VA_ARGS__)
#define GPU_WARN(dev, ...)	gpu_log(dev, OS_LOG_WARN, __VA_ARGS__)
#define GPU_DBG(dev, ...)	gpu_log(dev, OS_LOG_DEBUG, __VA_ARGS__)

/* --- mmio.c: the one register accessor pair ------------------------------ */
uint32_t rreg(struct gpu_device *, uint32_t reg);
void	wreg(struct gpu_device *, uint32_t reg, uint32_t val);
void	wreg_field(struct gpu_device *, uint32_t reg, uint32_t field, uint32_t val);
uint32_t rreg_abs(struct gpu_device *, uint32_t dword);	/* absolute dword index */
void	wreg_abs(struct gpu_device *, uint32_t dword, uint32_t val);
uint32_t reg_abs(struct gpu_device *, uint32_t reg);	/* AMDREG() -> absolute dword */
void	wdoorbell32(struct gpu_device *, uint32_t index, uint32_t val);
void	wdoorbell64(struct gpu_device *, uint32_t index, uint64_t val);
/* Poll read(arg) until (value & mask) == expect; GPU_ETIME otherwise, with
 * the last value read.  The one bounded polling loop of the driver. */
int	gpu_poll(uint32_t (*read)(void *), void *arg, uint32_t mask, uint32_t expect,
	    uint32_t timeout_us, uint32_t *last);
/* Poll reg until (value & mask) == expect; on timeout, an error naming the
 * register, mask, expected and last value. */
int	wait_reg(struct gpu_device *, uint32_t reg, const char *name,
	    uint32_t mask, uint32_t expect, uint32_t timeout_us);
#define WAIT_REG(dev, reg, mask, expect, us) \
	wait_reg(dev, reg, #reg, mask, expect, us)
/* Poll a dword in memory the GPU writes. */
int	wait_mem(struct gpu_device *, volatile uint32_t *p, const char *what,
	    uint32_t mask, uint32_t expect, uint32_t timeout_us);
/* Bus-level flush of the host data path so the GPU sees CPU writes. */
void	hdp_flush(struct gpu_device *);

/* --- discovery.c ---------------------------------------------------------- */
int	discovery_init(struct gpu_device *);

/* --- firmware.c: request, parse and validate every file ------------------- */
int	firmware_init(struct gpu_device *);
void	firmware_fini(struct gpu_device *);

/* --- mem.c: kernel buffers, GART pages, write-back slots ------------------ */
int	mem_init(struct gpu_device *);
void	mem_fini(struct gpu_device *);
int	kbo_alloc(struct gpu_device *, uint64_t size, uint64_t align,
	    enum kbo_domain, struct kbo *);
int	kbo_alloc_raw(struct gpu_device *, uint64_t size, uint64_t align,
	    enum kbo_domain, struct kbo *);
void	kbo_free(struct gpu_device *, struct kbo *);
int	wb_get(struct gpu_device *, struct wb_slot *);
void	wb_put(struct gpu_device *, struct wb_slot *);

/* --- nv_common.c, gmc_v10.c ------------------------------------------------ */
int	nv_common_init(struct gpu_device *);
int	gmc_v10_init(struct gpu_device *);
void	gmc_v10_fini(struct gpu_device *);
void	gmc_v10_flush_tlb(struct gpu_device *, unsigned vmid);

/* --- ih.c, irq.c ------------------------------------------------------------ */
int	ih_init(struct gpu_device *);
void	ih_fini(struct gpu_device *);
int	irq_add(struct gpu_device *, unsigned client, unsigned src,
	    irq_handler_fn *, void *arg);
void	irq_process(struct gpu_device *);	/* the MSI handler's body */

/* --- psp_v11.c, smu_v11.c ------------------------------------------------- */
int	psp_v11_init(struct gpu_device *);
void	psp_v11_fini(struct gpu_device *);
int	smu_v11_init(struct gpu_device *);
void	smu_v11_fini(struct gpu_device *);
void	psp_v11_query(struct gpu_device *, struct gpu_info *);
void	smu_v11_query(struct gpu_device *, struct gpu_info *);

/* --- gfx_v10.c, sdma_v5_2.c ------------------------------------------------ */
int	gfx_v10_init(struct gpu_device *);
void	gfx_v10_fini(struct gpu_device *);
int	sdma_v5_2_init(struct gpu_device *);
void	sdma_v5_2_fini(struct gpu_device *);

/* --- ring.c: ring buffers, fences, indirect buffers, ring/IB tests --------- */
int	ring_create(struct gpu_device *, struct gpu_ring *, const char *name,
	    enum ring_type, const struct ring_funcs *, uint32_t size_bytes);
void	ring_destroy(struct gpu_ring *);
int	ring_alloc(struct gpu_ring *, unsigned ndw);	/* space for ndw dwords */
static inline void
ring_write(struct gpu_ring *r, uint32_t v)
{
	r->ptr[r->wptr & r->mask] = v;
	r->wptr++;
}
void	ring_commit(struct gpu_ring *);
/* Emit a fence with an interrupt; returns its sequence number. */
uint32_t ring_emit_fence(struct gpu_ring *);
/* Wait until the ring's fence reaches seq, woken by the interrupt. */
int	ring_fence_wait(struct gpu_ring *, uint32_t seq, uint64_t timeout_ns);
/* EOP/trap interrupt for this ring: wake waiters. */
void	ring_fence_irq(struct gpu_ring *);
/* For a ring's reset function, once its engine is stopped: the ring is
 * empty (rptr = wptr = 0) and every fence emitted so far reads as done,
 * so that numbering continues with the next emitted fence. */
void	ring_clear(struct gpu_ring *);
/* The GPU API's part of bring-up (vm.c) and of a fence interrupt (queue.c). */
int	api_hw_init(struct gpu_device *);
void	api_ring_irq(struct gpu_device *);
/* Run the ring and IB tests of every ring, recording results. */
int	ring_tests_init(struct gpu_device *);

extern const struct gpu_ip_block gpu_blocks[];

#endif

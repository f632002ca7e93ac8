/*
 * Inside the navi23 model: the device object, the register-file plumbing
 * shared by all blocks, engine threads and the helpers engines use to reach
 * memory.  Each block (psp.c, smu.c, gmc.c, ih.c, cp.c, sdma.c, nbio.c)
 * keeps its own state and exposes only what is declared here.
 */
#ifndef MODEL_MODEL_H
#define MODEL_MODEL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "amd/amd_reg.h"
#include "navi23.h"

/* Which block decodes a register.  BLK_UNKNOWN registers are logged. */
enum model_blk {
	BLK_UNKNOWN,
	BLK_PLAIN,	/* known, plain storage, no side effects */
	BLK_NBIO,
	BLK_GMC,
	BLK_IH,
	BLK_PSP,
	BLK_SMU,
	BLK_CP,
	BLK_SDMA,
	BLK_COUNT
};

struct model_block {
	const char *name;
	/* Called with m->lock held, after the value was stored in the
	 * register file.  Decodes the register and calls behaviour. */
	void (*write)(struct navi23 *, uint32_t reg, uint32_t val);
	/* Called with m->lock held; returns true and sets *val for registers
	 * whose value is not simply what was last written. */
	bool (*read)(struct navi23 *, uint32_t reg, uint32_t *val);
	/* A doorbell write (dword index in BAR2), m->lock held. */
	void (*doorbell)(struct navi23 *, uint32_t index, uint32_t val);
};

/* An engine thread: sleeps until kicked, then runs work() until it returns. */
struct model_engine {
	const char *name;
	struct navi23 *m;
	enum navi23_engine id;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool kicked, stop, running;
	void (*work)(struct model_engine *);
	void *priv;
	atomic_uint drop_writes;	/* fault injection */
	atomic_bool hung;
	atomic_uint psp_fail_cmd;	/* PSP only: GFX cmd id to fail, 0 = none */
	atomic_uint psp_bl_fail_cmd;
};

struct psp_state;
struct smu_state;
struct cp_state;
struct sdma_state;
struct ih_state;
struct gmc_state;

#define MODEL_NREGS	(NAVI23_MMIO_BYTES / 4)
#define MODEL_NDOORBELLS (NAVI23_DOORBELL_BYTES / 4)

struct navi23 {
	struct navi23_config cfg;
	struct navi23_bus bus;

	/* Segment bases (dwords) per IP, the same table the discovery binary
	 * publishes; see ip_table.c. */
	uint32_t base[IP_COUNT][AMD_MAX_SEGS];

	/* m->lock protects the register file and every block's state. */
	pthread_mutex_t lock;
	uint32_t *regs;			/* BAR5, by absolute dword */
	uint32_t *reg_id;		/* AMDREG() of a known register */
	uint8_t *reg_blk;		/* enum model_blk */
	uint32_t *doorbell;		/* BAR2 */

	uint8_t *vram;
	uint64_t vram_size;
	int vram_fd;

	struct gmc_state *gmc;
	struct ih_state *ih;
	struct psp_state *psp;
	struct smu_state *smu;
	struct cp_state *cp;
	struct sdma_state *sdma;
	struct model_engine *eng[NAVI23_ENG_COUNT];

	unsigned unknown_logged;
	struct {
		atomic_ullong mmio_reads, mmio_writes, doorbells, irqs;
		atomic_ullong unknown_reg_accesses;
		atomic_ullong pm4_packets, sdma_packets, psp_cmds, vm_faults;
		/* Compute waves that ran, and their instructions (per wave,
		 * not per lane), added once per dispatch and shader thread
		 * (dispatch.c). */
		atomic_ullong shader_waves, shader_insts;
	} stats;
};

/* --- navi23.c --------------------------------------------------------------- */
void	model_log(struct navi23 *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
uint32_t model_abs(const struct navi23 *, uint32_t reg);	/* absolute dword index */
void	model_claim(struct navi23 *, enum model_blk, uint32_t reg);
void	model_claim_range(struct navi23 *, enum model_blk, uint32_t reg, unsigned count);
/* Raw register file access by AMDREG() id, m->lock held; no side effects. */
uint32_t reg_get(struct navi23 *, uint32_t reg);
void	reg_put(struct navi23 *, uint32_t reg, uint32_t val);
/* A register write that arrives from inside the GPU (a PM4 WRITE_DATA,
 * SDMA SRBM_WRITE): takes m->lock and goes through the decoder like MMIO. */
void	model_reg_write(struct navi23 *, uint32_t abs_dword, uint32_t val);
uint32_t model_reg_read(struct navi23 *, uint32_t abs_dword);

/* --- engine.c ------------------------------------------------------------- */
void	engine_init(struct model_engine *, struct navi23 *, enum navi23_engine,
	    const char *name, void (*work)(struct model_engine *), void *priv);
void	engine_kick(struct model_engine *);
void	engine_fini(struct model_engine *);
/* Memory and register writes made by an engine, honouring injected drops. */
bool	engine_drop_write(struct model_engine *);

/* --- ip_table.c ---------------------------------------------------------------- */
void	ip_table_init_bases(struct navi23 *);
void	ip_table_write_discovery(struct navi23 *);
#define DISCOVERY_TMR_OFFSET	(64u << 10)	/* from the top of VRAM (amdgpu_discovery.c) */

/* --- gmc.c ------------------------------------------------------------------ */
enum gmc_access { GMC_READ = 1, GMC_WRITE = 2, GMC_EXEC = 4 };
int	mdl_gmc_init(struct navi23 *);
void	mdl_gmc_fini(struct navi23 *);
/*
 * Translate a GPU address of `vmid` on the GC hub.  Returns a host pointer
 * and, in *contig, how many bytes from there are contiguous (at most len),
 * or NULL after recording a VM fault (and raising its interrupt).
 */
void	*gmc_xlate(struct navi23 *, unsigned vmid, uint64_t addr, uint64_t len,
	    enum gmc_access, enum navi23_engine, uint64_t *contig);
/* gmc_xlate without the fault: is the page there (the CP's instruction
 * prefetch asks before it reads ahead)? */
void	*gmc_probe(struct navi23 *, unsigned vmid, uint64_t addr, uint64_t len,
	    enum gmc_access, uint64_t *contig);
int	gmc_read(struct navi23 *, unsigned vmid, uint64_t addr, void *dst,
	    uint64_t len, enum navi23_engine);
int	gmc_write(struct navi23 *, unsigned vmid, uint64_t addr, const void *src,
	    uint64_t len, enum navi23_engine);
/*
 * For a translation cache (tlb.c): the host pointer of the 4 KiB page
 * holding addr and, in *perm, the GMC_* accesses its mapping allows; NULL
 * when the page is not plain memory of vmid.  Never records a fault: the
 * cache's slow path, gmc_read/gmc_write, does that exactly.
 */
#define GMC_PAGE	4096ull
void	*gmc_page(struct navi23 *, unsigned vmid, uint64_t addr, unsigned *perm);
/* The VM generation: changes whenever a cached page may have (any GMC
 * register write, invalidation requests included). */
const atomic_uint *gmc_vm_gen(struct navi23 *);
/* VRAM physical address → host pointer (page tables, PSP TMR), or NULL. */
void	*gmc_vram_ptr(struct navi23 *, uint64_t pa, uint64_t len);

/* --- ih.c ---------------------------------------------------------------- */
int	mdl_ih_init(struct navi23 *);
void	mdl_ih_fini(struct navi23 *);
/* Write one interrupt vector entry and raise the MSI if enabled. */
void	ih_push(struct navi23 *, unsigned client, unsigned src, unsigned ring_id,
	    unsigned vmid, const uint32_t src_data[4]);

/* --- nbio.c, psp.c, smu.c, cp.c, sdma.c ------------------------------------ */
int	mdl_nbio_init(struct navi23 *);
int	mdl_psp_init(struct navi23 *);
void	mdl_psp_fini(struct navi23 *);
/* Whether the PSP has loaded firmware of this GFX_FW_TYPE_* (psp_gfx_if.h);
 * engines refuse to run without theirs. */
bool	psp_ucode_loaded(struct navi23 *, unsigned gfx_fw_type);
int	mdl_smu_init(struct navi23 *);
/* MP1_FIRMWARE_FLAGS as the SMN window (nbio.c) reads it. */
uint32_t smu_firmware_flags(struct navi23 *);
void	mdl_smu_fini(struct navi23 *);
int	mdl_cp_init(struct navi23 *);
void	mdl_cp_fini(struct navi23 *);
int	mdl_sdma_init(struct navi23 *);
void	mdl_sdma_fini(struct navi23 *);

extern const struct model_block nbio_block, gmc_block, ih_block, psp_block,
    smu_block, cp_block, sdma_block;

#endif

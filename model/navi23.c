/*
 * The navi23 device: BARs, the register file and its decoder, doorbells.
 *
 * Every register the model knows is listed in the include/amd/ *_reg.h
 * headers.  At creation each gets its absolute dword (segment base from
 * ip_table.c + offset) and the block that decodes it.  An MMIO access is
 * decoded here only as far as "which block"; behaviour lives in the blocks.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "amd/gc_10_3_reg.h"
#include "amd/hdp_5_0_reg.h"
#include "amd/mmhub_2_0_reg.h"
#include "amd/mp_11_0_reg.h"
#include "amd/nbio_2_3_reg.h"
#include "amd/osssys_5_0_reg.h"
#include "model.h"

#define UNKNOWN_LOG_LIMIT	64

static const struct model_block plain_block = { .name = "plain" };

static const struct model_block *const blocks[BLK_COUNT] = {
	[BLK_PLAIN] = &plain_block,
	[BLK_NBIO] = &nbio_block,
	[BLK_GMC] = &gmc_block,
	[BLK_IH] = &ih_block,
	[BLK_PSP] = &psp_block,
	[BLK_SMU] = &smu_block,
	[BLK_CP] = &cp_block,
	[BLK_SDMA] = &sdma_block,
};

void
model_log(struct navi23 *m, const char *fmt, ...)
{
	va_list ap;

	if (m->cfg.quiet)
		return;
	va_start(ap, fmt);
	fputs("navi23: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

uint32_t
model_abs(const struct navi23 *m, uint32_t reg)
{
	return m->base[AMDREG_IP(reg)][AMDREG_SEG(reg)] + AMDREG_OFF(reg);
}

void
model_claim(struct navi23 *m, enum model_blk blk, uint32_t reg)
{
	uint32_t a = model_abs(m, reg);

	if (a >= MODEL_NREGS) {
		model_log(m, "internal: register 0x%x is outside BAR5", a);
		abort();
	}
	m->reg_blk[a] = (uint8_t)blk;
	m->reg_id[a] = reg;
}

void
model_claim_range(struct navi23 *m, enum model_blk blk, uint32_t reg, unsigned count)
{
	for (unsigned i = 0; i < count; i++)
		model_claim(m, blk, reg + i);
}

uint32_t
reg_get(struct navi23 *m, uint32_t reg)
{
	return m->regs[model_abs(m, reg)];
}

void
reg_put(struct navi23 *m, uint32_t reg, uint32_t val)
{
	m->regs[model_abs(m, reg)] = val;
}

/* Every register named in the headers is known; blocks then claim theirs. */
static void
claim_known(struct navi23 *m)
{
#define PLAIN(name, seg, off) model_claim(m, BLK_PLAIN, name);
	GC_REG_LIST(PLAIN)
	OSSSYS_REG_LIST(PLAIN)
	MMHUB_REG_LIST(PLAIN)
	NBIO_REG_LIST(PLAIN)
	HDP_REG_LIST(PLAIN)
	MP0_REG_LIST(PLAIN)
	MP1_REG_LIST(PLAIN)
#undef PLAIN
}

static void
unknown_access(struct navi23 *m, const char *what, uint32_t abs, uint32_t val)
{
	atomic_fetch_add(&m->stats.unknown_reg_accesses, 1);
	if (m->unknown_logged >= UNKNOWN_LOG_LIMIT)
		return;
	if (++m->unknown_logged == UNKNOWN_LOG_LIMIT)
		model_log(m, "further unknown register accesses are not logged");
	else if (what[0] == 'w')
		model_log(m, "write to unknown register 0x%05x (BAR5+0x%06x) = 0x%08x",
		    abs, abs * 4, val);
	else
		model_log(m, "read of unknown register 0x%05x (BAR5+0x%06x)",
		    abs, abs * 4);
}

static uint32_t
reg_read_locked(struct navi23 *m, uint32_t abs)
{
	const struct model_block *b;
	uint32_t val;

	if (abs >= MODEL_NREGS)
		return 0xffffffffu;
	b = blocks[m->reg_blk[abs]];
	if (b == NULL) {
		unknown_access(m, "read", abs, 0);
		return m->regs[abs];
	}
	if (b->read != NULL && b->read(m, m->reg_id[abs], &val))
		return val;
	return m->regs[abs];
}

static void
reg_write_locked(struct navi23 *m, uint32_t abs, uint32_t val)
{
	const struct model_block *b;

	if (abs >= MODEL_NREGS)
		return;
	b = blocks[m->reg_blk[abs]];
	m->regs[abs] = val;
	if (b == NULL)
		unknown_access(m, "write", abs, val);
	else if (b->write != NULL)
		b->write(m, m->reg_id[abs], val);
}

uint32_t
model_reg_read(struct navi23 *m, uint32_t abs)
{
	uint32_t v;

	pthread_mutex_lock(&m->lock);
	v = reg_read_locked(m, abs);
	pthread_mutex_unlock(&m->lock);
	return v;
}

void
model_reg_write(struct navi23 *m, uint32_t abs, uint32_t val)
{
	pthread_mutex_lock(&m->lock);
	reg_write_locked(m, abs, val);
	pthread_mutex_unlock(&m->lock);
}

static void
doorbell_write(struct navi23 *m, uint32_t index, uint32_t val)
{
	atomic_fetch_add(&m->stats.doorbells, 1);
	m->doorbell[index] = val;
	for (int i = 0; i < BLK_COUNT; i++)
		if (blocks[i] != NULL && blocks[i]->doorbell != NULL)
			blocks[i]->doorbell(m, index, val);
}

uint32_t
navi23_mmio_read(struct navi23 *m, int bar, uint64_t off)
{
	uint32_t v = 0xffffffffu;

	atomic_fetch_add(&m->stats.mmio_reads, 1);
	pthread_mutex_lock(&m->lock);
	if (bar == NAVI23_BAR_MMIO && off < NAVI23_MMIO_BYTES)
		v = reg_read_locked(m, (uint32_t)(off >> 2));
	else if (bar == NAVI23_BAR_DOORBELL && off < NAVI23_DOORBELL_BYTES)
		v = m->doorbell[off >> 2];
	else
		model_log(m, "read outside BAR%d: offset 0x%llx", bar,
		    (unsigned long long)off);
	pthread_mutex_unlock(&m->lock);
	return v;
}

void
navi23_mmio_write(struct navi23 *m, int bar, uint64_t off, uint32_t val)
{
	atomic_fetch_add(&m->stats.mmio_writes, 1);
	pthread_mutex_lock(&m->lock);
	if (bar == NAVI23_BAR_MMIO && off < NAVI23_MMIO_BYTES)
		reg_write_locked(m, (uint32_t)(off >> 2), val);
	else if (bar == NAVI23_BAR_DOORBELL && off < NAVI23_DOORBELL_BYTES)
		doorbell_write(m, (uint32_t)(off >> 2), val);
	else
		model_log(m, "write outside BAR%d: offset 0x%llx = 0x%08x", bar,
		    (unsigned long long)off, val);
	pthread_mutex_unlock(&m->lock);
}

void *
navi23_vram(struct navi23 *m, uint64_t *size)
{
	if (size != NULL)
		*size = m->vram_size;
	return m->vram;
}

int
navi23_vram_fd(struct navi23 *m)
{
	return m->vram_fd;
}

void
navi23_pci_ids(struct navi23 *m, uint16_t *vendor, uint16_t *device, uint8_t *rev)
{
	*vendor = 0x1002;
	*device = m->cfg.device_id;
	*rev = m->cfg.revision;
}

void
navi23_default_config(struct navi23_config *c)
{
	memset(c, 0, sizeof(*c));
	c->vram_bytes = 8ull << 30;
	c->device_id = 0x73ff;
	c->revision = 0xc7;
}

void
navi23_stats(struct navi23 *m, struct navi23_stats *s)
{
	s->mmio_reads = m->stats.mmio_reads;
	s->mmio_writes = m->stats.mmio_writes;
	s->doorbells = m->stats.doorbells;
	s->irqs = m->stats.irqs;
	s->unknown_reg_accesses = m->stats.unknown_reg_accesses;
	s->pm4_packets = m->stats.pm4_packets;
	s->sdma_packets = m->stats.sdma_packets;
	s->psp_cmds = m->stats.psp_cmds;
	s->vm_faults = m->stats.vm_faults;
	s->shader_waves = m->stats.shader_waves;
	s->shader_insts = m->stats.shader_insts;
}

void
navi23_inject(struct navi23 *m, enum navi23_engine e, enum navi23_fault f, uint32_t arg)
{
	struct model_engine *eng = e < NAVI23_ENG_COUNT ? m->eng[e] : NULL;

	if (eng == NULL)
		return;
	switch (f) {
	case NAVI23_FAULT_NONE:
		atomic_store(&eng->drop_writes, 0);
		atomic_store(&eng->hung, false);
		atomic_store(&eng->psp_fail_cmd, 0);
		atomic_store(&eng->psp_bl_fail_cmd, 0);
		break;
	case NAVI23_FAULT_DROP_WRITE:
		atomic_store(&eng->drop_writes, arg);
		break;
	case NAVI23_FAULT_HANG:
		atomic_store(&eng->hung, true);
		break;
	case NAVI23_FAULT_PSP_ERROR:
		atomic_store(&eng->psp_fail_cmd, arg);
		break;
	case NAVI23_FAULT_PSP_BL_ERROR:
		atomic_store(&eng->psp_bl_fail_cmd, arg);
		break;
	}
	engine_kick(eng);
}

static int
vram_create(struct navi23 *m)
{
	m->vram_size = m->cfg.vram_bytes;
	m->vram_fd = memfd_create("navi23-vram", MFD_CLOEXEC);
	if (m->vram_fd < 0)
		return -errno;
	/* Sparse: pages are only allocated when touched. */
	if (ftruncate(m->vram_fd, (off_t)m->vram_size) != 0)
		return -errno;
	m->vram = mmap(NULL, m->vram_size, PROT_READ | PROT_WRITE, MAP_SHARED,
	    m->vram_fd, 0);
	if (m->vram == MAP_FAILED) {
		m->vram = NULL;
		return -errno;
	}
	return 0;
}

/* Values the hardware or its boot firmware leave in registers. */
static void
reset_values(struct navi23 *m)
{
	/*
	 * 8 pipes, 256 B interleave, 2 compressed fragments, 8 packers
	 * (0x343).  Navi 21 reports 0x444 (Mesa src/amd/drm-shim/
	 * amdgpu_devices.c); as there, the SE and RB fields stay 0 because
	 * gfx10.3 userspace takes those counts from the info ioctl.  The
	 * Navi 23 value is inferred, not read off a card: docs/model.md.
	 */
	reg_put(m, GB_ADDR_CONFIG,
	    F_PREP(GB_ADDR_CONFIG_NUM_PIPES, 3) |
	    F_PREP(GB_ADDR_CONFIG_PIPE_INTERLEAVE_SIZE, 0) |
	    F_PREP(GB_ADDR_CONFIG_MAX_COMPRESSED_FRAGS, 1) |
	    F_PREP(GB_ADDR_CONFIG_NUM_PKRS, 3));
}

static void
free_all(struct navi23 *m)
{
	mdl_sdma_fini(m);
	mdl_cp_fini(m);
	mdl_smu_fini(m);
	mdl_psp_fini(m);
	mdl_ih_fini(m);
	mdl_gmc_fini(m);
	if (m->vram != NULL)
		munmap(m->vram, m->vram_size);
	if (m->vram_fd >= 0)
		close(m->vram_fd);
	free(m->regs);
	free(m->reg_id);
	free(m->reg_blk);
	free(m->doorbell);
	pthread_mutex_destroy(&m->lock);
	free(m);
}

struct navi23 *
navi23_create(const struct navi23_config *cfg, const struct navi23_bus *bus)
{
	struct navi23 *m = calloc(1, sizeof(*m));

	if (m == NULL)
		return NULL;
	m->cfg = *cfg;
	m->bus = *bus;
	m->vram_fd = -1;
	{
		pthread_mutexattr_t a;

		/* Recursive: block handlers call helpers that lock again. */
		pthread_mutexattr_init(&a);
		pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
		pthread_mutex_init(&m->lock, &a);
		pthread_mutexattr_destroy(&a);
	}
	m->regs = calloc(MODEL_NREGS, sizeof(*m->regs));
	m->reg_id = calloc(MODEL_NREGS, sizeof(*m->reg_id));
	m->reg_blk = calloc(MODEL_NREGS, sizeof(*m->reg_blk));
	m->doorbell = calloc(MODEL_NDOORBELLS, sizeof(*m->doorbell));
	if (m->regs == NULL || m->reg_id == NULL || m->reg_blk == NULL ||
	    m->doorbell == NULL || vram_create(m) != 0)
		goto fail;
	ip_table_init_bases(m);
	claim_known(m);
	reset_values(m);
	ip_table_write_discovery(m);
	if (mdl_nbio_init(m) != 0 || mdl_gmc_init(m) != 0 || mdl_ih_init(m) != 0 ||
	    mdl_psp_init(m) != 0 || mdl_smu_init(m) != 0 || mdl_cp_init(m) != 0 ||
	    mdl_sdma_init(m) != 0)
		goto fail;
	return m;
fail:
	model_log(m, "cannot create the device (out of memory?)");
	free_all(m);
	return NULL;
}

void
navi23_destroy(struct navi23 *m)
{
	if (m != NULL)
		free_all(m);
}

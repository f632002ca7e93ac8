/*
 * PSP (MP0 11.0.12): the secure processor that boots its own OS and then
 * loads every other engine's firmware.  A strict device on its own engine
 * thread: register writes only post a command and kick the engine; the
 * answer (a mailbox bit, a response in memory, a fence) comes later.
 *
 * Driver-side protocol: Linux amdgpu/psp_v11_0.c and amdgpu_psp.c
 * (navi23-facts.md section 3.3).  What the PSP checks is not public; the
 * model checks what a careful PSP must (docs/model.md "PSP (MP0 11.0)"):
 * the order of steps, addresses, sizes, and the signed-image header of
 * every image against the key that signs that firmware family.
 *
 * Signed-image header (256 bytes before the body, signature after it):
 * layout of PspHeaderData in linuxboot/fiano pkg/amd/psb/psbbinary.go
 * (also PSPTool's description of the PSP firmware header): +0x10 header
 * version ("$PS1"), +0x14 size of the signed body (header excluded),
 * +0x38 signature parameters = id of the signing key (16 bytes),
 * +0x60 image version, +0x6c size of the whole image, +0x7c firmware
 * type.  The signature is the modulus size of the signing key and ends
 * the image: size = 0x100 + signed body + signature.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "amd/mp_11_0_reg.h"
#include "amd/psp_gfx_if.h"
#include "model.h"
#include "psp.h"

#define HDR_MAGIC		0x10
#define HDR_SIZE_SIGNED		0x14
#define HDR_KEY_ID		0x38
#define HDR_IMAGE_VERSION	0x60
#define HDR_SIZE_IMAGE		0x6c
#define HDR_FW_TYPE		0x7c
#define PSP_MAGIC		0x31535024u	/* "$PS1" little-endian */
#define KEY_ID_BYTES		16

#define FW_PRI_BYTES		(1u << 20)	/* the driver's fw_pri buffer: PSP_1_MEG */
#define MAX_IMAGE_BYTES		(4u << 20)	/* larger than any Navi 23 ucode */
#define TMR_ALIGN		(1u << 20)
#define TMR_DEFAULT_BYTES	(4u << 20)	/* amdgpu_psp.c PSP_TMR_SIZE */
#define RING_MIN_BYTES		0x1000u
#define RING_MAX_BYTES		0x10000u
#define MAX_SESSIONS		8

/* Bootloader steps in the order psp_hw_start runs them. */
enum bl_bit { BL_KDB = 1, BL_SPL = 2, BL_SYS_DRV = 4, BL_SOS = 8 };

struct psp_state {
	struct model_engine eng;
	/* Posted by the register decoder, taken by the engine (m->lock). */
	uint32_t bl_pending, ctl_pending;
	/* m->lock protects the rest: the engine updates, others read. */
	uint32_t bl_done;		/* enum bl_bit */
	bool bl_failed, sos_running;
	bool ring_up;
	uint64_t ring_base;
	uint32_t ring_bytes, rptr;	/* rptr in dwords */
	uint32_t tmr_required;
	bool tmr_up;
	uint64_t tmr_addr, tmr_size;
	bool loaded[GFX_FW_TYPE_MAX];
	bool rlc_started;
	uint32_t sessions[MAX_SESSIONS], next_session;
};

/* --- the signed-image check ------------------------------------------------ */

static const uint8_t key_gfx[KEY_ID_BYTES] = {
	0x30, 0xb8, 0x86, 0x51, 0x25, 0x42, 0x44, 0x99,
	0xae, 0xff, 0x3a, 0xc3, 0x5c, 0xe6, 0x21, 0xa6 };
static const uint8_t key_smu[KEY_ID_BYTES] = {
	0x03, 0xd7, 0xec, 0x2f, 0xdb, 0x3e, 0x40, 0xcb,
	0x8d, 0x22, 0x68, 0x5f, 0x09, 0x0b, 0x0d, 0x97 };
static const uint8_t key_psp_os[KEY_ID_BYTES] = {
	0x90, 0x05, 0xc5, 0xe7, 0xfe, 0xa4, 0x41, 0x15,
	0xa8, 0x33, 0xf7, 0xab, 0x20, 0xe1, 0x40, 0x19 };
static const uint8_t key_root[KEY_ID_BYTES] = {
	0x1e, 0xe2, 0xcd, 0xaf, 0x57, 0xf0, 0x43, 0x14,
	0x83, 0xfb, 0x90, 0x70, 0x3f, 0x02, 0xb7, 0xcf };
static const uint8_t key_ta[KEY_ID_BYTES] = {
	0xcc, 0x7d, 0x24, 0x8a, 0x74, 0x46, 0x43, 0xa7,
	0x9b, 0x05, 0x91, 0x6c, 0x8c, 0x12, 0x83, 0x58 };
static const uint8_t key_vcn[KEY_ID_BYTES] = {
	0x70, 0xec, 0x3e, 0x2d, 0x8a, 0x69, 0x47, 0x92,
	0xac, 0x79, 0x69, 0xff, 0x8a, 0xc9, 0xca, 0xca };
static const uint8_t key_dmub[KEY_ID_BYTES] = {
	0x45, 0xb9, 0x1b, 0x80, 0x11, 0xdb, 0x46, 0xd7,
	0xad, 0xc2, 0xc0, 0xc5, 0xb7, 0x72, 0x15, 0xe5 };

/*
 * Per kind: the signing key, its signature size (the key database/SPL key
 * is RSA-4096, the others RSA-2048, as the image sizes show), whether the
 * "$PS1" magic is present (the KDB has header version 0), and the firmware
 * type byte (-1: not checked).  All read off the real files.
 */
static const struct image_kind {
	const char *name;
	const uint8_t *key;
	uint32_t sig_bytes;
	bool magic;
	int fw_type;
} kinds[PSP_IMG_COUNT] = {
	[PSP_IMG_KDB] = { "KDB", key_root, 0x200, false, 0x3f },
	[PSP_IMG_SPL] = { "SPL", key_root, 0x200, true, 0x4d },
	[PSP_IMG_SYS_DRV] = { "SYS_DRV", key_psp_os, 0x100, true, 0x13 },
	[PSP_IMG_SOS] = { "SOS", key_psp_os, 0x100, true, 0x02 },
	[PSP_IMG_TOC] = { "TOC", key_gfx, 0x100, true, -1 },
	[PSP_IMG_GFX] = { "GFX ucode", key_gfx, 0x100, true, -1 },
	[PSP_IMG_SMU] = { "SMU", key_smu, 0x100, true, -1 },
	[PSP_IMG_TA] = { "TA", key_ta, 0x100, true, -1 },
	[PSP_IMG_VCN] = { "VCN", key_vcn, 0x100, true, -1 },
	[PSP_IMG_DMUB] = { "DMUB", key_dmub, 0x100, true, -1 },
};

static uint32_t
get32(const uint8_t *p, unsigned off)
{
	return (uint32_t)p[off] | (uint32_t)p[off + 1] << 8 |
	    (uint32_t)p[off + 2] << 16 | (uint32_t)p[off + 3] << 24;
}

const char *
psp_image_kind_name(enum psp_image_kind k)
{
	return k < PSP_IMG_COUNT ? kinds[k].name : "?";
}

uint32_t
psp_check_image(const uint8_t *img, uint64_t len, enum psp_image_kind kind,
    const char **why)
{
	const struct image_kind *k = &kinds[kind];

	if (len < PSP_IMG_HDR_BYTES + k->sig_bytes) {
		*why = "shorter than header + signature";
		return PSP_STATUS_BAD_SIZE;
	}
	if (k->magic && get32(img, HDR_MAGIC) != PSP_MAGIC) {
		*why = "no \"$PS1\" magic at +0x10";
		return PSP_STATUS_BAD_IMAGE;
	}
	if (get32(img, HDR_SIZE_IMAGE) != len) {
		*why = "image size at +0x6c differs from the size given";
		return PSP_STATUS_BAD_SIZE;
	}
	if ((uint64_t)PSP_IMG_HDR_BYTES + get32(img, HDR_SIZE_SIGNED) + k->sig_bytes != len) {
		*why = "header + signed size at +0x14 + signature is not the image size";
		return PSP_STATUS_BAD_IMAGE;
	}
	if (memcmp(img + HDR_KEY_ID, k->key, KEY_ID_BYTES) != 0) {
		*why = "signing key id at +0x38 is not the one for this firmware";
		return PSP_STATUS_BAD_KEY;
	}
	if (k->fw_type >= 0 && img[HDR_FW_TYPE] != k->fw_type) {
		*why = "firmware type at +0x7c is not this bootloader component's";
		return PSP_STATUS_BAD_TYPE;
	}
	*why = "ok";
	return PSP_STATUS_OK;
}

/* Copy [addr, addr + len) of VMID 0 into a new buffer; NULL if unmapped. */
static uint8_t *
read_gpu(struct navi23 *m, uint64_t addr, uint64_t len)
{
	uint8_t *p = malloc(len);

	if (p != NULL && gmc_read(m, 0, addr, p, len, NAVI23_ENG_PSP) != 0) {
		free(p);
		p = NULL;
	}
	return p;
}

/* Fetch and check an image the driver describes by address and size. */
static uint32_t
check_at(struct navi23 *m, const char *what, uint64_t addr, uint64_t len,
    enum psp_image_kind kind)
{
	const char *why = "ok";
	uint32_t status;
	uint8_t *img;

	if ((addr & 0xfff) != 0) {
		model_log(m, "psp: %s at 0x%llx is not 4 KiB aligned", what,
		    (unsigned long long)addr);
		return PSP_STATUS_BAD_ADDR;
	}
	if (len > MAX_IMAGE_BYTES) {
		model_log(m, "psp: %s of %llu bytes is too large", what,
		    (unsigned long long)len);
		return PSP_STATUS_BAD_SIZE;
	}
	if ((img = read_gpu(m, addr, len < PSP_IMG_HDR_BYTES ? PSP_IMG_HDR_BYTES : len)) == NULL) {
		model_log(m, "psp: %s at 0x%llx (%llu bytes) is not reachable", what,
		    (unsigned long long)addr, (unsigned long long)len);
		return PSP_STATUS_BAD_ADDR;
	}
	status = psp_check_image(img, len, kind, &why);
	free(img);
	if (status != PSP_STATUS_OK)
		model_log(m, "psp: %s rejected (status 0x%04x): %s", what, status, why);
	return status;
}

/* --- bootloader ----------------------------------------------------------- */

static const struct bl_step {
	uint32_t cmd;
	const char *name;
	enum bl_bit bit;
	uint32_t needs;
	enum psp_image_kind kind;
} bl_steps[] = {
	{ PSP_BL_LOAD_KEY_DATABASE, "LOAD_KEY_DATABASE", BL_KDB, 0, PSP_IMG_KDB },
	{ PSP_BL_LOAD_TOS_SPL_TABLE, "LOAD_TOS_SPL_TABLE", BL_SPL, BL_KDB, PSP_IMG_SPL },
	{ PSP_BL_LOAD_SYSDRV, "LOAD_SYSDRV", BL_SYS_DRV, BL_KDB | BL_SPL, PSP_IMG_SYS_DRV },
	{ PSP_BL_LOAD_SOSDRV, "LOAD_SOSDRV", BL_SOS, BL_KDB | BL_SPL | BL_SYS_DRV,
	    PSP_IMG_SOS },
};

static const struct bl_step *
bl_find(uint32_t cmd)
{
	for (size_t i = 0; i < sizeof(bl_steps) / sizeof(bl_steps[0]); i++)
		if (bl_steps[i].cmd == cmd)
			return &bl_steps[i];
	return NULL;
}

/* The bootloader is not told the size: it reads it from the header. */
static uint32_t
bl_check(struct navi23 *m, const struct bl_step *st, uint64_t addr)
{
	uint8_t hdr[PSP_IMG_HDR_BYTES];
	uint32_t size;

	if (gmc_read(m, 0, addr, hdr, sizeof(hdr), NAVI23_ENG_PSP) != 0) {
		model_log(m, "psp: bootloader %s: fw_pri at MC 0x%llx is not reachable",
		    st->name, (unsigned long long)addr);
		return PSP_STATUS_BAD_ADDR;
	}
	size = get32(hdr, HDR_SIZE_IMAGE);
	if (size > FW_PRI_BYTES) {
		model_log(m, "psp: bootloader %s: image size 0x%x is past the 1 MiB fw_pri buffer",
		    st->name, size);
		return PSP_STATUS_BAD_SIZE;
	}
	return check_at(m, st->name, addr, size, st->kind);
}

/* The sOS runs: its sign of life, and it accepts ring commands. */
static void
sos_start(struct navi23 *m, uint64_t addr)
{
	uint8_t hdr[PSP_IMG_HDR_BYTES];
	uint32_t life = 1;

	/* The value is ours: the sOS image version, never 0 (docs/model.md). */
	if (gmc_read(m, 0, addr, hdr, sizeof(hdr), NAVI23_ENG_PSP) == 0 &&
	    get32(hdr, HDR_IMAGE_VERSION) != 0)
		life = get32(hdr, HDR_IMAGE_VERSION);
	m->psp->sos_running = true;
	reg_put(m, PSP_SOS_ALIVE, life);
	reg_put(m, PSP_RING_CTL, PSP_MBOX_READY);
}

static void
bl_command(struct model_engine *e, uint32_t cmd)
{
	struct navi23 *m = e->m;
	struct psp_state *s = m->psp;
	const struct bl_step *st = bl_find(cmd);
	uint32_t status, done;
	uint64_t addr;

	if (atomic_load(&e->psp_bl_fail_cmd) == cmd) {
		model_log(m, "psp: bootloader command 0x%x never answered (fault injection)", cmd);
		return;
	}
	pthread_mutex_lock(&m->lock);
	addr = (uint64_t)reg_get(m, PSP_BL_ADDR) << 20;
	done = s->bl_done;
	pthread_mutex_unlock(&m->lock);
	if (st == NULL || s->sos_running) {
		model_log(m, "psp: bootloader command 0x%x %s", cmd,
		    st == NULL ? "unknown" : "after the sOS started");
		status = PSP_STATUS_BAD_CMD;
	} else if ((done & st->needs) != st->needs ||
	    (s->bl_failed && st->bit != BL_KDB)) {
		model_log(m, "psp: bootloader %s out of order (done 0x%x)", st->name, done);
		status = PSP_STATUS_NOT_READY;
	} else {
		status = bl_check(m, st, addr);
	}
	pthread_mutex_lock(&m->lock);
	if (status == PSP_STATUS_OK) {
		/* A KDB starts the sequence over. */
		if (st->bit == BL_KDB) {
			s->bl_done = 0;
			s->bl_failed = false;
		}
		s->bl_done |= st->bit;
		if (st->bit == BL_SOS)
			sos_start(m, addr);
	} else {
		s->bl_failed = true;
	}
	reg_put(m, PSP_BL_MSG, PSP_MBOX_READY | status);
	pthread_mutex_unlock(&m->lock);
}

/* --- KM ring control (C2PMSG_64) ------------------------------------------ */

/* GFX_CTRL_CMD_INIT_GPCOM_RING = KM ring type 2 << 16 (psp_v11_0_ring_create). */
static uint32_t
ring_create(struct navi23 *m)
{
	struct psp_state *s = m->psp;
	uint64_t base = reg_get(m, PSP_RING_ADDR_LO) |
	    (uint64_t)reg_get(m, PSP_RING_ADDR_HI) << 32;
	uint32_t bytes = reg_get(m, PSP_RING_SIZE);
	uint64_t n;

	if (s->ring_up) {
		model_log(m, "psp: KM ring created twice");
		return PSP_STATUS_BAD_CMD;
	}
	if (bytes < RING_MIN_BYTES || bytes > RING_MAX_BYTES ||
	    bytes % (PSP_RB_FRAME_DWORDS * 4) != 0 || (base & 0xfff) != 0 ||
	    gmc_xlate(m, 0, base, bytes, GMC_READ, NAVI23_ENG_PSP, &n) == NULL) {
		model_log(m, "psp: KM ring at 0x%llx, %u bytes: bad address or size",
		    (unsigned long long)base, bytes);
		return PSP_STATUS_BAD_ADDR;
	}
	s->ring_base = base;
	s->ring_bytes = bytes;
	s->rptr = 0;
	reg_put(m, PSP_RING_WPTR, 0);
	s->ring_up = true;
	return PSP_STATUS_OK;
}

/* psp_v11_0_ring_stop: the session ends; loaded firmware keeps running. */
static uint32_t
ring_destroy(struct navi23 *m)
{
	struct psp_state *s = m->psp;

	s->ring_up = false;
	s->tmr_up = false;
	memset(s->sessions, 0, sizeof(s->sessions));
	return PSP_STATUS_OK;
}

static void
ring_control(struct navi23 *m, uint32_t val)
{
	uint32_t status;

	pthread_mutex_lock(&m->lock);
	if (!m->psp->sos_running) {
		/* Only the sOS listens to C2PMSG_64. */
		pthread_mutex_unlock(&m->lock);
		model_log(m, "psp: ring command 0x%x before the sOS runs: no answer", val);
		return;
	}
	switch (val & ~PSP_MBOX_STATUS_MASK) {
	case GFX_CTRL_CMD_INIT_GPCOM_RING:
		status = ring_create(m);
		break;
	case GFX_CTRL_CMD_DESTROY_RINGS:
		status = ring_destroy(m);
		break;
	default:
		model_log(m, "psp: ring command 0x%x not supported", val);
		status = PSP_STATUS_BAD_CMD;
		break;
	}
	reg_put(m, PSP_RING_CTL, PSP_MBOX_READY | status);
	pthread_mutex_unlock(&m->lock);
}

/* --- GFX commands ------------------------------------------------------------ */

/*
 * The IP firmware types Navi 23 takes through LOAD_IP_FW, and the image
 * kind (signing key) of each.  The jump-table types, SDMA1, RLC_P/RLC_V
 * and the SE2/SE3 tap delays have no image on this chip.
 */
static int
ip_fw_kind(uint32_t type, enum psp_image_kind *kind)
{
	switch (type) {
	case GFX_FW_TYPE_CP_ME: case GFX_FW_TYPE_CP_PFP: case GFX_FW_TYPE_CP_CE:
	case GFX_FW_TYPE_CP_MEC: case GFX_FW_TYPE_RLC_G: case GFX_FW_TYPE_SDMA0:
	case GFX_FW_TYPE_RLC_RESTORE_LIST_GPM_MEM:
	case GFX_FW_TYPE_RLC_RESTORE_LIST_SRM_MEM:
	case GFX_FW_TYPE_RLC_RESTORE_LIST_SRM_CNTL:
	case GFX_FW_TYPE_RLC_IRAM: case GFX_FW_TYPE_RLC_DRAM_BOOT:
	case GFX_FW_TYPE_GLOBAL_TAP_DELAYS: case GFX_FW_TYPE_SE0_TAP_DELAYS:
	case GFX_FW_TYPE_SE1_TAP_DELAYS:
		*kind = PSP_IMG_GFX;
		return 0;
	case GFX_FW_TYPE_SMU:
		*kind = PSP_IMG_SMU;
		return 0;
	case GFX_FW_TYPE_VCN:
		*kind = PSP_IMG_VCN;
		return 0;
	case GFX_FW_TYPE_DMUB:
		*kind = PSP_IMG_DMUB;
		return 0;
	default:
		return -1;
	}
}

static uint64_t
addr64(uint32_t lo, uint32_t hi)
{
	return lo | (uint64_t)hi << 32;
}

/* LOAD_TOC: the TMR size the TOC asks for.  The TOC's layout is not
 * public, so the answer is Linux's default PSP_TMR_SIZE (docs/model.md). */
static uint32_t
cmd_load_toc(struct navi23 *m, struct psp_gfx_cmd *c)
{
	const struct psp_cmd_load_toc *t = &c->u.load_toc;
	uint32_t st = check_at(m, "TOC", addr64(t->toc_phy_addr_lo, t->toc_phy_addr_hi),
	    t->toc_size, PSP_IMG_TOC);

	if (st != PSP_STATUS_OK)
		return st;
	pthread_mutex_lock(&m->lock);
	m->psp->tmr_required = TMR_DEFAULT_BYTES;
	pthread_mutex_unlock(&m->lock);
	c->resp.tmr_size = TMR_DEFAULT_BYTES;
	return PSP_STATUS_OK;
}

/* SETUP_TMR: 1 MiB aligned, big enough, all of it in VRAM. */
static uint32_t
cmd_setup_tmr(struct navi23 *m, struct psp_gfx_cmd *c)
{
	const struct psp_cmd_setup_tmr *t = &c->u.setup_tmr;
	uint64_t addr = addr64(t->buf_phy_addr_lo, t->buf_phy_addr_hi), n = 0;
	struct psp_state *s = m->psp;
	uint8_t *p;

	if (t->buf_size < (s->tmr_required ? s->tmr_required : TMR_DEFAULT_BYTES)) {
		model_log(m, "psp: SETUP_TMR of %u bytes, the TOC needs %u", t->buf_size,
		    s->tmr_required);
		return PSP_STATUS_BAD_SIZE;
	}
	p = (addr & (TMR_ALIGN - 1)) == 0 ?
	    gmc_xlate(m, 0, addr, t->buf_size, GMC_WRITE, NAVI23_ENG_PSP, &n) : NULL;
	if (p == NULL || n != t->buf_size || p < m->vram || p + n > m->vram + m->vram_size) {
		model_log(m, "psp: SETUP_TMR at MC 0x%llx: not 1 MiB aligned VRAM",
		    (unsigned long long)addr);
		return PSP_STATUS_BAD_ADDR;
	}
	pthread_mutex_lock(&m->lock);
	s->tmr_up = true;
	s->tmr_addr = addr;
	s->tmr_size = t->buf_size;
	pthread_mutex_unlock(&m->lock);
	return PSP_STATUS_OK;
}

/* LOAD_IP_FW: only the SMU may come before the TMR (psp_hw_start). */
static uint32_t
cmd_load_ip_fw(struct navi23 *m, struct psp_gfx_cmd *c)
{
	const struct psp_cmd_load_ip_fw *f = &c->u.load_ip_fw;
	enum psp_image_kind kind;
	char what[32];
	uint32_t st;

	if (ip_fw_kind(f->fw_type, &kind) != 0) {
		model_log(m, "psp: LOAD_IP_FW of fw_type %u: not loadable on Navi 23",
		    f->fw_type);
		return PSP_STATUS_BAD_TYPE;
	}
	if (!m->psp->tmr_up && f->fw_type != GFX_FW_TYPE_SMU) {
		model_log(m, "psp: LOAD_IP_FW of fw_type %u before SETUP_TMR", f->fw_type);
		return PSP_STATUS_NO_TMR;
	}
	snprintf(what, sizeof(what), "LOAD_IP_FW type %u", f->fw_type);
	st = check_at(m, what, addr64(f->fw_phy_addr_lo, f->fw_phy_addr_hi),
	    f->fw_size, kind);
	if (st != PSP_STATUS_OK)
		return st;
	pthread_mutex_lock(&m->lock);
	m->psp->loaded[f->fw_type] = true;
	if (f->fw_type == GFX_FW_TYPE_SMU)
		smu_pmfw_start(m);
	pthread_mutex_unlock(&m->lock);
	return PSP_STATUS_OK;
}

/* AUTOLOAD_RLC: the RLC boots the CP engines from the TMR copies. */
static uint32_t
cmd_autoload_rlc(struct navi23 *m, struct psp_gfx_cmd *c)
{
	static const uint32_t needed[] = {
		GFX_FW_TYPE_RLC_G, GFX_FW_TYPE_CP_CE, GFX_FW_TYPE_CP_PFP,
		GFX_FW_TYPE_CP_ME, GFX_FW_TYPE_CP_MEC,
	};
	struct psp_state *s = m->psp;

	for (size_t i = 0; i < sizeof(needed) / sizeof(needed[0]); i++) {
		if (!s->loaded[needed[i]]) {
			model_log(m, "psp: AUTOLOAD_RLC without fw_type %u loaded", needed[i]);
			return PSP_STATUS_NOT_READY;
		}
	}
	pthread_mutex_lock(&m->lock);
	s->rlc_started = true;
	pthread_mutex_unlock(&m->lock);
	return PSP_STATUS_OK;
}

/* LOAD_ASD / LOAD_TA: a TA-signed image and its shared buffer. */
static uint32_t
cmd_load_ta(struct navi23 *m, struct psp_gfx_cmd *c)
{
	const struct psp_cmd_load_ta *t = &c->u.load_ta;
	const char *what = c->cmd_id == GFX_CMD_ID_LOAD_ASD ? "LOAD_ASD" : "LOAD_TA";
	struct psp_state *s = m->psp;
	uint64_t n;
	uint32_t st;

	if (!s->tmr_up)
		return PSP_STATUS_NO_TMR;
	if (t->cmd_buf_len == 0 ||
	    gmc_xlate(m, 0, addr64(t->cmd_buf_phy_addr_lo, t->cmd_buf_phy_addr_hi),
	    t->cmd_buf_len, GMC_WRITE, NAVI23_ENG_PSP, &n) == NULL) {
		model_log(m, "psp: %s: shared buffer not reachable", what);
		return PSP_STATUS_BAD_ADDR;
	}
	st = check_at(m, what, addr64(t->app_phy_addr_lo, t->app_phy_addr_hi),
	    t->app_len, PSP_IMG_TA);
	if (st != PSP_STATUS_OK)
		return st;
	for (int i = 0; i < MAX_SESSIONS; i++) {
		if (s->sessions[i] == 0) {
			s->sessions[i] = ++s->next_session;
			c->resp.session_id = s->sessions[i];
			return PSP_STATUS_OK;
		}
	}
	return PSP_STATUS_NOT_READY;
}

static uint32_t
cmd_unload_ta(struct navi23 *m, struct psp_gfx_cmd *c)
{
	uint32_t sid;

	memcpy(&sid, c->u.raw, sizeof(sid));
	for (int i = 0; i < MAX_SESSIONS && sid != 0; i++) {
		if (m->psp->sessions[i] == sid) {
			m->psp->sessions[i] = 0;
			return PSP_STATUS_OK;
		}
	}
	model_log(m, "psp: UNLOAD_TA of unknown session %u", sid);
	return PSP_STATUS_BAD_CMD;
}

static uint32_t
cmd_destroy_tmr(struct navi23 *m, struct psp_gfx_cmd *c)
{
	pthread_mutex_lock(&m->lock);
	m->psp->tmr_up = false;
	pthread_mutex_unlock(&m->lock);
	return PSP_STATUS_OK;
}

static uint32_t
execute(struct model_engine *e, struct psp_gfx_cmd *c)
{
	struct navi23 *m = e->m;
	uint32_t fail = atomic_load(&e->psp_fail_cmd);

	if (c->buf_version != PSP_GFX_CMD_BUF_VERSION || c->buf_size != sizeof(*c)) {
		model_log(m, "psp: command buffer version %u, size %u", c->buf_version,
		    c->buf_size);
		return PSP_STATUS_BAD_CMD;
	}
	if (fail != 0 && fail == c->cmd_id) {
		model_log(m, "psp: GFX command 0x%x failed (fault injection)", c->cmd_id);
		return PSP_STATUS_INJECTED;
	}
	switch (c->cmd_id) {
	case GFX_CMD_ID_LOAD_TOC:	return cmd_load_toc(m, c);
	case GFX_CMD_ID_SETUP_TMR:	return cmd_setup_tmr(m, c);
	case GFX_CMD_ID_LOAD_IP_FW:	return cmd_load_ip_fw(m, c);
	case GFX_CMD_ID_AUTOLOAD_RLC:	return cmd_autoload_rlc(m, c);
	case GFX_CMD_ID_LOAD_ASD:
	case GFX_CMD_ID_LOAD_TA:	return cmd_load_ta(m, c);
	case GFX_CMD_ID_UNLOAD_TA:	return cmd_unload_ta(m, c);
	case GFX_CMD_ID_DESTROY_TMR:	return cmd_destroy_tmr(m, c);
	default:
		model_log(m, "psp: GFX command 0x%x not supported", c->cmd_id);
		return PSP_STATUS_BAD_CMD;
	}
}

/*
 * One ring frame: read the command buffer, execute, write the response
 * back (resp at +864), then the fence value.  A frame whose command buffer
 * cannot be read gets no fence: the driver times out, loudly.
 */
static void
do_frame(struct model_engine *e, uint64_t at)
{
	struct navi23 *m = e->m;
	struct psp_rb_frame f;
	struct psp_gfx_cmd c;
	uint64_t cmd_addr;

	if (gmc_read(m, 0, at, &f, sizeof(f), NAVI23_ENG_PSP) != 0) {
		model_log(m, "psp: ring frame at 0x%llx unreadable", (unsigned long long)at);
		return;
	}
	cmd_addr = addr64(f.cmd_buf_addr_lo, f.cmd_buf_addr_hi);
	if (f.cmd_buf_size < sizeof(c) ||
	    gmc_read(m, 0, cmd_addr, &c, sizeof(c), NAVI23_ENG_PSP) != 0) {
		model_log(m, "psp: command buffer at 0x%llx (%u bytes) unreadable: no fence",
		    (unsigned long long)cmd_addr, f.cmd_buf_size);
		return;
	}
	memset(&c.resp, 0, sizeof(c.resp));
	c.resp.status = execute(e, &c);
	atomic_fetch_add(&m->stats.psp_cmds, 1);
	if (engine_drop_write(e) ||
	    gmc_write(m, 0, cmd_addr + PSP_GFX_RESP_OFFSET, &c.resp, sizeof(c.resp),
	    NAVI23_ENG_PSP) != 0)
		return;
	if (!engine_drop_write(e))
		gmc_write(m, 0, addr64(f.fence_addr_lo, f.fence_addr_hi), &f.fence_value,
		    sizeof(f.fence_value), NAVI23_ENG_PSP);
}

/* Run every frame between our read pointer and C2PMSG_67. */
static void
ring_run(struct model_engine *e)
{
	struct navi23 *m = e->m;
	struct psp_state *s = m->psp;
	uint32_t wptr, ring_dw;
	uint64_t base;

	for (;;) {
		pthread_mutex_lock(&m->lock);
		ring_dw = s->ring_bytes / 4;
		wptr = s->ring_up ? reg_get(m, PSP_RING_WPTR) % ring_dw : s->rptr;
		base = s->ring_base;
		pthread_mutex_unlock(&m->lock);
		if (!s->ring_up || wptr == s->rptr || atomic_load(&e->hung))
			return;
		do_frame(e, base + (uint64_t)s->rptr * 4);
		s->rptr = (s->rptr + PSP_RB_FRAME_DWORDS) % ring_dw;
	}
}

static void
psp_work(struct model_engine *e)
{
	struct navi23 *m = e->m;
	struct psp_state *s = m->psp;
	uint32_t bl, ctl;

	pthread_mutex_lock(&m->lock);
	bl = s->bl_pending;
	ctl = s->ctl_pending;
	s->bl_pending = s->ctl_pending = 0;
	pthread_mutex_unlock(&m->lock);
	if (bl != 0)
		bl_command(e, bl);
	if (ctl != 0)
		ring_control(m, ctl);
	ring_run(e);
}

/* --- register decode ----------------------------------------------------- */

static void
psp_write_reg(struct navi23 *m, uint32_t reg, uint32_t val)
{
	switch (reg) {
	case PSP_BL_MSG:
		m->psp->bl_pending = val;
		engine_kick(&m->psp->eng);
		break;
	case PSP_RING_CTL:
		m->psp->ctl_pending = val;
		engine_kick(&m->psp->eng);
		break;
	case PSP_RING_WPTR:
		engine_kick(&m->psp->eng);
		break;
	default:
		break;
	}
}

const struct model_block psp_block = {
	.name = "psp",
	.write = psp_write_reg,
};

bool
psp_ucode_loaded(struct navi23 *m, unsigned gfx_fw_type)
{
	bool r;

	if (m->psp == NULL || gfx_fw_type >= GFX_FW_TYPE_MAX)
		return false;
	pthread_mutex_lock(&m->lock);
	r = m->psp->loaded[gfx_fw_type];
	pthread_mutex_unlock(&m->lock);
	return r;
}

/* Reset: the IFWI has trained memory (C2PMSG_33 bit 31), the bootloader
 * waits for commands (C2PMSG_35 bit 31), no sOS (C2PMSG_81 = 0). */
int
mdl_psp_init(struct navi23 *m)
{
	m->psp = calloc(1, sizeof(*m->psp));
	if (m->psp == NULL)
		return -1;
	model_claim(m, BLK_PSP, PSP_BL_MSG);
	model_claim(m, BLK_PSP, PSP_RING_CTL);
	model_claim(m, BLK_PSP, PSP_RING_WPTR);
	reg_put(m, PSP_IFWI_STATUS, PSP_MBOX_READY);
	reg_put(m, PSP_BL_MSG, PSP_MBOX_READY);
	reg_put(m, PSP_SOS_ALIVE, 0);
	engine_init(&m->psp->eng, m, NAVI23_ENG_PSP, "psp", psp_work, m->psp);
	return 0;
}

void
mdl_psp_fini(struct navi23 *m)
{
	if (m->psp == NULL)
		return;
	engine_fini(&m->psp->eng);
	free(m->psp);
	m->psp = NULL;
}

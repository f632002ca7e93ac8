/*
 * PSP (MP0 11.0.12) driver: start the secure OS through the bootloader
 * mailbox, create the kernel-mode (KM) ring and hand every ucode to the
 * PSP, which checks its signature and loads it into its engine.
 *
 * Follows Linux drivers/gpu/drm/amd/amdgpu/amdgpu_psp.c (psp_hw_start,
 * psp_cmd_submit_buf, psp_ring_cmd_submit, psp_tmr_init, psp_load_toc,
 * psp_tmr_load, psp_load_smu_fw, psp_load_non_psp_fw, psp_np_fw_load,
 * psp_rlc_autoload_start, psp_asd_initialize, psp_hw_fini) and psp_v11_0.c
 * (psp_v11_0_is_sos_alive, psp_v11_0_bootloader_load_kdb/_spl/_sysdrv/_sos,
 * psp_v11_0_wait_for_bootloader, psp_v11_0_ring_create,
 * psp_v11_0_ring_stop).  Protocol summary: navi23-facts.md section 3.3.
 */
#include "amd/amdgpu_ucode.h"
#include "amd/mp_11_0_reg.h"
#include "amd/psp_gfx_if.h"
#include "amdgpu.h"
#include "fmt.h"

/* Buffer sizes and alignments (amdgpu_psp.h PSP_1_MEG, PSP_TMR_ALIGNMENT,
 * PSP_FENCE_BUFFER_SIZE, PSP_CMD_BUFFER_SIZE, PSP_ASD_SHARED_MEM_SIZE;
 * amdgpu_psp.c psp_tmr_init default PSP_TMR_SIZE). */
#define PSP_1_MEG		0x100000u
#define PSP_TMR_ALIGN		PSP_1_MEG
#define PSP_TMR_DEFAULT		0x400000u
#define PSP_FENCE_BYTES		0x1000u
#define PSP_CMD_BYTES		0x1000u
#define PSP_ASD_SHARED_BYTES	0x4000u
#define PSP_UCODE_ALIGN		0x1000u	/* amdgpu_ucode_create_bo: page aligned */

/*
 * Waits.  psp_v11_0_wait_for_bootloader retries a usec_timeout (100 ms)
 * wait 10 times; the sOS sign of life and the ring responses get one
 * usec_timeout wait (psp_wait_for); psp_cmd_submit_buf polls the fence
 * psp_timeout (20000) times with 10-100 us sleeps, so at most ~2 s.
 */
#define PSP_BL_RETRIES		10
#define PSP_WAIT_US		GPU_TIMEOUT_US
#define PSP_CMD_TIMEOUT_US	2000000u

struct psp_state {
	struct kbo fw_pri;	/* bootloader and TA images, 1 MiB aligned */
	struct kbo fence;	/* the PSP writes each frame's fence value here */
	struct kbo cmd_mem;	/* the 1 KiB GFX command buffer */
	struct kbo ring;	/* the KM ring, 4 KiB of 64-byte frames */
	struct kbo asd_shared;	/* ASD's shared command memory */
	struct kbo tmr;		/* trusted memory region */
	struct kbo ucode;	/* every IP_FW image, page aligned (ucode BO) */
	struct psp_gfx_cmd cmd;	/* built here, copied to cmd_mem */
	uint32_t fw_pri_used;	/* bytes of fw_pri that may be non-zero */
	uint32_t fence_value;
	uint32_t tmr_size;
	uint32_t asd_session;
	bool ring_up, tmr_up, asd_up;
};

static const char *
bl_name(uint32_t cmd)
{
	switch (cmd) {
	case PSP_BL_LOAD_KEY_DATABASE:	return "LOAD_KEY_DATABASE";
	case PSP_BL_LOAD_TOS_SPL_TABLE:	return "LOAD_TOS_SPL_TABLE";
	case PSP_BL_LOAD_SYSDRV:	return "LOAD_SYSDRV";
	case PSP_BL_LOAD_SOSDRV:	return "LOAD_SOSDRV";
	default:			return "bootloader command";
	}
}

static const char *
cmd_name(uint32_t id)
{
	switch (id) {
	case GFX_CMD_ID_LOAD_TA:	return "LOAD_TA";
	case GFX_CMD_ID_UNLOAD_TA:	return "UNLOAD_TA";
	case GFX_CMD_ID_LOAD_ASD:	return "LOAD_ASD";
	case GFX_CMD_ID_SETUP_TMR:	return "SETUP_TMR";
	case GFX_CMD_ID_LOAD_IP_FW:	return "LOAD_IP_FW";
	case GFX_CMD_ID_DESTROY_TMR:	return "DESTROY_TMR";
	case GFX_CMD_ID_LOAD_TOC:	return "LOAD_TOC";
	case GFX_CMD_ID_AUTOLOAD_RLC:	return "AUTOLOAD_RLC";
	default:			return "GFX command";
	}
}

/* Poll reg until (value & mask) == expect, without recording an error. */
static bool
poll_reg(struct gpu_device *dev, uint32_t reg, uint32_t mask, uint32_t expect,
    uint32_t timeout_us, uint32_t *last)
{
	uint64_t deadline = os_time_ns() + (uint64_t)timeout_us * 1000;

	for (;;) {
		*last = rreg(dev, reg);
		if ((*last & mask) == expect)
			return true;
		if (os_time_ns() > deadline)
			return false;
		os_delay_us(1);
	}
}

/* psp_v11_0_wait_for_bootloader: C2PMSG_35 bit 31, ten tries. */
static int
wait_bootloader(struct gpu_device *dev, const char *step)
{
	uint32_t v = 0;

	for (int i = 0; i < PSP_BL_RETRIES; i++)
		if (poll_reg(dev, PSP_BL_MSG, PSP_MBOX_READY, PSP_MBOX_READY,
		    PSP_WAIT_US, &v))
			return 0;
	return gpu_error(dev, -GPU_ETIME,
	    "PSP bootloader: timeout after %u us waiting for C2PMSG_35 bit 31 (ready) %s, last 0x%08x",
	    PSP_BL_RETRIES * PSP_WAIT_US, step, v);
}

/* psp_v11_0_is_sos_alive: C2PMSG_81 is the sOS sign of life. */
static bool
sos_alive(struct gpu_device *dev)
{
	return rreg(dev, PSP_SOS_ALIVE) != 0;
}

/*
 * Copy an image into the 1 MiB fw_pri buffer (psp_copy_fw).  Linux clears
 * the whole MiB first; clearing only what the last image left behind gives
 * the same buffer without touching every page each time.
 */
static int
copy_fw_pri(struct gpu_device *dev, const struct ucode_image *im, const char *file)
{
	struct psp_state *psp = dev->psp;

	if (im->size > psp->fw_pri.size)
		return gpu_error(dev, -GPU_ENOEXEC,
		    "PSP: %s of %s is %u bytes, more than the %llu-byte fw_pri buffer",
		    im->what, file, im->size, (unsigned long long)psp->fw_pri.size);
	memcpy(psp->fw_pri.cpu, im->data, im->size);
	if (psp->fw_pri_used > im->size)
		memset((uint8_t *)psp->fw_pri.cpu + im->size, 0, psp->fw_pri_used - im->size);
	psp->fw_pri_used = im->size;
	return 0;
}

/* psp_v11_0_bootloader_load_sos: wait until C2PMSG_81 becomes non-zero. */
static int
wait_sos_alive(struct gpu_device *dev, const struct ucode_image *im, const char *file)
{
	uint64_t deadline = os_time_ns() + (uint64_t)PSP_WAIT_US * 1000;

	while (!sos_alive(dev)) {
		if (os_time_ns() > deadline)
			return gpu_error(dev, -GPU_ETIME,
			    "PSP bootloader: timeout after %u us waiting for C2PMSG_81 (sOS sign of life) after %s (%s of %s), C2PMSG_35 0x%08x",
			    PSP_WAIT_US, bl_name(im->type), im->what, file,
			    rreg(dev, PSP_BL_MSG));
		os_delay_us(1);
	}
	return 0;
}

/*
 * One bootloader component (psp_v11_0_bootloader_load_kdb and friends):
 * wait until ready, copy, address >> 20 to C2PMSG_36, command to
 * C2PMSG_35, then wait for ready again, or for the sOS sign of life.
 * Linux ignores C2PMSG_35[15:0] after a step; we report a non-zero value.
 */
static int
bl_load(struct gpu_device *dev, const struct ucode_image *im)
{
	const char *file = ucode_file_name(UCODE_SOS);
	char step[64];
	uint32_t v;
	int rc;

	gpu_snprintf(step, sizeof(step), "before %s (%s)", bl_name(im->type), im->what);
	if ((rc = wait_bootloader(dev, step)) != 0 ||
	    (rc = copy_fw_pri(dev, im, file)) != 0)
		return rc;
	hdp_flush(dev);
	wreg(dev, PSP_BL_ADDR, (uint32_t)(dev->psp->fw_pri.gpu >> 20));
	wreg(dev, PSP_BL_MSG, im->type);
	if (im->type == PSP_BL_LOAD_SOSDRV)
		return wait_sos_alive(dev, im, file);
	gpu_snprintf(step, sizeof(step), "after %s (%s)", bl_name(im->type), im->what);
	if ((rc = wait_bootloader(dev, step)) != 0)
		return rc;
	v = rreg(dev, PSP_BL_MSG) & PSP_MBOX_STATUS_MASK;
	if (v != 0)
		return gpu_error(dev, -GPU_EIO,
		    "PSP bootloader %s rejected %s of %s: status 0x%04x",
		    bl_name(im->type), im->what, file, v);
	return 0;
}

/* psp_hw_start: KDB, SPL, SYS_DRV, SOS, unless the sOS already runs. */
static int
bootloader(struct gpu_device *dev)
{
	const struct ucode_info *sos = &dev->fw[UCODE_SOS].info;
	int rc;

	if (sos_alive(dev)) {
		GPU_INFO(dev, "PSP: sOS already running, bootloader skipped");
		return 0;
	}
	for (unsigned i = 0; i < sos->nimages; i++) {
		if (sos->images[i].role != UCODE_ROLE_PSP_BL)
			continue;
		if ((rc = bl_load(dev, &sos->images[i])) != 0)
			return rc;
	}
	return 0;
}

/*
 * psp_v11_0_ring_create (bare metal): wait for the sOS to accept rings,
 * ring address and size in C2PMSG_69/70/71, KM ring type << 16 in
 * C2PMSG_64, then bit 31 with status [15:0] = 0.  Linux sleeps 20 ms
 * after the command for a hardware handshake issue; we poll instead.
 */
static int
km_ring_create(struct gpu_device *dev)
{
	struct psp_state *psp = dev->psp;
	uint32_t v = 0;

	if (!poll_reg(dev, PSP_RING_CTL, PSP_MBOX_READY, PSP_MBOX_READY, PSP_WAIT_US, &v))
		return gpu_error(dev, -GPU_ETIME,
		    "PSP: timeout after %u us waiting for C2PMSG_64 bit 31 (sOS ready for ring creation), last 0x%08x",
		    PSP_WAIT_US, v);
	wreg(dev, PSP_RING_ADDR_LO, (uint32_t)psp->ring.gpu);
	wreg(dev, PSP_RING_ADDR_HI, (uint32_t)(psp->ring.gpu >> 32));
	wreg(dev, PSP_RING_SIZE, PSP_RING_BYTES);
	wreg(dev, PSP_RING_CTL, PSP_RING_TYPE_KM << 16);
	if (!poll_reg(dev, PSP_RING_CTL, PSP_MBOX_READY | PSP_MBOX_STATUS_MASK,
	    PSP_MBOX_READY, PSP_WAIT_US, &v))
		return gpu_error(dev, -GPU_EIO,
		    "PSP: KM ring creation failed: C2PMSG_64 0x%08x (want bit 31 and status 0 within %u us)",
		    v, PSP_WAIT_US);
	psp->ring_up = true;
	return 0;
}

/* psp_v11_0_ring_stop: GFX_CTRL_CMD_ID_DESTROY_RINGS, wait for bit 31. */
static void
km_ring_destroy(struct gpu_device *dev)
{
	uint32_t v = 0;

	wreg(dev, PSP_RING_CTL, GFX_CTRL_CMD_DESTROY_RINGS);
	if (!poll_reg(dev, PSP_RING_CTL, PSP_MBOX_READY, PSP_MBOX_READY, PSP_WAIT_US, &v))
		GPU_WARN(dev, "PSP: timeout after %u us waiting for C2PMSG_64 bit 31 after DESTROY_RINGS, last 0x%08x",
		    PSP_WAIT_US, v);
	dev->psp->ring_up = false;
}

/* A fresh command buffer (psp_prep_*_cmd_buf start from a zeroed one). */
static struct psp_gfx_cmd *
cmd_prep(struct gpu_device *dev, uint32_t id)
{
	struct psp_gfx_cmd *c = &dev->psp->cmd;

	memset(c, 0, sizeof(*c));
	c->buf_size = sizeof(*c);
	c->buf_version = PSP_GFX_CMD_BUF_VERSION;
	c->cmd_id = id;
	return c;
}

/* psp_ring_cmd_submit: one frame at the write pointer, then advance it. */
static void
ring_submit(struct gpu_device *dev, uint32_t index)
{
	struct psp_state *psp = dev->psp;
	const uint32_t ring_dw = PSP_RING_BYTES / 4;
	uint32_t wptr = rreg(dev, PSP_RING_WPTR) % ring_dw;
	struct psp_rb_frame f;

	memset(&f, 0, sizeof(f));
	f.cmd_buf_addr_lo = (uint32_t)psp->cmd_mem.gpu;
	f.cmd_buf_addr_hi = (uint32_t)(psp->cmd_mem.gpu >> 32);
	f.cmd_buf_size = PSP_CMD_BYTES;
	f.fence_addr_lo = (uint32_t)psp->fence.gpu;
	f.fence_addr_hi = (uint32_t)(psp->fence.gpu >> 32);
	f.fence_value = index;
	memcpy((uint8_t *)psp->ring.cpu + wptr * 4, &f, sizeof(f));
	hdp_flush(dev);
	wreg(dev, PSP_RING_WPTR, (wptr + PSP_RB_FRAME_DWORDS) % ring_dw);
}

/*
 * psp_cmd_submit_buf: copy the command to its buffer, submit, wait for
 * the fence, copy the response back and check its status.  what/file name
 * the ucode for the error message (NULL when the command has none).
 */
static int
cmd_submit(struct gpu_device *dev, const char *what, const char *file)
{
	struct psp_state *psp = dev->psp;
	uint32_t id = psp->cmd.cmd_id, index = ++psp->fence_value;
	char fence_what[96];
	int rc;

	memset(psp->cmd_mem.cpu, 0, PSP_CMD_BYTES);
	memcpy(psp->cmd_mem.cpu, &psp->cmd, sizeof(psp->cmd));
	ring_submit(dev, index);
	gpu_snprintf(fence_what, sizeof(fence_what), "the PSP fence of %s%s%s%s",
	    cmd_name(id), what != NULL ? " (" : "", what != NULL ? what : "",
	    what != NULL ? ")" : "");
	rc = wait_mem(dev, (volatile uint32_t *)psp->fence.cpu, fence_what,
	    0xffffffffu, index, PSP_CMD_TIMEOUT_US);
	if (rc != 0)
		return rc;
	memcpy(&psp->cmd, psp->cmd_mem.cpu, sizeof(psp->cmd));
	if (psp->cmd.resp.status == 0)
		return 0;
	if (what != NULL)
		return gpu_error(dev, -GPU_EIO, "PSP %s of %s (%s) failed: status 0x%x",
		    cmd_name(id), what, file, psp->cmd.resp.status);
	return gpu_error(dev, -GPU_EIO, "PSP %s failed: status 0x%x",
	    cmd_name(id), psp->cmd.resp.status);
}

/* psp_load_toc: the PSP answers the TMR size the TOC asks for. */
static int
load_toc(struct gpu_device *dev)
{
	const struct ucode_info *sos = &dev->fw[UCODE_SOS].info;
	const char *file = ucode_file_name(UCODE_SOS);
	struct psp_gfx_cmd *c;
	int rc;

	dev->psp->tmr_size = PSP_TMR_DEFAULT;
	for (unsigned i = 0; i < sos->nimages; i++) {
		const struct ucode_image *im = &sos->images[i];

		if (im->role != UCODE_ROLE_TOC)
			continue;
		if ((rc = copy_fw_pri(dev, im, file)) != 0)
			return rc;
		c = cmd_prep(dev, GFX_CMD_ID_LOAD_TOC);
		c->u.load_toc.toc_phy_addr_lo = (uint32_t)dev->psp->fw_pri.gpu;
		c->u.load_toc.toc_phy_addr_hi = (uint32_t)(dev->psp->fw_pri.gpu >> 32);
		c->u.load_toc.toc_size = im->size;
		if ((rc = cmd_submit(dev, im->what, file)) != 0)
			return rc;
		dev->psp->tmr_size = dev->psp->cmd.resp.tmr_size;
	}
	return 0;
}

/* psp_tmr_load: SETUP_TMR with the TMR's MC address and size. */
static int
setup_tmr(struct gpu_device *dev)
{
	struct psp_state *psp = dev->psp;
	struct psp_gfx_cmd *c = cmd_prep(dev, GFX_CMD_ID_SETUP_TMR);
	int rc;

	c->u.setup_tmr.buf_phy_addr_lo = (uint32_t)psp->tmr.gpu;
	c->u.setup_tmr.buf_phy_addr_hi = (uint32_t)(psp->tmr.gpu >> 32);
	c->u.setup_tmr.buf_size = (uint32_t)psp->tmr.size;
	if ((rc = cmd_submit(dev, NULL, NULL)) != 0)
		return rc;
	psp->tmr_up = true;
	return 0;
}

/*
 * The ucode BO (amdgpu_ucode_create_bo, amdgpu_ucode_init_bo): every
 * IP_FW image of every loaded file, each at a page-aligned offset, in GTT.
 * The offsets are recomputed in the same walk by ucode_addr().
 */
static uint64_t
ucode_walk(struct gpu_device *dev, const struct ucode_image *want, bool copy)
{
	uint64_t off = 0;

	for (int f = 0; f < UCODE_FILE_COUNT; f++) {
		const struct ucode_info *u = &dev->fw[f].info;

		if (!ucode_file_loaded((enum ucode_file)f))
			continue;
		for (unsigned i = 0; i < u->nimages; i++) {
			const struct ucode_image *im = &u->images[i];

			if (im->role != UCODE_ROLE_IP_FW)
				continue;
			if (im == want)
				return off;
			if (copy)
				memcpy((uint8_t *)dev->psp->ucode.cpu + off, im->data, im->size);
			off += (im->size + PSP_UCODE_ALIGN - 1) & ~(uint64_t)(PSP_UCODE_ALIGN - 1);
		}
	}
	return off;
}

static int
ucode_bo_init(struct gpu_device *dev)
{
	uint64_t total = ucode_walk(dev, NULL, false);
	int rc;

	if ((rc = kbo_alloc(dev, total, PSP_UCODE_ALIGN, KBO_GTT, &dev->psp->ucode)) != 0)
		return rc;
	ucode_walk(dev, NULL, true);
	return 0;
}

/* psp_execute_non_psp_fw_load: LOAD_IP_FW of one image from the ucode BO. */
static int
load_ip_fw(struct gpu_device *dev, enum ucode_file f, const struct ucode_image *im)
{
	uint64_t addr = dev->psp->ucode.gpu + ucode_walk(dev, im, false);
	struct psp_gfx_cmd *c = cmd_prep(dev, GFX_CMD_ID_LOAD_IP_FW);

	c->u.load_ip_fw.fw_phy_addr_lo = (uint32_t)addr;
	c->u.load_ip_fw.fw_phy_addr_hi = (uint32_t)(addr >> 32);
	c->u.load_ip_fw.fw_size = im->size;
	c->u.load_ip_fw.fw_type = im->type;
	return cmd_submit(dev, im->what, ucode_file_name(f));
}

/* psp_load_smu_fw: the SMU image goes first (PMFW manages DF C-states). */
static int
load_smu(struct gpu_device *dev)
{
	const struct ucode_info *u = &dev->fw[UCODE_SMC].info;

	for (unsigned i = 0; i < u->nimages; i++)
		if (u->images[i].role == UCODE_ROLE_IP_FW &&
		    u->images[i].type == GFX_FW_TYPE_SMU)
			return load_ip_fw(dev, UCODE_SMC, &u->images[i]);
	return gpu_error(dev, -GPU_ENOEXEC, "PSP: %s has no SMU image",
	    ucode_file_name(UCODE_SMC));
}

/* psp_rlc_autoload_start: every gfx ucode is in, let the RLC boot them. */
static int
autoload_rlc(struct gpu_device *dev)
{
	cmd_prep(dev, GFX_CMD_ID_AUTOLOAD_RLC);
	return cmd_submit(dev, NULL, NULL);
}

/*
 * psp_load_non_psp_fw / psp_np_fw_load: every IP_FW image in
 * AMDGPU_UCODE_ID order (ucode.h enum ucode_order), the SMU skipped since
 * it went first, AUTOLOAD_RLC right after RLC_G.
 */
static int
load_non_psp_fw(struct gpu_device *dev)
{
	int rc;

	for (int o = 0; o < UCODE_ORDER_NONE; o++) {
		for (int f = 0; f < UCODE_FILE_COUNT; f++) {
			const struct ucode_info *u = &dev->fw[f].info;

			if (!ucode_file_loaded((enum ucode_file)f))
				continue;
			for (unsigned i = 0; i < u->nimages; i++) {
				const struct ucode_image *im = &u->images[i];

				if (im->role != UCODE_ROLE_IP_FW || (int)im->order != o ||
				    im->type == GFX_FW_TYPE_SMU)
					continue;
				if ((rc = load_ip_fw(dev, (enum ucode_file)f, im)) != 0)
					return rc;
				if (o == UCODE_ORDER_RLC_G && (rc = autoload_rlc(dev)) != 0)
					return rc;
			}
		}
	}
	return 0;
}

/* psp_asd_initialize: LOAD_ASD from ta.bin; the other TAs stay unloaded. */
static int
load_asd(struct gpu_device *dev)
{
	const struct ucode_info *u = &dev->fw[UCODE_TA].info;
	const char *file = ucode_file_name(UCODE_TA);
	struct psp_state *psp = dev->psp;
	struct psp_gfx_cmd *c;
	int rc;

	for (unsigned i = 0; i < u->nimages; i++) {
		const struct ucode_image *im = &u->images[i];

		if (im->role != UCODE_ROLE_TA || im->type != TA_FW_TYPE_PSP_ASD)
			continue;
		if ((rc = copy_fw_pri(dev, im, file)) != 0)
			return rc;
		c = cmd_prep(dev, GFX_CMD_ID_LOAD_ASD);
		c->u.load_ta.app_phy_addr_lo = (uint32_t)psp->fw_pri.gpu;
		c->u.load_ta.app_phy_addr_hi = (uint32_t)(psp->fw_pri.gpu >> 32);
		c->u.load_ta.app_len = im->size;
		c->u.load_ta.cmd_buf_phy_addr_lo = (uint32_t)psp->asd_shared.gpu;
		c->u.load_ta.cmd_buf_phy_addr_hi = (uint32_t)(psp->asd_shared.gpu >> 32);
		c->u.load_ta.cmd_buf_len = PSP_ASD_SHARED_BYTES;
		if ((rc = cmd_submit(dev, im->what, file)) != 0)
			return rc;
		psp->asd_session = psp->cmd.resp.session_id;
		psp->asd_up = true;
		return 0;
	}
	return gpu_error(dev, -GPU_ENOEXEC, "PSP: %s has no ASD image", file);
}

/* psp_sw_init / psp_ring_init: the buffers the PSP talks through. */
static int
alloc_buffers(struct gpu_device *dev)
{
	struct psp_state *psp = dev->psp;
	int rc;

	if ((rc = kbo_alloc(dev, PSP_1_MEG, PSP_1_MEG, KBO_GTT, &psp->fw_pri)) != 0 ||
	    (rc = kbo_alloc(dev, PSP_FENCE_BYTES, PSP_FENCE_BYTES, KBO_VRAM, &psp->fence)) != 0 ||
	    (rc = kbo_alloc(dev, PSP_CMD_BYTES, PSP_CMD_BYTES, KBO_VRAM, &psp->cmd_mem)) != 0 ||
	    (rc = kbo_alloc(dev, PSP_RING_BYTES, PSP_RING_BYTES, KBO_VRAM, &psp->ring)) != 0 ||
	    (rc = kbo_alloc(dev, PSP_ASD_SHARED_BYTES, 0x1000, KBO_VRAM, &psp->asd_shared)) != 0)
		return rc;
	if ((psp->fw_pri.gpu & (PSP_1_MEG - 1)) != 0)
		return gpu_error(dev, -GPU_EINVAL,
		    "PSP: fw_pri buffer at MC 0x%llx is not 1 MiB aligned",
		    (unsigned long long)psp->fw_pri.gpu);
	return 0;
}

/* psp_hw_start + psp_load_fw, in Linux's order for MP0 11.0.12. */
int
psp_v11_init(struct gpu_device *dev)
{
	struct psp_state *psp;
	uint64_t t0 = os_time_ns();
	int rc;

	if ((psp = os_zalloc(sizeof(*psp))) == NULL)
		return gpu_error(dev, -GPU_ENOMEM, "PSP: out of memory");
	dev->psp = psp;
	if ((rc = alloc_buffers(dev)) != 0 || (rc = bootloader(dev)) != 0 ||
	    (rc = km_ring_create(dev)) != 0 || (rc = load_toc(dev)) != 0)
		return rc;
	/* The TMR belongs to the PSP: not cleared (amdgpu_bo_create_kernel). */
	if ((rc = kbo_alloc_raw(dev, psp->tmr_size, PSP_TMR_ALIGN, KBO_VRAM, &psp->tmr)) != 0 ||
	    (rc = ucode_bo_init(dev)) != 0 || (rc = load_smu(dev)) != 0 ||
	    (rc = setup_tmr(dev)) != 0 || (rc = load_non_psp_fw(dev)) != 0 ||
	    (rc = load_asd(dev)) != 0)
		return rc;
	GPU_INFO(dev, "PSP: sOS 0x%08x, %u commands, TMR %u KiB, firmware loaded in %llu us",
	    dev->fw[UCODE_SOS].info.ucode_version, psp->fence_value, psp->tmr_size >> 10,
	    (unsigned long long)((os_time_ns() - t0) / 1000));
	return 0;
}

/* psp_hw_fini: ASD, TMR and ring down, then every buffer, newest first. */
void
psp_v11_fini(struct gpu_device *dev)
{
	struct psp_state *psp = dev->psp;
	struct psp_gfx_cmd *c;

	if (psp == NULL)
		return;
	if (psp->ring_up && psp->asd_up) {
		c = cmd_prep(dev, GFX_CMD_ID_UNLOAD_TA);
		memcpy(c->u.raw, &psp->asd_session, sizeof(psp->asd_session));
		if (cmd_submit(dev, "ASD", ucode_file_name(UCODE_TA)) != 0)
			GPU_WARN(dev, "PSP: UNLOAD_TA of ASD failed");
	}
	if (psp->ring_up && psp->tmr_up) {
		cmd_prep(dev, GFX_CMD_ID_DESTROY_TMR);
		if (cmd_submit(dev, NULL, NULL) != 0)
			GPU_WARN(dev, "PSP: DESTROY_TMR failed");
	}
	if (psp->ring_up)
		km_ring_destroy(dev);
	kbo_free(dev, &psp->ucode);
	kbo_free(dev, &psp->tmr);
	kbo_free(dev, &psp->asd_shared);
	kbo_free(dev, &psp->ring);
	kbo_free(dev, &psp->cmd_mem);
	kbo_free(dev, &psp->fence);
	kbo_free(dev, &psp->fw_pri);
	os_free(psp);
	dev->psp = NULL;
}

/* The sOS version Linux reports: the sos header's ucode_version. */
void
psp_v11_query(struct gpu_device *dev, struct gpu_info *info)
{
	info->psp_sos_version = dev->fw[UCODE_SOS].info.ucode_version;
}

/*
 * DRM_AMDGPU_INFO: the device queries, answered as amdgpu_info_ioctl() in
 * Linux's drivers/gpu/drm/amd/amdgpu/amdgpu_kms.c answers them, with every
 * chip value taken from the driver (gpu_query_info at bring-up).  Unknown
 * queries answer -EINVAL, as the kernel's default case does.
 */
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <amdgpu_drm.h>

#include "amd/discovery.h"
#include "amd/gc_10_3_reg.h"
#include "bridge.h"

/* Newer than Debian's libdrm 2.4.114 header (Linux include/uapi/drm/
 * amdgpu_drm.h, 6.x): the number of IBs per submission, and the last VM
 * fault.  Answered so that RADV 25 gets what a current kernel gives. */
#ifndef AMDGPU_INFO_MAX_IBS
#define AMDGPU_INFO_MAX_IBS	0x22
#endif
#ifndef AMDGPU_INFO_GPUVM_FAULT
#define AMDGPU_INFO_GPUVM_FAULT	0x23
/* Linux include/uapi/drm/amdgpu_drm.h (6.10): the answer to GPUVM_FAULT. */
struct drm_amdgpu_info_gpuvm_fault {
	uint64_t addr;		/* faulting page address */
	uint32_t status;	/* GCVM_L2_PROTECTION_FAULT_STATUS */
	uint32_t vmhub;		/* AMDGPU_VMHUB_TYPE_* | index << 8 */
};
#define AMDGPU_VMHUB_TYPE_GFX	0
#endif

/* amdgpu_kms.c, AMDGPU_INFO_HW_IP_INFO: IB alignments per IP. */
#define IB_ALIGN_GFX		32	/* start and size, bytes */
#define IB_ALIGN_SDMA_START	256
#define IB_ALIGN_SDMA_SIZE	4
/* gfx_v10_0.c: ce_ram_size 0x8000, max_hw_contexts 8 */
#define GFX10_CE_RAM_SIZE	0x8000
#define GFX10_HW_CONTEXTS	8
/* amdgpu_vm.h: AMDGPU_VM_PTE_COUNT fragment of 2 MiB (amdgpu_vm_fragment_size 9) */
#define PTE_FRAGMENT_SIZE	(2u << 20)

/*
 * GFXHUB UTCL2 client ids by the names the driver gives them in
 * gpu_vm_fault.engine (gpu/vm.c utcl2_clients[]).
 */
static const struct {
	const char *name;
	unsigned cid;
} utcl2_clients[] = {
	{ "CB/DB", UTCL2_CID_CB_DB }, { "GE1", UTCL2_CID_GE1 }, { "GE2", UTCL2_CID_GE2 },
	{ "CPF", UTCL2_CID_CPF }, { "CPC", UTCL2_CID_CPC }, { "CPG", UTCL2_CID_CPG },
	{ "RLC", UTCL2_CID_RLC }, { "TCP", UTCL2_CID_TCP },
	{ "SQC (inst)", UTCL2_CID_SQC_INST }, { "SQC (data)", UTCL2_CID_SQC_DATA },
	{ "SQG", UTCL2_CID_SQG }, { "SDMA0", UTCL2_CID_SDMA0 },
	{ "SDMA1", UTCL2_CID_SDMA1 }, { "GCR", UTCL2_CID_GCR },
};

static int
copy_out(const struct drm_amdgpu_info *q, const void *src, size_t size)
{
	size_t n = q->return_size < size ? q->return_size : size;

	if (q->return_pointer == 0)
		return -EFAULT;
	memcpy((void *)(uintptr_t)q->return_pointer, src, n);
	return 0;
}

static const struct gpu_ring_info *
ring_named(const struct gpu_info *in, const char *prefix, unsigned idx)
{
	unsigned n = 0, len = strlen(prefix);

	for (unsigned i = 0; i < in->nrings; i++) {
		if (strncmp(in->rings[i].name, prefix, len) == 0 &&
		    in->rings[i].ring_test == 0 && in->rings[i].ib_test == 0 && n++ == idx)
			return &in->rings[i];
	}
	return NULL;
}

/* Rings whose ring and IB tests passed, as the kernel's sched.ready. */
static uint32_t
ring_mask(const struct gpu_info *in, const char *prefix)
{
	uint32_t mask = 0;

	for (unsigned i = 0; i < 32 && ring_named(in, prefix, i) != NULL; i++)
		mask |= 1u << i;
	return mask;
}

static const struct gpu_ip_info *
ip_named(const struct gpu_info *in, const char *name)
{
	for (unsigned i = 0; i < in->nips; i++)
		if (strcmp(in->ips[i].name, name) == 0)
			return &in->ips[i];
	return NULL;
}

static int
info_hw_ip(const struct bdev *d, const struct drm_amdgpu_info *q)
{
	struct drm_amdgpu_info_hw_ip ip;
	const struct gpu_ip_info *disc = NULL;

	memset(&ip, 0, sizeof(ip));
	if (q->query_hw_ip.ip_instance != 0)
		return -EINVAL;
	switch (q->query_hw_ip.type) {
	case AMDGPU_HW_IP_GFX:
		disc = ip_named(&d->info, "GC");
		ip.available_rings = ring_mask(&d->info, "gfx_");
		ip.ib_start_alignment = ip.ib_size_alignment = IB_ALIGN_GFX;
		break;
	case AMDGPU_HW_IP_COMPUTE:
		disc = ip_named(&d->info, "GC");
		ip.available_rings = ring_mask(&d->info, "comp_");
		ip.ib_start_alignment = ip.ib_size_alignment = IB_ALIGN_GFX;
		break;
	case AMDGPU_HW_IP_DMA:
		disc = ip_named(&d->info, "SDMA0");
		ip.available_rings = ring_mask(&d->info, "sdma");
		ip.ib_start_alignment = IB_ALIGN_SDMA_START;
		ip.ib_size_alignment = IB_ALIGN_SDMA_SIZE;
		break;
	case AMDGPU_HW_IP_UVD: case AMDGPU_HW_IP_VCE: case AMDGPU_HW_IP_UVD_ENC:
	case AMDGPU_HW_IP_VCN_DEC: case AMDGPU_HW_IP_VCN_ENC: case AMDGPU_HW_IP_VCN_JPEG:
		/* The driver does not start VCN: no rings, as a kernel whose
		 * VCN block failed.  Zeroes, not an error. */
		return copy_out(q, &ip, sizeof(ip));
	default:
		return -EINVAL;
	}
	if (disc != NULL) {
		/* The kernel reports the IP block's major.minor (gfx_v10_0:
		 * 10.0, sdma_v5_2: 5.2); minor 48+ adds the discovery version
		 * (newer header: ip_discovery_version, this header's _pad). */
		ip.hw_ip_version_major = disc->major;
		ip.hw_ip_version_minor = q->query_hw_ip.type == AMDGPU_HW_IP_DMA ? disc->minor : 0;
		ip._pad = (uint32_t)disc->major << 16 | (uint32_t)disc->minor << 8 | disc->rev;
	}
	return copy_out(q, &ip, sizeof(ip));
}

static const struct gpu_fw_info *
fw_named(const struct gpu_info *in, const char *suffix)
{
	char want[64];

	/* "amdgpu/dimgrey_cavefish_<suffix>.bin" */
	snprintf(want, sizeof(want), "_%s.bin", suffix);
	for (unsigned i = 0; i < in->nfw; i++) {
		size_t l = strlen(in->fw[i].file), w = strlen(want);

		if (l >= w && strcmp(in->fw[i].file + l - w, want) == 0)
			return &in->fw[i];
	}
	return NULL;
}

/* amdgpu_firmware_info(): which ucode answers which AMDGPU_INFO_FW_*. */
static int
info_fw(const struct bdev *d, const struct drm_amdgpu_info *q)
{
	struct drm_amdgpu_info_firmware fw = { 0, 0 };
	const struct gpu_fw_info *f = NULL;

	switch (q->query_fw.fw_type) {
	case AMDGPU_INFO_FW_GFX_ME: f = fw_named(&d->info, "me"); break;
	case AMDGPU_INFO_FW_GFX_PFP: f = fw_named(&d->info, "pfp"); break;
	case AMDGPU_INFO_FW_GFX_CE: f = fw_named(&d->info, "ce"); break;
	case AMDGPU_INFO_FW_GFX_RLC: f = fw_named(&d->info, "rlc"); break;
	case AMDGPU_INFO_FW_GFX_MEC:
		f = fw_named(&d->info, q->query_fw.index == 0 ? "mec" : "mec2");
		break;
	case AMDGPU_INFO_FW_SDMA: f = fw_named(&d->info, "sdma"); break;
	case AMDGPU_INFO_FW_SOS: f = fw_named(&d->info, "sos"); break;
	case AMDGPU_INFO_FW_TA: f = fw_named(&d->info, "ta"); break;
	case AMDGPU_INFO_FW_DMCUB: f = fw_named(&d->info, "dmcub"); break;
	case AMDGPU_INFO_FW_VCN: f = fw_named(&d->info, "vcn"); break;
	case AMDGPU_INFO_FW_SMC:
		fw.ver = d->info.smu_version;
		return copy_out(q, &fw, sizeof(fw));
	case AMDGPU_INFO_FW_VCE: case AMDGPU_INFO_FW_UVD: case AMDGPU_INFO_FW_GMC:
	case AMDGPU_INFO_FW_ASD: case AMDGPU_INFO_FW_DMCU: case AMDGPU_INFO_FW_TOC:
	case AMDGPU_INFO_FW_GFX_RLC_RESTORE_LIST_CNTL:
	case AMDGPU_INFO_FW_GFX_RLC_RESTORE_LIST_GPM_MEM:
	case AMDGPU_INFO_FW_GFX_RLC_RESTORE_LIST_SRM_MEM:
		/* No such ucode on Navi 23 (or not loaded): 0, as the kernel. */
		return copy_out(q, &fw, sizeof(fw));
	default:
		return -EINVAL;
	}
	if (f != NULL) {
		fw.ver = f->ucode_version;
		fw.feature = f->feature_version;
	}
	return copy_out(q, &fw, sizeof(fw));
}

static int
info_dev(const struct bdev *d, const struct drm_amdgpu_info *q)
{
	const struct gpu_info *in = &d->info;
	struct drm_amdgpu_info_device di;
	unsigned nse = in->num_se < 4 ? in->num_se : 4;
	unsigned nsa = in->num_sa_per_se < 4 ? in->num_sa_per_se : 4;

	memset(&di, 0, sizeof(di));
	di.device_id = in->device_id;
	di.chip_rev = in->rev_id;
	di.external_rev = in->external_rev;
	di.pci_rev = in->pci_rev;
	di.family = in->family;
	di.num_shader_engines = in->num_se;
	di.num_shader_arrays_per_engine = in->num_sa_per_se;
	di.gpu_counter_freq = in->xclk_khz;
	di.max_engine_clock = in->max_sclk_khz;
	di.max_memory_clock = in->max_mclk_khz;
	di.cu_active_number = in->num_cu;
	/* gfx_v10_0_get_cu_info: a dGPU's always-on CUs are all active ones;
	 * ao_cu_mask packs SE0-1 x SA0-1 as 8-bit fields. */
	for (unsigned se = 0; se < nse; se++) {
		for (unsigned sa = 0; sa < nsa; sa++) {
			di.cu_bitmap[se][sa] = in->cu_bitmap[se][sa];
			di.cu_ao_bitmap[se][sa] = in->cu_bitmap[se][sa];
			if (se < 2 && sa < 2)
				di.cu_ao_mask |= (in->cu_bitmap[se][sa] & 0xff) << (se * 16 + sa * 8);
		}
	}
	di.num_rb_pipes = in->num_se * in->num_rb_per_se;
	di.enabled_rb_pipes_mask = di.num_rb_pipes >= 32 ? ~0u : (1u << di.num_rb_pipes) - 1;
	di.num_hw_gfx_contexts = GFX10_HW_CONTEXTS;
	di.ids_flags = 0;			/* a dGPU, no MCBP, no TMZ */
	di.virtual_address_offset = GPU_VA_START;
	di.virtual_address_max = GPU_VA_END;
	di.virtual_address_alignment = GPU_PAGE_SIZE;
	di.pte_fragment_size = PTE_FRAGMENT_SIZE;
	di.gart_page_size = GPU_PAGE_SIZE;
	di.ce_ram_size = GFX10_CE_RAM_SIZE;
	di.vram_type = in->vram_type;
	di.vram_bit_width = in->vram_bit_width;
	di.gc_double_offchip_lds_buf = in->gc_info[GCI_DOUBLE_OFFCHIP_LDS_BUFFER];
	di.wave_front_size = in->wave_size;
	di.num_shader_visible_vgprs = in->gc_info[GCI_NUM_GPRS];
	/* CUs per shader array of the full die: two per WGP. */
	di.num_cu_per_sh = 2 * in->num_wgp_per_sa;
	di.num_tcc_blocks = in->gc_info[GCI_NUM_GL2C];
	di.gs_vgt_table_depth = in->gc_info[GCI_GS_TABLE_DEPTH];
	di.gs_prim_buffer_depth = in->gc_info[GCI_GSPRIM_BUFF_DEPTH];
	di.max_gs_waves_per_vgt = in->gc_info[GCI_NUM_MAX_GS_THDS];
	/* The GPU API's VM is the low 47 bits only: no high range. */
	di.high_va_offset = 0;
	di.high_va_max = 0;
	di.pa_sc_tile_steering_override = 0;
	di.tcc_disabled_mask = 0;
	return copy_out(q, &di, sizeof(di));
}

/* Bytes of BOs this process holds, per heap (the device is this
 * process's own, so that is all of it). */
_Atomic uint64_t bridge_vram_usage, bridge_gtt_usage;

static int
info_memory(const struct bdev *d, const struct drm_amdgpu_info *q)
{
	struct drm_amdgpu_memory_info m;
	uint64_t vram_used = atomic_load(&bridge_vram_usage);
	uint64_t gtt_used = atomic_load(&bridge_gtt_usage);

	memset(&m, 0, sizeof(m));
	/* amdgpu_kms.c AMDGPU_INFO_MEMORY: usable = total minus pinned,
	 * max_allocation = usable * 3 / 4. */
	m.vram.total_heap_size = d->info.vram_size;
	m.vram.usable_heap_size = d->info.vram_size;
	m.vram.heap_usage = vram_used;
	m.vram.max_allocation = m.vram.usable_heap_size * 3 / 4;
	m.cpu_accessible_vram.total_heap_size = d->info.vram_bar_size;
	m.cpu_accessible_vram.usable_heap_size = d->info.vram_bar_size;
	m.cpu_accessible_vram.heap_usage = vram_used;
	m.cpu_accessible_vram.max_allocation = d->info.vram_bar_size * 3 / 4;
	m.gtt.total_heap_size = d->gtt_size;
	m.gtt.usable_heap_size = d->gtt_size;
	m.gtt.heap_usage = gtt_used;
	m.gtt.max_allocation = d->gtt_size * 3 / 4;
	return copy_out(q, &m, sizeof(m));
}

/*
 * Linux amdgpu_kms.c AMDGPU_INFO_GPUVM_FAULT: the file's VM's last fault
 * (vm->fault_info, kept by amdgpu_vm_update_fault_cache from the fault
 * interrupt), all zero if there was none.  The API gives address, VMID,
 * direction and the client's name, so the status is composed from those:
 * VMID, RW and CID; the walker, permission and mapping error bits the
 * hardware also latches are not known here and stay 0.
 */
static int
info_gpuvm_fault(struct bfile *f, const struct drm_amdgpu_info *q)
{
	struct drm_amdgpu_info_gpuvm_fault out;
	struct gpu_vm_fault vf;
	uint32_t status = 0;

	memset(&out, 0, sizeof(out));
	if (gpu_vm_fault_query(f->client, &vf) == 0) {
		status = F_PREP(VM_FAULT_STATUS_VMID, vf.vmid) |
		    F_PREP(VM_FAULT_STATUS_RW, vf.write ? 1 : 0);
		for (size_t i = 0; i < sizeof(utcl2_clients) / sizeof(utcl2_clients[0]); i++)
			if (strcmp(vf.engine, utcl2_clients[i].name) == 0)
				status |= F_PREP(VM_FAULT_STATUS_CID, utcl2_clients[i].cid);
		out.addr = vf.addr;
		out.status = status;
		out.vmhub = AMDGPU_VMHUB_TYPE_GFX;	/* GFXHUB(0): all clients' work */
	}
	return copy_out(q, &out, sizeof(out));
}

int
bridge_info(struct bfile *f, void *arg)
{
	const struct drm_amdgpu_info *q = arg;
	struct bdev *d = bridge_device();
	uint64_t v64;
	uint32_t v32;

	switch (q->query) {
	case AMDGPU_INFO_ACCEL_WORKING:
		v32 = 1;
		return copy_out(q, &v32, sizeof(v32));
	case AMDGPU_INFO_HW_IP_INFO:
		return info_hw_ip(d, q);
	case AMDGPU_INFO_HW_IP_COUNT:
		switch (q->query_hw_ip.type) {
		case AMDGPU_HW_IP_GFX: case AMDGPU_HW_IP_COMPUTE: case AMDGPU_HW_IP_DMA:
			v32 = 1;
			break;
		default:
			v32 = 0;
			break;
		}
		return copy_out(q, &v32, sizeof(v32));
	case AMDGPU_INFO_TIMESTAMP: {
		/* The GPU clock counter runs at xclk; the API has no call to
		 * read it, so derive it from the monotonic clock. */
		struct timespec ts;

		clock_gettime(CLOCK_MONOTONIC, &ts);
		v64 = ((uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec) /
		    (1000000000u / (d->info.xclk_khz * 1000u));
		return copy_out(q, &v64, sizeof(v64));
	}
	case AMDGPU_INFO_FW_VERSION:
		return info_fw(d, q);
	case AMDGPU_INFO_NUM_BYTES_MOVED:
	case AMDGPU_INFO_NUM_EVICTIONS:
	case AMDGPU_INFO_NUM_VRAM_CPU_PAGE_FAULTS:
		v64 = 0;	/* nothing is ever moved or evicted */
		return copy_out(q, &v64, sizeof(v64));
	case AMDGPU_INFO_VRAM_USAGE:
	case AMDGPU_INFO_VIS_VRAM_USAGE:
		v64 = atomic_load(&bridge_vram_usage);
		return copy_out(q, &v64, sizeof(v64));
	case AMDGPU_INFO_GTT_USAGE:
		v64 = atomic_load(&bridge_gtt_usage);
		return copy_out(q, &v64, sizeof(v64));
	case AMDGPU_INFO_VRAM_GTT: {
		struct drm_amdgpu_info_vram_gtt vg = {
			.vram_size = d->info.vram_size,
			.vram_cpu_accessible_size = d->info.vram_bar_size,
			.gtt_size = d->gtt_size,
		};
		return copy_out(q, &vg, sizeof(vg));
	}
	case AMDGPU_INFO_READ_MMR_REG:
		/* nv.c nv_read_register: GB_ADDR_CONFIG is answered from the
		 * driver's cached value; it is the only register libdrm and
		 * RADV read at start-up on gfx10.  Others: -EINVAL. */
		if (q->read_mmr_reg.dword_offset == 0x263e && q->read_mmr_reg.count == 1) {
			v32 = d->info.gb_addr_config;
			return copy_out(q, &v32, sizeof(v32));
		}
		bridge_log_once("AMDGPU_INFO_READ_MMR_REG dword", q->read_mmr_reg.dword_offset);
		return -EINVAL;
	case AMDGPU_INFO_DEV_INFO:
		return info_dev(d, q);
	case AMDGPU_INFO_MEMORY:
		return info_memory(d, q);
	case AMDGPU_INFO_SENSOR:
		switch (q->sensor_info.type) {
		case AMDGPU_INFO_SENSOR_GFX_SCLK:
		case AMDGPU_INFO_SENSOR_STABLE_PSTATE_GFX_SCLK:
			v32 = d->info.max_sclk_khz / 1000;	/* MHz */
			return copy_out(q, &v32, sizeof(v32));
		case AMDGPU_INFO_SENSOR_GFX_MCLK:
		case AMDGPU_INFO_SENSOR_STABLE_PSTATE_GFX_MCLK:
			v32 = d->info.max_mclk_khz / 1000;
			return copy_out(q, &v32, sizeof(v32));
		default:
			bridge_log_once("AMDGPU_INFO_SENSOR type", q->sensor_info.type);
			return -EINVAL;
		}
	case AMDGPU_INFO_VRAM_LOST_COUNTER:
		v32 = 0;
		return copy_out(q, &v32, sizeof(v32));
	case AMDGPU_INFO_VIDEO_CAPS: {
		/* No VCN rings: every codec invalid. */
		struct drm_amdgpu_info_video_caps caps;

		memset(&caps, 0, sizeof(caps));
		return copy_out(q, &caps, sizeof(caps));
	}
	case AMDGPU_INFO_GPUVM_FAULT:
		return info_gpuvm_fault(f, q);
	case AMDGPU_INFO_MAX_IBS: {
		/* Linux 6.x amdgpu_kms.c: per IP type, the scheduler's
		 * max IBs per job; RADV only needs it to be nonzero. */
		uint32_t max_ibs[AMDGPU_HW_IP_NUM] = { 0 };

		max_ibs[AMDGPU_HW_IP_GFX] = max_ibs[AMDGPU_HW_IP_COMPUTE] =
		    max_ibs[AMDGPU_HW_IP_DMA] = 16;
		return copy_out(q, max_ibs, sizeof(max_ibs));
	}
	default:
		bridge_log_once("AMDGPU_INFO query", q->query);
		return -EINVAL;
	}
}

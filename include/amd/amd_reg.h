/*
 * Register and bit-field naming shared by the driver, the navi23 model and
 * the tests.
 *
 * A register is named by the IP block it belongs to, the base segment
 * (BASE_IDX) and its dword offset within that segment, exactly as AMD's
 * register headers give them (Linux drivers/gpu/drm/amd/include/asic_reg/,
 * macro pairs regFOO / regFOO_BASE_IDX).  The absolute dword index in the
 * MMIO BAR is segment_base[ip][seg] + offset, where the segment bases come
 * from the IP discovery table (Linux amdgpu/amdgpu_discovery.c,
 * soc15_common.h SOC15_REG_OFFSET).
 *
 * AMDREG() packs (ip, seg, offset) into one integer so a register is a single
 * constant that can be passed around, compared and used as a case label.
 */
#ifndef AMD_AMD_REG_H
#define AMD_AMD_REG_H

#include <stdint.h>

/* Hardware IP ids, as the IP discovery table numbers them
 * (Linux drivers/gpu/drm/amd/include/soc15_hw_ip.h). */
#define HWID_MP1	1
#define HWID_THM	3
#define HWID_SMUIO	4
#define HWID_FUSE	5
#define HWID_CLKA	6
#define HWID_GC		11
#define HWID_VCN	12
#define HWID_DCEAZ	18
#define HWID_MMHUB	34
#define HWID_ATHUB	35
#define HWID_OSSSYS	40
#define HWID_HDP	41
#define HWID_SDMA0	42
#define HWID_SDMA1	43
#define HWID_DBGU_IO	45
#define HWID_DF		46
#define HWID_PCIE	70
#define HWID_NBIF	108
#define HWID_UMC	150
#define HWID_MP0	255
#define HWID_DMU	271

/*
 * The driver's own compact IP index (array index into the base table);
 * discovery maps hw ids onto these.
 */
enum amd_ip {
	IP_GC,
	IP_OSSSYS,
	IP_HDP,
	IP_NBIO,
	IP_MMHUB,
	IP_ATHUB,
	IP_MP0,
	IP_MP1,
	IP_SMUIO,
	IP_THM,
	IP_DF,
	IP_UMC,
	IP_VCN,
	IP_DCN,
	IP_FUSE,
	IP_CLK,
	IP_DBGU_IO,
	IP_SDMA0,
	IP_SDMA1,
	IP_COUNT
};

#define AMD_MAX_SEGS	6

/* reg = ip[31:24] seg[23:20] offset[19:0] */
#define AMDREG(ip, seg, off)	(((uint32_t)(ip) << 24) | ((uint32_t)(seg) << 20) | (uint32_t)(off))
#define AMDREG_IP(r)		((unsigned)((r) >> 24))
#define AMDREG_SEG(r)		((unsigned)(((r) >> 20) & 0xf))
#define AMDREG_OFF(r)		((uint32_t)((r) & 0xfffff))

/* A bit field: shift in [15:8], width in [7:0]. */
#define FIELD(shift, width)	(((shift) << 8) | (width))
#define F_SHIFT(f)		((unsigned)((f) >> 8))
#define F_WIDTH(f)		((unsigned)((f) & 0xff))
#define F_MASK(f)		((uint32_t)((((uint64_t)1 << F_WIDTH(f)) - 1) << F_SHIFT(f)))
#define F_GET(v, f)		(((uint32_t)(v) & F_MASK(f)) >> F_SHIFT(f))
#define F_PREP(f, x)		(((uint32_t)(x) << F_SHIFT(f)) & F_MASK(f))
#define F_SET(v, f, x)		(((uint32_t)(v) & ~F_MASK(f)) | F_PREP(f, x))

#endif

/*
 * The IP discovery binary that the boot firmware leaves at the top of VRAM
 * (VRAM size - 64 KiB).  Byte-packed, little-endian.
 * Source: Linux drivers/gpu/drm/amd/include/discovery.h (layouts),
 * amdgpu/amdgpu_discovery.c (location, checksums, how entries are used).
 * Offsets are given as constants because the data is read byte by byte.
 */
#ifndef AMD_DISCOVERY_H
#define AMD_DISCOVERY_H

#include <stdint.h>

#define DISCOVERY_BINARY_SIGNATURE	0x28211407u
#define DISCOVERY_IPDS_SIGNATURE	0x53445049u	/* "IPDS" */
#define DISCOVERY_GC_TABLE_ID		0x00004347u	/* "GC" */
#define DISCOVERY_TMR_SIZE		(10u << 10)	/* bytes the driver copies */

/* binary_header */
#define DBH_SIGNATURE		0	/* u32 */
#define DBH_VERSION_MAJOR	4	/* u16 */
#define DBH_VERSION_MINOR	6	/* u16 */
#define DBH_CHECKSUM		8	/* u16: byte sum from DBH_SIZE for size - DBH_SIZE bytes */
#define DBH_SIZE		10	/* u16: bytes of the whole binary */
#define DBH_TABLE_LIST		12	/* 6 x {offset u16, checksum u16, size u16, pad u16} */
#define DBH_TABLE_ENTRY_BYTES	8
#define DBH_BYTES		(DBH_TABLE_LIST + 6 * DBH_TABLE_ENTRY_BYTES)
enum discovery_table { DT_IP_DISCOVERY, DT_GC, DT_HARVEST_INFO, DT_VCN_INFO,
	DT_MALL_INFO, DT_NPS_INFO, DT_COUNT };

/* ip_discovery_header */
#define IPDH_SIGNATURE		0	/* u32 */
#define IPDH_VERSION		4	/* u16 */
#define IPDH_SIZE		6	/* u16: bytes covered by the table checksum */
#define IPDH_ID			8	/* u32 */
#define IPDH_NUM_DIES		12	/* u16 */
#define IPDH_DIE_INFO		14	/* 16 x {die_id u16, die_offset u16} */
#define IPDH_MAX_DIES		16
#define IPDH_BYTES		(IPDH_DIE_INFO + IPDH_MAX_DIES * 4 + 2)

/* die_header */
#define DIE_ID			0	/* u16 */
#define DIE_NUM_IPS		2	/* u16 */
#define DIE_BYTES		4

/* ip (version 1) */
#define IP_HW_ID		0	/* u16 */
#define IP_INSTANCE		2	/* u8 */
#define IP_NUM_BASE		3	/* u8 */
#define IP_MAJOR		4	/* u8 */
#define IP_MINOR		5	/* u8 */
#define IP_REVISION		6	/* u8 */
#define IP_HARVEST		7	/* u8: [3:0] harvest (v1) / sub-revision (v3) */
#define IP_BASE_ADDRESS		8	/* num_base x u32, in dwords */
#define IP_ENTRY_BYTES(nbase)	(IP_BASE_ADDRESS + 4 * (nbase))

/* gpu_info_header + gc_info_v1_0 (all u32 after the header) */
#define GCI_TABLE_ID		0	/* u32 */
#define GCI_VERSION_MAJOR	4	/* u16 */
#define GCI_VERSION_MINOR	6	/* u16 */
#define GCI_SIZE		8	/* u32 */
#define GCI_FIELDS		12
enum gc_info_field {
	GCI_NUM_SE, GCI_NUM_WGP0_PER_SA, GCI_NUM_WGP1_PER_SA, GCI_NUM_RB_PER_SE,
	GCI_NUM_GL2C, GCI_NUM_GPRS, GCI_NUM_MAX_GS_THDS, GCI_GS_TABLE_DEPTH,
	GCI_GSPRIM_BUFF_DEPTH, GCI_PARAMETER_CACHE_DEPTH,
	GCI_DOUBLE_OFFCHIP_LDS_BUFFER, GCI_WAVE_SIZE, GCI_MAX_WAVES_PER_SIMD,
	GCI_MAX_SCRATCH_SLOTS_PER_CU, GCI_LDS_SIZE, GCI_NUM_SC_PER_SE,
	GCI_NUM_SA_PER_SE, GCI_NUM_PACKER_PER_SC, GCI_NUM_GL2A,
	GCI_NUM_FIELDS
};
#define GCI_BYTES		(GCI_FIELDS + 4 * GCI_NUM_FIELDS)

/* amdgpu_discovery.c verify_checksum: a plain 16-bit sum of bytes. */
static inline uint16_t
discovery_checksum(const uint8_t *p, unsigned len)
{
	uint16_t s = 0;

	while (len-- > 0)
		s = (uint16_t)(s + *p++);
	return s;
}

#endif

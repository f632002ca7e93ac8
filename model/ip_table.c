/*
 * Navi 23's IP blocks: versions and register segment bases, and the IP
 * discovery binary built from them at the top of VRAM.
 *
 * Bases: Linux drivers/gpu/drm/amd/include/dimgrey_cavefish_ip_offset.h
 * (instance 0 only, except UMC which has two).  Versions: amdgpu_ucode.c,
 * nv.c, amdgpu_discovery.c as summarised in the facts sheet (§2.1);
 * the versions of NBIO, MMHUB, HDP, ATHUB, UMC, SMUIO, THM and DF are the
 * families the driver handles, their minor numbers are our choice and are
 * listed as such in docs/model.md.
 */
#include <string.h>

#include "amd/discovery.h"
#include "model.h"

struct ip_desc {
	uint16_t hw_id;
	uint8_t instance;
	enum amd_ip ip;		/* IP_COUNT: listed in discovery only */
	uint8_t major, minor, rev;
	uint8_t nbase;
	uint32_t base[AMD_MAX_SEGS];
};

static const struct ip_desc navi23_ips[] = {
	{ HWID_GC,	0, IP_GC,	10, 3, 4, 4, { 0x1260, 0xa000, 0x1c000, 0x2402c00 } },
	{ HWID_SDMA0,	0, IP_SDMA0,	5, 2, 4, 4, { 0x1260, 0xa000, 0x1c000, 0x2402c00 } },
	{ HWID_SDMA1,	0, IP_SDMA1,	5, 2, 4, 4, { 0x1260, 0xa000, 0x1c000, 0x2402c00 } },
	{ HWID_MP0,	0, IP_MP0,	11, 0, 12, 5, { 0x16000, 0xdc0000, 0xe00000, 0xe40000, 0x243fc00 } },
	{ HWID_MP1,	0, IP_MP1,	11, 0, 12, 5, { 0x16200, 0xe80000, 0xec0000, 0xf00000, 0x2400400 } },
	{ HWID_OSSSYS,	0, IP_OSSSYS,	5, 0, 3, 2, { 0x10a0, 0x240a000 } },
	{ HWID_HDP,	0, IP_HDP,	5, 0, 0, 2, { 0xf20, 0x240a400 } },
	{ HWID_NBIF,	0, IP_NBIO,	2, 3, 0, 6, { 0x0, 0x14, 0xd20, 0x10400, 0x241b000, 0x4040000 } },
	{ HWID_MMHUB,	0, IP_MMHUB,	2, 1, 0, 2, { 0x1a000, 0x2408800 } },
	{ HWID_ATHUB,	0, IP_ATHUB,	2, 1, 0, 2, { 0xc00, 0x2408c00 } },
	{ HWID_SMUIO,	0, IP_SMUIO,	11, 0, 6, 4, { 0x16800, 0x16a00, 0x440000, 0x2401000 } },
	{ HWID_THM,	0, IP_THM,	11, 0, 5, 2, { 0x16600, 0x2400c00 } },
	{ HWID_DF,	0, IP_DF,	3, 7, 3, 2, { 0x7000, 0x240b800 } },
	{ HWID_UMC,	0, IP_UMC,	8, 7, 1, 2, { 0x14000, 0x2425800 } },
	{ HWID_UMC,	1, IP_COUNT,	8, 7, 1, 2, { 0x54000, 0x2425c00 } },
	{ HWID_VCN,	0, IP_VCN,	3, 0, 16, 3, { 0x7800, 0x7e00, 0x2403000 } },
	{ HWID_DMU,	0, IP_DCN,	3, 0, 2, 5, { 0x12, 0xc0, 0x34c0, 0x9000, 0x2403c00 } },
	{ HWID_FUSE,	0, IP_FUSE,	11, 0, 3, 2, { 0x17400, 0x2401400 } },
	{ HWID_DBGU_IO,	0, IP_DBGU_IO,	3, 0, 3, 2, { 0x1e0, 0x240b400 } },
};
#define NIPS	(sizeof(navi23_ips) / sizeof(navi23_ips[0]))

/* Navi 23 full-die shader layout: 2 SEs x 2 SAs x 4 WGPs (8 CUs); the
 * RX 6600 disables some WGPs through the harvest registers (cp.c). */
static const uint32_t navi23_gc_info[GCI_NUM_FIELDS] = {
	[GCI_NUM_SE] = 2,
	[GCI_NUM_WGP0_PER_SA] = 4,
	[GCI_NUM_WGP1_PER_SA] = 4,
	[GCI_NUM_RB_PER_SE] = 2,
	[GCI_NUM_GL2C] = 8,
	[GCI_NUM_GPRS] = 1024,
	[GCI_NUM_MAX_GS_THDS] = 32,
	[GCI_GS_TABLE_DEPTH] = 32,
	[GCI_GSPRIM_BUFF_DEPTH] = 1792,
	[GCI_PARAMETER_CACHE_DEPTH] = 1024,
	[GCI_DOUBLE_OFFCHIP_LDS_BUFFER] = 1,
	[GCI_WAVE_SIZE] = 32,
	[GCI_MAX_WAVES_PER_SIMD] = 16,
	[GCI_MAX_SCRATCH_SLOTS_PER_CU] = 32,
	[GCI_LDS_SIZE] = 64,
	[GCI_NUM_SC_PER_SE] = 1,
	[GCI_NUM_SA_PER_SE] = 2,
	[GCI_NUM_PACKER_PER_SC] = 4,
	[GCI_NUM_GL2A] = 4,
};

void
ip_table_init_bases(struct navi23 *m)
{
	for (unsigned i = 0; i < NIPS; i++) {
		const struct ip_desc *d = &navi23_ips[i];

		if (d->ip == IP_COUNT || d->instance != 0)
			continue;
		for (unsigned s = 0; s < d->nbase; s++)
			m->base[d->ip][s] = d->base[s];
	}
}

static void
put16(uint8_t *p, unsigned off, uint16_t v)
{
	p[off] = (uint8_t)v;
	p[off + 1] = (uint8_t)(v >> 8);
}

static void
put32(uint8_t *p, unsigned off, uint32_t v)
{
	put16(p, off, (uint16_t)v);
	put16(p, off + 2, (uint16_t)(v >> 16));
}

static void
set_table(uint8_t *bin, enum discovery_table t, unsigned off, unsigned size)
{
	unsigned e = DBH_TABLE_LIST + t * DBH_TABLE_ENTRY_BYTES;

	put16(bin, e, (uint16_t)off);
	put16(bin, e + 2, discovery_checksum(bin + off, size));
	put16(bin, e + 4, (uint16_t)size);
}

static unsigned
write_ip_table(uint8_t *bin, unsigned at)
{
	unsigned p = at + IPDH_BYTES;
	unsigned die = p;

	put32(bin, at + IPDH_SIGNATURE, DISCOVERY_IPDS_SIGNATURE);
	put16(bin, at + IPDH_VERSION, 1);
	put16(bin, at + IPDH_NUM_DIES, 1);
	put16(bin, at + IPDH_DIE_INFO, 0);
	put16(bin, at + IPDH_DIE_INFO + 2, (uint16_t)die);
	put16(bin, die + DIE_ID, 0);
	put16(bin, die + DIE_NUM_IPS, NIPS);
	p = die + DIE_BYTES;
	for (unsigned i = 0; i < NIPS; i++) {
		const struct ip_desc *d = &navi23_ips[i];

		put16(bin, p + IP_HW_ID, d->hw_id);
		bin[p + IP_INSTANCE] = d->instance;
		bin[p + IP_NUM_BASE] = d->nbase;
		bin[p + IP_MAJOR] = d->major;
		bin[p + IP_MINOR] = d->minor;
		bin[p + IP_REVISION] = d->rev;
		for (unsigned s = 0; s < d->nbase; s++)
			put32(bin, p + IP_BASE_ADDRESS + 4 * s, d->base[s]);
		p += IP_ENTRY_BYTES(d->nbase);
	}
	put16(bin, at + IPDH_SIZE, (uint16_t)(p - at));
	return p - at;
}

static unsigned
write_gc_table(uint8_t *bin, unsigned at)
{
	put32(bin, at + GCI_TABLE_ID, DISCOVERY_GC_TABLE_ID);
	put16(bin, at + GCI_VERSION_MAJOR, 1);
	put16(bin, at + GCI_VERSION_MINOR, 0);
	put32(bin, at + GCI_SIZE, GCI_BYTES);
	for (unsigned i = 0; i < GCI_NUM_FIELDS; i++)
		put32(bin, at + GCI_FIELDS + 4 * i, navi23_gc_info[i]);
	return GCI_BYTES;
}

/*
 * Lay the binary out as real ones are: header, then the IP table, then the
 * GC info table, each with its own checksum; then the binary checksum.
 */
void
ip_table_write_discovery(struct navi23 *m)
{
	uint8_t *bin = m->vram + m->vram_size - DISCOVERY_TMR_OFFSET;
	unsigned ip_at = DBH_BYTES, ip_len, gc_at, gc_len, size;

	memset(bin, 0, DISCOVERY_TMR_SIZE);
	ip_len = write_ip_table(bin, ip_at);
	gc_at = (ip_at + ip_len + 3) & ~3u;
	gc_len = write_gc_table(bin, gc_at);
	size = gc_at + gc_len;
	set_table(bin, DT_IP_DISCOVERY, ip_at, ip_len);
	set_table(bin, DT_GC, gc_at, gc_len);
	put32(bin, DBH_SIGNATURE, DISCOVERY_BINARY_SIGNATURE);
	put16(bin, DBH_VERSION_MAJOR, 1);
	put16(bin, DBH_VERSION_MINOR, 0);
	put16(bin, DBH_SIZE, (uint16_t)size);
	put16(bin, DBH_CHECKSUM, discovery_checksum(bin + DBH_SIZE, size - DBH_SIZE));
}

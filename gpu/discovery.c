/*
 * IP discovery: the binary the boot firmware leaves at the top of VRAM
 * lists every IP block with its version and register segment bases.
 * Source: Linux amdgpu/amdgpu_discovery.c (amdgpu_discovery_init,
 * amdgpu_discovery_reg_base_init, amdgpu_discovery_get_gfx_info).
 */
#include "amd/discovery.h"
#include "amd/nbio_2_3_reg.h"
#include "amdgpu.h"
#include "fmt.h"

struct hwip {
	uint16_t hw_id;
	enum amd_ip ip;
	const char *name;
};

/* soc15_hw_ip.h ids -> the driver's IP index. */
static const struct hwip hwips[] = {
	{ HWID_GC, IP_GC, "GC" },
	{ HWID_SDMA0, IP_SDMA0, "SDMA0" },
	{ HWID_SDMA1, IP_SDMA1, "SDMA1" },
	{ HWID_MP0, IP_MP0, "MP0" },
	{ HWID_MP1, IP_MP1, "MP1" },
	{ HWID_OSSSYS, IP_OSSSYS, "OSSSYS" },
	{ HWID_HDP, IP_HDP, "HDP" },
	{ HWID_NBIF, IP_NBIO, "NBIO" },
	{ HWID_MMHUB, IP_MMHUB, "MMHUB" },
	{ HWID_ATHUB, IP_ATHUB, "ATHUB" },
	{ HWID_SMUIO, IP_SMUIO, "SMUIO" },
	{ HWID_THM, IP_THM, "THM" },
	{ HWID_DF, IP_DF, "DF" },
	{ HWID_UMC, IP_UMC, "UMC" },
	{ HWID_VCN, IP_VCN, "VCN" },
	{ HWID_DMU, IP_DCN, "DCN" },
	{ HWID_FUSE, IP_FUSE, "FUSE" },
	{ HWID_DBGU_IO, IP_DBGU_IO, "DBGU_IO" },
	{ 0, IP_COUNT, NULL }
};

static uint16_t
get16(const uint8_t *p, unsigned off)
{
	return (uint16_t)(p[off] | p[off + 1] << 8);
}

static uint32_t
get32(const uint8_t *p, unsigned off)
{
	return get16(p, off) | (uint32_t)get16(p, off + 2) << 16;
}

static const struct hwip *
find_hwip(uint16_t hw_id)
{
	for (const struct hwip *h = hwips; h->name != NULL; h++)
		if (h->hw_id == hw_id)
			return h;
	return NULL;
}

static int
check_table(struct gpu_device *dev, const uint8_t *bin, unsigned size,
    enum discovery_table t, const char *what, unsigned *off, unsigned *len)
{
	unsigned e = DBH_TABLE_LIST + t * DBH_TABLE_ENTRY_BYTES;
	uint16_t sum;

	*off = get16(bin, e);
	*len = get16(bin, e + 4);
	if (*off == 0 || *off + *len > size)
		return gpu_error(dev, -GPU_EIO,
		    "IP discovery: %s table at 0x%x (+0x%x) is outside the binary (0x%x bytes)",
		    what, *off, *len, size);
	sum = discovery_checksum(bin + *off, *len);
	if (sum != get16(bin, e + 2))
		return gpu_error(dev, -GPU_EIO,
		    "IP discovery: %s table checksum 0x%04x, expected 0x%04x",
		    what, sum, get16(bin, e + 2));
	return 0;
}

static int
parse_ip(struct gpu_device *dev, const uint8_t *bin, unsigned p, unsigned end,
    unsigned *next)
{
	uint16_t hw_id = get16(bin, p + IP_HW_ID);
	unsigned nbase = bin[p + IP_NUM_BASE];
	unsigned inst = bin[p + IP_INSTANCE];
	const struct hwip *h = find_hwip(hw_id);
	struct gpu_ip_info *info;

	*next = p + IP_ENTRY_BYTES(nbase);
	if (*next > end || nbase > AMD_MAX_SEGS)
		return gpu_error(dev, -GPU_EIO,
		    "IP discovery: entry for hw id %u at 0x%x runs past its table",
		    hw_id, p);
	if (dev->nips < GPU_MAX_IPS) {
		info = &dev->ips[dev->nips++];
		gpu_snprintf(info->name, sizeof(info->name), "%s",
		    h != NULL ? h->name : "?");
		info->hw_id = hw_id;
		info->instance = (uint8_t)inst;
		info->major = bin[p + IP_MAJOR];
		info->minor = bin[p + IP_MINOR];
		info->rev = bin[p + IP_REVISION];
		info->nbase = (uint8_t)nbase;
		for (unsigned s = 0; s < nbase; s++)
			info->base[s] = get32(bin, p + IP_BASE_ADDRESS + 4 * s);
	}
	if (h == NULL || inst != 0)
		return 0;
	for (unsigned s = 0; s < nbase; s++)
		dev->reg_base[h->ip][s] = get32(bin, p + IP_BASE_ADDRESS + 4 * s);
	dev->ip_major[h->ip] = bin[p + IP_MAJOR];
	dev->ip_minor[h->ip] = bin[p + IP_MINOR];
	dev->ip_rev[h->ip] = bin[p + IP_REVISION];
	return 0;
}

static int
parse_ips(struct gpu_device *dev, const uint8_t *bin, unsigned at, unsigned len)
{
	unsigned die, p, n;
	int rc;

	if (get32(bin, at + IPDH_SIGNATURE) != DISCOVERY_IPDS_SIGNATURE)
		return gpu_error(dev, -GPU_EIO,
		    "IP discovery: IP table signature 0x%08x, expected 0x%08x",
		    get32(bin, at + IPDH_SIGNATURE), DISCOVERY_IPDS_SIGNATURE);
	if (get16(bin, at + IPDH_NUM_DIES) != 1)
		return gpu_error(dev, -GPU_EIO, "IP discovery: %u dies, expected 1",
		    get16(bin, at + IPDH_NUM_DIES));
	die = get16(bin, at + IPDH_DIE_INFO + 2);
	if (die < at || die + DIE_BYTES > at + len)
		return gpu_error(dev, -GPU_EIO,
		    "IP discovery: die 0 header at 0x%x is outside the IP table", die);
	n = get16(bin, die + DIE_NUM_IPS);
	p = die + DIE_BYTES;
	for (unsigned i = 0; i < n; i++)
		if ((rc = parse_ip(dev, bin, p, at + len, &p)) != 0)
			return rc;
	return 0;
}

static int
parse_gc_info(struct gpu_device *dev, const uint8_t *bin, unsigned at, unsigned len)
{
	if (get32(bin, at + GCI_TABLE_ID) != DISCOVERY_GC_TABLE_ID ||
	    get16(bin, at + GCI_VERSION_MAJOR) != 1 || len < GCI_BYTES)
		return gpu_error(dev, -GPU_EIO,
		    "IP discovery: GC info table id 0x%08x version %u is not gc_info v1",
		    get32(bin, at + GCI_TABLE_ID), get16(bin, at + GCI_VERSION_MAJOR));
	for (unsigned i = 0; i < GCI_NUM_FIELDS; i++)
		dev->gc_info[i] = get32(bin, at + GCI_FIELDS + 4 * i);
	return 0;
}

/* The chip must be what this driver drives: GC 10.3.4 is Navi 23 (nv.c). */
static int
check_chip(struct gpu_device *dev)
{
	if (dev->ip_major[IP_GC] != 10 || dev->ip_minor[IP_GC] != 3 ||
	    dev->ip_rev[IP_GC] != 4)
		return gpu_error(dev, -GPU_ENODEV,
		    "IP discovery: GC %u.%u.%u is not Navi 23 (GC 10.3.4)",
		    dev->ip_major[IP_GC], dev->ip_minor[IP_GC], dev->ip_rev[IP_GC]);
	if (dev->reg_base[IP_MP0][0] == 0 || dev->reg_base[IP_OSSSYS][0] == 0)
		return gpu_error(dev, -GPU_EIO,
		    "IP discovery: no register base for MP0 or OSSSYS");
	return 0;
}

int
discovery_init(struct gpu_device *dev)
{
	const uint8_t *bin;
	unsigned size, ip_at, ip_len, gc_at, gc_len;
	uint16_t sum;
	int rc;

	/* The IFWI (boot firmware) must have finished training memory. */
	for (unsigned i = 0; i < 1000 && !(rreg_abs(dev, ABS_MP0_SMN_C2PMSG_33) & 0x80000000u); i++)
		os_delay_us(1000);
	dev->vram_size = (uint64_t)rreg_abs(dev, ABS_RCC_CONFIG_MEMSIZE) << 20;
	dev->vram_cpu = os_bar_map(dev->os, GPU_BAR_VRAM, &dev->vram_bar_size);
	if (dev->vram_size == 0 || dev->vram_cpu == NULL ||
	    dev->vram_bar_size < dev->vram_size)
		return gpu_error(dev, -GPU_ENODEV,
		    "VRAM: size %llu MiB, BAR0 %llu MiB: cannot reach the discovery table",
		    (unsigned long long)(dev->vram_size >> 20),
		    (unsigned long long)(dev->vram_bar_size >> 20));
	bin = dev->vram_cpu + dev->vram_size - (64u << 10);
	if (get32(bin, DBH_SIGNATURE) != DISCOVERY_BINARY_SIGNATURE)
		return gpu_error(dev, -GPU_EIO,
		    "IP discovery: signature 0x%08x at VRAM+0x%llx, expected 0x%08x",
		    get32(bin, DBH_SIGNATURE),
		    (unsigned long long)(dev->vram_size - (64u << 10)),
		    DISCOVERY_BINARY_SIGNATURE);
	size = get16(bin, DBH_SIZE);
	if (size < DBH_BYTES || size > DISCOVERY_TMR_SIZE)
		return gpu_error(dev, -GPU_EIO, "IP discovery: binary size %u", size);
	sum = discovery_checksum(bin + DBH_SIZE, size - DBH_SIZE);
	if (sum != get16(bin, DBH_CHECKSUM))
		return gpu_error(dev, -GPU_EIO,
		    "IP discovery: binary checksum 0x%04x, expected 0x%04x",
		    sum, get16(bin, DBH_CHECKSUM));
	if ((rc = check_table(dev, bin, size, DT_IP_DISCOVERY, "IP", &ip_at, &ip_len)) != 0 ||
	    (rc = check_table(dev, bin, size, DT_GC, "GC info", &gc_at, &gc_len)) != 0)
		return rc;
	dev->nips = 0;
	if ((rc = parse_ips(dev, bin, ip_at, ip_len)) != 0 ||
	    (rc = parse_gc_info(dev, bin, gc_at, gc_len)) != 0 ||
	    (rc = check_chip(dev)) != 0)
		return rc;
	/* nbio_v2_3.c get_rev_id; nv.c: external_rev = rev_id + 0x3c for 10.3.4 */
	dev->rev_id = F_GET(rreg(dev, RCC_DEV0_EPF0_STRAP0), RCC_STRAP0_STRAP_ATI_REV_ID);
	dev->external_rev = dev->rev_id + 0x3c;
	GPU_INFO(dev, "IP discovery: %u blocks, GC %u.%u.%u, %llu MiB VRAM",
	    dev->nips, dev->ip_major[IP_GC], dev->ip_minor[IP_GC], dev->ip_rev[IP_GC],
	    (unsigned long long)(dev->vram_size >> 20));
	return 0;
}

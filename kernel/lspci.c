/*
 * The boot-time PCI listing, shaped like `lspci -nv`: bus:dev.fn, vendor and
 * device IDs, class code, BARs with size and flags, capabilities and the
 * interrupt mode.  Class names: PCI Code and ID Assignment Specification
 * 1.11, appendix D; capability names: the same document, chapters 2 and 3.
 * The test harness parses these lines; keep the format stable.
 */
#include "kernel.h"
#include "pci.h"
#include "pcireg.h"

struct class_name {
	uint8_t		 class, subclass;
	const char	*name;
};

static const struct class_name class_names[] = {
	{ 0x01, 0x00, "SCSI storage controller" },
	{ 0x01, 0x01, "IDE interface" },
	{ 0x01, 0x06, "SATA controller" },
	{ 0x01, 0x08, "Non-Volatile memory controller" },
	{ 0x02, 0x00, "Ethernet controller" },
	{ 0x03, 0x00, "VGA compatible controller" },
	{ 0x03, 0x80, "Display controller" },
	{ 0x05, 0x00, "RAM memory" },
	{ 0x05, 0x80, "Memory controller" },
	{ 0x06, 0x00, "Host bridge" },
	{ 0x06, 0x01, "ISA bridge" },
	{ 0x06, 0x04, "PCI bridge" },
	{ 0x0c, 0x03, "USB controller" },
	{ 0x0c, 0x05, "SMBus" },
	{ 0x00, 0xff, "Unclassified device" },
};

struct cap_name {
	uint16_t	 id;
	int		 ext;
	const char	*name;
};

static const struct cap_name cap_names[] = {
	{ PCI_CAP_ID_PM, 0, "Power Management" },
	{ PCI_CAP_ID_MSI, 0, "MSI" },
	{ PCI_CAP_ID_VNDR, 0, "Vendor Specific" },
	{ PCI_CAP_ID_SSVID, 0, "Subsystem ID" },
	{ PCI_CAP_ID_EXP, 0, "Express" },
	{ PCI_CAP_ID_MSIX, 0, "MSI-X" },
	{ PCI_CAP_ID_SATA, 0, "SATA" },
	{ PCI_CAP_ID_AF, 0, "Advanced Features" },
	{ PCI_EXT_CAP_ID_AER, 1, "Advanced Error Reporting" },
	{ PCI_EXT_CAP_ID_VC, 1, "Virtual Channel" },
	{ PCI_EXT_CAP_ID_DSN, 1, "Device Serial Number" },
	{ PCI_EXT_CAP_ID_ACS, 1, "Access Control Services" },
	{ PCI_EXT_CAP_ID_ARI, 1, "Alternative Routing-ID" },
	{ PCI_EXT_CAP_ID_ATS, 1, "Address Translation Service" },
	{ PCI_EXT_CAP_ID_SRIOV, 1, "SR-IOV" },
	{ PCI_EXT_CAP_ID_REBAR, 1, "Resizable BAR" },
	{ PCI_EXT_CAP_ID_LTR, 1, "Latency Tolerance Reporting" },
	{ PCI_EXT_CAP_ID_SECPCI, 1, "Secondary PCI Express" },
};

static const char *const exp_types[16] = {
	[PCI_EXP_TYPE_ENDPOINT] = "Endpoint",
	[PCI_EXP_TYPE_LEG_END] = "Legacy Endpoint",
	[PCI_EXP_TYPE_ROOT_PORT] = "Root Port",
	[PCI_EXP_TYPE_UPSTREAM] = "Upstream Port",
	[PCI_EXP_TYPE_DOWNSTREAM] = "Downstream Port",
	[PCI_EXP_TYPE_RC_END] = "Root Complex Integrated Endpoint",
};

const char *
pci_class_name(const struct pci_dev *d)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(class_names); i++)
		if (class_names[i].class == d->class &&
		    class_names[i].subclass == d->subclass)
			return class_names[i].name;
	return "Device";
}

const char *
pci_cap_name(uint16_t id, int ext)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cap_names); i++)
		if (cap_names[i].id == id && cap_names[i].ext == ext)
			return cap_names[i].name;
	return "Unknown";
}

static void
fmt_size(char *buf, size_t cap, uint64_t size)
{
	static const char units[] = "KMGT";
	int u = -1;

	while (size >= 1024 && (size & 1023) == 0 && u < 3) {
		size >>= 10;
		u++;
	}
	if (u < 0)
		ksnprintf(buf, cap, "%lu", size);
	else
		ksnprintf(buf, cap, "%lu%c", size, units[u]);
}

static void
list_bars(struct pci_dev *d)
{
	struct pci_bar *b;
	char sz[16];
	int i;

	for (i = 0; i < 6; i++) {
		b = &d->bar[i];
		if (b->kind == PCI_BAR_NONE)
			continue;
		fmt_size(sz, sizeof(sz), b->size);
		if (b->kind == PCI_BAR_KIND_IO)
			kprintf("\tBAR%d: I/O ports at %#lx [size=%s]\n", i,
			    b->addr, sz);
		else
			kprintf("\tBAR%d: Memory at %#lx (%s, %s) [size=%s]\n",
			    i, b->addr,
			    b->kind == PCI_BAR_KIND_MEM64 ? "64-bit" : "32-bit",
			    b->prefetch ? "prefetchable" : "non-prefetchable",
			    sz);
	}
}

static void
list_caps(struct pci_dev *d)
{
	uint16_t flags, ctl;
	int i, any = 0;

	for (i = 0; i < d->ncaps; i++) {
		if (d->caps[i].ext)
			continue;
		kprintf("%s[%02x] %s", any++ ? ", " : "\tCapabilities: ",
		    d->caps[i].off, pci_cap_name(d->caps[i].id, 0));
		if (d->caps[i].id == PCI_CAP_ID_EXP) {
			flags = pci_cfg_read16(d, d->caps[i].off + PCI_EXP_FLAGS);
			kprintf(" (%s)", exp_types[PCI_EXP_FLAGS_TYPE(flags)] ?
			    exp_types[PCI_EXP_FLAGS_TYPE(flags)] : "other");
		} else if (d->caps[i].id == PCI_CAP_ID_MSI) {
			ctl = pci_cfg_read16(d, d->caps[i].off + PCI_MSI_FLAGS);
			kprintf(" (%d vector(s), %s)",
			    1 << ((ctl & PCI_MSI_FLAGS_QMASK) >> 1),
			    ctl & PCI_MSI_FLAGS_64BIT ? "64-bit" : "32-bit");
		} else if (d->caps[i].id == PCI_CAP_ID_MSIX) {
			ctl = pci_cfg_read16(d, d->caps[i].off + PCI_MSIX_FLAGS);
			kprintf(" (%d vectors)", (ctl & PCI_MSIX_FLAGS_QSIZE) + 1);
		}
	}
	if (any)
		kprintf("\n");
	any = 0;
	for (i = 0; i < d->ncaps; i++) {
		if (!d->caps[i].ext)
			continue;
		kprintf("%s[%03x] %s", any++ ? ", " : "\tExt capabilities: ",
		    d->caps[i].off, pci_cap_name(d->caps[i].id, 1));
	}
	if (any)
		kprintf("\n");
}

/* Resizable BAR (PCIe 4.0, 7.8.6): current and supported sizes per BAR. */
static void
list_rebar(struct pci_dev *d)
{
	uint16_t off = pci_find_cap(d, PCI_EXT_CAP_ID_REBAR, 1);
	uint32_t cap, ctl, sizes;
	char cur[16], lo[16], hi[16];
	int i, n, first, last;

	if (off == 0)
		return;
	n = PCI_REBAR_CTRL_NBAR(pci_cfg_read32(d, off + PCI_REBAR_CTRL));
	for (i = 0; i < n && i < 6; i++) {
		cap = pci_cfg_read32(d, (uint16_t)(off + PCI_REBAR_CAP + 8 * i));
		ctl = pci_cfg_read32(d, (uint16_t)(off + PCI_REBAR_CTRL + 8 * i));
		sizes = PCI_REBAR_CAP_SIZES(cap);
		if (sizes == 0)
			continue;
		first = __builtin_ctz(sizes);
		last = 31 - __builtin_clz(sizes);
		fmt_size(cur, sizeof(cur), 1ULL << (PCI_REBAR_CTRL_SIZE(ctl) + 20));
		fmt_size(lo, sizeof(lo), 1ULL << (first + 20));
		fmt_size(hi, sizeof(hi), 1ULL << (last + 20));
		kprintf("\tResizable BAR: BAR%u at %s, supports %s to %s\n",
		    PCI_REBAR_CTRL_BAR_IDX(ctl), cur, lo, hi);
	}
}

static const char *
irq_mode_name(struct pci_dev *d)
{
	switch (d->irq_mode) {
	case PCI_IRQ_INTX:
		return "INTx";
	case PCI_IRQ_MSI:
		return "MSI";
	case PCI_IRQ_MSIX:
		return "MSI-X";
	default:
		return "none";
	}
}

void
lspci(void)
{
	struct pci_dev *d;
	int i;

	kprintf("PCI listing (%d functions):\n", pci_count());
	for (i = 0; i < pci_count(); i++) {
		d = pci_get(i);
		kprintf("%02x:%02x.%x %04x:%04x [%02x%02x] %s (rev %02x)\n",
		    d->bus, d->dev, d->fn, d->vendor, d->device, d->class,
		    d->subclass, pci_class_name(d), d->revision);
		list_bars(d);
		if ((d->header_type & PCI_HEADER_TYPE_MASK) == PCI_HEADER_BRIDGE)
			kprintf("\tBus: primary=%02x, secondary=%02x, "
			    "subordinate=%02x\n",
			    pci_cfg_read8(d, PCI_PRIMARY_BUS), d->sec_bus,
			    d->sub_bus);
		list_caps(d);
		list_rebar(d);
		kprintf("\tInterrupt: mode %s", irq_mode_name(d));
		if (d->int_pin != 0)
			kprintf(", pin %c", 'A' + d->int_pin - 1);
		kprintf("\n");
	}
	kprintf("end of PCI listing\n");
}

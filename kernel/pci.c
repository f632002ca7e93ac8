/*
 * PCIe enumeration through ECAM (register layout in pcireg.h).  Every bus
 * reachable from the host bridge is scanned depth first; a bridge whose
 * secondary bus is still 0 gets the next free bus number, as firmware would
 * have assigned it.  BARs are sized by the write-ones method of PCI 3.0
 * section 6.2.5.1 with decoding off, and restored.
 */
#include "acpi.h"
#include "io.h"
#include "kernel.h"
#include "pci.h"
#include "pcireg.h"
#include "vmm.h"

static struct pci_dev devs[PCI_MAX_DEVS];
static int ndevs;
static volatile void *ecam;
static uint8_t ecam_start_bus, ecam_end_bus;
static uint8_t next_bus;

static volatile void *
cfg_page(uint8_t bus, uint8_t dev, uint8_t fn)
{
	return (volatile uint8_t *)ecam +
	    ECAM_OFFSET(bus - ecam_start_bus, dev, fn);
}

uint32_t
pci_cfg_read32(struct pci_dev *d, uint16_t off)
{
	return mmio_read32(d->cfg, off);
}

uint16_t
pci_cfg_read16(struct pci_dev *d, uint16_t off)
{
	return mmio_read16(d->cfg, off);
}

uint8_t
pci_cfg_read8(struct pci_dev *d, uint16_t off)
{
	return mmio_read8(d->cfg, off);
}

void
pci_cfg_write32(struct pci_dev *d, uint16_t off, uint32_t v)
{
	mmio_write32(d->cfg, off, v);
}

void
pci_cfg_write16(struct pci_dev *d, uint16_t off, uint16_t v)
{
	mmio_write16(d->cfg, off, v);
}

void
pci_cfg_write8(struct pci_dev *d, uint16_t off, uint8_t v)
{
	mmio_write8(d->cfg, off, v);
}

static void
size_bars(struct pci_dev *d)
{
	int nbars = (d->header_type & PCI_HEADER_TYPE_MASK) == PCI_HEADER_BRIDGE ?
	    PCI_NBARS_BRIDGE : PCI_NBARS_NORMAL;
	uint16_t cmd = pci_cfg_read16(d, PCI_COMMAND);
	uint32_t lo, hi, szlo, szhi;
	uint64_t mask;
	struct pci_bar *b;
	uint16_t off;
	int i;

	/* No decoding while a BAR holds all ones: it would claim addresses. */
	pci_cfg_write16(d, PCI_COMMAND,
	    cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
	for (i = 0; i < nbars; i++) {
		b = &d->bar[i];
		off = (uint16_t)(PCI_BAR0 + 4 * i);
		lo = pci_cfg_read32(d, off);
		pci_cfg_write32(d, off, 0xffffffff);
		szlo = pci_cfg_read32(d, off);
		pci_cfg_write32(d, off, lo);
		if (szlo == 0)
			continue;
		if (lo & PCI_BAR_IO) {
			b->kind = PCI_BAR_KIND_IO;
			b->addr = lo & PCI_BAR_IO_MASK;
			/* I/O BARs may implement only 16 address bits. */
			b->size = (~(szlo & PCI_BAR_IO_MASK) + 1) & 0xffff;
			continue;
		}
		b->prefetch = (lo & PCI_BAR_MEM_PREFETCH) != 0;
		if ((lo & PCI_BAR_MEM_TYPE_MASK) == PCI_BAR_MEM_TYPE_64 &&
		    i + 1 < nbars) {
			hi = pci_cfg_read32(d, off + 4);
			pci_cfg_write32(d, off + 4, 0xffffffff);
			szhi = pci_cfg_read32(d, off + 4);
			pci_cfg_write32(d, off + 4, hi);
			b->kind = PCI_BAR_KIND_MEM64;
			b->addr = ((uint64_t)hi << 32) | (lo & PCI_BAR_MEM_MASK);
			mask = ((uint64_t)szhi << 32) | (szlo & PCI_BAR_MEM_MASK);
			b->size = ~mask + 1;
			i++;	/* the upper half is not a BAR of its own */
		} else {
			b->kind = PCI_BAR_KIND_MEM32;
			b->addr = lo & PCI_BAR_MEM_MASK;
			b->size = (uint32_t)(~(szlo & PCI_BAR_MEM_MASK) + 1);
		}
	}
	pci_cfg_write16(d, PCI_COMMAND, cmd);
}

static void
add_cap(struct pci_dev *d, uint16_t id, uint16_t off, int ext)
{
	if (d->ncaps == PCI_MAX_CAPS)
		return;
	d->caps[d->ncaps].id = id;
	d->caps[d->ncaps].off = off;
	d->caps[d->ncaps].ext = ext;
	d->ncaps++;
}

static void
read_caps(struct pci_dev *d)
{
	uint16_t off;
	uint32_t h;
	uint8_t id;
	int guard;

	if (pci_cfg_read16(d, PCI_STATUS) & PCI_STATUS_CAP_LIST) {
		off = pci_cfg_read8(d, PCI_CAP_PTR) & ~3;
		/* 48 = the most 4-byte capabilities that fit in 192 bytes. */
		for (guard = 0; off >= 0x40 && guard < 48; guard++) {
			id = pci_cfg_read8(d, off);
			add_cap(d, id, off, 0);
			if (id == PCI_CAP_ID_EXP)
				d->cap_exp = off;
			else if (id == PCI_CAP_ID_MSI)
				d->cap_msi = off;
			else if (id == PCI_CAP_ID_MSIX)
				d->cap_msix = off;
			off = pci_cfg_read8(d, off + 1) & ~3;
		}
	}
	if (d->cap_exp == 0)
		return;		/* only PCIe functions have extended space */
	off = PCI_EXT_CAP_START;
	for (guard = 0; off >= PCI_EXT_CAP_START && guard < 960; guard++) {
		h = pci_cfg_read32(d, off);
		if (h == 0 || h == 0xffffffff)
			break;
		add_cap(d, (uint16_t)PCI_EXT_CAP_ID(h), off, 1);
		off = (uint16_t)PCI_EXT_CAP_NEXT(h);
	}
}

uint16_t
pci_find_cap(struct pci_dev *d, uint16_t id, int ext)
{
	int i;

	for (i = 0; i < d->ncaps; i++)
		if (d->caps[i].id == id && d->caps[i].ext == ext)
			return d->caps[i].off;
	return 0;
}

static void scan_bus(uint8_t bus);

/*
 * Firmware left this bridge unnumbered: give it the next free bus and open
 * its subordinate range for the scan below it; bridge_close() then shrinks
 * the range to what that scan used (PCI-to-PCI Bridge spec 1.2, 3.2.5.3-5).
 */
static void
bridge_number(struct pci_dev *d)
{
	d->sec_bus = ++next_bus;
	pci_cfg_write8(d, PCI_PRIMARY_BUS, d->bus);
	pci_cfg_write8(d, PCI_SECONDARY_BUS, d->sec_bus);
	pci_cfg_write8(d, PCI_SUBORDINATE_BUS, ecam_end_bus);
}

static void
bridge_close(struct pci_dev *d)
{
	pci_cfg_write8(d, PCI_SUBORDINATE_BUS, next_bus);
	d->sub_bus = next_bus;
}

/* Vendor ID at bus:dev.fn straight from ECAM (0xffff: nothing there). */
uint16_t
pci_probe_vendor(uint8_t bus, uint8_t dev, uint8_t fn)
{
	if (bus < ecam_start_bus || bus > ecam_end_bus)
		return PCI_VENDOR_NONE;
	return mmio_read16(cfg_page(bus, dev, fn), PCI_VENDOR_ID);
}

/*
 * Runs the numbering that enumeration applies to an unnumbered bridge and
 * returns how many functions answer on its new secondary bus (function 0
 * of each slot), without adding them to the device list.  For tests.
 */
int
pci_bridge_renumber(struct pci_dev *d)
{
	int n = 0;
	uint8_t dev;

	if ((d->header_type & PCI_HEADER_TYPE_MASK) != PCI_HEADER_BRIDGE)
		return -KERR_INVAL;
	bridge_number(d);
	for (dev = 0; dev < PCI_MAX_DEV; dev++)
		if (pci_probe_vendor(d->sec_bus, dev, 0) != PCI_VENDOR_NONE)
			n++;
	bridge_close(d);
	return n;
}

static void
add_function(uint8_t bus, uint8_t dev, uint8_t fn)
{
	struct pci_dev *d;

	if (ndevs == PCI_MAX_DEVS) {
		kprintf("pci: more than %d functions, %02x:%02x.%x ignored\n",
		    PCI_MAX_DEVS, bus, dev, fn);
		return;
	}
	d = &devs[ndevs++];
	d->bus = bus;
	d->dev = dev;
	d->fn = fn;
	d->cfg = cfg_page(bus, dev, fn);
	d->vendor = pci_cfg_read16(d, PCI_VENDOR_ID);
	d->device = pci_cfg_read16(d, PCI_DEVICE_ID);
	d->revision = pci_cfg_read8(d, PCI_REVISION);
	d->prog_if = pci_cfg_read8(d, PCI_PROG_IF);
	d->subclass = pci_cfg_read8(d, PCI_SUBCLASS);
	d->class = pci_cfg_read8(d, PCI_CLASS);
	d->header_type = pci_cfg_read8(d, PCI_HEADER_TYPE);
	d->int_pin = pci_cfg_read8(d, PCI_INT_PIN);
	d->dma_mask = ~0ULL;
	if ((d->header_type & PCI_HEADER_TYPE_MASK) == PCI_HEADER_NORMAL) {
		d->subsys_vendor = pci_cfg_read16(d, PCI_SUBSYS_VENDOR);
		d->subsys_device = pci_cfg_read16(d, PCI_SUBSYS_ID);
	}
	d->irq_mode = d->int_pin != 0 ? PCI_IRQ_INTX : PCI_IRQ_NONE;
	size_bars(d);
	read_caps(d);

	if ((d->header_type & PCI_HEADER_TYPE_MASK) != PCI_HEADER_BRIDGE)
		return;
	d->sec_bus = pci_cfg_read8(d, PCI_SECONDARY_BUS);
	if (d->sec_bus == 0 || d->sec_bus <= bus) {
		bridge_number(d);
		scan_bus(d->sec_bus);
		bridge_close(d);
		kprintf("pci: %02x:%02x.%x bridge numbered: buses %u-%u\n",
		    bus, dev, fn, d->sec_bus, d->sub_bus);
		return;
	}
	if (d->sec_bus > next_bus)
		next_bus = d->sec_bus;
	scan_bus(d->sec_bus);
	if (pci_cfg_read8(d, PCI_SUBORDINATE_BUS) > next_bus)
		next_bus = pci_cfg_read8(d, PCI_SUBORDINATE_BUS);
	d->sub_bus = pci_cfg_read8(d, PCI_SUBORDINATE_BUS);
}

static void
scan_bus(uint8_t bus)
{
	volatile void *cfg;
	uint8_t dev, fn, nfn;

	if (bus < ecam_start_bus || bus > ecam_end_bus)
		return;
	for (dev = 0; dev < PCI_MAX_DEV; dev++) {
		cfg = cfg_page(bus, dev, 0);
		if (mmio_read16(cfg, PCI_VENDOR_ID) == PCI_VENDOR_NONE)
			continue;
		nfn = (mmio_read8(cfg, PCI_HEADER_TYPE) & PCI_HEADER_MULTIFN) ?
		    PCI_MAX_FN : 1;
		for (fn = 0; fn < nfn; fn++)
			if (mmio_read16(cfg_page(bus, dev, fn), PCI_VENDOR_ID) !=
			    PCI_VENDOR_NONE)
				add_function(bus, dev, fn);
	}
}

void
pci_init(void)
{
	const struct acpi_info *ai = acpi_info();
	uint64_t nbuses;
	int i;

	if (ai->necam == 0)
		panic("pci_init: no ECAM region in the MCFG");
	ecam_start_bus = ai->ecam[0].start_bus;
	ecam_end_bus = ai->ecam[0].end_bus;
	nbuses = (uint64_t)(ecam_end_bus - ecam_start_bus) + 1;
	/* The MCFG base is that of bus 0 even when start_bus is not 0. */
	ecam = vmm_map_mmio(ai->ecam[0].base + ECAM_OFFSET(ecam_start_bus, 0, 0),
	    nbuses << 20);
	next_bus = ecam_start_bus;
	scan_bus(ecam_start_bus);
	/*
	 * Decoding on for every function with BARs (firmware may have left
	 * some off), so what we list is what the device answers to.
	 */
	for (i = 0; i < ndevs; i++)
		pci_enable(&devs[i], 0);
	kprintf("pci: %d functions on buses %u-%u\n", ndevs, ecam_start_bus,
	    next_bus);
}

int
pci_count(void)
{
	return ndevs;
}

struct pci_dev *
pci_get(int i)
{
	return i >= 0 && i < ndevs ? &devs[i] : NULL;
}

struct pci_dev *
pci_find(uint16_t vendor, uint16_t device, int nth)
{
	int i;

	for (i = 0; i < ndevs; i++)
		if (devs[i].vendor == vendor && devs[i].device == device &&
		    nth-- == 0)
			return &devs[i];
	return NULL;
}

/* Turns on the decoders the function has BARs for, and DMA if asked. */
void
pci_enable(struct pci_dev *d, int bus_master)
{
	uint16_t cmd = pci_cfg_read16(d, PCI_COMMAND), want = 0;
	int i;

	for (i = 0; i < 6; i++) {
		if (d->bar[i].kind == PCI_BAR_KIND_IO)
			want |= PCI_COMMAND_IO;
		else if (d->bar[i].kind != PCI_BAR_NONE && d->bar[i].addr != 0)
			want |= PCI_COMMAND_MEMORY;
	}
	if (bus_master)
		want |= PCI_COMMAND_MASTER;
	if ((cmd & want) != want)
		pci_cfg_write16(d, PCI_COMMAND, cmd | want);
}

/* Maps a memory BAR with the given cache type; NULL if it cannot be. */
void *
pci_map_bar(struct pci_dev *d, int i, enum vmm_cache c)
{
	struct pci_bar *b = &d->bar[i];

	if (b->kind != PCI_BAR_KIND_MEM32 && b->kind != PCI_BAR_KIND_MEM64)
		return NULL;
	if (b->addr == 0)
		return NULL;	/* firmware did not assign it */
	b->map = vmm_map(b->addr, b->size, c);
	return b->map;
}

/* Bus/device/function as the 16-bit requester ID of PCIe transactions. */
uint16_t
pci_requester_id(struct pci_dev *d)
{
	return (uint16_t)(d->bus << 8 | d->dev << 3 | d->fn);
}

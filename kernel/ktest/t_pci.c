/* Tests of PCIe enumeration: bridges, BARs, capabilities. */
#include "ktest/ktest.h"
#include "pci.h"
#include "pcireg.h"

/* Some bridge has a secondary bus and something was found behind it. */
int
t_pci_bridge(void)
{
	struct pci_dev *d, *b = NULL, *hb;
	int i, behind = 0;

	hb = pci_get(0);
	KT_CHECK(hb != NULL && hb->bus == 0 && hb->dev == 0 && hb->class == 6 &&
	    hb->subclass == 0, "00:00.0 is not a host bridge");
	for (i = 0; (d = pci_get(i)) != NULL; i++)
		if ((d->header_type & PCI_HEADER_TYPE_MASK) == PCI_HEADER_BRIDGE)
			b = d;
	if (b == NULL)
		return KT_SKIP;
	KT_CHECK(b->sec_bus > b->bus && b->sub_bus >= b->sec_bus,
	    "bridge %02x:%02x.%x buses %u-%u", b->bus, b->dev, b->fn,
	    b->sec_bus, b->sub_bus);
	for (i = 0; (d = pci_get(i)) != NULL; i++)
		if (d->bus >= b->sec_bus && d->bus <= b->sub_bus)
			behind++;
	KT_CHECK(behind > 0, "nothing found behind the bridge");
	return KT_PASS;
}

/* Sized BARs are powers of two, assigned, and aligned to their size. */
int
t_pci_bars(void)
{
	struct pci_dev *d;
	struct pci_bar *b;
	int i, j, n = 0, n64 = 0;

	for (i = 0; (d = pci_get(i)) != NULL; i++) {
		for (j = 0; j < 6; j++) {
			b = &d->bar[j];
			if (b->kind == PCI_BAR_NONE)
				continue;
			n++;
			if (b->kind == PCI_BAR_KIND_MEM64)
				n64++;
			KT_CHECK(b->size != 0 && (b->size & (b->size - 1)) == 0,
			    "%02x:%02x.%x BAR%d size %#lx", d->bus, d->dev,
			    d->fn, j, b->size);
			KT_CHECK(b->addr != 0 && (b->addr & (b->size - 1)) == 0,
			    "%02x:%02x.%x BAR%d at %#lx size %#lx", d->bus,
			    d->dev, d->fn, j, b->addr, b->size);
		}
	}
	KT_CHECK(n > 0, "no BARs at all");
	KT_CHECK(n64 > 0, "no 64-bit BAR found");
	return KT_PASS;
}

/* Capability lists are well formed and MSI-X tables fit in their BAR. */
int
t_pci_caps(void)
{
	struct pci_dev *d;
	uint32_t tbl;
	uint64_t end;
	int i, nexp = 0, nmsix = 0, bir;

	for (i = 0; (d = pci_get(i)) != NULL; i++) {
		if (d->cap_exp != 0)
			nexp++;
		if (d->cap_msix == 0)
			continue;
		nmsix++;
		tbl = pci_cfg_read32(d, d->cap_msix + PCI_MSIX_TABLE);
		bir = (int)(tbl & PCI_MSIX_BIR_MASK);
		KT_CHECK(bir < 6 && d->bar[bir].kind != PCI_BAR_NONE &&
		    d->bar[bir].kind != PCI_BAR_KIND_IO,
		    "%02x:%02x.%x MSI-X table in BIR %d", d->bus, d->dev, d->fn,
		    bir);
		end = (tbl & PCI_MSIX_OFFSET_MASK) + (uint64_t)((pci_cfg_read16(d,
		    d->cap_msix + PCI_MSIX_FLAGS) & PCI_MSIX_FLAGS_QSIZE) + 1) *
		    PCI_MSIX_ENTRY_SIZE;
		KT_CHECK(end <= d->bar[bir].size, "%02x:%02x.%x MSI-X table "
		    "ends at %#lx beyond BAR%d", d->bus, d->dev, d->fn, end, bir);
	}
	KT_CHECK(nexp > 0, "no PCI Express capability anywhere on q35");
	KT_CHECK(nmsix > 0, "no MSI-X capable function");
	return KT_PASS;
}

/*
 * Bus numbering where firmware did none: the bridge above a device is
 * cleared to secondary = subordinate = 0 (the device vanishes from ECAM),
 * numbered again by the kernel's own code (it reappears on the new bus),
 * then put back as firmware had it.
 */
int
t_pci_bus_assign(void)
{
	struct pci_dev *d, *br = NULL, *ep = NULL;
	uint8_t sec, sub;
	int i, n;

	for (i = 0; (d = pci_get(i)) != NULL && br == NULL; i++) {
		if ((d->header_type & PCI_HEADER_TYPE_MASK) != PCI_HEADER_BRIDGE)
			continue;
		for (n = 0; (ep = pci_get(n)) != NULL; n++)
			if (ep->bus == d->sec_bus && ep->fn == 0)
				break;
		if (ep != NULL)
			br = d;
	}
	if (br == NULL)
		return KT_SKIP;
	sec = br->sec_bus;
	sub = br->sub_bus;
	pci_cfg_write8(br, PCI_SUBORDINATE_BUS, 0);
	pci_cfg_write8(br, PCI_SECONDARY_BUS, 0);
	KT_CHECK(pci_probe_vendor(ep->bus, ep->dev, 0) == PCI_VENDOR_NONE,
	    "%02x:%02x.0 still answers with its bridge unnumbered", ep->bus,
	    ep->dev);
	n = pci_bridge_renumber(br);
	kprintf("ktest:   bridge %02x:%02x.%x renumbered to buses %u-%u, %d "
	    "device(s) behind\n", br->bus, br->dev, br->fn, br->sec_bus,
	    br->sub_bus, n);
	KT_CHECK(n >= 1 && br->sec_bus != 0 && br->sec_bus != sec,
	    "renumbered to %u with %d devices", br->sec_bus, n);
	KT_CHECK(pci_cfg_read8(br, PCI_SECONDARY_BUS) == br->sec_bus &&
	    pci_cfg_read8(br, PCI_PRIMARY_BUS) == br->bus, "bridge registers");
	KT_CHECK(pci_probe_vendor(br->sec_bus, ep->dev, 0) == ep->vendor,
	    "%04x:%04x not found on new bus %u", ep->vendor, ep->device,
	    br->sec_bus);

	pci_cfg_write8(br, PCI_SECONDARY_BUS, sec);
	pci_cfg_write8(br, PCI_SUBORDINATE_BUS, sub);
	br->sec_bus = sec;
	br->sub_bus = sub;
	KT_CHECK(pci_probe_vendor(ep->bus, ep->dev, 0) == ep->vendor,
	    "device not back after restoring the firmware numbers");
	return KT_PASS;
}

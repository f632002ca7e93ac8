/*
 * QEMU nvme: MSI-X set up, admin queue created, Identify Controller by DMA
 * returns the serial number the harness put on QEMU's command line (and
 * passed us as fw_cfg opt/metalos/nvme-serial).
 */
#include "dev/nvme.h"
#include "dev/nvmereg.h"
#include "ktest/ktest.h"
#include "pci.h"

int
t_nvme_identify(void)
{
	struct nvme n;
	struct dma_mem id;
	char want[NVME_ID_SN_LEN + 1], got[NVME_ID_SN_LEN + 1];
	uint16_t vid;
	int err, len;

	err = nvme_open(&n, 0);
	if (err == -KERR_NODEV && n.pci == NULL)
		return KT_SKIP;
	KT_CHECK(err == 0, "nvme_open: %d", err);
	KT_CHECK(n.pci->irq_mode == PCI_IRQ_MSIX, "not in MSI-X mode");
	KT_CHECK(dma_alloc_coherent(n.pci, NVME_ID_SIZE, &id) == 0, "no DMA");
	memset(id.cpu, 0xa5, NVME_ID_SIZE);
	err = nvme_identify_ctrl(&n, &id);
	KT_CHECK(err == 0, "Identify: %d", err);
	memcpy(got, (uint8_t *)id.cpu + NVME_ID_SN, NVME_ID_SN_LEN);
	for (len = NVME_ID_SN_LEN; len > 0 && got[len - 1] == ' '; len--)
		;
	got[len] = '\0';
	memcpy(&vid, (uint8_t *)id.cpu + NVME_ID_VID, 2);
	kprintf("ktest:   Identify: vendor %04x serial \"%s\" model \"%.40s\", "
	    "%lu MSI-X\n", vid, got, (char *)id.cpu + NVME_ID_MN, n.irqs);
	KT_CHECK(vid == n.pci->vendor, "Identify VID %04x, PCI says %04x", vid,
	    n.pci->vendor);
	KT_CHECK(n.irqs > 0, "no MSI-X interrupt");
	if (fwcfg_read_file("opt/metalos/nvme-serial", want, sizeof(want)) < 0)
		KT_CHECK(len > 0, "empty serial number");
	else
		KT_CHECK(strcmp(got, want) == 0, "serial \"%s\", want \"%s\"",
		    got, want);
	dma_free_coherent(n.pci, &id);
	nvme_close(&n);
	return KT_PASS;
}

/*
 * MSI-X masking: with the admin vector masked the controller completes the
 * command but the interrupt stays pending in the PBA; unmasking delivers
 * it (PCI 3.0, 6.8.2.9 "Per-vector masking and function masking").
 */
int
t_nvme_msix_mask(void)
{
	struct nvme n;
	struct nvme_sqe cmd;
	struct dma_mem id;
	uint64_t irqs, end;
	uint16_t cid;
	int err;

	err = nvme_open(&n, 0);
	if (err == -KERR_NODEV && n.pci == NULL)
		return KT_SKIP;
	KT_CHECK(err == 0, "nvme_open: %d", err);
	KT_CHECK(dma_alloc_coherent(n.pci, NVME_ID_SIZE, &id) == 0, "no DMA");
	KT_CHECK(pci_msix_pending(n.pci, 0) == 0, "entry 0 pending at start");

	pci_msix_mask(n.pci, 0, 1);
	irqs = n.irqs;
	nvme_identify_cmd(&cmd, &id);
	cid = nvme_submit(&n, &cmd);
	KT_CHECK(nvme_poll(&n, cid, KT_WAIT_MS, NULL, NULL) == 0, "no completion "
	    "while masked");
	delay_us(10000);	/* time for a wrongly delivered MSI to land */
	KT_CHECK(n.irqs == irqs, "%lu MSI-X delivered while masked",
	    n.irqs - irqs);
	KT_CHECK(pci_msix_pending(n.pci, 0) == 1, "PBA bit not set while "
	    "masked");

	pci_msix_mask(n.pci, 0, 0);
	end = time_ns() + KT_WAIT_MS * 1000000ULL;
	while (n.irqs == irqs && time_ns() < end)
		__asm__ volatile("hlt");
	KT_CHECK(n.irqs == irqs + 1, "unmasking delivered %lu MSI-X, want 1",
	    n.irqs - irqs);
	KT_CHECK(pci_msix_pending(n.pci, 0) == 0, "PBA bit still set");
	kprintf("ktest:   masked: completion without MSI-X, PBA bit set; "
	    "unmasked: 1 MSI-X delivered\n");
	dma_free_coherent(n.pci, &id);
	nvme_close(&n);
	return KT_PASS;
}

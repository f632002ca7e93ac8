/*
 * PCI Express functions found by ECAM enumeration, their BARs and
 * capabilities, and the interrupt and DMA state drivers attach to them.
 */
#ifndef KERNEL_PCI_H
#define KERNEL_PCI_H

#include <stdint.h>

#include "vmm.h"

#define PCI_MAX_DEVS	64
#define PCI_MAX_CAPS	16

enum pci_bar_kind {
	PCI_BAR_NONE,
	PCI_BAR_KIND_IO,
	PCI_BAR_KIND_MEM32,
	PCI_BAR_KIND_MEM64,
};

struct pci_bar {
	enum pci_bar_kind kind;
	int		 prefetch;
	uint64_t	 addr;		/* bus address as programmed */
	uint64_t	 size;
	void		*map;		/* CPU mapping, NULL until mapped */
};

struct pci_cap {
	uint16_t	 id;
	uint16_t	 off;
	int		 ext;		/* 1: PCIe extended capability */
};

enum pci_irq_mode {
	PCI_IRQ_NONE,
	PCI_IRQ_INTX,
	PCI_IRQ_MSI,
	PCI_IRQ_MSIX,
};

struct iommu_domain;

struct pci_dev {
	uint16_t	 seg;
	uint8_t		 bus, dev, fn;
	uint16_t	 vendor, device;
	uint16_t	 subsys_vendor, subsys_device;
	uint8_t		 class, subclass, prog_if, revision;
	uint8_t		 header_type;
	uint8_t		 int_pin;
	uint8_t		 sec_bus, sub_bus;	/* bridges */
	volatile void	*cfg;			/* its ECAM page */
	struct pci_bar	 bar[6];
	int		 ncaps;
	struct pci_cap	 caps[PCI_MAX_CAPS];
	uint16_t	 cap_exp, cap_msi, cap_msix;	/* 0: absent */
	enum pci_irq_mode irq_mode;
	int		 msi_vector;
	volatile void	*msix_table;
	int		 msix_size;
	uint64_t	 dma_mask;
	struct iommu_domain *domain;	/* NULL: DMA is identity mapped */
};

void	 pci_init(void);
int	 pci_count(void);
struct pci_dev *pci_get(int i);
struct pci_dev *pci_find(uint16_t vendor, uint16_t device, int nth);
uint32_t pci_cfg_read32(struct pci_dev *, uint16_t off);
uint16_t pci_cfg_read16(struct pci_dev *, uint16_t off);
uint8_t	 pci_cfg_read8(struct pci_dev *, uint16_t off);
void	 pci_cfg_write32(struct pci_dev *, uint16_t off, uint32_t);
void	 pci_cfg_write16(struct pci_dev *, uint16_t off, uint16_t);
void	 pci_cfg_write8(struct pci_dev *, uint16_t off, uint8_t);
uint16_t pci_find_cap(struct pci_dev *, uint16_t id, int ext);
void	 pci_enable(struct pci_dev *, int bus_master);
void	*pci_map_bar(struct pci_dev *, int bar, enum vmm_cache);
uint16_t pci_requester_id(struct pci_dev *);
uint16_t pci_probe_vendor(uint8_t bus, uint8_t dev, uint8_t fn);
int	 pci_bridge_renumber(struct pci_dev *);
const char *pci_class_name(const struct pci_dev *);
const char *pci_cap_name(uint16_t id, int ext);
void	 lspci(void);

/* msi.c */
int	 pci_msi_enable(struct pci_dev *, void (*fn)(void *, int), void *arg);
int	 pci_msix_enable(struct pci_dev *);
int	 pci_msix_bind(struct pci_dev *, int entry, void (*fn)(void *, int),
	    void *arg);
void	 pci_msix_mask(struct pci_dev *, int entry, int masked);
int	 pci_msix_pending(struct pci_dev *, int entry);
void	 pci_irq_disable(struct pci_dev *);

#endif

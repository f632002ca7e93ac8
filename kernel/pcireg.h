/*
 * PCI / PCI Express configuration space.
 * Sources: PCI Local Bus Specification 3.0, section 6.1 (type 0 header),
 * 6.2.5 (BARs), 6.7 (capability list), 6.8.1 (MSI), 6.8.2 (MSI-X);
 * PCI-to-PCI Bridge Architecture Specification 1.2, section 3.2 (type 1
 * header); PCI Express Base Specification 4.0, sections 7.2.2 (ECAM),
 * 7.5.3 (PCIe capability), 7.6 (extended capabilities), 7.8.6 (Resizable
 * BAR).  Names and offsets cross-checked with linux
 * include/uapi/linux/pci_regs.h.
 */
#ifndef KERNEL_PCIREG_H
#define KERNEL_PCIREG_H

/* ECAM: one 4 KiB config page per function (PCIe 4.0, 7.2.2, table 7-1) */
#define ECAM_OFFSET(bus, dev, fn)	\
	(((uint64_t)(bus) << 20) | ((uint64_t)(dev) << 15) | ((uint64_t)(fn) << 12))
#define PCI_CFG_SIZE		4096
#define PCI_MAX_DEV		32
#define PCI_MAX_FN		8

/* Common header */
#define PCI_VENDOR_ID		0x00	/* 16 bits; 0xffff: no function */
#define  PCI_VENDOR_NONE	0xffff
#define PCI_DEVICE_ID		0x02
#define PCI_COMMAND		0x04	/* 16 bits */
#define  PCI_COMMAND_IO		(1 << 0)	/* I/O space decode */
#define  PCI_COMMAND_MEMORY	(1 << 1)	/* memory space decode */
#define  PCI_COMMAND_MASTER	(1 << 2)	/* bus master (DMA) */
#define  PCI_COMMAND_INTX_DISABLE (1 << 10)
#define PCI_STATUS		0x06	/* 16 bits */
#define  PCI_STATUS_CAP_LIST	(1 << 4)	/* capability list at 0x34 */
#define PCI_REVISION		0x08
#define PCI_PROG_IF		0x09
#define PCI_SUBCLASS		0x0a
#define PCI_CLASS		0x0b
#define PCI_HEADER_TYPE		0x0e
#define  PCI_HEADER_TYPE_MASK	0x7f
#define  PCI_HEADER_NORMAL	0
#define  PCI_HEADER_BRIDGE	1
#define  PCI_HEADER_MULTIFN	0x80
#define PCI_BAR0		0x10	/* six (type 0) or two (type 1) BARs */
#define  PCI_BAR_IO		(1 << 0)	/* 1: I/O space BAR */
#define  PCI_BAR_IO_MASK	(~0x3u)
#define  PCI_BAR_MEM_TYPE_MASK	(3 << 1)
#define  PCI_BAR_MEM_TYPE_64	(2 << 1)	/* 64-bit: uses two slots */
#define  PCI_BAR_MEM_PREFETCH	(1 << 3)
#define  PCI_BAR_MEM_MASK	(~0xfu)
#define PCI_SUBSYS_VENDOR	0x2c
#define PCI_SUBSYS_ID		0x2e
#define PCI_CAP_PTR		0x34	/* first capability, low 2 bits reserved */
#define PCI_INT_LINE		0x3c
#define PCI_INT_PIN		0x3d	/* 1..4 = INTA..INTD, 0 none */
#define PCI_NBARS_NORMAL	6
#define PCI_NBARS_BRIDGE	2

/* Type 1 (bridge) header */
#define PCI_PRIMARY_BUS		0x18
#define PCI_SECONDARY_BUS	0x19
#define PCI_SUBORDINATE_BUS	0x1a

/* Capability IDs (PCI Code and ID Assignment Specification, ch. 2) */
#define PCI_CAP_ID_PM		0x01
#define PCI_CAP_ID_MSI		0x05
#define PCI_CAP_ID_VNDR		0x09
#define PCI_CAP_ID_SSVID	0x0d	/* bridge subsystem vendor ID */
#define PCI_CAP_ID_EXP		0x10	/* PCI Express */
#define PCI_CAP_ID_MSIX		0x11
#define PCI_CAP_ID_SATA		0x12
#define PCI_CAP_ID_AF		0x13

/* Extended capabilities, from offset 0x100 in PCIe config space */
#define PCI_EXT_CAP_START	0x100
#define  PCI_EXT_CAP_ID(h)	((h) & 0xffff)
#define  PCI_EXT_CAP_NEXT(h)	(((h) >> 20) & 0xffc)
#define PCI_EXT_CAP_ID_AER	0x0001
#define PCI_EXT_CAP_ID_VC	0x0002
#define PCI_EXT_CAP_ID_DSN	0x0003
#define PCI_EXT_CAP_ID_ACS	0x000d
#define PCI_EXT_CAP_ID_ARI	0x000e
#define PCI_EXT_CAP_ID_ATS	0x000f
#define PCI_EXT_CAP_ID_SRIOV	0x0010
#define PCI_EXT_CAP_ID_REBAR	0x0015	/* Resizable BAR */
#define PCI_EXT_CAP_ID_LTR	0x0018
#define PCI_EXT_CAP_ID_SECPCI	0x0019

/* PCI Express capability (PCIe 4.0, 7.5.3.2) */
#define PCI_EXP_FLAGS		0x02	/* 16 bits */
#define  PCI_EXP_FLAGS_TYPE(f)	(((f) >> 4) & 0xf)
#define  PCI_EXP_TYPE_ENDPOINT	0x0
#define  PCI_EXP_TYPE_LEG_END	0x1
#define  PCI_EXP_TYPE_ROOT_PORT	0x4
#define  PCI_EXP_TYPE_UPSTREAM	0x5
#define  PCI_EXP_TYPE_DOWNSTREAM 0x6
#define  PCI_EXP_TYPE_RC_END	0x9	/* root complex integrated endpoint */
#define PCI_EXP_LNKSTA		0x12	/* link status, 16 bits */
#define  PCI_EXP_LNKSTA_SPEED(s) ((s) & 0xf)
#define  PCI_EXP_LNKSTA_WIDTH(s) (((s) >> 4) & 0x3f)

/* MSI capability (PCI 3.0, 6.8.1) */
#define PCI_MSI_FLAGS		0x02	/* message control, 16 bits */
#define  PCI_MSI_FLAGS_ENABLE	(1 << 0)
#define  PCI_MSI_FLAGS_QMASK	(7 << 1)	/* multiple message capable */
#define  PCI_MSI_FLAGS_QSIZE	(7 << 4)	/* multiple message enable */
#define  PCI_MSI_FLAGS_64BIT	(1 << 7)
#define  PCI_MSI_FLAGS_MASKBIT	(1 << 8)	/* per-vector masking */
#define PCI_MSI_ADDR_LO		0x04
#define PCI_MSI_ADDR_HI		0x08	/* 64-bit capable only */
#define PCI_MSI_DATA_32		0x08
#define PCI_MSI_DATA_64		0x0c
#define PCI_MSI_MASK_32		0x0c
#define PCI_MSI_MASK_64		0x10

/* MSI-X capability (PCI 3.0, 6.8.2) */
#define PCI_MSIX_FLAGS		0x02	/* message control, 16 bits */
#define  PCI_MSIX_FLAGS_QSIZE	0x7ff	/* table size - 1 */
#define  PCI_MSIX_FLAGS_MASKALL	(1 << 14)	/* function mask */
#define  PCI_MSIX_FLAGS_ENABLE	(1 << 15)
#define PCI_MSIX_TABLE		0x04	/* BIR in bits 2:0, offset in 31:3 */
#define PCI_MSIX_PBA		0x08
#define  PCI_MSIX_BIR_MASK	0x7
#define  PCI_MSIX_OFFSET_MASK	(~0x7u)
/* MSI-X table entry, 16 bytes each, in the BAR named by the BIR */
#define PCI_MSIX_ENTRY_SIZE	16
#define PCI_MSIX_ENTRY_ADDR_LO	0x0
#define PCI_MSIX_ENTRY_ADDR_HI	0x4
#define PCI_MSIX_ENTRY_DATA	0x8
#define PCI_MSIX_ENTRY_CTRL	0xc
#define  PCI_MSIX_ENTRY_CTRL_MASK (1 << 0)

/* Resizable BAR extended capability (PCIe 4.0, 7.8.6) */
#define PCI_REBAR_CAP		0x04	/* per BAR: supported sizes, bits 4+ */
#define  PCI_REBAR_CAP_SIZES(c)	(((c) >> 4) & 0xfffff)	/* bit n: 2^(n+20) */
#define PCI_REBAR_CTRL		0x08
#define  PCI_REBAR_CTRL_BAR_IDX(c) ((c) & 0x7)
#define  PCI_REBAR_CTRL_NBAR(c)	(((c) >> 5) & 0x7)
#define  PCI_REBAR_CTRL_SIZE(c)	(((c) >> 8) & 0x3f)	/* 2^(n+20) bytes */

#endif

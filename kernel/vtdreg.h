/*
 * Intel VT-d DMA remapping hardware.  Source: Intel Virtualization
 * Technology for Directed I/O Architecture Specification, rev. 3.x:
 * chapter 8 (DMAR ACPI table), 9.1-9.4 (root and context entries),
 * 9.8 (second-level paging entries), 10.4 (register descriptions),
 * 7.3 (fault recording and reasons, appendix A).  QEMU's model is
 * hw/i386/intel_iommu.c.
 */
#ifndef KERNEL_VTDREG_H
#define KERNEL_VTDREG_H

/* DMAR ACPI table (chapter 8) */
#define DMAR_HEADER_SIZE	48	/* SDT header + HAW, flags, reserved */
#define DMAR_HAW_OFF		36	/* host address width - 1 */
#define DMAR_TYPE_DRHD		0	/* remapping hardware unit */
#define DRHD_FLAGS_OFF		4
#define  DRHD_INCLUDE_PCI_ALL	(1 << 0)
#define DRHD_SEGMENT_OFF	6
#define DRHD_BASE_OFF		8	/* 64-bit register base address */

/* Registers (10.4), 4 KiB of MMIO per unit */
#define VTD_REG_SIZE		0x1000
#define VTD_VER			0x000	/* 32: version */
#define VTD_CAP			0x008	/* 64: capabilities */
#define  VTD_CAP_ND(c)		((c) & 0x7)		/* domains supported */
#define  VTD_CAP_CM		(1ULL << 7)		/* caching mode */
#define  VTD_CAP_SAGAW(c)	(((c) >> 8) & 0x1f)	/* 2nd-level AWs */
#define   VTD_SAGAW_39		(1 << 1)		/* 3-level table */
#define   VTD_SAGAW_48		(1 << 2)		/* 4-level table */
#define  VTD_CAP_MGAW(c)	((((c) >> 16) & 0x3f) + 1)
#define  VTD_CAP_FRO(c)		((((c) >> 24) & 0x3ff) * 16)	/* fault regs */
#define  VTD_CAP_NFR(c)		((((c) >> 40) & 0xff) + 1)
#define VTD_ECAP		0x010	/* 64: extended capabilities */
#define  VTD_ECAP_C		(1ULL << 0)	/* page walks snoop caches */
#define  VTD_ECAP_QI		(1ULL << 1)	/* queued invalidation */
#define  VTD_ECAP_IR		(1ULL << 3)	/* interrupt remapping */
#define  VTD_ECAP_IRO(e)	((((e) >> 8) & 0x3ff) * 16)	/* IOTLB regs */
#define VTD_GCMD		0x018	/* 32: global command */
#define VTD_GSTS		0x01c	/* 32: global status, same bit layout */
#define  VTD_GCMD_TE		(1u << 31)	/* translation enable */
#define  VTD_GCMD_SRTP		(1u << 30)	/* set root table pointer */
#define  VTD_GCMD_SFL		(1u << 29)	/* one-shot */
#define  VTD_GCMD_WBF		(1u << 27)	/* one-shot */
#define  VTD_GCMD_QIE		(1u << 26)
#define  VTD_GCMD_IRE		(1u << 25)
#define  VTD_GCMD_SIRTP		(1u << 24)	/* one-shot */
#define  VTD_GCMD_CFI		(1u << 23)
/* 10.4.4: write back the status, minus the one-shot bits, plus the command */
#define  VTD_GSTS_PERSISTENT	0x96ffffffu
#define VTD_RTADDR		0x020	/* 64: root table address */
#define VTD_CCMD		0x028	/* 64: context command */
#define  VTD_CCMD_ICC		(1ULL << 63)	/* invalidate; HW clears */
#define  VTD_CCMD_GLOBAL	(1ULL << 61)	/* CIRG = 01: global */
#define VTD_FSTS		0x034	/* 32: fault status */
#define  VTD_FSTS_PFO		(1u << 0)	/* primary fault overflow */
#define  VTD_FSTS_PPF		(1u << 1)	/* primary pending fault (RO) */
#define  VTD_FSTS_FRI(s)	(((s) >> 8) & 0xff)	/* fault record index */
#define VTD_FECTL		0x038	/* 32: fault event control */
#define  VTD_FECTL_IM		(1u << 31)	/* interrupt mask */
#define  VTD_FECTL_IP		(1u << 30)	/* interrupt pending */
#define VTD_FEDATA		0x03c	/* 32: MSI data */
#define VTD_FEADDR		0x040	/* 32: MSI address */
#define VTD_FEUADDR		0x044	/* 32: MSI upper address */
/* IOTLB registers, at ECAP.IRO */
#define VTD_IOTLB_IVA		0x0	/* 64: invalidate address */
#define VTD_IOTLB_REG		0x8	/* 64: invalidate command */
#define  VTD_IOTLB_IVT		(1ULL << 63)	/* invalidate; HW clears */
#define  VTD_IOTLB_GLOBAL	(1ULL << 60)	/* IIRG = 01: global */
#define  VTD_IOTLB_DR		(1ULL << 49)	/* drain reads */
#define  VTD_IOTLB_DW		(1ULL << 48)	/* drain writes */
/* Fault recording registers, 16 bytes each at CAP.FRO */
#define VTD_FRCD_LO		0x0	/* 64: bits 63:12 faulting page */
#define VTD_FRCD_HI		0x8	/* 64: */
#define  VTD_FRCD_SID(h)	((h) & 0xffff)		/* source requester */
#define  VTD_FRCD_FR(h)		(((h) >> 32) & 0xff)	/* fault reason */
#define  VTD_FRCD_T		(1ULL << 62)	/* 1: read, 0: write request */
#define  VTD_FRCD_F		(1ULL << 63)	/* valid; write 1 to clear */

/* Fault reasons, non-recoverable faults (appendix A) */
#define VTD_FR_ROOT_P		0x1	/* root entry not present */
#define VTD_FR_CTX_P		0x2	/* context entry not present */
#define VTD_FR_CTX_INV		0x3	/* invalid context entry */
#define VTD_FR_AW		0x4	/* address beyond the address width */
#define VTD_FR_WRITE		0x5	/* write to a page without write permission */
#define VTD_FR_READ		0x6	/* read of a page without read permission */
#define VTD_FR_SL_ACCESS	0x7	/* second-level entry not accessible */
#define VTD_FR_ROOT_TABLE	0x8	/* root table address invalid */
#define VTD_FR_CTX_TABLE	0x9	/* context table pointer invalid */
#define VTD_FR_ROOT_RSVD	0xa	/* reserved bits in a root entry */
#define VTD_FR_CTX_RSVD		0xb	/* reserved bits in a context entry */
#define VTD_FR_SL_RSVD		0xc	/* reserved bits in a second-level entry */
#define VTD_FR_TT		0xd	/* translation type blocked */

/* Root entry (9.1), 16 bytes, one per bus */
#define VTD_ROOT_P		(1ULL << 0)	/* low: present */
#define VTD_ROOT_CTP		0xfffffffffffff000ULL	/* context table */
/* Context entry (9.3), 16 bytes, one per devfn */
#define VTD_CTX_P		(1ULL << 0)	/* low: present */
#define VTD_CTX_FPD		(1ULL << 1)	/* low: fault processing disable */
#define VTD_CTX_TT_MULTI	(0ULL << 2)	/* low: untranslated via SL table */
#define VTD_CTX_SLPTPTR		0xfffffffffffff000ULL
#define VTD_CTX_AW_39		1	/* high bits 2:0: 3-level */
#define VTD_CTX_AW_48		2	/* 4-level */
#define VTD_CTX_DID_SHIFT	8	/* high bits 23:8: domain id */
/* Second-level paging entries (9.8) */
#define VTD_SL_R		(1ULL << 0)
#define VTD_SL_W		(1ULL << 1)
#define VTD_SL_PS		(1ULL << 7)
#define VTD_SL_ADDR		0x000ffffffffff000ULL

#endif

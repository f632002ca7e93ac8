/*
 * NVM Express controller registers and admin commands.
 * Source: NVM Express Base Specification 1.4: 3.1 (controller registers),
 * 4.2 (submission queue entry), 4.6 (completion queue entry), 5.15
 * (Identify, figure 247 Identify Controller data structure), 7.6.1
 * (controller initialization).  Model: qemu hw/nvme/ctrl.c.
 */
#ifndef KERNEL_DEV_NVMEREG_H
#define KERNEL_DEV_NVMEREG_H

#define NVME_CLASS		0x01	/* mass storage */
#define NVME_SUBCLASS		0x08	/* non-volatile memory */
#define NVME_BAR		0

#define NVME_CAP		0x00	/* 64: capabilities */
#define  NVME_CAP_MQES(c)	((c) & 0xffff)		/* max queue entries - 1 */
#define  NVME_CAP_TO(c)		(((c) >> 24) & 0xff)	/* ready timeout, 500 ms */
#define  NVME_CAP_DSTRD(c)	(((c) >> 32) & 0xf)	/* doorbell stride 4<<n */
#define  NVME_CAP_CSS_NVM	(1ULL << 37)
#define  NVME_CAP_MPSMIN(c)	(((c) >> 48) & 0xf)	/* 4 KiB << n */
#define NVME_VS			0x08	/* 32: version */
#define NVME_INTMS		0x0c	/* 32: interrupt mask set (INTx/MSI) */
#define NVME_CC			0x14	/* 32: controller configuration */
#define  NVME_CC_EN		(1u << 0)
#define  NVME_CC_CSS_NVM	(0u << 4)
#define  NVME_CC_MPS(n)		((uint32_t)(n) << 7)	/* 4 KiB << n */
#define  NVME_CC_AMS_RR		(0u << 11)
#define  NVME_CC_IOSQES(n)	((uint32_t)(n) << 16)	/* 2^n bytes */
#define  NVME_CC_IOCQES(n)	((uint32_t)(n) << 20)
#define NVME_CSTS		0x1c	/* 32: controller status */
#define  NVME_CSTS_RDY		(1u << 0)
#define  NVME_CSTS_CFS		(1u << 1)	/* fatal status */
#define NVME_AQA		0x24	/* 32: admin queue attributes */
#define  NVME_AQA_ASQS(n)	((uint32_t)((n) - 1))		/* entries - 1 */
#define  NVME_AQA_ACQS(n)	((uint32_t)((n) - 1) << 16)
#define NVME_ASQ		0x28	/* 64: admin SQ base */
#define NVME_ACQ		0x30	/* 64: admin CQ base */
#define NVME_DOORBELL_BASE	0x1000
/* SQ y tail doorbell: 0x1000 + (2y) * stride; CQ y head: (2y + 1) * stride */
#define NVME_DB_STRIDE(dstrd)	(4u << (dstrd))
#define NVME_SQ_TAIL_DB(y, dstrd)					\
	(NVME_DOORBELL_BASE + (2 * (y)) * NVME_DB_STRIDE(dstrd))
#define NVME_CQ_HEAD_DB(y, dstrd)					\
	(NVME_DOORBELL_BASE + (2 * (y) + 1) * NVME_DB_STRIDE(dstrd))

/* Submission queue entry, 64 bytes */
struct nvme_sqe {
	uint8_t	 opcode;
	uint8_t	 flags;		/* fused, PSDT = 0: PRPs */
	uint16_t cid;		/* command identifier */
	uint32_t nsid;
	uint64_t rsvd;
	uint64_t mptr;
	uint64_t prp1;
	uint64_t prp2;
	uint32_t cdw10, cdw11, cdw12, cdw13, cdw14, cdw15;
};

/* Completion queue entry, 16 bytes */
struct nvme_cqe {
	uint32_t result;	/* DW0, command specific */
	uint32_t rsvd;
	uint16_t sq_head;
	uint16_t sq_id;
	uint16_t cid;
	uint16_t status;	/* bit 0: phase tag; 15:1 status field */
};
#define NVME_CQE_PHASE		1u
#define NVME_CQE_STATUS(s)	((s) >> 1)	/* 0: success */

#define NVME_SQE_SIZE_LOG2	6
#define NVME_CQE_SIZE_LOG2	4

/* Admin commands (5.x) */
#define NVME_ADMIN_IDENTIFY	0x06
#define  NVME_ID_CNS_CTRL	0x01	/* CDW10.CNS: identify controller */

/* Identify Controller data (figure 247) */
#define NVME_ID_VID		0	/* 2 bytes: PCI vendor */
#define NVME_ID_SN		4	/* 20 bytes: serial, ASCII, space-padded */
#define NVME_ID_SN_LEN		20
#define NVME_ID_MN		24	/* 40 bytes: model */
#define NVME_ID_MN_LEN		40
#define NVME_ID_FR		64	/* 8 bytes: firmware revision */
#define NVME_ID_FR_LEN		8
#define NVME_ID_SIZE		4096

#endif

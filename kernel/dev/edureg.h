/*
 * QEMU's "edu" educational PCI device, BAR0 registers.
 * Source: qemu docs/specs/edu.rst (model: qemu hw/misc/edu.c).
 * Offsets below 0x80 take 32-bit accesses only.
 */
#ifndef KERNEL_DEV_EDUREG_H
#define KERNEL_DEV_EDUREG_H

#define EDU_VENDOR		0x1234
#define EDU_DEVICE		0x11e8
#define EDU_BAR			0
#define EDU_DMA_MASK		((1ULL << 28) - 1)	/* default dma_mask */

#define EDU_IDENT		0x00	/* RO: 0xRRrr00ed */
#define  EDU_IDENT_MAGIC(v)	((v) & 0xff)
#define  EDU_IDENT_MAGIC_VAL	0xed
#define EDU_LIVENESS		0x04	/* RW: reads back the inverse */
#define EDU_FACTORIAL		0x08	/* RW */
#define EDU_STATUS		0x20	/* RW */
#define  EDU_STATUS_COMPUTING	0x01	/* RO: factorial busy */
#define  EDU_STATUS_IRQFACT	0x80	/* interrupt when factorial done */
#define EDU_IRQ_STATUS		0x24	/* RO: raised interrupt bits */
#define EDU_IRQ_RAISE		0x60	/* WO: OR into IRQ status, raise */
#define EDU_IRQ_ACK		0x64	/* WO: clear bits, lowers when 0 */
#define EDU_DMA_SRC		0x80	/* RW 64: source address */
#define EDU_DMA_DST		0x88	/* RW 64: destination address */
#define EDU_DMA_COUNT		0x90	/* RW 64: bytes */
#define EDU_DMA_CMD		0x98	/* RW 64: */
#define  EDU_DMA_CMD_START	0x01	/* start; cleared when done */
#define  EDU_DMA_CMD_TO_RAM	0x02	/* direction: 0 RAM->EDU, 1 EDU->RAM */
#define  EDU_DMA_CMD_IRQ	0x04	/* raise IRQ 0x100 when done */
#define EDU_DMA_IRQ_VALUE	0x100
#define EDU_DMA_BUF		0x40000	/* device-side buffer address */
#define EDU_DMA_BUF_SIZE	4096

#endif

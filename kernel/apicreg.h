/*
 * Local APIC, I/O APIC and MSI message registers.
 * Local APIC: Intel SDM Vol. 3A chapter 11, table 11-1 (register offsets),
 * 11.5.1 (LVT), 11.5.4 (timer), 11.9 (spurious vector register).
 * I/O APIC: Intel 82093AA I/O APIC datasheet, sections 3.0-3.2.4.
 * MSI address/data: SDM Vol. 3A section 11.11.
 */
#ifndef KERNEL_APICREG_H
#define KERNEL_APICREG_H

/* Local APIC, memory mapped at the MADT / IA32_APIC_BASE address */
#define LAPIC_ID		0x020	/* bits 31:24 = APIC ID */
#define LAPIC_VERSION		0x030
#define LAPIC_TPR		0x080	/* task priority */
#define LAPIC_EOI		0x0b0	/* write 0 to signal end of interrupt */
#define LAPIC_SVR		0x0f0	/* spurious interrupt vector */
#define  LAPIC_SVR_ENABLE	(1 << 8)	/* APIC software enable */
#define LAPIC_ESR		0x280	/* error status */
#define LAPIC_LVT_TIMER		0x320
#define  LAPIC_TIMER_PERIODIC	(1 << 17)
#define LAPIC_LVT_LINT0		0x350
#define LAPIC_LVT_LINT1		0x360
#define LAPIC_LVT_ERROR		0x370
#define  LAPIC_LVT_MASKED	(1 << 16)
#define LAPIC_TIMER_INIT	0x380	/* initial count */
#define LAPIC_TIMER_CUR		0x390	/* current count (RO) */
#define LAPIC_TIMER_DIV		0x3e0	/* divide configuration */
#define  LAPIC_TIMER_DIV16	0x3	/* divide by 16 */
#define LAPIC_MMIO_SIZE		0x1000

/* I/O APIC: indirect through a select and a window register */
#define IOAPIC_REGSEL		0x00
#define IOAPIC_WIN		0x10
#define IOAPIC_REG_ID		0x00
#define IOAPIC_REG_VER		0x01	/* bits 23:16 = max redirection entry */
#define  IOAPIC_VER_MAXREDIR(v)	(((v) >> 16) & 0xff)
#define IOAPIC_REG_REDTBL(n)	(0x10 + 2 * (n))	/* low dword; +1 high */
#define  IOAPIC_RED_MASKED	(1 << 16)
#define  IOAPIC_RED_LEVEL	(1 << 15)	/* trigger mode: level */
#define  IOAPIC_RED_ACTIVELOW	(1 << 13)	/* polarity: active low */
#define  IOAPIC_RED_DEST_SHIFT	56	/* physical destination APIC ID */
#define IOAPIC_MMIO_SIZE	0x20

/* MSI message, as programmed into MSI/MSI-X capabilities and VT-d FEADDR */
#define MSI_ADDR_BASE		0xfee00000u	/* bits 31:20 = 0xfee */
#define  MSI_ADDR_DEST_SHIFT	12		/* destination APIC ID */
#define MSI_DATA_VECTOR(v)	((v) & 0xff)	/* fixed delivery, edge */

/* Legacy 8259 PICs: masked so only the APICs deliver */
#define PIC1_DATA		0x21
#define PIC2_DATA		0xa1

#endif

/*
 * Legacy PC devices reached through I/O ports, and QEMU's own ports.
 * 16550 UART: National Semiconductor PC16550D datasheet, register table
 * (section 8).  8254 PIT: Intel 8254 datasheet (control word format, modes
 * 0 and 2); port 0x61 gate/output bits as on every PC since the AT.
 * fw_cfg: qemu docs/specs/fw_cfg.rst.  isa-debug-exit: qemu
 * hw/misc/debugexit.c.
 */
#ifndef KERNEL_PCREG_H
#define KERNEL_PCREG_H

/* COM1 16550 UART */
#define COM1			0x3f8
#define UART_THR		0	/* transmit holding (DLAB=0, write) */
#define UART_RBR		0	/* receive buffer (DLAB=0, read) */
#define UART_DLL		0	/* divisor latch low (DLAB=1) */
#define UART_IER		1	/* interrupt enable (DLAB=0) */
#define UART_DLM		1	/* divisor latch high (DLAB=1) */
#define UART_FCR		2	/* FIFO control */
#define  UART_FCR_ENABLE	0x01
#define  UART_FCR_CLEAR		0x06	/* clear RX and TX FIFOs */
#define UART_LCR		3	/* line control */
#define  UART_LCR_8N1		0x03
#define  UART_LCR_DLAB		0x80	/* divisor latch access */
#define UART_MCR		4	/* modem control */
#define  UART_MCR_DTR_RTS	0x03
#define UART_LSR		5	/* line status */
#define  UART_LSR_DR		0x01	/* data ready */
#define  UART_LSR_THRE		0x20	/* transmit holding register empty */
#define UART_DIVISOR_115200	1	/* 1.8432 MHz / (16 * 115200) */

/* 8254 programmable interval timer */
#define PIT_HZ			1193182	/* input clock */
#define PIT_CH0			0x40	/* counter 0: ISA IRQ 0 */
#define PIT_CH2			0x42	/* counter 2: gated by port 0x61 */
#define PIT_CMD			0x43	/* control word */
#define  PIT_CMD_CH0_MODE2_LOHI	0x34	/* counter 0, lo/hi byte, rate generator */
#define  PIT_CMD_CH2_MODE0_LOHI	0xb0	/* counter 2, lo/hi byte, terminal count */
#define  PIT_CMD_CH2_LATCH	0x80	/* counter 2, latch the count for reading */
#define PIT_ISA_IRQ		0
#define PORT_61			0x61	/* system control port B */
#define  PORT_61_GATE2		0x01	/* counter 2 gate */
#define  PORT_61_SPKR		0x02	/* speaker data enable: keep off */
#define  PORT_61_OUT2		0x20	/* counter 2 output (RO) */

/* QEMU fw_cfg, I/O port interface */
#define FWCFG_PORT_SEL		0x510	/* 16-bit selector register */
#define FWCFG_PORT_DATA		0x511	/* 8-bit data register */
#define FWCFG_SIGNATURE		0x0000	/* reads "QEMU" */
#define FWCFG_FILE_DIR		0x0019	/* big-endian count, then FWCfgFile[] */
#define FWCFG_NAME_LEN		56

/* QEMU isa-debug-exit: -device isa-debug-exit,iobase=0xf4,iosize=4 */
#define DEBUG_EXIT_PORT		0xf4

#endif

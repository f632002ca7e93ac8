/*
 * COM1 16550 UART: the kernel console.  Register offsets and bits follow the
 * National Semiconductor PC16550D datasheet (register table, section 8).
 */
#include "io.h"
#include "kernel.h"

#define COM1		0x3f8
#define UART_THR	0	/* transmit holding (DLAB=0, write) */
#define UART_RBR	0	/* receive buffer (DLAB=0, read) */
#define UART_DLL	0	/* divisor latch low (DLAB=1) */
#define UART_IER	1	/* interrupt enable (DLAB=0) */
#define UART_DLM	1	/* divisor latch high (DLAB=1) */
#define UART_FCR	2	/* FIFO control */
#define UART_FCR_ENABLE	0x01
#define UART_FCR_CLEAR	0x06	/* clear RX and TX FIFOs */
#define UART_LCR	3	/* line control */
#define UART_LCR_8N1	0x03
#define UART_LCR_DLAB	0x80
#define UART_MCR	4	/* modem control */
#define UART_MCR_DTR_RTS 0x03
#define UART_LSR	5	/* line status */
#define UART_LSR_DR	0x01	/* data ready */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */

#define UART_DIVISOR_115200 1	/* 1.8432 MHz / (16 * 115200) */
#define UART_TX_SPINS	100000	/* a byte at 115200 baud is ~87 us */

void
serial_init(void)
{
	outb(COM1 + UART_IER, 0);
	outb(COM1 + UART_LCR, UART_LCR_DLAB);
	outb(COM1 + UART_DLL, UART_DIVISOR_115200);
	outb(COM1 + UART_DLM, 0);
	outb(COM1 + UART_LCR, UART_LCR_8N1);
	outb(COM1 + UART_FCR, UART_FCR_ENABLE | UART_FCR_CLEAR);
	outb(COM1 + UART_MCR, UART_MCR_DTR_RTS);
}

void
serial_putc(char c)
{
	int i;

	/*
	 * Bounded: with no UART (or a stuck one) the console must not hang
	 * the kernel; the byte is dropped instead.
	 */
	for (i = 0; i < UART_TX_SPINS; i++)
		if (inb(COM1 + UART_LSR) & UART_LSR_THRE)
			break;
	outb(COM1 + UART_THR, (uint8_t)c);
}

/* Returns the next received byte, or -1 after ms milliseconds. */
int
serial_getc_timeout(uint64_t ms)
{
	uint64_t end = time_ns() + ms * 1000000ULL;

	do {
		if (inb(COM1 + UART_LSR) & UART_LSR_DR)
			return inb(COM1 + UART_RBR);
		cpu_relax();
	} while (time_ns() < end);
	return -1;
}

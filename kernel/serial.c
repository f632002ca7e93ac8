/* COM1 16550 UART (registers in pcreg.h): the kernel console. */
#include "io.h"
#include "kernel.h"
#include "pcreg.h"

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

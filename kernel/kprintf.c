/*
 * Formatted output on the serial console.  The formatter is the GPU
 * driver's gpu/fmt.c (freestanding, shared): %d %i %u %x %X %p %s %c %%
 * with l/ll/z, a field width, a string precision and the 0, - and # flags.
 */
#include "gpu/fmt.h"
#include "io.h"
#include "kernel.h"

/* The formatting itself is the GPU driver's freestanding gpu/fmt.c. */
int
kvsnprintf(char *buf, size_t cap, const char *fmt, va_list ap)
{
	return gpu_vsnprintf(buf, cap, fmt, ap);
}

int
ksnprintf(char *buf, size_t cap, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, cap, fmt, ap);
	va_end(ap);
	return n;
}

static void
console_write(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			serial_putc('\r');
		serial_putc(*s);
	}
}

void
kprintf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	uint64_t f;

	va_start(ap, fmt);
	kvsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	/* Whole lines stay whole even if an interrupt handler prints. */
	f = irq_save();
	console_write(buf);
	irq_restore(f);
}

void
panic(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	irq_disable();
	va_start(ap, fmt);
	kvsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write("\npanic: ");
	console_write(buf);
	console_write("\n");
	qemu_exit(0x7f);
}

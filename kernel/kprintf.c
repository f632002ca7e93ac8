/*
 * Formatted output: a small printf for the serial console.  Supports
 * %d %i %u %x %X %p %s %c %% with the l/ll/z length modifiers, a field
 * width, a string precision (%.4s) and the '0', '-' and '#' flags.
 */
#include "io.h"
#include "kernel.h"

struct outbuf {
	char	*buf;
	size_t	 cap;
	size_t	 len;
};

static void
put(struct outbuf *o, char c)
{
	if (o->len + 1 < o->cap)
		o->buf[o->len] = c;
	o->len++;
}

static void
put_num(struct outbuf *o, uint64_t v, int base, int neg, int width, int zero,
    int left, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, len;

	do {
		tmp[n++] = digits[v % (uint64_t)base];
		v /= (uint64_t)base;
	} while (v != 0);
	len = n + (neg ? 1 : 0);
	if (neg && zero)
		put(o, '-');
	if (!left)
		for (; width > len; width--)
			put(o, zero ? '0' : ' ');
	if (neg && !zero)
		put(o, '-');
	while (n > 0)
		put(o, tmp[--n]);
	if (left)
		for (; width > len; width--)
			put(o, ' ');
}

int
kvsnprintf(char *buf, size_t cap, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, cap, 0 };
	const char *s;
	int width, zero, left, lng, prec, alt;
	uint64_t u;
	int64_t d;

	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt++;
		zero = left = alt = 0;
		width = 0;
		lng = 0;
		for (;; fmt++) {
			if (*fmt == '0')
				zero = 1;
			else if (*fmt == '-')
				left = 1;
			else if (*fmt == '#')
				alt = 1;
			else
				break;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + (*fmt++ - '0');
		prec = -1;
		if (*fmt == '.') {
			prec = 0;
			for (fmt++; *fmt >= '0' && *fmt <= '9'; fmt++)
				prec = prec * 10 + (*fmt - '0');
		}
		while (*fmt == 'l' || *fmt == 'z') {
			lng++;
			fmt++;
		}
		switch (*fmt) {
		case 'd':
		case 'i':
			d = lng ? va_arg(ap, int64_t) : va_arg(ap, int);
			put_num(&o, d < 0 ? (uint64_t)-d : (uint64_t)d, 10,
			    d < 0, width, zero, left, 0);
			break;
		case 'u':
			u = lng ? va_arg(ap, uint64_t) : va_arg(ap, unsigned int);
			put_num(&o, u, 10, 0, width, zero, left, 0);
			break;
		case 'x':
		case 'X':
			u = lng ? va_arg(ap, uint64_t) : va_arg(ap, unsigned int);
			if (alt) {
				put(&o, '0');
				put(&o, 'x');
				width -= 2;
			}
			put_num(&o, u, 16, 0, width, zero, left, *fmt == 'X');
			break;
		case 'p':
			put(&o, '0');
			put(&o, 'x');
			put_num(&o, (uint64_t)va_arg(ap, void *), 16, 0, 16, 1,
			    0, 0);
			break;
		case 's':
			s = va_arg(ap, const char *);
			if (s == NULL)
				s = "(null)";
			for (d = 0; s[d] != '\0' && (prec < 0 || d < prec); d++)
				;
			width -= (int)d;
			if (!left)
				for (; width > 0; width--)
					put(&o, ' ');
			while (d-- > 0)
				put(&o, *s++);
			for (; width > 0; width--)
				put(&o, ' ');
			break;
		case 'c':
			put(&o, (char)va_arg(ap, int));
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--;
			break;
		default:
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
	}
	if (cap > 0)
		buf[o.len < cap ? o.len : cap - 1] = '\0';
	return (int)o.len;
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

/*
 * A small freestanding formatter for log lines and error messages.
 * Supports %s %c %d %i %u %x %X %p %% with the l/ll/z length modifiers,
 * a field width, a string precision (%.4s) and the 0, - and # flags.
 * Always NUL-terminates; returns the length the full output would have
 * had.  The MetalOS kernel formats its console output with it too.
 */
#ifndef GPU_FMT_H
#define GPU_FMT_H

#include <stdarg.h>
#include <stddef.h>

int	gpu_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int	gpu_snprintf(char *buf, size_t size, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

#endif

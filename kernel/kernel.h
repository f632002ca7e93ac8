/*
 * Shared kernel functions, grouped by the file that defines them; it doubles
 * as a map of the kernel.
 */
#ifndef KERNEL_KERNEL_H
#define KERNEL_KERNEL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define KERNEL_VBASE	0xffffffff80000000UL
#define PAGE_SIZE	4096UL
#define ALIGN_UP(x, a)	(((x) + ((a) - 1)) & ~((uint64_t)(a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((uint64_t)(a) - 1))
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Error codes returned (negated) by fallible kernel calls. */
#define KERR_NOMEM	12
#define KERR_INVAL	22
#define KERR_NODEV	19
#define KERR_TIMEDOUT	110
#define KERR_NOTSUP	95
#define KERR_BUSY	16
#define KERR_IO		5

/* lib.c */
void	*memset(void *, int, size_t);
void	*memcpy(void *, const void *, size_t);
void	*memmove(void *, const void *, size_t);
int	 memcmp(const void *, const void *, size_t);
size_t	 strlen(const char *);
int	 strcmp(const char *, const char *);
int	 strncmp(const char *, const char *, size_t);

/* serial.c */
void	 serial_init(void);
void	 serial_putc(char);
int	 serial_getc_timeout(uint64_t ms);

/* kprintf.c */
int	 kvsnprintf(char *, size_t, const char *, va_list);
int	 ksnprintf(char *, size_t, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	 kprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 panic(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));

/* debugexit.c */
void	 qemu_exit(uint32_t code) __attribute__((noreturn));

/* fwcfg.c */
int	 fwcfg_read_file(const char *name, void *buf, uint32_t len);

/* multiboot.c */
void	 mb2_parse(uint32_t magic, uint64_t info);
const void *mb2_rsdp(int *is_v2);
const char *mb2_cmdline(void);
const char *mb2_loader(void);
int	 mb2_module(const char *name, uint64_t *pa, uint64_t *size);
int	 mb2_module_count(void);
void	 mb2_module_range(int i, uint64_t *start, uint64_t *end);

/* pmm.c */
void	 pmm_init(void);
uint64_t pmm_alloc_pages(uint64_t n, uint64_t below);
uint64_t pmm_alloc_aligned(uint64_t n, uint64_t align, uint64_t below);
void	 pmm_free_pages(uint64_t pa, uint64_t n);
uint64_t pmm_free_count(void);
uint64_t pmm_total_count(void);
uint64_t pmm_max_addr(void);

/* kmalloc.c */
void	*kzalloc(size_t);
void	 kfree(void *);

/* time.c */
void	 time_init(void);
uint64_t time_ns(void);
void	 delay_us(uint64_t);
uint64_t tsc_khz(void);

/* shell.c */
void	 shell_run(void) __attribute__((noreturn));

/* main.c */
int	 kernel_test_mode(void);

#endif

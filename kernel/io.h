/*
 * The one accessor pair for hardware: port I/O and MMIO.  Every register
 * access in the kernel goes through these, so barriers and tracing have a
 * single place to live.  MMIO pointers must come from vmm_map_mmio(), which
 * maps them uncached, so the compiler barrier is the only fence needed on x86
 * (Intel SDM Vol. 3A section 13.3: UC accesses are strongly ordered).
 */
#ifndef KERNEL_IO_H
#define KERNEL_IO_H

#include <stdint.h>

static inline void
outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void
outw(uint16_t port, uint16_t v)
{
	__asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void
outl(uint16_t port, uint32_t v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t
inb(uint16_t port)
{
	uint8_t v;

	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint16_t
inw(uint16_t port)
{
	uint16_t v;

	__asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint32_t
inl(uint16_t port)
{
	uint32_t v;

	__asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint8_t
mmio_read8(volatile void *base, uint64_t off)
{
	return *(volatile uint8_t *)((volatile uint8_t *)base + off);
}

static inline uint16_t
mmio_read16(volatile void *base, uint64_t off)
{
	return *(volatile uint16_t *)((volatile uint8_t *)base + off);
}

static inline uint32_t
mmio_read32(volatile void *base, uint64_t off)
{
	return *(volatile uint32_t *)((volatile uint8_t *)base + off);
}

static inline uint64_t
mmio_read64(volatile void *base, uint64_t off)
{
	return *(volatile uint64_t *)((volatile uint8_t *)base + off);
}

static inline void
mmio_write8(volatile void *base, uint64_t off, uint8_t v)
{
	*(volatile uint8_t *)((volatile uint8_t *)base + off) = v;
}

static inline void
mmio_write16(volatile void *base, uint64_t off, uint16_t v)
{
	*(volatile uint16_t *)((volatile uint8_t *)base + off) = v;
}

static inline void
mmio_write32(volatile void *base, uint64_t off, uint32_t v)
{
	*(volatile uint32_t *)((volatile uint8_t *)base + off) = v;
}

static inline void
mmio_write64(volatile void *base, uint64_t off, uint64_t v)
{
	*(volatile uint64_t *)((volatile uint8_t *)base + off) = v;
}

static inline uint64_t
rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void
wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)v),
	    "d"((uint32_t)(v >> 32)));
}

static inline void
cpuid(uint32_t leaf, uint32_t sub, uint32_t r[4])
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
	    : "a"(leaf), "c"(sub));
}

static inline uint64_t
rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static inline void
barrier(void)
{
	__asm__ volatile("" : : : "memory");
}

static inline void
cpu_relax(void)
{
	__asm__ volatile("pause" : : : "memory");
}

static inline void
irq_enable(void)
{
	__asm__ volatile("sti" : : : "memory");
}

static inline void
irq_disable(void)
{
	__asm__ volatile("cli" : : : "memory");
}

/* Returns the previous RFLAGS so irq_restore() can put IF back. */
static inline uint64_t
irq_save(void)
{
	uint64_t f;

	__asm__ volatile("pushfq; popq %0; cli" : "=r"(f) : : "memory");
	return f;
}

static inline void
irq_restore(uint64_t f)
{
	if (f & (1 << 9))
		irq_enable();
}

#endif

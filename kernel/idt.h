/*
 * Interrupt descriptor table, exception reporting and the vector
 * allocator used by MSI/MSI-X and the IOAPIC.
 */
#ifndef KERNEL_IDT_H
#define KERNEL_IDT_H

#include <stdint.h>

struct trapframe {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;	/* pushed by the CPU */
};

typedef void irq_handler_fn(void *arg, int vector);

#define VEC_FIRST_DYNAMIC	0x30	/* below: exceptions and fixed uses */
#define VEC_LAPIC_TIMER		0x20
#define VEC_SPURIOUS		0xff

void	 idt_init(void);
int	 vector_alloc(irq_handler_fn *, void *arg);
void	 vector_free(int vector);
void	 vector_set(int vector, irq_handler_fn *, void *arg);
uint64_t vector_count(int vector);
uint64_t probe_read64(uint64_t addr, int *faulted);
uint64_t trap_last_cr2(void);

#endif

/*
 * Interrupt descriptor table and trap dispatch.  Gate format: Intel SDM
 * Vol. 3A section 6.14.1 (64-bit IDT gate descriptors, figure 6-8).
 * Exceptions say what faulted and where, then stop the machine; device
 * vectors go to handlers registered with vector_alloc().
 */
#include "idt.h"
#include "io.h"
#include "kernel.h"
#include "lapic.h"
#include "x86reg.h"

#define GATE_INTERRUPT	0x8e	/* present, DPL 0, 64-bit interrupt gate */
#define KERNEL_CS	0x08	/* boot.S GDT */
#define NEXCEPTIONS	32

struct idt_gate {
	uint16_t off_lo;
	uint16_t sel;
	uint8_t	 ist;
	uint8_t	 type;
	uint16_t off_mid;
	uint32_t off_hi;
	uint32_t zero;
} __attribute__((packed));

struct idt_ptr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

extern const uint64_t isr_stubs[256];
extern char probe_read64_insn[], probe_read64_fixup[];

static struct idt_gate idt[256] __attribute__((aligned(16)));
static irq_handler_fn *handlers[256];
static void *handler_args[256];
static uint64_t counts[256];
static uint64_t last_cr2;

/* Names from SDM Vol. 3A table 6-1. */
static const char *const exc_names[NEXCEPTIONS] = {
	"#DE divide error", "#DB debug", "NMI", "#BP breakpoint",
	"#OF overflow", "#BR bound range", "#UD invalid opcode",
	"#NM device not available", "#DF double fault",
	"coprocessor segment overrun", "#TS invalid TSS",
	"#NP segment not present", "#SS stack fault",
	"#GP general protection", "#PF page fault", "reserved 15",
	"#MF x87 error", "#AC alignment check", "#MC machine check",
	"#XM SIMD exception", "#VE virtualization exception",
	"#CP control protection", "reserved 22", "reserved 23",
	"reserved 24", "reserved 25", "reserved 26", "reserved 27",
	"#HV hypervisor injection", "#VC VMM communication",
	"#SX security exception", "reserved 31",
};

static uint64_t
read_cr2(void)
{
	uint64_t v;

	__asm__ volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

void
idt_init(void)
{
	struct idt_ptr p;
	uint64_t a;
	int i;

	for (i = 0; i < 256; i++) {
		a = isr_stubs[i];
		idt[i].off_lo = (uint16_t)a;
		idt[i].sel = KERNEL_CS;
		idt[i].ist = 0;
		idt[i].type = GATE_INTERRUPT;
		idt[i].off_mid = (uint16_t)(a >> 16);
		idt[i].off_hi = (uint32_t)(a >> 32);
		idt[i].zero = 0;
	}
	p.limit = sizeof(idt) - 1;
	p.base = (uint64_t)idt;
	__asm__ volatile("lidt %0" : : "m"(p));
}

static void
report_exception(struct trapframe *tf)
{
	uint64_t cr2;

	kprintf("\nFATAL: CPU exception %lu (%s) at rip=%#lx cs=%#lx "
	    "rflags=%#lx rsp=%#lx error=%#lx\n", tf->vector,
	    exc_names[tf->vector], tf->rip, tf->cs, tf->rflags, tf->rsp,
	    tf->error);
	if (tf->vector == 14) {
		cr2 = read_cr2();
		kprintf("  page fault: %s %s of address %#lx (%s%s)\n",
		    tf->error & PF_I ? "instruction fetch" :
		    tf->error & PF_W ? "write" : "read",
		    tf->error & PF_U ? "by user" : "by kernel", cr2,
		    tf->error & PF_P ? "protection violation" :
		    "page not present",
		    tf->error & PF_RSVD ? ", reserved bit set" : "");
	}
	kprintf("  rax=%#lx rbx=%#lx rcx=%#lx rdx=%#lx\n"
	    "  rsi=%#lx rdi=%#lx rbp=%#lx\n", tf->rax, tf->rbx, tf->rcx,
	    tf->rdx, tf->rsi, tf->rdi, tf->rbp);
	panic("unhandled CPU exception %lu", tf->vector);
}

void trap_dispatch(struct trapframe *);

void
trap_dispatch(struct trapframe *tf)
{
	int v = (int)tf->vector;

	counts[v]++;
	if (v == 14 && tf->rip == (uint64_t)probe_read64_insn) {
		last_cr2 = read_cr2();
		kprintf("trap: page fault reading %#lx (page not present), "
		    "probe recovered\n", last_cr2);
		tf->rip = (uint64_t)probe_read64_fixup;
		return;
	}
	if (v == 3) {
		/* int3 is a trap: rip is already past it, so just resume. */
		kprintf("trap: #BP breakpoint at rip=%#lx\n", tf->rip - 1);
		return;
	}
	if (v < NEXCEPTIONS)
		report_exception(tf);
	if (v == VEC_SPURIOUS)
		return;		/* SDM 11.9: no EOI for the spurious vector */
	if (handlers[v] != NULL)
		handlers[v](handler_args[v], v);
	else
		kprintf("trap: interrupt on vector %d with no handler\n", v);
	lapic_eoi();
}

void
vector_set(int v, irq_handler_fn *fn, void *arg)
{
	handler_args[v] = arg;
	handlers[v] = fn;
}

/* Returns a free vector bound to fn, or -KERR_BUSY when none is left. */
int
vector_alloc(irq_handler_fn *fn, void *arg)
{
	uint64_t f = irq_save();
	int v;

	for (v = VEC_FIRST_DYNAMIC; v < VEC_SPURIOUS; v++) {
		if (handlers[v] == NULL) {
			vector_set(v, fn, arg);
			irq_restore(f);
			return v;
		}
	}
	irq_restore(f);
	return -KERR_BUSY;
}

void
vector_free(int v)
{
	handlers[v] = NULL;
	handler_args[v] = NULL;
}

uint64_t
vector_count(int v)
{
	return counts[v];
}

uint64_t
trap_last_cr2(void)
{
	return last_cr2;
}

/* Tests of the core: page allocator, page attributes, traps, timers. */
#include "acpi.h"
#include "idt.h"
#include "io.h"
#include "ktest/ktest.h"
#include "lapic.h"
#include "pcreg.h"
#include "vmm.h"
#include "x86reg.h"

/* Contiguous allocation below a limit, and freeing, keep the counts. */
int
t_pmm_alloc(void)
{
	uint64_t before = pmm_free_count(), a, b;

	a = pmm_alloc_pages(3, 16ULL << 20);
	KT_CHECK(a != 0, "no 3 pages below 16 MiB");
	KT_CHECK(a + 3 * PAGE_SIZE <= (16ULL << 20), "run at %#lx above limit", a);
	KT_CHECK(*(volatile uint64_t *)(a + PAGE_SIZE) == 0, "not zeroed");
	b = pmm_alloc_pages(1, 0);
	KT_CHECK(b != 0 && (b + PAGE_SIZE <= a || b >= a + 3 * PAGE_SIZE),
	    "second allocation %#lx overlaps %#lx", b, a);
	KT_CHECK(pmm_free_count() == before - 4, "free count %lu, want %lu",
	    pmm_free_count(), before - 4);
	pmm_free_pages(a, 3);
	pmm_free_pages(b, 1);
	KT_CHECK(pmm_free_count() == before, "free count not restored");
	return KT_PASS;
}

/* The PAT holds our layout and mappings carry the cache type asked for. */
int
t_vmm_pat(void)
{
	uint64_t pat = rdmsr(MSR_PAT), pte, pa;
	int level;

	KT_CHECK((pat & 0xff) == PAT_WB && (pat >> 8 & 0xff) == PAT_WC &&
	    (pat >> 24 & 0xff) == PAT_UC, "IA32_PAT = %#lx", pat);
	KT_CHECK(vmm_query(acpi_info()->lapic_address, &pte, &level) == 0,
	    "LAPIC not mapped");
	KT_CHECK(vmm_pte_cache(pte) == VMM_UC, "LAPIC mapped %s",
	    vmm_cache_name(vmm_pte_cache(pte)));
	pa = pmm_alloc_pages(1, 0);
	KT_CHECK(pa != 0, "no page");
	vmm_map(pa, PAGE_SIZE, VMM_WC);
	KT_CHECK(vmm_query(pa, &pte, &level) == 0 && level == 0 &&
	    vmm_pte_cache(pte) == VMM_WC, "WC page: level %d pte %#lx", level,
	    pte);
	*(volatile uint64_t *)pa = 0x1234;
	KT_CHECK(*(volatile uint64_t *)pa == 0x1234, "WC page readback");
	vmm_map(pa, PAGE_SIZE, VMM_WB);
	KT_CHECK(vmm_query(pa, &pte, &level) == 0 &&
	    vmm_pte_cache(pte) == VMM_WB, "page back to WB: pte %#lx", pte);
	pmm_free_pages(pa, 1);
	return KT_PASS;
}

/* int3 reaches the IDT and execution resumes after it. */
int
t_idt_breakpoint(void)
{
	uint64_t n = vector_count(3);

	__asm__ volatile("int3");
	KT_CHECK(vector_count(3) == n + 1, "#BP count %lu, want %lu",
	    vector_count(3), n + 1);
	return KT_PASS;
}

/* A read of an unmapped address raises #PF with CR2 = that address. */
int
t_idt_pagefault(void)
{
	uint64_t addr = 0x00007ff000001000ULL, n = vector_count(14);
	int faulted;

	probe_read64(addr, &faulted);
	KT_CHECK(faulted, "no fault reading %#lx", addr);
	KT_CHECK(trap_last_cr2() == addr, "CR2 %#lx", trap_last_cr2());
	KT_CHECK(vector_count(14) == n + 1, "#PF count");
	/* And a mapped address does not fault. */
	probe_read64((uint64_t)&n, &faulted);
	KT_CHECK(!faulted, "mapped stack address faulted");
	return KT_PASS;
}

/*
 * Waits until *counter has grown by n, for at most timeout_ms; returns the
 * nanoseconds it took, or 0 on timeout.
 */
static uint64_t
time_for(volatile uint64_t *counter, uint64_t n, uint64_t timeout_ms)
{
	uint64_t c0 = *counter, start = time_ns(), now;

	do {
		__asm__ volatile("hlt");
		now = time_ns();
		if (*counter - c0 >= n)
			return now - start;
	} while (now - start < timeout_ms * 1000000ULL);
	return 0;
}

/*
 * The periodic LAPIC timer interrupts, and not faster than programmed.
 * How much slower cannot be judged under TCG on a busy host: while the
 * virtual CPU is descheduled, ticks coalesce.  Hence a generous deadline.
 */
#define TIMER_TICKS	10

int
t_lapic_timer(void)
{
	uint64_t ns, min_ns;

	ns = time_for(lapic_timer_ticks_ptr(), TIMER_TICKS, 5000);
	KT_CHECK(ns != 0, "fewer than %d timer interrupts in 5 s", TIMER_TICKS);
	min_ns = TIMER_TICKS * 1000000000ULL / lapic_timer_hz() / 2;
	KT_CHECK(ns >= min_ns, "%d ticks in %lu us: faster than %u Hz",
	    TIMER_TICKS, ns / 1000, lapic_timer_hz());
	kprintf("ktest:   %d ticks in %lu ms at %u Hz\n", TIMER_TICKS,
	    ns / 1000000, lapic_timer_hz());
	return KT_PASS;
}

static volatile uint64_t pit_irqs;

static void
pit_irq(void *arg, int vector)
{
	(void)arg;
	(void)vector;
	pit_irqs++;
}

/* PIT channel 0 reaches us through the IOAPIC (ISA IRQ 0 -> its GSI). */
#define PIT_TEST_HZ	1000
#define PIT_TEST_IRQS	50

int
t_ioapic_pit(void)
{
	uint32_t div = PIT_HZ / PIT_TEST_HZ;
	uint64_t ns;
	int v, gsi;

	v = vector_alloc(pit_irq, NULL);
	KT_CHECK(v >= 0, "no vector");
	outb(PIT_CMD, PIT_CMD_CH0_MODE2_LOHI);
	outb(PIT_CH0, (uint8_t)div);
	outb(PIT_CH0, (uint8_t)(div >> 8));
	pit_irqs = 0;
	gsi = ioapic_route_isa(PIT_ISA_IRQ, v);
	KT_CHECK(gsi >= 0, "IRQ 0 has no IOAPIC pin");
	ns = time_for(&pit_irqs, PIT_TEST_IRQS, 5000);
	ioapic_mask_isa(PIT_ISA_IRQ);
	vector_free(v);
	KT_CHECK(ns != 0, "%lu of %d PIT interrupts in 5 s via GSI %d",
	    pit_irqs, PIT_TEST_IRQS, gsi);
	/* Faster than twice the programmed rate means a wrong route/count. */
	KT_CHECK(ns >= PIT_TEST_IRQS * 1000000000ULL / PIT_TEST_HZ / 2,
	    "%d PIT interrupts in %lu us at %d Hz", PIT_TEST_IRQS, ns / 1000,
	    PIT_TEST_HZ);
	kprintf("ktest:   %d PIT interrupts in %lu ms via GSI %d\n",
	    PIT_TEST_IRQS, ns / 1000000, gsi);
	return KT_PASS;
}

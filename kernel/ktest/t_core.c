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

/* The periodic LAPIC timer interrupts at about the programmed rate. */
int
t_lapic_timer(void)
{
	uint64_t t0 = lapic_timer_ticks(), start = time_ns(), n, want;

	while (time_ns() - start < 200000000ULL)
		__asm__ volatile("hlt");
	n = lapic_timer_ticks() - t0;
	want = lapic_timer_hz() / 5;
	/*
	 * TCG timing wobbles and a busy host can coalesce ticks: accept a
	 * quarter to twice the rate; zero or a runaway count still fails.
	 */
	KT_CHECK(n >= want / 4 && n <= want * 2, "%lu ticks in 200 ms, "
	    "want about %lu", n, want);
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
int
t_ioapic_pit(void)
{
	uint32_t div = PIT_HZ / 1000;
	uint64_t start, n;
	int v, gsi;

	v = vector_alloc(pit_irq, NULL);
	KT_CHECK(v >= 0, "no vector");
	outb(PIT_CMD, PIT_CMD_CH0_MODE2_LOHI);
	outb(PIT_CH0, (uint8_t)div);
	outb(PIT_CH0, (uint8_t)(div >> 8));
	pit_irqs = 0;
	gsi = ioapic_route_isa(PIT_ISA_IRQ, v);
	KT_CHECK(gsi >= 0, "IRQ 0 has no IOAPIC pin");
	start = time_ns();
	while (time_ns() - start < 100000000ULL)
		__asm__ volatile("hlt");
	ioapic_mask_isa(PIT_ISA_IRQ);
	n = pit_irqs;
	vector_free(v);
	kprintf("ktest:   PIT: %lu interrupts in 100 ms via GSI %d\n", n, gsi);
	KT_CHECK(n >= 20 && n <= 300, "%lu PIT interrupts in 100 ms at 1 kHz",
	    n);
	return KT_PASS;
}

/*
 * Local APIC of the boot CPU and its timer (register set in apicreg.h).
 * The timer is calibrated against the TSC, itself calibrated against the
 * PIT in time.c.
 */
#include "acpi.h"
#include "apicreg.h"
#include "idt.h"
#include "io.h"
#include "kernel.h"
#include "lapic.h"
#include "vmm.h"
#include "x86reg.h"

#define CALIBRATE_MS	10

static volatile void *lapic;
static volatile uint64_t ticks;
static uint32_t timer_hz;

void
lapic_eoi(void)
{
	if (lapic != NULL)
		mmio_write32(lapic, LAPIC_EOI, 0);
}

uint32_t
lapic_id(void)
{
	return mmio_read32(lapic, LAPIC_ID) >> 24;
}

void
lapic_init(void)
{
	uint64_t base = acpi_info()->lapic_address;

	/* Mask the 8259s: from here on only the APICs deliver interrupts. */
	outb(PIC1_DATA, 0xff);
	outb(PIC2_DATA, 0xff);
	wrmsr(MSR_APIC_BASE, (base & APIC_BASE_ADDR) | APIC_BASE_EN |
	    (rdmsr(MSR_APIC_BASE) & ~(APIC_BASE_ADDR | APIC_BASE_EN)));
	lapic = vmm_map_mmio(base, LAPIC_MMIO_SIZE);
	mmio_write32(lapic, LAPIC_TPR, 0);
	mmio_write32(lapic, LAPIC_LVT_TIMER, LAPIC_LVT_MASKED);
	mmio_write32(lapic, LAPIC_LVT_LINT0, LAPIC_LVT_MASKED);
	mmio_write32(lapic, LAPIC_LVT_LINT1, LAPIC_LVT_MASKED);
	mmio_write32(lapic, LAPIC_LVT_ERROR, LAPIC_LVT_MASKED);
	mmio_write32(lapic, LAPIC_SVR, LAPIC_SVR_ENABLE | VEC_SPURIOUS);
	kprintf("lapic: id %u, version %#x, at %#lx\n", lapic_id(),
	    mmio_read32(lapic, LAPIC_VERSION) & 0xff, base);
}

static void
timer_tick(void *arg, int vector)
{
	(void)arg;
	(void)vector;
	ticks++;
}

/* Starts the periodic timer at hz interrupts per second. */
void
lapic_timer_start(uint32_t hz)
{
	uint64_t t0;
	uint32_t elapsed, per_tick;

	mmio_write32(lapic, LAPIC_TIMER_DIV, LAPIC_TIMER_DIV16);
	mmio_write32(lapic, LAPIC_LVT_TIMER, LAPIC_LVT_MASKED);
	mmio_write32(lapic, LAPIC_TIMER_INIT, 0xffffffff);
	t0 = time_ns();
	while (time_ns() - t0 < CALIBRATE_MS * 1000000ULL)
		cpu_relax();
	elapsed = 0xffffffff - mmio_read32(lapic, LAPIC_TIMER_CUR);
	mmio_write32(lapic, LAPIC_TIMER_INIT, 0);
	per_tick = (uint32_t)((uint64_t)elapsed * 1000 / CALIBRATE_MS / hz);
	if (per_tick == 0)
		panic("lapic_timer_start: timer did not count during "
		    "calibration");
	vector_set(VEC_LAPIC_TIMER, timer_tick, NULL);
	mmio_write32(lapic, LAPIC_LVT_TIMER, LAPIC_TIMER_PERIODIC |
	    VEC_LAPIC_TIMER);
	mmio_write32(lapic, LAPIC_TIMER_INIT, per_tick);
	timer_hz = hz;
	kprintf("lapic: timer %lu kHz (after /16), %u Hz periodic on vector "
	    "%#x\n", (uint64_t)elapsed / CALIBRATE_MS, hz, VEC_LAPIC_TIMER);
}

uint64_t
lapic_timer_ticks(void)
{
	return ticks;
}

uint32_t
lapic_timer_hz(void)
{
	return timer_hz;
}

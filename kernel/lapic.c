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

#define CALIBRATE_MS	20
#define SAMPLE_TRIES	8

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

/*
 * One (time, timer count) pair, the tightest of several: see sample() in
 * time.c for why a busy host makes single reads unreliable.
 */
static void
sample(uint64_t *ns, uint32_t *count)
{
	uint64_t a, b, best = ~0ULL;
	uint32_t c;
	int i;

	for (i = 0; i < SAMPLE_TRIES; i++) {
		a = time_ns();
		c = mmio_read32(lapic, LAPIC_TIMER_CUR);
		b = time_ns();
		if (b - a < best) {
			best = b - a;
			*ns = a + (b - a) / 2;
			*count = c;
		}
	}
}

/* Starts the periodic timer at hz interrupts per second. */
void
lapic_timer_start(uint32_t hz)
{
	uint64_t t0 = 0, t1 = 0;
	uint32_t c0 = 0, c1 = 0, elapsed, per_tick;

	mmio_write32(lapic, LAPIC_TIMER_DIV, LAPIC_TIMER_DIV16);
	mmio_write32(lapic, LAPIC_LVT_TIMER, LAPIC_LVT_MASKED);
	mmio_write32(lapic, LAPIC_TIMER_INIT, 0xffffffff);
	sample(&t0, &c0);
	do {
		sample(&t1, &c1);
	} while (t1 - t0 < CALIBRATE_MS * 1000000ULL);
	mmio_write32(lapic, LAPIC_TIMER_INIT, 0);
	elapsed = c0 - c1;
	per_tick = (uint32_t)((uint64_t)elapsed * 1000000000ULL / (t1 - t0) /
	    hz);
	if (per_tick == 0)
		panic("lapic_timer_start: timer did not count during "
		    "calibration");
	vector_set(VEC_LAPIC_TIMER, timer_tick, NULL);
	mmio_write32(lapic, LAPIC_LVT_TIMER, LAPIC_TIMER_PERIODIC |
	    VEC_LAPIC_TIMER);
	mmio_write32(lapic, LAPIC_TIMER_INIT, per_tick);
	timer_hz = hz;
	kprintf("lapic: timer %lu kHz (after /16), %u Hz periodic on vector "
	    "%#x\n", (uint64_t)per_tick * hz / 1000, hz, VEC_LAPIC_TIMER);
}

uint64_t
lapic_timer_ticks(void)
{
	return ticks;
}

volatile uint64_t *
lapic_timer_ticks_ptr(void)
{
	return &ticks;
}

uint32_t
lapic_timer_hz(void)
{
	return timer_hz;
}

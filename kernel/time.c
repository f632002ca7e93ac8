/*
 * Monotonic time from the TSC, calibrated once against PIT counter 2
 * (registers in pcreg.h), which a PC gates through port 0x61.
 */
#include "io.h"
#include "kernel.h"
#include "pcreg.h"

#define CALIBRATE_MS	20
#define PIT_SPIN_LIMIT	100000000ULL

static uint64_t khz;
static uint64_t tsc0;

void
time_init(void)
{
	uint64_t count = (uint64_t)PIT_HZ * CALIBRATE_MS / 1000, t0, t1, spins = 0;
	uint8_t p;

	p = inb(PORT_61);
	outb(PORT_61, (uint8_t)((p & ~PORT_61_SPKR) | PORT_61_GATE2));
	outb(PIT_CMD, PIT_CMD_CH2_MODE0_LOHI);
	outb(PIT_CH2, (uint8_t)count);
	outb(PIT_CH2, (uint8_t)(count >> 8));
	/* Re-trigger: mode 0 starts counting on the gate's rising edge. */
	p = inb(PORT_61);
	outb(PORT_61, (uint8_t)(p & ~PORT_61_GATE2));
	outb(PORT_61, (uint8_t)(p | PORT_61_GATE2));
	t0 = rdtsc();
	while (!(inb(PORT_61) & PORT_61_OUT2))
		if (++spins == PIT_SPIN_LIMIT)
			panic("time_init: PIT channel 2 never reached terminal "
			    "count (waited for port 0x61 bit 5)");
	t1 = rdtsc();
	khz = (t1 - t0) / CALIBRATE_MS;
	if (khz == 0)
		panic("time_init: TSC does not advance");
	tsc0 = t1;
	kprintf("time: TSC %lu kHz\n", khz);
}

uint64_t
time_ns(void)
{
	uint64_t d;

	if (khz == 0)
		return 0;
	d = rdtsc() - tsc0;
	/* Split to avoid overflowing d * 1000000 after a few hours. */
	return d / khz * 1000000ULL + d % khz * 1000000ULL / khz;
}

void
delay_us(uint64_t us)
{
	uint64_t end = time_ns() + us * 1000;

	while (time_ns() < end)
		cpu_relax();
}

uint64_t
tsc_khz(void)
{
	return khz;
}

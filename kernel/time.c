/*
 * Monotonic time from the TSC, calibrated once against PIT counter 2
 * (registers in pcreg.h), which a PC gates through port 0x61.
 */
#include "io.h"
#include "kernel.h"
#include "pcreg.h"

#define CALIBRATE_MS	40	/* PIT time; a 16-bit count lasts 54.9 ms */
#define PIT_SPIN_LIMIT	1000000ULL
#define SAMPLE_TRIES	8

static uint64_t khz;
static uint64_t tsc0;

static uint16_t
pit_ch2_count(void)
{
	uint8_t lo, hi;

	outb(PIT_CMD, PIT_CMD_CH2_LATCH);
	lo = inb(PIT_CH2);
	hi = inb(PIT_CH2);
	return (uint16_t)(hi << 8 | lo);
}

/*
 * One (TSC, PIT count) pair.  Under a busy host (TCG, CI) the virtual CPU
 * can be descheduled between reading one and the other, which would skew
 * the calibration by a whole time slice; of several tries we keep the pair
 * whose TSC reads bracket the PIT read most tightly.
 */
static void
sample(uint64_t *tsc, uint16_t *count)
{
	uint64_t a, b, best = ~0ULL;
	uint16_t c;
	int i;

	for (i = 0; i < SAMPLE_TRIES; i++) {
		a = rdtsc();
		c = pit_ch2_count();
		b = rdtsc();
		if (b - a < best) {
			best = b - a;
			*tsc = a + (b - a) / 2;
			*count = c;
		}
	}
}

/*
 * Counts TSC ticks over CALIBRATE_MS of PIT time.  Returns 0 if counter 2
 * wrapped under us (we were descheduled past its 54.9 ms), so the caller
 * tries again.
 */
static uint64_t
calibrate_once(uint64_t *end_tsc)
{
	uint64_t t0 = 0, t1 = 0, spins = 0;
	uint16_t c0 = 0, c1 = 0, prev;
	uint8_t p;

	/* Counter 2 counts down once from 0xffff (mode 0) while gated. */
	p = inb(PORT_61) & ~PORT_61_SPKR;
	outb(PORT_61, (uint8_t)(p & ~PORT_61_GATE2));
	outb(PIT_CMD, PIT_CMD_CH2_MODE0_LOHI);
	outb(PIT_CH2, 0xff);
	outb(PIT_CH2, 0xff);
	outb(PORT_61, (uint8_t)(p | PORT_61_GATE2));
	sample(&t0, &c0);
	prev = c0;
	do {
		sample(&t1, &c1);
		if (c1 > prev)
			return 0;
		prev = c1;
		if (++spins == PIT_SPIN_LIMIT)
			panic("time_init: PIT counter 2 does not count down "
			    "(waited for %d ms of counts, read %#x then %#x)",
			    CALIBRATE_MS, c0, c1);
	} while ((uint64_t)(c0 - c1) < (uint64_t)PIT_HZ * CALIBRATE_MS / 1000);
	*end_tsc = t1;
	return (t1 - t0) * PIT_HZ / ((uint64_t)(c0 - c1) * 1000);
}

void
time_init(void)
{
	int i;

	for (i = 0; i < 5 && khz == 0; i++)
		khz = calibrate_once(&tsc0);
	if (khz == 0)
		panic("time_init: TSC calibration against the PIT failed 5 "
		    "times");
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

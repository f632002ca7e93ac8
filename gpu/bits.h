/* Bit arithmetic the driver uses in several places. */
#ifndef GPU_BITS_H
#define GPU_BITS_H

#include <stdint.h>

/* The smallest n with 2^n >= v: ring-size fields are log2 of a size. */
static inline unsigned
log2_ceil(uint64_t v)
{
	unsigned n = 0;

	while ((1ull << n) < v)
		n++;
	return n;
}

/* The largest n with 2^n <= v (v > 0). */
static inline unsigned
log2_floor(uint64_t v)
{
	unsigned n = 0;

	while (v >>= 1)
		n++;
	return n;
}

/* Trailing zero bits; 64 for 0. */
static inline unsigned
ctz64(uint64_t v)
{
	return v == 0 ? 64 : (unsigned)__builtin_ctzll(v);
}

static inline unsigned
popcount32(uint32_t v)
{
	return (unsigned)__builtin_popcount(v);
}

#endif

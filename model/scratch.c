/*
 * Scratch (private memory) at wave launch.
 *
 * How RADV and ACO use it on gfx10.3 (Mesa radv_device.c
 * radv_emit_compute_scratch, ACO p_init_scratch; seen in RADV_DEBUG=shaders
 * dumps of both 22.3.6 and 25.0.7):
 *   - RADV allocates one scratch ring per queue and puts its address in
 *     COMPUTE_USER_DATA_0/1 (word 1: BASE_ADDRESS_HI | SWIZZLE_ENABLE);
 *     COMPUTE_TMPRING_SIZE gives the ring's WAVES slots of WAVESIZE KiB
 *     (bytes per lane x wave size, rounded up);
 *   - the SPI gives each wave the byte offset of its slot in the ring, in
 *     the SGPR after the workgroup ids and TG_SIZE (RSRC2.SCRATCH_EN);
 *   - the shader adds the two into FLAT_SCRATCH with s_setreg (SCRATCH_*
 *     instructions), or builds a swizzled buffer descriptor from them
 *     (MUBUF with ADD_TID).
 * The SPI hands out a free slot per wave.  The model numbers slots by the
 * caller's `slot`, which must be unique among the waves alive at the same
 * time (a wave's index in its workgroup while workgroups run one at a
 * time); it wraps at WAVES, so more live waves than WAVES would share.
 */
#include "amd/gc_10_3_reg.h"
#include "scratch.h"

/* The byte offset of scratch slot `slot` in the ring COMPUTE_TMPRING_SIZE describes. */
uint32_t
scratch_wave_offset(uint32_t tmpring_size, unsigned slot)
{
	uint32_t waves = F_GET(tmpring_size, TMPRING_WAVES);
	uint32_t size = F_GET(tmpring_size, TMPRING_WAVESIZE) *
	    TMPRING_WAVESIZE_UNIT;

	if (waves == 0)
		return 0;
	return (slot % waves) * size;
}

/*
 * Scratch (private memory) at wave launch: the scratch wave offset the
 * SPI hands a compute wave with COMPUTE_PGM_RSRC2.SCRATCH_EN.
 */
#ifndef MODEL_SCRATCH_H
#define MODEL_SCRATCH_H

#include <stdint.h>

uint32_t	scratch_wave_offset(uint32_t tmpring_size, unsigned slot);

#endif

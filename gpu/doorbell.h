/*
 * Doorbell assignment on Navi 1x/2x, in 64-bit doorbell slots; the dword
 * index in BAR2 is the slot number times two.
 * Source: Linux amdgpu/amdgpu_doorbell.h (AMDGPU_NAVI10_DOORBELL_*),
 * nv.c nv_init_doorbell_index.
 */
#ifndef GPU_DOORBELL_H
#define GPU_DOORBELL_H

#define DB_KIQ			0x000
#define DB_MEC_RING0		0x003	/* MEC rings 0..7: 0x003..0x00a */
#define DB_GFX_RING0		0x08b
#define DB_SDMA_ENGINE0		0x100
#define DB_SDMA_ENGINE1		0x10a
#define DB_SDMA_RANGE		20	/* dwords per engine (sdma_doorbell_range) */
#define DB_IH			0x178

#define DB_DWORD(slot)		((slot) << 1)

#endif

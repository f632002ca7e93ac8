/*
 * The SMU mailbox, for the driver's own later users (clocks, power) and
 * for tests.  See gpu/smu_v11.c.
 */
#ifndef GPU_SMU_V11_H
#define GPU_SMU_V11_H

#include <stdint.h>

struct gpu_device;

/*
 * Send one PPSMC message (smu_v11_0_7_ppsmc.h) with its argument and wait
 * for the answer; *out (if not NULL) gets the result.  A response other
 * than OK is an error naming the message and the response.
 */
int	smu_v11_send_msg(struct gpu_device *, uint32_t msg, uint32_t param,
	    uint32_t *out);

#endif

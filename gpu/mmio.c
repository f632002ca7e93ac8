/*
 * The one register accessor pair, and the bounded waits built on it.
 * A register is AMDREG(ip, seg, offset); its place in BAR5 is the segment
 * base read from IP discovery plus the offset (Linux soc15_common.h
 * SOC15_REG_OFFSET).  Tracing every access is one switch here.
 */
#include "amd/nbio_2_3_reg.h"
#include "amdgpu.h"

uint32_t
reg_abs(struct gpu_device *dev, uint32_t reg)
{
	return dev->reg_base[AMDREG_IP(reg)][AMDREG_SEG(reg)] + AMDREG_OFF(reg);
}

static void
first_access(struct gpu_device *dev)
{
	if (dev->t_first_access == 0)
		dev->t_first_access = os_time_ns();
}

uint32_t
rreg_abs(struct gpu_device *dev, uint32_t dword)
{
	uint32_t v;

	first_access(dev);
	v = os_mmio_read32(dev->os, GPU_BAR_MMIO, (uint64_t)dword * 4);
	if (dev->trace_mmio)
		GPU_DBG(dev, "rreg 0x%05x -> 0x%08x", dword, v);
	return v;
}

void
wreg_abs(struct gpu_device *dev, uint32_t dword, uint32_t val)
{
	first_access(dev);
	if (dev->trace_mmio)
		GPU_DBG(dev, "wreg 0x%05x <- 0x%08x", dword, val);
	os_mmio_write32(dev->os, GPU_BAR_MMIO, (uint64_t)dword * 4, val);
}

uint32_t
rreg(struct gpu_device *dev, uint32_t reg)
{
	return rreg_abs(dev, reg_abs(dev, reg));
}

void
wreg(struct gpu_device *dev, uint32_t reg, uint32_t val)
{
	wreg_abs(dev, reg_abs(dev, reg), val);
}

void
wreg_field(struct gpu_device *dev, uint32_t reg, uint32_t field, uint32_t val)
{
	wreg(dev, reg, F_SET(rreg(dev, reg), field, val));
}

void
wdoorbell32(struct gpu_device *dev, uint32_t index, uint32_t val)
{
	if (dev->trace_mmio)
		GPU_DBG(dev, "doorbell 0x%x <- 0x%08x", index, val);
	os_mmio_write32(dev->os, GPU_BAR_DOORBELL, (uint64_t)index * 4, val);
}

void
wdoorbell64(struct gpu_device *dev, uint32_t index, uint64_t val)
{
	if (dev->trace_mmio)
		GPU_DBG(dev, "doorbell64 0x%x <- 0x%llx", index,
		    (unsigned long long)val);
	os_mmio_write64(dev->os, GPU_BAR_DOORBELL, (uint64_t)index * 4, val);
}

int
gpu_poll(uint32_t (*read)(void *), void *arg, uint32_t mask, uint32_t expect,
    uint32_t timeout_us, uint32_t *last)
{
	uint64_t deadline = os_time_ns() + (uint64_t)timeout_us * 1000;

	for (;;) {
		*last = read(arg);
		if ((*last & mask) == expect)
			return 0;
		if (os_time_ns() > deadline)
			return -GPU_ETIME;
		os_delay_us(1);
	}
}

struct reg_arg {
	struct gpu_device *dev;
	uint32_t reg;
};

static uint32_t
read_reg(void *arg)
{
	struct reg_arg *a = arg;

	return rreg(a->dev, a->reg);
}

static uint32_t
read_mem(void *arg)
{
	return *(volatile uint32_t *)arg;
}

int
wait_reg(struct gpu_device *dev, uint32_t reg, const char *name, uint32_t mask,
    uint32_t expect, uint32_t timeout_us)
{
	struct reg_arg a = { dev, reg };
	uint32_t v;

	if (gpu_poll(read_reg, &a, mask, expect, timeout_us, &v) == 0)
		return 0;
	return gpu_error(dev, -GPU_ETIME,
	    "timeout after %u us waiting for %s (0x%05x) & 0x%08x == 0x%08x, last 0x%08x",
	    timeout_us, name, reg_abs(dev, reg), mask, expect, v);
}

int
wait_mem(struct gpu_device *dev, volatile uint32_t *p, const char *what,
    uint32_t mask, uint32_t expect, uint32_t timeout_us)
{
	uint32_t v;

	if (gpu_poll(read_mem, (void *)p, mask, expect, timeout_us, &v) == 0)
		return 0;
	return gpu_error(dev, -GPU_ETIME,
	    "timeout after %u us waiting for %s & 0x%08x == 0x%08x, last 0x%08x",
	    timeout_us, what, mask, expect, v);
}

/*
 * Make CPU writes through the VRAM BAR visible to the GPU: a write to the
 * HDP memory-coherency flush register (hdp_v5_0.c flush_hdp, through the
 * NBIO remap of HDP_MEM_COHERENCY_FLUSH_CNTL).
 */
void
hdp_flush(struct gpu_device *dev)
{
	wreg(dev, BIF_BX_DEV0_EPF0_VF0_HDP_MEM_COHERENCY_FLUSH_CNTL, 0);
}

/*
 * What the GPU driver needs from an operating system, and nothing else.
 *
 * Two implementations exist: host/os_host.c (a Linux process playing the
 * kernel, in front of the navi23 model) and kernel/gpu_os.c (MetalOS on real
 * PCI hardware).  The driver never knows which one it runs on.
 *
 * Conventions: functions that can fail return 0 or a negative GPU_E* code
 * (include/metalgpu/errno.h).  Time is in nanoseconds of a monotonic clock.
 */
#ifndef GPU_OS_H
#define GPU_OS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct os_dev;		/* the OS's handle for one PCI function */
struct os_mutex;
struct os_event;

/* --- MMIO ----------------------------------------------------------------
 * 32-bit register access within a PCI BAR (BAR5 registers, BAR2 doorbells).
 * Every register access of the driver goes through gpu/mmio.c, which calls
 * these; nothing else does. */
uint32_t	os_mmio_read32(struct os_dev *, int bar, uint64_t offset);
void		os_mmio_write32(struct os_dev *, int bar, uint64_t offset, uint32_t val);
void		os_mmio_write64(struct os_dev *, int bar, uint64_t offset, uint64_t val);

/* CPU mapping of a memory BAR (BAR0, the VRAM aperture), write-combined. */
void		*os_bar_map(struct os_dev *, int bar, uint64_t *size);

/* --- PCI configuration ---------------------------------------------------- */
struct os_pci_id {
	uint16_t vendor, device;
	uint16_t subsystem_vendor, subsystem_device;
	uint8_t revision;
	uint8_t bus, dev, fn;
};
void		os_pci_id(struct os_dev *, struct os_pci_id *);

/* --- DMA memory -------------------------------------------------------------
 * Coherent (snooped) system memory the device can reach: a CPU pointer and
 * the bus address the device uses for it.  Zero-filled. */
struct os_dma {
	void *cpu;
	uint64_t bus;
	size_t size;
};
int		os_dma_alloc(struct os_dev *, size_t size, size_t align, struct os_dma *out);
void		os_dma_free(struct os_dev *, struct os_dma *);

/* --- Interrupts -------------------------------------------------------------
 * One MSI/MSI-X vector; the handler runs in the OS's interrupt context (a
 * thread on the host) and must not sleep. */
typedef void	os_irq_handler(void *arg);
int		os_irq_register(struct os_dev *, os_irq_handler *, void *arg);
void		os_irq_unregister(struct os_dev *);

/* --- Firmware ---------------------------------------------------------------
 * Linux request_firmware(): name is relative to the firmware root, e.g.
 * "amdgpu/dimgrey_cavefish_sos.bin".  GPU_ENOENT if there is no such file. */
int		os_firmware_get(struct os_dev *, const char *name, const void **data, size_t *size);
void		os_firmware_put(struct os_dev *, const void *data, size_t size);

/* --- Time -------------------------------------------------------------------- */
uint64_t	os_time_ns(void);
void		os_delay_us(uint32_t us);	/* may sleep */

/* --- Memory for driver bookkeeping ----------------------------------------------- */
void		*os_zalloc(size_t size);
void		os_free(void *);

/* --- Locks and events ---------------------------------------------------------
 * An event is a level-triggered wake-up: os_event_wait() returns as soon as
 * the event was signalled since the last wait, or after timeout_ns (false). */
struct os_mutex	*os_mutex_create(void);
void		os_mutex_destroy(struct os_mutex *);
void		os_mutex_lock(struct os_mutex *);
void		os_mutex_unlock(struct os_mutex *);
struct os_event	*os_event_create(void);
void		os_event_destroy(struct os_event *);
void		os_event_signal(struct os_event *);
bool		os_event_wait(struct os_event *, uint64_t timeout_ns);

/* --- Logging -------------------------------------------------------------------
 * One line per call, without the trailing newline, already formatted by the
 * driver (gpu/fmt.c), prefixed by the OS with the device name. */
enum os_log_level { OS_LOG_ERR, OS_LOG_WARN, OS_LOG_INFO, OS_LOG_DEBUG };
void		os_log(struct os_dev *, enum os_log_level, const char *line);

/* --- Freestanding C library ---------------------------------------------------
 * GCC requires these four from every freestanding environment; the driver
 * uses them and nothing else from a C library. */
void		*memcpy(void *, const void *, size_t);
void		*memmove(void *, const void *, size_t);
void		*memset(void *, int, size_t);
int		memcmp(const void *, const void *, size_t);

#endif

/*
 * gpu/os.h for MetalOS: what the GPU driver needs from an OS, on top of
 * the kernel's PCI, DMA, interrupt, time and heap services.
 *
 * The kernel runs one CPU and no threads, so the only concurrency is an
 * interrupt handler against the code it interrupted.  A mutex therefore
 * disables interrupts while held (the driver takes its IH lock inside its
 * interrupt handler too), and an event wait halts until an interrupt.
 * Firmware comes from GRUB boot modules (`module2 FILE NAME`), since the
 * kernel has no file system yet.
 */
#include "dma.h"
#include "gpu/os.h"
#include "gpu_os.h"
#include "idt.h"
#include "io.h"
#include "kernel.h"
#include "metalgpu/errno.h"
#include "pci.h"
#include "x86reg.h"

#define MSIX_ENTRY_GPU	0	/* the driver uses one vector */

struct os_dev {
	struct pci_dev	*pci;
	char		 name[16];	/* "bb:dd.f" */
	os_irq_handler	*handler;
	void		*handler_arg;
	int		 vector;
};

struct os_mutex {
	int		 held;
	uint64_t	 saved_flags;
};

struct os_event {
	volatile int	 signalled;
};

struct os_dev *
gpu_os_dev_create(struct pci_dev *pci)
{
	struct os_dev *d = kzalloc(sizeof(*d));

	if (d == NULL)
		return NULL;
	d->pci = pci;
	d->vector = -1;
	ksnprintf(d->name, sizeof(d->name), "%02x:%02x.%x", pci->bus, pci->dev,
	    pci->fn);
	pci_enable(pci, 1);
	return d;
}

void
gpu_os_dev_destroy(struct os_dev *d)
{
	if (d == NULL)
		return;
	os_irq_unregister(d);
	kfree(d);
}

/* --- MMIO --- */

/* The register BAR's mapping, made uncached on first use; NULL if none. */
static volatile void *
reg_bar(struct os_dev *d, int bar, uint64_t off, uint64_t len)
{
	struct pci_bar *b;

	if (bar < 0 || bar > 5)
		return NULL;
	b = &d->pci->bar[bar];
	if (off + len > b->size)
		return NULL;
	if (b->map == NULL && pci_map_bar(d->pci, bar, VMM_UC) == NULL)
		return NULL;
	return b->map;
}

uint32_t
os_mmio_read32(struct os_dev *d, int bar, uint64_t off)
{
	volatile void *p = reg_bar(d, bar, off, 4);

	if (p == NULL) {
		kprintf("gpu %s: read of BAR%d+%#lx outside the BAR\n",
		    d->name, bar, off);
		return 0xffffffff;	/* what a master abort reads as */
	}
	return mmio_read32(p, off);
}

void
os_mmio_write32(struct os_dev *d, int bar, uint64_t off, uint32_t val)
{
	volatile void *p = reg_bar(d, bar, off, 4);

	if (p == NULL) {
		kprintf("gpu %s: write of BAR%d+%#lx outside the BAR dropped\n",
		    d->name, bar, off);
		return;
	}
	mmio_write32(p, off, val);
}

void
os_mmio_write64(struct os_dev *d, int bar, uint64_t off, uint64_t val)
{
	volatile void *p = reg_bar(d, bar, off, 8);

	if (p == NULL) {
		kprintf("gpu %s: write of BAR%d+%#lx outside the BAR dropped\n",
		    d->name, bar, off);
		return;
	}
	mmio_write64(p, off, val);
}

void *
os_bar_map(struct os_dev *d, int bar, uint64_t *size)
{
	void *p;

	*size = 0;
	if (bar < 0 || bar > 5)
		return NULL;
	p = pci_map_bar(d->pci, bar, VMM_WC);
	if (p != NULL)
		*size = d->pci->bar[bar].size;
	return p;
}

/* --- PCI configuration --- */

void
os_pci_id(struct os_dev *d, struct os_pci_id *id)
{
	id->vendor = d->pci->vendor;
	id->device = d->pci->device;
	id->subsystem_vendor = d->pci->subsys_vendor;
	id->subsystem_device = d->pci->subsys_device;
	id->revision = d->pci->revision;
	id->bus = d->pci->bus;
	id->dev = d->pci->dev;
	id->fn = d->pci->fn;
}

/* --- DMA memory --- */

int
os_dma_alloc(struct os_dev *d, size_t size, size_t align, struct os_dma *out)
{
	struct dma_mem m;
	int err;

	memset(out, 0, sizeof(*out));
	err = dma_alloc_aligned(d->pci, size, align, &m);
	if (err == -KERR_NOMEM)
		return -GPU_ENOMEM;
	if (err != 0)
		return -GPU_EINVAL;
	out->cpu = m.cpu;
	out->bus = m.bus;
	out->size = m.size;
	return 0;
}

void
os_dma_free(struct os_dev *d, struct os_dma *dma)
{
	struct dma_mem m;

	if (dma->cpu == NULL)
		return;
	m.cpu = dma->cpu;
	m.pa = (uint64_t)dma->cpu;	/* RAM is mapped 1:1 */
	m.bus = dma->bus;
	m.size = dma->size;
	dma_free_coherent(d->pci, &m);
	memset(dma, 0, sizeof(*dma));
}

/* --- Interrupts --- */

static void
gpu_irq(void *arg, int vector)
{
	struct os_dev *d = arg;

	(void)vector;
	if (d->handler != NULL)
		d->handler(d->handler_arg);
}

/* MSI-X entry 0 when the function has MSI-X, else MSI. */
int
os_irq_register(struct os_dev *d, os_irq_handler *fn, void *arg)
{
	int v;

	if (d->vector >= 0)
		return -GPU_EBUSY;
	d->handler = fn;
	d->handler_arg = arg;
	if (d->pci->cap_msix != 0) {
		if (pci_msix_enable(d->pci) <= 0)
			return -GPU_ENODEV;
		v = pci_msix_bind(d->pci, MSIX_ENTRY_GPU, gpu_irq, d);
	} else {
		v = pci_msi_enable(d->pci, gpu_irq, d);
	}
	if (v < 0) {
		d->handler = NULL;
		return v == -KERR_BUSY ? -GPU_EBUSY : -GPU_ENODEV;
	}
	d->vector = v;
	return 0;
}

void
os_irq_unregister(struct os_dev *d)
{
	if (d->vector < 0)
		return;
	if (d->pci->irq_mode == PCI_IRQ_MSIX) {
		pci_msix_mask(d->pci, MSIX_ENTRY_GPU, 1);
		pci_irq_disable(d->pci);
		vector_free(d->vector);
	} else {
		pci_irq_disable(d->pci);	/* frees the MSI vector */
	}
	d->vector = -1;
	d->handler = NULL;
}

/* --- Firmware --- */

int
os_firmware_get(struct os_dev *d, const char *name, const void **data,
    size_t *size)
{
	uint64_t pa, len;

	*data = NULL;
	*size = 0;
	if (mb2_module(name, &pa, &len) != 0) {
		kprintf("gpu %s: firmware %s: no such boot module (add "
		    "`module2 /FILE %s` to grub.cfg)\n", d->name, name, name);
		return -GPU_ENOENT;
	}
	*data = (const void *)pa;
	*size = len;
	return 0;
}

void
os_firmware_put(struct os_dev *d, const void *data, size_t size)
{
	/* Boot modules stay for the kernel's lifetime. */
	(void)d;
	(void)data;
	(void)size;
}

/* --- Time --- */

uint64_t
os_time_ns(void)
{
	return time_ns();
}

void
os_delay_us(uint32_t us)
{
	delay_us(us);
}

/* --- Memory for driver bookkeeping --- */

void *
os_zalloc(size_t size)
{
	return kzalloc(size);
}

void
os_free(void *p)
{
	kfree(p);
}

/* --- Locks and events --- */

struct os_mutex *
os_mutex_create(void)
{
	return kzalloc(sizeof(struct os_mutex));
}

void
os_mutex_destroy(struct os_mutex *m)
{
	if (m != NULL && m->held)
		panic("os_mutex_destroy: mutex %p is held", (void *)m);
	kfree(m);
}

void
os_mutex_lock(struct os_mutex *m)
{
	uint64_t f = irq_save();

	/* One CPU, no threads: a held mutex here can only be our own. */
	if (m->held)
		panic("os_mutex_lock: mutex %p taken twice (recursion or an "
		    "interrupt handler taking a lock its code holds)", (void *)m);
	m->held = 1;
	m->saved_flags = f;
}

void
os_mutex_unlock(struct os_mutex *m)
{
	uint64_t f = m->saved_flags;

	if (!m->held)
		panic("os_mutex_unlock: mutex %p is not held", (void *)m);
	m->held = 0;
	irq_restore(f);
}

struct os_event *
os_event_create(void)
{
	return kzalloc(sizeof(struct os_event));
}

void
os_event_destroy(struct os_event *e)
{
	kfree(e);
}

void
os_event_signal(struct os_event *e)
{
	e->signalled = 1;
}

bool
os_event_wait(struct os_event *e, uint64_t timeout_ns)
{
	uint64_t end = time_ns() + timeout_ns, f;

	for (;;) {
		f = irq_save();
		if (e->signalled) {
			e->signalled = 0;
			irq_restore(f);
			return true;
		}
		if (time_ns() >= end) {
			irq_restore(f);
			return false;
		}
		if (f & RFLAGS_IF) {
			/* sti; hlt: no interrupt can slip in between. */
			__asm__ volatile("sti; hlt" : : : "memory");
		} else {
			/* Called with a mutex held: we can only poll. */
			cpu_relax();
		}
	}
}

/* --- Logging --- */

void
os_log(struct os_dev *d, enum os_log_level level, const char *line)
{
	static const char *const names[] = { "error", "warning", "info",
	    "debug" };

	kprintf("gpu %s: %s: %s\n", d != NULL ? d->name : "-",
	    (unsigned)level < ARRAY_SIZE(names) ? names[level] : "?", line);
}

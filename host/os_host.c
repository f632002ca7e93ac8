/*
 * gpu/os.h for a Linux process: MMIO and doorbells go to the navi23 model,
 * DMA memory is carved from a memfd, the MSI runs the handler on an
 * interrupt thread, firmware is read from a directory.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "gpu/range.h"
#include "host.h"
#include "metalgpu/errno.h"

struct os_dev {
	struct host_opts opts;
	char fwdir[512];
	struct navi23 *model;

	int sysmem_fd;
	uint8_t *sysmem;
	uint64_t sysmem_size;
	pthread_mutex_t dma_lock;
	struct range_alloc free;	/* offsets into sysmem (gpu/range.c) */
	uint64_t dma_in_use;

	/* The interrupt thread: the model's MSI bumps `pending`. */
	pthread_t irq_thread;
	pthread_mutex_t irq_lock;
	pthread_cond_t irq_cv;
	unsigned pending;
	bool irq_stop, irq_running;
	os_irq_handler *irq_fn;
	void *irq_arg;

	void (*log_hook)(void *, enum os_log_level, const char *);
	void *log_arg;
	uint64_t t0;
};

/* --- MMIO ------------------------------------------------------------------ */

uint32_t
os_mmio_read32(struct os_dev *d, int bar, uint64_t off)
{
	return navi23_mmio_read(d->model, bar, off);
}

void
os_mmio_write32(struct os_dev *d, int bar, uint64_t off, uint32_t val)
{
	navi23_mmio_write(d->model, bar, off, val);
}

/* A 64-bit doorbell lands as one write: low dword then high dword, the
 * high one being what triggers the engine, as on the PCIe bus. */
void
os_mmio_write64(struct os_dev *d, int bar, uint64_t off, uint64_t val)
{
	navi23_mmio_write(d->model, bar, off + 4, (uint32_t)(val >> 32));
	navi23_mmio_write(d->model, bar, off, (uint32_t)val);
}

void *
os_bar_map(struct os_dev *d, int bar, uint64_t *size)
{
	if (bar != NAVI23_BAR_VRAM)
		return NULL;
	return navi23_vram(d->model, size);
}

void
os_pci_id(struct os_dev *d, struct os_pci_id *id)
{
	memset(id, 0, sizeof(*id));
	navi23_pci_ids(d->model, &id->vendor, &id->device, &id->revision);
	/* An AMD reference board in slot 03:00.0, as lspci would show it. */
	id->subsystem_vendor = 0x1002;
	id->subsystem_device = 0x0e0d;
	id->bus = 3;
}

/* --- DMA memory -------------------------------------------------------------- */

int
os_dma_alloc(struct os_dev *d, size_t size, size_t align, struct os_dma *out)
{
	uint64_t off;
	int rc;

	memset(out, 0, sizeof(*out));
	if (size == 0)
		return -GPU_EINVAL;
	size = (size + 4095) & ~(size_t)4095;
	if (align < 4096)
		align = 4096;
	pthread_mutex_lock(&d->dma_lock);
	rc = range_get(&d->free, size, align, &off);
	if (rc == 0)
		d->dma_in_use += size;
	pthread_mutex_unlock(&d->dma_lock);
	if (rc != 0)
		return rc;
	/* Already zero: memfd pages start out zero and os_dma_free punches
	 * them out again (MADV_REMOVE), so no page is ever handed out twice
	 * with old contents, and none is touched before its user does. */
	out->cpu = d->sysmem + off;
	out->bus = HOST_SYSMEM_BUS_BASE + off;
	out->size = size;
	return 0;
}

void
os_dma_free(struct os_dev *d, struct os_dma *dma)
{
	if (dma->cpu == NULL)
		return;
	/* Give the pages back to the OS: freed memory does not stay resident,
	 * and reads as zero when os_dma_alloc hands it out again. */
	if (madvise(dma->cpu, dma->size, MADV_REMOVE) != 0)
		memset(dma->cpu, 0, dma->size);
	pthread_mutex_lock(&d->dma_lock);
	range_put(&d->free, dma->bus - HOST_SYSMEM_BUS_BASE, dma->size);
	d->dma_in_use -= dma->size;
	pthread_mutex_unlock(&d->dma_lock);
	memset(dma, 0, sizeof(*dma));
}

void *
host_dma_ptr(struct os_dev *d, uint64_t bus, uint64_t len)
{
	if (bus < HOST_SYSMEM_BUS_BASE)
		return NULL;
	bus -= HOST_SYSMEM_BUS_BASE;
	if (bus >= d->sysmem_size || len > d->sysmem_size - bus)
		return NULL;
	return d->sysmem + bus;
}

uint64_t
host_dma_in_use(struct os_dev *d)
{
	uint64_t n;

	pthread_mutex_lock(&d->dma_lock);
	n = d->dma_in_use;
	pthread_mutex_unlock(&d->dma_lock);
	return n;
}

/* --- Interrupts -------------------------------------------------------------- */

static void *
irq_main(void *arg)
{
	struct os_dev *d = arg;

	pthread_mutex_lock(&d->irq_lock);
	for (;;) {
		while (d->pending == 0 && !d->irq_stop)
			pthread_cond_wait(&d->irq_cv, &d->irq_lock);
		if (d->irq_stop)
			break;
		d->pending = 0;
		if (d->irq_fn != NULL) {
			os_irq_handler *fn = d->irq_fn;
			void *a = d->irq_arg;

			pthread_mutex_unlock(&d->irq_lock);
			fn(a);
			pthread_mutex_lock(&d->irq_lock);
		}
	}
	pthread_mutex_unlock(&d->irq_lock);
	return NULL;
}

static void
host_msi(void *ctx)
{
	struct os_dev *d = ctx;

	pthread_mutex_lock(&d->irq_lock);
	d->pending++;
	pthread_cond_signal(&d->irq_cv);
	pthread_mutex_unlock(&d->irq_lock);
}

int
os_irq_register(struct os_dev *d, os_irq_handler *fn, void *arg)
{
	pthread_mutex_lock(&d->irq_lock);
	d->irq_fn = fn;
	d->irq_arg = arg;
	pthread_mutex_unlock(&d->irq_lock);
	return 0;
}

/* Returns only when no handler is running any more. */
void
os_irq_unregister(struct os_dev *d)
{
	pthread_mutex_lock(&d->irq_lock);
	d->irq_fn = NULL;
	d->irq_arg = NULL;
	pthread_mutex_unlock(&d->irq_lock);
}

static void *
host_dma_ptr_cb(void *ctx, uint64_t bus, uint64_t len)
{
	return host_dma_ptr(ctx, bus, len);
}

/* --- Firmware ------------------------------------------------------------------ */

int
os_firmware_get(struct os_dev *d, const char *name, const void **data, size_t *size)
{
	char path[1024];
	struct stat st;
	void *buf;
	int fd;

	*data = NULL;
	*size = 0;
	snprintf(path, sizeof(path), "%s/%s", d->fwdir, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		int err = errno;

		if (stat(d->fwdir, &st) != 0) {
			snprintf(path, sizeof(path), "firmware directory %s: %s",
			    d->fwdir, strerror(errno));
			os_log(d, OS_LOG_ERR, path);
		}
		return err == ENOENT ? -GPU_ENOENT : -GPU_EIO;
	}
	if (fstat(fd, &st) != 0 || (buf = malloc(st.st_size ? (size_t)st.st_size : 1)) == NULL) {
		close(fd);
		return -GPU_ENOMEM;
	}
	if (read(fd, buf, (size_t)st.st_size) != st.st_size) {
		free(buf);
		close(fd);
		return -GPU_EIO;
	}
	close(fd);
	*data = buf;
	*size = (size_t)st.st_size;
	return 0;
}

void
os_firmware_put(struct os_dev *d, const void *data, size_t size)
{
	free((void *)data);
}

/* --- Time, memory, locks, events --------------------------------------------------- */

uint64_t
os_time_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

void
os_delay_us(uint32_t us)
{
	struct timespec ts = { us / 1000000, (long)(us % 1000000) * 1000 };

	nanosleep(&ts, NULL);
}

void *
os_zalloc(size_t size)
{
	return calloc(1, size);
}

void
os_free(void *p)
{
	free(p);
}

struct os_mutex {
	pthread_mutex_t m;
};

struct os_mutex *
os_mutex_create(void)
{
	struct os_mutex *m = malloc(sizeof(*m));

	if (m != NULL)
		pthread_mutex_init(&m->m, NULL);
	return m;
}

void
os_mutex_destroy(struct os_mutex *m)
{
	if (m == NULL)
		return;
	pthread_mutex_destroy(&m->m);
	free(m);
}

void
os_mutex_lock(struct os_mutex *m)
{
	pthread_mutex_lock(&m->m);
}

void
os_mutex_unlock(struct os_mutex *m)
{
	pthread_mutex_unlock(&m->m);
}

struct os_event {
	pthread_mutex_t m;
	pthread_cond_t cv;
	bool signalled;
};

struct os_event *
os_event_create(void)
{
	struct os_event *e = calloc(1, sizeof(*e));
	pthread_condattr_t a;

	if (e == NULL)
		return NULL;
	pthread_mutex_init(&e->m, NULL);
	pthread_condattr_init(&a);
	pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
	pthread_cond_init(&e->cv, &a);
	pthread_condattr_destroy(&a);
	return e;
}

void
os_event_destroy(struct os_event *e)
{
	if (e == NULL)
		return;
	pthread_cond_destroy(&e->cv);
	pthread_mutex_destroy(&e->m);
	free(e);
}

void
os_event_signal(struct os_event *e)
{
	pthread_mutex_lock(&e->m);
	e->signalled = true;
	pthread_cond_broadcast(&e->cv);
	pthread_mutex_unlock(&e->m);
}

bool
os_event_wait(struct os_event *e, uint64_t timeout_ns)
{
	uint64_t deadline = os_time_ns() + timeout_ns;
	struct timespec ts = { (time_t)(deadline / 1000000000ull),
	    (long)(deadline % 1000000000ull) };
	bool got;

	pthread_mutex_lock(&e->m);
	while (!e->signalled) {
		if (pthread_cond_timedwait(&e->cv, &e->m, &ts) == ETIMEDOUT)
			break;
	}
	got = e->signalled;
	e->signalled = false;
	pthread_mutex_unlock(&e->m);
	return got;
}

/* --- Logging ---------------------------------------------------------------------- */

void
os_log(struct os_dev *d, enum os_log_level lvl, const char *line)
{
	uint64_t t = os_time_ns() - d->t0;

	if (d->log_hook != NULL)
		d->log_hook(d->log_arg, lvl, line);
	if (lvl > d->opts.log_level)
		return;
	/* dmesg-like: seconds since the device was created. */
	fprintf(stderr, "[%5llu.%06llu] amdgpu 0000:03:00.0: %s%s\n",
	    (unsigned long long)(t / 1000000000ull),
	    (unsigned long long)(t % 1000000000ull / 1000),
	    lvl == OS_LOG_ERR ? "*ERROR* " : "", line);
}

void
host_set_log_hook(struct os_dev *d,
    void (*hook)(void *, enum os_log_level, const char *), void *arg)
{
	d->log_hook = hook;
	d->log_arg = arg;
}

/* --- Device lifetime ------------------------------------------------------------------ */

void
host_default_opts(struct host_opts *o)
{
	const char *fw = getenv("METALGPU_FIRMWARE_DIR");

	memset(o, 0, sizeof(*o));
	o->firmware_dir = fw != NULL ? fw : "/lib/firmware";
	o->sysmem_bytes = 4ull << 30;
	o->log_level = OS_LOG_INFO;
	navi23_default_config(&o->model);
}

static int
sysmem_create(struct os_dev *d)
{
	d->sysmem_size = d->opts.sysmem_bytes;
	d->sysmem_fd = memfd_create("metalgpu-sysmem", MFD_CLOEXEC);
	if (d->sysmem_fd < 0 || ftruncate(d->sysmem_fd, (off_t)d->sysmem_size) != 0)
		return -1;
	d->sysmem = mmap(NULL, d->sysmem_size, PROT_READ | PROT_WRITE, MAP_SHARED,
	    d->sysmem_fd, 0);
	if (d->sysmem == MAP_FAILED) {
		d->sysmem = NULL;
		return -1;
	}
	return range_init(&d->free, 0, d->sysmem_size);
}

struct os_dev *
host_dev_create(const struct host_opts *opts)
{
	struct os_dev *d = calloc(1, sizeof(*d));
	struct navi23_bus bus;

	if (d == NULL)
		return NULL;
	d->opts = *opts;
	d->t0 = os_time_ns();
	d->sysmem_fd = -1;
	snprintf(d->fwdir, sizeof(d->fwdir), "%s", opts->firmware_dir);
	pthread_mutex_init(&d->dma_lock, NULL);
	pthread_mutex_init(&d->irq_lock, NULL);
	pthread_cond_init(&d->irq_cv, NULL);
	if (sysmem_create(d) != 0)
		goto fail;
	if (pthread_create(&d->irq_thread, NULL, irq_main, d) != 0)
		goto fail;
	d->irq_running = true;
	bus.ctx = d;
	bus.dma_ptr = host_dma_ptr_cb;
	bus.msi = host_msi;
	d->model = navi23_create(&opts->model, &bus);
	if (d->model == NULL)
		goto fail;
	return d;
fail:
	host_dev_destroy(d);
	return NULL;
}

void
host_dev_destroy(struct os_dev *d)
{
	if (d == NULL)
		return;
	/* The model first: its engines may still raise MSIs. */
	navi23_destroy(d->model);
	if (d->irq_running) {
		pthread_mutex_lock(&d->irq_lock);
		d->irq_stop = true;
		pthread_cond_signal(&d->irq_cv);
		pthread_mutex_unlock(&d->irq_lock);
		pthread_join(d->irq_thread, NULL);
	}
	range_fini(&d->free);
	if (d->sysmem != NULL)
		munmap(d->sysmem, d->sysmem_size);
	if (d->sysmem_fd >= 0)
		close(d->sysmem_fd);
	pthread_cond_destroy(&d->irq_cv);
	pthread_mutex_destroy(&d->irq_lock);
	pthread_mutex_destroy(&d->dma_lock);
	free(d);
}

struct navi23 *
host_dev_model(struct os_dev *d)
{
	return d->model;
}

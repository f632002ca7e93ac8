/*
 * The kernel's gpu/os.h, exercised through the edu device the way the GPU
 * driver will use a GPU: registers by BAR, aligned DMA memory, an MSI
 * delivered to a registered handler that signals an event, locks, time,
 * heap, logging, and firmware from a GRUB boot module.
 */
#include "dev/edureg.h"
#include "gpu/os.h"
#include "gpu_os.h"
#include "ktest/ktest.h"
#include "metalgpu/errno.h"
#include "pci.h"

#define TEST_MODULE	"metalos/test-module.txt"	/* kernel/grub.cfg */
#define TEST_MODULE_TEXT "MetalOS boot module"
#define DMA_ALIGN	(64 * 1024)
#define RAISE_VALUE	0x5

struct irq_ctx {
	struct os_dev	*dev;
	struct os_event	*ev;
	struct os_mutex	*lock;
	uint32_t	 status;
	int		 calls;
};

static void
handler(void *arg)
{
	struct irq_ctx *c = arg;

	/* The driver takes locks in its handler: so do we. */
	os_mutex_lock(c->lock);
	c->status = os_mmio_read32(c->dev, EDU_BAR, EDU_IRQ_STATUS);
	os_mmio_write32(c->dev, EDU_BAR, EDU_IRQ_ACK, c->status);
	c->calls++;
	os_mutex_unlock(c->lock);
	os_event_signal(c->ev);
}

int
t_gpu_os_edu(void)
{
	struct pci_dev *p = pci_find(EDU_VENDOR, EDU_DEVICE, 0);
	struct os_pci_id id;
	struct os_dma dma;
	struct irq_ctx c;
	struct os_dev *d;
	const void *fw;
	size_t fwsize;
	uint64_t t0;
	uint8_t *heap;

	if (p == NULL)
		return KT_SKIP;
	d = gpu_os_dev_create(p);
	KT_CHECK(d != NULL, "no os_dev");
	os_pci_id(d, &id);
	KT_CHECK(id.vendor == EDU_VENDOR && id.device == EDU_DEVICE &&
	    id.bus == p->bus, "os_pci_id %04x:%04x", id.vendor, id.device);
	KT_CHECK((os_mmio_read32(d, EDU_BAR, EDU_IDENT) & 0xff) ==
	    EDU_IDENT_MAGIC_VAL, "ident register");
	os_mmio_write32(d, EDU_BAR, EDU_LIVENESS, 0x12345678);
	KT_CHECK(os_mmio_read32(d, EDU_BAR, EDU_LIVENESS) == ~0x12345678u,
	    "liveness register does not invert");
	KT_CHECK(os_mmio_read32(d, EDU_BAR, p->bar[EDU_BAR].size) == 0xffffffff,
	    "read past the BAR not refused");

	KT_CHECK(os_dma_alloc(d, 3 * 4096, DMA_ALIGN, &dma) == 0, "os_dma_alloc");
	KT_CHECK(dma.cpu != NULL && dma.size >= 3 * 4096 &&
	    dma.bus % DMA_ALIGN == 0 && (uint64_t)dma.cpu % DMA_ALIGN == 0,
	    "DMA %p bus %#lx size %zu not %d-aligned", dma.cpu, dma.bus,
	    dma.size, DMA_ALIGN);
	KT_CHECK(((uint8_t *)dma.cpu)[4096] == 0, "DMA memory not zeroed");
	os_dma_free(d, &dma);
	KT_CHECK(dma.cpu == NULL, "os_dma_free left the pointer");

	memset(&c, 0, sizeof(c));
	c.dev = d;
	c.ev = os_event_create();
	c.lock = os_mutex_create();
	KT_CHECK(c.ev != NULL && c.lock != NULL, "no event or mutex");
	KT_CHECK(!os_event_wait(c.ev, 1000000), "event signalled by itself");
	KT_CHECK(os_irq_register(d, handler, &c) == 0, "os_irq_register");
	os_mmio_write32(d, EDU_BAR, EDU_IRQ_RAISE, RAISE_VALUE);
	KT_CHECK(os_event_wait(c.ev, KT_WAIT_MS * 1000000ULL), "no interrupt "
	    "within %d ms", KT_WAIT_MS);
	KT_CHECK(c.calls == 1 && c.status == RAISE_VALUE, "handler calls %d, "
	    "status %#x", c.calls, c.status);
	os_irq_unregister(d);
	os_mutex_destroy(c.lock);
	os_event_destroy(c.ev);

	t0 = os_time_ns();
	os_delay_us(2000);
	KT_CHECK(os_time_ns() - t0 >= 2000000, "os_delay_us(2000) took %lu ns",
	    os_time_ns() - t0);
	heap = os_zalloc(5000);
	KT_CHECK(heap != NULL && heap[4999] == 0, "os_zalloc(5000)");
	os_free(heap);
	heap = os_zalloc(24);
	KT_CHECK(heap != NULL && heap[23] == 0, "os_zalloc(24)");
	os_free(heap);

	KT_CHECK(os_firmware_get(d, "amdgpu/none.bin", &fw, &fwsize) ==
	    -GPU_ENOENT, "missing firmware found");
	KT_CHECK(os_firmware_get(d, TEST_MODULE, &fw, &fwsize) == 0,
	    "boot module %s", TEST_MODULE);
	KT_CHECK(fwsize >= strlen(TEST_MODULE_TEXT) && memcmp(fw,
	    TEST_MODULE_TEXT, strlen(TEST_MODULE_TEXT)) == 0,
	    "boot module content");
	os_log(d, OS_LOG_INFO, "gpu/os.h works on MetalOS");
	gpu_os_dev_destroy(d);
	return KT_PASS;
}

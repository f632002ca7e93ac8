/*
 * Rings: a buffer the CPU fills with packets and an engine consumes, a
 * read pointer the engine writes back, a fence sequence the engine writes
 * after each job, and an interrupt that wakes whoever waits for it.
 * Linux: amdgpu_ring.c, amdgpu_fence.c, amdgpu_ib.c, amdgpu_ring_test_helper.
 */
#include "amdgpu.h"
#include "fmt.h"

int
ring_create(struct gpu_device *dev, struct gpu_ring *r, const char *name,
    enum ring_type type, const struct ring_funcs *funcs, uint32_t size_bytes)
{
	int rc;

	r->dev = dev;
	r->type = type;
	r->funcs = funcs;
	gpu_snprintf(r->name, sizeof(r->name), "%s", name);
	r->size_dw = size_bytes / 4;
	r->mask = r->size_dw - 1;
	r->wptr = 0;
	r->fence_seq = 0;
	if ((rc = kbo_alloc(dev, size_bytes, 4096, KBO_GTT, &r->buf)) != 0 ||
	    (rc = wb_get(dev, &r->rptr_wb)) != 0 ||
	    (rc = wb_get(dev, &r->wptr_wb[0])) != 0 ||
	    (rc = wb_get(dev, &r->fence_wb)) != 0)
		return rc;
	r->ptr = r->buf.cpu;
	r->fence_event = os_event_create();
	if (r->fence_event == NULL)
		return gpu_error(dev, -GPU_ENOMEM, "%s: out of memory", name);
	if (dev->nrings < GPU_MAX_RINGS)
		dev->rings[dev->nrings++] = r;
	gpu_snprintf(r->test.name, sizeof(r->test.name), "%s", name);
	r->test.size_bytes = size_bytes;
	r->test.ring_test = r->test.ib_test = -GPU_ENOSYS;
	return 0;
}

void
ring_destroy(struct gpu_ring *r)
{
	struct gpu_device *dev = r->dev;

	if (dev == NULL)
		return;
	for (unsigned i = 0; i < dev->nrings; i++) {
		if (dev->rings[i] == r) {
			dev->rings[i] = dev->rings[--dev->nrings];
			break;
		}
	}
	os_event_destroy(r->fence_event);
	wb_put(dev, &r->fence_wb);
	wb_put(dev, &r->wptr_wb[0]);
	wb_put(dev, &r->rptr_wb);
	kbo_free(dev, &r->buf);
	r->dev = NULL;
	r->ready = false;
}

/* The read pointer the engine wrote back, in dwords (SDMA reports bytes). */
static uint32_t
ring_rptr(struct gpu_ring *r)
{
	uint32_t v = *r->rptr_wb.cpu;

	return r->type == RING_SDMA ? v >> 2 : v;
}

int
ring_alloc(struct gpu_ring *r, unsigned ndw)
{
	uint64_t deadline = os_time_ns() + (uint64_t)GPU_TIMEOUT_US * 1000;

	if (ndw >= r->size_dw / 2)
		return gpu_error(r->dev, -GPU_EINVAL, "%s: %u dwords do not fit",
		    r->name, ndw);
	for (;;) {
		uint32_t used = (uint32_t)(r->wptr - ring_rptr(r)) & r->mask;

		if (r->size_dw - used > ndw + 16)
			return 0;
		if (os_time_ns() > deadline)
			return gpu_error(r->dev, -GPU_ETIME,
			    "%s: no ring space for %u dwords (rptr %u, wptr %llu)",
			    r->name, ndw, ring_rptr(r), (unsigned long long)r->wptr);
		os_delay_us(10);
	}
}

void
ring_commit(struct gpu_ring *r)
{
	if (r->funcs->pad != NULL)
		r->funcs->pad(r);
	r->funcs->set_wptr(r);
}

uint32_t
ring_emit_fence(struct gpu_ring *r)
{
	uint32_t seq = ++r->fence_seq;

	r->funcs->emit_fence(r, r->fence_wb.gpu, seq, true);
	return seq;
}

void
ring_fence_irq(struct gpu_ring *r)
{
	__atomic_store_n(&r->irq_fence, *r->fence_wb.cpu, __ATOMIC_RELEASE);
	os_event_signal(r->fence_event);
	api_ring_irq(r->dev);
}

/*
 * Linux amdgpu_ring_reset_helper_end / amdgpu_fence_driver_force_completion:
 * after a reset the engine starts over at rptr = wptr = 0, and the fence
 * memory says every fence emitted so far is done.  The caller has already
 * taken the jobs that did not finish off the ring.  Called with the engine
 * stopped and the API lock held.
 */
void
ring_clear(struct gpu_ring *r)
{
	r->wptr = 0;
	*r->rptr_wb.cpu = 0;
	r->wptr_wb[0].cpu[0] = 0;
	r->wptr_wb[0].cpu[1] = 0;
	*r->fence_wb.cpu = r->fence_seq;
	__atomic_store_n(&r->irq_fence, r->fence_seq, __ATOMIC_RELEASE);
	r->hang_fence = r->fence_seq;
	r->progress_ns = os_time_ns();
}

/* Sequence numbers wrap: compare by signed difference. */
static bool
seq_done(struct gpu_ring *r, uint32_t seq)
{
	return (int32_t)(*r->fence_wb.cpu - seq) >= 0;
}

int
ring_fence_wait(struct gpu_ring *r, uint32_t seq, uint64_t timeout_ns)
{
	uint64_t deadline = os_time_ns() + timeout_ns;

	while (!seq_done(r, seq)) {
		uint64_t now = os_time_ns();

		if (now >= deadline)
			return -GPU_ETIME;
		os_event_wait(r->fence_event, deadline - now);
	}
	return 0;
}

static int
run_test(struct gpu_ring *r, int (*fn)(struct gpu_ring *), int *result, uint64_t *ns)
{
	uint64_t t0 = os_time_ns();

	*result = fn != NULL ? fn(r) : -GPU_ENOSYS;
	*ns = os_time_ns() - t0;
	return *result;
}

/* Linux amdgpu_ring_test_helper + amdgpu_ib_ring_tests, for every ring. */
int
ring_tests_init(struct gpu_device *dev)
{
	for (unsigned i = 0; i < dev->nrings; i++) {
		struct gpu_ring *r = dev->rings[i];
		int rc;

		rc = run_test(r, r->funcs->test_ring, &r->test.ring_test,
		    &r->test.ring_test_ns);
		if (rc == 0)
			rc = run_test(r, r->funcs->test_ib, &r->test.ib_test,
			    &r->test.ib_test_ns);
		if (rc != 0)
			return gpu_error(dev, rc, "ring %s test failed (%s)",
			    r->name, gpu_strerror(rc));
		r->ready = true;
		GPU_INFO(dev, "ring %s: ring test %llu us, IB test %llu us",
		    r->name, (unsigned long long)(r->test.ring_test_ns / 1000),
		    (unsigned long long)(r->test.ib_test_ns / 1000));
	}
	return 0;
}

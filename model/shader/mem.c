/*
 * The one atomic read-modify-write of shader memory (mem.h).
 *
 * The CP runs workgroups on several host threads (model/dispatch.c), so a
 * memory atomic must be atomic on the host memory itself: when mem_ops
 * gives a host pointer for the (naturally aligned) location, the update
 * is a compare-and-swap loop with the __atomic builtins (GCC manual,
 * "__atomic Builtins"; sequentially consistent, as the GPU's L2 atomics
 * are ordered per address).  f may run more than once, on the values
 * other threads left.  Otherwise (no host pointer: a fault to report, a
 * misaligned or page-crossing location, or a host-memory mem_ops without
 * host_ptr) it is a read then a write through mem_ops, which reports
 * faults exactly but is atomic only within one thread.
 */
#include "mem.h"

static uint64_t
cas_loop32(uint32_t *p, shader_rmw_fn f, const void *arg)
{
	uint32_t o = __atomic_load_n(p, __ATOMIC_RELAXED);

	while (!__atomic_compare_exchange_n(p, &o, (uint32_t)f(arg, o), true,
	    __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
		;
	return o;
}

static uint64_t
cas_loop64(uint64_t *p, shader_rmw_fn f, const void *arg)
{
	uint64_t o = __atomic_load_n(p, __ATOMIC_RELAXED);

	while (!__atomic_compare_exchange_n(p, &o, f(arg, o), true,
	    __ATOMIC_SEQ_CST, __ATOMIC_RELAXED))
		;
	return o;
}

int
shader_mem_rmw(struct shader_wave *w, uint64_t va, unsigned bytes,
    shader_rmw_fn f, const void *arg, uint64_t *old, bool *fault_write)
{
	const struct shader_mem_ops *m = w->mem;
	void *p = m->host_ptr == NULL ? NULL :
	    m->host_ptr(w->mem_ctx, va, bytes, SHADER_MEM_READ | SHADER_MEM_WRITE);
	uint64_t o = 0, n;

	if (p != NULL && ((uintptr_t)p & (bytes - 1)) == 0) {
		*old = bytes == 8 ? cas_loop64(p, f, arg) : cas_loop32(p, f, arg);
		return 0;
	}
	*fault_write = false;
	if (m->read(w->mem_ctx, va, &o, bytes) != 0)
		return -1;
	n = f(arg, o);
	*fault_write = true;
	if (m->write(w->mem_ctx, va, &n, bytes) != 0)
		return -1;
	*old = o;
	return 0;
}

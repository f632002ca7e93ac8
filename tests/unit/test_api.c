/*
 * The GPU API's calls, each one's happy path and bad input: invalid,
 * foreign and stale handles; zero, unaligned and huge sizes; overlapping
 * and out-of-range VA; double free; unmap of what is not mapped; waits on
 * destroyed objects.  Memory checks go through the model's own page walk.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "amd/gc_10_3_reg.h"
#include "amd/vm_pte.h"
#include "api_fixture.h"

static struct api_fixture fx;

static int
group_setup(void **state)
{
	return api_fixture_up(&fx, 1ull << 30);
}

static int
group_teardown(void **state)
{
	api_fixture_down(&fx);
	return 0;
}

static struct gpu_client *
open_client(void)
{
	struct gpu_client *c;

	assert_int_equal(gpu_client_open(fx.dev, &c), 0);
	return c;
}

/* Every test leaves the device as it found it. */
static void
assert_clean(void)
{
	assert_int_equal(host_dma_in_use(fx.os), fx.dma_baseline);
}

static void
test_client_needs_a_device(void **state)
{
	struct gpu_device *dev = gpu_create(fx.os);
	struct gpu_client *c = (void *)1;

	assert_int_equal(gpu_client_open(dev, &c), -GPU_ENODEV);
	assert_null(c);
	gpu_destroy(dev);
}

static void
test_bo_create_map_query(void **state)
{
	struct gpu_client *c = open_client();
	gpu_handle v, g;
	struct gpu_bo_info info;
	uint32_t *pv, *pg;

	assert_int_equal(gpu_bo_create(c, 10000, GPU_DOMAIN_VRAM, GPU_BO_CPU_ACCESS, &v), 0);
	assert_int_equal(gpu_bo_create(c, 4096, GPU_DOMAIN_GTT, GPU_BO_WC, &g), 0);
	assert_int_equal(gpu_bo_query(c, v, &info), 0);
	assert_int_equal(info.size, 12288);	/* rounded to pages */
	assert_int_equal(info.domain, GPU_DOMAIN_VRAM);
	assert_int_equal(gpu_bo_map(c, v, (void **)&pv), 0);
	assert_int_equal(gpu_bo_map(c, g, (void **)&pg), 0);
	assert_int_equal(pv[0], 0);	/* new memory is cleared */
	pv[100] = 0x11223344;
	pg[7] = 0x55667788;
	assert_int_equal(gpu_bo_unmap(c, v), 0);
	assert_int_equal(gpu_bo_unmap(c, g), 0);
	assert_int_equal(gpu_bo_unmap(c, g), -GPU_EINVAL);	/* not mapped */
	assert_int_equal(gpu_bo_free(c, v), 0);
	assert_int_equal(gpu_bo_free(c, g), 0);
	gpu_client_close(c);
	assert_clean();
}

static void
test_bo_create_bad_args(void **state)
{
	struct gpu_client *c = open_client();
	gpu_handle h = 99;

	assert_int_equal(gpu_bo_create(c, 0, GPU_DOMAIN_VRAM, 0, &h), -GPU_EINVAL);
	assert_int_equal(h, 0);
	assert_int_equal(gpu_bo_create(c, GPU_BO_MAX_SIZE + 1, GPU_DOMAIN_VRAM, 0, &h),
	    -GPU_EINVAL);
	assert_int_equal(gpu_bo_create(c, 4096, 0, 0, &h), -GPU_EINVAL);
	assert_int_equal(gpu_bo_create(c, 4096, GPU_DOMAIN_VRAM | GPU_DOMAIN_GTT, 0, &h),
	    -GPU_EINVAL);
	assert_int_equal(gpu_bo_create(c, 4096, GPU_DOMAIN_GTT, 0x80, &h), -GPU_EINVAL);
	gpu_client_close(c);
}

/* VRAM full is an error the caller can act on: retry in GTT. */
static void
test_vram_full_then_gtt(void **state)
{
	struct gpu_client *c = open_client();
	gpu_handle a, b, g;

	assert_int_equal(gpu_bo_create(c, 600ull << 20, GPU_DOMAIN_VRAM, 0, &a), 0);
	assert_int_equal(gpu_bo_create(c, 600ull << 20, GPU_DOMAIN_VRAM, 0, &b), -GPU_ENOMEM);
	assert_int_equal(gpu_bo_create(c, 600ull << 20, GPU_DOMAIN_GTT, 0, &g), 0);
	gpu_client_close(c);	/* frees both */
	assert_clean();
}

static void
test_handles_stale_foreign_double_free(void **state)
{
	struct gpu_client *a = open_client(), *b = open_client();
	gpu_handle h, h2;
	void *p;
	struct gpu_bo_info info;

	assert_int_equal(gpu_bo_create(a, 4096, GPU_DOMAIN_VRAM, 0, &h), 0);
	/* Another client's handle names nothing here. */
	assert_int_equal(gpu_bo_map(b, h, &p), -GPU_EBADF);
	assert_int_equal(gpu_bo_free(b, h), -GPU_EBADF);
	assert_int_equal(gpu_bo_free(a, h), 0);
	/* Stale: the slot is reused, the old handle still fails. */
	assert_int_equal(gpu_bo_create(a, 4096, GPU_DOMAIN_VRAM, 0, &h2), 0);
	assert_int_not_equal(h, h2);
	assert_int_equal(gpu_bo_query(a, h, &info), -GPU_EBADF);
	assert_int_equal(gpu_bo_free(a, h), -GPU_EBADF);	/* double free */
	assert_int_equal(gpu_bo_map(a, 0, &p), -GPU_EBADF);
	assert_int_equal(gpu_bo_map(a, 0xffffffffu, &p), -GPU_EBADF);
	gpu_client_close(a);
	gpu_client_close(b);
	assert_clean();
}

static void
test_export_import(void **state)
{
	struct gpu_client *a = open_client(), *b = open_client();
	gpu_handle ha, hb, bad;
	uint64_t tok, tok2;
	uint32_t *pa, *pb;

	assert_int_equal(gpu_bo_create(a, 8192, GPU_DOMAIN_GTT, 0, &ha), 0);
	assert_int_equal(gpu_bo_export(a, ha, &tok), 0);
	assert_int_equal(gpu_bo_export(a, ha, &tok2), 0);
	assert_true(tok == tok2);
	assert_int_equal(gpu_bo_import(b, tok, &hb), 0);
	assert_int_equal(gpu_bo_map(a, ha, (void **)&pa), 0);
	assert_int_equal(gpu_bo_map(b, hb, (void **)&pb), 0);
	pa[5] = 0xcafe;
	assert_int_equal(pb[5], 0xcafe);	/* the same pages */
	assert_int_equal(gpu_bo_import(b, tok + 1, &bad), -GPU_ENOENT);
	assert_int_equal(bad, 0);
	/* The importer keeps the BO alive after the exporter frees it... */
	assert_int_equal(gpu_bo_free(a, ha), 0);
	assert_int_equal(pb[5], 0xcafe);
	/* ...and the token dies with the last reference. */
	assert_int_equal(gpu_bo_free(b, hb), 0);
	assert_int_equal(gpu_bo_import(b, tok, &bad), -GPU_ENOENT);
	gpu_client_close(a);
	gpu_client_close(b);
	assert_clean();
}

static void
test_vm_map_bad_args(void **state)
{
	struct gpu_client *c = open_client(), *d = open_client();
	gpu_handle bo, other;
	const uint64_t va = 0x100000000ull;

	assert_int_equal(gpu_bo_create(c, 1 << 20, GPU_DOMAIN_VRAM, 0, &bo), 0);
	assert_int_equal(gpu_bo_create(d, 4096, GPU_DOMAIN_VRAM, 0, &other), 0);
	assert_int_equal(gpu_vm_map(c, bo, 0, va, 0, GPU_VM_READ), -GPU_EINVAL);
	assert_int_equal(gpu_vm_map(c, bo, 0, va + 1, 4096, GPU_VM_READ), -GPU_EINVAL);
	assert_int_equal(gpu_vm_map(c, bo, 0, va, 100, GPU_VM_READ), -GPU_EINVAL);
	assert_int_equal(gpu_vm_map(c, bo, 12, va, 4096, GPU_VM_READ), -GPU_EINVAL);
	assert_int_equal(gpu_vm_map(c, bo, 0, va, 4096, 0), -GPU_EINVAL);
	assert_int_equal(gpu_vm_map(c, bo, 0, va, 4096, 0x10), -GPU_EINVAL);
	assert_int_equal(gpu_vm_map(c, bo, 0, va, 2 << 20, GPU_VM_READ), -GPU_EINVAL);
	assert_int_equal(gpu_vm_map(c, bo, 1 << 20, va, 4096, GPU_VM_READ), -GPU_EINVAL);
	assert_int_equal(gpu_vm_map(c, bo, 0, 0, 4096, GPU_VM_READ), -GPU_ERANGE);
	assert_int_equal(gpu_vm_map(c, bo, 0, GPU_VA_END, 4096, GPU_VM_READ), -GPU_ERANGE);
	assert_int_equal(gpu_vm_map(c, bo, 0, ~0ull << 12, 1 << 20, GPU_VM_READ), -GPU_ERANGE);
	assert_int_equal(gpu_vm_map(c, other, 0, va, 4096, GPU_VM_READ), -GPU_EBADF);
	assert_int_equal(gpu_vm_map(c, bo, 0, va, 1 << 20, GPU_VM_READ), 0);
	/* Overlaps at the start, in the middle and at the end. */
	assert_int_equal(gpu_vm_map(c, bo, 0, va - 4096, 8192, GPU_VM_READ), -GPU_EEXIST);
	assert_int_equal(gpu_vm_map(c, bo, 0, va + 8192, 4096, GPU_VM_READ), -GPU_EEXIST);
	assert_int_equal(gpu_vm_map(c, bo, 0, va + (1 << 20) - 4096, 8192, GPU_VM_READ),
	    -GPU_EEXIST);
	/* Unmap only what was mapped, exactly. */
	assert_int_equal(gpu_vm_unmap(c, va, 4096), -GPU_ENOENT);
	assert_int_equal(gpu_vm_unmap(c, va + 4096, 1 << 20), -GPU_ENOENT);
	assert_int_equal(gpu_vm_unmap(c, va, 1 << 20), 0);
	assert_int_equal(gpu_vm_unmap(c, va, 1 << 20), -GPU_ENOENT);
	gpu_client_close(c);
	gpu_client_close(d);
	assert_clean();
}

/* What the model's page walk finds at va of a client's VMID. */
static void *
gpu_sees(struct gpu_client *c, uint64_t va, enum gmc_access acc)
{
	uint64_t n;

	return gmc_xlate(fx.model, c->vm.vmid, va, 4, acc, NAVI23_ENG_SDMA0, &n);
}

/* The fault reached the driver by interrupt and is recorded for c. */
static void
expect_fault(struct gpu_client *c, uint32_t n, uint64_t addr, bool write)
{
	struct gpu_vm_fault f = { 0 };

	for (int i = 0; i < 2000 && f.count < n; i++) {
		(void)gpu_vm_fault_query(c, &f);
		usleep(1000);
	}
	assert_int_equal(f.count, n);
	assert_int_equal(f.vmid, c->vm.vmid);
	assert_int_equal(f.addr, addr);
	assert_int_equal(f.write, write);
	assert_string_equal(f.engine, "SDMA0");
}

/* The page tables put each page of both domains where the BO is, with
 * 64 KiB and 2 MiB fragments when alignment allows. */
static void
test_vm_map_walks_to_bo(void **state)
{
	struct gpu_client *c = open_client();
	gpu_handle v, g;
	uint8_t *pv, *pg;
	const uint64_t va = 0x40000000ull, vg = 0x80000000ull;

	assert_int_equal(gpu_bo_create(c, 4 << 20, GPU_DOMAIN_VRAM, 0, &v), 0);
	assert_int_equal(gpu_bo_create(c, 64 << 10, GPU_DOMAIN_GTT, 0, &g), 0);
	assert_int_equal(gpu_bo_map(c, v, (void **)&pv), 0);
	assert_int_equal(gpu_bo_map(c, g, (void **)&pg), 0);
	assert_int_equal(gpu_vm_map(c, v, 0, va, 4 << 20, GPU_VM_READ | GPU_VM_WRITE), 0);
	assert_int_equal(gpu_vm_map(c, g, 0, vg, 64 << 10, GPU_VM_READ), 0);
	for (uint64_t off = 0; off < (4 << 20); off += 0x3000)
		assert_ptr_equal(gpu_sees(c, va + off + 8, GMC_READ), pv + off + 8);
	assert_ptr_equal(gpu_sees(c, vg + 0x5004, GMC_READ), pg + 0x5004);
	/* VRAM BOs are 64 KiB aligned; at a 2 MiB aligned VA whose VRAM
	 * offset is 2 MiB aligned the fragment is 9, else at least 4. */
	assert_true(((vm_lookup_pte(c, va) & PTE_FRAG_MASK) >> PTE_FRAG_SHIFT) >= 4);
	assert_true((vm_lookup_pte(c, vg) & PTE_SYSTEM) != 0);
	/* Permissions: the GTT mapping is read-only. */
	assert_null(gpu_sees(c, vg, GMC_WRITE));
	expect_fault(c, 1, vg, true);
	/* Not mapped at all. */
	assert_null(gpu_sees(c, va + (4 << 20), GMC_READ));
	expect_fault(c, 2, va + (4 << 20), false);
	assert_int_equal(gpu_vm_unmap(c, va, 4 << 20), 0);
	assert_null(gpu_sees(c, va, GMC_READ));
	expect_fault(c, 3, va, false);
	gpu_client_close(c);
	assert_clean();
}

/* Freeing a mapped BO is safe: the mapping keeps the memory. */
static void
test_free_while_mapped(void **state)
{
	struct gpu_client *c = open_client();
	gpu_handle v;
	uint8_t *p;
	const uint64_t va = 0x10000000ull;

	assert_int_equal(gpu_bo_create(c, 64 << 10, GPU_DOMAIN_GTT, 0, &v), 0);
	assert_int_equal(gpu_bo_map(c, v, (void **)&p), 0);
	assert_int_equal(gpu_vm_map(c, v, 0, va, 64 << 10, GPU_VM_READ), 0);
	assert_int_equal(gpu_bo_free(c, v), 0);
	assert_ptr_equal(gpu_sees(c, va, GMC_READ), p);
	assert_int_equal(gpu_vm_unmap(c, va, 64 << 10), 0);
	gpu_client_close(c);
	assert_clean();
}

static void
test_sem_basics(void **state)
{
	struct gpu_client *c = open_client(), *d = open_client();
	gpu_handle s, s2;
	uint64_t v, tok;
	struct gpu_sem_point p;

	assert_int_equal(gpu_sem_create(c, 5, &s), 0);
	assert_int_equal(gpu_sem_query(c, s, &v), 0);
	assert_int_equal(v, 5);
	assert_int_equal(gpu_sem_signal(c, s, 5), -GPU_EINVAL);	/* not forward */
	assert_int_equal(gpu_sem_signal(c, s, 9), 0);
	p.sem = s;
	p.value = 9;
	assert_int_equal(gpu_sem_wait(c, &p, 1, true, 0), 0);
	p.value = 10;
	assert_int_equal(gpu_sem_wait(c, &p, 1, true, 0), -GPU_ETIME);	/* poll */
	assert_int_equal(gpu_sem_wait(c, &p, 1, true, 1000000), -GPU_ETIME);
	assert_int_equal(gpu_sem_wait(c, &p, 0, true, 0), -GPU_EINVAL);
	assert_int_equal(gpu_sem_query(d, s, &v), -GPU_EBADF);	/* foreign */
	assert_int_equal(gpu_sem_export(c, s, &tok), 0);
	assert_int_equal(gpu_sem_import(d, tok, &s2), 0);
	assert_int_equal(gpu_sem_signal(d, s2, 12), 0);
	assert_int_equal(gpu_sem_query(c, s, &v), 0);
	assert_int_equal(v, 12);
	assert_int_equal(gpu_sem_destroy(c, s), 0);
	assert_int_equal(gpu_sem_destroy(c, s), -GPU_EBADF);
	assert_int_equal(gpu_sem_import(d, tok, &s2), -GPU_ENOENT);
	gpu_client_close(c);
	gpu_client_close(d);
}

struct waiter_arg {
	struct gpu_client *c;
	struct gpu_sem_point pts[2];
	bool all;
	int rc;
};

static void *
waiter_main(void *p)
{
	struct waiter_arg *w = p;

	w->rc = gpu_sem_wait(w->c, w->pts, 2, w->all, 5000000000ull);
	return NULL;
}

/* A host wait for any/all of two points is woken by signals from another
 * thread; destroying a waited-on semaphore fails the wait. */
static void
test_sem_wait_any_all_destroy(void **state)
{
	struct gpu_client *c = open_client();
	struct waiter_arg w = { .c = c };
	gpu_handle a, b;
	pthread_t t;

	assert_int_equal(gpu_sem_create(c, 0, &a), 0);
	assert_int_equal(gpu_sem_create(c, 0, &b), 0);
	w.pts[0].sem = a;
	w.pts[0].value = 1;
	w.pts[1].sem = b;
	w.pts[1].value = 1;
	w.all = false;
	pthread_create(&t, NULL, waiter_main, &w);
	assert_int_equal(gpu_sem_signal(c, b, 1), 0);
	pthread_join(t, NULL);
	assert_int_equal(w.rc, 0);

	w.pts[0].value = 2;
	w.pts[1].value = 2;
	w.all = true;
	pthread_create(&t, NULL, waiter_main, &w);
	assert_int_equal(gpu_sem_signal(c, a, 2), 0);
	assert_int_equal(gpu_sem_signal(c, b, 2), 0);
	pthread_join(t, NULL);
	assert_int_equal(w.rc, 0);

	w.pts[0].value = 3;
	pthread_create(&t, NULL, waiter_main, &w);
	assert_int_equal(gpu_sem_destroy(c, a), 0);
	pthread_join(t, NULL);
	assert_true(w.rc == -GPU_ENOENT || w.rc == -GPU_EBADF);
	gpu_client_close(c);
}

static void
test_queue_bad_args(void **state)
{
	struct gpu_client *c = open_client(), *d = open_client();
	gpu_handle q, bo;
	uint64_t fence;
	struct gpu_cmdbuf cb = { 0x100000, 4 };
	struct gpu_submit s = { &cb, 1, NULL, 0, NULL, 0 };

	assert_int_equal(gpu_queue_create(c, (enum gpu_queue_type)7, &q), -GPU_EINVAL);
	assert_int_equal(gpu_queue_create(c, GPU_QUEUE_DMA, &q), 0);
	assert_int_equal(gpu_bo_create(c, 4096, GPU_DOMAIN_GTT, 0, &bo), 0);
	assert_int_equal(gpu_queue_submit(d, q, &s, &fence), -GPU_EBADF);
	assert_int_equal(gpu_queue_submit(c, bo, &s, &fence), -GPU_EBADF);
	assert_int_equal(gpu_queue_submit(c, q, &s, &fence), -GPU_ERANGE);	/* below VA start */
	cb.va = 0x200004;	/* DMA needs 32-byte alignment */
	assert_int_equal(gpu_queue_submit(c, q, &s, &fence), -GPU_EINVAL);
	cb.va = 0x200000;
	cb.ndw = 0;
	assert_int_equal(gpu_queue_submit(c, q, &s, &fence), -GPU_EINVAL);
	s.ncmds = 0;
	assert_int_equal(gpu_queue_submit(c, q, &s, &fence), -GPU_EINVAL);
	assert_int_equal(gpu_fence_wait(c, q, 1, 0), -GPU_EINVAL);	/* never issued */
	assert_int_equal(gpu_queue_destroy(c, q), 0);
	assert_int_equal(gpu_queue_destroy(c, q), -GPU_EBADF);
	gpu_client_close(c);
	gpu_client_close(d);
	assert_clean();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_client_needs_a_device),
		cmocka_unit_test(test_bo_create_map_query),
		cmocka_unit_test(test_bo_create_bad_args),
		cmocka_unit_test(test_vram_full_then_gtt),
		cmocka_unit_test(test_handles_stale_foreign_double_free),
		cmocka_unit_test(test_export_import),
		cmocka_unit_test(test_vm_map_bad_args),
		cmocka_unit_test(test_vm_map_walks_to_bo),
		cmocka_unit_test(test_free_while_mapped),
		cmocka_unit_test(test_sem_basics),
		cmocka_unit_test(test_sem_wait_any_all_destroy),
		cmocka_unit_test(test_queue_bad_args),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}

/*
 * CP and SDMA, driver against model: bring-up creates every ring and both
 * its tests pass; a dropped write fails the gfx ring test with an error
 * naming the ring, leaking nothing, and a second device still comes up; a
 * hung SDMA engine times the IB test out.  Then packets run on the rings
 * the driver made: SDMA copy, fill, register write and timestamp; PM4
 * WRITE_DATA, COPY_DATA, DMA_DATA, WAIT_REG_MEM, LOAD_SH_REG_INDEX from an
 * IB; the EOP interrupt and its ring_id; the bad-opcode interrupt and hung
 * queue; an unknown SDMA packet halting its engine.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "amd/gc_10_3_reg.h"
#include "amd/ih_v5.h"
#include "amd/pm4.h"
#include "amd/sdma_v5_2_pkt.h"
#include "gpu/amdgpu.h"
#include "host/host.h"
#include "model/model.h"

#define WAIT_NS		(2000ull * 1000 * 1000)
#define SHORT_NS	(100ull * 1000 * 1000)
#define COPY_BYTES	(8u << 20)

/* Two devices at most per test; teardown destroys what a failed test left. */
struct fix {
	struct os_dev *os;
	struct gpu_device *dev;
	struct navi23 *m;
	struct fix *second;
};

static struct fix *
fix_create(void)
{
	struct fix *f = calloc(1, sizeof(*f));
	struct host_opts o;

	assert_non_null(f);
	host_default_opts(&o);
	o.model.quiet = true;
	o.log_level = OS_LOG_ERR;
	f->os = host_dev_create(&o);
	assert_non_null(f->os);
	f->dev = gpu_create(f->os);
	assert_non_null(f->dev);
	f->m = host_dev_model(f->os);
	return f;
}

static void
fix_init(struct fix *f)
{
	if (gpu_init(f->dev) != 0)
		fail_msg("gpu_init: %s", gpu_last_error(f->dev));
}

static void
fix_destroy(struct fix *f)
{
	if (f == NULL)
		return;
	fix_destroy(f->second);
	gpu_destroy(f->dev);
	host_dev_destroy(f->os);
	free(f);
}

static int
setup(void **state)
{
	*state = fix_create();
	return 0;
}

static int
teardown(void **state)
{
	fix_destroy(*state);
	return 0;
}

static void
assert_contains(const char *s, const char *what)
{
	if (strstr(s, what) == NULL)
		fail_msg("\"%s\" does not mention \"%s\"", s, what);
}

static struct gpu_ring *
find_ring(struct gpu_device *dev, const char *name)
{
	for (unsigned i = 0; i < dev->nrings; i++)
		if (strcmp(dev->rings[i]->name, name) == 0)
			return dev->rings[i];
	fail_msg("no ring %s", name);
	return NULL;
}

/* Put packets on a ring with an interrupting fence and wait for it. */
static int
submit(struct gpu_ring *r, const uint32_t *pkt, unsigned n, uint64_t timeout_ns)
{
	uint32_t seq;

	assert_int_equal(ring_alloc(r, n + r->funcs->fence_dw + 16), 0);
	for (unsigned i = 0; i < n; i++)
		ring_write(r, pkt[i]);
	seq = ring_emit_fence(r);
	ring_commit(r);
	return ring_fence_wait(r, seq, timeout_ns);
}

/* An interrupt source the test listens to, beside the driver. */
struct irq_seen {
	atomic_uint count;
	atomic_uint ring_id, data0;
};

static void
irq_record(struct gpu_device *dev, const uint32_t iv[8], void *arg)
{
	struct irq_seen *s = arg;

	atomic_store(&s->ring_id, F_GET(iv[0], IV_RING_ID));
	atomic_store(&s->data0, iv[4]);
	atomic_fetch_add(&s->count, 1);
}

static void
wait_irq(struct irq_seen *s, unsigned count)
{
	for (int i = 0; i < 2000 && atomic_load(&s->count) < count; i++)
		os_delay_us(1000);
	assert_true(atomic_load(&s->count) >= count);
}

/* --- bring-up ---------------------------------------------------------------- */

static void
bringup_all_rings_pass(void **state)
{
	static const char *const names[] = {
		"gfx_0.0.0", "comp_1.0.0", "comp_1.1.0", "sdma0", "sdma1",
	};
	struct fix *f = *state;

	fix_init(f);
	assert_int_equal(f->dev->nrings, 5);
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		struct gpu_ring *r = find_ring(f->dev, names[i]);

		assert_true(r->ready);
		assert_int_equal(r->test.ring_test, 0);
		assert_int_equal(r->test.ib_test, 0);
	}
	/* RX 6600: 2 SE x 2 SA x 4 WGP with one WGP off in two SAs. */
	assert_int_equal(f->dev->gfx_active_cus, 28);
}

/* The gfx engine drops its first packet write: the ring test's
 * SET_UCONFIG_REG of SCRATCH_REG0. */
static void
dropped_write_fails_ring_test(void **state)
{
	struct fix *f = *state;

	navi23_inject(f->m, NAVI23_ENG_GFX, NAVI23_FAULT_DROP_WRITE, 1);
	assert_int_not_equal(gpu_init(f->dev), 0);
	assert_contains(gpu_last_error(f->dev), "gfx_0.0.0");
	assert_contains(gpu_last_error(f->dev), "SCRATCH_REG0");
	assert_contains(gpu_last_error(f->dev), "0xcafedead");
	assert_int_equal(f->dev->nrings, 0);
	assert_int_equal(host_dma_in_use(f->os), 0);
	f->second = fix_create();
	fix_init(f->second);
	assert_true(find_ring(f->second->dev, "sdma1")->ready);
}

static void
hung_sdma_times_out_ib_test(void **state)
{
	struct gpu_ring *r;
	struct fix *f = *state;

	fix_init(f);
	r = find_ring(f->dev, "sdma0");
	navi23_inject(f->m, NAVI23_ENG_SDMA0, NAVI23_FAULT_HANG, 1);
	assert_int_equal(r->funcs->test_ib(r), -GPU_ETIME);
	assert_contains(gpu_last_error(f->dev), "sdma0");
	assert_contains(gpu_last_error(f->dev), "IB test timed out");
}

/* --- SDMA packets ---------------------------------------------------------- */

/* 8 MiB from GTT (4 KiB GART pages) to VRAM in one COPY_LINEAR. */
static void
sdma_copy_linear_8mib(void **state)
{
	struct kbo src = { 0 }, dst = { 0 };
	uint32_t x = 12345, pkt[SDMA_COPY_NDW];
	struct fix *f = *state;

	fix_init(f);
	assert_int_equal(kbo_alloc(f->dev, COPY_BYTES, 4096, KBO_GTT, &src), 0);
	assert_int_equal(kbo_alloc(f->dev, COPY_BYTES, 4096, KBO_VRAM, &dst), 0);
	for (uint32_t i = 0; i < COPY_BYTES / 4; i++) {
		x = x * 1103515245u + 12345u;
		((uint32_t *)src.cpu)[i] = x;
	}
	memset(dst.cpu, 0, COPY_BYTES);
	pkt[0] = SDMA_HDR(SDMA_OP_COPY, SDMA_SUBOP_COPY_LINEAR);
	pkt[1] = F_PREP(SDMA_COPY_COUNT, COPY_BYTES - 1);
	pkt[2] = 0;
	pkt[3] = (uint32_t)src.gpu;
	pkt[4] = (uint32_t)(src.gpu >> 32);
	pkt[5] = (uint32_t)dst.gpu;
	pkt[6] = (uint32_t)(dst.gpu >> 32);
	assert_int_equal(submit(find_ring(f->dev, "sdma1"), pkt, SDMA_COPY_NDW, WAIT_NS), 0);
	assert_memory_equal(src.cpu, dst.cpu, COPY_BYTES);
	kbo_free(f->dev, &src);
	kbo_free(f->dev, &dst);
}

/* CONSTANT_FILL of an odd byte count stops exactly at its end. */
static void
sdma_constant_fill(void **state)
{
	const uint32_t n = (1u << 20) + 6;
	struct kbo bo = { 0 };
	uint32_t pkt[SDMA_FILL_NDW];
	uint8_t *p;
	struct fix *f = *state;

	fix_init(f);
	assert_int_equal(kbo_alloc(f->dev, 2u << 20, 4096, KBO_GTT, &bo), 0);
	p = bo.cpu;
	memset(p, 0x11, 2u << 20);
	pkt[0] = SDMA_HDR(SDMA_OP_CONST_FILL, 0) | F_PREP(SDMA_FILL_HDR_FILLSIZE, 2);
	pkt[1] = (uint32_t)bo.gpu;
	pkt[2] = (uint32_t)(bo.gpu >> 32);
	pkt[3] = 0xa1b2c3d4u;
	pkt[4] = F_PREP(SDMA_FILL_COUNT, n - 1);
	assert_int_equal(submit(find_ring(f->dev, "sdma0"), pkt, SDMA_FILL_NDW, WAIT_NS), 0);
	for (uint32_t i = 0; i < n; i += 4)
		assert_int_equal(((uint32_t *)p)[i / 4] & (i + 4 <= n ? ~0u : 0xffffu),
		    0xa1b2c3d4u & (i + 4 <= n ? ~0u : 0xffffu));
	assert_int_equal(p[n], 0x11);
	kbo_free(f->dev, &bo);
}

/* SRBM_WRITE reaches a register; TIMESTAMP GET_GLOBAL writes a clock. */
static void
sdma_srbm_write_and_timestamp(void **state)
{
	struct wb_slot ts = { 0 };
	uint32_t pkt[SDMA_SRBM_NDW + SDMA_TIMESTAMP_NDW];
	struct fix *f = *state;

	fix_init(f);
	assert_int_equal(wb_get(f->dev, &ts), 0);
	wreg(f->dev, SCRATCH_REG1, 0);
	pkt[0] = SDMA_HDR(SDMA_OP_SRBM_WRITE, 0) | F_PREP(SDMA_SRBM_HDR_BYTE_EN, 0xf);
	pkt[1] = F_PREP(SDMA_SRBM_ADDR, reg_abs(f->dev, SCRATCH_REG1));
	pkt[2] = 0x5eed5eedu;
	pkt[3] = SDMA_HDR(SDMA_OP_TIMESTAMP, SDMA_SUBOP_TIMESTAMP_GET_GLOBAL);
	pkt[4] = (uint32_t)ts.gpu;
	pkt[5] = (uint32_t)(ts.gpu >> 32);
	assert_int_equal(submit(find_ring(f->dev, "sdma0"), pkt, 6, WAIT_NS), 0);
	assert_int_equal(rreg(f->dev, SCRATCH_REG1), 0x5eed5eedu);
	assert_true(ts.cpu[0] != 0 || ts.cpu[1] != 0);
	wb_put(f->dev, &ts);
}

/* An unknown SDMA opcode halts the engine: later work never completes. */
static void
sdma_unknown_opcode_halts(void **state)
{
	uint32_t pkt[2] = { SDMA_HDR(0x3f, 0), 0 };
	struct fix *f = *state;

	fix_init(f);
	assert_int_equal(submit(find_ring(f->dev, "sdma1"), pkt, 2, SHORT_NS), -GPU_ETIME);
	/* The other engine is unaffected. */
	assert_int_equal(submit(find_ring(f->dev, "sdma0"), NULL, 0, WAIT_NS), 0);
}

/* --- PM4 packets ----------------------------------------------------------- */

/* An IB with WRITE_DATA (one address), COPY_DATA, DMA_DATA and a
 * WAIT_REG_MEM that is already satisfied, on the gfx ring. */
static void
pm4_ib_packets(void **state)
{
	struct kbo ib = { 0 }, mem = { 0 };
	uint32_t *p, *d, n = 0, call[4];
	uint64_t a;
	struct fix *f = *state;
	struct gpu_ring *r;

	fix_init(f);
	r = find_ring(f->dev, "gfx_0.0.0");
	assert_int_equal(kbo_alloc(f->dev, 4096, 4096, KBO_GTT, &ib), 0);
	assert_int_equal(kbo_alloc(f->dev, 8192, 4096, KBO_GTT, &mem), 0);
	p = ib.cpu;
	d = mem.cpu;
	a = mem.gpu;
	d[0] = 7;
	p[n++] = PM4_TYPE3_HDR(PKT3_WRITE_DATA, 6);	/* three values, one address */
	p[n++] = F_PREP(WRITE_DATA_DST_SEL, WRITE_DATA_DST_MEM) |
	    F_PREP(WRITE_DATA_WR_ONE_ADDR, 1);
	p[n++] = (uint32_t)(a + 4);
	p[n++] = (uint32_t)((a + 4) >> 32);
	p[n++] = 1, p[n++] = 2, p[n++] = 3;
	p[n++] = PM4_TYPE3_HDR(PKT3_COPY_DATA, COPY_DATA_NDW - 1);
	p[n++] = F_PREP(COPY_DATA_SRC_SEL, COPY_SEL_IMM) |
	    F_PREP(COPY_DATA_DST_SEL, COPY_SEL_DST_MEM) | F_PREP(COPY_DATA_COUNT_SEL, 1);
	p[n++] = 0x89abcdefu, p[n++] = 0x01234567u;
	p[n++] = (uint32_t)(a + 8), p[n++] = (uint32_t)((a + 8) >> 32);
	p[n++] = PM4_TYPE3_HDR(PKT3_DMA_DATA, DMA_DATA_NDW - 1);
	p[n++] = F_PREP(DMA_DATA_SRC_SEL, DMA_SRC_SEL_DATA) | F_PREP(DMA_DATA_DST_SEL, DMA_SEL_L2);
	p[n++] = 0x0badf00du, p[n++] = 0;
	p[n++] = (uint32_t)(a + 4096), p[n++] = (uint32_t)((a + 4096) >> 32);
	p[n++] = F_PREP(DMA_DATA_BYTE_COUNT, 4096);
	p[n++] = PM4_TYPE3_HDR(PKT3_WAIT_REG_MEM, WAIT_REG_MEM_NDW - 1);
	p[n++] = F_PREP(WAIT_REG_MEM_FUNCTION, WAIT_FUNC_EQ) | F_PREP(WAIT_REG_MEM_MEM_SPACE, 1);
	p[n++] = (uint32_t)a, p[n++] = (uint32_t)(a >> 32);
	p[n++] = 7, p[n++] = 0xffffffffu, p[n++] = 4;
	call[0] = PM4_TYPE3_HDR(PKT3_INDIRECT_BUFFER, 3);
	call[1] = (uint32_t)ib.gpu & IB_BASE_LO_MASK;
	call[2] = F_PREP(IB_BASE_HI, ib.gpu >> 32);
	call[3] = F_PREP(IB_CNTL_SIZE, n) | F_PREP(IB_CNTL_VALID, 1);
	assert_int_equal(submit(r, call, 4, WAIT_NS), 0);
	assert_int_equal(d[1], 3);
	assert_int_equal(d[2], 0x89abcdefu);
	assert_int_equal(d[3], 0x01234567u);
	for (unsigned i = 0; i < 1024; i++)
		assert_int_equal(d[1024 + i], 0x0badf00du);
	kbo_free(f->dev, &ib);
	kbo_free(f->dev, &mem);
}

/*
 * LOAD_SH_REG_INDEX (RADV's indirect-dispatch grid size) fills three SH
 * registers from memory; COPY_DATA reads them back into memory.
 */
static void
load_sh_reg_index_fills_user_data(void **state)
{
	struct kbo ib = { 0 }, mem = { 0 };
	uint32_t *p, *d, n = 0, call[4];
	struct fix *f = *state;
	struct gpu_ring *r;

	uint32_t reg0;

	fix_init(f);
	reg0 = model_abs(f->m, COMPUTE_USER_DATA_4);
	r = find_ring(f->dev, "comp_1.0.0");
	assert_int_equal(kbo_alloc(f->dev, 4096, 4096, KBO_GTT, &ib), 0);
	assert_int_equal(kbo_alloc(f->dev, 4096, 4096, KBO_GTT, &mem), 0);
	p = ib.cpu;
	d = mem.cpu;
	d[0] = 0x11111111u, d[1] = 0x22222222u, d[2] = 0x33333333u;
	p[n++] = PM4_TYPE3_HDR(PKT3_LOAD_SH_REG_INDEX, LOAD_SH_REG_INDEX_NDW - 1);
	p[n++] = (uint32_t)mem.gpu & LOAD_SH_REG_INDEX_ADDR_LO_MASK;
	p[n++] = (uint32_t)(mem.gpu >> 32);
	p[n++] = F_PREP(LOAD_SH_REG_INDEX_REG_OFFSET, reg0 - PM4_SH_REG_START);
	p[n++] = F_PREP(LOAD_SH_REG_INDEX_NUM_DWORDS, 3);
	for (unsigned i = 0; i < 3; i++) {
		uint64_t a = mem.gpu + 64 + 4 * i;

		p[n++] = PM4_TYPE3_HDR(PKT3_COPY_DATA, COPY_DATA_NDW - 1);
		p[n++] = F_PREP(COPY_DATA_SRC_SEL, COPY_SEL_REG) |
		    F_PREP(COPY_DATA_DST_SEL, COPY_SEL_DST_MEM);
		p[n++] = reg0 + i, p[n++] = 0;
		p[n++] = (uint32_t)a, p[n++] = (uint32_t)(a >> 32);
	}
	call[0] = PM4_TYPE3_HDR(PKT3_INDIRECT_BUFFER, 3);
	call[1] = (uint32_t)ib.gpu & IB_BASE_LO_MASK;
	call[2] = F_PREP(IB_BASE_HI, ib.gpu >> 32);
	call[3] = F_PREP(IB_CNTL_SIZE, n) | F_PREP(IB_CNTL_VALID, 1);
	assert_int_equal(submit(r, call, 4, WAIT_NS), 0);
	for (unsigned i = 0; i < 3; i++)
		assert_int_equal(d[16 + i], d[i]);
	kbo_free(f->dev, &ib);
	kbo_free(f->dev, &mem);
}

/* RELEASE_MEM with INT_SEL raises the EOP interrupt naming the queue. */
static void
release_mem_interrupt_arrives(void **state)
{
	struct irq_seen seen = { 0 };
	struct gpu_ring *r;
	struct fix *f = *state;

	fix_init(f);
	r = find_ring(f->dev, "comp_1.1.0");
	assert_int_equal(irq_add(f->dev, IH_CLIENTID_GRBM_CP, IH_SRC_CP_EOP,
	    irq_record, &seen), 0);
	assert_int_equal(submit(r, NULL, 0, WAIT_NS), 0);
	wait_irq(&seen, 1);
	assert_int_equal(F_GET(seen.ring_id, IV_CP_RING_ME), 1);
	assert_int_equal(F_GET(seen.ring_id, IV_CP_RING_PIPE), 1);
	assert_int_equal(F_GET(seen.ring_id, IV_CP_RING_QUEUE), 0);
}

/* An unknown opcode raises the bad-opcode interrupt and hangs the queue;
 * the other queues go on. */
static void
unknown_opcode_raises_bad_opcode(void **state)
{
	uint32_t bad[2] = { PM4_TYPE3_HDR(0xee, 1), 0 };
	struct irq_seen seen = { 0 };
	struct fix *f = *state;

	fix_init(f);
	assert_int_equal(irq_add(f->dev, IH_CLIENTID_GRBM_CP, IH_SRC_CP_BAD_OPCODE,
	    irq_record, &seen), 0);
	assert_int_equal(submit(find_ring(f->dev, "comp_1.0.0"), bad, 2, SHORT_NS),
	    -GPU_ETIME);
	wait_irq(&seen, 1);
	assert_int_equal(F_GET(seen.ring_id, IV_CP_RING_ME), 1);
	assert_int_equal(F_GET(seen.ring_id, IV_CP_RING_PIPE), 0);
	assert_int_equal(seen.data0, bad[0]);
	assert_int_equal(submit(find_ring(f->dev, "comp_1.1.0"), NULL, 0, WAIT_NS), 0);
	assert_int_equal(submit(find_ring(f->dev, "gfx_0.0.0"), NULL, 0, WAIT_NS), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(bringup_all_rings_pass, setup, teardown),
		cmocka_unit_test_setup_teardown(dropped_write_fails_ring_test, setup, teardown),
		cmocka_unit_test_setup_teardown(hung_sdma_times_out_ib_test, setup, teardown),
		cmocka_unit_test_setup_teardown(sdma_copy_linear_8mib, setup, teardown),
		cmocka_unit_test_setup_teardown(sdma_constant_fill, setup, teardown),
		cmocka_unit_test_setup_teardown(sdma_srbm_write_and_timestamp, setup, teardown),
		cmocka_unit_test_setup_teardown(sdma_unknown_opcode_halts, setup, teardown),
		cmocka_unit_test_setup_teardown(pm4_ib_packets, setup, teardown),
		cmocka_unit_test_setup_teardown(load_sh_reg_index_fills_user_data, setup, teardown),
		cmocka_unit_test_setup_teardown(release_mem_interrupt_arrives, setup, teardown),
		cmocka_unit_test_setup_teardown(unknown_opcode_raises_bad_opcode, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Our register offsets and fields against an independent source: Mesa's
 * register database (src/amd/registers/gfx103.json) and PM4 opcodes against
 * Mesa's sid.h.  Absolute addresses come the way the driver computes them:
 * segment bases from the model's IP discovery table, read by the driver's
 * discovery code, plus our offsets.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "amd/gc_10_3_reg.h"
#include "amd/pm4.h"
#include "amd/mp_11_0_reg.h"
#include "amd/nbio_2_3_reg.h"
#include "gpu/amdgpu.h"
#include "host/host.h"
#include "mesa_ref.h"

struct fixture {
	struct os_dev *os;
	struct gpu_device *dev;
	char *json;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct host_opts o;

	host_default_opts(&o);
	o.model.quiet = true;
	o.log_level = OS_LOG_ERR;
	f->os = host_dev_create(&o);
	f->dev = gpu_create(f->os);
	f->json = mesa_ref_load("gfx103.json");
	if (f->os == NULL || f->dev == NULL || f->json == NULL ||
	    discovery_init(f->dev) != 0)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	free(f->json);
	gpu_destroy(f->dev);
	host_dev_destroy(f->os);
	free(f);
	return 0;
}

/* Every GC register of ours that Mesa also lists sits at Mesa's address. */
static void
test_gc_offsets(void **state)
{
	struct fixture *f = *state;
	unsigned checked = 0, mismatched = 0;

#define CHECK(name, seg, off) do {					\
	uint32_t addr;							\
	if (mesa_reg_addr(f->json, #name, &addr)) {			\
		uint32_t ours = reg_abs(f->dev, name) * 4;		\
		checked++;						\
		if (ours != addr) {					\
			mismatched++;					\
			print_error("%s: ours 0x%x, Mesa 0x%x\n", #name, ours, addr); \
		}							\
	}								\
} while (0);
	GC_REG_LIST(CHECK)
#undef CHECK
	print_message("%u GC registers cross-checked against gfx103.json\n", checked);
	assert_int_equal(mismatched, 0);
	/* The check must not pass vacuously. */
	assert_true(checked >= 20);
}

/* Field layouts we define under a register's name agree with Mesa's. */
static void
test_gc_fields(void **state)
{
	struct fixture *f = *state;
	static const struct {
		const char *reg, *field;
		uint32_t ours;
	} fields[] = {
		{ "GB_ADDR_CONFIG", "NUM_PIPES", GB_ADDR_CONFIG_NUM_PIPES },
		{ "GB_ADDR_CONFIG", "PIPE_INTERLEAVE_SIZE", GB_ADDR_CONFIG_PIPE_INTERLEAVE_SIZE },
		{ "GB_ADDR_CONFIG", "MAX_COMPRESSED_FRAGS", GB_ADDR_CONFIG_MAX_COMPRESSED_FRAGS },
		{ "GB_ADDR_CONFIG", "NUM_PKRS", GB_ADDR_CONFIG_NUM_PKRS },
		{ "GB_ADDR_CONFIG", "NUM_SHADER_ENGINES", GB_ADDR_CONFIG_NUM_SHADER_ENGINES },
		{ "GB_ADDR_CONFIG", "NUM_RB_PER_SE", GB_ADDR_CONFIG_NUM_RB_PER_SE },
	};

	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		unsigned lo, hi;

		assert_true(mesa_field_bits(f->json, fields[i].reg, fields[i].field,
		    &lo, &hi));
		assert_int_equal(F_SHIFT(fields[i].ours), lo);
		assert_int_equal(F_SHIFT(fields[i].ours) + F_WIDTH(fields[i].ours) - 1, hi);
	}
}

/* The absolute indices discovery uses before it knows any base agree
 * with base + offset once it does. */
static void
test_pre_discovery_constants(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(reg_abs(f->dev, RCC_DEV0_EPF0_RCC_CONFIG_MEMSIZE),
	    ABS_RCC_CONFIG_MEMSIZE);
	assert_int_equal(reg_abs(f->dev, MP0_SMN_C2PMSG_33), ABS_MP0_SMN_C2PMSG_33);
}

/* Every PM4 opcode of ours is sid.h's PKT3_<name>. */
static void
test_pm4_opcodes(void **state)
{
	char *sid = mesa_ref_load("sid.h");
	unsigned checked = 0;

	assert_non_null(sid);
#define CHECK(name, val) do {						\
	uint32_t v;							\
	if (!mesa_define(sid, "PKT3_" #name, &v))			\
		fail_msg("sid.h has no PKT3_%s", #name);		\
	assert_int_equal(v, PKT3_##name);				\
	checked++;							\
} while (0);
	PKT3_OPCODE_LIST(CHECK)
#undef CHECK
	free(sid);
	print_message("%u PM4 opcodes cross-checked against sid.h\n", checked);
	assert_true(checked >= 40);
}

/* The type-3 header fields sit where sid.h's PKT_*_S() macros put them. */
static void
test_pm4_header(void **state)
{
	char *sid = mesa_ref_load("sid.h");
	static const struct {
		const char *macro;
		uint32_t ours;
	} f[] = {
		{ "PKT_TYPE_S", PM4_TYPE },
		{ "PKT_COUNT_S", PM4_COUNT },
		{ "PKT3_IT_OPCODE_S", PM4_OPCODE },
		{ "PKT3_SHADER_TYPE_S", PM4_SHADER_TYPE },
	};

	assert_non_null(sid);
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
		uint32_t mask;
		unsigned shift;

		assert_true(mesa_field_macro(sid, f[i].macro, &mask, &shift));
		assert_int_equal(shift, F_SHIFT(f[i].ours));
		assert_int_equal(mask << shift, F_MASK(f[i].ours));
	}
	free(sid);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gc_offsets),
		cmocka_unit_test(test_gc_fields),
		cmocka_unit_test(test_pre_discovery_constants),
		cmocka_unit_test(test_pm4_opcodes),
		cmocka_unit_test(test_pm4_header),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

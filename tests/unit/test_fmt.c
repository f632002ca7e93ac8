/* gpu/fmt.c: the driver's freestanding formatter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "gpu/fmt.h"

/* Every conversion agrees with the C library's snprintf. */
static void
test_matches_libc(void **state)
{
	char ours[128], libc[128];

#define CHECK(...) do {							\
	int a = gpu_snprintf(ours, sizeof(ours), __VA_ARGS__);		\
	int b = snprintf(libc, sizeof(libc), __VA_ARGS__);		\
	assert_string_equal(ours, libc);				\
	assert_int_equal(a, b);						\
} while (0)
	CHECK("plain");
	CHECK("%d %i %u", -42, 7, 4000000000u);
	CHECK("%x %X %08x %-6x|", 0xbeefu, 0xbeefu, 0x1234u, 0xabu);
	CHECK("%lld %llu %llx", -5ll, 18446744073709551615ull, 0x1234567890abcdefull);
	CHECK("%zu %5s|%-5s|%c", (size_t)99, "ab", "cd", 'z');
	CHECK("%05d %5d %-5d|", -42, -42, -42);
	CHECK("100%%");
	CHECK("%#x %#lx %#x %#010x", 0x1fu, 0xabcdefUL, 0u, 0x2au);
	CHECK("%.3s|%.0s|%.9s", "abcdef", "xyz", "short");
#undef CHECK
}

/* Output is cut at the buffer size and still NUL-terminated. */
static void
test_truncates(void **state)
{
	char buf[8];
	int n = gpu_snprintf(buf, sizeof(buf), "%s", "0123456789");

	assert_int_equal(n, 10);
	assert_string_equal(buf, "0123456");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matches_libc),
		cmocka_unit_test(test_truncates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

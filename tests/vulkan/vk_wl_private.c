/*
 * Private memory: each invocation indexes its own 200-word array by a
 * value read from memory, which ACO places in scratch (s_setreg of
 * FLAT_SCRATCH from the scratch ring RADV passes in user SGPRs, plus the
 * wave's scratch offset, then scratch_load/store).  Threads of different
 * waves, groups and host threads must not see each other's arrays.
 */
#include <string.h>

#include "vk_compute.h"
#include "private.spv.h"

#define PRIV_N		(4096u + 17u)	/* a partial last group */
#define PRIV_LEN	200u		/* LEN in private.comp */

static void
private_fill(struct wl_run *r)
{
	uint32_t *a = r->buf[0], n = PRIV_N;

	for (uint32_t i = 0; i < PRIV_N; i++)
		a[i] = i * 2654435761u >> 7;
	memset(r->buf[1], 0xff, PRIV_N * 4u);
	memcpy(r->push, &n, 4);
}

static int
private_check(const struct wl_run *r)
{
	const uint32_t *a = r->buf[0];
	uint32_t *want = wl_alloc(PRIV_N * 4u), t[PRIV_LEN];
	int rc;

	for (uint32_t i = 0; i < PRIV_N; i++) {
		uint32_t s = 0;

		for (uint32_t k = 0; k < PRIV_LEN; k++)
			t[k] = a[i] * (k + 1u) + k;
		for (uint32_t k = 0; k < PRIV_LEN; k++)
			s += t[(a[i] + k * 7u) % PRIV_LEN] ^ k;
		want[i] = s;
	}
	rc = wl_cmp(r, "c", r->buf[1], want, PRIV_N, WL_U32);
	free(want);
	return rc;
}

const struct workload wl_private = {
	.name = "private", .what = "a 200-word private array per invocation (scratch)",
	.spv = private_spv, .spv_bytes = sizeof(private_spv), .need = WL_F_GFX_TOO,
	.nbuf = 2, .buf_bytes = { PRIV_N * 4u, PRIV_N * 4u },
	.push_bytes = 4, .groups = { DIV_UP(PRIV_N, 64u), 1, 1 },
	.fill = private_fill, .check = private_check,
};

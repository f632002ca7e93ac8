/*
 * Subgroup operations (GL_KHR_shader_subgroup_*): vote and ballot,
 * shuffles, arithmetic, clustered.  Each thread writes SG_WORDS words,
 * the first its gl_SubgroupSize | gl_SubgroupID << 8 |
 * gl_SubgroupInvocationID << 16.  The check takes the subgroup size from
 * thread 0 (32 in wave32, 64 in wave64 on RADV, 8 on lavapipe with AVX2;
 * VK_COMPUTE_SUBGROUP_SIZE=32 asks for 32 on RADV, see vk_features.c),
 * requires the usual
 * layout (invocation t of a workgroup is lane t % size of subgroup
 * t / size) and computes every other word per subgroup in C.  A
 * cluster larger than the subgroup is undefined, so sg_clustered (up to
 * 32) needs subgroups of 32 or more; the others need 8 (shuffle xor 5,
 * broadcast from invocation 5).
 */
#include <string.h>

#include "vk_compute.h"
#include "sg_ballot.spv.h"
#include "sg_shuffle.spv.h"
#include "sg_arith.spv.h"
#include "sg_clustered.spv.h"

#define SG_WG		128u		/* local_size_x in the shaders */
#define SG_N		(SG_WG * 64u)
#define SG_MAXWORDS	12u

/* Word k (1 .. words-1) of lane l of a subgroup of n with inputs v. */
typedef uint32_t (*sg_ref)(const uint32_t *v, uint32_t n, uint32_t l, uint32_t k);

struct sg_test {
	uint32_t words;
	const char *names[SG_MAXWORDS];
	sg_ref ref;
};

static void
sg_fill(struct wl_run *r)
{
	uint32_t *a = r->buf[0];

	for (uint32_t i = 0; i < SG_N; i++)
		a[i] = wl_hash(i);
	memset(r->buf[1], 0xff, r->wl->buf_bytes[1]);
}

static int
sg_check(const struct wl_run *r, const struct sg_test *t)
{
	const uint32_t *a = r->buf[0], *o = r->buf[1];
	const uint32_t n = o[0] & 0xffu;
	uint32_t *got = wl_alloc(SG_N * 4u), *want = wl_alloc(SG_N * 4u);
	int rc = 0;

	/* 8 or 16 is lavapipe's (the host's SIMD width); the shaders need 8. */
	if (n < 8 || n > 64 || (n & (n - 1)) != 0) {
		fprintf(stderr, "%s: thread 0 reports gl_SubgroupSize %u\n", r->wl->name, n);
		rc = 1;
	}
	for (uint32_t k = 0; rc == 0 && k < t->words; k++) {
		for (uint32_t i = 0; i < SG_N; i++) {
			uint32_t l = i % SG_WG % n;

			got[i] = o[i * t->words + k];
			want[i] = k == 0 ? (n | (i % SG_WG / n) << 8 | l << 16) :
			    t->ref(&a[i - l], n, l, k);
		}
		rc |= wl_cmp(r, t->names[k], got, want, SG_N, WL_U32);
	}
	if (rc == 0)
		printf("%s: subgroup size %u\n", r->wl->name, n);
	free(got);
	free(want);
	return rc;
}

#define SG_WORKLOAD(id, nm, desc, feat, sgw, minsg)				\
	const struct workload wl_##id = {					\
		.name = nm, .what = desc,					\
		.spv = id##_spv, .spv_bytes = sizeof(id##_spv), .need = feat,	\
		.min_subgroup = minsg, .sized_subgroup = 1,			\
		.nbuf = 2, .buf_bytes = { SG_N * 4u, SG_N * 4u * (sgw) },	\
		.groups = { SG_N / SG_WG, 1, 1 },				\
		.fill = sg_fill, .check = id##_check,				\
	}

/* --- ballot and vote ---------------------------------------------------- */

static uint64_t
sg_mask(const uint32_t *v, uint32_t n, int want)
{
	uint64_t m = 0;

	for (uint32_t l = 0; l < n; l++)
		if ((v[l] % 3u == 0) == want)
			m |= 1ull << l;
	return m;
}

static uint32_t
ballot_ref(const uint32_t *v, uint32_t n, uint32_t l, uint32_t k)
{
	const uint64_t m = sg_mask(v, n, 1), nm = sg_mask(v, n, 0);
	const int p = (m >> l) & 1;
	uint32_t vote, eq1 = 1;

	for (uint32_t j = 1; j < n; j++)
		eq1 &= (v[j] & 1u) == (v[0] & 1u);
	vote = (nm == 0) | (m != 0) << 1 | 4u | eq1 << 3;
	switch (k) {
	case 1: return (uint32_t)__builtin_popcountll(m);
	case 2: return (uint32_t)__builtin_popcountll(m & ((1ull << l) - 1));
	case 3: return v[5];
	case 4: return p ? v[__builtin_ctzll(m)] : UINT32_MAX;
	case 5: return (l == 0) | (!p && l == (uint32_t)__builtin_ctzll(nm)) << 1;
	case 6: return (uint32_t)m;
	case 7: return (uint32_t)(m >> 32);
	case 8: return vote;
	case 9: return (m >> (l ^ 1u)) & 1;
	case 10: return m != 0 ? (uint32_t)__builtin_ctzll(m) : UINT32_MAX;
	case 11: return m != 0 ? 63u - (uint32_t)__builtin_clzll(m) : UINT32_MAX;
	}
	return 0;
}

static const struct sg_test ballot_test = { 12, { "subgroup layout",
	"subgroupBallotBitCount", "subgroupBallotExclusiveBitCount",
	"subgroupBroadcast(v, 5)", "subgroupBroadcastFirst (divergent)",
	"subgroupElect (all, divergent)", "subgroupBallot.x", "subgroupBallot.y",
	"subgroupAll/Any/AllEqual", "subgroupBallotBitExtract",
	"subgroupBallotFindLSB", "subgroupBallotFindMSB" }, ballot_ref };

static int
sg_ballot_check(const struct wl_run *r)
{
	return sg_check(r, &ballot_test);
}

SG_WORKLOAD(sg_ballot, "sg_ballot", "subgroup vote, ballot and broadcast",
    WL_F_SG_VOTE | WL_F_SG_BALLOT, 12u, 8u);

/* --- shuffle ---------------------------------------------------------- */

static uint32_t
shuffle_ref(const uint32_t *v, uint32_t n, uint32_t l, uint32_t k)
{
	switch (k) {
	case 1: return v[(l * 7u + 3u) & (n - 1)];
	case 2: return v[l ^ 5u];
	case 3: return l >= 3 ? v[l - 3] : 0;
	case 4: return l + 2 < n ? v[l + 2] : 0;
	}
	return 0;
}

static const struct sg_test shuffle_test = { 5, { "subgroup layout",
	"subgroupShuffle", "subgroupShuffleXor(v, 5)", "subgroupShuffleUp(v, 3)",
	"subgroupShuffleDown(v, 2)" }, shuffle_ref };

static int
sg_shuffle_check(const struct wl_run *r)
{
	return sg_check(r, &shuffle_test);
}

SG_WORKLOAD(sg_shuffle, "sg_shuffle", "subgroup shuffle, xor, up, down",
    WL_F_SG_SHUFFLE, 5u, 8u);

/* --- arithmetic --------------------------------------------------------- */

static uint32_t
f32_bits(float f)
{
	uint32_t u;

	memcpy(&u, &f, 4);
	return u;
}

static uint32_t
arith_ref(const uint32_t *v, uint32_t n, uint32_t l, uint32_t k)
{
	uint32_t add = 0, mn = UINT32_MAX, mx = 0, and = UINT32_MAX, or = 0, xor = 0;
	uint32_t incl = 0, odd = 0;
	int32_t imin = INT32_MAX;
	float fadd = 0.0f;

	for (uint32_t j = 0; j < n; j++) {
		add += v[j];
		mn = v[j] < mn ? v[j] : mn;
		mx = v[j] > mx ? v[j] : mx;
		and &= v[j] | 0xfff0fff0u;
		or |= v[j] & 0x00100010u;
		xor ^= v[j];
		fadd += (float)(v[j] & 0xffu);
		odd += (v[j] & 1u) ? v[j] : 0;
		if (j <= l) {
			incl += v[j];
			imin = (int32_t)v[j] < imin ? (int32_t)v[j] : imin;
		}
	}
	switch (k) {
	case 1: return add;
	case 2: return mn;
	case 3: return mx;
	case 4: return incl;
	case 5: return incl - v[l];
	case 6: return and;
	case 7: return or;
	case 8: return xor;
	case 9: return f32_bits(fadd);
	case 10: return (v[l] & 1u) ? odd : 0;
	case 11: return (uint32_t)imin;
	}
	return 0;
}

static const struct sg_test arith_test = { 12, { "subgroup layout",
	"subgroupAdd", "subgroupMin", "subgroupMax", "subgroupInclusiveAdd",
	"subgroupExclusiveAdd", "subgroupAnd", "subgroupOr", "subgroupXor",
	"subgroupAdd (float)", "subgroupAdd (divergent, odd v)",
	"subgroupInclusiveMin (int)" }, arith_ref };

static int
sg_arith_check(const struct wl_run *r)
{
	return sg_check(r, &arith_test);
}

SG_WORKLOAD(sg_arith, "sg_arith", "subgroup reductions and scans",
    WL_F_SG_ARITH, 12u, 8u);

/* --- clustered ---------------------------------------------------------- */

static uint32_t
clustered_ref(const uint32_t *v, uint32_t n, uint32_t l, uint32_t k)
{
	static const uint32_t size[] = { 0, 4, 8, 16, 32, 2, 8 };
	const uint32_t c = size[k], first = l & ~(c - 1);
	uint32_t add = 0, mx = 0, or = 0, mn = UINT32_MAX, xor = 0;
	float fadd = 0.0f;

	(void)n;
	for (uint32_t j = first; j < first + c; j++) {
		add += v[j];
		mx = v[j] > mx ? v[j] : mx;
		or |= v[j] & 0x01010101u;
		mn = v[j] < mn ? v[j] : mn;
		xor ^= v[j];
		fadd += (float)(v[j] & 0xffu);
	}
	switch (k) {
	case 1: return add;
	case 2: return mx;
	case 3: return or;
	case 4: return mn;
	case 5: return xor;
	case 6: return f32_bits(fadd);
	}
	return 0;
}

static const struct sg_test clustered_test = { 7, { "subgroup layout",
	"subgroupClusteredAdd(v, 4)", "subgroupClusteredMax(v, 8)",
	"subgroupClusteredOr(v, 16)", "subgroupClusteredMin(v, 32)",
	"subgroupClusteredXor(v, 2)", "subgroupClusteredAdd(float, 8)" },
	clustered_ref };

static int
sg_clustered_check(const struct wl_run *r)
{
	return sg_check(r, &clustered_test);
}

SG_WORKLOAD(sg_clustered, "sg_clustered", "clustered subgroup reductions",
    WL_F_SG_CLUSTER, 7u, 32u);

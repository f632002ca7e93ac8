/*
 * metalgpu-bench: the benchmark entry point (`make bench`).
 *
 * Bring-up: wall time from the driver's first register access to every ring
 * ring- and IB-tested, on the navi23 model, over several fresh devices; the
 * median is reported against the 50 ms target, with the time of each
 * bring-up step.  There is no second driver for this chip to race on this
 * machine, so the peer here is the target itself (ratio < 1 is better).
 * Then the GPU API's benchmarks (bench_api.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "host/host.h"
#include "metalgpu/gpu.h"

#define RUNS		9
#define TARGET_MS	50.0

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* One device lifetime; `then` runs on the device once it is up. */
static int
one_bringup(struct gpu_info *info, int (*then)(struct gpu_device *))
{
	struct host_opts o;
	struct os_dev *os;
	struct gpu_device *dev;
	int rc;

	host_default_opts(&o);
	o.model.quiet = true;
	o.log_level = OS_LOG_ERR;
	os = host_dev_create(&o);
	if (os == NULL)
		return -1;
	dev = gpu_create(os);
	rc = dev != NULL ? gpu_init(dev) : -1;
	if (rc == 0) {
		gpu_query_info(dev, info);
		if (then != NULL && (rc = then(dev)) != 0)
			fprintf(stderr, "bench: a benchmark failed\n");
	} else if (dev != NULL) {
		fprintf(stderr, "bench: bring-up failed: %s\n", gpu_last_error(dev));
	}
	gpu_destroy(dev);
	host_dev_destroy(os);
	return rc;
}

int
main(void)
{
	static struct gpu_info runs[RUNS];
	uint64_t t[RUNS];
	double med_ms;

	for (int i = 0; i < RUNS; i++) {
		if (one_bringup(&runs[i], NULL) != 0)
			return 1;
		t[i] = runs[i].init_ns;
	}
	qsort(t, RUNS, sizeof(t[0]), cmp_u64);
	med_ms = t[RUNS / 2] / 1e6;
	printf("bring-up (navi23 model, %d runs): median %.2f ms, min %.2f ms, max %.2f ms\n",
	    RUNS, med_ms, t[0] / 1e6, t[RUNS - 1] / 1e6);
	printf("  vs target %.0f ms: ratio %.2f (%s)\n", TARGET_MS, med_ms / TARGET_MS,
	    med_ms <= TARGET_MS ? "met" : "NOT met");
	printf("  steps of the last run:\n");
	for (unsigned i = 0; i < runs[RUNS - 1].nblocks; i++)
		printf("    %-12s %8.2f ms\n", runs[RUNS - 1].blocks[i].name,
		    runs[RUNS - 1].blocks[i].ns / 1e6);
	return one_bringup(&runs[0], bench_api) != 0;
}

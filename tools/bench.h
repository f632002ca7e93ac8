/* The benchmarks of metalgpu-bench, one file per subject. */
#ifndef TOOLS_BENCH_H
#define TOOLS_BENCH_H

struct gpu_device;

int	bench_api(struct gpu_device *);

#endif

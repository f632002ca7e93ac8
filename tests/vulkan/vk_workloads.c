/*
 * The workload table: `vk_compute NAME` and `vk_compute --bench RUNS NAME`
 * look names up here.  Adding a workload is a shader, a struct workload
 * in one of the vk_wl_*.c files and a line below (and its name in
 * meson.build's lists).
 */
#include <stdio.h>
#include <string.h>

#include "vk_compute.h"

static const struct workload *const table[] = {
	&wl_vadd, &wl_loop, &wl_saxpy, &wl_reduce, &wl_scan, &wl_matmul,
	&wl_histogram, &wl_pushspec, &wl_indirect,
	&wl_atomics, &wl_atomic64, &wl_atomic_fadd, &wl_atomic_fminmax,
	&wl_sg_ballot, &wl_sg_shuffle, &wl_sg_arith, &wl_sg_clustered,
	&wl_int16, &wl_float16, &wl_int64, &wl_float64,
	&wl_image_r32ui, &wl_image_rgba8,
	&wl_wg1024, &wl_grid_large, &wl_grid_wide, &wl_grid3d, &wl_private,
};

const struct workload *
wl_find(const char *name)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (strcmp(table[i]->name, name) == 0)
			return table[i];
	return NULL;
}

void
wl_list(void)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		fprintf(stderr, "  %-14s %s\n", table[i]->name, table[i]->what);
}

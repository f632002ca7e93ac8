/*
 * vk_compute's workloads: one GLSL compute shader each (shaders/NAME.comp,
 * SPIR-V built into NAME.spv.h), described by one struct workload that
 * the harness (vk_compute.c, vk_kernel.c) turns into buffers, images, a
 * pipeline and a dispatch, and whose check compares the result with a
 * reference computed in C.
 *
 * Bindings: storage buffers 0 .. nbuf-1, then storage images nbuf ..
 * nbuf+nimg-1.  Specialization constants are uint32 values with
 * constant_id 0 .. nspec-1.  The push constants are the bytes fill leaves
 * in run->push.
 */
#ifndef TESTS_VULKAN_VK_COMPUTE_H
#define TESTS_VULKAN_VK_COMPUTE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <vulkan/vulkan.h>

#define WL_MAXBUF	4
#define WL_MAXIMG	3
#define WL_MAXSPEC	4
#define WL_MAXPUSH	64

#define DIV_UP(a, b)	(((a) + (b) - 1) / (b))

/* Device features a workload needs (exit 77 when the driver lacks one). */
#define WL_F_INT16	(1u << 0)	/* shaderInt16 */
#define WL_F_FLOAT16	(1u << 1)	/* shaderFloat16 */
#define WL_F_STORAGE16	(1u << 2)	/* storageBuffer16BitAccess */
#define WL_F_INT64	(1u << 3)	/* shaderInt64 */
#define WL_F_FLOAT64	(1u << 4)	/* shaderFloat64 */
#define WL_F_ATOMIC64	(1u << 5)	/* shaderBufferInt64Atomics */
#define WL_F_FATOMIC	(1u << 6)	/* VK_EXT_shader_atomic_float: load/store/exchange */
#define WL_F_FADD	(1u << 7)	/* VK_EXT_shader_atomic_float: add */
#define WL_F_FMINMAX	(1u << 8)	/* VK_EXT_shader_atomic_float2: min/max */
#define WL_F_SG_VOTE	(1u << 9)	/* subgroup operations in compute shaders */
#define WL_F_SG_BALLOT	(1u << 10)
#define WL_F_SG_SHUFFLE	(1u << 11)	/* shuffle and shuffle_relative */
#define WL_F_SG_ARITH	(1u << 12)
#define WL_F_SG_CLUSTER	(1u << 13)
#define WL_F_GFX_TOO	(1u << 31)	/* not a feature: run on the graphics queue too */

struct wl_image {
	VkFormat format;
	uint32_t width, height;
	uint32_t texel;			/* bytes */
};

struct wl_run;

struct workload {
	const char *name;
	const char *what;		/* one line for the success message */
	const uint32_t *spv;
	size_t spv_bytes;
	uint32_t need;			/* WL_F_* */
	uint32_t min_subgroup;		/* else skipped (lavapipe's are 8 wide) */
	int sized_subgroup;		/* VK_COMPUTE_SUBGROUP_SIZE applies */
	uint32_t nbuf;
	uint32_t buf_bytes[WL_MAXBUF];
	uint32_t nimg;
	struct wl_image img[WL_MAXIMG];
	uint32_t push_bytes;
	uint32_t nspec;
	uint32_t spec[WL_MAXSPEC];
	uint32_t groups[3];
	int indirect;			/* vkCmdDispatchIndirect of groups */
	/* Sets the inputs, the outputs' initial contents and run->push. */
	void (*fill)(struct wl_run *);
	/* 0 when the result matches the C reference, else prints and 1. */
	int (*check)(const struct wl_run *);
};

/* What fill and check see: the mapped buffers and the images' staging
 * buffers (texels row after row; uploaded before, read back after the
 * dispatch). */
struct wl_run {
	const struct workload *wl;
	void *buf[WL_MAXBUF];
	void *img[WL_MAXIMG];
	uint8_t push[WL_MAXPUSH];
};

/* Element types for wl_cmp's messages. */
enum wl_elem { WL_U16, WL_U32, WL_I32, WL_U64, WL_F16, WL_F32, WL_F64 };

/*
 * Compares n elements of got with want, bit for bit.  On a mismatch it
 * prints "NAME WHAT: M of N differ; first at [i]: got G, want W" and
 * returns 1; else 0.
 */
int	wl_cmp(const struct wl_run *, const char *what, const void *got,
	    const void *want, size_t n, enum wl_elem);
/* The same for doubles, allowing maxulp units in the last place. */
int	wl_cmp_f64_ulp(const struct wl_run *, const char *what, const double *got,
	    const double *want, size_t n, uint64_t maxulp);
void	*wl_alloc(size_t bytes);	/* calloc or exit 1 */
uint32_t wl_hash(uint32_t);		/* a fixed mixing function for inputs */

/* The table (vk_workloads.c) and its entries, by file. */
const struct workload *wl_find(const char *name);
void	wl_list(void);

extern const struct workload wl_vadd, wl_loop, wl_saxpy, wl_reduce, wl_scan,
	wl_matmul, wl_histogram, wl_pushspec, wl_indirect;		/* vk_wl_basic.c */
extern const struct workload wl_atomics, wl_atomic64, wl_atomic_fadd,
	wl_atomic_fminmax;						/* vk_wl_atomic.c */
extern const struct workload wl_sg_ballot, wl_sg_shuffle, wl_sg_arith,
	wl_sg_clustered;						/* vk_wl_subgroup.c */
extern const struct workload wl_int16, wl_float16, wl_int64, wl_float64;	/* vk_wl_types.c */
extern const struct workload wl_image_r32ui, wl_image_rgba8;		/* vk_wl_image.c */
extern const struct workload wl_wg1024, wl_grid_large, wl_grid_wide,
	wl_grid3d;							/* vk_wl_grid.c */
extern const struct workload wl_private;				/* vk_wl_private.c */

#endif

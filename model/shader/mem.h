/*
 * Vector and scalar memory helpers of the shader core (mem.c): the one
 * atomic read-modify-write every memory atomic goes through.
 */
#ifndef MODEL_SHADER_MEM_H
#define MODEL_SHADER_MEM_H

#include "interp.h"

/* What an atomic computes from the old value. */
typedef uint64_t (*shader_rmw_fn)(const void *arg, uint64_t old);

/*
 * Atomically replace the `bytes` (4 or 8) at va with f(arg, old) and
 * return the old value in *old: 0, or -1 after a fault, with
 * *fault_write telling whether the read or the write was refused.
 */
int	shader_mem_rmw(struct shader_wave *w, uint64_t va, unsigned bytes,
	    shader_rmw_fn f, const void *arg, uint64_t *old, bool *fault_write);

#endif

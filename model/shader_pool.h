/*
 * The shader core's host threads: a small pool that runs one function on
 * every thread at once (a parallel for; dispatch.c hands out workgroups
 * from inside it).  The caller is participant 0 and the pool's threads
 * are 1..n-1, so a pool of 1 runs everything on the caller, as the model
 * did before it had a pool.
 *
 * Size: METALGPU_SHADER_THREADS if set (1..SHADER_POOL_MAX), else the
 * online CPUs (sysconf), at most SHADER_POOL_MAX.
 */
#ifndef MODEL_SHADER_POOL_H
#define MODEL_SHADER_POOL_H

#define SHADER_POOL_MAX		64
#define SHADER_THREADS_ENV	"METALGPU_SHADER_THREADS"

struct shader_pool;
typedef void (*shader_pool_fn)(void *arg, unsigned participant);

/* The participants a pool should have (environment, CPUs). */
unsigned shader_pool_default_size(void);
/* n participants (n - 1 threads); NULL when out of memory or threads. */
struct shader_pool *shader_pool_create(unsigned n);
void	shader_pool_destroy(struct shader_pool *);
unsigned shader_pool_size(const struct shader_pool *);
/*
 * fn(arg, i) for every participant i at once, i = 0 on the calling
 * thread; returns when all have returned.  Everything fn did is visible
 * to the caller afterwards.  One run at a time per pool.
 */
void	shader_pool_run(struct shader_pool *, shader_pool_fn fn, void *arg);

#endif

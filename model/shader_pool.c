/*
 * The shader core's thread pool (shader_pool.h).  One mutex guards the
 * whole state; a run is a generation number the threads wait for, and a
 * count of threads still inside fn that the caller waits on.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "shader_pool.h"

struct shader_pool {
	unsigned n;			/* participants, caller included */
	pthread_t thread[SHADER_POOL_MAX];
	unsigned started;		/* threads created */
	pthread_mutex_t mu;
	pthread_cond_t go;		/* a new run, or quit */
	pthread_cond_t done;		/* busy reached 0 */
	/* mu must be held for these: */
	unsigned gen;			/* bumped per run */
	unsigned busy;			/* threads still in the run */
	bool quit;
	shader_pool_fn fn;
	void *arg;
};

struct starter {
	struct shader_pool *p;
	unsigned id;
};

unsigned
shader_pool_default_size(void)
{
	const char *env = getenv(SHADER_THREADS_ENV);
	long n = env != NULL && *env != '\0' ? strtol(env, NULL, 10) :
	    sysconf(_SC_NPROCESSORS_ONLN);

	if (n < 1)
		n = 1;
	return n > SHADER_POOL_MAX ? SHADER_POOL_MAX : (unsigned)n;
}

static void *
worker(void *v)
{
	struct starter *s = v;
	struct shader_pool *p = s->p;
	unsigned id = s->id, seen = 0;	/* gen starts at 0: no run missed */

	free(s);
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->quit && p->gen == seen)
			pthread_cond_wait(&p->go, &p->mu);
		if (p->quit)
			break;
		seen = p->gen;
		pthread_mutex_unlock(&p->mu);
		p->fn(p->arg, id);
		pthread_mutex_lock(&p->mu);
		if (--p->busy == 0)
			pthread_cond_signal(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

struct shader_pool *
shader_pool_create(unsigned n)
{
	struct shader_pool *p = calloc(1, sizeof(*p));

	if (p == NULL)
		return NULL;
	p->n = n < 1 ? 1 : n > SHADER_POOL_MAX ? SHADER_POOL_MAX : n;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->go, NULL);
	pthread_cond_init(&p->done, NULL);
	for (p->started = 0; p->started + 1 < p->n; p->started++) {
		struct starter *s = malloc(sizeof(*s));

		if (s == NULL)
			break;
		*s = (struct starter){ p, p->started + 1 };
		if (pthread_create(&p->thread[p->started], NULL, worker, s) != 0) {
			free(s);
			break;
		}
	}
	if (p->started + 1 < p->n) {
		shader_pool_destroy(p);
		return NULL;
	}
	return p;
}

void
shader_pool_destroy(struct shader_pool *p)
{
	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->quit = true;
	pthread_cond_broadcast(&p->go);
	pthread_mutex_unlock(&p->mu);
	for (unsigned i = 0; i < p->started; i++)
		pthread_join(p->thread[i], NULL);
	pthread_cond_destroy(&p->done);
	pthread_cond_destroy(&p->go);
	pthread_mutex_destroy(&p->mu);
	free(p);
}

unsigned
shader_pool_size(const struct shader_pool *p)
{
	return p->n;
}

void
shader_pool_run(struct shader_pool *p, shader_pool_fn fn, void *arg)
{
	if (p->n > 1) {
		pthread_mutex_lock(&p->mu);
		p->fn = fn;
		p->arg = arg;
		p->busy = p->n - 1;
		p->gen++;
		pthread_cond_broadcast(&p->go);
		pthread_mutex_unlock(&p->mu);
	}
	fn(arg, 0);
	if (p->n > 1) {
		pthread_mutex_lock(&p->mu);
		while (p->busy != 0)
			pthread_cond_wait(&p->done, &p->mu);
		pthread_mutex_unlock(&p->mu);
	}
}

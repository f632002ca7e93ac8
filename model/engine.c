/*
 * Engine threads.  A GPU engine runs beside the CPU: a doorbell or WPTR
 * write only kicks it, and completion comes back later as a memory write
 * and an interrupt, never inside the call that submitted the work.
 */
#include <stdio.h>

#include "model.h"

static void *
engine_main(void *arg)
{
	struct model_engine *e = arg;

	pthread_mutex_lock(&e->mu);
	for (;;) {
		while (!e->kicked && !e->stop)
			pthread_cond_wait(&e->cv, &e->mu);
		if (e->stop)
			break;
		e->kicked = false;
		pthread_mutex_unlock(&e->mu);
		if (!atomic_load(&e->hung))
			e->work(e);
		pthread_mutex_lock(&e->mu);
	}
	pthread_mutex_unlock(&e->mu);
	return NULL;
}

void
engine_init(struct model_engine *e, struct navi23 *m, enum navi23_engine id,
    const char *name, void (*work)(struct model_engine *), void *priv)
{
	e->name = name;
	e->m = m;
	e->id = id;
	e->work = work;
	e->priv = priv;
	pthread_mutex_init(&e->mu, NULL);
	pthread_cond_init(&e->cv, NULL);
	m->eng[id] = e;
	if (pthread_create(&e->thread, NULL, engine_main, e) == 0)
		e->running = true;
	else
		model_log(m, "%s: cannot start the engine thread", name);
}

void
engine_kick(struct model_engine *e)
{
	pthread_mutex_lock(&e->mu);
	e->kicked = true;
	pthread_cond_signal(&e->cv);
	pthread_mutex_unlock(&e->mu);
}

void
engine_fini(struct model_engine *e)
{
	if (!e->running)
		return;
	pthread_mutex_lock(&e->mu);
	e->stop = true;
	pthread_cond_signal(&e->cv);
	pthread_mutex_unlock(&e->mu);
	pthread_join(e->thread, NULL);
	e->running = false;
	pthread_cond_destroy(&e->cv);
	pthread_mutex_destroy(&e->mu);
	if (e->m->eng[e->id] == e)
		e->m->eng[e->id] = NULL;
}

bool
engine_drop_write(struct model_engine *e)
{
	unsigned n = atomic_load(&e->drop_writes);

	while (n > 0) {
		if (atomic_compare_exchange_weak(&e->drop_writes, &n, n - 1)) {
			model_log(e->m, "%s: dropped a write (fault injection)", e->name);
			return true;
		}
	}
	return false;
}

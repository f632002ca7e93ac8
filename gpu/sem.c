/*
 * Timeline semaphores: a 64-bit value that only grows.  Jobs wait for and
 * signal points on them; the host can signal, query and wait for any or
 * all of several.  Export/import shares one between clients.
 */
#include "client.h"

void
sem_unref(struct gpu_sem *s)
{
	if (s == NULL || --s->refs != 0)
		return;
	os_free(s);
}

int
gpu_sem_create(struct gpu_client *c, uint64_t initial, gpu_handle *out)
{
	struct gpu_sem *s = os_zalloc(sizeof(*s));
	int rc;

	*out = 0;
	if (s == NULL)
		return -GPU_ENOMEM;
	s->refs = 1;
	s->value = initial;
	os_mutex_lock(c->dev->api_lock);
	rc = handle_new(c, OBJ_SEM, s, out);
	os_mutex_unlock(c->dev->api_lock);
	if (rc != 0)
		os_free(s);
	return rc;
}

/* Destroying drops this client's handle and marks the semaphore dead for
 * every waiter; jobs that still reference it keep it allocated. */
int
gpu_sem_destroy(struct gpu_client *c, gpu_handle h)
{
	struct gpu_sem *s;

	os_mutex_lock(c->dev->api_lock);
	s = handle_get(c, h, OBJ_SEM);
	if (s != NULL) {
		handle_drop(c, h);
		s->destroyed = true;
		export_remove(c->dev, s);
		sem_unref(s);
		wake_all(c->dev);
	}
	os_mutex_unlock(c->dev->api_lock);
	return s != NULL ? 0 : -GPU_EBADF;
}

int
gpu_sem_signal(struct gpu_client *c, gpu_handle h, uint64_t value)
{
	struct gpu_sem *s;
	int rc = 0;

	os_mutex_lock(c->dev->api_lock);
	s = handle_get(c, h, OBJ_SEM);
	if (s == NULL)
		rc = -GPU_EBADF;
	else if (value <= s->value)
		rc = -GPU_EINVAL;	/* a timeline only moves forward */
	else {
		s->value = value;
		sched_update(c->dev);
		wake_all(c->dev);	/* host waiters on s */
	}
	os_mutex_unlock(c->dev->api_lock);
	return rc;
}

int
gpu_sem_query(struct gpu_client *c, gpu_handle h, uint64_t *value)
{
	struct gpu_sem *s;

	os_mutex_lock(c->dev->api_lock);
	s = handle_get(c, h, OBJ_SEM);
	*value = s != NULL ? s->value : 0;
	os_mutex_unlock(c->dev->api_lock);
	return s != NULL ? 0 : -GPU_EBADF;
}

struct sem_wait {
	struct gpu_sem **sems;
	const struct gpu_sem_point *pts;
	uint32_t n;
	bool all;
	bool dead;
};

static bool
sems_reached(void *arg)
{
	struct sem_wait *w = arg;
	uint32_t reached = 0;

	for (uint32_t i = 0; i < w->n; i++) {
		if (w->sems[i]->destroyed) {
			w->dead = true;
			return true;
		}
		if (w->sems[i]->value >= w->pts[i].value)
			reached++;
	}
	return w->all ? reached == w->n : reached > 0;
}

int
gpu_sem_wait(struct gpu_client *c, const struct gpu_sem_point *pts, uint32_t n,
    bool all, uint64_t timeout_ns)
{
	struct sem_wait w = { NULL, pts, n, all, false };
	uint32_t got = 0;
	int rc = 0;

	if (n == 0 || n > 64 || pts == NULL)
		return -GPU_EINVAL;
	w.sems = os_zalloc(n * sizeof(*w.sems));
	if (w.sems == NULL)
		return -GPU_ENOMEM;
	os_mutex_lock(c->dev->api_lock);
	for (; got < n; got++) {
		w.sems[got] = handle_get(c, pts[got].sem, OBJ_SEM);
		if (w.sems[got] == NULL) {
			rc = -GPU_EBADF;
			break;
		}
		w.sems[got]->refs++;	/* outlive a destroy while we sleep */
	}
	if (rc == 0) {
		rc = wait_until(c->dev, sems_reached, &w, timeout_ns);
		if (rc == 0 && w.dead)
			rc = -GPU_ENOENT;
	}
	for (uint32_t i = 0; i < got; i++)
		sem_unref(w.sems[i]);
	os_mutex_unlock(c->dev->api_lock);
	os_free(w.sems);
	return rc;
}

int
gpu_sem_export(struct gpu_client *c, gpu_handle h, uint64_t *token)
{
	int rc;

	os_mutex_lock(c->dev->api_lock);
	rc = export_token(c, h, OBJ_SEM, offsetof(struct gpu_sem, token), token);
	os_mutex_unlock(c->dev->api_lock);
	return rc;
}

int
gpu_sem_import(struct gpu_client *c, uint64_t token, gpu_handle *out)
{
	struct gpu_sem *s;
	int rc = -GPU_ENOENT;

	*out = 0;
	os_mutex_lock(c->dev->api_lock);
	s = export_find(c->dev, token, OBJ_SEM);
	if (s != NULL && (rc = handle_new(c, OBJ_SEM, s, out)) == 0)
		s->refs++;
	os_mutex_unlock(c->dev->api_lock);
	return rc;
}

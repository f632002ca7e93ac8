/*
 * DRM syncobjs (Linux drivers/gpu/drm/drm_syncobj.c) on GPU API timeline
 * semaphores.  A syncobj owns one semaphore: a timeline syncobj's points
 * are its values; a binary syncobj's fence is a (semaphore, value) pair,
 * set when a CS or the host signals it, cleared by a reset.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <drm.h>

#include "bridge.h"

#define POLL_NS		200000ull	/* WAIT_FOR_SUBMIT polls every 0.2 ms */
#define MAX_WAIT	64		/* the API's points per wait */
#define REAP_SLICE_NS	50000000ull	/* look for reset queues every 50 ms */

static struct bsync *
sync_get(struct bfile *f, uint32_t h)
{
	struct bsync *s;

	pthread_mutex_lock(&f->lock);
	s = htab_get(&f->syncobjs, h);
	pthread_mutex_unlock(&f->lock);
	return s;
}

static int
sync_new(struct bfile *f, bool signaled, uint32_t *handle)
{
	struct bsync *s = calloc(1, sizeof(*s));
	int rc;

	*handle = 0;
	if (s == NULL)
		return -ENOMEM;
	rc = gpu_sem_create(f->client, 0, &s->sem);
	if (rc != 0) {
		free(s);
		return bridge_errno(rc);
	}
	if (signaled) {
		/* A fence that is already signalled: point 0 of its own sem. */
		s->fence_sem = s->sem;
		s->fence_value = 0;
	}
	pthread_mutex_lock(&f->lock);
	*handle = htab_add(&f->syncobjs, s);
	pthread_mutex_unlock(&f->lock);
	if (*handle == 0) {
		gpu_sem_destroy(f->client, s->sem);
		free(s);
		return -ENOMEM;
	}
	return 0;
}

int
bridge_syncobj_create(struct bfile *f, void *arg)
{
	struct drm_syncobj_create *a = arg;

	if (a->flags & ~DRM_SYNCOBJ_CREATE_SIGNALED)
		return -EINVAL;
	return sync_new(f, a->flags & DRM_SYNCOBJ_CREATE_SIGNALED, &a->handle);
}

int
bridge_syncobj_destroy(struct bfile *f, void *arg)
{
	struct drm_syncobj_destroy *a = arg;
	struct bsync *s;

	pthread_mutex_lock(&f->lock);
	s = htab_del(&f->syncobjs, a->handle);
	pthread_mutex_unlock(&f->lock);
	if (s == NULL)
		return -EINVAL;
	/* Held jobs that signal it are released; waiters see GPU_ENOENT. */
	gpu_sem_destroy(f->client, s->sem);
	free(s);
	return 0;
}

void
bridge_file_close_syncobjs(struct bfile *f)
{
	for (uint32_t h = 1; h <= f->syncobjs.n; h++) {
		struct bsync *s = htab_del(&f->syncobjs, h);

		if (s != NULL) {
			gpu_sem_destroy(f->client, s->sem);
			free(s);
		}
	}
}

/*
 * The point a wait on (h, value) waits for: value 0 is the binary fence
 * (-EINVAL without one, as drm_syncobj_find_fence), otherwise the
 * timeline point.  Returns 1 for "no fence yet" when allowed to poll.
 */
static int
wait_point(struct bfile *f, uint32_t h, uint64_t value, struct gpu_sem_point *out)
{
	struct bsync *s;
	int rc = 0;

	pthread_mutex_lock(&f->lock);
	s = htab_get(&f->syncobjs, h);
	if (s == NULL) {
		rc = -ENOENT;
	} else if (value != 0) {
		out->sem = s->sem;
		out->value = value;
		if (value > s->last)
			rc = 1;		/* not submitted yet */
	} else if (s->fence_sem == 0) {
		rc = 1;
	} else {
		out->sem = s->fence_sem;
		out->value = s->fence_value;
	}
	pthread_mutex_unlock(&f->lock);
	return rc;
}

int
bridge_syncobj_wait_point(struct bfile *f, uint32_t h, uint64_t value,
    struct gpu_sem_point *out)
{
	int rc = wait_point(f, h, value, out);

	if (rc == 1 && value == 0)
		return -EINVAL;
	/* A timeline point not submitted yet: the API holds the job until
	 * it is signalled (wait-before-signal). */
	return rc < 0 ? rc : 0;
}

/* Where a CS (or the host) signals (h, value): value 0 is a new binary
 * fence, the next point of the syncobj's own semaphore. */
int
bridge_syncobj_signal_point(struct bfile *f, uint32_t h, uint64_t value,
    struct gpu_sem_point *out)
{
	struct bsync *s;
	int rc = 0;

	pthread_mutex_lock(&f->lock);
	s = htab_get(&f->syncobjs, h);
	if (s == NULL) {
		rc = -ENOENT;
	} else {
		if (value == 0)
			value = s->last + 1;
		if (value > s->last)
			s->last = value;
		out->sem = s->sem;
		out->value = value;
		s->fence_sem = s->sem;
		s->fence_value = value;
	}
	pthread_mutex_unlock(&f->lock);
	return rc;
}

/*
 * gpu_sem_wait in slices: between them, points a reset queue will never
 * signal are signalled (bridge_file_reap_lost), so a wait for a lost
 * context's work ends, as it does with the kernel.
 */
static int
wait_reaping(struct bfile *f, const struct gpu_sem_point *pts, uint32_t n, bool all,
    int64_t abs_timeout)
{
	for (;;) {
		uint64_t left = bridge_timeout_left(abs_timeout);
		uint64_t slice = left < REAP_SLICE_NS ? left : REAP_SLICE_NS;
		int rc = gpu_sem_wait(f->client, pts, n, all, slice);

		if (rc != -GPU_ETIME || left <= slice)
			return rc;
		bridge_file_reap_lost(f);
	}
}

static int
do_wait(struct bfile *f, const uint32_t *handles, const uint64_t *points, uint32_t n,
    int64_t abs_timeout, uint32_t flags, uint32_t *first)
{
	struct gpu_sem_point pts[MAX_WAIT];
	bool all = flags & DRM_SYNCOBJ_WAIT_FLAGS_WAIT_ALL;
	int rc;

	if (n == 0 || n > MAX_WAIT)
		return -EINVAL;
	for (;;) {
		bool pending = false;

		for (uint32_t i = 0; i < n; i++) {
			rc = wait_point(f, handles[i], points != NULL ? points[i] : 0, &pts[i]);
			if (rc < 0)
				return rc;
			if (rc == 1) {
				if (!(flags & (DRM_SYNCOBJ_WAIT_FLAGS_WAIT_FOR_SUBMIT |
				    DRM_SYNCOBJ_WAIT_FLAGS_WAIT_AVAILABLE)))
					return -EINVAL;
				pending = true;
			}
		}
		if (!pending)
			break;
		if (bridge_timeout_left(abs_timeout) == 0)
			return -ETIME;
		nanosleep(&(struct timespec){ 0, POLL_NS }, NULL);
	}
	if (flags & DRM_SYNCOBJ_WAIT_FLAGS_WAIT_AVAILABLE) {
		/* Submitted is all that was asked. */
		if (first != NULL)
			*first = 0;
		return 0;
	}
	rc = wait_reaping(f, pts, n, all, abs_timeout);
	if (rc != 0)
		return bridge_errno(rc);
	if (first != NULL) {
		*first = 0;
		for (uint32_t i = 0; !all && i < n; i++) {
			uint64_t v;

			if (gpu_sem_query(f->client, pts[i].sem, &v) == 0 && v >= pts[i].value) {
				*first = i;
				break;
			}
		}
	}
	return 0;
}

int
bridge_syncobj_wait(struct bfile *f, void *arg)
{
	struct drm_syncobj_wait *a = arg;

	return do_wait(f, (const uint32_t *)(uintptr_t)a->handles, NULL, a->count_handles,
	    a->timeout_nsec, a->flags, &a->first_signaled);
}

int
bridge_syncobj_timeline_wait(struct bfile *f, void *arg)
{
	struct drm_syncobj_timeline_wait *a = arg;

	return do_wait(f, (const uint32_t *)(uintptr_t)a->handles,
	    (const uint64_t *)(uintptr_t)a->points, a->count_handles,
	    a->timeout_nsec, a->flags, &a->first_signaled);
}

int
bridge_syncobj_reset(struct bfile *f, void *arg)
{
	struct drm_syncobj_array *a = arg;
	const uint32_t *h = (const uint32_t *)(uintptr_t)a->handles;
	int rc = 0;

	pthread_mutex_lock(&f->lock);
	for (uint32_t i = 0; i < a->count_handles && rc == 0; i++) {
		struct bsync *s = htab_get(&f->syncobjs, h[i]);

		if (s == NULL)
			rc = -ENOENT;
		else
			s->fence_sem = 0;
	}
	pthread_mutex_unlock(&f->lock);
	return rc;
}

static int
host_signal(struct bfile *f, uint32_t h, uint64_t value)
{
	struct gpu_sem_point p;
	int rc = bridge_syncobj_signal_point(f, h, value, &p);

	if (rc != 0)
		return rc;
	return bridge_errno(gpu_sem_signal(f->client, p.sem, p.value));
}

int
bridge_syncobj_signal(struct bfile *f, void *arg)
{
	struct drm_syncobj_array *a = arg;
	const uint32_t *h = (const uint32_t *)(uintptr_t)a->handles;
	int rc = 0;

	for (uint32_t i = 0; i < a->count_handles && rc == 0; i++)
		rc = host_signal(f, h[i], 0);
	return rc;
}

int
bridge_syncobj_timeline_signal(struct bfile *f, void *arg)
{
	struct drm_syncobj_timeline_array *a = arg;
	const uint32_t *h = (const uint32_t *)(uintptr_t)a->handles;
	const uint64_t *p = (const uint64_t *)(uintptr_t)a->points;
	int rc = 0;

	for (uint32_t i = 0; i < a->count_handles && rc == 0; i++)
		rc = host_signal(f, h[i], p[i]);
	return rc;
}

int
bridge_syncobj_query(struct bfile *f, void *arg)
{
	struct drm_syncobj_timeline_array *a = arg;
	const uint32_t *h = (const uint32_t *)(uintptr_t)a->handles;
	uint64_t *p = (uint64_t *)(uintptr_t)a->points;

	for (uint32_t i = 0; i < a->count_handles; i++) {
		struct bsync *s = sync_get(f, h[i]);
		int rc;

		if (s == NULL)
			return -ENOENT;
		if (a->flags & DRM_SYNCOBJ_QUERY_FLAGS_LAST_SUBMITTED) {
			p[i] = s->last;
			continue;
		}
		rc = gpu_sem_query(f->client, s->sem, &p[i]);
		if (rc != 0)
			return bridge_errno(rc);
	}
	return 0;
}

/*
 * TRANSFER: into a binary syncobj (dst_point 0) the fence is shared; into
 * a timeline point, a job with no commands waits for the source and
 * signals the point (the kernel adds a dma_fence_chain link instead).
 */
int
bridge_syncobj_transfer(struct bfile *f, void *arg)
{
	struct drm_syncobj_transfer *a = arg;
	struct gpu_sem_point src, dst;
	int rc;

	rc = bridge_syncobj_wait_point(f, a->src_handle, a->src_point, &src);
	if (rc != 0)
		return rc;
	if (a->dst_point == 0) {
		struct bsync *s;

		pthread_mutex_lock(&f->lock);
		s = htab_get(&f->syncobjs, a->dst_handle);
		if (s != NULL) {
			s->fence_sem = src.sem;
			s->fence_value = src.value;
		}
		pthread_mutex_unlock(&f->lock);
		return s != NULL ? 0 : -ENOENT;
	}
	rc = bridge_syncobj_signal_point(f, a->dst_handle, a->dst_point, &dst);
	if (rc != 0)
		return rc;
	return bridge_signal_after(f, &src, &dst);
}

/* --- syncobj fds: a memfd carrying the API's export token ------------------- */

#define SYNC_MAGIC	0x4d47505353594e43ull

int
bridge_syncobj_handle_to_fd(struct bfile *f, void *arg)
{
	struct drm_syncobj_handle *a = arg;
	struct gpu_sem_point p;
	uint64_t token;
	int fd, rc;

	/* Opaque fd: the syncobj's semaphore.  Sync file: its current fence. */
	if (a->flags & DRM_SYNCOBJ_HANDLE_TO_FD_FLAGS_EXPORT_SYNC_FILE) {
		rc = bridge_syncobj_wait_point(f, a->handle, 0, &p);
	} else {
		struct bsync *s = sync_get(f, a->handle);

		rc = s != NULL ? 0 : -ENOENT;
		if (s != NULL)
			p.sem = s->sem, p.value = 0;
	}
	if (rc != 0)
		return rc;
	rc = gpu_sem_export(f->client, p.sem, &token);
	if (rc != 0)
		return bridge_errno(rc);
	fd = token_fd_new("metalgpu-syncobj", 1, SYNC_MAGIC, token, p.value);
	if (fd < 0)
		return fd;
	a->fd = fd;
	return 0;
}

int
bridge_syncobj_fd_to_handle(struct bfile *f, void *arg)
{
	struct drm_syncobj_handle *a = arg;
	uint64_t token, value;
	gpu_handle sem;
	int rc;

	if (token_fd_read(a->fd, SYNC_MAGIC, &token, &value) != 0)
		return -EINVAL;
	rc = gpu_sem_import(f->client, token, &sem);
	if (rc != 0)
		return bridge_errno(rc);
	if (a->flags & DRM_SYNCOBJ_FD_TO_HANDLE_FLAGS_IMPORT_SYNC_FILE) {
		struct bsync *s = sync_get(f, a->handle);

		if (s == NULL) {
			gpu_sem_destroy(f->client, sem);
			return -ENOENT;
		}
		pthread_mutex_lock(&f->lock);
		s->fence_sem = sem;	/* freed with the file's client */
		s->fence_value = value;
		pthread_mutex_unlock(&f->lock);
		return 0;
	} else {
		struct bsync *s = calloc(1, sizeof(*s));

		if (s == NULL) {
			gpu_sem_destroy(f->client, sem);
			return -ENOMEM;
		}
		s->sem = sem;
		pthread_mutex_lock(&f->lock);
		a->handle = htab_add(&f->syncobjs, s);
		pthread_mutex_unlock(&f->lock);
		if (a->handle == 0) {
			gpu_sem_destroy(f->client, sem);
			free(s);
			return -ENOMEM;
		}
		return 0;
	}
}

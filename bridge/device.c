/*
 * The simulated device of this process, its device node and its open files.
 *
 * The first libdrm call that needs the device (drmGetDevices2, or an ioctl
 * on a node fd) brings it up: host runtime + navi23 model + driver, as
 * tools/metalgpu.c does.  RADV then open()s the render node path that
 * drmGetDevices2 returned.  That path is a real, empty file in a directory
 * of this process (${XDG_RUNTIME_DIR:-/tmp}/metalgpu-<pid>/renderD128), so
 * open() and close() are plain libc calls; the bridge recognises the fd by
 * its (st_dev, st_ino) the first time it sees it in an ioctl, and from then
 * on serves the fd as the kernel serves a drm_file.
 *
 * Why a plain file and not a character device or FUSE: no privileges, no
 * kernel module, nothing outside the process.  CPU mappings of BOs go
 * through amdgpu_bo_cpu_map() (RADV 22.3.6 uses it), which the bridge
 * answers with the GPU API's own mapping, so the node's content is never
 * read (see docs/bridge.md).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bridge.h"
#include "host/host.h"
#include "metalgpu/libradv_metal.h"

static pthread_mutex_t dev_lock = PTHREAD_MUTEX_INITIALIZER;
static struct bdev *the_dev;
static bool dev_failed;
static struct bfile *files;		/* under dev_lock */

/* dup()s of a node fd (libc.c): more fds naming the same file. */
struct balias {
	int fd;
	struct bfile *f;
	struct balias *next;
};
static struct balias *aliases;		/* under dev_lock */

void
bridge_log(const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	fprintf(stderr, "libradv-metal: %s\n", line);
}

/* A small set of (what, id) pairs already logged; a full set just logs. */
void
bridge_log_once(const char *what, unsigned long id)
{
	static struct { const char *what; unsigned long id; } seen[128];
	static unsigned nseen;
	static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

	pthread_mutex_lock(&lock);
	for (unsigned i = 0; i < nseen; i++) {
		if (seen[i].what == what && seen[i].id == id) {
			pthread_mutex_unlock(&lock);
			return;
		}
	}
	if (nseen < sizeof(seen) / sizeof(seen[0])) {
		seen[nseen].what = what;
		seen[nseen].id = id;
		nseen++;
	}
	pthread_mutex_unlock(&lock);
	bridge_log("%s 0x%lx is not served: answering -EINVAL", what, id);
}

/* The API's codes are Linux errno numbers (metalgpu/errno.h). */
int
bridge_errno(int gpu_err)
{
	return gpu_err <= 0 ? gpu_err : -gpu_err;
}

uint64_t
bridge_timeout_left(int64_t abs_ns)
{
	struct timespec ts;
	int64_t now;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	now = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
	if (abs_ns <= now)
		return 0;
	return (uint64_t)(abs_ns - now);
}

/* --- handle tables ----------------------------------------------------------- */

uint32_t
htab_add(struct htab *t, void *obj)
{
	uint32_t i;

	for (i = 0; i < t->n; i++)
		if (t->slot[i] == NULL)
			break;
	if (i == t->n) {
		uint32_t n = t->n ? 2 * t->n : 16;
		void **s = realloc(t->slot, n * sizeof(*s));

		if (s == NULL)
			return 0;
		memset(s + t->n, 0, (n - t->n) * sizeof(*s));
		t->slot = s;
		t->n = n;
	}
	t->slot[i] = obj;
	return i + 1;
}

void *
htab_get(const struct htab *t, uint32_t h)
{
	if (h == 0 || h > t->n)
		return NULL;
	return t->slot[h - 1];
}

void *
htab_del(struct htab *t, uint32_t h)
{
	void *obj = htab_get(t, h);

	if (obj != NULL)
		t->slot[h - 1] = NULL;
	return obj;
}

/* --- the device ------------------------------------------------------------------ */

static void
remove_node(void)
{
	if (the_dev == NULL)
		return;
	unlink(the_dev->render_path);
	rmdir(the_dev->dir);
}

static int
make_node(struct bdev *d)
{
	const char *base = getenv("XDG_RUNTIME_DIR");
	struct stat st;
	int fd;

	if (base == NULL || access(base, W_OK) != 0)
		base = "/tmp";
	snprintf(d->dir, sizeof(d->dir), "%s/metalgpu-%ld", base, (long)getpid());
	if (mkdir(d->dir, 0700) != 0 && errno != EEXIST) {
		bridge_log("cannot create the device node directory %s: %s", d->dir,
		    strerror(errno));
		return -1;
	}
	/* drmGetDevices2 reports renderD128 / card0, as for a first GPU. */
	snprintf(d->render_path, sizeof(d->render_path), "%s/renderD128", d->dir);
	snprintf(d->primary_path, sizeof(d->primary_path), "%s/card0", d->dir);
	fd = open(d->render_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0 || fstat(fd, &st) != 0) {
		bridge_log("cannot create the device node %s: %s", d->render_path,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	d->node_dev = st.st_dev;
	d->node_ino = st.st_ino;
	return 0;
}

/* METALGPU_JOB_TIMEOUT_MS: the hang-detection time (default 10 s, as
 * amdgpu's lockup_timeout); tests that hang a queue on purpose shorten it. */
static void
set_job_timeout(struct bdev *d)
{
	const char *ms = getenv("METALGPU_JOB_TIMEOUT_MS");
	char *end;
	unsigned long long v;

	if (ms == NULL || *ms == '\0')
		return;
	v = strtoull(ms, &end, 10);
	if (*end != '\0' || v == 0) {
		bridge_log("METALGPU_JOB_TIMEOUT_MS=%s is not a number of milliseconds: ignored", ms);
		return;
	}
	gpu_set_job_timeout(d->gpu, v * 1000000ull);
}

static struct bdev *
bring_up(void)
{
	struct host_opts o;
	struct bdev *d = calloc(1, sizeof(*d));
	const char *dbg = getenv("METALGPU_BRIDGE_DEBUG");
	int rc;

	if (d == NULL)
		return NULL;
	host_default_opts(&o);
	/* The driver's dmesg-style lines only with METALGPU_BRIDGE_DEBUG. */
	o.log_level = dbg != NULL && *dbg != '\0' ? OS_LOG_DEBUG : OS_LOG_WARN;
	o.model.quiet = dbg == NULL || *dbg == '\0';
	d->os = host_dev_create(&o);
	if (d->os == NULL) {
		bridge_log("cannot create the host runtime (model, system memory)");
		goto fail;
	}
	d->gpu = gpu_create(d->os);
	if (d->gpu == NULL) {
		bridge_log("gpu_create failed: out of memory");
		goto fail;
	}
	rc = gpu_init(d->gpu);
	if (rc != 0) {
		bridge_log("bring-up of the simulated RX 6600 failed (firmware from %s): %s",
		    o.firmware_dir, gpu_last_error(d->gpu));
		goto fail;
	}
	rc = gpu_query_info(d->gpu, &d->info);
	if (rc != 0) {
		bridge_log("gpu_query_info: %s", gpu_strerror(-rc));
		goto fail;
	}
	set_job_timeout(d);
	/* GTT BOs come from the host runtime's "system RAM". */
	d->gtt_size = o.sysmem_bytes - host_dma_in_use(d->os);
	if (make_node(d) != 0)
		goto fail;
	return d;
fail:
	if (d->gpu != NULL)
		gpu_destroy(d->gpu);
	if (d->os != NULL)
		host_dev_destroy(d->os);
	free(d);
	return NULL;
}

struct bdev *
bridge_device(void)
{
	struct bdev *d;

	pthread_mutex_lock(&dev_lock);
	if (the_dev == NULL && !dev_failed) {
		the_dev = bring_up();
		if (the_dev == NULL)
			dev_failed = true;
		else
			atexit(remove_node);
	}
	d = the_dev;
	pthread_mutex_unlock(&dev_lock);
	return d;
}

/* --- files -------------------------------------------------------------------------- */

static struct bfile *
file_open(struct bdev *d, int fd, const struct stat *st)
{
	struct bfile *f = calloc(1, sizeof(*f));
	int rc;

	if (f == NULL)
		return NULL;
	rc = gpu_client_open(d->gpu, &f->client);
	if (rc != 0) {
		bridge_log("gpu_client_open for fd %d: %s", fd, gpu_strerror(-rc));
		free(f);
		return NULL;
	}
	f->fd = fd;
	f->st_dev = st->st_dev;
	f->st_ino = st->st_ino;
	pthread_mutex_init(&f->lock, NULL);
	return f;
}

static void
file_close(struct bfile *f)
{
	bridge_file_close_ctxs(f);
	bridge_file_close_syncobjs(f);
	/* Closing the client frees its BOs, VM, queues and semaphores. */
	gpu_client_close(f->client);
	for (uint32_t h = 1; h <= f->gems.n; h++)
		free(htab_del(&f->gems, h));
	free(f->gems.slot);
	free(f->ctxs.slot);
	free(f->syncobjs.slot);
	free(f->maps);
	pthread_mutex_destroy(&f->lock);
	free(f);
}

/* The file fd names, by number: its first fd or a dup.  dev_lock held. */
static struct bfile *
find_file(int fd)
{
	for (struct bfile *f = files; f != NULL; f = f->next)
		if (f->fd == fd)
			return f;
	for (struct balias *a = aliases; a != NULL; a = a->next)
		if (a->fd == fd)
			return a->f;
	return NULL;
}

/* Forget every dup of f; dev_lock held. */
static void
drop_aliases(struct bfile *f)
{
	struct balias *a, **pp = &aliases;

	while ((a = *pp) != NULL) {
		if (a->f == f) {
			*pp = a->next;
			free(a);
		} else {
			pp = &a->next;
		}
	}
}

/*
 * The file behind fd, if fd is (still) an open of the node.  An fd closed
 * and reused for another file fails the (st_dev, st_ino) check and its old
 * state is dropped.
 */
struct bfile *
bridge_file(int fd)
{
	struct stat st;
	struct bfile *f;
	struct bdev *d;

	if (fd < 0 || fstat(fd, &st) != 0)
		return NULL;
	pthread_mutex_lock(&dev_lock);
	d = the_dev;
	if (d == NULL || st.st_dev != d->node_dev || st.st_ino != d->node_ino) {
		pthread_mutex_unlock(&dev_lock);
		return NULL;
	}
	f = find_file(fd);
	if (f == NULL) {
		f = file_open(d, fd, &st);
		if (f != NULL) {
			f->next = files;
			files = f;
		}
	}
	pthread_mutex_unlock(&dev_lock);
	return f;
}

void
bridge_file_dup(int oldfd, int newfd)
{
	struct bfile *f = bridge_file(oldfd);
	struct balias *a;

	if (f == NULL || newfd == oldfd)
		return;
	a = calloc(1, sizeof(*a));
	if (a == NULL) {
		bridge_log("dup of node fd %d: out of memory, fd %d opens a new file",
		    oldfd, newfd);
		return;
	}
	a->fd = newfd;
	a->f = f;
	pthread_mutex_lock(&dev_lock);
	a->next = aliases;
	aliases = a;
	pthread_mutex_unlock(&dev_lock);
}

/*
 * close(fd) of a node fd.  A dup is forgotten.  The first fd of a file that
 * still has dups hands its place to one of them, so the number can be
 * reused by a new open.  The file itself ends at its last
 * amdgpu_device_deinitialize (bridge_file_release).
 */
void
bridge_file_closed(int fd)
{
	struct balias *a, **pp;

	pthread_mutex_lock(&dev_lock);
	for (pp = &aliases; (a = *pp) != NULL; pp = &a->next) {
		if (a->fd == fd) {
			*pp = a->next;
			free(a);
			pthread_mutex_unlock(&dev_lock);
			return;
		}
	}
	for (struct bfile *f = files; f != NULL; f = f->next) {
		if (f->fd != fd)
			continue;
		for (pp = &aliases; (a = *pp) != NULL; pp = &a->next) {
			if (a->f == f) {
				f->fd = a->fd;
				*pp = a->next;
				free(a);
				break;
			}
		}
		break;
	}
	pthread_mutex_unlock(&dev_lock);
}

void
bridge_file_release(int fd)
{
	struct bfile *f, **pp;

	pthread_mutex_lock(&dev_lock);
	f = find_file(fd);
	if (f != NULL) {
		for (pp = &files; *pp != f; pp = &(*pp)->next)
			;
		*pp = f->next;
		drop_aliases(f);
	}
	pthread_mutex_unlock(&dev_lock);
	if (f != NULL)
		file_close(f);
}

/* --- debug ---------------------------------------------------------------------------- */

int
libradv_metal_usage(struct libradv_metal_usage *u)
{
	struct gpu_usage gu;
	struct navi23_stats ns;
	struct bdev *d;
	int rc;

	memset(u, 0, sizeof(*u));
	pthread_mutex_lock(&dev_lock);
	d = the_dev;
	for (const struct bfile *f = files; f != NULL; f = f->next)
		u->files++;
	pthread_mutex_unlock(&dev_lock);
	if (d == NULL)
		return -ENODEV;
	rc = gpu_query_usage(d->gpu, &gu);
	if (rc != 0)
		return bridge_errno(rc);
	u->vram_used = gu.vram_used;
	u->clients = gu.clients;
	u->sys_used = host_dma_in_use(d->os);
	navi23_stats(host_dev_model(d->os), &ns);
	u->shader_waves = ns.shader_waves;
	u->shader_insts = ns.shader_insts;
	return 0;
}

/*
 * An fd that carries an API export token: what PRIME handle-to-fd and a
 * syncobj's opaque fd are here.  A small memfd holding {magic, token,
 * extra}; the magic says which kind of object it names.
 */
#include <errno.h>
#include <sys/mman.h>
#include <unistd.h>

#include "bridge.h"

int
token_fd_new(const char *name, int cloexec, uint64_t magic, uint64_t token,
    uint64_t extra)
{
	uint64_t rec[3] = { magic, token, extra };
	int fd = memfd_create(name, cloexec ? MFD_CLOEXEC : 0);

	if (fd < 0)
		return -errno;
	if (pwrite(fd, rec, sizeof(rec), 0) != (ssize_t)sizeof(rec)) {
		close(fd);
		return -EIO;
	}
	return fd;
}

int
token_fd_read(int fd, uint64_t magic, uint64_t *token, uint64_t *extra)
{
	uint64_t rec[3];

	if (pread(fd, rec, sizeof(rec), 0) != (ssize_t)sizeof(rec) || rec[0] != magic)
		return -EINVAL;
	*token = rec[1];
	*extra = rec[2];
	return 0;
}

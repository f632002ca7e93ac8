/*
 * Every driver log line of a test's device, kept so a test can check what
 * the driver said (host_set_log_hook(os, log_hook, NULL)).
 */
#ifndef TESTS_LOG_CAPTURE_H
#define TESTS_LOG_CAPTURE_H

#include <pthread.h>
#include <stdbool.h>
#include <string.h>

#include "host/host.h"

#define LOG_BYTES	16384

static struct {
	pthread_mutex_t mu;
	char text[LOG_BYTES];
	size_t len;
} logbuf = { .mu = PTHREAD_MUTEX_INITIALIZER };

static inline void
log_hook(void *arg, enum os_log_level lvl, const char *line)
{
	size_t n = strlen(line);

	(void)arg;
	(void)lvl;
	pthread_mutex_lock(&logbuf.mu);
	if (logbuf.len + n + 2 < LOG_BYTES) {
		memcpy(logbuf.text + logbuf.len, line, n);
		logbuf.len += n;
		logbuf.text[logbuf.len++] = '\n';
		logbuf.text[logbuf.len] = '\0';
	}
	pthread_mutex_unlock(&logbuf.mu);
}

static inline void
log_clear(void)
{
	pthread_mutex_lock(&logbuf.mu);
	logbuf.len = 0;
	logbuf.text[0] = '\0';
	pthread_mutex_unlock(&logbuf.mu);
}

static inline bool
logged(const char *want)
{
	bool found;

	pthread_mutex_lock(&logbuf.mu);
	found = strstr(logbuf.text, want) != NULL;
	pthread_mutex_unlock(&logbuf.mu);
	return found;
}

#endif

/*
 * Opt-in crash report for the processes the bridge is loaded into: with
 * METALGPU_CRASH_BACKTRACE=1 in the environment, a SIGSEGV, SIGBUS or
 * SIGABRT prints the faulting thread's stack (glibc backtrace(3)) to
 * stderr before the default action runs.  The Vulkan tests set it, so a
 * rare crash in CI leaves a stack in the test log instead of only
 * "killed by signal 11".  Off by default: a driver library does not take
 * over an application's signals.
 */
#include <execinfo.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CRASH_MAX_FRAMES	64

static void
crash_report(int sig)
{
	static const char head[] = "metalgpu: fatal signal, stack of the faulting thread:\n";
	void *frames[CRASH_MAX_FRAMES];
	int n;

	/* write(2) and backtrace_symbols_fd(3) do not allocate. */
	if (write(STDERR_FILENO, head, sizeof(head) - 1) < 0)
		_exit(128 + sig);
	n = backtrace(frames, CRASH_MAX_FRAMES);
	backtrace_symbols_fd(frames, n, STDERR_FILENO);
	signal(sig, SIG_DFL);
	raise(sig);
}

__attribute__((constructor)) static void
crash_install(void)
{
	const char *on = getenv("METALGPU_CRASH_BACKTRACE");
	void *warm[1];
	struct sigaction sa;

	if (on == NULL || strcmp(on, "1") != 0)
		return;
	/* The first backtrace() loads libgcc: do it now, not in the handler. */
	(void)backtrace(warm, 1);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = crash_report;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
}

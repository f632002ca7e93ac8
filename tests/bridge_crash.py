#!/usr/bin/env python3
"""bridge/crash.c: with METALGPU_CRASH_BACKTRACE=1 a process that loaded the
bridge prints a stack on SIGSEGV and still dies by the signal; without it,
the bridge leaves the application's signals alone."""
import os
import signal
import subprocess
import sys

CHILD = ("import ctypes, os, signal, sys; ctypes.CDLL(sys.argv[1]); "
         "os.kill(os.getpid(), signal.SIGSEGV)")


def run(lib, on):
    env = dict(os.environ)
    env.pop("METALGPU_CRASH_BACKTRACE", None)
    if on:
        env["METALGPU_CRASH_BACKTRACE"] = "1"
    p = subprocess.run([sys.executable, "-c", CHILD, lib], env=env,
                       capture_output=True, text=True, timeout=60)
    return p.returncode, p.stderr


def main():
    lib = sys.argv[1]
    rc, err = run(lib, True)
    if rc != -signal.SIGSEGV:
        sys.exit(f"with the report on: exit {rc}, want death by SIGSEGV\n{err}")
    if "fatal signal" not in err or "libdrm.so.2" not in err:
        sys.exit(f"with the report on: no stack through libdrm.so.2 in:\n{err}")
    rc, err = run(lib, False)
    if rc != -signal.SIGSEGV or "fatal signal" in err:
        sys.exit(f"with the report off: exit {rc}, stderr:\n{err}")
    print("crash report: stack printed when asked, signal kept either way")


main()

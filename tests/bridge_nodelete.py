#!/usr/bin/env python3
"""The bridge's libraries stay mapped after dlclose (-z nodelete): the
Vulkan loader dlcloses RADV, and with it the bridge, while the device's
threads still run in the bridge's code (bridge/meson.build)."""
import ctypes
import ctypes.util
import os
import sys


def mapped(path):
    real = os.path.realpath(path)
    with open("/proc/self/maps") as f:
        return any(line.rstrip().endswith(real) for line in f)


def main():
    libdl = ctypes.CDLL(ctypes.util.find_library("dl") or "libc.so.6")
    libdl.dlopen.restype = ctypes.c_void_p
    libdl.dlopen.argtypes = [ctypes.c_char_p, ctypes.c_int]
    libdl.dlclose.argtypes = [ctypes.c_void_p]
    for path in sys.argv[1:]:
        h = libdl.dlopen(os.fsencode(path), 2)	# RTLD_NOW
        if not h:
            sys.exit(f"{path}: dlopen failed")
        if not mapped(path):
            sys.exit(f"{path}: not in /proc/self/maps after dlopen")
        if libdl.dlclose(h) != 0:
            sys.exit(f"{path}: dlclose failed")
        if not mapped(path):
            sys.exit(f"{path}: unmapped by dlclose (not linked -z nodelete)")
        print(f"{os.path.basename(path)}: still mapped after dlclose")


main()

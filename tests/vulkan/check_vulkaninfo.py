#!/usr/bin/env python3
"""`metalgpu run -- vulkaninfo --summary` names the simulated RX 6600 as RADV
does a real one, and the full `vulkaninfo` report runs to the end (exit 0)
naming it too.  usage: check_vulkaninfo.py METALGPU
With METALGPU_RADV=VERSION (which RADV `metalgpu run` picks) the driver
version must be that one too."""
import os
import subprocess
import sys

EXPECT = [
    "deviceName         = AMD Radeon RX 6600 (RADV NAVI23)",
    "vendorID           = 0x1002",
    "deviceID           = 0x73ff",
    "deviceType         = PHYSICAL_DEVICE_TYPE_DISCRETE_GPU",
    "driverID           = DRIVER_ID_MESA_RADV",
]


def main():
    metalgpu = sys.argv[1]
    expect = list(EXPECT)
    if os.environ.get("METALGPU_RADV"):
        expect.append("driverVersion      = " + os.environ["METALGPU_RADV"])
    args = [metalgpu, "run", "--", "vulkaninfo", "--summary"]
    try:
        p = subprocess.run(args, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        print("vulkaninfo did not finish in 60 s")
        return 1
    out = p.stdout
    if p.returncode != 0:
        print(out[-3000:], p.stderr[-3000:])
        print(f"vulkaninfo exited {p.returncode}")
        return 1
    missing = [e for e in expect if e not in out]
    if missing:
        print(out[-3000:], p.stderr[-3000:])
        print("missing from vulkaninfo --summary:", *missing, sep="\n  ")
        return 1
    if out.count("GPU0:") != 1 or "GPU1:" in out:
        print(out[-3000:])
        print("expected exactly one GPU")
        return 1
    print("vulkaninfo --summary lists the RX 6600:", *expect, sep="\n  ")
    return check_full(metalgpu)


def check_full(metalgpu):
    """The whole report: every query RADV answers for vulkaninfo."""
    args = [metalgpu, "run", "--", "vulkaninfo"]
    try:
        p = subprocess.run(args, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        print("full vulkaninfo did not finish in 120 s")
        return 1
    if p.returncode != 0 or "AMD Radeon RX 6600 (RADV NAVI23)" not in p.stdout:
        print(p.stdout[-3000:], p.stderr[-3000:])
        print(f"full vulkaninfo exited {p.returncode}")
        return 1
    print(f"full vulkaninfo: exit 0, {len(p.stdout.splitlines())} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())

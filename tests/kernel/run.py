#!/usr/bin/env python3
"""Boot the MetalOS kernel ISO under QEMU (TCG) and judge its test suite.

Each machine configuration boots once.  The kernel runs its in-kernel tests
(kernel/ktest/) and reports them on the serial console and through
isa-debug-exit.  This harness adds what the kernel cannot check by itself:

  * its PCI listing against QEMU's own `info pci`, read from the QEMU
    monitor while the kernel waits for us after printing the listing;
  * the ivshmem words the kernel wrote, re-read from the host file that
    backs the shared memory;
  * that the exit status agrees with the counts printed on the console.

Every QEMU process has a hard timeout.  The last line printed is
`kernel: N passed, M failed`; the exit status is non-zero on any failure.
"""

import argparse
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

BOOT_TIMEOUT = 90          # seconds for one whole QEMU run (hard kill)
MONITOR_TIMEOUT = 10
CPUS = 2                   # in the MADT; the kernel runs on the first only
IVSHMEM_SIZE = 8 << 30     # 8 GiB like the RX 6600 VRAM, 64-bit prefetchable BAR2
IVSHMEM_STRIDE = 64 << 20  # must match kernel/ktest/t_ivshmem.c

ALL_KTESTS = [
    "pmm_alloc", "vmm_pat", "idt_breakpoint", "idt_pagefault",
    "lapic_timer", "ioapic_pit", "acpi_madt_mcfg", "pci_bridge", "pci_bars",
    "pci_caps", "edu_dma_msi", "dma_mask", "gpu_os_edu", "nvme_identify",
    "nvme_msix_mask", "ivshmem_wc", "iommu_mapped", "iommu_fault",
    "iommu_isolation", "pci_bus_assign",
]
IOMMU_KTESTS = ["iommu_mapped", "iommu_fault", "iommu_isolation"]

EXTRAS = ["crash", "shell", "regs"]

OVMF_CANDIDATES = [
    "/usr/share/qemu/OVMF.fd",
    "/usr/share/ovmf/OVMF.fd",
    "/usr/share/OVMF/OVMF.fd",
]


class Config:
    def __init__(self, name, firmware, iommu):
        self.name = name
        self.firmware = firmware    # "seabios" or "ovmf"
        self.iommu = iommu
        if iommu:
            self.expect = {t: "PASS" for t in ALL_KTESTS}
        else:
            self.expect = {t: ("SKIP" if t in IOMMU_KTESTS else "PASS")
                           for t in ALL_KTESTS}


CONFIGS = [
    Config("seabios", "seabios", False),
    Config("ovmf", "ovmf", False),
    Config("iommu", "seabios", True),
    Config("ovmf-iommu", "ovmf", True),
]


def find_ovmf():
    for p in OVMF_CANDIDATES:
        if os.path.exists(p):
            return p
    return None


def qemu_command(cfg, iso, tmp, seed, serial, test_mode):
    cmd = [
        "qemu-system-x86_64", "-machine", "q35", "-accel", "tcg",
        "-m", "128M", "-smp", str(CPUS), "-display", "none", "-nic", "none",
        "-no-reboot", "-cdrom", iso, "-boot", "d",
        "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04",
    ]
    if cfg.firmware == "ovmf":
        ovmf = find_ovmf()
        if ovmf is None:
            raise RuntimeError("OVMF firmware not found (install ovmf)")
        cmd += ["-bios", ovmf]
    if cfg.iommu:
        # Before the PCI devices it translates for.
        cmd += ["-device", "intel-iommu"]
    cmd += [
        "-device", "pcie-root-port,id=rp1,chassis=1,slot=1,bus=pcie.0",
        "-device", "edu,bus=rp1",
        # A PCIe switch (upstream + downstream port) behind a second root
        # port: the NVMe controller sits three bridges deep.
        "-device", "pcie-root-port,id=rp2,chassis=2,slot=2,bus=pcie.0",
        "-device", "x3130-upstream,id=up1,bus=rp2",
        "-device", "xio3130-downstream,id=dn1,bus=up1,chassis=3,slot=0",
        "-device", "nvme,serial=%s,bus=dn1" % serial,
        "-object", "memory-backend-file,id=ivmem,size=%d,share=on,mem-path=%s"
        % (IVSHMEM_SIZE, os.path.join(tmp, "ivshmem")),
        "-device", "ivshmem-plain,memdev=ivmem",
        "-fw_cfg", "name=opt/metalos/seed,string=%d" % seed,
        "-fw_cfg", "name=opt/metalos/nvme-serial,string=%s" % serial,
        "-fw_cfg", "name=opt/metalos/expect-cpus,string=%d" % CPUS,
        # SeaBIOS builds ACPI 1.0 tables (RSDT), OVMF ACPI 2.0 (XSDT).
        "-fw_cfg", "name=opt/metalos/expect-root,string=%s"
        % ("XSDT" if cfg.firmware == "ovmf" else "RSDT"),
    ]
    if test_mode:
        cmd += ["-fw_cfg", "name=opt/metalos/mode,string=test"]
    return cmd


ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def clean(line):
    return ANSI.sub("", line).replace("\r", "")


def monitor_info_pci(path):
    """Returns the text of `info pci` from the QEMU human monitor."""
    deadline = time.time() + MONITOR_TIMEOUT
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(MONITOR_TIMEOUT)
    s.connect(path)

    def read_prompt():
        buf = b""
        while not buf.endswith(b"(qemu) "):
            if time.time() > deadline:
                raise TimeoutError("QEMU monitor prompt")
            chunk = s.recv(65536)
            if not chunk:
                raise EOFError("QEMU monitor closed")
            buf += chunk
        return buf.decode("utf-8", "replace")

    read_prompt()
    s.sendall(b"info pci\n")
    out = read_prompt()
    s.close()
    return clean(out)


def size_of(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
    if text[-1] in units:
        return int(text[:-1]) * units[text[-1]]
    return int(text)


KDEV = re.compile(r"^([0-9a-f]{2}):([0-9a-f]{2})\.([0-7]) ([0-9a-f]{4}):([0-9a-f]{4}) \[")
KMEM = re.compile(r"^\s+BAR(\d): Memory at (0x[0-9a-f]+) \((32|64)-bit, "
                  r"(prefetchable|non-prefetchable)\) \[size=(\w+)\]")
KIO = re.compile(r"^\s+BAR(\d): I/O ports at (0x[0-9a-f]+) \[size=(\w+)\]")
KBUS = re.compile(r"^\s+Bus: primary=([0-9a-f]{2}), secondary=([0-9a-f]{2}), "
                  r"subordinate=([0-9a-f]{2})")
KPIN = re.compile(r"^\s+Interrupt: mode [^,\s]+(?:, pin ([A-D]))?")


def parse_kernel_listing(lines):
    """{(bus, dev, fn): {"id": "vvvv:dddd", "bars": {i: (...)}}}"""
    devs = {}
    cur = None
    inside = False
    for line in lines:
        if line.startswith("PCI listing"):
            inside = True
            continue
        if line.startswith("end of PCI listing"):
            break
        if not inside:
            continue
        m = KDEV.match(line)
        if m:
            key = (int(m.group(1), 16), int(m.group(2), 16), int(m.group(3)))
            cur = {"id": "%s:%s" % (m.group(4), m.group(5)), "bars": {},
                   "buses": None, "pin": None}
            devs[key] = cur
            continue
        m = KBUS.match(line)
        if m and cur is not None:
            cur["buses"] = tuple(int(x, 16) for x in m.groups())
            continue
        m = KPIN.match(line)
        if m and cur is not None:
            cur["pin"] = m.group(1)
            continue
        m = KMEM.match(line)
        if m and cur is not None:
            cur["bars"][int(m.group(1))] = (
                "mem" + m.group(3), m.group(4) == "prefetchable",
                int(m.group(2), 16), size_of(m.group(5)))
            continue
        m = KIO.match(line)
        if m and cur is not None:
            cur["bars"][int(m.group(1))] = (
                "io", False, int(m.group(2), 16), size_of(m.group(3)))
    return devs


QDEV = re.compile(r"Bus\s+(\d+), device\s+(\d+), function (\d+):")
QID = re.compile(r"PCI device ([0-9a-f]{4}):([0-9a-f]{4})")
QMEM = re.compile(r"BAR(\d): (32|64) bit (prefetchable )?memory at "
                  r"(0x[0-9a-f]+) \[(0x[0-9a-f]+)\]")
QIO = re.compile(r"BAR(\d): I/O at (0x[0-9a-f]+) \[(0x[0-9a-f]+)\]")
QPRI = re.compile(r"^\s+BUS (\d+)\.")
QSEC = re.compile(r"^\s+secondary bus (\d+)\.")
QSUB = re.compile(r"^\s+subordinate bus (\d+)\.")
QPIN = re.compile(r"IRQ \d+, pin ([A-D])")
UNMAPPED = 0xffffffffffffffff


def parse_info_pci(text):
    devs = {}
    cur = None
    for line in text.splitlines():
        m = QDEV.search(line)
        if m:
            cur = {"id": None, "bars": {}, "bus": [None, None, None], "pin": None}
            devs[(int(m.group(1)), int(m.group(2)), int(m.group(3)))] = cur
            continue
        if cur is None:
            continue
        for i, rx in enumerate((QPRI, QSEC, QSUB)):
            m = rx.match(line)
            if m:
                cur["bus"][i] = int(m.group(1))
        m = QPIN.search(line)
        if m:
            cur["pin"] = m.group(1)
            continue
        m = QID.search(line)
        if m and cur["id"] is None:
            cur["id"] = "%s:%s" % (m.group(1), m.group(2))
            continue
        m = QMEM.search(line)
        if m:
            i = int(m.group(1))
            if i == 6:
                continue    # expansion ROM: the kernel does not size it
            start, end = int(m.group(4), 16), int(m.group(5), 16)
            cur["bars"][i] = ("mem" + m.group(2), m.group(3) is not None,
                              0 if start == UNMAPPED else start,
                              (end - start + 1) & UNMAPPED)
            continue
        m = QIO.search(line)
        if m:
            start, end = int(m.group(2), 16), int(m.group(3), 16)
            cur["bars"][int(m.group(1))] = ("io", False, start, end - start + 1)
    for d in devs.values():
        b = d.pop("bus")
        d["buses"] = tuple(b) if None not in b else None
    return devs


def compare_pci(kdevs, qdevs):
    """Returns a list of differences (empty when they agree)."""
    diffs = []
    for key in sorted(set(kdevs) | set(qdevs)):
        name = "%02x:%02x.%x" % key
        if key not in kdevs:
            diffs.append("%s: in QEMU's info pci, not found by the kernel" % name)
            continue
        if key not in qdevs:
            diffs.append("%s: found by the kernel, not in QEMU's info pci" % name)
            continue
        k, q = kdevs[key], qdevs[key]
        if k["id"] != q["id"]:
            diffs.append("%s: kernel says %s, QEMU %s" % (name, k["id"], q["id"]))
        if k["buses"] != q["buses"]:
            diffs.append("%s: bridge buses (primary, secondary, subordinate) "
                         "kernel %s, QEMU %s" % (name, k["buses"], q["buses"]))
        if k["pin"] != q["pin"]:
            diffs.append("%s: interrupt pin kernel %s, QEMU %s" % (name, k["pin"], q["pin"]))
        for i in sorted(set(k["bars"]) | set(q["bars"])):
            kb, qb = k["bars"].get(i), q["bars"].get(i)
            if kb != qb:
                diffs.append("%s BAR%d: kernel %s, QEMU %s" % (name, i, kb, qb))
    if not any(key[0] > 0 for key in qdevs):
        diffs.append("no device behind a bridge in QEMU's listing")
    if not any(d["buses"] for d in kdevs.values()):
        diffs.append("no bridge in the kernel's listing")
    return diffs


class Result:
    def __init__(self):
        self.checks = []    # (name, ok, detail)

    def add(self, name, ok, detail=""):
        self.checks.append((name, ok, detail))


def symbol_address(elf, name):
    out = subprocess.run(["nm", elf], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == name:
            return int(parts[0], 16)
    raise KeyError(name)


CRASH_ADDR = 0x00007fffdead0000   # kernel/main.c


def run_crash(iso, log_dir):
    """A deliberate page fault must be reported with its address and rip."""
    res = Result()
    cfg = Config("crash", "seabios", False)
    tmp = tempfile.mkdtemp(prefix="metalos-crash-")
    cmd = qemu_command(cfg, iso, tmp, 1, "MTLS00000000", False)
    cmd += ["-fw_cfg", "name=opt/metalos/mode,string=crash", "-serial", "stdio",
            "-monitor", "none"]
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=BOOT_TIMEOUT)
        out, status = p.stdout.decode("utf-8", "replace"), p.returncode
    except subprocess.TimeoutExpired as e:
        out, status = (e.stdout or b"").decode("utf-8", "replace"), None
    shutil.rmtree(tmp, ignore_errors=True)
    out = clean(out)
    with open(os.path.join(log_dir, "kernel-crash.log"), "w") as f:
        f.write(out)
    elf = os.path.join(os.path.dirname(os.path.abspath(iso)), "metalos.elf")
    rip = symbol_address(elf, "crash_write_insn")
    want = [
        "FATAL: CPU exception 14 (#PF page fault) at rip=%#x" % rip,
        "page fault: write by kernel of address %#x (page not present)" % CRASH_ADDR,
        "panic: unhandled CPU exception 14",
    ]
    missing = [w for w in want if w not in out]
    res.add("crash/pagefault_report", not missing and status == 255,
            "exit status %s%s" % (status, "; missing: " + " | ".join(missing)
                                  if missing else ", message names address and rip"))
    return res


def run_shell(iso, log_dir):
    """The `make qemu` shell answers commands typed on the serial line."""
    res = Result()
    cfg = Config("shell", "seabios", False)
    tmp = tempfile.mkdtemp(prefix="metalos-shell-")
    cmd = qemu_command(cfg, iso, tmp, 1, "MTLS00000000", False)
    cmd += ["-serial", "stdio", "-monitor", "none"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    timer = threading.Timer(BOOT_TIMEOUT, proc.kill)
    timer.start()
    out = []
    try:
        for raw in proc.stdout:
            line = clean(raw.decode("utf-8", "replace"))
            out.append(line)
            # Type only once the kernel listens: GRUB reads the line too.
            if line.startswith("MetalOS shell"):
                proc.stdin.write(b"lspci\rmem\rnosuch\rquit\r")
                proc.stdin.flush()
        status = proc.wait()
    finally:
        timer.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    text = "".join(out)
    with open(os.path.join(log_dir, "kernel-shell.log"), "w") as f:
        f.write(text)
    want = ["metalos> lspci", "metalos> mem", "KiB free of",
            "nosuch: unknown command", "bye"]
    missing = [w for w in want if w not in text]
    if text.count("end of PCI listing") != 2:
        missing.append("a second PCI listing")
    res.add("shell/commands", not missing and status == 1,
            "exit status %s%s" % (status, "; missing: " + " | ".join(missing)
                                  if missing else ", lspci/mem/quit answered"))
    return res


def run_config(cfg, iso, args, log_dir):
    res = Result()
    tmp = tempfile.mkdtemp(prefix="metalos-%s-" % cfg.name)
    mon = os.path.join(tmp, "monitor.sock")
    seed = random.randrange(1, 1 << 62)
    serial = "MTLS%08d" % random.randrange(10 ** 8)
    cmd = qemu_command(cfg, iso, tmp, seed, serial, True)
    cmd += ["-serial", "stdio", "-monitor", "unix:%s,server=on,wait=off" % mon]
    if args.tests:
        # QEMU's option syntax escapes a comma by doubling it.
        cmd += ["-fw_cfg", "name=opt/metalos/tests,string=%s"
                % args.tests.replace(",", ",,")]
    log_path = os.path.join(log_dir, "kernel-%s.log" % cfg.name)
    start = time.time()
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    timer = threading.Timer(BOOT_TIMEOUT, proc.kill)
    timer.start()
    lines = []
    info_pci = None
    pci_error = None
    try:
        with open(log_path, "w") as log:
            for raw in proc.stdout:
                line = clean(raw.decode("utf-8", "replace")).rstrip("\n")
                lines.append(line)
                log.write(line + "\n")
                log.flush()
                if args.verbose:
                    print("[%s] %s" % (cfg.name, line), flush=True)
                if line.startswith("waiting for the harness"):
                    try:
                        info_pci = monitor_info_pci(mon)
                        log.write("--- info pci ---\n%s\n--- end ---\n" % info_pci)
                    except (OSError, TimeoutError, EOFError) as e:
                        pci_error = "monitor: %s" % e
                    proc.stdin.write(b"g")
                    proc.stdin.flush()
        status = proc.wait()
    finally:
        timer.cancel()
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    elapsed = time.time() - start
    timed_out = elapsed >= BOOT_TIMEOUT - 1

    # Boot and exit status.
    booted = any(l.startswith("MetalOS kernel booting") for l in lines)
    summary = None
    for l in lines:
        m = re.match(r"ktest: (\d+) passed, (\d+) failed, (\d+) skipped", l)
        if m:
            summary = tuple(int(x) for x in m.groups())
    detail = "%.1fs, exit status %s" % (elapsed, status)
    if timed_out:
        detail += ", killed after %d s" % BOOT_TIMEOUT
    ok = booted and summary is not None and status & 1 == 1
    if ok:
        v = status >> 1
        want = (min(summary[1], 3) << 5) | min(summary[0], 30)
        if v != want:
            ok = False
            detail += ", isa-debug-exit says %d passed %d failed, console %s" % (
                v & 31, v >> 5, summary[:2])
    else:
        detail += ", no test summary" if booted else ", kernel never booted"
    res.add("%s/boot" % cfg.name, ok, detail)

    # Kernel tests.
    got = {}
    why = {}
    current = None
    for l in lines:
        m = re.match(r"ktest: RUN (\w+)", l)
        if m:
            current = m.group(1)
        elif current and "check failed" in l:
            why[current] = l.strip()
        m = re.match(r"ktest: (PASS|FAIL|SKIP) (\w+)", l)
        if m:
            got[m.group(2)] = m.group(1)
    selected = args.tests.split(",") if args.tests else list(cfg.expect)
    for t in selected:
        want = cfg.expect.get(t, "PASS")
        detail = "got %s, want %s" % (got.get(t, "nothing"), want)
        if t in why:
            detail += ": " + why[t]
        res.add("%s/%s" % (cfg.name, t), got.get(t) == want, detail)

    # PCI listing against QEMU's own view.
    if pci_error or info_pci is None:
        res.add("%s/info_pci" % cfg.name, False, pci_error or "never asked")
    else:
        kdevs = parse_kernel_listing(lines)
        qdevs = parse_info_pci(info_pci)
        diffs = compare_pci(kdevs, qdevs) if qdevs else ["empty info pci"]
        res.add("%s/info_pci" % cfg.name, not diffs,
                "%d functions agree" % len(qdevs) if not diffs else "; ".join(diffs[:6]))

    # The words the kernel wrote through its WC mapping, seen by the host.
    if "ivshmem_wc" in selected:
        bad = []
        path = os.path.join(tmp, "ivshmem")
        try:
            with open(path, "rb") as f:
                for off in range(0, IVSHMEM_SIZE, IVSHMEM_STRIDE):
                    f.seek(off)
                    word = int.from_bytes(f.read(8), "little")
                    if word != seed ^ off:
                        bad.append("%#x: %#x" % (off, word))
                f.seek(IVSHMEM_SIZE - 8)
                if int.from_bytes(f.read(8), "little") != (~seed) & UNMAPPED:
                    bad.append("last word")
        except OSError as e:
            bad.append(str(e))
        res.add("%s/ivshmem_host_view" % cfg.name, not bad,
                "host file agrees" if not bad else ", ".join(bad[:4]))
    shutil.rmtree(tmp, ignore_errors=True)
    return res


def interactive(args):
    cfg = Config("interactive", args.firmware, args.iommu)
    tmp = tempfile.mkdtemp(prefix="metalos-qemu-")
    cmd = qemu_command(cfg, args.iso, tmp, 1, "MTLS00000001", False)
    cmd += ["-serial", "mon:stdio"]
    print("kernel.sh: booting MetalOS (%s%s); Ctrl-A X quits, hard timeout %d s"
          % (args.firmware, ", intel-iommu" if args.iommu else "", args.timeout),
          flush=True)
    proc = subprocess.Popen(cmd)
    try:
        return proc.wait(timeout=args.timeout)
    except subprocess.TimeoutExpired:
        # SIGTERM first: QEMU then puts the terminal back out of raw mode.
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        print("\nkernel.sh: QEMU stopped after the %d s timeout" % args.timeout)
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso", required=True)
    ap.add_argument("--interactive", action="store_true")
    ap.add_argument("--timeout", type=int, default=300)
    ap.add_argument("--firmware", choices=["seabios", "ovmf"], default="seabios")
    ap.add_argument("--iommu", action="store_true")
    ap.add_argument("--config", action="append",
                    help="run only these configurations (%s)" %
                    ", ".join([c.name for c in CONFIGS] + EXTRAS))
    ap.add_argument("--tests", default="",
                    help="comma-separated kernel tests to run (default: all)")
    ap.add_argument("--jobs", type=int, default=int(os.environ.get("KERNEL_TEST_JOBS", "2")))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.interactive:
        return interactive(args)

    configs = [c for c in CONFIGS if not args.config or c.name in args.config]
    # Checks that are not a test-mode boot; skipped when tests are picked.
    extras = [] if args.tests else [
        x for x in EXTRAS if not args.config or x in args.config]
    log_dir = os.path.join(os.path.dirname(os.path.abspath(args.iso)), "logs")
    os.makedirs(log_dir, exist_ok=True)
    start = time.time()
    results = {}

    def worker(c):
        try:
            if c.name == "crash":
                results[c.name] = run_crash(args.iso, log_dir)
            elif c.name == "shell":
                results[c.name] = run_shell(args.iso, log_dir)
            else:
                results[c.name] = run_config(c, args.iso, args, log_dir)
        except Exception as e:     # a broken harness is a failure too
            r = Result()
            r.add("%s/harness" % c.name, False, repr(e))
            results[c.name] = r

    if "regs" in extras:
        # Not a boot: the register header against Linux's (check_regs.py).
        p = subprocess.run([sys.executable, os.path.join(os.path.dirname(
            os.path.abspath(__file__)), "check_regs.py")],
            capture_output=True, text=True)
        r = Result()
        r.add("regs/pcireg_vs_linux", p.returncode == 0,
              (p.stdout + p.stderr).strip().split("\n")[-1])
        results["regs"] = r
    pending = list(configs) + [Config(x, "seabios", False)
                               for x in extras if x != "regs"]
    running = []
    while pending or running:
        while pending and len(running) < max(1, args.jobs):
            t = threading.Thread(target=worker, args=(pending.pop(0),))
            t.start()
            running.append(t)
        running[0].join()
        running.pop(0)

    passed = failed = 0
    names = [c.name for c in configs] + extras
    for n in names:
        for name, ok, detail in results[n].checks:
            print("%s %-32s %s" % ("PASS" if ok else "FAIL", name, detail))
            if ok:
                passed += 1
            else:
                failed += 1
    print("kernel suite: %.1f s; serial logs in %s" % (time.time() - start, log_dir))
    print("kernel: %d passed, %d failed" % (passed, failed))
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())

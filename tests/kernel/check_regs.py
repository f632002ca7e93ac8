#!/usr/bin/env python3
"""Cross-check kernel/pcireg.h against Linux's include/uapi/linux/pci_regs.h.

Our PCI register header is written by hand from the specifications; where a
constant has the same name as one in Linux's UAPI header (Debian's
linux-libc-dev installs it as /usr/include/linux/pci_regs.h), both must have
the same value, so a typo cannot hide.  Function-like macros and names only
one side defines are skipped.  Each header is evaluated by its own small C
program, since they define the same names.
"""

import os
import re
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OURS = os.path.join(TOP, "kernel", "pcireg.h")
LINUX = "/usr/include/linux/pci_regs.h"
MIN_COMMON = 30     # fewer shared names would mean the check lost its teeth


def object_macros(header):
    """Names of the object-like macros a header defines itself."""
    out = subprocess.run(["gcc", "-E", "-dM", "-include", "stdint.h", "-x", "c",
                          header], capture_output=True, text=True, check=True).stdout
    base = subprocess.run(["gcc", "-E", "-dM", "-include", "stdint.h", "-x", "c",
                           "/dev/null"], capture_output=True, text=True,
                          check=True).stdout
    builtin = set(re.findall(r"^#define (\w+)", base, re.M))
    names = set()
    for m in re.finditer(r"^#define (\w+)(\(?)", out, re.M):
        if m.group(2) == "" and m.group(1) not in builtin:
            names.add(m.group(1))
    return names


def values(header, names, tmp):
    src = os.path.join(tmp, "v.c")
    exe = os.path.join(tmp, "v")
    with open(src, "w") as f:
        f.write("#include <stdint.h>\n#include <stdio.h>\n#include \"%s\"\n"
                "int main(void) {\n" % header)
        for n in names:
            f.write('printf("%s %%llu\\n", (unsigned long long)(%s));\n' % (n, n))
        f.write("return 0; }\n")
    subprocess.run(["gcc", "-w", "-o", exe, src], check=True)
    out = subprocess.run([exe], capture_output=True, text=True, check=True).stdout
    return dict((l.split()[0], int(l.split()[1])) for l in out.splitlines())


def main():
    if not os.path.exists(LINUX):
        print("FAIL %s missing (install linux-libc-dev)" % LINUX)
        return 1
    common = sorted(object_macros(OURS) & object_macros(LINUX))
    with tempfile.TemporaryDirectory() as tmp:
        ours = values(OURS, common, tmp)
        linux = values(LINUX, common, tmp)
    bad = ["%s: ours %#x, Linux %#x" % (n, ours[n], linux[n])
           for n in common if ours[n] != linux[n]]
    if bad or len(common) < MIN_COMMON:
        print("FAIL pcireg.h vs linux/pci_regs.h: %d names shared; %s"
              % (len(common), "; ".join(bad) or "too few shared names"))
        return 1
    print("PASS pcireg.h vs linux/pci_regs.h: %d shared names agree" % len(common))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# Build, boot and test the MetalOS kernel under QEMU.
#   scripts/kernel.sh iso    configure + build build/kernel, make build/kernel/metalos.iso
#   scripts/kernel.sh qemu   build, then boot it on the serial console (Ctrl-A X quits)
#   scripts/kernel.sh test   build, then run the in-QEMU test suite (TCG, SeaBIOS + OVMF)
# Every QEMU run has a hard timeout (KERNEL_QEMU_TIMEOUT seconds for `qemu`).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/build/kernel"
iso="$build/metalos.iso"

die() { printf 'kernel.sh: %s\n' "$*" >&2; exit 1; }

need() {
	command -v "$1" >/dev/null 2>&1 ||
		die "$1 not found; install the packages in scripts/packages-kernel.txt"
}

build_iso() {
	need meson; need ninja; need grub-mkrescue; need xorriso
	if [ ! -f "$build/build.ninja" ]; then
		rm -rf "$build"		# a half-configured directory of ours
		meson setup --cross-file "$top/kernel/cross-x86_64-elf.ini" \
			"$build" "$top/kernel" >/dev/null
	fi
	ninja -C "$build" >/dev/null
	local root="$build/isoroot"
	rm -rf "$root"
	mkdir -p "$root/boot/grub"
	cp "$build/metalos.elf" "$root/boot/metalos.elf"
	cp "$top/kernel/grub.cfg" "$root/boot/grub/grub.cfg"
	cp "$top/kernel/test-module.txt" "$root/boot/test-module.txt"
	# grub-mkrescue makes one hybrid image: BIOS (El Torito, grub-pc) and
	# UEFI (an EFI system partition image, grub-efi-amd64 + mtools).
	grub-mkrescue -o "$iso.tmp" "$root" >"$build/grub-mkrescue.log" 2>&1 ||
		{ cat "$build/grub-mkrescue.log" >&2; die "grub-mkrescue failed"; }
	mv "$iso.tmp" "$iso"
	echo "kernel.sh: built $iso"
}

cmd=${1:-}
case "$cmd" in
iso)
	build_iso
	;;
qemu)
	build_iso
	need qemu-system-x86_64
	exec python3 "$top/tests/kernel/run.py" --iso "$iso" --interactive \
		--timeout "${KERNEL_QEMU_TIMEOUT:-300}" "${@:2}"
	;;
test)
	build_iso
	need qemu-system-x86_64; need python3
	exec python3 "$top/tests/kernel/run.py" --iso "$iso" "${@:2}"
	;;
*)
	die "usage: scripts/kernel.sh iso|qemu|test"
	;;
esac

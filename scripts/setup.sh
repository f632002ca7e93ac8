#!/usr/bin/env bash
# One-time machine set-up for the MetalOS GPU stack: Debian packages, the
# dimgrey_cavefish firmware and the Mesa reference files, all into .cache/.
# Safe to run again: every step checks whether its result is already there.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache="$top/.cache"
mkdir -p "$cache"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

log() { printf 'setup: %s\n' "$*"; }

# --- apt sources -----------------------------------------------------------
# The mirror is whatever Debian mirror this machine already uses; we only add
# suites/components (bookworm-backports, non-free-firmware) and deb-src lines.
extra_list=/etc/apt/sources.list.d/metalgpu-extra.sources

find_mirror() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		awk '
			/^URIs:/ { uri = $2 }
			/^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "bookworm") found = 1 }
			/^$/ { if (found && uri != "") { print uri; exit } uri = ""; found = 0 }
			END { if (found && uri != "") print uri }' "$f" | head -n1
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' "$f"
	done
}

setup_sources() {
	if [ -f "$extra_list" ]; then
		return
	fi
	local mirror
	mirror=$(find_mirror | grep -v security | head -n1)
	if [ -z "$mirror" ]; then
		echo "setup: cannot find a Debian bookworm mirror in /etc/apt/sources.list*" >&2
		exit 1
	fi
	log "adding bookworm-backports, non-free-firmware and deb-src from $mirror"
	$SUDO tee "$extra_list" >/dev/null <<EOT
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: non-free-firmware
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $mirror
Suites: bookworm-backports
Components: main non-free-firmware
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: $mirror
Suites: bookworm bookworm-updates bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOT
	$SUDO apt-get update -qq
}

# --- packages --------------------------------------------------------------
# scripts/packages*.txt: one Debian package per line, '#' starts a comment.
PKGS=$(cat "$top"/scripts/packages*.txt | sed 's/#.*//' | tr -s ' \n' ' ')

setup_packages() {
	local missing="" p
	for p in $PKGS; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return
	log "installing:$missing"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# --- firmware --------------------------------------------------------------
# Debian's firmware-amd-graphics, unpacked into the cache; the system's own
# /lib/firmware is never touched.
setup_firmware() {
	local fw="$cache/firmware"
	[ -f "$fw/amdgpu/dimgrey_cavefish_sos.bin" ] && return
	log "downloading firmware-amd-graphics into $fw"
	local tmp
	tmp=$(mktemp -d)
	chmod 777 "$tmp" # apt's _apt user downloads into it
	(cd "$tmp" && apt-get download -qq firmware-amd-graphics)
	mkdir -p "$cache/pkg"
	dpkg -x "$tmp"/firmware-amd-graphics_*.deb "$cache/pkg/firmware-amd-graphics"
	rm -rf "$fw"
	mkdir -p "$fw"
	cp -r "$cache/pkg/firmware-amd-graphics/lib/firmware/amdgpu" "$fw/amdgpu"
	rm -rf "$tmp"
}

# --- Mesa reference files -----------------------------------------------------
# Only the two files the cross-check test reads: register offsets
# (gfx103.json) and PM4 opcodes (sid.h).  They are an independent source that
# our own headers are checked against.
setup_mesa_ref() {
	local ref="$cache/mesa-ref"
	[ -f "$ref/gfx103.json" ] && [ -f "$ref/sid.h" ] && return
	log "fetching Mesa source for the register cross-check"
	local tmp
	tmp=$(mktemp -d)
	chmod 777 "$tmp"
	# bookworm's Mesa: its register database and sid.h are what we need, and
	# its source package is always on the mirror (backports' may not be).
	(cd "$tmp" && apt-get source --download-only -qq mesa/bookworm >/dev/null)
	local tarball
	tarball=$(ls "$tmp"/mesa_*.orig.tar.* | head -n1)
	mkdir -p "$ref"
	tar -xf "$tarball" -C "$tmp" --wildcards \
		'*/src/amd/registers/gfx103.json' '*/src/amd/common/sid.h'
	cp "$tmp"/mesa-*/src/amd/registers/gfx103.json "$ref/"
	cp "$tmp"/mesa-*/src/amd/common/sid.h "$ref/"
	basename "$tarball" >"$ref/SOURCE"
	rm -rf "$tmp"
}

setup_sources
setup_packages
setup_firmware
setup_mesa_ref
bash "$top/scripts/setup-radv.sh"

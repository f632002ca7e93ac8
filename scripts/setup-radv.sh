#!/usr/bin/env bash
# Unpack Debian's RADV (mesa-vulkan-drivers) into .cache/radv/<version>/,
# without installing it: the system's own Vulkan drivers are never touched.
# Versions: bookworm's 22.3.6 and bookworm-backports' 25.0.7 (the apt source
# for backports is added by scripts/setup.sh).  Safe to run again.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache="$top/.cache/radv"
mkdir -p "$cache"

log() { printf 'setup-radv: %s\n' "$*"; }

# fetch SHORT_VERSION APT_VERSION_SPEC
fetch() {
	local short=$1 spec=$2 dst="$cache/$1"
	local lib="$dst/usr/lib/x86_64-linux-gnu/libvulkan_radeon.so"
	[ -f "$lib" ] && return 0
	local ver
	ver=$(apt-cache madison mesa-vulkan-drivers | awk -v s="$spec" \
		'$3 ~ "^" s { print $3; exit }')
	if [ -z "$ver" ]; then
		echo "setup-radv: no mesa-vulkan-drivers $spec in the apt sources" \
			"(run scripts/setup.sh first)" >&2
		return 1
	fi
	log "downloading mesa-vulkan-drivers $ver into $dst"
	local tmp
	tmp=$(mktemp -d)
	chmod 777 "$tmp" # apt's _apt user downloads into it
	(cd "$tmp" && apt-get download -qq "mesa-vulkan-drivers=$ver")
	rm -rf "$dst.tmp"
	dpkg -x "$tmp"/mesa-vulkan-drivers_*.deb "$dst.tmp"
	echo "$ver" >"$dst.tmp/VERSION"
	rm -rf "$dst"
	mv "$dst.tmp" "$dst"
	rm -rf "$tmp"
	[ -f "$lib" ] || { echo "setup-radv: $lib missing after unpacking" >&2; return 1; }
}

fetch 22.3.6 22.3.6
fetch 25.0.7 25.0.7

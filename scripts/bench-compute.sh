#!/usr/bin/env bash
# make bench, second half: a compute suite with a peer in the same run.
# Each workload (vk_compute's table, tests/vulkan/vk_workloads.c) runs
# through `vk_compute --bench RUNS NAME` (a) on the model with stock RADV
# (`metalgpu run`, release build) and (b) on lavapipe, Mesa's CPU Vulkan
# driver from the same cached mesa-vulkan-drivers (.cache/radv/<version>,
# scripts/setup-radv.sh), chosen by a generated ICD file; the system's
# Vulkan drivers are never touched.  Both check the result against the C
# reference after the last run.  Per workload it prints the median
# dispatch + wait time on each, the ratio model/lavapipe and the model's
# wave instructions per second; then the suite total (sum of the medians
# of the workloads that passed on both) and its ratio.  A workload that
# fails or is skipped on either prints why and stays out of the total.
#
#   scripts/bench-compute.sh		the suite
#   scripts/bench-compute.sh --lavapipe	`vk_compute NAME` for every
#					workload on lavapipe only: validates
#					the tests and their references
#					without the model (exit 1 on a failure)
#
# Environment: METALGPU_RADV (default 22.3.6), BENCH_RUNS (9),
# BENCH_WORKLOADS (default: all), VK_COMPUTE (default
# build/asan/tests/vulkan/vk_compute: built without sanitizers, like
# `make demo`'s).  A shader the model cannot run hangs its queue: hang
# detection is cut to 3 s here so such a workload costs seconds.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
version=${METALGPU_RADV:-22.3.6}
runs=${BENCH_RUNS:-9}
metalgpu="$top/build/release/tools/metalgpu"
prog=${VK_COMPUTE:-$top/build/asan/tests/vulkan/vk_compute}
lib="$top/.cache/radv/$version/usr/lib/x86_64-linux-gnu/libvulkan_lvp.so"
icd_dir="$top/build/release"
icd="$icd_dir/lvp_icd.$version.json"
all="vadd loop saxpy reduce scan matmul histogram pushspec indirect atomics
	atomic64 atomic_fadd atomic_fminmax sg_ballot sg_shuffle sg_arith
	sg_clustered int16 float16 int64 float64 image_r32ui image_rgba8 wg1024
	grid_large grid_wide grid3d"
workloads=${BENCH_WORKLOADS:-$all}

if [ ! -x "$prog" ] || [ ! -f "$lib" ]; then
	echo "bench-compute: skipped: needs $prog (make build) and $lib" \
		"(scripts/setup-radv.sh)" >&2
	exit 0
fi
mkdir -p "$icd_dir"
printf '{ "file_format_version": "1.0.0", "ICD": { "api_version": "1.1.230", "library_path": "%s" } }\n' \
	"$lib" >"$icd"

lavapipe() { VK_ICD_FILENAMES="$icd" VK_DRIVER_FILES="$icd" "$@"; }
model() { METALGPU_RADV=$version METALGPU_JOB_TIMEOUT_MS=3000 "$metalgpu" run -- "$@"; }

# disasm DWORD...: the first instruction in gfx1032 assembly, if llvm-mc
# is there (the driver logs an illegal instruction's first two dwords; a
# zero dword after them stands for a literal the log leaves out).
disasm() {
	local d k bytes=""

	command -v llvm-mc >/dev/null || return 0
	for d in "$@" 0; do
		for k in 0 8 16 24; do
			bytes="$bytes $(printf '0x%02x' $(((d >> k) & 255)))"
		done
	done
	llvm-mc -triple=amdgcn -mcpu=gfx1032 --disassemble <<<"$bytes" 2>/dev/null |
		grep -v '^[[:space:]]*\.text' | head -1 | sed 's/^[[:space:]]*//'
}

# why OUTPUT: one line saying why a run did not pass (lavapipe's own
# warning about not being a conformant GPU left out).
why() {
	local l sq

	sq=$(grep -m1 -o 'PC 0x[0-9a-f]* dwords 0x[0-9a-f]* 0x[0-9a-f]*' <<<"$1" || true)
	if [ -n "$sq" ]; then
		set -- $sq
		echo "illegal instruction at PC $2: $4 $5 ($(disasm "$4" "$5"))"
		return
	fi
	l=$(grep -m1 -o 'CP bad opcode.*\|skipped: .*' <<<"$1" || true)
	[ -n "$l" ] || l=$(grep -v '^WARNING: lavapipe' <<<"$1" | grep -v '^$' | head -1)
	echo "${l:0:110}"
}

if [ "${1:-}" = "--lavapipe" ]; then
	echo "vk_compute on lavapipe (Mesa $version), each result checked against C:"
	failed=0
	for w in $workloads; do
		rc=0
		out=$(lavapipe "$prog" "$w" 2>&1) || rc=$?
		case $rc in
		0) printf '  %-15s pass\n' "$w" ;;
		77) printf '  %-15s %s\n' "$w" "$(why "$out")" ;;
		*) printf '  %-15s FAIL: %s\n' "$w" "$(why "$out")"; failed=1 ;;
		esac
	done
	exit $failed
fi

# field LINE NAME: the number after NAME in a vk_compute --bench line.
field() { sed -n "s/.*$2 \([0-9.e+]*\).*/\1/p" <<<"$1"; }

echo "compute suite (vk_compute --bench $runs, Mesa $version; median ms of submit + fence wait):"
printf '  %-15s %12s %10s %7s   %s\n' workload "model (RADV)" lavapipe ratio \
	"model wave instructions/s"
tm=0 tl=0 n=0
for w in $workloads; do
	mrc=0 lrc=0
	m=$(model "$prog" --bench "$runs" "$w" 2>&1) || mrc=$?
	l=$(lavapipe "$prog" --bench "$runs" "$w" 2>&1) || lrc=$?
	if [ $mrc -ne 0 ] || [ $lrc -ne 0 ]; then
		[ $mrc -eq 0 ] || printf '  %-15s model: %s\n' "$w" "$(why "$m")"
		[ $lrc -eq 0 ] || printf '  %-15s lavapipe: %s\n' "$w" "$(why "$l")"
		continue
	fi
	mms=$(field "$m" median)
	lms=$(field "$l" median)
	ips=$(sed -n 's/.*a run, \([0-9.e+]*\) per s.*/\1/p' <<<"$m")
	awk -v w="$w" -v m="$mms" -v l="$lms" -v i="${ips:-0}" 'BEGIN {
		printf "  %-15s %12.3f %10.3f %7.1f   %.3g\n", w, m, l, m / l, i }'
	tm=$(awk -v a="$tm" -v b="$mms" 'BEGIN { print a + b }')
	tl=$(awk -v a="$tl" -v b="$lms" 'BEGIN { print a + b }')
	n=$((n + 1))
done
awk -v n="$n" -v m="$tm" -v l="$tl" 'BEGIN {
	printf "  %-15s %12.3f %10.3f %7.1f   (sum of the medians of %d workloads)\n",
	    "total", m, l, (l > 0 ? m / l : 0), n }'

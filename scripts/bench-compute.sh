#!/usr/bin/env bash
# make bench, second half: the compute benchmark with a peer in the same run.
# The same SPIR-V (tests/vulkan/shaders: vadd, loop) runs through
# `vk_compute --bench RUNS NAME` (a) on the model with stock RADV
# (`metalgpu run`, release build) and (b) on lavapipe, Mesa's CPU Vulkan
# driver from the same cached mesa-vulkan-drivers (.cache/radv/<version>,
# scripts/setup-radv.sh), chosen by a generated ICD file; the system's
# Vulkan drivers are never touched.  Prints each median dispatch + wait
# time, the ratio model/lavapipe and the model's wave instructions per
# second.  Environment: METALGPU_RADV (default 22.3.6), BENCH_RUNS (9),
# VK_COMPUTE (default build/asan/tests/vulkan/vk_compute: built without
# sanitizers, like `make demo`'s).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
version=${METALGPU_RADV:-22.3.6}
runs=${BENCH_RUNS:-9}
metalgpu="$top/build/release/tools/metalgpu"
prog=${VK_COMPUTE:-$top/build/asan/tests/vulkan/vk_compute}
lib="$top/.cache/radv/$version/usr/lib/x86_64-linux-gnu/libvulkan_lvp.so"
icd="$top/build/release/lvp_icd.$version.json"

if [ ! -x "$prog" ] || [ ! -f "$lib" ]; then
	echo "bench-compute: skipped: needs $prog (make build) and $lib" \
		"(scripts/setup-radv.sh)" >&2
	exit 0
fi
printf '{ "file_format_version": "1.0.0", "ICD": { "api_version": "1.1.230", "library_path": "%s" } }\n' \
	"$lib" >"$icd"

# field LINE NAME: the number after NAME in a vk_compute --bench line.
field() { sed -n "s/.*$2 \([0-9.e+]*\).*/\1/p" <<<"$1"; }

echo "compute (vk_compute --bench $runs, Mesa $version; median of submit + fence wait):"
for w in vadd loop; do
	m=$(METALGPU_RADV=$version "$metalgpu" run -- "$prog" --bench "$runs" "$w")
	l=$(VK_ICD_FILENAMES="$icd" VK_DRIVER_FILES="$icd" "$prog" --bench "$runs" "$w")
	mms=$(field "$m" median)
	lms=$(field "$l" median)
	ips=$(sed -n 's/.*a run, \([0-9.e+]*\) per s.*/\1/p' <<<"$m")
	awk -v w="$w" -v m="$mms" -v l="$lms" -v i="$ips" 'BEGIN {
		printf "  %-5s model (RADV) %9.3f ms   lavapipe %8.3f ms   ratio %6.1f   model %.3g wave instructions/s\n",
		    w, m, l, m / l, i }'
done

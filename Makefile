# Thin wrapper around Meson + Ninja.  Every target first runs the set-up
# script, which installs what is missing and does nothing the second time.

ASAN_DIR    := build/asan
RELEASE_DIR := build/release
SETUP       := scripts/setup.sh
FIRMWARE    := $(CURDIR)/.cache/firmware

export METALGPU_FIRMWARE_DIR ?= $(FIRMWARE)

.PHONY: all setup build release test demo bench qemu clean

all: build

setup:
	@bash $(SETUP)

$(ASAN_DIR)/build.ninja:
	meson setup $(ASAN_DIR) -Db_sanitize=address,undefined -Db_lundef=false

$(RELEASE_DIR)/build.ninja:
	meson setup $(RELEASE_DIR) --buildtype=release -Dtests=false

build: setup $(ASAN_DIR)/build.ninja
	ninja -C $(ASAN_DIR)

release: setup $(RELEASE_DIR)/build.ninja
	ninja -C $(RELEASE_DIR)

test: build
	meson test -C $(ASAN_DIR) --print-errorlogs --num-processes 2
	@if [ -x scripts/kernel.sh ] || [ -f scripts/kernel.sh ]; then bash scripts/kernel.sh test; fi

# vk_xfer comes from the test build (built without sanitizers, so the
# release bridge can load next to it).
demo: release build
	$(RELEASE_DIR)/tools/metalgpu info
	$(RELEASE_DIR)/tools/metalgpu run -- vulkaninfo --summary
	$(RELEASE_DIR)/tools/metalgpu run -- $(ASAN_DIR)/tests/vulkan/vk_xfer gfx
	$(RELEASE_DIR)/tools/metalgpu run -- $(ASAN_DIR)/tests/vulkan/vk_compute vadd
	$(RELEASE_DIR)/tools/metalgpu run -- $(ASAN_DIR)/tests/vulkan/vk_compute matmul
	$(RELEASE_DIR)/tools/metalgpu run -- $(ASAN_DIR)/tests/vulkan/vk_compute image_r32ui
	@echo "demo: the simulated RX 6600 came up, stock RADV listed it in vulkaninfo," \
	    "ran vkCmdUpdateBuffer/FillBuffer/CopyBuffer and GLSL compute shaders" \
	    "(a vector add over 2^20 floats, a tiled matrix multiply, storage-image" \
	    "load/store/atomics) on it; every result was checked"

# The compute half runs vk_compute from the test build, as demo does.
bench: release build
	$(RELEASE_DIR)/tools/metalgpu-bench
	bash scripts/bench-compute.sh

qemu: setup
	@bash scripts/kernel.sh qemu

clean:
	rm -rf build

#!/usr/bin/env bash
# Runs every test from a fresh checkout: installs the dependencies (idempotent), configures the
# `dev` preset (warnings as errors), builds, and runs CTest. Tests that need ../shared or
# Python packages skip cleanly when those are absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev -j "$(nproc)"
ctest --preset dev -j "$(nproc)"

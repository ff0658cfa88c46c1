#!/usr/bin/env bash
# The main job on the bundled example digest: installs the dependencies (idempotent), builds
# the release preset, then prints the example's counts and its lint findings.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)"
./build/release/cli/citegraph stats
./build/release/cli/citegraph lint

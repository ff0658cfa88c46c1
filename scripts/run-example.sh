#!/usr/bin/env bash
# The main job on the bundled example digest: installs the dependencies (idempotent), builds
# the release preset, then prints the example's counts and its lint findings, and draws the
# example's topic map as an SVG (build/example-topic-map.svg).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)"
./build/release/cli/citegraph stats
./build/release/cli/citegraph lint
./build/release/cli/citegraph map --kind topic -o build/example-topic-map.svg
echo "run-example: the example digest's topic map is $(pwd)/build/example-topic-map.svg (open it in a browser; hover a paper for its description)"

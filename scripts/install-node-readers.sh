#!/usr/bin/env bash
# Installs the JavaScript readers the export tests open files with (graphology with its GEXF
# and GraphML parsers, and Cytoscape.js run headless) from the npm registry into one directory,
# by default build/node-readers in the repository (override with CITEGRAPH_NODE_READERS=DIR;
# the tests read the same variable). Idempotent: when the pinned
# versions are already there it does nothing. Without node or npm it says so and exits 0,
# and the tests that need these readers skip.
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${CITEGRAPH_NODE_READERS:-$PWD/build/node-readers}"

# Pinned so a test run reads with the versions the tests were written against.
packages=(graphology@0.26.0 graphology-types@0.24.8 graphology-gexf@0.13.2 graphology-graphml@0.5.2 cytoscape@3.35.0)

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "install-node-readers: node or npm missing; the graphology reader tests will skip"
  exit 0
fi

stamp="$dir/.installed"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "${packages[*]}" ]; then
  echo "install-node-readers: already installed in $dir"
  exit 0
fi

mkdir -p "$dir"
[ -f "$dir/package.json" ] || echo '{"name": "citegraph-node-readers", "private": true}' > "$dir/package.json"
npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "${packages[@]}"
echo "${packages[*]}" > "$stamp"
echo "install-node-readers: installed ${packages[*]} in $dir"

#!/usr/bin/env bash
# Installs citegraph's build and test dependencies from Debian 12's archive.
# Idempotent: packages already present are skipped, so a second run does nothing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ninja-build
  libboost-graph-dev libboost-iostreams-dev
  libgraphviz-dev graphviz
  nlohmann-json3-dev libcli11-dev
  zlib1g-dev libicu-dev
  googletest libgtest-dev libgmock-dev
  python3 python3-networkx python3-igraph python3-scipy python3-numpy
  libxml2-utils
  fonts-dejavu-core
  # the distributed mode: Open MPI, Boost.MPI and the Parallel BGL
  openmpi-bin libopenmpi-dev libboost-mpi-dev libboost-graph-parallel-dev
)

# node and npm run the JavaScript readers of the export tests (graphology, Cytoscape.js); a
# node that is already installed (from any archive) is used as it is.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

bash "$(dirname "$0")/apt-install.sh" install-deps "${packages[@]}"

# The export tests' JavaScript readers from the npm registry (idempotent). Without them those
# tests skip, so a failed download does not stop the build.
bash "$(dirname "$0")/install-node-readers.sh" ||
  echo "install-deps: the node readers could not be installed; their export tests will skip"

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

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

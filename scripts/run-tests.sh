#!/usr/bin/env bash
# Runs every test from a fresh checkout: installs the dependencies (idempotent), configures the
# `dev` preset (warnings as errors), builds, and runs CTest. Tests that need ../shared or
# Python packages skip cleanly when those are absent.
#
# Then the same tests again under the address and undefined-behaviour sanitizers (`asan`
# preset), with leak checking; tests/lsan.supp suppresses Graphviz's known small leaks by
# library name and nothing else. Every test runs in both builds except, in the sanitizer run
# only, the tests matching $ASAN_EXCLUDE, by default:
#  - the citegraph-mpi tests ('^Distributed\.'): Open MPI (libmpi, libopen-pal) leaks by
#    design at MPI_Finalize, so LeakSanitizer fails every run of it;
#  - the three export tests on Cora ('ExportingTwiceGivesIdenticalBytes/.cora.', 'cora_graphml_(networkx|igraph)'): ~400 s each under ASan (a third of the
#    sanitizer run), while the same writers run under ASan on the example, the hostile and the
#    merged digests, and in every fuzz entry.
# They all pass in the dev run. Measured on the shared 2-core machine with other jobs running
# (-j 2): all 407 tests under ASan took 1247 s; without these 9 an estimated ~650 s (tests/README.md).
# ASAN_EXCLUDE='' runs everything; CITEGRAPH_SKIP_ASAN=1 skips the sanitizer run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset dev
cmake --build --preset dev -j "$(nproc)"
ctest --preset dev -j "$(nproc)"

if [ "${CITEGRAPH_SKIP_ASAN:-0}" != "1" ]; then
  start=$(date +%s)
  cmake --preset asan
  cmake --build --preset asan -j "$(nproc)"
  exclude=()
  # An empty -E regex would match, and so exclude, every test: only pass it when set.
  ASAN_EXCLUDE="${ASAN_EXCLUDE-^Distributed\.|ExportingTwiceGivesIdenticalBytes/.cora.|CountsPerKindEqualCitegraphs/cora_graphml_(networkx|igraph)}"
  if [ -n "$ASAN_EXCLUDE" ]; then exclude=(-E "$ASAN_EXCLUDE"); fi
  LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
    ctest --preset asan -j "$(nproc)" "${exclude[@]}"
  echo "run-tests: asan build and tests took $(( $(date +%s) - start )) s"
fi

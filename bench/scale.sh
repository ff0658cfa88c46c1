#!/usr/bin/env bash
# Issue 6's benchmarks: a 64M-edge R-MAT graph on one machine, and citegraph-mpi on 1, 2 and
# 4 ranks against single-machine `citegraph rank`. Not a test; see bench/README.md.
#
#   bash bench/scale.sh                 # about 15-25 minutes on 2 cores
#   IGRAPH=1 bash bench/scale.sh        # also igraph on the 64M-edge graph (long; needs ~10 GB)
#
# Knobs: SCALE [22] and EDGES [67108864] for the big graph; MPI_GRAPHS [cit-HepPh and the
# 2^20, 16M-edge R-MAT of run.sh]; RANKS [1,2,4]; REPS [1]; TOL [1e-10] (networkx's criterion,
# the same on both sides).
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench_dir/.." && pwd)"
cache="$bench_dir/.cache"
mkdir -p "$cache"
cd "$repo"
SCALE="${SCALE:-22}"
EDGES="${EDGES:-67108864}"
RANKS="${RANKS:-1,2,4}"
REPS="${REPS:-1}"
TOL="${TOL:-1e-10}"
IGRAPH="${IGRAPH:-0}"
say() { echo "bench: $*" >&2; }

if [ ! -x build/release/cli/citegraph ] || [ ! -x build/release/cli/citegraph-mpi ]; then
  say "building the release preset (citegraph, citegraph-mpi)"
  cmake --preset release >&2
  cmake --build --preset release --target citegraph citegraph-mpi >&2
fi

rmat_bin="$cache/rmat"
if [ ! -x "$rmat_bin" ] || [ "$bench_dir/rmat.cpp" -nt "$rmat_bin" ]; then
  g++ -O2 -std=c++20 -o "$rmat_bin" "$bench_dir/rmat.cpp"
fi
generate() {  # SCALE EDGES -> path
  local out="$cache/rmat-s$1-e$2-seed1.tsv"
  if [ ! -s "$out" ]; then
    say "generating $(basename "$out")"
    "$rmat_bin" "$1" "$2" 1 "$out.tmp" && mv "$out.tmp" "$out"
  fi
  echo "$out"
}

big="$(generate "$SCALE" "$EDGES")"
echo "## ${EDGES} edges, R-MAT 2^${SCALE}: load + PageRank on one machine"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 "$bench_dir/scale.py" build/release/cli/citegraph "$big" --edges "$EDGES" --tolerance "$TOL" \
  $( [ "$IGRAPH" = 1 ] && echo --igraph "$bench_dir/igraph_worker.py" )

echo
echo "## citegraph-mpi on one machine"
hepph="$cache/cit-hepph.tsv"
if [ ! -s "$hepph" ] && [ -f ../shared/data/cit-hepph/edges.tsv.gz ]; then
  gzip -dc ../shared/data/cit-hepph/edges.tsv.gz | grep -v '^#' > "$hepph"
fi
graphs=()
[ -s "$hepph" ] && graphs+=("cit-HepPh=$hepph")
graphs+=("R-MAT 2^20 16M=$(generate 20 16777216)")
/usr/bin/python3 "$bench_dir/distributed.py" build/release/cli/citegraph build/release/cli/citegraph-mpi \
  "${graphs[@]}" --reps "$REPS" --ranks "$RANKS" --tolerance "$TOL"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

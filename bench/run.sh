#!/usr/bin/env bash
# citegraph vs igraph on cit-HepPh and a generated R-MAT graph, in one run.
# Not a test: nothing in the test run calls this. See bench/README.md.
#
#   bash bench/run.sh                 # everything (about 10-20 minutes on 2 cores)
#   REPS=3 BIG_REPS=1 bash bench/run.sh
#
# Environment knobs (defaults in brackets):
#   REPS [5]         repetitions on cit-HepPh (PageRank, Leiden, load)
#   BIG_REPS [3]     repetitions on the R-MAT graph (igraph's Read_Ncol of 16M edges is slow)
#   BC_REPS [1]      repetitions of exact betweenness on cit-HepPh (igraph takes about a minute)
#   RMAT_SCALE [20]  R-MAT: 2^SCALE vertex ids
#   RMAT_EDGES [16777216]  R-MAT: distinct edges (16 * 2^20)
#   RMAT_SEED [1]    R-MAT generator seed
#   SKIP_RMAT [0]    1: cit-HepPh only
#   PR_L1 [calibrated]  PageRank stop: L1 change per iteration (citegraph --tolerance = PR_L1 / n);
#                    unset: the loosest of 1e-10..1e-14 that matches igraph's accuracy on cit-HepPh
#   ACCURACY_RMAT [0]  1: also compare the PageRank vectors on the R-MAT graph (about 3 more minutes)
#   CG_TIMEOUT [300] bound on one citegraph run; a task that hits it is shown as "> 300 s", not repeated
#   SEED [1]         first Leiden seed (repetition i uses SEED + i, for both tools)
#   LEIDEN_ITERATIONS [2]  Leiden passes, the same for both tools (-1: until stable; see bench.py)
#   CITEGRAPH        binary to time [build/release/cli/citegraph; built with the release preset if missing]
#   REBUILD [0]      1: run `cmake --build --preset release` even when the binary exists
set -euo pipefail

bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$bench_dir/.." && pwd)"
cache="$bench_dir/.cache"
mkdir -p "$cache"
cd "$repo"

REPS="${REPS:-5}"
BIG_REPS="${BIG_REPS:-3}"
BC_REPS="${BC_REPS:-1}"
RMAT_SCALE="${RMAT_SCALE:-20}"
RMAT_EDGES="${RMAT_EDGES:-16777216}"
RMAT_SEED="${RMAT_SEED:-1}"
SKIP_RMAT="${SKIP_RMAT:-0}"
PR_L1="${PR_L1:-}"
CG_TIMEOUT="${CG_TIMEOUT:-300}"
ACCURACY_RMAT="${ACCURACY_RMAT:-0}"
SEED="${SEED:-1}"
LEIDEN_ITERATIONS="${LEIDEN_ITERATIONS:-2}"
REBUILD="${REBUILD:-0}"
CITEGRAPH="${CITEGRAPH:-$repo/build/release/cli/citegraph}"
PY=/usr/bin/python3

say() { echo "bench: $*" >&2; }

# --- tools: the project's own dependencies, and python3-igraph for the peer ---------------
if ! command -v cmake >/dev/null || ! command -v g++ >/dev/null || ! $PY -c 'import igraph' 2>/dev/null; then
  say "installing dependencies (scripts/install-deps.sh installs python3-igraph too)"
  bash "$repo/scripts/install-deps.sh"
fi
if ! $PY -c 'import igraph' 2>/dev/null; then
  say "python3-igraph is not importable by $PY: no peer to compare with"; exit 1
fi
if [ ! -x /usr/bin/time ]; then
  say "note: /usr/bin/time is absent (Debian package 'time'); peak memory comes from wait4(), the same kernel figure"
fi

# --- citegraph, release build -------------------------------------------------------------
if [ ! -x "$CITEGRAPH" ] || [ "$REBUILD" = 1 ]; then
  say "building the release preset"
  cmake --preset release >&2
  cmake --build --preset release --target citegraph >&2
fi
[ -x "$CITEGRAPH" ] || { say "no binary at $CITEGRAPH"; exit 1; }

graphs=()

# --- cit-HepPh: decompressed and comment-free (igraph's Read_Ncol rejects '#' lines) -------
hepph_gz="$repo/../shared/data/cit-hepph/edges.tsv.gz"
hepph="$cache/cit-hepph.tsv"
if [ -f "$hepph_gz" ]; then
  if [ ! -s "$hepph" ] || [ "$hepph_gz" -nt "$hepph" ]; then
    say "decompressing $hepph_gz"
    gzip -dc "$hepph_gz" | grep -v '^#' > "$hepph.tmp"
    mv "$hepph.tmp" "$hepph"
  fi
  graphs+=(--graph "cit-HepPh=$hepph=$REPS")
else
  say "skipping cit-HepPh: $hepph_gz is absent (../shared/data beside the repository)"
fi

# --- R-MAT: generated once into the cache --------------------------------------------------
if [ "$SKIP_RMAT" != 1 ]; then
  rmat_bin="$cache/rmat"
  if [ ! -x "$rmat_bin" ] || [ "$bench_dir/rmat.cpp" -nt "$rmat_bin" ]; then
    say "compiling bench/rmat.cpp"
    g++ -O2 -std=c++20 -o "$rmat_bin" "$bench_dir/rmat.cpp"
  fi
  rmat="$cache/rmat-s${RMAT_SCALE}-e${RMAT_EDGES}-seed${RMAT_SEED}.tsv"
  if [ ! -s "$rmat" ] || [ "$rmat_bin" -nt "$rmat" ]; then
    say "generating $(basename "$rmat") (once; about half a minute)"
    "$rmat_bin" "$RMAT_SCALE" "$RMAT_EDGES" "$RMAT_SEED" "$rmat.tmp"
    mv "$rmat.tmp" "$rmat"
  fi
  if (( RMAT_EDGES % 1048576 == 0 )); then m="$((RMAT_EDGES / 1048576))M"; else m="$RMAT_EDGES"; fi
  rmat_name="R-MAT 2^${RMAT_SCALE}, ${m} edges"
  graphs+=(--graph "$rmat_name=$rmat=$BIG_REPS")
  if [ "$ACCURACY_RMAT" = 1 ]; then graphs+=(--accuracy-also "$rmat_name"); fi
fi

[ ${#graphs[@]} -gt 0 ] || { say "no graph to run"; exit 1; }

stamp="$(date +%Y%m%d-%H%M%S)"
say "running; results go to $cache/results-$stamp.{txt,json}"
$PY "$bench_dir/bench.py" --citegraph "$CITEGRAPH" "${graphs[@]}" \
  --bc-reps "$BC_REPS" ${PR_L1:+--pr-l1 "$PR_L1"} --cg-timeout "$CG_TIMEOUT" --seed "$SEED" --leiden-iterations "$LEIDEN_ITERATIONS" --single-thread \
  --json-out "$cache/results-$stamp.json" --report-out "$cache/results-$stamp.txt"

#!/usr/bin/env bash
# Runs every libFuzzer target for a set time, one after the other, at the lowest CPU priority,
# and keeps what they find as regression inputs.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default: 600 s, every target
#
# Needs clang and libFuzzer (scripts/install-fuzz-deps.sh). Builds the `fuzz` preset.
# Per target:
#   corpus:    build/fuzz/corpus/<target>/ (grows over runs; not committed), seeded from
#              fuzz/corpus/<target>/ (committed, < 1 MB in all)
#   findings:  crash-*, timeout-*, oom-* and leak-* files are copied to
#              tests/data/regression/<target>/, where tests/regression replays them in the
#              normal build (`ctest -R regression`). Fix the bug, keep the file.
#   stats:     libFuzzer's final line (#execs, cov, ft) goes to build/fuzz/logs/<target>.log
#              and is summarized at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(digest edges jsonl openalex); fi

cmake --preset fuzz >/dev/null
cmake --build build/fuzz -j 2 --target "${targets[@]/#/fuzz_}"

summary=()
for t in "${targets[@]}"; do
  corpus="build/fuzz/corpus/$t"
  artifacts="build/fuzz/artifacts/$t"
  log="build/fuzz/logs/$t.log"
  mkdir -p "$corpus" "$artifacts" "build/fuzz/logs" "tests/data/regression/$t"
  # Seeds from ../shared are taken at run time into the uncommitted corpus: the shared digests
  # and abstracts are other people's writing and stay in ../shared.
  shared="../shared"
  if [ "$t" = digest ] && [ -d "$shared/digests" ]; then
    for d in "$shared"/digests/*.md; do head -c 60000 "$d" > "$corpus/shared-$(basename "$d")"; done
  fi
  if [ "$t" = jsonl ] && [ -f "$shared/data/cit-hepth/papers.jsonl.gz" ]; then
    gzip -dc "$shared/data/cit-hepth/papers.jsonl.gz" | head -n 20 > "$corpus/shared-cit-hepth-head.jsonl" || true
  fi
  dict=()
  if [ -f "fuzz/$t.dict" ]; then dict=(-dict="fuzz/$t.dict"); fi
  echo "fuzz.sh: $t for ${seconds}s"
  # -fork keeps fuzzing after a crash, so one run finds several bugs; -ignore_crashes etc.
  # make libFuzzer write every finding into the artifacts directory and go on.
  set +e
  TMPDIR="${FUZZ_TMPDIR:-$( [ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")}" \
    nice -n 19 "build/fuzz/fuzz/fuzz_$t" "$corpus" "fuzz/corpus/$t" "${dict[@]}" \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 -print_funcs=0 >"$log" 2>&1
  status=$?
  set -e
  new=0
  for f in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*; do
    [ -e "$f" ] || continue
    if [ ! -e "tests/data/regression/$t/$(basename "$f")" ]; then
      cp "$f" "tests/data/regression/$t/"
      new=$((new + 1))
    fi
  done
  stats=$(grep -E '^#[0-9]+.*(cov|DONE)' "$log" | tail -1 || true)
  summary+=("$t: exit $status, $new new finding(s); last: ${stats:-no stats line}")
done
printf '%s\n' "${summary[@]}"

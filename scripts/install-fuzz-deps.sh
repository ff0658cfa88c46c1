#!/usr/bin/env bash
# Installs what the `fuzz` preset needs (clang with libFuzzer and the sanitizer runtimes, and
# clang's OpenMP) from Debian 12's archive. Kept apart from install-deps.sh so CI, which does
# not fuzz, stays lean. Idempotent. Then: scripts/fuzz.sh [SECONDS_PER_TARGET].
set -euo pipefail

packages=(clang libclang-rt-14-dev libomp-14-dev llvm)

bash "$(dirname "$0")/apt-install.sh" install-fuzz-deps "${packages[@]}"

#!/usr/bin/env bash
# Installs what the `fuzz` preset needs (clang with libFuzzer and the sanitizer runtimes, and
# clang's OpenMP) from Debian 12's archive. Kept apart from install-deps.sh so CI, which does
# not fuzz, stays lean. Idempotent. Then: scripts/fuzz.sh [SECONDS_PER_TARGET].
set -euo pipefail

packages=(clang libclang-rt-14-dev libomp-14-dev llvm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-fuzz-deps: all ${#packages[@]} packages already installed"
  exit 0
fi
echo "install-fuzz-deps: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

#!/usr/bin/env bash
# apt-install.sh LABEL PACKAGE...: installs the Debian packages of the list that are not
# installed yet (apt-get, as root or through sudo), and says which; does nothing when all are.
# The one place install-deps.sh and install-fuzz-deps.sh install packages from.
set -euo pipefail
label="$1"
shift

missing=()
for p in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "$label: all $# packages already installed"
  exit 0
fi
echo "$label: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

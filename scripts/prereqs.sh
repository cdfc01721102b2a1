#!/usr/bin/env bash
# What this project needs beyond Node 20 and npm: Java >= 17 (DynamoDB Local) and Debian's Chromium
# with CJK fonts (end-to-end tests). Installs what is missing when run as root with apt, and says so;
# otherwise prints the exact command to run. Exit 1 when something is still missing.
set -euo pipefail

missing_pkgs=()
java_ok() { command -v java >/dev/null 2>&1 && java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; }
java_ok || missing_pkgs+=(openjdk-17-jre-headless)
[ -x /usr/bin/chromium ] || missing_pkgs+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing_pkgs+=(fonts-noto-cjk)

if [ ${#missing_pkgs[@]} -eq 0 ]; then
  echo "[prereqs] Java $(java -version 2>&1 | head -1 | sed 's/.*"\(.*\)".*/\1/'), $(/usr/bin/chromium --version 2>/dev/null | head -1): all present."
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[prereqs] installing with apt-get: ${missing_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing_pkgs[@]}" >/dev/null
  echo "[prereqs] installed: ${missing_pkgs[*]}"
  exit 0
fi

echo "[prereqs] missing: ${missing_pkgs[*]}. Install them with:"
echo "  sudo apt-get update && sudo apt-get install -y ${missing_pkgs[*]}"
exit 1

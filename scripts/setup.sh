#!/usr/bin/env bash
# Installs everything Byline needs on a Debian machine (bookworm or later), as root or via sudo.
# Idempotent: packages already present are skipped by apt; the WebAssembly re2 is built once.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

PACKAGES=(
  cmake g++ make pkg-config git ca-certificates
  clang libclang-rt-14-dev
  emscripten
  doctest-dev libre2-dev nlohmann-json3-dev libcxxopts-dev libutfcpp-dev
  dpkg-dev unicode-data python3 python3-six perl
  chromium
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# Node.js 18+ with npm: Debian's nodejs and npm unless a node is already on PATH.
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages (playwright-core for browser tests); versions pinned in package-lock.json.
# Re-run when the lock file is newer than what npm last installed (node_modules/.package-lock.json).
if [ -f package.json ] && { [ ! -d node_modules/playwright-core ] ||
  [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  npm ci --no-audit --no-fund --loglevel=error
fi

# re2 for WebAssembly, from Debian's source package of the same version as the native one.
bash scripts/build-re2-wasm.sh

#!/usr/bin/env bash
# Builds re2 for WebAssembly from Debian's source package of the same version as the installed
# native libre2-dev, and installs it into third_party/re2-wasm/install (git-ignored).
#
# Usage: bash scripts/build-re2-wasm.sh        (setup.sh runs it; as root or via sudo)
#
# Steps: enable deb-src entries derived from the machine's own apt sources, `apt-get source re2`
# into third_party/, regenerate re2's three generated tables from Debian's Unicode data, then
# emcmake cmake + build + install. Idempotent: does nothing when the install is already there
# for the same version.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# emcc's JavaScript optimizer needs Debian's node modules.
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"

THIRD="$ROOT/third_party"
PREFIX="$THIRD/re2-wasm/install"
STAMP="$PREFIX/.byline-re2-version"

VERSION="$(dpkg-query -W -f='${Version}' libre2-dev 2>/dev/null || true)"
if [ -z "$VERSION" ]; then
  echo "build-re2-wasm: libre2-dev is not installed (run scripts/setup.sh)" >&2
  exit 1
fi
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$VERSION" ] && [ -f "$PREFIX/lib/libre2.a" ]; then
  exit 0
fi
# The source package's version: the binary's version less any binNMU suffix (+b1).
SRC_VERSION="${VERSION%+b[0-9]*}"
UPSTREAM="${SRC_VERSION%-*}"     # 20220601+dfsg
UPSTREAM="${UPSTREAM#*:}"
echo "build-re2-wasm: building re2 $SRC_VERSION for WebAssembly"

need=()
for p in dpkg-dev unicode-data python3 python3-six perl emscripten cmake make; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
done
if [ "${#need[@]}" -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# ---- 1. deb-src entries derived from the machine's own deb entries ---------------------------
enable_sources() {
  local list=/etc/apt/sources.list.d/byline-src.sources
  local tmp
  tmp="$(mktemp)"
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    # deb822: the same stanzas with Types: deb-src.
    sed -E 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources >"$tmp"
  elif [ -f /etc/apt/sources.list ]; then
    # One-line format: every Debian "deb" line becomes a "deb-src" line (other vendors' lists
    # usually publish no sources, so only lines whose URI path names debian are taken).
    {
      echo "# Derived from /etc/apt/sources.list by Byline's scripts/build-re2-wasm.sh"
      grep -E '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list | grep -i 'debian' |
        sed -E 's/^[[:space:]]*deb[[:space:]]/deb-src /'
    } >"$tmp"
    list=/etc/apt/sources.list.d/byline-src.list
  else
    echo "build-re2-wasm: no Debian apt sources found to derive deb-src entries from" >&2
    rm -f "$tmp"
    return 1
  fi
  if ! cmp -s "$tmp" "$list" 2>/dev/null; then
    $SUDO install -m 0644 "$tmp" "$list"
  fi
  rm -f "$tmp"
}

SRC_DIR="$THIRD/re2-$UPSTREAM"
if [ ! -f "$SRC_DIR/re2/re2.h" ]; then
  mkdir -p "$THIRD"
  if ! apt-cache showsrc re2 2>/dev/null | grep -x "Version: $SRC_VERSION" >/dev/null; then
    enable_sources
    $SUDO apt-get update -qq
  fi
  rm -rf "$SRC_DIR"
  # Downloads the .dsc and tarballs into third_party/ and unpacks them with dpkg-source.
  (cd "$THIRD" && apt-get source -qq "re2=$SRC_VERSION" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
  if [ ! -f "$SRC_DIR/re2/re2.h" ]; then
    echo "build-re2-wasm: apt-get source did not unpack re2 into $SRC_DIR" >&2
    exit 1
  fi
fi

# ---- 2. regenerate the generated tables ------------------------------------------------------
# Debian's source drops them (+dfsg, see debian/copyright) and its build regenerates them
# (REBUILD_TABLES=1): make_perl_groups.pl needs only perl; make_unicode_{casefold,groups}.py import
# re2/unicode.py, which Debian's patch debian-unicode-data.patch points at /usr/share/unicode
# (UnicodeData.txt, CaseFolding.txt, Scripts.txt from unicode-data; six from python3-six).
cd "$SRC_DIR/re2"
UNICODE_DIR="$(sed -nE 's/^_UNICODE_DIR = "(.*)"/\1/p' unicode.py)"
for f in UnicodeData.txt CaseFolding.txt Scripts.txt; do
  if [ ! -f "$UNICODE_DIR/$f" ]; then
    echo "build-re2-wasm: re2/unicode.py reads '$UNICODE_DIR/$f', which is missing" \
      "(Debian's patch not applied, or package unicode-data not installed)" >&2
    exit 1
  fi
done
regenerate() {  # regenerate OUTPUT COMMAND...
  local out="$1"
  shift
  if [ ! -s "$out" ]; then
    "$@" >"$out.tmp"
    mv "$out.tmp" "$out"
  fi
}
regenerate perl_groups.cc perl make_perl_groups.pl
regenerate unicode_casefold.cc /usr/bin/python3 make_unicode_casefold.py
regenerate unicode_groups.cc /usr/bin/python3 make_unicode_groups.py
cd "$ROOT"

# ---- 3. build and install with Emscripten ----------------------------------------------------
BUILD="$THIRD/re2-wasm/build"
emcmake cmake -S "$SRC_DIR" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_INSTALL_PREFIX="$PREFIX" -DRE2_BUILD_TESTING=OFF -DBUILD_SHARED_LIBS=OFF \
  -DCMAKE_CXX_FLAGS="-O3" >/dev/null
cmake --build "$BUILD" -j2
cmake --install "$BUILD" >/dev/null
echo "$VERSION" >"$STAMP"
echo "build-re2-wasm: installed into ${PREFIX#"$ROOT"/}"

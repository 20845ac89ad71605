#!/usr/bin/env bash
# Builds Byline and serves the page on this machine only (loopback), for a person to use.
#
# Usage: bash scripts/serve.sh [PORT]      (default port: $BYLINE_PORT, else 8000)
#
# Installs what is missing (scripts/setup.sh), builds the native CLI (build/) and the WebAssembly
# core (build-wasm/ -> web/byline-core.{js,wasm}, web/models/), then serves web/ at
# http://127.0.0.1:PORT/ until Ctrl-C. Nothing is sent anywhere: the page analyzes text in the browser.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-${BYLINE_PORT:-8000}}"
BUILD="${BYLINE_BUILD_DIR:-build}"
WASM_BUILD="${BYLINE_WASM_BUILD_DIR:-build-wasm}"
export NODE_PATH=/usr/share/nodejs

bash scripts/setup.sh
[ -f "$BUILD/CMakeCache.txt" ] || cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release
cmake --build "$BUILD" -j2
[ -f "$WASM_BUILD/CMakeCache.txt" ] || emcmake cmake -S . -B "$WASM_BUILD" -DCMAKE_BUILD_TYPE=Release
cmake --build "$WASM_BUILD" -j2

PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=python3
echo "Byline: serving web/ at http://127.0.0.1:$PORT/  (Ctrl-C stops)"
# http.server with the MIME types the page needs stated, whatever /etc/mime.types says.
exec "$PYTHON" - "$PORT" <<'PY'
import functools, http.server, sys

class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm", ".js": "text/javascript", ".mjs": "text/javascript",
        ".json": "application/json", ".bin": "application/octet-stream",
        ".html": "text/html; charset=utf-8", ".css": "text/css", ".svg": "image/svg+xml",
    }

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

handler = functools.partial(Handler, directory="web")
with http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), handler) as server:
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
PY

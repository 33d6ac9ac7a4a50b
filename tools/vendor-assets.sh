#!/usr/bin/env bash
# Vendors front-end libraries into src/AfterSales/wwwroot/lib so the app needs
# neither node nor network at build/run time. Versions are pinned in
# tools/assets/package.json + package-lock.json. Re-run after bumping them.
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
ASSETS_DIR="$SCRIPT_DIR/assets"
REPO_ROOT="$(cd -- "$SCRIPT_DIR/.." && pwd)"
LIB_DIR="$REPO_ROOT/src/AfterSales/wwwroot/lib"
NM="$ASSETS_DIR/node_modules"

cleanup() { rm -rf -- "$NM"; }
trap cleanup EXIT

(cd -- "$ASSETS_DIR" && npm ci --ignore-scripts --no-audit --no-fund)

# copy SRC DEST : install with mode 0644, creating parent dirs
copy() { install -D -m 0644 -- "$NM/$1" "$LIB_DIR/$2"; }

copy bootstrap/dist/css/bootstrap.min.css       bootstrap/css/bootstrap.min.css
copy bootstrap/dist/js/bootstrap.bundle.min.js  bootstrap/js/bootstrap.bundle.min.js
copy bootstrap/LICENSE                          bootstrap/LICENSE
copy htmx.org/dist/htmx.min.js                  htmx/htmx.min.js
copy htmx.org/LICENSE                           htmx/LICENSE
copy echarts/dist/echarts.min.js                echarts/echarts.min.js
copy echarts/LICENSE                            echarts/LICENSE
copy echarts/NOTICE                             echarts/NOTICE

# .map files are not vendored: strip sourceMappingURL comment lines so browsers
# do not request missing maps (404s in dev tools).
for f in \
  "$LIB_DIR/bootstrap/css/bootstrap.min.css" \
  "$LIB_DIR/bootstrap/js/bootstrap.bundle.min.js" \
  "$LIB_DIR/htmx/htmx.min.js" \
  "$LIB_DIR/echarts/echarts.min.js"; do
  sed -i -E '/^[[:space:]]*(\/\*# sourceMappingURL=.*\*\/|\/\/# sourceMappingURL=.*)[[:space:]]*$/d' "$f"
done

echo "Vendored assets into $LIB_DIR:"
(cd -- "$LIB_DIR" && find . -type f | sort)

#!/usr/bin/env bash
# Installs what the tests need, then runs every test: the whole-app suite on SQLite and on a
# throwaway PostgreSQL, and the Chromium journeys. Prints "N passed, N failed, N skipped".
# Usage: bash ci/test.sh        (root, or a user with sudo for apt-get)
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false
export AFTERSALES_ARTIFACTS="$RESULTS"

# 1. System packages: Chromium for the browser tests, a CJK font for its screenshots (PDF reports
#    carry their own font), poppler for reading PDFs back, the PostgreSQL server binaries.
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium chromium-driver)
fc-list 2>/dev/null | grep -qiE "wqy|noto sans cjk" || missing+=(fonts-wqy-microhei fonts-noto-cjk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -q -o DPkg::Lock::Timeout=600 >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null || { echo "apt-get install failed"; exit 1; }
fi

# 2. A throwaway PostgreSQL on a free loopback port, removed on exit.
eval "$(bash ci/pg-up.sh)" || { echo "PostgreSQL did not start"; exit 1; }
trap 'bash ci/pg-down.sh "$PGCI_DIR"' EXIT

# 3. Tools, formatting, build (warnings are errors).
dotnet tool restore >/dev/null || exit 1
dotnet csharpier check . || { echo "Formatting differs: run 'dotnet csharpier format .'"; exit 1; }
dotnet build AfterSales.slnx -c Debug -v q -nologo || { echo "Build failed"; exit 1; }

# 4. Tests. A failing suite does not stop the others; the summary counts them all.
rc=0
dotnet test tests/AfterSales.Tests --no-build --logger "trx;LogFileName=sqlite.trx" --results-directory "$RESULTS" || rc=1
AFTERSALES_TEST_PROVIDER=Postgres dotnet test tests/AfterSales.Tests --no-build --logger "trx;LogFileName=postgres.trx" --results-directory "$RESULTS" || rc=1
dotnet test tests/AfterSales.BrowserTests --no-build --logger "trx;LogFileName=browser.trx" --results-directory "$RESULTS" || rc=1

python3 ci/trx-summary.py "$RESULTS" || rc=1
exit $rc

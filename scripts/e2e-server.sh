#!/usr/bin/env bash
# Serves the built app for Playwright on a fresh embedded database (or the DATABASE_URL given).
# `scripts/e2e-server.sh PORT` with E2E_DATA_DIR set serves a second instance on its own embedded database
# (e2e/model-trace.spec.ts starts one in model mode).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
port="${1:-3107}"
if [ -z "${DATABASE_URL:-}" ]; then
  export MIMICRY_DATA_DIR="${E2E_DATA_DIR:-test-results/e2e-data}"
  rm -rf "$MIMICRY_DATA_DIR"
fi
npm run --silent db:migrate
exec npx next start -H 127.0.0.1 -p "$port"

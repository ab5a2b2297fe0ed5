#!/usr/bin/env bash
# npm test: install what is missing, then every check. Stops at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
default_reference_data
ensure_deps

stage() { echo; echo "══ $1"; }
stage "lint";            npm run --silent lint
stage "typecheck";       npm run --silent typecheck
stage "migration drift"; npm run --silent db:check
stage "unit + integration (PGlite${DATABASE_URL:+ and PostgreSQL})"
npx vitest run
stage "build";           npx next build
stage "end-to-end (Chromium)"
ensure_browser
npx playwright test
echo; echo "all checks passed"

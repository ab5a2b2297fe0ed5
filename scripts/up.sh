#!/usr/bin/env bash
# npm run up: install what is missing, prepare the embedded database and ATT&CK data, build, serve.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
default_reference_data
ensure_deps
echo "› database (${DATABASE_URL:+PostgreSQL}${DATABASE_URL:-embedded PGlite in ${MIMICRY_DATA_DIR:-.data}})"
npm run --silent db:migrate
echo "› ATT&CK data"
node cli/bin.mjs attack prepare
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib prisma -newer .next/BUILD_ID -type f -print -quit 2>/dev/null)" ]; then
  echo "› building"
  npx next build
fi
echo "› serving on http://127.0.0.1:${PORT:-3000}"
exec npx next start -H 127.0.0.1 -p "${PORT:-3000}"

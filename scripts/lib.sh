# Shared by scripts/up.sh and scripts/test.sh: sourced, not run.
export NEXT_TELEMETRY_DISABLED=1

# Installs node_modules when missing or older than package-lock.json (npm ci fails offline here: see README).
ensure_deps() {
  local stamp=node_modules/.mimicry-lock
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "› installing dependencies (npm install)"
    npm install --no-audit --no-fund
    echo "$want" >"$stamp"
  fi
  # The Prisma client is generated code (git-ignored): make it when the schema is newer.
  if [ ! -f lib/generated/prisma/client.ts ] || [ prisma/schema.prisma -nt lib/generated/prisma/client.ts ]; then
    npm run --silent db:generate
  fi
}

# Reference data kept beside a clone (../shared): used when the variables are not set.
default_reference_data() {
  local shared
  shared="$(cd .. && pwd)/shared"
  if [ -d "$shared" ]; then
    [ -n "${ATTACK_STIX_FILE:-}" ] || { [ -f "$shared/attack/enterprise-attack-18.1.json" ] && export ATTACK_STIX_FILE="$shared/attack/enterprise-attack-18.1.json"; }
    [ -n "${SIGMA_RULES_DIR:-}" ] || { [ -d "$shared/sigma/rules" ] && export SIGMA_RULES_DIR="$shared/sigma/rules"; }
    [ -n "${SIGMA_REGRESSION_DIR:-}" ] || { [ -d "$shared/sigma/regression_data" ] && export SIGMA_REGRESSION_DIR="$shared/sigma/regression_data"; }
    [ -n "${ATOMICS_DIR:-}" ] || { [ -d "$shared/atomic-red-team/atomics" ] && export ATOMICS_DIR="$shared/atomic-red-team/atomics"; }
  fi
  return 0
}

# A Chromium for Playwright: CHROMIUM_PATH, Debian's /usr/bin/chromium, else Playwright's own download.
ensure_browser() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then return 0; fi
  if command -v chromium >/dev/null 2>&1; then export CHROMIUM_PATH="$(command -v chromium)"; return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "› installing Chromium (apt-get install chromium)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    export CHROMIUM_PATH=/usr/bin/chromium
    return 0
  fi
  echo "› installing Playwright's Chromium (npx playwright install chromium)"
  npx playwright install chromium
}

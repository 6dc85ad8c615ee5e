#!/bin/sh
# The README's two commands land here (`npm start`, `npm test`): a fresh machine has Node and
# npm but no pnpm, so pnpm comes from corepack at the version pinned in package.json.
set -eu
cd "$(dirname "$0")/../.."

export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
# The npm registry reachable here serves no package signatures, which corepack checks by default.
export COREPACK_INTEGRITY_KEYS=0
export NEXT_TELEMETRY_DISABLED=1
export TURBO_TELEMETRY_DISABLED=1
# A pnpm shim on PATH (turbo looks the package manager up there), kept inside the repo.
mkdir -p .cache/bin
corepack enable --install-directory .cache/bin pnpm
PATH="$PWD/.cache/bin:$PATH"
export PATH

pnpm install --frozen-lockfile

case "${1:-}" in
  start)
    pnpm run demo
    ;;
  test)
    # Integration tests run on PGlite always, and on PostgreSQL when one is reachable.
    if [ -z "${TEST_DATABASE_URL:-}" ] && command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h 127.0.0.1 -p 5432; then
      export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:5432/test"
    fi
    # The Redis rate-limit store is tested too when a Redis answers on 127.0.0.1:6379.
    if [ -z "${TEST_REDIS_URL:-}" ] && command -v redis-cli >/dev/null 2>&1 && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
      export TEST_REDIS_URL="redis://127.0.0.1:6379"
    fi
    sh packages/devtools/ensure-chromium.sh
    pnpm run check
    ;;
  *)
    echo "usage: bootstrap.sh start|test" >&2
    exit 2
    ;;
esac

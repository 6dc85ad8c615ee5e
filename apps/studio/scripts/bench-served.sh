#!/usr/bin/env bash
# `pnpm bench` (studio): the Studio as users run it — `next start` of the built app on
# PostgreSQL, real Inngest mode handing off to a loopback stand-in for Inngest's event API —
# measured side by side, in one run, with the straight-SQL ceiling and the FastAPI + asyncpg
# peer of the shared bench (its run.sh). Writes bench-results/served.md at the repo root.
#
# Needs: a PostgreSQL server (BENCH_PG_URL, default TEST_DATABASE_URL's server; this creates and
# drops its own database there), wrk, Debian's python3-fastapi/-uvicorn/-asyncpg, the shared
# bench folder (GARMENT_BENCH_DIR, default ../shared/bench beside the repo) and a built Studio
# (`pnpm --filter @garment/studio build`; built here when missing). Skips, saying why, when
# any is missing. Knobs: BENCH_PORT (3812), BENCH_EVENT_PORT (8288), BENCH_HTTP_PORT (18081),
# BENCH_API_PORT (18082), ROUNDS (1), DURATION (15), STUDIO_DIR (this app; another checkout's
# apps/studio to measure that build instead).
set -euo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
STUDIO_DIR="${STUDIO_DIR:-$HERE}"
REPO="$(cd "$HERE/../.." && pwd)"
BENCH_SRC="${GARMENT_BENCH_DIR:-$REPO/../shared/bench}"
PORT="${BENCH_PORT:-3812}"
EVENT_PORT="${BENCH_EVENT_PORT:-8288}"
DURATION="${DURATION:-15}"
ROUNDS="${ROUNDS:-1}"
PG_URL="${BENCH_PG_URL:-${TEST_DATABASE_URL:-}}"
OUT="$REPO/bench-results/served.md"

skip() { echo "bench-served: skipped — $*" >&2; exit 0; }
command -v wrk >/dev/null || skip "wrk is missing (apt-get install -y wrk)"
/usr/bin/python3 -c 'import fastapi, uvicorn, asyncpg' 2>/dev/null \
  || skip "python3-fastapi, python3-uvicorn or python3-asyncpg is missing (apt-get install -y python3-fastapi python3-uvicorn python3-asyncpg)"
command -v pg_lsclusters >/dev/null || skip "the PostgreSQL server tools are missing (apt-get install -y postgresql)"
[[ -x "$BENCH_SRC/run.sh" ]] || skip "the shared bench is not at $BENCH_SRC (set GARMENT_BENCH_DIR)"
[[ -n "$PG_URL" ]] || skip "set BENCH_PG_URL or TEST_DATABASE_URL to a PostgreSQL server URL"
if [[ ! -f "$STUDIO_DIR/.next/BUILD_ID" ]]; then
  echo "bench-served: building the Studio first" >&2
  (cd "$STUDIO_DIR" && pnpm build)
fi

WORK="$(mktemp -d /tmp/gs-bench-served.XXXXXX)"
# run.sh runs psql as the postgres user from inside the copy: mktemp's 0700 would refuse it.
chmod 755 "$WORK"
cp -r "$BENCH_SRC/." "$WORK/bench"
DB_URL="$(node -e 'const u=new URL(process.argv[1]); u.pathname="/gs_bench_served"; console.log(u.toString())' "$PG_URL")"
psql "$PG_URL" -qc "DROP DATABASE IF EXISTS gs_bench_served WITH (FORCE)" -c "CREATE DATABASE gs_bench_served" >/dev/null

APP_PID="" EVENTS_PID=""
cleanup() {
  [[ -n "$APP_PID" ]] && kill -TERM "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [[ -n "$EVENTS_PID" ]] && kill -TERM "$EVENTS_PID" 2>/dev/null || true
  psql "$PG_URL" -qc "DROP DATABASE IF EXISTS gs_bench_served WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# A client with a large balance (the balance is an int4: 2·10⁹ credits = 4·10⁸ dispatches).
KEY="$(cd "$REPO" && DATABASE_URL="$DB_URL" pnpm -s cli clients create --name bench --credits 2000000000 \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).api_key))')"
BODY="$WORK/bench/lib/body-ts.json"

node "$WORK/bench/lib/inngest-event-endpoint.mjs" "$EVENT_PORT" &
EVENTS_PID=$!

# The app as users start it: `pnpm start` (the front door, server/main.ts: the API on its own
# handlers, Next for the Studio), production mode, real Inngest mode (INNGEST_DEV=1 +
# INNGEST_BASE_URL: the event API on loopback), no rate limit and no queue cap (nothing runs the
# jobs, so the cap would refuse everything after 200). `start_app next-start` starts the same
# build under plain `next start` instead, for the comparison row.
start_app() {
  local -a serve=(node --import tsx server/main.ts)
  [[ "${1:-}" == next-start ]] && serve=(node node_modules/next/dist/bin/next start -p "$PORT")
  (cd "$STUDIO_DIR" && exec env NODE_ENV=production PORT="$PORT" DATABASE_URL="$DB_URL" \
    INNGEST_DEV=1 INNGEST_BASE_URL="http://127.0.0.1:$EVENT_PORT" NEXT_MANUAL_SIG_HANDLE=true \
    STUDIO_SIGNING_SECRET=bench-served-signing-secret-0123456789abcdef \
    STUDIO_RATE_LIMIT=0 STUDIO_MAX_QUEUED_JOBS_PER_CLIENT=0 LOG_LEVEL=warn NEXT_TELEMETRY_DISABLED=1 \
    "${serve[@]}" >>"$WORK/app.log" 2>&1) &
  APP_PID=$!
  # Listening = any HTTP answer (an unauthenticated /v1/credits is a 401).
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v1/credits")" != 000 ]]; do
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; echo "bench-served: the app did not start" >&2; exit 1; }
    sleep 0.1
  done
}
stop_app() {
  kill -TERM "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

result() { grep '^BENCH_RESULT' "$1" | tail -n1; }
field() { sed -E "s/.* $2=([^ ]+).*/\1/" <<<"$1"; }
times() { awk -v a="$(field "$1" rps)" -v b="$(field "$2" rps)" 'BEGIN{printf "%.2f", (b>0? a/b : 0)}'; }
dispatch_wrk() {  # seconds outfile
  (cd "$WORK/bench" && BENCH_KEYS="$KEY" BENCH_BODY_FILE="$BODY" timeout $(($1 + 20)) \
    wrk -t2 -c32 -d"$1s" --timeout 5s --latency -s lib/post.lua \
    "http://127.0.0.1:$PORT/v1/complementary-garment-generator" >"$2" 2>&1)
}
get_wrk() {  # path outfile — GET with the key; prints "req/s p50 p99"
  cat >"$WORK/get.lua" <<'LUA'
function done(summary, latency, requests)
  io.write(string.format("BENCH_RESULT requests=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d sock_err=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA
  timeout 25 wrk -t2 -c32 -d3s --timeout 5s -H "Authorization: Bearer $KEY" -s "$WORK/get.lua" \
    "http://127.0.0.1:$PORT$1" >/dev/null 2>&1 || true
  timeout $((DURATION + 20)) wrk -t2 -c32 -d"${DURATION}s" --timeout 5s --latency -H "Authorization: Bearer $KEY" \
    -s "$WORK/get.lua" "http://127.0.0.1:$PORT$1" >"$2" 2>&1
}

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
# 1. Warm-up: load from the moment the server listens, 10 s, then 15 s of steady state.
T0=$(date +%s%N)
start_app
STARTUP_MS=$((($(date +%s%N) - T0) / 1000000))
dispatch_wrk 10 "$WORK/first10.txt"
dispatch_wrk 15 "$WORK/steady.txt"
FIRST="$(result "$WORK/first10.txt")"; STEADY="$(result "$WORK/steady.txt")"

# 2. Reads on the same server: one job of the client, and its balance.
JOB_ID="$(curl -fs -X POST "http://127.0.0.1:$PORT/v1/complementary-garment-generator" \
  -H "Authorization: Bearer $KEY" -H 'content-type: application/json' --data-binary @"$BODY" \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).job_id))')"
get_wrk "/v1/jobs/$JOB_ID" "$WORK/get-job.txt"
get_wrk "/v1/credits" "$WORK/get-credits.txt"
get_wrk "/" "$WORK/get-home.txt"
JOB="$(result "$WORK/get-job.txt")"; CREDITS="$(result "$WORK/get-credits.txt")"
HOME_PAGE="$(result "$WORK/get-home.txt")"

# 3. Side by side with the ceiling and the peer, one run (the shared bench's run.sh).
(cd "$WORK/bench" && DB_NAME=gs_bench_served_peer HTTP_PORT="${BENCH_HTTP_PORT:-18081}" \
  API_PORT="${BENCH_API_PORT:-18082}" ROUNDS="$ROUNDS" DURATION="$DURATION" SQL_CONCS="32 1" \
  TARGETS="ceiling-sql fastapi-1w target" TARGET_NAME=garment-studio \
  TARGET_URL="http://127.0.0.1:$PORT/v1/complementary-garment-generator" TARGET_KEY="$KEY" \
  TARGET_BODY="$BODY" ./run.sh >"$WORK/run.txt" 2>"$WORK/run.err") \
  || { cat "$WORK/run.err" >&2; echo "bench-served: run.sh failed" >&2; exit 1; }
# 4. The same build under plain `next start`, same database: what Next's route layer costs.
stop_app
start_app next-start
dispatch_wrk 3 "$WORK/next-warm.txt"
dispatch_wrk "$DURATION" "$WORK/next-dispatch.txt"
get_wrk "/v1/jobs/$JOB_ID" "$WORK/next-get-job.txt"
get_wrk "/v1/credits" "$WORK/next-credits.txt"
get_wrk "/" "$WORK/next-home.txt"
NEXT_DISPATCH="$(result "$WORK/next-dispatch.txt")"; NEXT_JOB="$(result "$WORK/next-get-job.txt")"
NEXT_CREDITS="$(result "$WORK/next-credits.txt")"; NEXT_HOME="$(result "$WORK/next-home.txt")"
stop_app

TABLE="$(ls -d "$WORK"/bench/results/*/ | tail -n1)table.md"
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

RAW="$(ls -d "$WORK"/bench/results/*/ | tail -n1)raw.tsv"
ratio() { awk -F'\t' -v a="$1" -v b="$2" -v k="$3" '$2==a{x=$k} $2==b{y=$k} END{printf "%.2f", (y>0? x/y : 0)}' "$RAW"; }
# shellcheck disable=SC2016
{
  echo "# The served app, side by side"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) by \`pnpm bench\` (apps/studio/scripts/bench-served.sh) on this"
  echo "$(nproc)-core machine, shared with other work: load average $LOAD_BEFORE before, $LOAD_AFTER after."
  echo "The Studio ran as \`pnpm start\` runs it (the front door, apps/studio/server/main.ts, over its production"
  echo "build) on PostgreSQL, in real Inngest mode"
  echo "(INNGEST_DEV=1, INNGEST_BASE_URL pointing at the shared bench's loopback event API), with the rate"
  echo "limit and the queue cap off, one client with a large balance (its one balance row takes every debit)."
  echo
  echo "## Dispatch, one run: ceiling, peer and the app"
  echo
  echo "wrk -t2 -c32 -d${DURATION}s after a 3 s warm-up (\`ROUNDS=$ROUNDS\`); ceiling-sql c = pg connections."
  echo
  sed -n '/^|/,$p' "$TABLE"
  echo
  echo "- garment-studio ÷ fastapi-1w: **$(ratio garment-studio fastapi-1w 3)×** req/s (target ≥ 1.5×)"
  echo "- garment-studio ÷ ceiling-sql c=32: **$(ratio garment-studio "ceiling-sql c=32" 3)×** req/s (target ≥ 0.6×);"
  echo "  p99 **$(ratio garment-studio "ceiling-sql c=32" 5)×** the ceiling's (target ≤ 1.5×)"
  echo
  echo "## Warm-up and reads (same server)"
  echo
  echo "| what | req/s | p50 ms | p99 ms | non-2xx |"
  echo "|---|---:|---:|---:|---:|"
  echo "| dispatch, first 10 s after the server listens | $(field "$FIRST" rps) | $(field "$FIRST" p50_ms) | $(field "$FIRST" p99_ms) | $(field "$FIRST" non2xx) |"
  echo "| dispatch, the 15 s after | $(field "$STEADY" rps) | $(field "$STEADY" p50_ms) | $(field "$STEADY" p99_ms) | $(field "$STEADY" non2xx) |"
  echo "| GET /v1/jobs/{id} | $(field "$JOB" rps) | $(field "$JOB" p50_ms) | $(field "$JOB" p99_ms) | $(field "$JOB" non2xx) |"
  echo "| GET /v1/credits | $(field "$CREDITS" rps) | $(field "$CREDITS" p50_ms) | $(field "$CREDITS" p99_ms) | $(field "$CREDITS" non2xx) |"
  echo "| GET / (a Studio page, through Next) | $(field "$HOME_PAGE" rps) | $(field "$HOME_PAGE" p50_ms) | $(field "$HOME_PAGE" p99_ms) | $(field "$HOME_PAGE" non2xx) |"
  echo
  echo "The server listened $((STARTUP_MS / 1000)).$((STARTUP_MS % 1000 / 100)) s after it was started; reads: wrk -t2 -c32 -d${DURATION}s after 3 s."
  echo
  echo "## The same build under plain \`next start\` (after the run above, same database)"
  echo
  echo "The API through Next's route layer instead of the front door: what that layer costs."
  echo
  echo "| what | req/s | p50 ms | p99 ms | non-2xx |"
  echo "|---|---:|---:|---:|---:|"
  echo "| dispatch | $(field "$NEXT_DISPATCH" rps) | $(field "$NEXT_DISPATCH" p50_ms) | $(field "$NEXT_DISPATCH" p99_ms) | $(field "$NEXT_DISPATCH" non2xx) |"
  echo "| GET /v1/jobs/{id} | $(field "$NEXT_JOB" rps) | $(field "$NEXT_JOB" p50_ms) | $(field "$NEXT_JOB" p99_ms) | $(field "$NEXT_JOB" non2xx) |"
  echo "| GET /v1/credits | $(field "$NEXT_CREDITS" rps) | $(field "$NEXT_CREDITS" p50_ms) | $(field "$NEXT_CREDITS" p99_ms) | $(field "$NEXT_CREDITS" non2xx) |"
  echo "| GET / | $(field "$NEXT_HOME" rps) | $(field "$NEXT_HOME" p50_ms) | $(field "$NEXT_HOME" p99_ms) | $(field "$NEXT_HOME" non2xx) |"
  echo
  echo "- the front door ÷ \`next start\`: dispatch **$(times "$STEADY" "$NEXT_DISPATCH")×**, GET /v1/jobs/{id} **$(times "$JOB" "$NEXT_JOB")×**, GET /v1/credits **$(times "$CREDITS" "$NEXT_CREDITS")×**, GET / **$(times "$HOME_PAGE" "$NEXT_HOME")×** req/s"
  echo
  echo "## Reproduce"
  echo
  echo '```sh'
  echo "apt-get install -y wrk python3-fastapi python3-uvicorn python3-asyncpg   # Debian 12"
  echo "pnpm --filter @garment/studio build"
  echo "TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test GARMENT_BENCH_DIR=/path/to/shared/bench \\"
  echo "  pnpm --filter @garment/studio bench"
  echo '```'
} >"$OUT"
cat "$OUT"

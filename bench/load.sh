#!/usr/bin/env bash
# The reference load test (issue 12). Publishes Release builds of the app and of a bare Kestrel
# endpoint (bench/KneeReset.Bare), starts both on loopback, and runs wrk against the bare
# endpoint and six KneeReset requests in one run: the home page, a questionnaire step, a result
# page, the routine list, a routine page and POST /api/assessments. Prints requests/s, p99 and
# the ratio to the bare endpoint for each, and the app's resident memory after the run.
#
# How the app is started (production configuration, which settings are raised): bench/serve.sh.
#
# Usage: bench/load.sh [seconds per URL, default 10] [connections, default 32]
#        KNEERESET_BENCH_STORE=postgres bench/load.sh ...   (PostgreSQL and Redis, see serve.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
connections="${2:-32}"
source bench/serve.sh

run() { # label url [script]
  local extra=()
  [ -n "${3:-}" ] && extra=(-s "$3")
  # Warm up first: the JIT compiles hot methods again, optimised, after a few seconds of use
  # (tiered compilation), and a cold run measures that instead of the app.
  wrk -t2 -c"$connections" -d3s "${extra[@]}" "$2" >/dev/null
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "${extra[@]}" "$2" >"$out/wrk.txt"
  local rps p99 non2xx
  rps="$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")"
  p99="$(awk '$1 == "99%" {print $2}' "$out/wrk.txt")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' "$out/wrk.txt")"
  printf '%s\t%s\t%s\t%s\n' "$1" "$rps" "$p99" "${non2xx:-0}" >>"$out/results.tsv"
}

run "bare endpoint" "http://127.0.0.1:$bare_port/"
run "home page /" "$base/"
run "questionnaire step" "$base$step"
run "result page /r/{token}" "$base$result"
run "routine list /routines" "$base/routines"
run "routine page /routines/tendon-loading" "$base/routines/tendon-loading"
run "POST /api/assessments" "$base/api/assessments" "$out/post.lua"

rss_kb="$(awk '/VmRSS/ {print $2}' "/proc/$app/status")"
bare_rps="$(awk -F'\t' 'NR == 1 {print $2}' "$out/results.tsv")"
echo "wrk -t2 -c$connections -d${seconds}s, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '%-40s %12s %10s %8s %8s\n' "what" "requests/s" "ratio" "p99" "non-2xx"
while IFS=$'\t' read -r label rps p99 non2xx; do
  printf '%-40s %12.0f %10.3f %8s %8s\n' "$label" "$rps" "$(awk -v a="$rps" -v b="$bare_rps" 'BEGIN {print a / b}')" "$p99" "$non2xx"
done <"$out/results.tsv"
echo "app resident memory after the run: $((rss_kb / 1024)) MB"

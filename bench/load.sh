#!/usr/bin/env bash
# The reference load test (issue 12). Publishes Release builds of the app and of a bare Kestrel
# endpoint (bench/KneeReset.Bare), starts both on loopback, and runs wrk against the bare
# endpoint and six KneeReset requests in one run: the home page, a questionnaire step, a result
# page, the routine list, a routine page and POST /api/assessments. Prints requests/s, p99 and
# the ratio to the bare endpoint for each (measured again right before each request, see run),
# and the app's resident memory after the run.
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

bare="http://127.0.0.1:$bare_port/"

run() { # label url [script]
  # Warm up first: the JIT compiles hot methods again, optimised, after a few seconds of use
  # (tiered compilation), and a cold run measures that instead of the app.
  local extra=()
  [ -n "${3:-}" ] && extra=(-s "$3")
  wrk -t2 -c"$connections" -d3s "${extra[@]}" "$2" >/dev/null
  # The yardstick is measured again right before each request, and each ratio is to that run:
  # the machine's speed drifts by tens of percent within a minute (other work on the host), and
  # a single bare run at the start put that drift into every later ratio.
  local yardstick
  yardstick="$(measure "$bare" | cut -f1)"
  printf '%s\t%s\t%s\n' "$1" "$(measure "$2" "${3:-}")" "$yardstick" >>"$out/results.tsv"
}

wrk -t2 -c"$connections" -d3s "$bare" >/dev/null
printf '%s\t%s\t\n' "bare endpoint" "$(measure "$bare")" >>"$out/results.tsv"
run "home page /" "$base/"
run "questionnaire step" "$base$step"
run "result page /r/{token}" "$base$result"
run "routine list /routines" "$base/routines"
run "routine page /routines/tendon-loading" "$base/routines/tendon-loading"
run "POST /api/assessments" "$base/api/assessments" "$out/post.lua"

rss_kb="$(awk '/VmRSS/ {print $2}' "/proc/$app/status")"
echo "wrk -t2 -c$connections -d${seconds}s, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ); each ratio is to the bare run just before it"
printf '%-40s %12s %12s %8s %9s %8s\n' "what" "requests/s" "bare before" "ratio" "p99" "non-2xx"
while IFS=$'\t' read -r label rps p99 non2xx yardstick; do
  yardstick="${yardstick:-$rps}"
  printf '%-40s %12.0f %12.0f %8.3f %9s %8s\n' "$label" "$rps" "$yardstick" "$(awk -v a="$rps" -v b="$yardstick" 'BEGIN {print a / b}')" "$p99" "$non2xx"
done <"$out/results.tsv"
echo "app resident memory after the run: $((rss_kb / 1024)) MB"

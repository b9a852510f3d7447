#!/usr/bin/env bash
# What one request allocates (issue 12): starts the app as bench/serve.sh does, warms one request
# up under wrk, then divides the runtime's allocation rate (dotnet-counters, no tracing) by the
# requests per second over the next 10 s. Steadier than requests/s for comparing two builds on a
# shared machine.
#
# Usage: bench/allocations.sh result|step|home|routines|routine|post
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-routines}"
dotnet tool restore >/dev/null
source bench/serve.sh
pick_request "$what"
wrk -t2 -c32 -d8s "${script[@]}" "$url" >/dev/null
wrk -t2 -c32 -d14s "${script[@]}" "$url" >"$out/wrk.txt" &
load=$!
sleep 2
timeout 60 dotnet tool run dotnet-counters collect -p "$app" --duration 00:00:10 --format csv -o "$out/counters.csv" \
  --counters System.Runtime </dev/null >/dev/null 2>&1
# Only this one: a bare `wait` would also wait for the servers serve.sh started.
wait "$load"
rps="$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")"
awk -F, -v rps="$rps" -v what="$what" '/total_allocated/ {sum += $5; n++}
  END {printf "%s: %.0f requests/s, %.0f MB/s allocated, %.1f KB per request\n", what, rps, sum / n / 1e6, sum / n / rps / 1024}' "$out/counters.csv"

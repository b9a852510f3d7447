#!/usr/bin/env bash
# Where a request's time goes (issue 12): starts the app as bench/serve.sh does, puts it under
# wrk load for one request and records a CPU sampling trace with dotnet-trace (a local tool),
# then prints the frames that took the most time (bench/top-frames.py) and the runtime counters
# (dotnet-counters) seen during the load.
#
# Usage: bench/profile.sh result|step|home|routines|routine|post [seconds, default 10] [frame filter]
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-result}"
seconds="${2:-10}"
filter="${3:-}"
dotnet tool restore >/dev/null
source bench/serve.sh
pick_request "$what"
wrk -t2 -c32 -d"$((seconds + 4))s" "${script[@]}" "$url" >"$out/wrk.txt" &
load=$!
sleep 2
timeout $((seconds + 60)) dotnet tool run dotnet-counters collect -p "$app" --duration "00:00:$(printf %02d "$seconds")" --format csv -o "$out/counters.csv" \
  --counters System.Runtime,Microsoft.AspNetCore.Hosting </dev/null >/dev/null 2>&1 &
counters=$!
timeout $((seconds + 60)) dotnet tool run dotnet-trace collect -p "$app" --duration "00:00:00:$(printf %02d "$seconds")" -o "$out/trace.nettrace" </dev/null >/dev/null
# Only these two: a bare `wait` would also wait for the servers serve.sh started.
wait "$load" "$counters"
dotnet tool run dotnet-trace convert "$out/trace.nettrace" --format speedscope -o "$out/trace" >/dev/null
grep Requests/sec "$out/wrk.txt"
cp "$out/trace.speedscope.json" "/tmp/kneereset-$what.speedscope.json"
echo "trace kept: /tmp/kneereset-$what.speedscope.json"
python3 bench/top-frames.py "$out/trace.speedscope.json" "$filter" 45
echo "counters (last sample of each):"
awk -F, 'NR > 1 {last[$3] = $5} END {for (k in last) printf "  %s: %s\n", k, last[k]}' "$out/counters.csv" | sort | grep -E "cpu|memory|heap|gc|requests|threadpool" || true

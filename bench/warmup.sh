#!/usr/bin/env bash
# How fast the app reaches full speed after it starts (issue 12): starts it as bench/serve.sh
# does and runs wrk against one request several times in a row, printing requests/s and p99 for
# each run. Tiered compilation recompiles hot methods while the load runs, so the first runs
# measure the JIT as much as the app.
#
# Usage: bench/warmup.sh step|result|home|routines|routine|post [runs, default 4] [seconds, default 5]
# Runtime settings can be tried without a rebuild, e.g. DOTNET_TieredPGO=1 bash bench/warmup.sh step
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-step}"
runs="${2:-4}"
seconds="${3:-5}"
source bench/serve.sh
pick_request "$what"
printf '%-6s %12s %10s\n' "run" "requests/s" "p99"
for i in $(seq "$runs"); do
  IFS=$'\t' read -r rps p99 _ < <(measure "$url" "${script[1]:-}")
  printf '%-6s %12.0f %10s\n' "$i" "$rps" "$p99"
done
echo "app resident memory after the runs: $(($(awk '/VmRSS/ {print $2}' "/proc/$app/status") / 1024)) MB"

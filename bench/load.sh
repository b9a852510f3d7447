#!/usr/bin/env bash
# Load test of the published app on loopback with wrk (apt-get install -y wrk).
# Usage: bench/load.sh [seconds]   Bounded: 2 threads, 16 connections, 10 s per URL by default.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
port=5210
out="$(mktemp -d)"
dotnet publish src/KneeReset.Web -c Release -o "$out/app" >/dev/null
(cd "$out/app" && ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
  exec dotnet KneeReset.Web.dll --urls "http://127.0.0.1:$port") &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$out"' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
for path in /routines /routines/tendon-loading /api/routines; do
  curl -sf -o /dev/null "http://127.0.0.1:$port$path" # warm the cache
  echo "== $path"
  wrk -t2 -c16 -d"${seconds}s" "http://127.0.0.1:$port$path" | grep -E "Latency|Requests/sec|Non-2xx"
done

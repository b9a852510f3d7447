#!/usr/bin/env bash
# The reference load test (issue 12). Publishes Release builds of the app and of a bare Kestrel
# endpoint (bench/KneeReset.Bare), starts both on loopback, and runs wrk against the bare
# endpoint and six KneeReset requests in one run: the home page, a questionnaire step, a result
# page, the routine list, a routine page and POST /api/assessments. Prints requests/s, p99 and
# the ratio to the bare endpoint for each, and the app's resident memory after the run.
#
# The app runs in its default production configuration: request logging on (compact JSON to
# stdout, written to a file here as a container runtime would collect it). Only the per-client
# rate limits are raised, because one wrk client would otherwise be refused after 60 requests:
# RateLimits__TokenLookupsPerMinute, RateLimits__AssessmentsPerMinute, RateLimits__DraftsPerMinute.
# Production also needs a public address and, without a certificate, explicit leave to keep its
# Data Protection keys unencrypted: App__PublicBaseUrl, DataProtection__AllowUnprotectedKeys.
#
# Usage: bench/load.sh [seconds per URL, default 10] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
connections="${2:-32}"
app_port=5210
bare_port=5211
if ! command -v wrk >/dev/null; then
  apt-get install -y -qq wrk >/dev/null
fi
out="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$out"' EXIT

dotnet publish src/KneeReset.Web -c Release -o "$out/app" >/dev/null
dotnet publish bench/KneeReset.Bare -c Release -o "$out/bare" >/dev/null

(cd "$out/bare" && exec dotnet KneeReset.Bare.dll --urls "http://127.0.0.1:$bare_port") >/dev/null 2>&1 &
pids+=($!)
(cd "$out/app" && ASPNETCORE_ENVIRONMENT=Production \
  ConnectionStrings__KneeReset="Data Source=$out/kneereset.db" \
  Media__Path="$out/media" \
  App__PublicBaseUrl="http://127.0.0.1:$app_port" AllowedHosts="127.0.0.1" \
  DataProtection__AllowUnprotectedKeys=true \
  RateLimits__TokenLookupsPerMinute=100000000 RateLimits__AssessmentsPerMinute=100000000 RateLimits__DraftsPerMinute=100000000 \
  exec dotnet KneeReset.Web.dll --urls "http://127.0.0.1:$app_port") >"$out/app.log" 2>&1 &
app=$!
pids+=($app)
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$app_port/healthz/ready" >/dev/null && curl -sf "http://127.0.0.1:$bare_port/" >/dev/null && break
  sleep 0.5
done

base="http://127.0.0.1:$app_port"
answers='{"answers":{"age":34,"side":"one","location":["front_kneecap"],"onset":"gradual","duration_weeks":5,"character":"dull_ache","timing":["after_run"],"aggravators":["stairs_down","prolonged_sitting"],"worst_pain":4,"weekly_km_now":32.5,"weekly_km_month_ago":30,"shoe_km":420,"single_leg_squat_knee_caves":true,"knee_to_wall_cm":8.5,"red_flags":[]}}'
result="$(curl -sf -H 'Content-Type: application/json' -d "$answers" "$base/api/assessments" | sed -n 's/.*"resultUrl":"[^"]*\(\/r\/[^"]*\)".*/\1/p')"
# A questionnaire step needs a draft: the start form posts with its antiforgery token.
token="$(curl -sf -c "$out/cookies" "$base/assess" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)"
step="$(curl -s -o /dev/null -w '%{redirect_url}' -b "$out/cookies" --data-urlencode "__RequestVerificationToken=$token" "$base/assess" | sed "s#^$base##")"
cat >"$out/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$answers'
LUA

run() { # label url [script]
  local extra=()
  [ -n "${3:-}" ] && extra=(-s "$3")
  curl -s -o /dev/null "$2" # warm
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

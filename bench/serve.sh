#!/usr/bin/env bash
# Sourced by load.sh, profile.sh, warmup.sh and allocations.sh: publishes Release builds of the
# app and of the bare Kestrel endpoint, starts both on loopback in the app's production
# configuration, and makes the requests' inputs: a result ($result), a questionnaire step ($step)
# and the POST body ($out/post.lua). Sets $out, $app (the app's pid), $base and $bare_port; stops
# both on exit.
# measure URL (at the end) is one wrk run; pick_request NAME chooses one of the requests for the
# scripts that measure one.
#
# Production, request logging on, as users run it. Only the per-client rate limits are raised,
# because one wrk client would otherwise be refused after 60 requests:
# RateLimits__TokenLookupsPerMinute, RateLimits__AssessmentsPerMinute, RateLimits__DraftsPerMinute.
# Production also needs a public address and, without a certificate, explicit leave to keep its
# Data Protection keys unencrypted: App__PublicBaseUrl, DataProtection__AllowUnprotectedKeys.
#
# KNEERESET_BENCH_STORE=postgres runs the several-instance shape instead (docs/deploy.md): a
# throwaway PostgreSQL (crash-safe settings) and Redis from .ci/services.sh, on loopback.
app_port=5210
bare_port=5211
if ! command -v wrk >/dev/null; then
  apt-get install -y -qq wrk >/dev/null
fi
out="$(mktemp -d)"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$out"; [ "$(type -t stop_test_services)" = function ] && stop_test_services' EXIT
store=(ConnectionStrings__KneeReset="Data Source=$out/kneereset.db")
if [ "${KNEERESET_BENCH_STORE:-sqlite}" = postgres ]; then
  # shellcheck source=.ci/services.sh
  source .ci/services.sh
  start_test_services durable >/dev/null
  store=(Database__Provider=Postgres ConnectionStrings__KneeReset="$KNEERESET_TEST_POSTGRES" Redis__Configuration="$KNEERESET_TEST_REDIS")
fi

dotnet publish src/KneeReset.Web -c Release -o "$out/app" >/dev/null
dotnet publish bench/KneeReset.Bare -c Release -o "$out/bare" >/dev/null

(cd "$out/bare" && exec dotnet KneeReset.Bare.dll --urls "http://127.0.0.1:$bare_port") >/dev/null 2>&1 &
pids+=($!)
(cd "$out/app" && exec env ASPNETCORE_ENVIRONMENT=Production \
  "${store[@]}" \
  Media__Path="$out/media" Email__PickupDirectory="$out/mail" \
  App__PublicBaseUrl="http://127.0.0.1:$app_port" AllowedHosts="127.0.0.1" \
  DataProtection__AllowUnprotectedKeys=true \
  RateLimits__TokenLookupsPerMinute=100000000 RateLimits__AssessmentsPerMinute=100000000 RateLimits__DraftsPerMinute=100000000 \
  dotnet KneeReset.Web.dll --urls "http://127.0.0.1:$app_port") >"$out/app.log" 2>&1 &
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

# One wrk run against url (with wrk's Lua script for a body, if given), $seconds long at
# ${connections:-32} connections; prints requests/s, p99 and non-2xx responses, tab-separated.
measure() { # url [script]
  local extra=()
  [ -n "${2:-}" ] && extra=(-s "$2")
  wrk -t2 -c"${connections:-32}" -d"${seconds}s" --latency "${extra[@]}" "$1" >"$out/wrk.txt"
  printf '%s\t%s\t%s\n' "$(awk '/Requests\/sec/ {print $2}' "$out/wrk.txt")" \
    "$(awk '$1 == "99%" {print $2}' "$out/wrk.txt")" "$(awk '/Non-2xx/ {print $NF}' "$out/wrk.txt" | grep . || echo 0)"
}

# One of the measured requests by name, for the scripts that take one (profile.sh, warmup.sh,
# allocations.sh): sets $url, and $script to wrk's arguments for the POST's body.
pick_request() {
  case "$1" in
    result) url="$base$result" ;;
    step) url="$base$step" ;;
    home) url="$base/" ;;
    routines) url="$base/routines" ;;
    routine) url="$base/routines/tendon-loading" ;;
    post) url="$base/api/assessments" ;;
    *) echo "unknown request: $1 (result|step|home|routines|routine|post)" >&2; exit 2 ;;
  esac
  script=()
  [ "$1" = post ] && script=(-s "$out/post.lua")
  return 0
}

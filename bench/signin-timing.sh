#!/usr/bin/env bash
# How long a failed staff sign-in takes for an email that exists and for one that doesn't (issue
# 22, finding 8): both should cost one password-hash check. Starts the built app (Debug, SQLite in
# a temporary folder) with a first admin, then times four wrong passwords for each, alternating.
# Four, because the fifth wrong password for one email starts its throttle (a fast "wait" answer).
#   dotnet build src/KneeReset.Web && bash bench/signin-timing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=5399
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__KneeReset="Data Source=$work/k.db" Media__Path="$work/media" \
  Staff__BootstrapEmail=admin@studio.test Staff__BootstrapPassword="kneecap gravel 42 hills" \
  bash -c 'cd src/KneeReset.Web && exec dotnet bin/Debug/net10.0/KneeReset.Web.dll --urls "$0"' "$base" >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 60); do curl -sf "$base/healthz/ready" >/dev/null && break; sleep 1; done

jar="$work/cookies"
attempt() {
  local page token
  page=$(curl -s -c "$jar" -b "$jar" "$base/Staff/SignIn")
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<<"$page" | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -w '%{http_code} %{time_total}s' -c "$jar" -b "$jar" -X POST "$base/Staff/SignIn" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=not the password 9" --data-urlencode "__RequestVerificationToken=$token"
}
attempt nobody@studio.test >/dev/null # warms the page and the decoy hash
for round in 1 2 3 4; do
  printf 'known email: %s   unknown email: %s\n' "$(attempt admin@studio.test)" "$(attempt "nobody$round@studio.test")"
done

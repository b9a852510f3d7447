#!/usr/bin/env bash
# Memory of the app while staff import hostile library zips (issue 9, finding 4).
# Starts the app on a scratch database, signs in as a bootstrap admin, imports each zip and
# prints the process's resident memory before and its peak (VmHWM) after each import.
# Usage: bash bench/import-memory.sh   (needs python3 and curl)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT
port=5391
base="http://localhost:$port"

python3 - "$work" <<'PY'
import sys, zipfile
work = sys.argv[1]
def bomb(name, count, size):
    with zipfile.ZipFile(f"{work}/{name}", "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for i in range(count):
            z.writestr(f"exercises/x{i}.json", b" " * size)
bomb("issue-bomb.zip", 2000, 250 * 1024)   # the issue's zip: 2,000 entries of 250 KB
bomb("under-count.zip", 1000, 60 * 1024)   # within the entry count and entry size, 60 MB unpacked
bomb("one-big.zip", 1, 200 * 1024 * 1024)  # one entry of 200 MB
PY
ls -l "$work"/*.zip | awk '{print $5, $9}'

dotnet build src/KneeReset.Web -c Release -nologo -v q >/dev/null
ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Development \
  ConnectionStrings__KneeReset="Data Source=$work/bench.db" Media__Path="$work/media" \
  Staff__BootstrapEmail=bench@studio.test Staff__BootstrapPassword="bench password 42 long" Serilog__MinimumLevel__Default=Warning \
  dotnet src/KneeReset.Web/bin/Release/net10.0/KneeReset.Web.dll >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 60); do curl -sf "$base/healthz" >/dev/null && break; sleep 1; done

token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
jar="$work/cookies"
t="$(curl -s -c "$jar" -b "$jar" "$base/Staff/SignIn" | token)"
curl -s -o /dev/null -c "$jar" -b "$jar" -d "__RequestVerificationToken=$t" \
  --data-urlencode "Input.Email=bench@studio.test" --data-urlencode "Input.Password=bench password 42 long" "$base/Staff/SignIn"

rss() { awk "/^$1:/ {print \$2/1024 \" MB\"}" "/proc/$app/status"; }
for zip in issue-bomb.zip under-count.zip one-big.zip; do
  before="$(rss VmRSS)"
  t="$(curl -s -c "$jar" -b "$jar" "$base/Staff/Library/Transfer" | token)"
  message="$(curl -s -c "$jar" -b "$jar" -F "__RequestVerificationToken=$t" -F "Archive=@$work/$zip;type=application/zip" \
    "$base/Staff/Library/Transfer?handler=Import" | grep -o '<li>[^<]*</li>' | head -1)"
  echo "$zip: RSS before $before, after $(rss VmRSS), peak so far $(rss VmHWM); says: $message"
done

#!/usr/bin/env bash
# Memory and CPU of the app under hostile imports.
#   library: staff import hostile library zips (issue 9, finding 4): resident memory before and
#            its peak (VmHWM) after each import.
#   training: anyone posts hostile training files to /api/training/import (issue 22): for each
#            upload the status, answer size, resident memory before, after and at its peak (the
#            peak is reset before each upload), and the CPU seconds the app spent on it, against
#            a normal one-year activities.csv. Ends with four deep uploads at once.
# Usage: bash bench/import-memory.sh [library|training|all]   (default all; needs python3, curl and bc; BENCH_PORT to move it off 5391)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
work="$(mktemp -d)"
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT
port="${BENCH_PORT:-5391}"
base="http://localhost:$port"

if [[ "$what" != training ]]; then
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
fi


dotnet build src/KneeReset.Web -c Release -nologo -v q >/dev/null
ASPNETCORE_URLS="$base" ASPNETCORE_ENVIRONMENT=Development \
  ConnectionStrings__KneeReset="Data Source=$work/bench.db" Media__Path="$work/media" \
  Staff__BootstrapEmail=bench@studio.test Staff__BootstrapPassword="bench password 42 long" Serilog__MinimumLevel__Default=Warning \
  RateLimits__TrainingImportsPerMinute=1000 \
  dotnet src/KneeReset.Web/bin/Release/net10.0/KneeReset.Web.dll >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 60); do curl -sf "$base/healthz" >/dev/null && break; sleep 1; done
kill -0 "$app" 2>/dev/null || { echo "The app did not start (is port $port free? BENCH_PORT moves it):"; tail -20 "$work/app.log"; exit 1; }

rss() { awk "/^$1:/ {print \$2/1024 \" MB\"}" "/proc/$app/status"; }

if [[ "$what" != training ]]; then
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
jar="$work/cookies"
t="$(curl -s -c "$jar" -b "$jar" "$base/Staff/SignIn" | token)"
curl -s -o /dev/null -c "$jar" -b "$jar" -d "__RequestVerificationToken=$t" \
  --data-urlencode "Input.Email=bench@studio.test" --data-urlencode "Input.Password=bench password 42 long" "$base/Staff/SignIn"

for zip in issue-bomb.zip under-count.zip one-big.zip; do
  before="$(rss VmRSS)"
  t="$(curl -s -c "$jar" -b "$jar" "$base/Staff/Library/Transfer" | token)"
  message="$(curl -s -c "$jar" -b "$jar" -F "__RequestVerificationToken=$t" -F "Archive=@$work/$zip;type=application/zip" \
    "$base/Staff/Library/Transfer?handler=Import" | grep -o '<li>[^<]*</li>' | head -1)"
  echo "$zip: RSS before $before, after $(rss VmRSS), peak so far $(rss VmHWM); says: $message"
done
fi

[[ "$what" == library ]] && exit 0

# ---- training files (issue 22) ----
python3 - "$work" <<'PY'
import sys, gzip, datetime, random
w = sys.argv[1]
def put(name, text, packed=False):
    data = text.encode()
    open(f"{w}/{name}", "wb").write(gzip.compress(data, 9) if packed else data)
def csv_rows(days, first=datetime.datetime(2025, 5, 1, 7, 0)):
    return "".join(f"Running,{(first + datetime.timedelta(days=d)):%Y-%m-%d %H:%M:%S},{5 + d % 13}\n" for d in days)
head = "Activity Type,Date,Distance,Time\n"
random.seed(22)
# A normal year: a Strava-like list of 250 runs (the yardstick).
put("year.csv", "Activity ID,Activity Date,Activity Type,Elapsed Time,Distance\n" + "".join(
    f'{i},"{(datetime.datetime(2024, 11, 1, 7) + datetime.timedelta(days=i * 365 // 250)):%b %-d, %Y, %-I:%M:%S %p}",Run,{1800 + i % 40 * 60},{5 + i % 15}.{i % 10}\n'
    for i in range(250)))
# A real-shaped GPX run of 20 MB: one track, a point a second (the heaviest honest file).
pts = []
t0 = datetime.datetime(2025, 10, 30, 7)
lat = 45.0
for i in range(95000):
    lat += 0.00003
    pts.append(f'<trkpt lat="{lat:.7f}" lon="10.0000000"><ele>12.5</ele><time>{(t0 + datetime.timedelta(seconds=i)):%Y-%m-%dT%H:%M:%SZ}</time><extensions><hr>150</hr></extensions></trkpt>\n')
put("long-run.gpx", '<gpx version="1.1"><trk><type>running</type><trkseg>\n' + "".join(pts) + "</trkseg></trk></gpx>")
put("long-run.gpx.gz", '<gpx version="1.1"><trk><type>running</type><trkseg>\n' + "".join(pts) + "</trkseg></trk></gpx>", packed=True)
# The issue's shapes.
put("deep.gpx.gz", '<gpx version="1.1">' + "<a>" * 6_500_000, packed=True)                        # nesting
put("attrs.gpx", '<gpx version="1.1"><trk' + "".join(f' a{i}=""' for i in range(1_600_000)) + "/></gpx>")  # 20 MB of new attributes
put("same-attr.gpx", '<gpx version="1.1"><trk' + ' a="1"' * 2_800_000 + "/></gpx>")              # 20 MB of one attribute
put("names.gpx", '<gpx version="1.1">' + "".join(f"<e{i}/>" for i in range(1_700_000)) + "</gpx>")  # new element names
put("tracks.gpx", '<gpx version="1.1">' + "<trk/>" * 3_300_000 + "</gpx>")                         # activities without end
put("spikes.csv.gz", head + csv_rows(range(0, 180)) * 1200, packed=True)                              # the 86 KB gzipped CSV
put("many-runs.gpx", '<gpx version="1.1">' + "".join(                                                 # 9,000 tracks over 30 years
    f'<trk><trkseg><trkpt lat="45" lon="10"><time>{(datetime.datetime(1996, 1, 1) + datetime.timedelta(hours=i * 29)):%Y-%m-%dT%H:%M:%SZ}</time></trkpt>'
    f'<trkpt lat="45.05" lon="10"><time>{(datetime.datetime(1996, 1, 1) + datetime.timedelta(hours=i * 29, minutes=40)):%Y-%m-%dT%H:%M:%SZ}</time></trkpt></trkseg></trk>'
    for i in range(9000)) + "</gpx>")
put("window-runs.csv", head + "".join(f"Running,{(datetime.datetime(2025, 5, 1) + datetime.timedelta(minutes=25 * i)):%Y-%m-%d %H:%M:%S},{1 + i % 30},{600 + i % 30 * 300}\n" for i in range(9999)))
put("far.csv", head + "Running,0002-01-01 07:00:00,5,1800\nRunning,9998-12-31 07:00:00,5,1800\n")  # the 434-byte file
put("huge.csv", head + "Running,2025-10-31 07:00:00,1.6e308,99999999999:00:00\n")
PY
ls -l "$work"/*.csv "$work"/*.gpx "$work"/*.gz | awk '{print $5, $9}' | sed "s|$work/||"

hwm_reset() { echo 5 > "/proc/$app/clear_refs"; }
mb() { awk "/^$1:/ {printf \"%.0f\", \$2/1024}" "/proc/$app/status"; }
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$app/stat"; }
post() { # name, files...: one upload, one line of numbers
  local name="$1"; shift
  local args=() f
  for f in "$@"; do args+=(-F "files=@$work/$f;type=application/octet-stream"); done
  local before cpu0 status size
  before="$(mb VmRSS)"; hwm_reset; cpu0="$(cpu)"
  read -r status size < <(curl -s -o "$work/answer" -w '%{http_code} %{size_download}\n' "${args[@]}" "$base/api/training/import")
  printf '%-22s %s %9s B  RSS %5s -> %5s MB, peak +%5s MB  CPU %6.2f s  %s\n' "$name" "$status" "$size" "$before" "$(mb VmRSS)" \
    "$(( $(mb VmHWM) - before ))" "$(echo "$(cpu) - $cpu0" | bc)" "$(head -c 150 "$work/answer" | tr -d '\n' | sed 's/.*"detail":"//')"
}
post warm-up year.csv >/dev/null
cpu0="$(cpu)"
for _ in $(seq 20); do curl -s -o /dev/null -F "files=@$work/year.csv" "$base/api/training/import"; done
echo "yardstick: year.csv (250 runs), 20 uploads: $(echo "scale=4; ($(cpu) - $cpu0) / 20" | bc) s CPU each"
post long-run.gpx long-run.gpx >/dev/null # warm the XML path
post long-run.gpx long-run.gpx
post deep.gpx.gz deep.gpx.gz
post attrs.gpx attrs.gpx
post same-attr.gpx same-attr.gpx
post names.gpx names.gpx
post tracks.gpx tracks.gpx
post spikes.csv.gz spikes.csv.gz
post many-runs.gpx many-runs.gpx
post window-runs.csv window-runs.csv
post far.csv far.csv
post huge.csv huge.csv
post "10 x long-run.gpx" long-run.gpx long-run.gpx long-run.gpx long-run.gpx long-run.gpx long-run.gpx long-run.gpx long-run.gpx long-run.gpx long-run.gpx
post "5 x long-run.gpx" long-run.gpx long-run.gpx long-run.gpx long-run.gpx long-run.gpx  # the most plain GPX the request limit lets through
post "16 x long-run.gpx.gz" $(for _ in $(seq 16); do echo long-run.gpx.gz; done)
before="$(mb VmRSS)"; hwm_reset; cpu0="$(cpu)"
uploads=()
for _ in 1 2 3 4; do curl -s -o /dev/null -F "files=@$work/deep.gpx.gz" "$base/api/training/import" & uploads+=($!); done
wait "${uploads[@]}" # not the app, which runs in the background too
echo "4 x deep.gpx.gz at once: RSS $before -> $(mb VmRSS) MB, peak +$(( $(mb VmHWM) - before )) MB, CPU $(echo "$(cpu) - $cpu0" | bc) s"

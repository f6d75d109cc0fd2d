#!/usr/bin/env bash
# HTTP throughput of Kith's search, measured against a trivial endpoint in the same run.
#
# Starts a Release build of Kith on 127.0.0.1, then loads the URLs below with wrk, interleaved,
# ROUNDS times each. Prints one line per measurement and a median/min/max summary. The server and
# the temporary folder are removed on exit.
#
# The database is a new temporary SQLite file seeded with the demo area, or, with DB=FILE, a SQLite
# file you seeded beforehand (bench/Kith.DirectoryBench seed --sqlite FILE); the demo seed is then
# skipped. The file is used in place: Kith migrates it (a no-op on a freshly seeded one) and builds
# its search index from it before it reports ready.
#
# The URLs are a trivial endpoint (the ceiling), the three searches measured since the first run,
# and the five query shapes of the search-at-scale workload (issue 4): text only; text within 5 km;
# a "what" category within 10 km open on a day and time; a postcode only; two words with a typo.
#
#   bench/http/run.sh                          # demo area, 3 rounds of 15 s per URL, about 8 minutes of load
#   ROUNDS=1 DURATION=5s bench/http/run.sh     # a quick look
#   DB=/tmp/kith-100k.db bench/http/run.sh     # a seeded directory; POSTCODE defaults to one in its biggest district
#   ONLY="ceiling mix-text" bench/http/run.sh  # just some of the URLs (names as in the summary)
#
# Other settings: POSTCODE ("AV1 2AB" for the demo), WORDS ("walking group"), TYPO ("walkng group"),
# WHAT ("walking-groups"), DAY ("tuesday"), TIME ("10:30"), READY_SECONDS (120, or 1800 with DB).
#
# Needs: dotnet, wrk (apt-get install -y wrk). Loopback only: the address is fixed below.
set -euo pipefail

cd "$(dirname "$0")/../.."
PORT="${PORT:-5090}"
HOST="127.0.0.1"
BASE="http://$HOST:$PORT"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-15s}"
THREADS=1
CONNECTIONS=32

case "$ROUNDS" in ''|*[!0-9]*) echo "ROUNDS must be a whole number" >&2; exit 2;; esac
if [ "$ROUNDS" -lt 1 ] || [ "$ROUNDS" -gt 10 ]; then echo "ROUNDS must be 1 to 10" >&2; exit 2; fi
case "$DURATION" in [0-9]s|[1-5][0-9]s|60s) ;; *) echo "DURATION must be 1s to 60s, like 15s" >&2; exit 2;; esac
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
DB="${DB:-}"
if [ -n "$DB" ]; then
  [ -f "$DB" ] || { echo "DB=$DB is not a file. Seed one first: dotnet run -c Release --project bench/Kith.DirectoryBench -- seed --assets 100000 --sqlite FILE" >&2; exit 2; }
  DB="$(cd "$(dirname "$DB")" && pwd)/$(basename "$DB")"
fi
READY_SECONDS="${READY_SECONDS:-$([ -n "$DB" ] && echo 1800 || echo 120)}"
case "$READY_SECONDS" in ''|*[!0-9]*) echo "READY_SECONDS must be a whole number" >&2; exit 2;; esac

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "Load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
echo "Building Release..." >&2
dotnet build -c Release src/Kith.Web -v q -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

if [ -n "$DB" ]; then database="$DB"; seed_demo=false; else database="$work/kith.db"; seed_demo=true; fi
echo "Starting Kith on $BASE (database $database)..." >&2
ASPNETCORE_ENVIRONMENT=Production \
Database__Provider=Sqlite \
Database__ConnectionString="Data Source=$database" \
Accounts__DataProtectionKeysPath="$work/keys" \
Demo__SeedOnEmptyDatabase="$seed_demo" \
Logging__LogLevel__Default=Warning \
  dotnet run -c Release --no-build --no-launch-profile --project src/Kith.Web -- --urls "$BASE" > "$work/server.log" 2>&1 &
server_pid=$!

started=$SECONDS
for _ in $(seq 1 "$READY_SECONDS"); do
  if curl -fsS "$BASE/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log" >&2; echo "Kith stopped during start-up" >&2; exit 1; fi
  sleep 1
done
curl -fsS "$BASE/health/ready" >/dev/null || { echo "Kith did not become ready in $READY_SECONDS s" >&2; exit 1; }
echo "Ready after $((SECONDS - started)) s (migrations, seed and search index)." >&2

if [ -z "${POSTCODE:-}" ]; then
  if [ -n "$DB" ]; then
    # A postcode in the district with the most postcodes: the generator gives big towns the most of both.
    POSTCODE="$(python3 -c '
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
row = db.execute("select Display from Postcodes where District = (select District from Postcodes group by District order by count(*) desc, District limit 1) order by Code limit 1").fetchone()
print(row[0] if row else "")' "$DB")"
    [ -n "$POSTCODE" ] || { echo "$DB has no postcodes: set POSTCODE" >&2; exit 2; }
  else
    POSTCODE="AV1 2AB"
  fi
fi
plus() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1]))' "$1"; }
pc="$(plus "$POSTCODE")"
words="$(plus "${WORDS:-walking group}")"
typo="$(plus "${TYPO:-walkng group}")"
what="$(plus "${WHAT:-walking-groups}")"
day="$(plus "${DAY:-tuesday}")"
time="$(plus "${TIME:-10:30}")"
echo "Postcode $POSTCODE, words \"${WORDS:-walking group}\", typo \"${TYPO:-walkng group}\"." >&2

names=(ceiling api-text api-filters page-text mix-text mix-text-5km mix-category-open mix-postcode mix-typo)
declare -A urls=(
  [ceiling]="$BASE/health/live"
  [api-text]="$BASE/api/v1/assets?q=$words&postcode=$pc"
  [api-filters]="$BASE/api/v1/assets?postcode=$pc&radius=3&free=true"
  [page-text]="$BASE/assets?q=$words&postcode=$pc"
  [mix-text]="$BASE/api/v1/assets?q=$words"
  [mix-text-5km]="$BASE/api/v1/assets?q=$words&postcode=$pc&radius=5"
  [mix-category-open]="$BASE/api/v1/assets?what=$what&postcode=$pc&radius=10&day=$day&time=$time"
  [mix-postcode]="$BASE/api/v1/assets?postcode=$pc"
  [mix-typo]="$BASE/api/v1/assets?q=$typo"
)
if [ -n "${ONLY:-}" ]; then
  read -r -a names <<< "$ONLY"
  for name in "${names[@]}"; do [ -n "${urls[$name]:-}" ] || { echo "ONLY: no URL named $name (known: ${!urls[*]})" >&2; exit 2; }; done
fi

# Every URL must answer 200 before it is measured: a benchmark of error pages measures nothing.
for name in "${names[@]}"; do
  code="$(curl -s -o "$work/$name.body" -w '%{http_code}' "${urls[$name]}")"
  [ "$code" = 200 ] || { echo "$name answered $code, not 200: ${urls[$name]}" >&2; exit 1; }
  total="$(python3 -c 'import json, sys
try: print(json.load(open(sys.argv[1]))["total"], "matches")
except Exception: print("HTML")' "$work/$name.body" 2>/dev/null || true)"
  echo "$name: 200, $(wc -c < "$work/$name.body") bytes, $total: ${urls[$name]#$BASE}" >&2
done

# A search slower than wrk's 2 s timeout leaves requests running after wrk stops; wait until the trivial
# endpoint answers within a second again, so one URL's backlog is not measured against the next.
drain() {
  for _ in $(seq 1 120); do curl -fsS -m 1 -o /dev/null "$BASE/health/live" 2>/dev/null && return 0; sleep 1; done
  echo "Kith was still busy 2 minutes after the last measurement" >&2
}

# Warm-up: JIT (tiered compilation) and caches, not recorded.
for name in "${names[@]}"; do wrk -t1 -c32 -d5s "${urls[$name]}" > /dev/null; drain; done

# wrk's latency distribution is printed in us/ms/s; normalise to milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

results="$work/results.tsv"
printf 'round\tname\trps\tp50_ms\tp99_ms\terrors\n' > "$results"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${names[@]}"; do
    drain
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${urls[$name]}")"
    rps="$(awk '/^Requests\/sec:/ { print $2 }' <<< "$out")"
    p50="$(to_ms "$(awk '$1 == "50%" { print $2 }' <<< "$out")")"
    p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<< "$out")")"
    errors="$(awk '/Non-2xx or 3xx responses:|Socket errors:/ { print }' <<< "$out" | tr '\n' ' ')"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$rps" "$p50" "$p99" "${errors:-none}" | tee -a "$results"
  done
done

echo
echo "Summary over $ROUNDS rounds (wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency):"
python3 - "$results" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
names = list(dict.fromkeys(r["name"] for r in rows))
def col(name, key): return [float(r[key]) for r in rows if r["name"] == name]
ceiling = statistics.median(col("ceiling", "rps")) if col("ceiling", "rps") else 0
print(f"{'url':<17} {'req/s median':>12} {'(min-max)':>19} {'of ceiling':>10} {'p50 ms':>14} {'p99 ms':>14}")
for n in names:
    rps, p50, p99 = col(n, "rps"), col(n, "p50_ms"), col(n, "p99_ms")
    print(f"{n:<17} {statistics.median(rps):>12.0f} {f'({min(rps):.0f}-{max(rps):.0f})':>19} "
          f"{(f'{statistics.median(rps) / ceiling:.3f}' if ceiling else 'n/a'):>10} "
          f"{f'{statistics.median(p50):.2f} ({min(p50):.2f}-{max(p50):.2f})':>14} "
          f"{f'{statistics.median(p99):.2f} ({min(p99):.2f}-{max(p99):.2f})':>14}")
PY
echo "Database: ${DB:-demo area (new temporary file)}. Machine: $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)."
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# HTTP throughput of Kith's search, measured against a trivial endpoint in the same run.
#
# Starts a Release build of Kith on 127.0.0.1 with a temporary SQLite database and the demo area,
# then loads four URLs with wrk, interleaved, ROUNDS times each. Prints one line per measurement
# and a median/min/max summary. The server and the temporary folder are removed on exit.
#
#   bench/http/run.sh            # 3 rounds of 15 s per URL, about 3 minutes of load
#   ROUNDS=1 DURATION=5s bench/http/run.sh   # a quick look
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

echo "Building Release..." >&2
dotnet build -c Release src/Kith.Web -v q -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

echo "Starting Kith on $BASE (database in $work)..." >&2
ASPNETCORE_ENVIRONMENT=Production \
Database__Provider=Sqlite \
Database__ConnectionString="Data Source=$work/kith.db" \
Accounts__DataProtectionKeysPath="$work/keys" \
Demo__SeedOnEmptyDatabase=true \
Logging__LogLevel__Default=Warning \
  dotnet run -c Release --no-build --no-launch-profile --project src/Kith.Web -- --urls "$BASE" > "$work/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 1 120); do
  if curl -fsS "$BASE/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log" >&2; echo "Kith stopped during start-up" >&2; exit 1; fi
  sleep 1
done
curl -fsS "$BASE/health/ready" >/dev/null || { echo "Kith did not become ready in 120 s" >&2; exit 1; }

names=(ceiling api-text api-filters page-text)
declare -A urls=(
  [ceiling]="$BASE/health/live"
  [api-text]="$BASE/api/v1/assets?q=walking+group&postcode=AV1+2AB"
  [api-filters]="$BASE/api/v1/assets?postcode=AV1+2AB&radius=3&free=true"
  [page-text]="$BASE/assets?q=walking+group&postcode=AV1+2AB"
)

# Every URL must answer 200 before it is measured: a benchmark of error pages measures nothing.
for name in "${names[@]}"; do
  code="$(curl -s -o "$work/$name.body" -w '%{http_code}' "${urls[$name]}")"
  [ "$code" = 200 ] || { echo "$name answered $code, not 200: ${urls[$name]}" >&2; exit 1; }
  echo "$name: 200, $(wc -c < "$work/$name.body") bytes" >&2
done

# Warm-up: JIT (tiered compilation) and caches, not recorded.
for name in "${names[@]}"; do wrk -t1 -c32 -d5s "${urls[$name]}" > /dev/null; done

# wrk's latency distribution is printed in us/ms/s; normalise to milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

results="$work/results.tsv"
printf 'round\tname\trps\tp50_ms\tp99_ms\terrors\n' > "$results"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${names[@]}"; do
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
ceiling = statistics.median(col("ceiling", "rps"))
print(f"{'url':<12} {'req/s median':>12} {'(min-max)':>19} {'of ceiling':>10} {'p50 ms':>14} {'p99 ms':>14}")
for n in names:
    rps, p50, p99 = col(n, "rps"), col(n, "p50_ms"), col(n, "p99_ms")
    print(f"{n:<12} {statistics.median(rps):>12.0f} {f'({min(rps):.0f}-{max(rps):.0f})':>19} "
          f"{statistics.median(rps) / ceiling:>10.3f} "
          f"{f'{statistics.median(p50):.2f} ({min(p50):.2f}-{max(p50):.2f})':>14} "
          f"{f'{statistics.median(p99):.2f} ({min(p99):.2f}-{max(p99):.2f})':>14}")
PY
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

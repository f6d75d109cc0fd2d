#!/usr/bin/env bash
# FHIR referral intake throughput (issue 5 target: at least 200 ServiceRequests a second, sustained, on loopback).
#
# Starts a Release build of Kith on 127.0.0.1 with a new SQLite file seeded with the demo area (which has the
# teams), issues a FHIR client straight into the database (secret hashed the way Kith does), takes a token from
# /fhir/token, then runs wrk with intake.lua ROUNDS times: every request posts a ServiceRequest with a new
# identifier for a person Kith has not seen, so each one matches, makes a person and a referral, and audits them.
#
#   bench/fhir/run.sh                         # 3 rounds of 30 s, 1 thread, 16 connections
#   ROUNDS=1 DURATION=10s bench/fhir/run.sh   # a quick look
#
# Needs: dotnet, wrk, sqlite3, curl. The server and the temporary folder are removed on exit.
set -euo pipefail

cd "$(dirname "$0")/../.."
PORT="${PORT:-5091}"
BASE="http://127.0.0.1:$PORT"
ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-16}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install -y sqlite3" >&2; exit 2; }

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

database="$work/kith.db"
ASPNETCORE_ENVIRONMENT=Production \
Database__Provider=Sqlite \
Database__ConnectionString="Data Source=$database" \
Accounts__DataProtectionKeysPath="$work/keys" \
Demo__SeedOnEmptyDatabase=true \
Logging__LogLevel__Default=Warning \
  dotnet run -c Release --no-build --no-launch-profile --project src/Kith.Web -- --urls "$BASE" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 180); do
  if curl -fsS "$BASE/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/server.log" >&2; echo "Kith stopped during start-up" >&2; exit 1; fi
  sleep 1
done

secret="bench-secret-$RANDOM$RANDOM"
hash="$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)"
team="$(sqlite3 "$database" "SELECT Id FROM Teams LIMIT 1;")"
[ -n "$team" ] || { echo "The demo seed made no team" >&2; exit 1; }
sqlite3 "$database" "INSERT INTO ReferrerClients (Id, Name, ClientKey, SecretHash, TeamId, CreatedAt, CreatedByName)
  VALUES ('$(cat /proc/sys/kernel/random/uuid | tr a-z A-Z)', 'Bench surgery', 'kith-bench', '$hash', '$team', '2026-01-01 00:00:00', 'bench');"
TOKEN="$(curl -fsS -d grant_type=client_credentials -d client_id=kith-bench -d "client_secret=$secret" "$BASE/fhir/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')"
export TOKEN

echo "Warm-up 5 s..." >&2
wrk -t1 -c"$CONNECTIONS" -d5s -s bench/fhir/intake.lua "$BASE" > /dev/null
results=()
for round in $(seq 1 "$ROUNDS"); do
  line="$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" -s bench/fhir/intake.lua "$BASE" | grep '^RESULT')"
  echo "round $round: $line"
  results+=("$(echo "$line" | sed -E 's/.*rps=([0-9.]+).*/\1/')")
done
referrals="$(sqlite3 "$database" "SELECT COUNT(*) FROM Referrals;")"
echo "Referrals saved: $referrals"
printf '%s\n' "${results[@]}" | sort -n | awk '{a[NR]=$1} END {printf "intake rps: median %.1f, min %.1f, max %.1f over %d rounds\n", a[int((NR+1)/2)], a[1], a[NR], NR}'
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

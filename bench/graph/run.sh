#!/usr/bin/env bash
# Relationship metrics against Debian's python3-igraph (issue 6), on synthetic partnership graphs of 1k, 10k and
# 100k actors with about 10 ties each (1M ties at the top), generated once per run with a fixed seed.
#
#   bench/graph/run.sh                 # 3 runs of each measurement (1 for the slow exact ones)
#   RUNS=1 SIZES="1000 10000" bench/graph/run.sh
#
# Kith and igraph read the same file and build the same undirected view (parallel ties merged, strengths
# summed). Prints each side's lines (name, median ms, min, max, runs), then a table of Kith ÷ igraph for every
# measurement both made. python3-igraph 0.10.2 has no source-subset betweenness, so Kith's exact betweenness is
# compared with igraph's at 1k and 10k; at 100k only Kith's sampled betweenness runs (igraph's exact would take
# about half an hour), against the 60 s target. Needs dotnet and python3-igraph (apt-get install -y python3-igraph).
set -euo pipefail

cd "$(dirname "$0")/../.."
RUNS="${RUNS:-3}"
SIZES="${SIZES:-1000 10000 100000}"
SOURCES="${SOURCES:-500}"
/usr/bin/python3 -c "import igraph" 2>/dev/null || { echo "python3-igraph is missing: apt-get install -y python3-igraph" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT INT TERM
echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; load at start $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
dotnet build -c Release bench/Kith.GraphBench -o "$work/bin" -v q -nologo > "$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
bench() { dotnet "$work/bin/Kith.GraphBench.dll" "$@"; }

for size in $SIZES; do
  graph="$work/g$size.tsv"
  bench generate --actors "$size" --seed 7 --out "$graph"
  echo "## $size actors"
  if [ "$size" -le 20000 ]; then
    exact_runs=$([ "$size" -le 2000 ] && echo "$RUNS" || echo 1)
    bench metrics --graph "$graph" --runs "$RUNS" --sources "$SOURCES" | sed 's/^/kith\t/' | tee "$work/kith$size.txt"
    bench metrics --graph "$graph" --runs "$exact_runs" --only betweenness-exact | sed 's/^/kith\t/' | tee -a "$work/kith$size.txt"
    /usr/bin/python3 bench/graph/igraph_baseline.py "$graph" --runs "$RUNS" --only degrees,eigenvector,structural-holes,bridges,articulation-points,communities | sed 's/^/igraph\t/' | tee "$work/igraph$size.txt"
    /usr/bin/python3 bench/graph/igraph_baseline.py "$graph" --runs "$exact_runs" --only betweenness-exact,closeness | sed 's/^/igraph\t/' | tee -a "$work/igraph$size.txt"
  else
    # Each in its own process, so the peak working set is that of the target's workload alone.
    bench metrics --graph "$graph" --runs "$RUNS" --sources "$SOURCES" --only betweenness-sampled,communities | sed 's/^/kith\t/' | tee "$work/kith$size.txt"
    bench metrics --graph "$graph" --runs 1 --sources "$SOURCES" --only degrees,eigenvector,structural-holes,bridges,articulation-points,density-reciprocity,all-metrics | sed 's/^/kith\t/' | tee -a "$work/kith$size.txt"
    /usr/bin/python3 bench/graph/igraph_baseline.py "$graph" --runs "$RUNS" --only degrees,eigenvector,structural-holes,bridges,articulation-points,communities | sed 's/^/igraph\t/' | tee "$work/igraph$size.txt"
    bench ego --graph "$graph" --steps 2 --queries 2000 | sed 's/^/kith\t/'
    bench ego --graph "$graph" --steps 1 --queries 2000 | sed 's/^/kith\t/'
    # The ego view through the API: Kith on loopback with this map in SQLite, a manager signed in.
    bench ego-http --graph "$graph" --steps 2 --requests 1000 | sed 's/^/kith\t/'
  fi
done

echo "## Kith ÷ igraph (median against median, same graph, same run)"
for size in $SIZES; do
  /usr/bin/python3 - "$size" "$work/kith$size.txt" "$work/igraph$size.txt" <<'PY'
import sys
size, kith_path, igraph_path = sys.argv[1:]
def read(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3 and not parts[1].startswith("#"):
            out[parts[1]] = float(parts[2])
    return out
kith, igraph = read(kith_path), read(igraph_path)
for name in kith:
    if name in igraph and igraph[name] > 0:
        print(f"{size}\t{name}\tkith {kith[name]:.1f} ms\tigraph {igraph[name]:.1f} ms\tratio {kith[name] / igraph[name]:.2f}")
PY
done

#!/usr/bin/python3
"""The baseline for bench/Kith.GraphBench: the same graph file, the same measurements, in python3-igraph (C).

    igraph_baseline.py FILE [--runs 3] [--only betweenness-exact,communities]

Builds the undirected view the way Kith's Graph does (parallel ties merged, strengths summed) and prints one
tab-separated line per measurement: name, median ms, min ms, max ms, runs. Debian's python3-igraph 0.10.2 has no
source-subset betweenness, so it is compared with Kith's exact betweenness; the sampled figure has no igraph twin.
"""
import sys
import time

import igraph


def main():
    args = sys.argv[1:]
    path = args[0]
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 3
    only = set(args[args.index("--only") + 1].split(",")) if "--only" in args else None
    started = time.perf_counter()
    with open(path, encoding="utf-8") as handle:
        nodes = int(handle.readline().split()[2])
        edges, weights = [], []
        for line in handle:
            a, b, w, _ = line.split("\t")
            edges.append((int(a), int(b)))
            weights.append(float(w))
    graph = igraph.Graph(n=nodes, edges=edges, directed=False)
    graph.es["weight"] = weights
    graph.simplify(multiple=True, loops=True, combine_edges="sum")
    print(f"# graph\tnodes {graph.vcount()}\tedges {graph.ecount()}\tloaded in {(time.perf_counter() - started) * 1000:.0f} ms\tigraph {igraph.__version__}")
    measurements = [
        ("degrees", lambda: (graph.degree(), graph.strength(weights="weight"))),
        ("betweenness-exact", lambda: graph.betweenness(directed=False)),
        ("closeness", lambda: graph.closeness()),
        ("eigenvector", lambda: graph.eigenvector_centrality(directed=False)),
        ("structural-holes", lambda: graph.constraint(weights="weight")),
        ("bridges", lambda: graph.bridges()),
        ("articulation-points", lambda: graph.articulation_points()),
        ("density-reciprocity", lambda: graph.density()),
        ("communities", lambda: graph.community_multilevel(weights="weight")),
    ]
    for name, run in measurements:
        if only is not None and name not in only:
            continue
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            run()
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        print(f"{name}\t{times[len(times) // 2]:.1f}\t{times[0]:.1f}\t{times[-1]:.1f}\t{runs}")
    if graph.vcount() <= 20000 and (only is None or "communities" in only):
        parts = graph.community_multilevel(weights="weight")
        print(f"# communities\t{len(parts)}\tmodularity {parts.modularity:.4f}")


if __name__ == "__main__":
    main()

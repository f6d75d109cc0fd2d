#!/usr/bin/python3
"""Prints the reference values used in ReferenceValueTests.cs, from python-igraph 0.10.2 (Debian python3-igraph).

Run: /usr/bin/python3 tests/Kith.Core.Tests/Relationships/Analysis/reference_values.py
The edge lists are the same as ReferenceGraphs.cs. Not part of the product or the test run."""
import math
import igraph

FLORENTINE = ["Acciaiuoli", "Medici", "Castellani", "Peruzzi", "Strozzi", "Barbadori", "Ridolfi", "Tornabuoni",
              "Albizzi", "Salviati", "Pazzi", "Bischeri", "Guadagni", "Ginori", "Lamberteschi", "Pucci"]
FLORENTINE_EDGES = [("Acciaiuoli", "Medici"), ("Castellani", "Peruzzi"), ("Castellani", "Strozzi"),
                    ("Castellani", "Barbadori"), ("Medici", "Barbadori"), ("Medici", "Ridolfi"),
                    ("Medici", "Tornabuoni"), ("Medici", "Albizzi"), ("Medici", "Salviati"), ("Salviati", "Pazzi"),
                    ("Peruzzi", "Strozzi"), ("Peruzzi", "Bischeri"), ("Strozzi", "Ridolfi"), ("Strozzi", "Bischeri"),
                    ("Ridolfi", "Tornabuoni"), ("Tornabuoni", "Guadagni"), ("Albizzi", "Ginori"),
                    ("Albizzi", "Guadagni"), ("Bischeri", "Guadagni"), ("Guadagni", "Lamberteschi")]


def karate():
    return igraph.Graph.Famous("Zachary")


def florentine():
    return igraph.Graph(n=16, edges=[(FLORENTINE.index(a), FLORENTINE.index(b)) for a, b in FLORENTINE_EDGES])


def fmt(values):
    return "[" + ", ".join(repr(round(v, 12)) if isinstance(v, float) else repr(v) for v in values) + "]"


def report(name, g):
    n = g.vcount()
    print(f"== {name}: {n} nodes, {g.ecount()} edges")
    print("edges", sorted(tuple(sorted(e.tuple)) for e in g.es))
    print("betweenness(directed=False)", fmt(g.betweenness(directed=False)))
    # igraph closeness counts reachable nodes only; networkx's wf_improved multiplies by (r-1)/(n-1).
    raw = g.closeness()
    reach = [len(g.subcomponent(v)) - 1 for v in range(n)]
    print("closeness() * reach/(n-1)", fmt([0.0 if math.isnan(c) else c * r / (n - 1) for c, r in zip(raw, reach)]))
    ev = g.eigenvector_centrality(directed=False, scale=True)
    norm = math.sqrt(sum(x * x for x in ev))
    print("eigenvector_centrality(scale=True) / norm", fmt([x / norm for x in ev]))
    print("constraint()", fmt(g.constraint()))
    print("bridges()", sorted(tuple(sorted(g.es[i].tuple)) for i in g.bridges()))
    print("articulation_points()", sorted(g.articulation_points()))
    print("density()", g.density())
    ml = g.community_multilevel()
    print("community_multilevel() modularity", ml.modularity, "count", len(ml))


report("karate", karate())
report("florentine", florentine())

# A small directed graph for reciprocity: 0<->1, 1->2, 2->0, 2<->3, 3->4.
d = igraph.Graph(n=5, edges=[(0, 1), (1, 0), (1, 2), (2, 0), (2, 3), (3, 2), (3, 4)], directed=True)
print("reciprocity(ignore_loops=True, mode='default')", d.reciprocity(ignore_loops=True, mode="default"))

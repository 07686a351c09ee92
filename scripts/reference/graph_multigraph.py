#!/usr/bin/python3
# Reference values for distance-based measures on weighted multigraphs (crmkit issue 16).
#
# Pinned: Debian python3 with networkx 2.8.8 (numpy 1.24.2).
# Run:    /usr/bin/python3 scripts/reference/graph_multigraph.py  -> writes test/fixtures/graph-multigraph.json
#
# networkx reads a multigraph's edge length as the shortest of the parallel edges
# (_weight_function: min over the keys), and counts parallel edges once in path counts.
import json
import os
import random

import networkx as nx

assert nx.__version__ == "2.8.8", nx.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "test", "fixtures", "graph-multigraph.json")


def measures(G):
    return {
        "nodes": list(G.nodes()),
        "edges": [[u, v, d["length"]] for u, v, d in G.edges(data=True)],
        "betweenness": nx.betweenness_centrality(G, weight="length"),
        "betweennessRaw": nx.betweenness_centrality(G, weight="length", normalized=False),
        "betweennessUnweighted": nx.betweenness_centrality(G),
        "closeness": nx.closeness_centrality(G, distance="length"),
        "harmonic": nx.harmonic_centrality(G, distance="length"),
    }


def main():
    out = {}
    # the example: two parallel a-b edges of length 1, b-c (1), a-c (2.5)
    G = nx.MultiGraph()
    G.add_edge("a", "b", length=1.0)
    G.add_edge("a", "b", length=1.0)
    G.add_edge("b", "c", length=1.0)
    G.add_edge("a", "c", length=2.5)
    out["issue"] = measures(G)
    # random multigraphs (undirected and directed) with 2-3 parallel copies of some edges
    rng = random.Random(16)
    for name, cls in (("randomUndirected", nx.MultiGraph), ("randomDirected", nx.MultiDiGraph)):
        H = cls()
        nodes = [f"n{i}" for i in range(30)]
        H.add_nodes_from(nodes)
        for _ in range(70):
            u, v = rng.sample(nodes, 2)
            for _ in range(rng.choice([1, 1, 2, 3])):
                H.add_edge(u, v, length=float(rng.randint(1, 9)) / 2)
        out[name] = measures(H)
    with open(OUT, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()

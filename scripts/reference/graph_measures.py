#!/usr/bin/python3
# Reference values for the crmkit/graph measures of issue 16: components, core numbers, bridges,
# articulation points, HITS, shortest paths, ego graphs, link prediction, edge betweenness and
# Burt's constraint / effective size (on the graph without self-loops).
#
# Pinned: Debian python3 with networkx 2.8.8, numpy 1.24.2, scipy 1.10.1.
# Run:    /usr/bin/python3 scripts/reference/graph_measures.py  -> writes test/fixtures/graph-measures.json
#
# Graphs are built by scripts/reference/graph.py (karate and les-misérables weighted and undirected,
# email-Eu-core directed); data from $CRMKIT_DATA_DIR or ../shared/data (never copied into the repo).
import json
import os
import sys

import networkx as nx
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from graph import email, karate, lesmis  # noqa: E402

assert nx.__version__ == "2.8.8", nx.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "test", "fixtures", "graph-measures.json")


def components(G):
    if G.is_directed():
        weak = nx.weakly_connected_components(G)
        strong = nx.strongly_connected_components(G)
        return {"weak": [sorted(c) for c in weak], "strong": [sorted(c) for c in strong]}
    c = [sorted(x) for x in nx.connected_components(G)]
    return {"weak": c, "strong": c}


def hits(G):
    hubs, auth = nx.hits(G, max_iter=100000, tol=1e-14)
    # cross-check with a dense SVD: the principal singular vectors of the weighted adjacency matrix
    A = nx.to_numpy_array(G, nodelist=list(G), weight="weight")
    u, s, vt = np.linalg.svd(A)
    a = np.abs(vt[0])
    h = A @ a
    a, h = a / a.sum(), h / h.sum()
    for i, v in enumerate(G):
        assert abs(auth[v] - a[i]) < 1e-8 and abs(hubs[v] - h[i]) < 1e-8, (v, auth[v], a[i])
    return {"hubs": {v: float(h[i]) for i, v in enumerate(G)}, "authorities": {v: float(a[i]) for i, v in enumerate(G)}}


def paths(G, sources, weighted):
    out = {}
    for s in sources:
        d = dict(nx.single_source_shortest_path_length(G, s))
        e = {"hops": d}
        if weighted:
            e["weighted"] = dict(nx.single_source_dijkstra_path_length(G, s, weight="weight"))
        out[s] = e
    return out


def egos(G, centers, radii, weighted):
    out = []
    for c in centers:
        for r in radii:
            H = nx.ego_graph(G, c, radius=r)
            out.append({"center": c, "radius": r, "weighted": False, "nodes": sorted(H), "edges": H.number_of_edges()})
            if G.is_directed():
                U = nx.ego_graph(G, c, radius=r, undirected=True)
                out.append({"center": c, "radius": r, "weighted": False, "undirected": True, "nodes": sorted(U), "edges": U.number_of_edges()})
        if weighted:
            H = nx.ego_graph(G, c, radius=radii[-1] + 0.5, distance="weight")
            out.append({"center": c, "radius": radii[-1] + 0.5, "weighted": True, "nodes": sorted(H), "edges": H.number_of_edges()})
    return out


def link_prediction(G):
    pairs = list(nx.non_edges(G))
    cn = {f"{u}|{v}": len(list(nx.common_neighbors(G, u, v))) for u, v in pairs}
    return {
        "pairs": [[u, v] for u, v in pairs],
        "commonNeighbors": cn,
        "jaccard": {f"{u}|{v}": p for u, v, p in nx.jaccard_coefficient(G, pairs)},
        "adamicAdar": {f"{u}|{v}": p for u, v, p in nx.adamic_adar_index(G, pairs)},
        "resourceAllocation": {f"{u}|{v}": p for u, v, p in nx.resource_allocation_index(G, pairs)},
    }


def pair_scores(d):
    return [[u, v, float(x)] for (u, v), x in d.items()]


def measures(G, sources, centers, radii, weighted):
    H = G.copy()
    H.remove_edges_from(nx.selfloop_edges(H))
    out = {
        "edgeBetweenness": pair_scores(nx.edge_betweenness_centrality(G)),
        "edgeBetweennessRaw": pair_scores(nx.edge_betweenness_centrality(G, normalized=False)),

        "directed": G.is_directed(),
        "components": components(G),
        "coreNumber": nx.core_number(H),
        "hits": hits(G),
        "paths": paths(G, sources, weighted),
        "ego": egos(G, centers, radii, weighted),
    }
    if not G.is_directed():
        # networkx's directed constraint / effective size take hours on email-Eu-core (pure Python)
        out["constraint"] = nx.constraint(H)
        out["effectiveSize"] = nx.effective_size(H)
    if weighted:
        out["edgeBetweennessWeighted"] = pair_scores(nx.edge_betweenness_centrality(G, weight="weight"))
        out["constraintWeighted"] = nx.constraint(H, weight="weight")
        out["effectiveSizeWeighted"] = nx.effective_size(H, weight="weight")
    if not G.is_directed():
        out["bridges"] = [sorted([u, v]) for u, v in nx.bridges(G)]
        out["articulationPoints"] = sorted(nx.articulation_points(G))
        out["linkPrediction"] = link_prediction(G)
    return out


def main():
    out = {
        "karate": measures(karate(), ["0", "33", "16"], ["0", "9"], [1, 2], True),
        "lesmis": measures(lesmis(), ["Valjean", "Napoleon"], ["Valjean", "Myriel"], [1, 2], True),
        "email": measures(email(), ["0", "160", "1000"], ["0", "121"], [1, 2], False),
    }
    with open(OUT, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", OUT, file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
# Reference values for crmkit/graph structuralHoles on a directed graph (issue 16): networkx's
# directed Burt's constraint and effective size. On the whole of email-Eu-core they take hours
# (pure Python, per pair of neighbours), so this uses the subgraph induced by the nodes with id
# below LIMIT (self-loops removed), which keeps the directed structure (reciprocal and one-way
# arcs, nodes with only in- or only out-arcs).
#
# Pinned: Debian python3 with networkx 2.8.8.
# Run:    /usr/bin/python3 scripts/reference/graph_holes_directed.py -> writes test/fixtures/graph-holes-directed.json
import json
import math
import os
import sys
import time

import networkx as nx
from networkx.algorithms import structuralholes

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from graph import email  # noqa: E402

assert nx.__version__ == "2.8.8", nx.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "test", "fixtures", "graph-holes-directed.json")
LIMIT = int(os.environ.get("HOLES_LIMIT", "300"))


def main():
    G = email()
    H = G.subgraph([v for v in G if int(v) < LIMIT]).copy()
    H.remove_edges_from(list(nx.selfloop_edges(H)))
    t = time.process_time()
    c = nx.constraint(H)
    e = nx.effective_size(H)
    # networkx 2.8.8 declares a node "isolated" (NaN) when it has no *successors* (len(G[v]) == 0),
    # though both measures sum over all neighbours (nx.all_neighbors). For nodes with in-arcs only,
    # evaluate networkx's own formulas over all neighbours, without that check.
    nmw = structuralholes.normalized_mutual_weight
    in_only = [v for v in H if len(H[v]) == 0 and H.in_degree(v) > 0]
    c_in, e_in = {}, {}
    for v in in_only:
        nbrs = set(nx.all_neighbors(H, v))
        c_in[v] = sum(structuralholes.local_constraint(H, v, n) for n in nbrs)
        e_in[v] = sum(1 - sum(nmw(H, v, w) * nmw(H, u, w, norm=max) for w in nbrs) for u in nbrs)
    secs = time.process_time() - t
    clean = lambda d: {k: (None if math.isnan(v) else v) for k, v in d.items()}
    out = {
        "limit": LIMIT,
        "nodes": H.number_of_nodes(),
        "edges": H.number_of_edges(),
        "constraint": clean(c),
        "effectiveSize": clean(e),
        "constraintInArcsOnly": c_in,
        "effectiveSizeInArcsOnly": e_in,
    }
    with open(OUT, "w", encoding="utf8") as f:
        json.dump(out, f, separators=(",", ":"))
    print("wrote", OUT, H.number_of_nodes(), H.number_of_edges(), f"{secs:.1f} s CPU")


if __name__ == "__main__":
    main()

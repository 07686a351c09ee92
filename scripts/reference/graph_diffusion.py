#!/usr/bin/python3
# Independent Monte Carlo reference for crmkit/graph diffusion (issue 16): independent cascade and
# linear threshold simulated directly from the model definitions (Kempe, Kleinberg & Tardos 2003),
# on networkx graphs, with Python's own random generator (no code shared with crmkit).
#
# Pinned: Debian python3 with networkx 2.8.8 (numpy 1.24.2 not used).
# Run:    /usr/bin/python3 scripts/reference/graph_diffusion.py  -> writes test/fixtures/graph-diffusion.json
#         /usr/bin/python3 scripts/reference/graph_diffusion.py --bench EDGEFILE RUNS SEED... -> prints
#             {"runs", "mean", "cpuSeconds"} for weighted-cascade IC runs on an undirected edge list
#             (bench/graph-spread.bench.ts's peer)
#
# Data:   $CRMKIT_DATA_DIR or ../shared/data beside the repository (never copied into the repo).
import json
import math
import os
import random
import sys

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from graph import karate, lesmis  # noqa: E402  (same graph construction as the other references)

assert nx.__version__ == "2.8.8", nx.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "test", "fixtures", "graph-diffusion.json")
RUNS = 20000


def arcs(G, weight):
    """Directed arcs of an undirected graph with their weights (1 when unweighted)."""
    out = {v: [] for v in G}
    win = {v: 0.0 for v in G}
    for u, v, d in G.edges(data=True):
        w = d.get(weight, 1.0) if weight else 1.0
        out[u].append((v, w))
        out[v].append((u, w))
        win[u] += w
        win[v] += w
    return out, win


def ic_probabilities(G, probability, weight):
    out, win = arcs(G, weight)
    if probability == "weightedCascade":
        return {u: [(v, w / win[v]) for v, w in nbrs] for u, nbrs in out.items()}
    return {u: [(v, probability) for v, _ in nbrs] for u, nbrs in out.items()}


def simulate_ic(G, seeds, probability, weight, rng):
    P = ic_probabilities(G, probability, weight)
    reach, hits, steps = [], {v: 0 for v in G}, []
    for _ in range(RUNS):
        steps.append([])
        active = set(seeds)
        frontier = list(seeds)
        t = 0
        while frontier:
            t += 1
            new = []
            for u in frontier:
                for v, p in P[u]:
                    if v not in active and rng.random() < p:
                        active.add(v)
                        new.append(v)
            if new:
                steps[-1].append(len(active))
            frontier = new
        reach.append(len(active))
        for v in active:
            hits[v] += 1
    return summarize(seeds, reach, hits, steps)


def simulate_lt(G, seeds, weight, rng):
    out, win = arcs(G, weight)
    B = {u: [(v, w / win[v]) for v, w in nbrs] for u, nbrs in out.items()}
    reach, hits, steps = [], {v: 0 for v in G}, []
    nodes = list(G)
    for _ in range(RUNS):
        steps.append([])
        theta = {v: 1.0 - rng.random() for v in nodes}  # uniform on (0, 1]
        active = set(seeds)
        acc = {v: 0.0 for v in nodes}
        frontier = list(seeds)
        t = 0
        while frontier:
            t += 1
            touched = set()
            for u in frontier:
                for v, b in B[u]:
                    if v not in active:
                        acc[v] += b
                        touched.add(v)
            new = [v for v in touched if acc[v] >= theta[v] - 1e-12]
            for v in new:
                active.add(v)
            if new:
                steps[-1].append(len(active))
            frontier = new
        reach.append(len(active))
        for v in active:
            hits[v] += 1
    return summarize(seeds, reach, hits, steps)


def summarize(seeds, reach, hits, steps):
    n = len(reach)
    mean = sum(reach) / n
    var = sum((x - mean) ** 2 for x in reach) / (n - 1)
    # steps[r] = active count after each step of run r that activated someone; a run keeps its final count
    last = max(len(x) for x in steps)
    curve, curve_se = [float(len(seeds))], [0.0]
    for t in range(1, last + 1):
        xs = [(x[t - 1] if len(x) >= t else reach[r]) for r, x in enumerate(steps)]
        m = sum(xs) / n
        curve.append(m)
        curve_se.append(math.sqrt(sum((x - m) ** 2 for x in xs) / (n - 1) / n))
    return {
        "curveStandardError": curve_se,
        "runs": n,
        "mean": mean,
        "standardError": math.sqrt(var / n),
        "curve": curve,
        "activationProbability": {v: h / n for v, h in hits.items()},
    }


def main():
    rng = random.Random(20261207)
    K = karate()
    L = lesmis()
    cases = [
        ("karate", K, "ic", ["0", "33"], 0.1, None),
        ("karate", K, "ic", ["0"], "weightedCascade", None),
        ("karate", K, "lt", ["0", "33"], None, None),
        ("lesmis", L, "ic", ["Myriel"], 0.15, None),
        ("lesmis", L, "ic", ["Valjean"], "weightedCascade", "weight"),
        ("lesmis", L, "lt", ["Valjean", "Javert"], None, "weight"),
    ]
    out = []
    for graph, G, model, seeds, probability, weight in cases:
        if model == "ic":
            r = simulate_ic(G, seeds, probability, weight, rng)
        else:
            r = simulate_lt(G, seeds, weight, rng)
        r.update({"graph": graph, "model": model, "seeds": seeds, "probability": probability, "weight": weight})
        print(graph, model, seeds, probability, weight, r["mean"], r["standardError"], file=sys.stderr)
        out.append(r)
    with open(OUT, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", OUT, file=sys.stderr)


def bench(path, runs, seeds):
    import gzip
    import time

    opener = gzip.open if path.endswith(".gz") else open
    G = nx.Graph()
    with opener(path, "rt") as f:
        for i, ln in enumerate(f):
            parts = ln.replace(",", " ").split()
            if len(parts) < 2 or not parts[0].isdigit():
                continue
            G.add_edge(parts[0], parts[1])
    global RUNS
    RUNS = runs
    t = time.process_time()
    r = simulate_ic(G, seeds, "weightedCascade", None, random.Random(1))
    print(json.dumps({"runs": runs, "mean": r["mean"], "cpuSeconds": time.process_time() - t}))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--bench":
        bench(sys.argv[2], int(sys.argv[3]), sys.argv[4:])
    else:
        main()

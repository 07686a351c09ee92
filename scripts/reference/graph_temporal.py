#!/usr/bin/python3
# Reference values for crmkit/graph temporalSnapshots (issue 16): the CollegeMsg messages cut into
# calendar weeks (Monday 00:00 UTC), calendar months (UTC) and sliding 14-day windows every 7 days
# (from 00:00 UTC of the first message's day); one networkx DiGraph per window (edge weight = number
# of messages, self-messages left out), and per window: nodes, edges, density, reciprocity, weak and
# strong components, transitivity, average clustering, path lengths on the largest strongly
# connected component, degree assortativity, PageRank (weighted, networkx's defaults), and the
# accounts that are new, returning or lost; per account: first and last message times.
#
# Pinned: Debian python3 with networkx 2.8.8.
# Run:    /usr/bin/python3 scripts/reference/graph_temporal.py  -> writes test/fixtures/graph-temporal.json
#         /usr/bin/python3 scripts/reference/graph_temporal.py --bench -> prints {"windows", "cpuSeconds"}:
#             the weekly analysis done with networkx (per window: DiGraph, the summary above, PageRank,
#             Louvain on the undirected view), bench/graph-temporal.bench.ts's peer
#
# Data from $CRMKIT_DATA_DIR or ../shared/data (never copied into the repo).
import datetime as dt
import json
import os
import sys

import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from graph import read_text  # noqa: E402

assert nx.__version__ == "2.8.8", nx.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "test", "fixtures", "graph-temporal.json")
DAY = 86_400_000
MONDAY = 4 * DAY  # 1970-01-05 was a Monday


def messages():
    out = []
    for ln in read_text("snap-collegemsg", "CollegeMsg.txt").split("\n"):
        if not ln.strip():
            continue
        s, t, ts = ln.split(" ")
        out.append((s, t, int(ts) * 1000))
    return out


def week_start(ms):
    return (ms - MONDAY) // (7 * DAY) * (7 * DAY) + MONDAY


def month_start(ms):
    d = dt.datetime.fromtimestamp(ms / 1000, tz=dt.timezone.utc)
    return int(dt.datetime(d.year, d.month, 1, tzinfo=dt.timezone.utc).timestamp() * 1000)


def next_month(ms):
    d = dt.datetime.fromtimestamp(ms / 1000, tz=dt.timezone.utc)
    y, m = (d.year + 1, 1) if d.month == 12 else (d.year, d.month + 1)
    return int(dt.datetime(y, m, 1, tzinfo=dt.timezone.utc).timestamp() * 1000)


def label_of(ms, kind):
    d = dt.datetime.fromtimestamp(ms / 1000, tz=dt.timezone.utc)
    if kind == "month":
        return d.strftime("%Y-%m")
    if kind == "week":
        return d.strftime("%Y-%m-%d")
    return d.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def windows(msgs, kind):
    t_min = min(m[2] for m in msgs)
    t_max = max(m[2] for m in msgs)
    if kind == "week":
        starts = list(range(week_start(t_min), week_start(t_max) + 1, 7 * DAY))
        ends = [s + 7 * DAY for s in starts]
    elif kind == "month":
        starts = [month_start(t_min)]
        while starts[-1] < month_start(t_max):
            starts.append(next_month(starts[-1]))
        ends = [next_month(s) for s in starts]
    else:
        origin = t_min // DAY * DAY
        step, window = 7 * DAY, 14 * DAY
        count = (t_max - origin) // step + 1
        starts = [origin + i * step for i in range(count)]
        ends = [s + window for s in starts]
    return starts, ends


def summary(G):
    out = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "density": nx.density(G)}
    out["reciprocity"] = nx.overall_reciprocity(G)
    wcc = list(nx.weakly_connected_components(G))
    scc = list(nx.strongly_connected_components(G))
    out["components"] = len(wcc)
    out["largestComponent"] = max(len(c) for c in wcc)
    out["strongComponents"] = len(scc)
    out["largestStrongComponent"] = max(len(c) for c in scc)
    out["transitivity"] = nx.transitivity(G.to_undirected())
    out["averageClustering"] = nx.average_clustering(G)
    big = G.subgraph(max(scc, key=len))
    out["averageShortestPathLength"] = nx.average_shortest_path_length(big) if len(big) > 1 else 0
    out["diameter"] = nx.diameter(big) if len(big) > 1 else 0
    try:
        r = nx.degree_assortativity_coefficient(G)
        out["degreeAssortativity"] = None if r != r else r
    except (ZeroDivisionError, ValueError):
        out["degreeAssortativity"] = None
    return out


def run(msgs, kind, with_pagerank):
    starts, ends = windows(msgs, kind)
    res = []
    seen, previous = set(), set()
    for s, e in zip(starts, ends):
        G = nx.DiGraph()
        for a, b, t in msgs:
            if s <= t < e and a != b:
                w = G[a][b]["weight"] + 1 if G.has_edge(a, b) else 1
                G.add_edge(a, b, weight=w)
        active = set(G.nodes)
        win = {
            "start": s,
            "end": e,
            "label": label_of(s, kind),
            "interactions": sum(1 for a, b, t in msgs if s <= t < e and a != b),
            "accounts": G.number_of_nodes(),
            "edges": G.number_of_edges(),
            "newAccounts": sorted(active - seen),
            "returningAccounts": sorted((active & seen) - previous),
            "lostAccounts": sorted(previous - active),
        }
        if G.number_of_nodes() > 0:
            win["summary"] = summary(G)
            if with_pagerank:
                win["pagerank"] = nx.pagerank(G)  # weight='weight', alpha=0.85, tol=1e-6
        seen |= active
        previous = active
        res.append(win)
    return res


def main():
    msgs = messages()
    kept = [m for m in msgs if m[0] != m[1]]
    first, last = {}, {}
    for a, b, t in kept:
        for v in (a, b):
            first[v] = min(first.get(v, t), t)
            last[v] = max(last.get(v, t), t)
    out = {
        "note": "networkx 2.8.8; CollegeMsg; weights = message counts; self-messages left out",
        "selfLoops": len(msgs) - len(kept),
        "week": run(msgs, "week", True),
        "month": run(msgs, "month", False),
        "sliding14by7": run(msgs, "sliding", False),
        "firstSeen": first,
        "lastActive": last,
    }
    with open(OUT, "w", encoding="utf8") as f:
        json.dump(out, f, separators=(",", ":"))
    print("wrote", OUT, len(out["week"]), len(out["month"]), len(out["sliding14by7"]))


def bench():
    import time

    msgs = messages()
    t = time.process_time()
    starts, ends = windows(msgs, "week")
    by = {s: [] for s in starts}
    for a, b, ts in msgs:
        if a != b:
            by[week_start(ts)].append((a, b))
    for s in starts:
        G = nx.DiGraph()
        for a, b in by[s]:
            w = G[a][b]["weight"] + 1 if G.has_edge(a, b) else 1
            G.add_edge(a, b, weight=w)
        if G.number_of_nodes() == 0:
            continue
        summary(G)
        nx.pagerank(G)
        nx.community.louvain_communities(G.to_undirected(), seed=0)
    print(json.dumps({"windows": len(starts), "cpuSeconds": time.process_time() - t}))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--bench":
        bench()
    else:
        main()

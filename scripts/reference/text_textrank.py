"""Reference for crmkit/text extractKeywords(method: 'textrank'): networkx weighted PageRank.

Pinned: Debian bookworm /usr/bin/python3 (3.11), networkx 2.8.8.

Input: the first 40 pre-tokenized documents of test/fixtures/text-tfidf.json whose tokens are all
ASCII (run scripts/reference/text.py first). Candidates: tokens with a letter, not a single ASCII
character (crmkit's rule; no stop words removed: the test passes stopWords: 'none'). Graph: an
undirected edge between candidates adjacent in the candidate list (window 2), weight = number of
co-occurrences, self-pairs skipped. TextRank's fixed point S = (1-d) + d * sum_u w(u,v)/W(u) S(u)
is proportional to networkx.pagerank(G, alpha=d, weight='weight') on such graphs (no isolated
nodes), so the test compares S / sum(S) with it. Also one corpus graph over all 40 documents.

Writes test/fixtures/text-textrank.json. Run: /usr/bin/python3 scripts/reference/text_textrank.py
"""
import json
import os
import re

import networkx as nx

assert nx.__version__ == "2.8.8", nx.__version__
ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
fx = json.load(open(os.path.join(ROOT, "test", "fixtures", "text-tfidf.json"), encoding="utf-8"))
LETTER = re.compile(r"[A-Za-z]")


def candidates(tokens):
    return [t for t in tokens if LETTER.search(t) and not (len(t) == 1 and ord(t) < 128)]


docs = [d for d in fx["docs"] if all(ord(c) < 128 for t in d for c in t) and len(set(candidates(d))) >= 3][:40]


def graph(lists):
    G = nx.Graph()
    for toks in lists:
        c = candidates(toks)
        for t in c:
            G.add_node(t)
        for a, b in zip(c, c[1:]):
            if a == b:
                continue
            if G.has_edge(a, b):
                G[a][b]["weight"] += 1
            else:
                G.add_edge(a, b, weight=1)
    return G


def ranks(G):
    pr = nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=10000)
    return {k: float(v) for k, v in pr.items()}


out = {
    "generator": "scripts/reference/text_textrank.py",
    "docs": docs,
    "perDocument": [ranks(graph([d])) for d in docs],
    "corpus": ranks(graph(docs)),
}
with open(os.path.join(ROOT, "test", "fixtures", "text-textrank.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
    f.write("\n")

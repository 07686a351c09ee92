#!/usr/bin/python3
"""Distributions of k-means++ results in scikit-learn, for comparing crmkit's seeding and restarts
by distribution (a crmkit seed cannot reproduce a numpy random_state).

Pinned versions (Debian's /usr/bin/python3): numpy 1.24.2, scikit-learn 1.2.1, pandas 1.5.3.

    OMP_NUM_THREADS=1 /usr/bin/python3 scripts/reference/segment_seeds.py   # writes test/fixtures/segment_seeds.json

For the wholesale (log1p spend, standardized) and RFM (log1p, standardized) matrices of
scripts/reference/segment.py and k = 2..8:
- seedPotential: Σ min‖x − c‖² of the k-means++ centres alone (kmeans_plusplus), random_state 0..999;
- single: inertia of one k-means++ + Lloyd run (KMeans n_init=1), random_state 0..999;
- best10: inertia of KMeans(n_init=10) (best of ten restarts), random_state 0..99.
Values are rounded to 12 significant digits (the comparisons are at 1e-3 relative).
"""
import json
import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import sklearn
from sklearn.cluster import KMeans, kmeans_plusplus

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from segment import ROOT, rfm_matrix, rfm_table, wholesale, wholesale_matrix  # noqa: E402

assert sklearn.__version__ == "1.2.1", sklearn.__version__
assert np.__version__ == "1.24.2", np.__version__

SINGLE = 1000
BEST = 100


def r12(x):
    return float(f"{x:.12g}")


def potential(X, centers):
    d = ((X[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
    return float(d.min(axis=1).sum())


def main():
    _, r, f, m = rfm_table()
    sets = [("wholesale", wholesale_matrix(wholesale())), ("rfm", rfm_matrix(r, f, m))]
    out = {"versions": {"numpy": np.__version__, "scikit-learn": sklearn.__version__}, "single": SINGLE, "best": BEST, "cases": []}
    for name, X in sets:
        for k in range(2, 9):
            seed_pot = [r12(potential(X, kmeans_plusplus(X, k, random_state=s)[0])) for s in range(SINGLE)]
            single = [r12(KMeans(n_clusters=k, init="k-means++", n_init=1, random_state=s).fit(X).inertia_) for s in range(SINGLE)]
            best10 = [r12(KMeans(n_clusters=k, init="k-means++", n_init=10, random_state=s).fit(X).inertia_) for s in range(BEST)]
            out["cases"].append({"dataset": name, "k": k, "seedPotential": seed_pot, "single": single, "best10": best10})
            print(name, k, "done", file=sys.stderr, flush=True)
    path = os.path.join(ROOT, "test", "fixtures", "segment_seeds.json")
    with open(path, "w") as fh:
        json.dump(out, fh, separators=(",", ":"))
        fh.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    main()

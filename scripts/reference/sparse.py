#!/usr/bin/python3
"""Reference CSR matrices for src/core/sparse.ts, from scipy.sparse.

Pinned: Debian python3, numpy 1.24.2, scipy 1.10.1.
Run:    /usr/bin/python3 scripts/reference/sparse.py            (writes test/fixtures/sparse.json)
        /usr/bin/python3 scripts/reference/sparse.py --bench    (prints scipy's time for 1e6 triplets)

Each case is a list of (row, col, value) triplets with many duplicates (some summing to exactly 0);
the reference is csr_matrix((data, (i, j)), shape) → sum_duplicates() → eliminate_zeros()
(sorted column indices), its transpose (.T.tocsr() with sorted indices), A·x for a fixed x and
the row L2 norms.
"""
import json
import os
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp

assert np.__version__ == "1.24.2" and scipy.__version__ == "1.10.1", (np.__version__, scipy.__version__)


def canonical(m):
    m = m.tocsr()
    m.sum_duplicates()
    m.eliminate_zeros()
    m.sort_indices()
    return m


def dump(m):
    return {"indptr": m.indptr.tolist(), "indices": m.indices.tolist(), "data": m.data.tolist()}


def make_case(name, rows, cols, nnz, rng, integer_values):
    i = rng.integers(0, rows, nnz)
    j = rng.integers(0, cols, nnz)
    if integer_values:
        v = rng.integers(-3, 4, nnz).astype(float)  # small integers: duplicates often cancel to 0
    else:
        v = rng.normal(0, 1, nnz) * 10.0 ** rng.integers(-3, 4, nnz)
    m = canonical(sp.csr_matrix((v, (i, j)), shape=(rows, cols)))
    t = canonical(m.T)
    x = rng.normal(0, 1, cols)
    y = m @ x
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    return {
        "name": name,
        "rows": rows,
        "cols": cols,
        "rowIndex": i.tolist(),
        "colIndex": j.tolist(),
        "values": v.tolist(),
        "csr": dump(m),
        "transpose": dump(t),
        "x": x.tolist(),
        "product": y.tolist(),
        "rowNorms": norms.tolist(),
    }


def main():
    rng = np.random.default_rng(7)
    if "--bench" in sys.argv:
        n = 1_000_000
        i = rng.integers(0, 100_000, n)
        j = rng.integers(0, 50_000, n)
        v = rng.normal(0, 1, n)
        best = []
        for _ in range(5):
            t0 = time.perf_counter()
            m = sp.csr_matrix((v, (i, j)), shape=(100_000, 50_000))
            m.sum_duplicates()
            best.append((time.perf_counter() - t0) * 1e3)
        best.sort()
        print(json.dumps({"csrFromTriplets1e6Ms": best[len(best) // 2]}))
        return
    cases = [
        make_case("small-integers", 7, 5, 60, rng, True),
        make_case("wide-real", 30, 200, 500, rng, False),
        make_case("tall-real", 300, 12, 900, rng, False),
        make_case("empty-rows", 50, 40, 20, rng, False),
        make_case("long-rows", 3, 400, 1500, rng, False),  # ~500 entries per row: the key-sort path
    ]
    fixture = {"source": "scipy 1.10.1 scipy.sparse.csr_matrix + sum_duplicates + eliminate_zeros", "cases": cases}
    path = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "sparse.json")
    with open(path, "w") as fh:
        json.dump(fixture, fh)
        fh.write("\n")
    for c in cases:
        print(c["name"], len(c["values"]), len(c["csr"]["data"]))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Reference values for crmkit/segment.

Pinned versions (Debian's /usr/bin/python3): numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1, pandas 1.5.3.

    /usr/bin/python3 scripts/reference/segment.py            # writes test/fixtures/segment.json
    /usr/bin/python3 scripts/reference/segment.py --bench [--blobs FILE --rows N --cols D]
                                                             # prints scikit-learn timings as JSON

Data (read from $CRMKIT_DATA_DIR or ../shared/data beside the repository, never copied):
- uci-wholesale-customers/wholesale_customers_data.csv: 440 clients, six spending columns.
- uci-online-retail/online_retail.csv.gz: the per-customer RFM table is computed here (see rfm_table).
"""
import json
import math
import os
import sys
import time

# one thread: reproducible sums, and no OpenMP spin-waiting on a shared machine
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans, kmeans_plusplus
from sklearn.compose import ColumnTransformer
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_samples, silhouette_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, MinMaxScaler, OneHotEncoder, OrdinalEncoder, RobustScaler, StandardScaler

assert sklearn.__version__ == "1.2.1", sklearn.__version__
assert np.__version__ == "1.24.2", np.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.environ.get("CRMKIT_DATA_DIR", os.path.abspath(os.path.join(ROOT, "..", "shared", "data")))
SPEND = ["Fresh", "Milk", "Grocery", "Frozen", "Detergents_Paper", "Delicassen"]


def wholesale():
    return pd.read_csv(os.path.join(DATA, "uci-wholesale-customers", "wholesale_customers_data.csv"))


def wholesale_matrix(df):
    """log1p of the six spending columns, standardized (population sd)."""
    return StandardScaler().fit_transform(np.log1p(df[SPEND].to_numpy(dtype=np.float64)))


def rfm_table():
    """Per-customer recency (days before the day after the last invoice), frequency (distinct
    invoices) and monetary (sum of Quantity*UnitPrice, added in file order) from uci-online-retail.
    Kept: lines with a CustomerID, InvoiceNo not starting with 'C', Quantity > 0, UnitPrice > 0."""
    df = pd.read_csv(
        os.path.join(DATA, "uci-online-retail", "online_retail.csv.gz"),
        dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str},
        keep_default_na=False,
    )
    df = df[(df["CustomerID"] != "") & (~df["InvoiceNo"].str.startswith("C"))]
    df = df[(df["Quantity"] > 0) & (df["UnitPrice"] > 0)]
    df = df.assign(at=pd.to_datetime(df["InvoiceDate"]), amount=df["Quantity"].to_numpy() * df["UnitPrice"].to_numpy())
    snapshot = df["at"].max().normalize() + pd.Timedelta(days=1)
    customers = sorted(df["CustomerID"].unique())
    index = {c: i for i, c in enumerate(customers)}
    idx = df["CustomerID"].map(index).to_numpy()
    monetary = np.zeros(len(customers))
    np.add.at(monetary, idx, df["amount"].to_numpy())  # sequential, in file order
    last = df.groupby("CustomerID")["at"].max().reindex(customers)
    recency = ((snapshot - last).dt.total_seconds() / 86400.0).apply(math.floor).to_numpy(dtype=np.float64)
    frequency = df.groupby("CustomerID")["InvoiceNo"].nunique().reindex(customers).to_numpy(dtype=np.float64)
    return customers, recency, frequency, monetary


def rfm_matrix(recency, frequency, monetary):
    return StandardScaler().fit_transform(np.log1p(np.column_stack([recency, frequency, monetary])))


def lst(a):
    return np.asarray(a).tolist()


def kmeans_given(name, X, k, algorithm, seed, sample_weight=None):
    init, _ = kmeans_plusplus(X, k, random_state=seed)
    km = KMeans(n_clusters=k, init=init, n_init=1, algorithm=algorithm, max_iter=300, tol=1e-4)
    km.fit(X, sample_weight=sample_weight)
    return {
        "dataset": name,
        "k": k,
        "algorithm": algorithm,
        "weights": None if sample_weight is None else "weights",
        "init": lst(init),
        "labels": lst(km.labels_),
        "inertia": float(km.inertia_),
        "centroids": lst(km.cluster_centers_),
        "iterations": int(km.n_iter_),
    }


def fixtures():
    out = {"versions": {"numpy": np.__version__, "scikit-learn": sklearn.__version__, "pandas": pd.__version__}}
    ws = wholesale()
    Xw = wholesale_matrix(ws)
    customers, r, f, m = rfm_table()
    Xr = rfm_matrix(r, f, m)
    out["rfm"] = {
        "n": len(customers),
        "sums": [float(r.sum()), float(f.sum()), math.fsum(m)],
        "firstRow": [customers[0], float(r[0]), float(f[0]), float(m[0])],
        "standardizedLogMean": lst(Xr.mean(axis=0)),
    }

    # ---- transformers -------------------------------------------------------------------------
    raw = ws[SPEND].to_numpy(dtype=np.float64)
    A = np.column_stack([raw, np.full(len(raw), 7.5), ws["Channel"].to_numpy(dtype=np.float64)])
    tr = {"X": None}
    # the test rebuilds A from the CSV: the six spending columns, a constant 7.5 column, Channel
    for name, est in [
        ("standard", StandardScaler()),
        ("standardNoMean", StandardScaler(with_mean=False)),
        ("minmax", MinMaxScaler()),
        ("minmaxRange", MinMaxScaler(feature_range=(-1, 1))),
        ("robust", RobustScaler()),
        ("robustRange", RobustScaler(quantile_range=(10.0, 90.0))),
    ]:
        Z = est.fit_transform(A)
        entry = {"transformed": lst(Z), "inverse": lst(est.inverse_transform(Z))}
        for attr in ["mean_", "var_", "scale_", "center_", "min_", "data_min_", "data_max_"]:
            if hasattr(est, attr) and getattr(est, attr) is not None:
                entry[attr.rstrip("_")] = lst(getattr(est, attr))
        tr[name] = entry
    del tr["X"]
    tr["log1p"] = lst(np.log1p(raw[:5]))
    cats = ws[["Channel", "Region"]].astype(str).replace({"Channel": {"1": "Horeca", "2": "Retail"}, "Region": {"1": "Lisbon", "2": "Oporto", "3": "Other"}})
    ohe = OneHotEncoder(sparse_output=False, handle_unknown="ignore").fit(cats)
    tr["oneHot"] = {
        "categories": [lst(c) for c in ohe.categories_],
        "featureNames": lst(ohe.get_feature_names_out()),
        "transformedHead": lst(ohe.transform(cats.iloc[:10])),
        "columnSums": lst(ohe.transform(cats).sum(axis=0)),
        "unknownRow": lst(ohe.transform(pd.DataFrame([["Horeca", "Faro"]], columns=["Channel", "Region"]))),
    }
    ohe_first = OneHotEncoder(sparse_output=False, drop="first").fit(cats)
    tr["oneHotDropFirst"] = {"featureNames": lst(ohe_first.get_feature_names_out()), "transformedHead": lst(ohe_first.transform(cats.iloc[:10]))}
    ohe_bin = OneHotEncoder(sparse_output=False, drop="if_binary").fit(cats)
    tr["oneHotDropIfBinary"] = {"featureNames": lst(ohe_bin.get_feature_names_out()), "transformedHead": lst(ohe_bin.transform(cats.iloc[:10]))}
    ordn = OrdinalEncoder().fit(cats)
    tr["ordinal"] = {"categories": [lst(c) for c in ordn.categories_], "transformedHead": lst(ordn.transform(cats.iloc[:10]))}
    ct = ColumnTransformer(
        [
            ("spend", make_pipeline(FunctionTransformer(np.log1p, feature_names_out="one-to-one"), StandardScaler()), SPEND),
            ("cat", OneHotEncoder(sparse_output=False), ["Channel", "Region"]),
        ]
    )
    frame = pd.concat([ws[SPEND].astype(np.float64), cats], axis=1)
    Zc = ct.fit_transform(frame)
    tr["preprocessor"] = {"transformed": lst(Zc), "featureNames": [n.split("__", 1)[1] for n in ct.get_feature_names_out()]}
    out["transformers"] = tr

    # ---- k-means from the same initial centroids -----------------------------------------------
    given = []
    rng = np.random.RandomState(7)
    weights = rng.randint(1, 5, size=len(Xw)).astype(np.float64)
    out["wholesaleWeights"] = lst(weights)
    for k in [2, 3, 5, 8]:
        for algorithm in ["lloyd", "elkan"]:
            given.append(kmeans_given("wholesale", Xw, k, algorithm, seed=100 + k))
            given.append(kmeans_given("rfm", Xr, k, algorithm, seed=200 + k))
    for k in [3, 6]:
        for algorithm in ["lloyd", "elkan"]:
            given.append(kmeans_given("wholesale", Xw, k, algorithm, seed=300 + k, sample_weight=weights))
    # an initial centroid far from every point: its cluster is empty on the first pass and is relocated
    for algorithm in ["lloyd", "elkan"]:
        init, _ = kmeans_plusplus(Xw, 4, random_state=11)
        init[3] = [50.0] * Xw.shape[1]
        km = KMeans(n_clusters=4, init=init, n_init=1, algorithm=algorithm).fit(Xw)
        given.append({"dataset": "wholesale", "k": 4, "algorithm": algorithm, "weights": None, "init": lst(init),
                      "labels": lst(km.labels_), "inertia": float(km.inertia_), "centroids": lst(km.cluster_centers_),
                      "iterations": int(km.n_iter_), "emptyStart": True})
    out["kmeansGiven"] = given

    # ---- k-means++ with n_init = 10 (best inertia over restarts), random_state 0..9 ---------------
    best = []
    for name, X in [("wholesale", Xw), ("rfm", Xr)]:
        for k in range(2, 9):
            inertias = [float(KMeans(n_clusters=k, init="k-means++", n_init=10, random_state=s).fit(X).inertia_) for s in range(10)]
            best.append({"dataset": name, "k": k, "inertia": inertias[0], "inertiaBySeed": inertias})
    out["kmeansBest"] = best

    # ---- cluster quality metrics ----------------------------------------------------------------
    metrics = []
    for name, X in [("wholesale", Xw), ("rfm", Xr)]:
        for k in [2, 3, 5, 8]:
            labels = next(g["labels"] for g in given if g["dataset"] == name and g["k"] == k and g["algorithm"] == "lloyd" and g["weights"] is None)
            lab = np.asarray(labels)
            entry = {"dataset": name, "k": k, "silhouette": float(silhouette_score(X, lab)),
                     "calinskiHarabasz": float(calinski_harabasz_score(X, lab)), "daviesBouldin": float(davies_bouldin_score(X, lab))}
            if name == "wholesale":
                entry["silhouetteSamples"] = lst(silhouette_samples(X, lab))
            metrics.append(entry)
    out["metrics"] = metrics
    # a toy case: labels that skip values, and a cluster with one member (scored 0)
    T = np.array([[0.0, 0.0], [0.1, 0.2], [0.3, 0.1], [5.0, 5.0], [5.2, 4.9], [9.0, 0.5], [4.0, 4.5]])
    tl = np.array([3, 3, 3, 10, 10, 42, 10])
    out["toy"] = {"X": lst(T), "labels": lst(tl), "silhouette": float(silhouette_score(T, tl)),
                  "silhouetteSamples": lst(silhouette_samples(T, tl)),
                  "calinskiHarabasz": float(calinski_harabasz_score(T, tl)), "daviesBouldin": float(davies_bouldin_score(T, tl))}
    return out


def bench(argv):
    res = {}
    ws = wholesale()
    sets = [("wholesale", wholesale_matrix(ws))]
    _, r, f, m = rfm_table()
    sets.append(("rfm", rfm_matrix(r, f, m)))
    if "--blobs" in argv:
        path = argv[argv.index("--blobs") + 1]
        rows = int(argv[argv.index("--rows") + 1])
        cols = int(argv[argv.index("--cols") + 1])
        sets.append(("blobs", np.fromfile(path, dtype="<f8").reshape(rows, cols)))
    for name, X in sets:
        times = []
        cpu = []
        inertia = None
        for rep in range(3 if len(X) > 50000 else 5):
            t0 = time.perf_counter()
            c0 = time.process_time()
            km = KMeans(n_clusters=8, init="k-means++", n_init=10, random_state=rep).fit(X)
            cpu.append((time.process_time() - c0) * 1000)
            times.append((time.perf_counter() - t0) * 1000)
            inertia = float(km.inertia_) if inertia is None else inertia
        times.sort()
        res[name] = {"ms": times[len(times) // 2], "cpuMs": sum(cpu) / len(cpu), "inertia": inertia}
    print(json.dumps(res))


if __name__ == "__main__":
    if "--bench" in sys.argv:
        bench(sys.argv)
    else:
        path = os.path.join(ROOT, "test", "fixtures", "segment.json")
        with open(path, "w") as fh:
            json.dump(fixtures(), fh, separators=(",", ":"))
            fh.write("\n")
        print("wrote", path)

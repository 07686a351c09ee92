#!/usr/bin/python3
"""Reference values for crmkit/segment preprocessing options added after the first release:
RobustScaler(unit_variance=True) and OneHotEncoder's infrequent-category grouping.

Pinned versions (Debian's /usr/bin/python3): numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1, pandas 1.5.3.

    /usr/bin/python3 scripts/reference/segment_encoding.py   # writes test/fixtures/segment_encoding.json

Data (read from $CRMKIT_DATA_DIR or ../shared/data beside the repository, never copied):
- uci-wholesale-customers/wholesale_customers_data.csv: 440 clients, six spending columns,
  Channel (1 Horeca, 2 Retail) and Region (1 Lisbon, 2 Oporto, 3 Other).
"""
import json
import os

import numpy as np
import pandas as pd
import scipy
import sklearn
from sklearn.preprocessing import OneHotEncoder, RobustScaler

assert sklearn.__version__ == "1.2.1", sklearn.__version__
assert np.__version__ == "1.24.2", np.__version__
assert scipy.__version__ == "1.10.1", scipy.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.environ.get("CRMKIT_DATA_DIR", os.path.abspath(os.path.join(ROOT, "..", "shared", "data")))
SPEND = ["Fresh", "Milk", "Grocery", "Frozen", "Detergents_Paper", "Delicassen"]


def lst(a):
    return np.asarray(a).tolist()


def robust(ws):
    raw = ws[SPEND].to_numpy(dtype=np.float64)
    # the test rebuilds A from the CSV: the six spending columns, a constant 7.5 column, Channel (1/2)
    A = np.column_stack([raw, np.full(len(raw), 7.5), ws["Channel"].to_numpy(dtype=np.float64)])
    out = {}
    for name, est in [
        ("unitVariance", RobustScaler(unit_variance=True)),
        ("unitVarianceRange", RobustScaler(unit_variance=True, quantile_range=(10.0, 90.0))),
        ("unitVarianceNarrow", RobustScaler(unit_variance=True, quantile_range=(2.5, 60.0))),
        ("unitVarianceNoCentering", RobustScaler(unit_variance=True, with_centering=False)),
    ]:
        Z = est.fit_transform(A)
        entry = {"params": est.get_params(), "transformed": lst(Z), "inverse": lst(est.inverse_transform(Z)), "scale": lst(est.scale_)}
        entry["center"] = lst(est.center_) if est.center_ is not None else None
        out[name] = entry
    return out


# a synthetic third column with rare levels (and a tie between Braga and Evora), rebuilt by the test:
# row i takes the level whose cumulative-count bucket holds (i * 173) % 440, levels in this order
CITY_COUNTS = [("Lisbon", 200), ("Porto", 120), ("Coimbra", 60), ("Faro", 30), ("Guarda", 15), ("Viseu", 6), ("Braga", 4), ("Evora", 4), ("Funchal", 1)]


def city_column(n):
    assert n == sum(c for _, c in CITY_COUNTS)
    bounds = np.cumsum([c for _, c in CITY_COUNTS])
    return [CITY_COUNTS[int(np.searchsorted(bounds, (i * 173) % n, side="right"))][0] for i in range(n)]


def one_hot(ws):
    frame = pd.DataFrame(
        {
            "Channel": ws["Channel"].map({1: "Horeca", 2: "Retail"}),
            "Region": ws["Region"].map({1: "Lisbon", 2: "Oporto", 3: "Other"}),
            "City": city_column(len(ws)),
        }
    )
    unknown = pd.DataFrame([["Online", "Azores", "Aveiro"], ["Horeca", "Azores", "Funchal"], ["Retail", "Oporto", "Aveiro"]], columns=list(frame.columns))
    out = {"cityCounts": CITY_COUNTS, "cityHead": list(frame["City"][:20]), "unknownRows": unknown.values.tolist(), "cases": {}}
    cases = {
        "minFrequency50": dict(min_frequency=50),
        "minFrequencyShare": dict(min_frequency=0.1),
        "minFrequencyAtCount": dict(min_frequency=15),  # Guarda has exactly 15: frequent (count < 15 is the rule)
        "maxCategories3": dict(max_categories=3),
        "maxCategories8Tie": dict(max_categories=8),  # Funchal (1), then Braga before Evora (both 4)
        "bothInfrequentIfExist": dict(min_frequency=5, max_categories=4, handle_unknown="infrequent_if_exist"),
        "shareDropFirst": dict(min_frequency=0.1, drop="first"),
        "max2DropIfBinary": dict(max_categories=2, drop="if_binary"),
        "min100Ignore": dict(min_frequency=100, handle_unknown="ignore"),
    }
    for name, kw in cases.items():
        enc = OneHotEncoder(sparse_output=False, **kw).fit(frame)
        Z = enc.transform(frame)
        entry = {
            "params": {k: v for k, v in kw.items()},
            "categories": [lst(c) for c in enc.categories_],
            "infrequent": [[] if c is None else lst(c) for c in enc.infrequent_categories_],
            "featureNames": lst(enc.get_feature_names_out()),
            # the full 440-row output as the indices of the 1s in each row (every other entry is 0)
            "hot": [lst(np.flatnonzero(row)) for row in Z],
            "onesTotal": float(Z.sum()),
            "valuesAreZeroOne": bool(np.all((Z == 0) | (Z == 1))),
            "inverseHead": lst(enc.inverse_transform(Z[:20])),
        }
        if kw.get("handle_unknown") in ("ignore", "infrequent_if_exist"):
            entry["unknownTransformed"] = lst(enc.transform(unknown))
        out["cases"][name] = entry
    return out


def fixtures():
    out = {"versions": {"numpy": np.__version__, "scipy": scipy.__version__, "scikit-learn": sklearn.__version__, "pandas": pd.__version__}}
    ws = pd.read_csv(os.path.join(DATA, "uci-wholesale-customers", "wholesale_customers_data.csv"))
    out["robust"] = robust(ws)
    out["oneHot"] = one_hot(ws)
    return out


if __name__ == "__main__":
    path = os.path.join(ROOT, "test", "fixtures", "segment_encoding.json")
    with open(path, "w") as fh:
        json.dump(fixtures(), fh, separators=(",", ":"))
    print("wrote", path)

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


def fixtures():
    out = {"versions": {"numpy": np.__version__, "scipy": scipy.__version__, "scikit-learn": sklearn.__version__, "pandas": pd.__version__}}
    ws = pd.read_csv(os.path.join(DATA, "uci-wholesale-customers", "wholesale_customers_data.csv"))
    out["robust"] = robust(ws)
    return out


if __name__ == "__main__":
    path = os.path.join(ROOT, "test", "fixtures", "segment_encoding.json")
    with open(path, "w") as fh:
        json.dump(fixtures(), fh, separators=(",", ":"))
    print("wrote", path)

"""Reference NMF fits and topic coherence for crmkit/text fitNmf / transformNmf / topicCoherence.

Pinned: scikit-learn 1.2.1, numpy 1.24.2 (Debian /usr/bin/python3).

Corpus: the synthetic 80 x 40 count matrix of text_lda.py (3 planted topics, numpy RandomState(0)),
and its TF-IDF (TfidfTransformer defaults), stored in the fixture as CSR arrays.

1. "custom": NMF(init='custom') from the same W, H (|N(0,1)| * sqrt(mean X / K), RandomState(7)) for
   cd/frobenius (TF-IDF), cd/frobenius with alpha_W=0.01, l1_ratio=0.5 (TF-IDF), mu/frobenius
   (TF-IDF) and mu/kullback-leibler (counts): components_, n_iter_, reconstruction_err_ and
   transform(X) must agree to 1e-6.
2. "nndsvd": scikit-learn's _initialize_nmf with its randomized_svd replaced by the exact SVD
   (numpy.linalg.svd, truncated): crmkit computes the SVD to convergence, so the starts (nndsvd,
   nndsvda) and the default cd fit from nndsvda must agree to 1e-6. The distance between this
   exact-SVD start and scikit-learn's own randomized-SVD start is recorded too.
3. "coherence": the top 10 terms of each topic of the nndsvda fit, and UMass and NPMI written out in
   numpy from the boolean document-term matrix (gensim is not available here):
     UMass(t) = mean over ranked pairs i > j of log((D(w_i, w_j) + 1) / D(w_j))   (Mimno et al. 2011)
     NPMI(t)  = mean over pairs i < j of log(P(w_i, w_j) / (P(w_i) P(w_j))) / -log P(w_i, w_j)
                with P = document frequency / documents, -1 when P(w_i, w_j) = 0 (Bouma 2009).

Writes test/fixtures/text-nmf.json.
Run: /usr/bin/python3 scripts/reference/text_nmf.py
"""
import json
import os
import sys
from unittest import mock

import numpy as np
import scipy.sparse as sp
import sklearn.decomposition._nmf as nmf_mod
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfTransformer

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
from text_lda import corpus  # noqa: E402


def csr(X):
    X = sp.csr_matrix(X)
    X.sort_indices()
    return {"rows": X.shape[0], "cols": X.shape[1], "indptr": X.indptr.tolist(), "indices": X.indices.tolist(), "data": X.data.tolist()}


def exact_svd(M, n_components, random_state=None, **kw):
    A = M.toarray() if sp.issparse(M) else np.asarray(M)
    U, S, Vt = np.linalg.svd(A, full_matrices=False)
    return U[:, :n_components], S[:n_components], Vt[:n_components]


def record(model, X, W=None, H=None):
    Wfit = model.fit_transform(X, W=W, H=H)
    return {
        "components": model.components_.tolist(),
        "iterations": int(model.n_iter_),
        "reconstructionError": float(model.reconstruction_err_),
        "transform": model.transform(X).tolist(),
        "fitW": Wfit.tolist(),
    }


def umass(top, B):
    D = B.sum(axis=0)
    vals = []
    for i in range(1, len(top)):
        for j in range(i):
            co = float(np.sum(B[:, top[i]] * B[:, top[j]]))
            vals.append(np.log((co + 1.0) / D[top[j]]))
    return float(np.mean(vals))


def npmi(top, B):
    n = B.shape[0]
    p = B.sum(axis=0) / n
    vals = []
    for i in range(len(top)):
        for j in range(i + 1, len(top)):
            pij = float(np.sum(B[:, top[i]] * B[:, top[j]])) / n
            if pij == 0:
                vals.append(-1.0)
            elif pij == 1:
                vals.append(1.0)
            else:
                vals.append(np.log(pij / (p[top[i]] * p[top[j]])) / -np.log(pij))
    return float(np.mean(vals))


def main():
    counts = corpus()
    tfidf = TfidfTransformer().fit_transform(counts)
    K = 3
    n, V = counts.shape
    rs = np.random.RandomState(7)

    def start(X):
        avg = np.sqrt(X.mean() / K)
        return np.abs(avg * rs.standard_normal((n, K))), np.abs(avg * rs.standard_normal((K, V)))

    custom = {}
    for name, X, kw in [
        ("cdFrobenius", tfidf, dict(solver="cd")),
        ("cdRegularized", tfidf, dict(solver="cd", alpha_W=0.01, l1_ratio=0.5)),
        ("muFrobenius", tfidf, dict(solver="mu")),
        ("muKl", counts, dict(solver="mu", beta_loss="kullback-leibler")),
    ]:
        W0, H0 = start(X)
        rec = record(NMF(n_components=K, init="custom", max_iter=200, **kw), X, W=W0.copy(), H=H0.copy())
        custom[name] = {"input": "counts" if X is counts else "tfidf", "options": kw, "W": W0.tolist(), "H": H0.tolist(), **rec}

    nndsvd = {}
    with mock.patch.object(nmf_mod, "randomized_svd", exact_svd):
        for init in ("nndsvd", "nndsvda"):
            W0, H0 = nmf_mod._initialize_nmf(tfidf, K, init=init, random_state=0)
            nndsvd[init] = {"W": W0.tolist(), "H": H0.tolist()}
        fit = NMF(n_components=K, init="nndsvda", random_state=0)
        nndsvd["fit"] = record(fit, tfidf)
        klfit = NMF(n_components=K, init="nndsvda", solver="mu", beta_loss="kullback-leibler", random_state=0, max_iter=500)
        nndsvd["klFit"] = record(klfit, counts)
    Wr, Hr = nmf_mod._initialize_nmf(tfidf, K, init="nndsvda", random_state=0)
    nndsvd["randomizedVsExactMaxAbs"] = float(max(np.abs(Wr - np.array(nndsvd["nndsvda"]["W"])).max(), np.abs(Hr - np.array(nndsvd["nndsvda"]["H"])).max()))

    comp = np.array(nndsvd["fit"]["components"])
    top = [list(map(int, np.argsort(-row, kind="stable")[:10])) for row in comp]
    B = (counts.toarray() > 0).astype(float)
    coherence = {
        "top": top,
        "umass": [umass(t, B) for t in top],
        "npmi": [npmi(t, B) for t in top],
    }
    # a hand-made topic list with a pair that never co-occurs and a term in every document
    always = [int(v) for v in np.where(B.sum(axis=0) == n)[0]]
    coherence["always"] = always

    out = {
        "source": "scikit-learn 1.2.1 NMF and numpy UMass/NPMI on the synthetic 80 x 40 corpus of text_lda.py (scripts/reference/text_nmf.py)",
        "counts": csr(counts),
        "tfidf": csr(tfidf),
        "custom": custom,
        "nndsvd": nndsvd,
        "coherence": coherence,
    }
    with open(os.path.join(ROOT, "test", "fixtures", "text-nmf.json"), "w") as f:
        json.dump(out, f)
    print("wrote test/fixtures/text-nmf.json; randomized vs exact nndsvda start, max abs diff:", nndsvd["randomizedVsExactMaxAbs"])
    for k, v in custom.items():
        print(k, "n_iter", v["iterations"], "err", v["reconstructionError"])
    print("fit n_iter", nndsvd["fit"]["iterations"], "kl n_iter", nndsvd["klFit"]["iterations"])


if __name__ == "__main__":
    main()

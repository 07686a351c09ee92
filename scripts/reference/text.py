"""Reference TF-IDF weights and cosine top-10 lists for crmkit/text, from scikit-learn.

Pinned: Debian bookworm /usr/bin/python3 (3.11), scikit-learn 1.2.1, numpy 1.24.2, scipy 1.10.1.

Corpus: the first 1,000 tweets of twitter-airline-sentiment/Tweets.csv.gz and the first 1,000 of
smile-twitter-emotion/smile-annotations-final.csv (shared data, not copied here), pre-tokenized by
the committed rule `tokenize_ref` below (lower-case, then `[#@]?\\w[\\w']*`); the tokens are written
into the fixture so the JS test feeds exactly the same lists. sklearn runs with analyzer=identity
(or tokenizer=identity, preprocessor=identity, lowercase=False, token_pattern=None when n-grams or
stop words are needed), so tokenization is not the variable.

Writes test/fixtures/text-tfidf.json. With --bench: times TfidfVectorizer fit + transform on all
14,640 airline tweets (sklearn's default tokenization) and top-10 cosine for 1,000 queries by the
dense route (cosine_similarity + argsort), printed as JSON.

Run: /usr/bin/python3 scripts/reference/text.py [--bench]
"""
import csv
import gzip
import io
import json
import os
import re
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity

assert sklearn.__version__ == "1.2.1", sklearn.__version__
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.environ.get("CRMKIT_DATA_DIR", os.path.abspath(os.path.join(ROOT, "..", "shared", "data")))
TOKEN = re.compile(r"[#@]?\w[\w']*")


def tokenize_ref(text):
    return TOKEN.findall(text.lower())


def airline_texts():
    with gzip.open(os.path.join(DATA, "twitter-airline-sentiment", "Tweets.csv.gz"), "rt", encoding="utf-8", newline="") as f:
        return [row["text"] for row in csv.DictReader(f)]


def smile_texts():
    with open(os.path.join(DATA, "smile-twitter-emotion", "smile-annotations-final.csv"), encoding="utf-8", newline="") as f:
        return [row[1] for row in csv.reader(f)]


def identity(x):
    return x


def csr_json(X):
    X = X.tocsr()
    X.sort_indices()
    return {"indptr": X.indptr.tolist(), "indices": X.indices.tolist(), "data": X.data.tolist()}


def run_case(name, docs, queries, **kw):
    ngram = kw.get("ngram_range", (1, 1))
    if ngram != (1, 1) or kw.get("stop_words") is not None:
        vec = TfidfVectorizer(tokenizer=identity, preprocessor=identity, lowercase=False, token_pattern=None, **kw)
    else:
        vec = TfidfVectorizer(analyzer=identity, **kw)
    X = vec.fit_transform(docs)
    vocab = vec.get_feature_names_out().tolist()
    out = {"name": name, "options": {k: (list(v) if isinstance(v, tuple) else v) for k, v in kw.items()},
           "vocabulary": vocab, "idf": vec.idf_.tolist(), "fit": csr_json(X)}
    if queries is not None:
        out["transform"] = csr_json(vec.transform(queries))
    return out, vec, X


def top_k(S, k):
    idx = []
    sc = []
    for row in S:
        order = np.lexsort((np.arange(row.size), -row))[:k]
        idx.append(order.tolist())
        sc.append(row[order].tolist())
    return idx, sc


def bench():
    texts = airline_texts()
    t0 = time.perf_counter()
    vec = TfidfVectorizer()
    vec.fit(texts)
    X = vec.transform(texts)
    fit_s = time.perf_counter() - t0
    q = X[:1000]
    t0 = time.perf_counter()
    S = cosine_similarity(q, X)
    top = np.argsort(-S, axis=1)[:, :10]
    top_s = time.perf_counter() - t0
    print(json.dumps({"tfidfFitTransformSeconds": fit_s, "top10For1000QueriesSeconds": top_s, "nnz": int(X.nnz), "vocabulary": len(vec.vocabulary_)}))


def main():
    warnings.filterwarnings("ignore", message="Your stop_words may be inconsistent")
    if "--bench" in sys.argv:
        bench()
        return
    air = airline_texts()
    smile = smile_texts()
    docs = [tokenize_ref(t) for t in air[:1000] + smile[:1000]]
    queries = [tokenize_ref(t) for t in air[1000:1100]]
    small = docs[:400] + docs[1000:1400]
    cases = []
    a, vec_a, X_a = run_case("default", docs, queries)
    Q = vec_a.transform(queries)
    S = cosine_similarity(Q, X_a)
    idx, sc = top_k(S, 10)
    a["top10"] = {"indices": idx, "scores": sc}
    cases.append(a)
    b, _, _ = run_case("ngrams-sublinear-l1", small, queries[:20], ngram_range=(1, 2), sublinear_tf=True,
                       min_df=2, max_df=0.5, norm="l1", smooth_idf=False)
    cases.append(b)
    # Pick the largest max_features <= 300 whose cut does not fall inside a tie of total counts
    # (sklearn orders ties by numpy's unstable argsort; crmkit breaks them by code-point order).
    from sklearn.feature_extraction.text import CountVectorizer
    cv = CountVectorizer(tokenizer=identity, preprocessor=identity, lowercase=False, token_pattern=None, stop_words="english")
    tfs = np.sort(np.asarray(cv.fit_transform(small).sum(axis=0)).ravel())[::-1]
    limit = 300
    while tfs[limit - 1] == tfs[limit]:
        limit -= 1
    c, vec_c, _ = run_case("maxfeatures-stopwords", small, queries[:20], max_features=limit, stop_words="english", norm=None)
    cases.append(c)
    keys = [["__proto__", "constructor", "toString", "a"], ["constructor", "hasOwnProperty", "valueOf"], ["__proto__", "__proto__", "b"]]
    d, _, _ = run_case("object-keys", keys, [["__proto__", "toString", "zzz"]], min_df=1)
    cases.append(d)
    e, _, _ = run_case("fixed-vocabulary", small, queries[:20], vocabulary=["delay", "flight", "museum", "#art", "never-seen", "@united"])
    cases.append(e)
    out = {
        "generator": "scripts/reference/text.py",
        "versions": {"sklearn": sklearn.__version__, "numpy": np.__version__},
        "corpus": "first 1,000 airline tweets + first 1,000 smile tweets; queries: airline tweets 1000..1099",
        "tokenRule": "lower-case, then re.findall(r\"[#@]?\\w[\\w']*\") (Python unicode \\w)",
        "docs": docs,
        "queries": queries,
        "smallDocs": "docs[0:400] + docs[1000:1400]",
        "cases": cases,
    }
    with open(os.path.join(ROOT, "test", "fixtures", "text-tfidf.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Reference values for crmkit/classify's linear models (logistic regression, OLS inference, naive Bayes).

Pinned: Debian python3 with numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1, statsmodels 0.13.5, pandas 1.5.3.
Run:    /usr/bin/python3 scripts/reference/classify_linear.py          -> writes test/fixtures/classify_linear.json
        /usr/bin/python3 scripts/reference/classify_linear.py --bench  -> prints scikit-learn timings as JSON
        (--no-text keeps the fixture's text scores; --airline-only recomputes only the airline scores)

Encodings (mirrored by test/classify/_linearData.ts):
- bank one-hot: bank-full.csv.gz; numeric age, balance, day, campaign, pdays, previous standardized with the
  mean and population standard deviation over all 45,211 rows; each categorical of BANK_LEVELS one-hot with
  its first level dropped (columns in BANK_FEATURES order, levels in list order). y = (y == 'yes').
  Training rows: i % 10 >= 3 (as scripts/reference/classify.py); test rows i % 10 < 3.
- shoppers multiclass: online_shoppers_intention.csv; target VisitorType (New_Visitor, Other,
  Returning_Visitor as 0, 1, 2); features: every other column (Month as month number, Weekend and Revenue
  as 0/1) standardized as above.
- sparse: a seeded synthetic count matrix (stored in the fixture as CSR).
Coefficients at the optimum: scikit-learn's lbfgs stops at scipy's default ftol (2.2e-9 relative decrease),
which is not the optimum to 1e-6, so the L2/none references are fitted with solver='newton-cg' at tol 1e-14
(the same objective as lbfgs); L1/elastic-net with solver='saga' at tol 1e-12 (saga's objective: the
intercept is not penalized, unlike liblinear).
"""
import json
import os
import sys
import time
import warnings

os.environ.setdefault('OMP_NUM_THREADS', '1')
os.environ.setdefault('OPENBLAS_NUM_THREADS', '1')
import numpy as np
import pandas as pd
import scipy
import scipy.sparse as sp
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedKFold
from sklearn.metrics import accuracy_score, f1_score

assert sklearn.__version__ == '1.2.1', sklearn.__version__
assert np.__version__ == '1.24.2', np.__version__
warnings.filterwarnings('ignore')

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
DATA = os.environ.get('CRMKIT_DATA_DIR', os.path.abspath(os.path.join(ROOT, '..', 'shared', 'data')))

sys.path.insert(0, HERE)
from classify import BANK_LEVELS, SHOP_MONTHS, SHOP_VISITOR  # noqa: E402  (one encoding for every script)

BANK_FEATURES = ['age', 'job', 'marital', 'education', 'default', 'balance', 'housing', 'loan', 'contact', 'day',
                 'month', 'campaign', 'pdays', 'previous', 'poutcome']


def standardize(col):
    col = col.astype(np.float64)
    return (col - col.mean()) / col.std()


def load_bank_onehot():
    df = pd.read_csv(os.path.join(DATA, 'uci-bank-marketing', 'bank-full.csv.gz'), sep=';')
    cols, names = [], []
    for n in BANK_FEATURES:
        if n in BANK_LEVELS:
            for lev in BANK_LEVELS[n][1:]:
                cols.append((df[n] == lev).to_numpy(np.float64))
                names.append(f'{n}={lev}')
        else:
            cols.append(standardize(df[n].to_numpy(np.float64)))
            names.append(n)
    return names, np.column_stack(cols), (df['y'] == 'yes').to_numpy(np.int64)


def load_shoppers_multiclass():
    df = pd.read_csv(os.path.join(DATA, 'uci-online-shoppers', 'online_shoppers_intention.csv'))
    names = [c for c in df.columns if c != 'VisitorType']
    cols = []
    for n in names:
        if n == 'Month':
            c = df[n].map(SHOP_MONTHS).to_numpy(np.float64)
        elif n in ('Weekend', 'Revenue'):
            c = df[n].astype(np.float64).to_numpy()
        else:
            c = df[n].to_numpy(np.float64)
        cols.append(standardize(c))
    return names, np.column_stack(cols), df['VisitorType'].map(SHOP_VISITOR).to_numpy(np.int64)


def train_test(X, y):
    idx = np.arange(len(y))
    te = idx % 10 < 3
    return X[~te], y[~te], X[te], y[te]


def lr_dict(m, X_test):
    return {'coef': m.coef_.tolist(), 'intercept': m.intercept_.tolist(), 'nIter': np.atleast_1d(m.n_iter_).tolist(),
            'testProba': m.predict_proba(X_test[:50]).tolist(), 'testPredict': m.predict(X_test[:50]).tolist()}


def exact(**kw):
    return LogisticRegression(solver='newton-cg', tol=1e-14, max_iter=10000, **kw)


def saga(**kw):
    return LogisticRegression(solver='saga', tol=1e-12, max_iter=200000, **kw)


def kkt(m, X, y, C, rho):
    """Asserts the saga solution satisfies the optimality conditions of its objective to 1e-7."""
    w = m.coef_.ravel()
    z = X @ w + m.intercept_[0]
    r = 1 / (1 + np.exp(-z)) - y
    g = np.asarray(X.T @ r).ravel() + (1 - rho) / C * w
    l1 = rho / C
    viol = np.where(w != 0, np.abs(g + l1 * np.sign(w)), np.maximum(np.abs(g) - l1, 0))
    worst = max(viol.max(), abs(r.sum()))
    assert worst < 1e-7, ('saga not at the optimum', worst)
    return m


def synthetic_sparse(seed=0, n=400, p=300, k=3):
    rng = np.random.default_rng(seed)
    mask = rng.random((n, p)) < 0.04
    counts = rng.poisson(2.0, (n, p)) + 1
    X = sp.csr_matrix(np.where(mask, counts, 0).astype(np.float64))
    beta = rng.normal(0, 0.6, (p, k))
    z = X @ beta + rng.gumbel(0, 1, (n, k))
    y = np.argmax(z, axis=1)
    return X, y


def csr_dict(X):
    X = sp.csr_matrix(X)
    X.sort_indices()
    return {'rows': X.shape[0], 'cols': X.shape[1], 'indptr': X.indptr.tolist(), 'indices': X.indices.tolist(),
            'data': X.data.tolist()}


def read_weibo(name):
    import gzip
    path = os.path.join(DATA, 'weibo2018', name)
    opener = gzip.open if name.endswith('.gz') else open
    texts, labels = [], []
    with opener(path, 'rt', encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line:
                continue
            mid, label, text = line.split(',', 2)
            texts.append(text)
            labels.append(int(label))
    return texts, np.array(labels)


def read_airline():
    df = pd.read_csv(os.path.join(DATA, 'twitter-airline-sentiment', 'Tweets.csv.gz'))
    return df['text'].tolist(), df['airline_sentiment'].to_numpy()


def dealt_folds(y, k=5):
    """crmkit's stratifiedKFold without shuffle: rows of each class (classes sorted, rows in file order)
    dealt to folds 0, 1, …, k-1 in turn, the counter running on across classes. (scikit-learn's
    StratifiedKFold without shuffle cuts contiguous blocks instead, which on this time-ordered file
    puts whole airlines in one fold.)"""
    fold = np.zeros(len(y), dtype=int)
    nxt = 0
    for c in sorted(set(y)):
        for i in np.flatnonzero(y == c):
            fold[i] = nxt
            nxt = (nxt + 1) % k
    return [(np.flatnonzero(fold != f), np.flatnonzero(fold == f)) for f in range(k)]


def airline_quality():
    texts, y = read_airline()
    accs, f1s = [], []
    for tr, te in dealt_folds(y):
        vec = TfidfVectorizer(ngram_range=(1, 2))
        Xtr = vec.fit_transform([texts[i] for i in tr])
        m = LogisticRegression().fit(Xtr, y[tr])
        pred = m.predict(vec.transform([texts[i] for i in te]))
        accs.append(accuracy_score(y[te], pred))
        f1s.append(f1_score(y[te], pred, average='macro'))
    return {'accuracy': float(np.mean(accs)), 'macroF1': float(np.mean(f1s)), 'folds': 'dealt (crmkit stratifiedKFold)'}


def text_quality():
    tr_x, tr_y = read_weibo('train.txt.gz')
    te_x, te_y = read_weibo('test.txt')
    vec = TfidfVectorizer(analyzer='char', ngram_range=(1, 3))
    Xtr = vec.fit_transform(tr_x)
    m = LogisticRegression().fit(Xtr, tr_y)
    weibo = {'accuracy': float(accuracy_score(te_y, m.predict(vec.transform(te_x)))), 'nFeatures': Xtr.shape[1]}
    return {'weibo': weibo, 'airline': airline_quality()}


def main():
    out = {'versions': {'sklearn': sklearn.__version__, 'numpy': np.__version__, 'scipy': scipy.__version__}}
    names, X, y = load_bank_onehot()
    Xtr, ytr, Xte, yte = train_test(X, y)
    sw = 1.0 + (np.arange(len(ytr)) % 3)  # weights 1, 2, 3 repeating
    out['bank'] = {
        'featureNames': names,
        'l2': lr_dict(exact().fit(Xtr, ytr), Xte),
        'l2Balanced': lr_dict(exact(C=0.1, class_weight='balanced').fit(Xtr, ytr, sample_weight=sw), Xte),
        'none': lr_dict(exact(penalty='none').fit(Xtr, ytr), Xte),
        'l2NoIntercept': lr_dict(exact(C=10, fit_intercept=False).fit(Xtr, ytr), Xte),
    }
    sub = slice(0, 3000)
    out['bankL1'] = {
        'rows': 3000,
        'l1': lr_dict(kkt(saga(penalty='l1', C=1.0).fit(Xtr[sub], ytr[sub]), Xtr[sub], ytr[sub], 1.0, 1.0), Xte),
        'elasticnet': lr_dict(kkt(saga(penalty='elasticnet', C=1.0, l1_ratio=0.5).fit(Xtr[sub], ytr[sub]), Xtr[sub], ytr[sub], 1.0, 0.5), Xte),
    }
    names, X, y = load_shoppers_multiclass()
    Xtr, ytr, Xte, yte = train_test(X, y)
    out['shoppersMulticlass'] = {
        'featureNames': names,
        'multinomial': lr_dict(exact(C=0.5).fit(Xtr, ytr), Xte),
        'ovr': lr_dict(exact(C=0.5, multi_class='ovr').fit(Xtr, ytr), Xte),
    }
    Xs, ys = synthetic_sparse()
    out['sparse'] = {
        'X': csr_dict(Xs), 'y': ys.tolist(),
        'multinomial': lr_dict(exact(C=0.3).fit(Xs, ys), Xs),
        'binaryL2': lr_dict(exact(C=2.0).fit(Xs, (ys == 2).astype(int)), Xs),
        'binaryL1': lr_dict(kkt(saga(penalty='l1', C=0.5).fit(Xs, (ys == 2).astype(int)), Xs, (ys == 2).astype(int), 0.5, 1.0), Xs),
    }
    if '--no-text' in sys.argv:
        with open(os.path.join(ROOT, 'test', 'fixtures', 'classify_linear.json')) as f:
            out['text'] = json.load(f)['text']
    else:
        out['text'] = text_quality()
    with open(os.path.join(ROOT, 'test', 'fixtures', 'classify_linear.json'), 'w') as f:
        json.dump(out, f)
    print(json.dumps(out['text']))


def bench():
    res = {}
    names, X, y = load_bank_onehot()
    best = float('inf')
    for _ in range(5):
        t = time.perf_counter()
        LogisticRegression(max_iter=100).fit(X, y)
        best = min(best, time.perf_counter() - t)
    res['bankOnehot'] = best * 1000
    tr_x, tr_y = read_weibo('train.txt.gz')
    Xtr = TfidfVectorizer(analyzer='char', ngram_range=(1, 3)).fit_transform(tr_x)
    best = float('inf')
    for _ in range(3):
        t = time.perf_counter()
        LogisticRegression(max_iter=100).fit(Xtr, tr_y)
        best = min(best, time.perf_counter() - t)
    res['weiboTfidf'] = best * 1000
    res['weiboShape'] = list(Xtr.shape)
    print(json.dumps(res))


def update_airline():
    path = os.path.join(ROOT, 'test', 'fixtures', 'classify_linear.json')
    with open(path) as f:
        out = json.load(f)
    out['text']['airline'] = airline_quality()
    with open(path, 'w') as f:
        json.dump(out, f)
    print(json.dumps(out['text']))


if __name__ == '__main__':
    if '--bench' in sys.argv:
        bench()
    elif '--airline-only' in sys.argv:
        update_airline()
    else:
        main()

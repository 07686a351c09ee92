#!/usr/bin/python3
"""Reference values for crmkit/classify.

Pinned: Debian python3 with numpy 1.24.2, scikit-learn 1.2.1, pandas 1.5.3.
Run:    /usr/bin/python3 scripts/reference/classify.py          -> writes test/fixtures/classify.json
        /usr/bin/python3 scripts/reference/classify.py --bench  -> prints scikit-learn timings as JSON

Encoding (mirrored exactly by test/classify/_data.ts):
- bank-full (uci-bank-marketing/bank-full.csv.gz): numeric age, balance, day, campaign, pdays, previous;
  `duration` dropped (it leaks the outcome, see the data README); categoricals as ordinal codes in the
  order of the BANK_LEVELS lists below; target y == 'yes'.
- online-shoppers: numeric columns as is; Month as the calendar month number (Feb=2 ... Dec=12, 'June'=6);
  VisitorType New_Visitor=0, Other=1, Returning_Visitor=2; Weekend TRUE=1; target Revenue == TRUE.
- Split: row i (0-based, file order) is a test row when i % 10 < 3, else a training row.
scikit-learn casts X to float32; the TS tests apply Math.fround to the same matrices.
"""
import json
import os
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn import metrics
from sklearn.calibration import calibration_curve
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

assert sklearn.__version__ == '1.2.1', sklearn.__version__
assert np.__version__ == '1.24.2', np.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
DATA = os.environ.get('CRMKIT_DATA_DIR', os.path.abspath(os.path.join(ROOT, '..', 'shared', 'data')))

BANK_NUMERIC = ['age', 'balance', 'day', 'campaign', 'pdays', 'previous']
BANK_LEVELS = {
    'job': ['admin.', 'blue-collar', 'entrepreneur', 'housemaid', 'management', 'retired', 'self-employed',
            'services', 'student', 'technician', 'unemployed', 'unknown'],
    'marital': ['divorced', 'married', 'single'],
    'education': ['primary', 'secondary', 'tertiary', 'unknown'],
    'default': ['no', 'yes'],
    'housing': ['no', 'yes'],
    'loan': ['no', 'yes'],
    'contact': ['cellular', 'telephone', 'unknown'],
    'month': ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
    'poutcome': ['failure', 'other', 'success', 'unknown'],
}
SHOP_MONTHS = {'Jan': 1, 'Feb': 2, 'Mar': 3, 'Apr': 4, 'May': 5, 'June': 6, 'Jul': 7, 'Aug': 8, 'Sep': 9,
               'Oct': 10, 'Nov': 11, 'Dec': 12}
SHOP_VISITOR = {'New_Visitor': 0, 'Other': 1, 'Returning_Visitor': 2}


def load_bank():
    df = pd.read_csv(os.path.join(DATA, 'uci-bank-marketing', 'bank-full.csv.gz'), sep=';')
    names = ['age', 'job', 'marital', 'education', 'default', 'balance', 'housing', 'loan', 'contact', 'day',
             'month', 'campaign', 'pdays', 'previous', 'poutcome']
    cols = []
    for n in names:
        if n in BANK_LEVELS:
            levels = BANK_LEVELS[n]
            cols.append(df[n].map(lambda v: levels.index(v)).to_numpy(np.float64))
        else:
            cols.append(df[n].to_numpy(np.float64))
    X = np.column_stack(cols)
    y = (df['y'] == 'yes').to_numpy(np.int64)
    return names, X, y


def load_shoppers():
    df = pd.read_csv(os.path.join(DATA, 'uci-online-shoppers', 'online_shoppers_intention.csv'))
    names = [c for c in df.columns if c != 'Revenue']
    cols = []
    for n in names:
        if n == 'Month':
            cols.append(df[n].map(SHOP_MONTHS).to_numpy(np.float64))
        elif n == 'VisitorType':
            cols.append(df[n].map(SHOP_VISITOR).to_numpy(np.float64))
        elif n == 'Weekend':
            cols.append(df[n].astype(np.float64).to_numpy())
        else:
            cols.append(df[n].to_numpy(np.float64))
    X = np.column_stack(cols)
    y = df['Revenue'].astype(np.int64).to_numpy()
    return names, X, y


def split(X, y):
    test = (np.arange(len(y)) % 10) < 3
    return X[~test], y[~test], X[test], y[test]


def tree_dict(est, X_test):
    t = est.tree_
    out = {
        'nodeCount': int(t.node_count),
        'maxDepth': int(t.max_depth),
        'nLeaves': int(t.n_leaves),
        'childrenLeft': t.children_left.tolist(),
        'childrenRight': t.children_right.tolist(),
        'feature': t.feature.tolist(),
        'threshold': t.threshold.tolist(),
        'impurity': t.impurity.tolist(),
        'nNodeSamples': t.n_node_samples.tolist(),
        'weightedNNodeSamples': t.weighted_n_node_samples.tolist(),
        'value': t.value[:, 0, :].tolist(),
        'featureImportances': est.feature_importances_.tolist(),
    }
    if hasattr(est, 'predict_proba'):
        out['testProba1'] = est.predict_proba(X_test)[:, 1].tolist()
    else:
        out['testPredict'] = est.predict(X_test).tolist()
    return out


def trees(names, X, y):
    Xtr, ytr, Xte, yte = split(X, y)
    res = {}
    configs = [
        ('gini_d3', dict(criterion='gini', max_depth=3)),
        ('gini_d5', dict(criterion='gini', max_depth=5)),
        ('gini_d6', dict(criterion='gini', max_depth=6)),
        ('entropy_d6', dict(criterion='entropy', max_depth=6)),
        ('logloss_d4_leaf50', dict(criterion='log_loss', max_depth=4, min_samples_leaf=50, min_samples_split=120)),
        ('gini_d5_mid', dict(criterion='gini', max_depth=5, min_impurity_decrease=0.0005)),
        ('gini_d4_balanced', dict(criterion='gini', max_depth=4, class_weight='balanced')),
    ]
    for key, params in configs:
        est = DecisionTreeClassifier(random_state=0, **params).fit(Xtr, ytr)
        d = tree_dict(est, Xte)
        d['params'] = params
        d['testAuc'] = metrics.roc_auc_score(yte, d['testProba1'])
        if key not in ('gini_d3', 'gini_d6'):
            d['testProba1'] = d['testProba1'][:1000]  # keep the fixture small; the AUC covers the rest
        res[key] = d
    # integer sample weights (training row j gets j % 3 + 1; a third of rows weight 0 would drop them,
    # so none is 0), depth 4, entropy
    sw = (np.arange(len(ytr)) % 3 + 1).astype(np.float64)
    est = DecisionTreeClassifier(random_state=0, max_depth=4, criterion='entropy').fit(Xtr, ytr, sample_weight=sw)
    d = tree_dict(est, Xte)
    d['params'] = {'max_depth': 4, 'criterion': 'entropy', 'sample_weight': 'j % 3 + 1'}
    d['testProba1'] = d['testProba1'][:1000]
    res['entropy_d4_sample_weight'] = d
    full = DecisionTreeClassifier(random_state=0).fit(Xtr, ytr)
    res['gini_unlimited_summary'] = {
        'nodeCount': int(full.tree_.node_count), 'maxDepth': int(full.tree_.max_depth),
        'nLeaves': int(full.tree_.n_leaves),
        'testAuc': metrics.roc_auc_score(yte, full.predict_proba(Xte)[:, 1]),
    }
    # cost-complexity pruning path of a depth-6 gini tree, and a pruned tree
    base = DecisionTreeClassifier(random_state=0, max_depth=6)
    path = base.cost_complexity_pruning_path(Xtr, ytr)
    alphas = path.ccp_alphas
    mid = float(alphas[len(alphas) // 2])
    pruned = DecisionTreeClassifier(random_state=0, max_depth=6, ccp_alpha=mid).fit(Xtr, ytr)
    res['ccp'] = {'ccpAlphas': alphas.tolist(), 'impurities': path.impurities.tolist(), 'alpha': mid,
                  'pruned': tree_dict(pruned, Xte)}
    return res


def forest(X, y, params):
    Xtr, ytr, Xte, yte = split(X, y)
    est = RandomForestClassifier(random_state=0, n_jobs=1, oob_score=True, **params).fit(Xtr, ytr)
    p = est.predict_proba(Xte)[:, 1]
    return {'params': params, 'testAuc': metrics.roc_auc_score(yte, p), 'oobScore': est.oob_score_,
            'featureImportances': est.feature_importances_.tolist()}


def lift_table(y, s, n_bins):
    order = np.argsort(-s, kind='stable')
    ys = y[order]
    total_pos = ys.sum()
    rate = total_pos / len(y)
    rows = []
    cum_n = 0
    cum_pos = 0
    for part in np.array_split(np.arange(len(y)), n_bins):
        n = len(part)
        pos = int(ys[part].sum())
        cum_n += n
        cum_pos += pos
        rows.append({'count': n, 'positives': pos, 'responseRate': pos / n, 'lift': (pos / n) / rate,
                     'cumulativeCount': cum_n, 'cumulativePositives': cum_pos,
                     'cumulativeGain': cum_pos / total_pos, 'cumulativeLift': (cum_pos / cum_n) / rate,
                     'minScore': float(s[order[part]].min()), 'maxScore': float(s[order[part]].max())})
    return rows


def metric_block(y, s, y_pred):
    fpr, tpr, thr = metrics.roc_curve(y, s)
    fpr_all, tpr_all, thr_all = metrics.roc_curve(y, s, drop_intermediate=False)
    prec, rec, pthr = metrics.precision_recall_curve(y, s)
    out = {
        'yTrue': y.tolist(), 'score': s.tolist(), 'yPred': y_pred.tolist(),
        'accuracy': metrics.accuracy_score(y, y_pred),
        'confusionMatrix': metrics.confusion_matrix(y, y_pred).tolist(),
        'rocAuc': metrics.roc_auc_score(y, s),
        'rocCurve': {'fpr': fpr.tolist(), 'tpr': tpr.tolist(), 'thresholds': thr.tolist()},
        'rocCurveAll': {'fpr': fpr_all.tolist(), 'tpr': tpr_all.tolist(), 'thresholds': thr_all.tolist()},
        'prCurve': {'precision': prec.tolist(), 'recall': rec.tolist(), 'thresholds': pthr.tolist()},
        'averagePrecision': metrics.average_precision_score(y, s),
        'logLoss': metrics.log_loss(y, s),
        'brier': metrics.brier_score_loss(y, s),
        'calibrationUniform10': [a.tolist() for a in calibration_curve(y, s, n_bins=10)],
        'calibrationQuantile5': [a.tolist() for a in calibration_curve(y, s, n_bins=5, strategy='quantile')],
        'lift10': lift_table(y, s, 10),
        'prf': {},
    }
    for avg in ['binary', 'micro', 'macro', 'weighted']:
        for beta in [1.0, 2.0]:
            p, r, f, _ = metrics.precision_recall_fscore_support(y, y_pred, average=avg, beta=beta, zero_division=0)
            out['prf'][f'{avg}_{beta:g}'] = [float(p), float(r), float(f)]
    return out


def metric_refs(names, X, y):
    Xtr, ytr, Xte, yte = split(X, y)
    tree = DecisionTreeClassifier(random_state=0, max_depth=6).fit(Xtr, ytr)
    s_tree = tree.predict_proba(Xte)[:, 1]
    mu, sd = Xtr.mean(axis=0), Xtr.std(axis=0)
    lr = LogisticRegression(max_iter=2000).fit((Xtr - mu) / sd, ytr)
    s_lr = lr.predict_proba((Xte - mu) / sd)[:, 1]
    out = {'tree': metric_block(yte, s_tree, tree.predict(Xte)),
           'logistic': metric_block(yte, s_lr, (s_lr >= 0.5).astype(np.int64))}
    # multiclass: predict VisitorType (column 15) from the other columns
    vt = names.index('VisitorType')
    others = [i for i in range(X.shape[1]) if i != vt]
    ymc_tr, ymc_te = Xtr[:, vt].astype(np.int64), Xte[:, vt].astype(np.int64)
    mc = DecisionTreeClassifier(random_state=0, max_depth=4).fit(Xtr[:, others], ymc_tr)
    pmc = mc.predict_proba(Xte[:, others])
    pred = mc.predict(Xte[:, others])
    prf = {}
    for avg in ['micro', 'macro', 'weighted']:
        p, r, f, _ = metrics.precision_recall_fscore_support(ymc_te, pred, average=avg, zero_division=0)
        prf[avg] = [float(p), float(r), float(f)]
    p, r, f, sup = metrics.precision_recall_fscore_support(ymc_te, pred, average=None, zero_division=0)
    out['multiclass'] = {'yTrue': ymc_te.tolist(), 'yPred': pred.tolist(), 'proba': pmc.tolist(),
                         'accuracy': metrics.accuracy_score(ymc_te, pred),
                         'confusionMatrix': metrics.confusion_matrix(ymc_te, pred).tolist(),
                         'logLoss': metrics.log_loss(ymc_te, pmc), 'prf': prf,
                         'perClass': [p.tolist(), r.tolist(), f.tolist(), sup.tolist()]}
    return out


def regression(names, X, y):
    # spend-like target: PageValues of online-shoppers from the other columns
    Xtr, _, Xte, _ = split(X, y)
    pv = names.index('PageValues')
    others = [i for i in range(X.shape[1]) if i != pv]
    res = {'target': 'PageValues', 'featureColumns': others}
    for key, depth in [('d3', 3), ('d5', 5)]:
        est = DecisionTreeRegressor(random_state=0, max_depth=depth, min_samples_leaf=5).fit(Xtr[:, others], Xtr[:, pv])
        d = tree_dict(est, Xte[:, others])
        d['params'] = {'max_depth': depth, 'min_samples_leaf': 5}
        res[key] = d
    return res


def bench():
    out = []
    for name, loader in [('bank-full', load_bank), ('online-shoppers', load_shoppers)]:
        _, X, y = loader()
        Xtr, ytr, Xte, yte = split(X, y)
        for label, est in [('tree depth 6', DecisionTreeClassifier(max_depth=6, random_state=0)),
                           ('tree unlimited', DecisionTreeClassifier(random_state=0)),
                           ('forest 100 trees', RandomForestClassifier(n_estimators=100, random_state=0, n_jobs=1))]:
            times = []
            cpu = []
            for _ in range(3 if 'forest' not in label else 1):
                t0 = time.perf_counter()
                c0 = time.process_time()
                est.fit(Xtr, ytr)
                p = est.predict_proba(Xte)[:, 1]
                times.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.process_time() - c0) * 1000)
            out.append({'data': name, 'case': label, 'ms': sorted(times)[len(times) // 2],
                        'cpuMs': sorted(cpu)[len(cpu) // 2], 'testAuc': metrics.roc_auc_score(yte, p)})
    print(json.dumps(out))


def main():
    if '--bench' in sys.argv:
        bench()
        return
    bank_names, bX, by = load_bank()
    shop_names, sX, sy = load_shoppers()
    fixture = {
        'versions': {'sklearn': sklearn.__version__, 'numpy': np.__version__, 'pandas': pd.__version__},
        # the splitter's rand_r_state for random_state=0: its first draw randint(0, RAND_R_MAX)
        'sklearnRandState': int(np.random.RandomState(0).randint(0, 2147483647)),
        'bank': {'featureNames': bank_names, 'nRows': int(len(by)), 'positives': int(by.sum()),
                 'trees': trees(bank_names, bX, by),
                 'forest': forest(bX, by, dict(n_estimators=100, max_features='sqrt', min_samples_leaf=5, max_depth=12))},
        'shoppers': {'featureNames': shop_names, 'nRows': int(len(sy)), 'positives': int(sy.sum()),
                     'trees': trees(shop_names, sX, sy),
                     'forest': forest(sX, sy, dict(n_estimators=100, max_features='sqrt', min_samples_leaf=1)),
                     'regression': regression(shop_names, sX, sy)},
        'metrics': metric_refs(shop_names, sX, sy),
        # KFold without shuffling: consecutive blocks, the first n % k folds one row larger
        'kFold': [{'n': n, 'k': k, 'testIndex': [t.tolist() for _, t in KFold(n_splits=k).split(np.zeros(n))]}
                  for n, k in [(103, 5), (10, 3), (7, 7)]],
    }
    with open(os.path.join(ROOT, 'test', 'fixtures', 'classify.json'), 'w') as f:
        json.dump(fixture, f)


if __name__ == '__main__':
    main()

/**
 * Reference: scikit-learn 1.2.1 RandomForestClassifier(n_estimators=100, max_features='sqrt',
 * random_state=0; bank-full also min_samples_leaf=5, max_depth=12 to keep the suite fast) on the
 * reference splits. Random streams differ, so the forests are not equal;
 * the brief's criterion is test AUC within 0.01 (and out-of-bag accuracy within 0.01).
 */
import { expect, it } from 'vitest';
import { describeWithData } from '../helpers/data.js';
import { fitRandomForest, predictProbaRandomForest, rocAucScore } from 'crmkit/classify';
import { fixture, loadBank, loadShoppers, referenceSplit } from './_data.js';

for (const [name, load] of [['bank', loadBank], ['shoppers', loadShoppers]] as const) {
  describeWithData(`random forest vs scikit-learn on ${name}`, [['uci-bank-marketing', 'bank-full.csv.gz'], ['uci-online-shoppers', 'online_shoppers_intention.csv']], () => {
    it('test AUC and OOB accuracy within 0.01 of RandomForestClassifier with the same settings', () => {
      const ref = fixture()[name].forest;
      const d = load();
      const s = referenceSplit(d);
      const model = fitRandomForest(s.XTrain, s.yTrain, {
        nEstimators: ref.params.n_estimators,
        maxFeatures: 'sqrt',
        minSamplesLeaf: ref.params.min_samples_leaf,
        maxDepth: ref.params.max_depth ?? null,
        oobScore: true,
        seed: 1,
      });
      const auc = rocAucScore(s.yTest, predictProbaRandomForest(model, s.XTest).map((p) => p[1]!));
      expect(Math.abs(auc - ref.testAuc), `AUC ${auc} vs ${ref.testAuc}`).toBeLessThan(0.01);
      expect(Math.abs(model.oobScore! - ref.oobScore), `OOB ${model.oobScore} vs ${ref.oobScore}`).toBeLessThan(0.01);
    });
  });
}

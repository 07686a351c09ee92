import { checkImportanceModel } from './_models.js';
import type { DecisionTreeModel } from './fitDecisionTree.js';
import type { RegressionTreeModel } from './fitRegressionTree.js';

/** One entry of {@link featureImportances}. */
export interface FeatureImportance {
  feature: number;
  name: string;
  importance: number;
}

/**
 * Features ranked by importance (normalized total weighted impurity decrease, "Gini importance"),
 * largest first; ties keep column order. Works for trees and forests.
 *
 * @remarks O(F log F); the numbers are `model.featureImportances`, equal to scikit-learn's
 * `feature_importances_`. Impurity importance favours features with many distinct values; check
 * a ranking with held-out data before acting on it.
 * @see scikit-learn `DecisionTreeClassifier.feature_importances_`
 * @throws {@link ModelFormatError} when `model` is not a fitted tree or forest (checked once per model object)
 * @example
 * ```ts
 * import { featureImportances, fitDecisionTree } from 'crmkit/classify';
 * const model = fitDecisionTree([[1, 5], [2, 5], [8, 5], [9, 5]], [0, 0, 1, 1], { featureNames: ['visits', 'age'] });
 * featureImportances(model); // => [{ feature: 0, name: 'visits', importance: 1 }, { feature: 1, name: 'age', importance: 0 }]
 * ```
 * @category Trees
 */
export function featureImportances(model: Pick<DecisionTreeModel | RegressionTreeModel, 'featureImportances' | 'featureNames' | 'nFeatures'>): FeatureImportance[] {
  checkImportanceModel('classify/featureImportances', model);
  const out = model.featureImportances.map((importance, feature) => ({
    feature,
    name: model.featureNames?.[feature] ?? `x${feature}`,
    importance,
  }));
  return out.sort((a, b) => b.importance - a.importance || a.feature - b.feature);
}

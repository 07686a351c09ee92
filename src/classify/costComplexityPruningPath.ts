import { _growClassifier, type FitDecisionTreeOptions } from './fitDecisionTree.js';
import type { Label, Matrix } from './_common.js';
import { costComplexityPrune } from './_tree.js';

/** Result of {@link costComplexityPruningPath}. */
export interface CostComplexityPruningPathResult {
  /** Effective alphas at which the subtree shrinks, ascending, starting with 0. */
  ccpAlphas: number[];
  /** Total leaf impurity (weighted by the share of training weight) of the subtree at each alpha. */
  impurities: number[];
}

/**
 * The minimal cost-complexity pruning path of a classification tree: the alphas at which the
 * optimal subtree changes, and the total leaf impurity of each subtree. Feed a value to
 * `fitDecisionTree(…, { ccpAlpha })` (pick it by cross-validation).
 *
 * @remarks Grows the tree with the given options (ignoring `ccpAlpha`) and then collapses, one at a
 * time, the internal node t with the smallest (R(t) − R(T_t)) / (|leaves(T_t)| − 1), where R is
 * weighted impurity divided by the root weight (first node id on ties). O(nodes²).
 * @see scikit-learn `DecisionTreeClassifier.cost_complexity_pruning_path` (1.2); Breiman et al.,
 * Classification and Regression Trees (1984), §3.3
 * @throws same as {@link fitDecisionTree}
 * @example
 * ```ts
 * import { costComplexityPruningPath } from 'crmkit/classify';
 * costComplexityPruningPath([[1], [2], [3], [4], [5]], [0, 0, 1, 0, 1]).impurities.length; // => 3
 * ```
 * @category Trees
 */
export function costComplexityPruningPath(X: Matrix, y: readonly Label[], options?: FitDecisionTreeOptions): CostComplexityPruningPathResult {
  const { tree } = _growClassifier('classify/costComplexityPruningPath', X, y, options);
  const r = costComplexityPrune(tree, Infinity);
  return { ccpAlphas: r.ccpAlphas, impurities: r.impurities };
}

import { DimensionMismatchError, InvalidOptionError } from '../core/errors.js';
import * as v from '../core/validate.js';
import {
  checkMatrix,
  classWeights,
  criterionCode,
  encodeLabels,
  featureNamesOption,
  resolveMaxFeatures,
  sampleWeights,
  treeParams,
  type ClassificationCriterion,
  type Label,
  type Matrix,
  type MaxFeatures,
} from './_common.js';
import { costComplexityPrune, extractSubtree, growTree, presort, treeImportances, type TreeNodes } from './_tree.js';

export type { ClassificationCriterion, Label, Matrix, MaxFeatures } from './_common.js';
export type { TreeNodes } from './_tree.js';

/** Options of {@link fitDecisionTree}. */
export interface FitDecisionTreeOptions {
  /** Impurity measure. `logLoss` is an alias of `entropy` (scikit-learn 1.1+). @defaultValue 'gini' */
  criterion?: ClassificationCriterion;
  /** Deepest level (root = 0); `null`/omitted grows until leaves are pure or too small. @defaultValue null */
  maxDepth?: number | null;
  /** A node with fewer rows is not split: a count ≥ 2, or a share of the training rows in (0, 1) (⌈share · n⌉, scikit-learn's float; the count is stored in `params`). @defaultValue 2 */
  minSamplesSplit?: number;
  /** Each child must keep at least this many rows: a count ≥ 1, or a share of the training rows in (0, 1) (⌈share · n⌉; the count is stored in `params`). @defaultValue 1 */
  minSamplesLeaf?: number;
  /**
   * A split must decrease the weighted impurity by at least this much, with scikit-learn's
   * definition N_t/N · (impurity − N_R/N_t · impurity_R − N_L/N_t · impurity_L) (weights, not counts).
   * @defaultValue 0
   */
  minImpurityDecrease?: number;
  /** Features examined per split; a random subset (seeded) when fewer than all. @defaultValue 'all' */
  maxFeatures?: MaxFeatures;
  /** `'balanced'` (n / (k · n_c)) or a Map / object from class label to weight. @defaultValue none */
  classWeight?: 'balanced' | ReadonlyMap<Label, number> | Readonly<Record<string, number>>;
  /** Non-negative weight per row; rows with weight 0 are left out. @defaultValue all 1 */
  sampleWeight?: readonly number[] | Float64Array;
  /** Minimal cost-complexity pruning strength (0 = no pruning). @defaultValue 0 */
  ccpAlpha?: number;
  /** Column names, kept in the model for rules, text and checks at predict time. @defaultValue none */
  featureNames?: readonly string[];
  /** Seed of the feature subsets (only used when `maxFeatures` is below the feature count). @defaultValue 0 */
  seed?: number;
}

/** Resolved parameters stored in a {@link DecisionTreeModel}. */
export interface DecisionTreeParams {
  criterion: ClassificationCriterion;
  maxDepth: number | null;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  minImpurityDecrease: number;
  maxFeatures: MaxFeatures;
  classWeight: 'balanced' | number[] | null;
  ccpAlpha: number;
  seed: number;
}

/** A fitted classification tree: plain JSON (survives `JSON.parse(JSON.stringify(model))`). */
export interface DecisionTreeModel {
  readonly kind: 'decisionTree';
  readonly formatVersion: 1;
  readonly params: DecisionTreeParams;
  /** Number of feature columns. */
  readonly nFeatures: number;
  readonly featureNames: string[] | null;
  /** Sorted distinct labels; `tree.value[node][c]` is the weighted count of `classes[c]`. */
  readonly classes: Label[];
  /** Per-class weights actually applied (all 1 without `classWeight`). */
  readonly classWeights: number[];
  readonly tree: TreeNodes;
  /** Normalized mean decrease in impurity per feature (scikit-learn's `feature_importances_`). */
  readonly featureImportances: number[];
}

const KEYS = [
  'criterion', 'maxDepth', 'minSamplesSplit', 'minSamplesLeaf', 'minImpurityDecrease', 'maxFeatures',
  'classWeight', 'sampleWeight', 'ccpAlpha', 'featureNames', 'seed',
] as const;

/** @internal Everything fitDecisionTree and costComplexityPruningPath share. */
export function _growClassifier(fn: string, X: unknown, y: unknown, options: FitDecisionTreeOptions | undefined, sklearnRandState?: number) {
  const o = v.options(fn, options, KEYS) as Record<string, unknown>;
  const m = checkMatrix(fn, X);
  const arr = v.arrayLike(fn, 'y', y, 1);
  if (arr.length !== m.rows) throw new DimensionMismatchError(fn, `y must have one label per row of X (${m.rows} rows)`, arr.length);
  const enc = encodeLabels(fn, y);
  const criterion = (o.criterion ?? 'gini') as ClassificationCriterion;
  const crit = criterionCode(fn, criterion, true);
  const tp = treeParams(fn, o, 'all', m.rows);
  const maxFeatures = resolveMaxFeatures(fn, tp.maxFeatures, m.cols);
  const featureNames = featureNamesOption(fn, o.featureNames, m.cols);
  const sw = sampleWeights(fn, o.sampleWeight, m.rows);
  const cw = classWeights(fn, o.classWeight, enc);
  const w = new Float64Array(m.rows);
  let total = 0;
  for (let i = 0; i < m.rows; i++) {
    w[i] = sw[i]! * (cw ? cw[enc.codes[i]!]! : 1);
    total += w[i]!;
  }
  if (!(total > 0)) throw new InvalidOptionError(fn, 'options.classWeight and options.sampleWeight leave no row with a positive weight', total);
  const order = presort(m.data, m.rows, m.cols);
  const tree = growTree({ x: m.data, nRows: m.rows, nFeatures: m.cols, order }, enc.codes, null, w, {
    criterion: crit,
    nClasses: enc.classes.length,
    maxDepth: tp.maxDepth ?? Infinity,
    minSamplesSplit: tp.minSamplesSplit,
    minSamplesLeaf: tp.minSamplesLeaf,
    minImpurityDecrease: tp.minImpurityDecrease,
    maxFeatures,
    seed: tp.seed,
    ...(sklearnRandState === undefined ? {} : { sklearnRandState }),
  });
  const params: DecisionTreeParams = {
    criterion,
    maxDepth: tp.maxDepth,
    minSamplesSplit: tp.minSamplesSplit,
    minSamplesLeaf: tp.minSamplesLeaf,
    minImpurityDecrease: tp.minImpurityDecrease,
    maxFeatures: tp.maxFeatures,
    classWeight: o.classWeight === 'balanced' ? 'balanced' : cw,
    ccpAlpha: tp.ccpAlpha,
    seed: tp.seed,
  };
  return { m, enc, tree, params, featureNames, cw };
}

/**
 * Fits a CART classification tree (who will buy, churn or respond).
 *
 * @remarks
 * Each feature is sorted once (O(F·n log n)); a node's rows stay sorted in every feature by a stable
 * partition after each split, so a node costs O(F·n_node) and the whole fit O(F·n·depth), with no
 * per-row objects. Thresholds are midpoints between consecutive distinct values, like
 * scikit-learn. Splits are scored with scikit-learn 1.2's formulas; among exactly equal scores the
 * lowest feature index, then the lowest threshold, wins (scikit-learn visits features in a random
 * order, so on exact ties it may pick another, equivalent feature). Rows with tied values never
 * straddle a split, so the tree does not depend on row order. No absolute gain threshold:
 * `minImpurityDecrease` defaults to 0.
 *
 * @see scikit-learn `DecisionTreeClassifier` (1.2)
 * @throws {@link InvalidInputError} on NaN/Infinity features, invalid labels, fewer than 2 classes
 * @throws {@link DimensionMismatchError} when `y` or `sampleWeight` does not match the rows of `X`
 * @throws {@link InvalidOptionError} on unknown or out-of-range options (`maxDepth: 0`, …)
 * @example
 * ```ts
 * import { fitDecisionTree, predictDecisionTree } from 'crmkit/classify';
 * const model = fitDecisionTree([[1], [2], [8], [9]], ['no', 'no', 'yes', 'yes'], { maxDepth: 2 });
 * model.tree.threshold[0]; // => 5
 * predictDecisionTree(model, [[0], [10]]); // => ['no', 'yes']
 * ```
 * @category Trees
 */
export function fitDecisionTree(X: Matrix, y: readonly Label[], options?: FitDecisionTreeOptions): DecisionTreeModel {
  const fn = 'classify/fitDecisionTree';
  const { m, enc, tree, params, featureNames, cw } = _growClassifier(fn, X, y, options);
  const final = params.ccpAlpha > 0 ? extractSubtree(tree, costComplexityPrune(tree, params.ccpAlpha)) : tree;
  return {
    kind: 'decisionTree',
    formatVersion: 1,
    params,
    nFeatures: m.cols,
    featureNames,
    classes: enc.classes,
    classWeights: cw ?? enc.classes.map(() => 1),
    tree: final,
    featureImportances: treeImportances(final, m.cols),
  };
}

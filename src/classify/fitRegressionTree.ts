import { DimensionMismatchError } from '../core/errors.js';
import * as v from '../core/validate.js';
import { checkMatrix, checkSquareSafe, criterionCode, featureNamesOption, resolveMaxFeatures, sampleWeights, treeParams, type Matrix, type MaxFeatures } from './_common.js';
import { costComplexityPrune, extractSubtree, growTree, presort, treeImportances, type TreeNodes } from './_tree.js';

/** Options of {@link fitRegressionTree}. */
export interface FitRegressionTreeOptions {
  /** Impurity measure: the (weighted) variance of the target. @defaultValue 'squaredError' */
  criterion?: 'squaredError';
  /** Deepest level (root = 0); `null`/omitted for no limit. @defaultValue null */
  maxDepth?: number | null;
  /** A node with fewer rows is not split: a count ≥ 2, or a share of the training rows in (0, 1) (⌈share · n⌉, scikit-learn's float; the count is stored in `params`). @defaultValue 2 */
  minSamplesSplit?: number;
  /** Each child must keep at least this many rows: a count ≥ 1, or a share of the training rows in (0, 1) (⌈share · n⌉; the count is stored in `params`). @defaultValue 1 */
  minSamplesLeaf?: number;
  /** Minimum weighted impurity decrease (scikit-learn's definition). @defaultValue 0 */
  minImpurityDecrease?: number;
  /** @defaultValue 'all' */
  maxFeatures?: MaxFeatures;
  /** @defaultValue all 1 */
  sampleWeight?: readonly number[] | Float64Array;
  /** Cost-complexity pruning strength. @defaultValue 0 */
  ccpAlpha?: number;
  /** @defaultValue none */
  featureNames?: readonly string[];
  /** @defaultValue 0 */
  seed?: number;
}

/** Resolved parameters of a {@link RegressionTreeModel}. */
export interface RegressionTreeParams {
  criterion: 'squaredError';
  maxDepth: number | null;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  minImpurityDecrease: number;
  maxFeatures: MaxFeatures;
  ccpAlpha: number;
  seed: number;
}

/** A fitted regression tree (plain JSON). `tree.value[node]` is `[weighted mean of y]`. */
export interface RegressionTreeModel {
  readonly kind: 'regressionTree';
  readonly formatVersion: 1;
  readonly params: RegressionTreeParams;
  readonly nFeatures: number;
  readonly featureNames: string[] | null;
  readonly tree: TreeNodes;
  readonly featureImportances: number[];
}

const KEYS = ['criterion', 'maxDepth', 'minSamplesSplit', 'minSamplesLeaf', 'minImpurityDecrease', 'maxFeatures', 'sampleWeight', 'ccpAlpha', 'featureNames', 'seed'] as const;

/**
 * Fits a CART regression tree on squared error (for example next-year spend).
 *
 * @remarks Same presorted kernel as {@link fitDecisionTree}: O(F·n log n) once, then O(F·n_node)
 * per node. A split maximizes S_L²/W_L + S_R²/W_R (S = Σ w·y, W = Σ w), scikit-learn's proxy for
 * the variance decrease; leaves predict the weighted mean.
 * @see scikit-learn `DecisionTreeRegressor(criterion='squared_error')` (1.2)
 * @throws {@link InvalidInputError} on NaN/Infinity in `X` or `y`
 * @throws {@link DimensionMismatchError} when `y` does not match the rows of `X`
 * @throws {@link InvalidOptionError} on unknown or out-of-range options
 * @example
 * ```ts
 * import { fitRegressionTree, predictRegressionTree } from 'crmkit/classify';
 * const model = fitRegressionTree([[1], [2], [3], [10], [11]], [5, 5, 5, 40, 50], { maxDepth: 1 });
 * predictRegressionTree(model, [[0], [12]]); // => [5, 45]
 * ```
 * @category Trees
 */
export function fitRegressionTree(X: Matrix, y: readonly number[] | Float64Array, options?: FitRegressionTreeOptions): RegressionTreeModel {
  return _fitRegressionTree(X, y, options);
}

/** @internal `sklearnRandState` is a reference-test hook (see `_tree.ts`). */
export function _fitRegressionTree(X: unknown, y: unknown, options: FitRegressionTreeOptions | undefined, sklearnRandState?: number): RegressionTreeModel {
  const fn = 'classify/fitRegressionTree';
  const o = v.options(fn, options, KEYS) as Record<string, unknown>;
  const m = checkMatrix(fn, X);
  const yv = v.finiteArray(fn, 'y', y, 1);
  if (yv.length !== m.rows) throw new DimensionMismatchError(fn, `y must have one value per row of X (${m.rows} rows)`, yv.length);
  checkSquareSafe(fn, 'y', yv);
  criterionCode(fn, o.criterion ?? 'squaredError', false);
  const tp = treeParams(fn, o, 'all', m.rows);
  const maxFeatures = resolveMaxFeatures(fn, tp.maxFeatures, m.cols);
  const featureNames = featureNamesOption(fn, o.featureNames, m.cols);
  const w = sampleWeights(fn, o.sampleWeight, m.rows);
  const order = presort(m.data, m.rows, m.cols);
  const tree = growTree({ x: m.data, nRows: m.rows, nFeatures: m.cols, order }, null, yv, w, {
    criterion: 2,
    nClasses: 0,
    maxDepth: tp.maxDepth ?? Infinity,
    minSamplesSplit: tp.minSamplesSplit,
    minSamplesLeaf: tp.minSamplesLeaf,
    minImpurityDecrease: tp.minImpurityDecrease,
    maxFeatures,
    seed: tp.seed,
    ...(sklearnRandState === undefined ? {} : { sklearnRandState }),
  });
  const final = tp.ccpAlpha > 0 ? extractSubtree(tree, costComplexityPrune(tree, tp.ccpAlpha)) : tree;
  return {
    kind: 'regressionTree',
    formatVersion: 1,
    params: { criterion: 'squaredError', ...tp },
    nFeatures: m.cols,
    featureNames,
    tree: final,
    featureImportances: treeImportances(final, m.cols),
  };
}

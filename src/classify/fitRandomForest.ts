import { runSteps, runStepsAsync, type Steps } from '../core/_steps.js';
import { DimensionMismatchError, InvalidOptionError } from '../core/errors.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { createRandom } from '../core/random.js';
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
import { applyTree, growTree, presort, treeImportances, type TreeNodes } from './_tree.js';

/** Options of {@link fitRandomForest}. */
export interface FitRandomForestOptions extends LongRunOptions {
  /** Number of trees. @defaultValue 100 */
  nEstimators?: number;
  /** @defaultValue 'gini' */
  criterion?: ClassificationCriterion;
  /** @defaultValue null (unlimited) */
  maxDepth?: number | null;
  /** A node with fewer rows is not split: a count ≥ 2, or a share of the training rows in (0, 1) (⌈share · n⌉, scikit-learn's float; the count is stored in `params`). @defaultValue 2 */
  minSamplesSplit?: number;
  /** Each child must keep at least this many rows: a count ≥ 1, or a share of the training rows in (0, 1) (⌈share · n⌉; the count is stored in `params`). @defaultValue 1 */
  minSamplesLeaf?: number;
  /** @defaultValue 0 */
  minImpurityDecrease?: number;
  /** Features examined per split. @defaultValue 'sqrt' */
  maxFeatures?: MaxFeatures;
  /** Draw each tree's rows with replacement (n draws); otherwise every tree sees all rows. @defaultValue true */
  bootstrap?: boolean;
  /** Compute the out-of-bag accuracy (needs `bootstrap`). @defaultValue false */
  oobScore?: boolean;
  /** @defaultValue none */
  classWeight?: 'balanced' | ReadonlyMap<Label, number> | Readonly<Record<string, number>>;
  /** @defaultValue all 1 */
  sampleWeight?: readonly number[] | Float64Array;
  /** @defaultValue none */
  featureNames?: readonly string[];
  /** Seed of the bootstrap draws and of every tree's feature subsets. @defaultValue 0 */
  seed?: number;
}

/** Resolved parameters of a {@link RandomForestModel}. */
export interface RandomForestParams {
  nEstimators: number;
  criterion: ClassificationCriterion;
  maxDepth: number | null;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  minImpurityDecrease: number;
  maxFeatures: MaxFeatures;
  bootstrap: boolean;
  oobScore: boolean;
  classWeight: 'balanced' | number[] | null;
  seed: number;
}

/** A fitted random forest (plain JSON). */
export interface RandomForestModel {
  readonly kind: 'randomForest';
  readonly formatVersion: 1;
  readonly params: RandomForestParams;
  readonly nFeatures: number;
  readonly featureNames: string[] | null;
  readonly classes: Label[];
  readonly classWeights: number[];
  readonly trees: TreeNodes[];
  /** Out-of-bag accuracy over rows left out by at least one tree; `null` unless `oobScore`. */
  readonly oobScore: number | null;
  /** Mean of the trees' normalized impurity importances, renormalized. */
  readonly featureImportances: number[];
}

const KEYS = [
  'nEstimators', 'criterion', 'maxDepth', 'minSamplesSplit', 'minSamplesLeaf', 'minImpurityDecrease', 'maxFeatures',
  'bootstrap', 'oobScore', 'classWeight', 'sampleWeight', 'featureNames', 'seed', 'signal', 'onProgress',
] as const;

/**
 * Fits a random forest of classification trees: each tree on a bootstrap sample, each split
 * among a random subset of features; predictions average the trees' leaf class shares.
 *
 * @remarks Features are sorted once for the whole forest; a bootstrap sample is a weight per row
 * (draw counts), and rows drawn 0 times are dropped from a tree's presorted columns in O(F·n), as
 * scikit-learn does with `sample_weight`. Cost O(T·F·n·depth). The bootstrap draws and feature
 * subsets use {@link createRandom} with `seed`, so the forest is reproducible (but not bit-equal to
 * scikit-learn's, whose random streams differ).
 * @see scikit-learn `RandomForestClassifier` (1.2); Breiman, "Random Forests", Machine Learning 45 (2001)
 * @throws same as {@link fitDecisionTree}; {@link InvalidOptionError} for `oobScore` without `bootstrap`
 * @throws {@link AbortError} when `signal` fires (checked between trees)
 * @example
 * ```ts
 * import { fitRandomForest, predictRandomForest } from 'crmkit/classify';
 * const X = [[1], [2], [3], [4], [10], [11], [12], [13]];
 * const model = fitRandomForest(X, [0, 0, 0, 0, 1, 1, 1, 1], { nEstimators: 10, seed: 7 });
 * predictRandomForest(model, [[0], [20]]); // => [0, 1]
 * ```
 * @category Forests
 */
export function fitRandomForest(X: Matrix, y: readonly Label[], options?: FitRandomForestOptions): RandomForestModel {
  return runSteps(fitRandomForestSteps('classify/fitRandomForest', X, y, options));
}

/**
 * {@link fitRandomForest} as an awaitable: the same computation, with the same result, that hands control
 * back to the event loop about every 20 ms (between trees), so `signal` fired by a timer or a button
 * stops it within one slice.
 *
 * @remarks For large inputs in a browser tab or a server that must stay responsive; the
 * synchronous form is simpler for short work. See docs/core.md, "Long work".
 * @throws the errors of {@link fitRandomForest} (as a rejected promise); {@link AbortError} when `signal`
 * fires
 * @example
 * ```ts
 * import { fitRandomForestAsync, predictRandomForest } from 'crmkit/classify';
 * const X = [[1], [2], [3], [4], [10], [11], [12], [13]];
 * const model = await fitRandomForestAsync(X, [0, 0, 0, 0, 1, 1, 1, 1], { nEstimators: 10, seed: 7 });
 * predictRandomForest(model, [[0], [20]]); // => [0, 1]
 * ```
 * @category Forests
 */
export function fitRandomForestAsync(X: Matrix, y: readonly Label[], options?: FitRandomForestOptions): Promise<RandomForestModel> {
  return runStepsAsync('classify/fitRandomForestAsync', fitRandomForestSteps('classify/fitRandomForestAsync', X, y, options), options);
}

/** The kernel of {@link fitRandomForest} and {@link fitRandomForestAsync}: yields at checkpoints (core/_steps). */
function* fitRandomForestSteps(fn: string, X: Matrix, y: readonly Label[], options?: FitRandomForestOptions): Steps<RandomForestModel> {
  const o = v.options(fn, options, KEYS) as Record<string, unknown>;
  const m = checkMatrix(fn, X);
  const arr = v.arrayLike(fn, 'y', y, 1);
  if (arr.length !== m.rows) throw new DimensionMismatchError(fn, `y must have one label per row of X (${m.rows} rows)`, arr.length);
  const enc = encodeLabels(fn, y);
  const criterion = (o.criterion ?? 'gini') as ClassificationCriterion;
  const crit = criterionCode(fn, criterion, true);
  const tp = treeParams(fn, { ...o, ccpAlpha: undefined }, 'sqrt', m.rows);
  const maxFeatures = resolveMaxFeatures(fn, tp.maxFeatures, m.cols);
  const nEstimators = o.nEstimators === undefined ? 100 : v.integerInRange(fn, 'options.nEstimators', o.nEstimators, { min: 1, max: 100000 });
  const bootstrap = o.bootstrap === undefined ? true : v.boolean(fn, 'options.bootstrap', o.bootstrap);
  const oob = o.oobScore === undefined ? false : v.boolean(fn, 'options.oobScore', o.oobScore);
  if (oob && !bootstrap) throw new InvalidOptionError(fn, 'options.oobScore needs options.bootstrap', oob);
  const featureNames = featureNamesOption(fn, o.featureNames, m.cols);
  const sw = sampleWeights(fn, o.sampleWeight, m.rows);
  const cw = classWeights(fn, o.classWeight, enc);
  const base = new Float64Array(m.rows);
  let total = 0;
  for (let i = 0; i < m.rows; i++) {
    base[i] = sw[i]! * (cw ? cw[enc.codes[i]!]! : 1);
    total += base[i]!;
  }
  if (!(total > 0)) throw new InvalidOptionError(fn, 'options.classWeight and options.sampleWeight leave no row with a positive weight', total);
  const task = taskControl(fn, o as LongRunOptions);
  const order = presort(m.data, m.rows, m.cols);
  const data = { x: m.data, nRows: m.rows, nFeatures: m.cols, order };
  const rng = createRandom(tp.seed);
  const k = enc.classes.length;
  const oobSum = oob ? new Float64Array(m.rows * k) : null;
  const oobN = oob ? new Int32Array(m.rows) : null;
  const trees: TreeNodes[] = [];
  const imp = new Float64Array(m.cols);
  const w = new Float64Array(m.rows);
  const counts = new Float64Array(m.rows);
  for (let t = 0; t < nEstimators; t++) {
    task.checkpoint(t, nEstimators);
    yield;
    const treeSeed = rng.nextUint32();
    if (bootstrap) {
      counts.fill(0);
      for (let d = 0; d < m.rows; d++) {
        const r = rng.int(m.rows);
        counts[r] = counts[r]! + 1;
      }
      for (let i = 0; i < m.rows; i++) w[i] = base[i]! * counts[i]!;
    } else w.set(base);
    let any = false;
    for (let i = 0; i < m.rows; i++) if (w[i]! > 0) any = true;
    if (!any) w.set(base); // a bootstrap sample with zero total weight: fall back to all rows
    const tree = growTree(data, enc.codes, null, w, {
      criterion: crit,
      nClasses: k,
      maxDepth: tp.maxDepth ?? Infinity,
      minSamplesSplit: tp.minSamplesSplit,
      minSamplesLeaf: tp.minSamplesLeaf,
      minImpurityDecrease: tp.minImpurityDecrease,
      maxFeatures,
      seed: treeSeed,
    });
    trees.push(tree);
    const ti = treeImportances(tree, m.cols);
    for (let f = 0; f < m.cols; f++) imp[f] = imp[f]! + ti[f]!;
    if (oobSum && oobN) {
      const leaf = applyTree(tree, m.data, m.rows, m.cols);
      for (let i = 0; i < m.rows; i++) {
        if (counts[i]! !== 0) continue;
        const val = tree.value[leaf[i]!]!;
        let s = 0;
        for (let c = 0; c < k; c++) s += val[c]!;
        for (let c = 0; c < k; c++) oobSum[i * k + c] = oobSum[i * k + c]! + val[c]! / s;
        oobN[i] = oobN[i]! + 1;
      }
    }
  }
  task.checkpoint(nEstimators, nEstimators);
  let oobScore: number | null = null;
  if (oobSum && oobN) {
    let hit = 0;
    let seen = 0;
    for (let i = 0; i < m.rows; i++) {
      if (oobN[i] === 0) continue;
      seen++;
      let best = 0;
      for (let c = 1; c < k; c++) if (oobSum[i * k + c]! > oobSum[i * k + best]!) best = c;
      if (best === enc.codes[i]) hit++;
    }
    oobScore = seen > 0 ? hit / seen : null;
  }
  let s = 0;
  for (let f = 0; f < m.cols; f++) s += imp[f]! / nEstimators;
  const featureImportances = Array.from(imp, (x) => (s > 0 ? x / nEstimators / s : 0));
  return {
    kind: 'randomForest',
    formatVersion: 1,
    params: {
      nEstimators,
      criterion,
      maxDepth: tp.maxDepth,
      minSamplesSplit: tp.minSamplesSplit,
      minSamplesLeaf: tp.minSamplesLeaf,
      minImpurityDecrease: tp.minImpurityDecrease,
      maxFeatures: tp.maxFeatures,
      bootstrap,
      oobScore: oob,
      classWeight: o.classWeight === 'balanced' ? 'balanced' : cw,
      seed: tp.seed,
    },
    nFeatures: m.cols,
    featureNames,
    classes: enc.classes,
    classWeights: cw ?? enc.classes.map(() => 1),
    trees,
    oobScore,
    featureImportances,
  };
}

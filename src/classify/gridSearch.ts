import { runSteps, runStepsAsync, type Steps } from '../core/_steps.js';
import { InvalidOptionError } from '../core/errors.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import * as v from '../core/validate.js';
import { asOwnErrorSteps, type Label } from './_common.js';
import { _checkData, _flag, _folds, _runCvSteps, _scorers, _summary, type Scorer, type ScorerName } from './crossValidate.js';
import type { Fold } from './kFold.js';

/** Options of {@link gridSearch}. */
export interface GridSearchOptions<M> extends LongRunOptions {
  /** Candidate values per parameter; every combination is tried (grid order: last key fastest). */
  grid: Readonly<Record<string, readonly unknown[]>>;
  /** @defaultValue 5 */
  cv?: number | readonly Fold[];
  /** One scorer; losses (logLoss, brier) are minimized, everything else maximized. @defaultValue 'accuracy' */
  scoring?: ScorerName | Readonly<Record<string, Scorer>>;
  /** @defaultValue true */
  stratified?: boolean;
  /** @defaultValue false */
  shuffle?: boolean;
  /** @defaultValue 0 */
  seed?: number;
  /** Scores of the positive class for each row (e.g. a column of predictProbaDecisionTree); required by the rocAuc, averagePrecision, logLoss and brier scorers. */
  predictScore?: (model: M, X: readonly (readonly number[])[]) => readonly number[];
  /** The positive class for binary scorers. */
  posLabel?: Label;
}

/** One candidate of {@link gridSearch}. */
export interface GridSearchCandidate {
  params: Record<string, unknown>;
  scores: number[];
  mean: number;
  std: number;
}

/** Result of {@link gridSearch}. */
export interface GridSearchResult {
  results: GridSearchCandidate[];
  /** Index in `results` of the best mean score (first on ties). */
  bestIndex: number;
  bestParams: Record<string, unknown>;
  bestScore: number;
}

/**
 * Tries every combination of parameters with cross-validation on the same folds and reports the
 * best. Refit the winner on all training rows afterwards, and keep a separate test set for the
 * final number (the best CV score is optimistic).
 *
 * @remarks O(|grid| · k · cost of fit).
 * @see scikit-learn `GridSearchCV`
 * @throws {@link InvalidOptionError} on an empty grid or unknown scorer
 * @throws {@link AbortError} when `signal` fires (checked before each fit)
 * @example
 * ```ts
 * import { fitDecisionTree, gridSearch, predictDecisionTree } from 'crmkit/classify';
 * const X = [[1], [2], [3], [4], [11], [12], [13], [14]];
 * const y = [0, 0, 0, 0, 1, 1, 1, 1];
 * const r = gridSearch((Xt, yt, p) => fitDecisionTree(Xt, yt, { maxDepth: p.maxDepth as number }), predictDecisionTree, X, y, { grid: { maxDepth: [1, 2] }, cv: 2 });
 * r.bestParams; // => { maxDepth: 1 }
 * ```
 * @category Validation
 */
export function gridSearch<M>(
  fit: (X: readonly (readonly number[])[], y: readonly Label[], params: Record<string, unknown>) => M,
  predict: (model: M, X: readonly (readonly number[])[]) => readonly Label[],
  X: readonly (readonly number[])[],
  y: readonly Label[],
  options: GridSearchOptions<M>,
): GridSearchResult {
  return runSteps(gridSearchSteps('classify/gridSearch', fit, predict, X, y, options));
}

/**
 * {@link gridSearch} as an awaitable: the same computation, with the same result, that hands control
 * back to the event loop about every 20 ms (before each fit; a fit itself runs to its end), so `signal` fired by a timer or a button
 * stops it within one slice.
 *
 * @remarks For large inputs in a browser tab or a server that must stay responsive; the
 * synchronous form is simpler for short work. See docs/core.md, "Long work".
 * @throws the errors of {@link gridSearch} (as a rejected promise); {@link AbortError} when `signal`
 * fires
 * @example
 * ```ts
 * import { fitDecisionTree, gridSearchAsync, predictDecisionTree } from 'crmkit/classify';
 * const X = [[1], [2], [3], [4], [11], [12], [13], [14]];
 * const y = [0, 0, 0, 0, 1, 1, 1, 1];
 * const r = await gridSearchAsync((Xt, yt, p) => fitDecisionTree(Xt, yt, { maxDepth: p.maxDepth as number }), predictDecisionTree, X, y, { grid: { maxDepth: [1, 2] }, cv: 2 });
 * r.bestParams; // => { maxDepth: 1 }
 * ```
 * @category Validation
 */
export function gridSearchAsync<M>(
  fit: (X: readonly (readonly number[])[], y: readonly Label[], params: Record<string, unknown>) => M,
  predict: (model: M, X: readonly (readonly number[])[]) => readonly Label[],
  X: readonly (readonly number[])[],
  y: readonly Label[],
  options: GridSearchOptions<M>,
): Promise<GridSearchResult> {
  return runStepsAsync('classify/gridSearchAsync', gridSearchSteps('classify/gridSearchAsync', fit, predict, X, y, options), options);
}

/** The kernel of {@link gridSearch} and {@link gridSearchAsync}: yields at checkpoints (core/_steps). */
function* gridSearchSteps<M>(fn: string, 
  fit: (X: readonly (readonly number[])[], y: readonly Label[], params: Record<string, unknown>) => M,
  predict: (model: M, X: readonly (readonly number[])[]) => readonly Label[],
  X: readonly (readonly number[])[],
  y: readonly Label[],
  options: GridSearchOptions<M>,
): Steps<GridSearchResult> {
  const o = v.options(fn, options, ['grid', 'cv', 'scoring', 'stratified', 'shuffle', 'seed', 'predictScore', 'posLabel', 'signal', 'onProgress']);
  const task = taskControl(fn, o);
  v.func(fn, 'fit', fit);
  v.func(fn, 'predict', predict);
  _checkData(fn, X, y);
  if (typeof o.grid !== 'object' || o.grid === null || Array.isArray(o.grid) || Object.keys(o.grid).length === 0) throw new InvalidOptionError(fn, 'options.grid must name at least one parameter', o.grid);
  const keys = Object.keys(o.grid);
  let nCombos = 1;
  for (const k of keys) nCombos *= v.arrayLike(fn, `options.grid.${k}`, o.grid[k], 1).length;
  if (nCombos > 10_000) throw new InvalidOptionError(fn, 'options.grid must have at most 10,000 combinations', nCombos);
  const scorers = _scorers(fn, o.scoring, o.posLabel);
  if (scorers.length !== 1) throw new InvalidOptionError(fn, 'options.scoring must be exactly one scorer', scorers.length);
  const scorer = scorers[0]!;
  if (['rocAuc', 'averagePrecision', 'logLoss', 'brier'].includes(scorer.name) && !o.predictScore) throw new InvalidOptionError(fn, `scorer '${scorer.name}' needs options.predictScore`, scorer.name);
  const predictScore = o.predictScore === undefined ? undefined : v.func<NonNullable<GridSearchOptions<M>['predictScore']>>(fn, 'options.predictScore', o.predictScore);
  const folds = _folds(fn, o.cv, y, _flag(fn, 'stratified', o.stratified, true), _flag(fn, 'shuffle', o.shuffle, false), v.seed(fn, o.seed));
  const combos: Record<string, unknown>[] = [{}];
  for (const k of keys) {
    const next: Record<string, unknown>[] = [];
    for (const c of combos) for (const val of o.grid[k]!) next.push({ ...c, [k]: val });
    combos.splice(0, combos.length, ...next);
  }
  const results: GridSearchCandidate[] = [];
  for (const params of combos) {
    task.checkpoint(results.length, combos.length);
    const scores = (yield* asOwnErrorSteps(fn, `a fold with params ${JSON.stringify(params)?.slice(0, 200)} failed`, _runCvSteps(fn, (Xt, yt) => fit(Xt, yt, params), predict, X, y, folds, scorers, predictScore, null)))[scorer.name]!;
    const s = _summary({ x: scores });
    results.push({ params, scores, mean: s.mean.x!, std: s.std.x! });
  }
  task.checkpoint(combos.length, combos.length);
  let best = 0;
  for (let i = 1; i < results.length; i++) {
    const better = scorer.lowerIsBetter ? results[i]!.mean < results[best]!.mean : results[i]!.mean > results[best]!.mean;
    if (better) best = i;
  }
  return { results, bestIndex: best, bestParams: results[best]!.params, bestScore: results[best]!.mean };
}

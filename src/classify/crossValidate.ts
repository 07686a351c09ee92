import { DimensionMismatchError, InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { runSteps, runStepsAsync, type Steps } from '../core/_steps.js';
import { taskControl, type LongRunOptions, type TaskControl } from '../core/progress.js';
import * as v from '../core/validate.js';
import { asOwnError, asOwnErrorSteps, checkMatrix, type Label } from './_common.js';
import { labelArray } from './_metrics.js';
import { accuracyScore } from './accuracyScore.js';
import { averagePrecision } from './averagePrecision.js';
import { brierScore } from './brierScore.js';
import { kFold, type Fold } from './kFold.js';
import { logLoss } from './logLoss.js';
import { precisionRecallFscore } from './precisionRecallFscore.js';
import { rocAucScore } from './rocAucScore.js';
import { stratifiedKFold } from './stratifiedKFold.js';

/** Built-in scorers. Label scorers use `predict`; score scorers need `predictScore`. */
export type ScorerName = 'accuracy' | 'precision' | 'recall' | 'f1' | 'rocAuc' | 'averagePrecision' | 'logLoss' | 'brier';

/** A custom scorer: higher is better. */
export type Scorer = (yTrue: readonly Label[], yPred: readonly Label[], yScore: readonly number[] | null) => number;

/** Options of {@link crossValidate}. */
export interface CrossValidateOptions<M> extends LongRunOptions {
  /** Number of folds, or explicit folds. @defaultValue 5 */
  cv?: number | readonly Fold[];
  /** Scorers by name, or a record of custom scorers. @defaultValue ['accuracy'] */
  scoring?: ScorerName | readonly ScorerName[] | Readonly<Record<string, Scorer>>;
  /** Stratify the folds by label (when `cv` is a number). @defaultValue true */
  stratified?: boolean;
  /** @defaultValue false */
  shuffle?: boolean;
  /** @defaultValue 0 */
  seed?: number;
  /** Positive-class score per row, for rocAuc, averagePrecision, logLoss and brier. @defaultValue none */
  predictScore?: (model: M, X: readonly (readonly number[])[]) => readonly number[];
  /** Positive label of the binary scorers. @defaultValue true for booleans, 1 for numbers */
  posLabel?: Label;
}

/** Result of {@link crossValidate}. */
export interface CrossValidateResult {
  folds: Fold[];
  /** Test-fold scores per scorer, one per fold. */
  scores: Record<string, number[]>;
  mean: Record<string, number>;
  /** Population standard deviation over folds (numpy's default). */
  std: Record<string, number>;
}

const SCORE_NEEDS_PROBA: readonly string[] = ['rocAuc', 'averagePrecision', 'logLoss', 'brier'];

/** @internal Resolves the scorers; `lowerIsBetter` marks losses. */
export function _scorers(fn: string, scoring: unknown, posLabel: Label | undefined): Array<{ name: string; score: Scorer; needsScore: boolean; lowerIsBetter: boolean }> {
  const opts = posLabel === undefined ? {} : { posLabel };
  const builtIn: Record<ScorerName, Scorer> = {
    accuracy: (t, p) => accuracyScore(t, p),
    precision: (t, p) => precisionRecallFscore(t, p, opts).precision,
    recall: (t, p) => precisionRecallFscore(t, p, opts).recall,
    f1: (t, p) => precisionRecallFscore(t, p, opts).fScore,
    rocAuc: (t, _p, s) => rocAucScore(t, s!, opts),
    averagePrecision: (t, _p, s) => averagePrecision(t, s!, opts),
    logLoss: (t, _p, s) => logLoss(t, s!, opts),
    brier: (t, _p, s) => brierScore(t, s!, opts),
  };
  const names = Object.keys(builtIn);
  const list = scoring === undefined ? ['accuracy'] : typeof scoring === 'string' ? [scoring] : scoring;
  if (Array.isArray(list)) {
    return list.map((nm) => {
      const name = v.oneOf(fn, 'options.scoring', nm, names as ScorerName[]);
      return { name, score: builtIn[name], needsScore: SCORE_NEEDS_PROBA.includes(name), lowerIsBetter: name === 'logLoss' || name === 'brier' };
    });
  }
  if (typeof list === 'object' && list !== null) {
    return Object.entries(list as Record<string, unknown>).map(([name, f]) => ({ name, score: v.func<Scorer>(fn, `options.scoring.${name}`, f), needsScore: true, lowerIsBetter: false }));
  }
  throw new InvalidOptionError(fn, 'options.scoring must be a scorer name, an array of names or a record of functions', scoring);
}

/** @internal The folds of crossValidate and gridSearch as a kernel: a checkpoint and a yield before each fold's fit (core/_steps). */
export function* _runCvSteps<M>(
  fn: string,
  fit: (X: readonly (readonly number[])[], y: readonly Label[]) => M,
  predict: (model: M, X: readonly (readonly number[])[]) => readonly Label[],
  X: readonly (readonly number[])[],
  y: readonly Label[],
  folds: readonly Fold[],
  scorers: ReturnType<typeof _scorers>,
  predictScore: ((model: M, X: readonly (readonly number[])[]) => readonly number[]) | undefined,
  task: TaskControl | null,
): Steps<Record<string, number[]>> {
  const scores: Record<string, number[]> = Object.create(null);
  for (const s of scorers) scores[s.name] = [];
  const anyScore = scorers.some((s) => s.needsScore);
  for (const f of folds) {
    task?.checkpoint(scores[scorers[0]!.name]!.length, folds.length);
    yield;
    const Xtr = f.trainIndex.map((i) => X[i]!);
    const ytr = f.trainIndex.map((i) => y[i]!);
    const Xte = f.testIndex.map((i) => X[i]!);
    const yte = f.testIndex.map((i) => y[i]!);
    const model = fit(Xtr, ytr);
    const pred = predict(model, Xte);
    const sc = anyScore && predictScore ? predictScore(model, Xte) : null;
    for (const s of scorers) {
      scores[s.name]!.push(s.score(yte, pred, sc));
    }
  }
  return scores;
}

/** @internal X as a finite matrix and y as labels, one per row (checked before any user callback runs). */
export function _checkData(fn: string, X: unknown, y: unknown): void {
  const m = checkMatrix(fn, X);
  if (m.rows < 2) throw new InvalidInputError(fn, 'X must have at least 2 rows', m.rows);
  const labels = labelArray(fn, 'y', y);
  if (labels.length !== m.rows) throw new DimensionMismatchError(fn, `y must have one label per row of X (${m.rows} rows)`, labels.length);
}

/** @internal A boolean option with its default. */
export function _flag(fn: string, name: string, x: unknown, dflt: boolean): boolean {
  return x === undefined ? dflt : v.boolean(fn, `options.${name}`, x);
}

/** @internal */
export function _folds(fn: string, cv: unknown, y: readonly Label[], stratified: boolean, shuffle: boolean, seed: number): Fold[] {
  if (Array.isArray(cv)) {
    if (cv.length === 0) throw new InvalidOptionError(fn, 'options.cv must hold at least one fold', cv);
    cv.forEach((f, i) => {
      if (typeof f !== 'object' || f === null || !Array.isArray(f.trainIndex) || !Array.isArray(f.testIndex)) {
        throw new InvalidOptionError(fn, `options.cv[${i}] must be a fold { trainIndex, testIndex }`, f);
      }
      if (f.trainIndex.length === 0 || f.testIndex.length === 0) throw new InvalidOptionError(fn, `options.cv[${i}] must have at least one training and one test row`, f);
      for (const idx of [...f.trainIndex, ...f.testIndex]) {
        if (!Number.isInteger(idx) || idx < 0 || idx >= y.length) throw new InvalidOptionError(fn, `options.cv[${i}] holds a row index outside [0, ${y.length})`, idx);
      }
    });
    return cv as Fold[];
  }
  const k = cv === undefined ? 5 : v.integerInRange(fn, 'options.cv', cv, { min: 2 });
  return asOwnError(fn, 'options.cv', () => (stratified ? stratifiedKFold(y, { nSplits: k, shuffle, seed }) : kFold(y.length, { nSplits: k, shuffle, seed })));
}

function meanStd(x: number[]): [number, number] {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  const s = Math.sqrt(x.reduce((a, b) => a + (b - m) ** 2, 0) / x.length);
  return [m, s];
}

/** @internal */
export function _summary(scores: Record<string, number[]>): { mean: Record<string, number>; std: Record<string, number> } {
  const mean: Record<string, number> = Object.create(null);
  const std: Record<string, number> = Object.create(null);
  for (const k of Object.keys(scores)) [mean[k], std[k]] = meanStd(scores[k]!);
  return { mean, std };
}

/**
 * Cross-validates any fit/predict pair: fit on k − 1 folds, score on the held-out fold, k times.
 *
 * @remarks O(k · cost of fit). Folds are stratified by label by default. Probability-based scorers
 * (rocAuc, averagePrecision, logLoss, brier) need `predictScore` (positive-class score per row).
 * @see scikit-learn `cross_validate`
 * @throws {@link DimensionMismatchError} when X and y differ in length; {@link InvalidOptionError} on unknown scorers
 * @throws {@link AbortError} when `signal` fires (checked before each fold's fit)
 * @example
 * ```ts
 * import { crossValidate, fitDecisionTree, predictDecisionTree } from 'crmkit/classify';
 * const X = [[1], [2], [3], [4], [11], [12], [13], [14]];
 * const y = [0, 0, 0, 0, 1, 1, 1, 1];
 * crossValidate((Xt, yt) => fitDecisionTree(Xt, yt), predictDecisionTree, X, y, { cv: 4 }).mean.accuracy; // => 1
 * ```
 * @category Validation
 */
export function crossValidate<M>(
  fit: (X: readonly (readonly number[])[], y: readonly Label[]) => M,
  predict: (model: M, X: readonly (readonly number[])[]) => readonly Label[],
  X: readonly (readonly number[])[],
  y: readonly Label[],
  options?: CrossValidateOptions<M>,
): CrossValidateResult {
  return runSteps(crossValidateSteps('classify/crossValidate', fit, predict, X, y, options));
}

/**
 * {@link crossValidate} as an awaitable: the same computation, with the same result, that hands control
 * back to the event loop about every 20 ms (before each fold's fit; a fit itself runs to its end), so `signal` fired by a timer or a button
 * stops it within one slice.
 *
 * @remarks For large inputs in a browser tab or a server that must stay responsive; the
 * synchronous form is simpler for short work. See docs/core.md, "Long work".
 * @throws the errors of {@link crossValidate} (as a rejected promise); {@link AbortError} when `signal`
 * fires
 * @example
 * ```ts
 * import { crossValidateAsync, fitDecisionTree, predictDecisionTree } from 'crmkit/classify';
 * const X = [[1], [2], [3], [4], [11], [12], [13], [14]];
 * const y = [0, 0, 0, 0, 1, 1, 1, 1];
 * (await crossValidateAsync((Xt, yt) => fitDecisionTree(Xt, yt), predictDecisionTree, X, y, { cv: 4 })).mean.accuracy; // => 1
 * ```
 * @category Validation
 */
export function crossValidateAsync<M>(
  fit: (X: readonly (readonly number[])[], y: readonly Label[]) => M,
  predict: (model: M, X: readonly (readonly number[])[]) => readonly Label[],
  X: readonly (readonly number[])[],
  y: readonly Label[],
  options?: CrossValidateOptions<M>,
): Promise<CrossValidateResult> {
  return runStepsAsync('classify/crossValidateAsync', crossValidateSteps('classify/crossValidateAsync', fit, predict, X, y, options), options);
}

/** The kernel of {@link crossValidate} and {@link crossValidateAsync}: yields at checkpoints (core/_steps). */
function* crossValidateSteps<M>(fn: string, 
  fit: (X: readonly (readonly number[])[], y: readonly Label[]) => M,
  predict: (model: M, X: readonly (readonly number[])[]) => readonly Label[],
  X: readonly (readonly number[])[],
  y: readonly Label[],
  options?: CrossValidateOptions<M>,
): Steps<CrossValidateResult> {
  const o = v.options(fn, options, ['cv', 'scoring', 'stratified', 'shuffle', 'seed', 'predictScore', 'posLabel', 'signal', 'onProgress']);
  const task = taskControl(fn, o);
  v.func(fn, 'fit', fit);
  v.func(fn, 'predict', predict);
  _checkData(fn, X, y);
  const scorers = _scorers(fn, o.scoring, o.posLabel);
  const predictScore = o.predictScore === undefined ? undefined : v.func<NonNullable<CrossValidateOptions<M>['predictScore']>>(fn, 'options.predictScore', o.predictScore);
  for (const s of scorers) if (SCORE_NEEDS_PROBA.includes(s.name) && !predictScore) throw new InvalidOptionError(fn, `scorer '${s.name}' needs options.predictScore`, s.name);
  const folds = _folds(fn, o.cv, y, _flag(fn, 'stratified', o.stratified, true), _flag(fn, 'shuffle', o.shuffle, false), v.seed(fn, o.seed));
  const scores = yield* asOwnErrorSteps(fn, 'a fold failed', _runCvSteps(fn, fit, predict, X, y, folds, scorers, predictScore, task));
  task.checkpoint(folds.length, folds.length);
  return { folds, scores, ..._summary(scores) };
}

import type { Steps } from '../core/_steps.js';
/**
 * Internal validation and encoding shared by the classify functions.
 *
 * @internal
 * @module
 */
import { AbortError, CrmkitError, DimensionMismatchError, InvalidInputError, InvalidOptionError, ModelFormatError, NotConvergedError } from '../core/errors.js';
import * as v from '../core/validate.js';
import type { DenseMatrix } from '../core/validate.js';
import { ENTROPY, GINI, MSE, type TreeNodes } from './_tree.js';

/** A class label: numbers, strings or booleans (one type per label array). */
export type Label = number | string | boolean;

/** A feature matrix: rows of numbers (plain arrays or typed arrays). */
export type Matrix = readonly (readonly number[] | Float64Array | Float32Array | Int32Array)[];

/** Split criterion of a classification tree. `logLoss` is the same as `entropy` (as in scikit-learn). */
export type ClassificationCriterion = 'gini' | 'entropy' | 'logLoss';

/** How many features each split examines: all, √F, log₂F, a count in [1, F], or a share in (0, 1) (max(1, ⌊share · F⌋), scikit-learn's float). */
export type MaxFeatures = 'all' | 'sqrt' | 'log2' | number;

/**
 * Values whose squares must stay finite (variances, squared errors, Gram matrices): |x| ≤ 1e150, so a
 * sum of squares over up to 1e8 rows stays below 1e308. Rescale data beyond that (e.g. to thousands).
 */
export const SQUARE_SAFE = 1e150;

export function checkSquareSafe(fn: string, name: string, data: ArrayLike<number>, cols = 1): void {
  for (let i = 0; i < data.length; i++) {
    const x = data[i]!;
    if (x > SQUARE_SAFE || x < -SQUARE_SAFE) {
      const where = cols > 1 ? `${name}[${Math.floor(i / cols)}][${i % cols}]` : `${name}[${i}]`;
      throw new InvalidInputError(fn, `${where} is beyond ±1e150, where squared errors overflow; rescale the column`, x);
    }
  }
}

export function checkMatrix(fn: string, x: unknown, name = 'X'): DenseMatrix {
  return v.matrix(fn, name, x);
}

export interface EncodedLabels {
  classes: Label[];
  codes: Int32Array;
}

function labelType(x: unknown): 'number' | 'string' | 'boolean' | null {
  if (typeof x === 'number') return Number.isFinite(x) ? 'number' : null;
  if (typeof x === 'string') return 'string';
  if (typeof x === 'boolean') return 'boolean';
  return null;
}

/** Compares labels of one type: numbers ascending, strings by code units, false < true. */
export function compareLabels(a: Label, b: Label): number {
  if (typeof a === 'number') return (a as number) - (b as number);
  if (typeof a === 'boolean') return Number(a) - Number(b);
  return a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
}

/** Validates labels (finite numbers, strings or booleans, one type) and encodes them as class ids. */
export function encodeLabels(fn: string, y: unknown, name = 'y', minClasses = 2): EncodedLabels {
  const arr = v.arrayLike<unknown>(fn, name, y, 1);
  let type: string | null = null;
  const seen = new Map<Label, number>();
  for (let i = 0; i < arr.length; i++) {
    const yi = arr[i];
    const t = Array.isArray(arr) && !(i in arr) ? null : labelType(yi);
    if (t === null) throw new InvalidInputError(fn, `${name}[${i}] must be a finite number, a string or a boolean`, yi);
    if (type === null) type = t;
    else if (t !== type) throw new InvalidInputError(fn, `${name}[${i}] must be a ${type} like ${name}[0] (one label type per array)`, yi);
    if (!seen.has(yi as Label)) seen.set(yi as Label, 0);
  }
  const classes = [...seen.keys()].sort(compareLabels);
  if (classes.length < minClasses) {
    throw new InvalidInputError(fn, `${name} must contain at least ${minClasses} distinct classes`, classes.length);
  }
  classes.forEach((c, i) => seen.set(c, i));
  const codes = new Int32Array(arr.length);
  for (let i = 0; i < arr.length; i++) codes[i] = seen.get(arr[i] as Label)!;
  return { classes, codes };
}

/** Validates optional sample weights (finite, ≥ 0, not all zero). */
export function sampleWeights(fn: string, w: unknown, n: number): Float64Array {
  if (w === undefined) return new Float64Array(n).fill(1);
  const out = v.finiteArray(fn, 'options.sampleWeight', w);
  if (out.length !== n) throw new DimensionMismatchError(fn, `options.sampleWeight must have one weight per row of X (${n} rows)`, out.length);
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (out[i]! < 0) throw new InvalidOptionError(fn, `options.sampleWeight[${i}] must be >= 0`, out[i]);
    s += out[i]!;
  }
  if (!(s > 0)) throw new InvalidOptionError(fn, 'options.sampleWeight must not be all zero', s);
  return out;
}

/** Class weights: 'balanced' = n / (k · count_c) (scikit-learn), or a label → weight map. */
export function classWeights(fn: string, cw: unknown, enc: EncodedLabels): number[] | null {
  if (cw === undefined || cw === null) return null;
  const k = enc.classes.length;
  if (cw === 'balanced') {
    const counts = new Float64Array(k);
    for (let i = 0; i < enc.codes.length; i++) counts[enc.codes[i]!] = counts[enc.codes[i]!]! + 1;
    return Array.from(counts, (c) => enc.codes.length / (k * c));
  }
  const out = new Array<number>(k).fill(1);
  const set = (label: unknown, weight: unknown): void => {
    const idx = enc.classes.findIndex((c) => c === label || (typeof c !== 'string' && String(c) === label));
    if (idx < 0) throw new InvalidOptionError(fn, 'options.classWeight names a class that is not in y', label);
    out[idx] = v.numberInRange(fn, `options.classWeight[${String(label)}]`, weight, { min: 0 });
  };
  if (cw instanceof Map) for (const [key, w] of cw) set(key, w);
  else if (typeof cw === 'object' && !Array.isArray(cw)) for (const key of Object.keys(cw)) set(key, (cw as Record<string, unknown>)[key]);
  else throw new InvalidOptionError(fn, "options.classWeight must be 'balanced', a Map or an object of class → weight", cw);
  return out;
}

export function criterionCode(fn: string, c: unknown, classification: boolean): number {
  if (!classification) {
    v.oneOf(fn, 'options.criterion', c, ['squaredError'] as const);
    return MSE;
  }
  const crit = v.oneOf(fn, 'options.criterion', c, ['gini', 'entropy', 'logLoss'] as const);
  return crit === 'gini' ? GINI : ENTROPY;
}

export function resolveMaxFeatures(fn: string, mf: unknown, nFeatures: number): number {
  if (mf === 'all') return nFeatures;
  if (mf === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  if (mf === 'log2') return Math.max(1, Math.floor(Math.log2(nFeatures)));
  // scikit-learn's float meaning: a share of the features, max(1, floor(share · nFeatures)).
  if (typeof mf === 'number' && mf > 0 && mf < 1) return Math.max(1, Math.floor(mf * nFeatures));
  if (typeof mf === 'number') return v.integerInRange(fn, 'options.maxFeatures', mf, { min: 1, max: nFeatures });
  throw new InvalidOptionError(fn, "options.maxFeatures must be 'all', 'sqrt', 'log2', an integer in [1, nFeatures] or a share in (0, 1)", mf);
}

/** Tree growth options shared by trees and forests (resolved, JSON-ready). */
export interface ResolvedTreeParams {
  maxDepth: number | null;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  minImpurityDecrease: number;
  maxFeatures: MaxFeatures;
  ccpAlpha: number;
  seed: number;
}

/**
 * A minimum row count given as a count (an integer ≥ `min`) or, as scikit-learn's float meaning, a
 * share of the training rows in (0, 1): ⌈share · nRows⌉ (at least `min`).
 */
export function countOrShare(fn: string, name: string, x: unknown, nRows: number, min: number): number {
  if (typeof x === 'number' && x > 0 && x < 1) return Math.max(min, Math.ceil(x * nRows));
  if (typeof x === 'number' && Number.isInteger(x) && x >= min) return x;
  throw new InvalidOptionError(fn, `${name} must be an integer ≥ ${min} (a row count) or a number in (0, 1) (a share of the training rows)`, x);
}

/** Tree growth options, with fractional `minSamplesSplit` / `minSamplesLeaf` resolved against `nRows` (the resolved counts are stored). */
export function treeParams(fn: string, o: Record<string, unknown>, defaultMaxFeatures: MaxFeatures, nRows: number): ResolvedTreeParams {
  const maxDepth = o.maxDepth === undefined || o.maxDepth === null ? null : v.integerInRange(fn, 'options.maxDepth', o.maxDepth, { min: 1 });
  return {
    maxDepth,
    minSamplesSplit: o.minSamplesSplit === undefined ? 2 : countOrShare(fn, 'options.minSamplesSplit', o.minSamplesSplit, nRows, 2),
    minSamplesLeaf: o.minSamplesLeaf === undefined ? 1 : countOrShare(fn, 'options.minSamplesLeaf', o.minSamplesLeaf, nRows, 1),
    minImpurityDecrease: o.minImpurityDecrease === undefined ? 0 : v.numberInRange(fn, 'options.minImpurityDecrease', o.minImpurityDecrease, { min: 0 }),
    maxFeatures: (o.maxFeatures ?? defaultMaxFeatures) as MaxFeatures,
    ccpAlpha: o.ccpAlpha === undefined ? 0 : v.numberInRange(fn, 'options.ccpAlpha', o.ccpAlpha, { min: 0 }),
    seed: v.seed(fn, o.seed),
  };
}

export function featureNamesOption(fn: string, names: unknown, nFeatures: number): string[] | null {
  if (names === undefined) return null;
  const arr = v.arrayLike<unknown>(fn, 'options.featureNames', names);
  if (arr.length !== nFeatures) throw new DimensionMismatchError(fn, `options.featureNames must name each of the ${nFeatures} columns of X`, arr.length);
  const out: string[] = [];
  for (let i = 0; i < arr.length; i++) out.push(v.string(fn, `options.featureNames[${i}]`, arr[i]));
  return out;
}

/** Validates a prediction matrix against the model's feature count (and names, when given). */
export function checkPredictMatrix(fn: string, x: unknown, nFeatures: number, modelNames: readonly string[] | null, names: unknown): DenseMatrix {
  const m = checkMatrix(fn, x);
  if (m.cols !== nFeatures) throw new DimensionMismatchError(fn, `X must have the model's ${nFeatures} feature columns`, m.cols);
  if (names !== undefined) {
    const given = featureNamesOption(fn, names, nFeatures)!;
    if (modelNames === null) throw new InvalidOptionError(fn, 'options.featureNames given but the model was fitted without feature names', given.length);
    for (let i = 0; i < nFeatures; i++) {
      if (given[i] !== modelNames[i]) {
        throw new InvalidInputError(fn, `feature ${i} must be '${modelNames[i]}' as in training (unknown or reordered feature)`, given[i]);
      }
    }
  }
  return m;
}

// ---------- model parsing helpers ----------

export function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function checkNumberArray(fn: string, name: string, x: unknown, len: number, integer = false): number[] {
  if (!Array.isArray(x) || x.length !== len) throw new ModelFormatError(fn, `${name} must be an array of length ${len}`, x);
  for (let i = 0; i < len; i++) {
    const e = x[i];
    if (typeof e !== 'number' || !Number.isFinite(e) || (integer && !Number.isInteger(e))) {
      throw new ModelFormatError(fn, `${name}[${i}] must be a finite ${integer ? 'integer' : 'number'}`, e);
    }
  }
  return x as number[];
}

/**
 * Checks node arrays: lengths, child ids, features in range, values of width `width` (non-negative
 * weighted class counts when `counts`), non-negative sample counts. Children must come after their
 * parent (preorder), so walking the tree never loops.
 */
export function checkTreeNodes(fn: string, t: unknown, nFeatures: number, width: number, counts = false, name = 'tree'): TreeNodes {
  if (!isObj(t)) throw new ModelFormatError(fn, `${name} must be an object of node arrays`, t);
  if (!Array.isArray(t.left) || t.left.length < 1) throw new ModelFormatError(fn, `${name}.left must be a non-empty array`, t.left);
  const m = t.left.length;
  const left = checkNumberArray(fn, `${name}.left`, t.left, m, true);
  const right = checkNumberArray(fn, `${name}.right`, t.right, m, true);
  const feature = checkNumberArray(fn, `${name}.feature`, t.feature, m, true);
  checkNumberArray(fn, `${name}.threshold`, t.threshold, m);
  checkNumberArray(fn, `${name}.impurity`, t.impurity, m);
  const ns = checkNumberArray(fn, `${name}.nSamples`, t.nSamples, m, true);
  const ws = checkNumberArray(fn, `${name}.weightedNSamples`, t.weightedNSamples, m);
  if (!Array.isArray(t.value) || t.value.length !== m) throw new ModelFormatError(fn, `${name}.value must be an array of length ${m}`, t.value);
  for (let i = 0; i < m; i++) {
    const val = checkNumberArray(fn, `${name}.value[${i}]`, t.value[i], width);
    if (counts) {
      for (let c = 0; c < width; c++) if (val[c]! < 0) throw new ModelFormatError(fn, `${name}.value[${i}][${c}] must be a non-negative weighted class count`, val[c]);
    }
    if (ns[i]! < 0 || ws[i]! < 0) throw new ModelFormatError(fn, `${name} node ${i} must have non-negative sample counts`, [ns[i], ws[i]]);
    const l = left[i]!;
    const r = right[i]!;
    if (l === -1 && r === -1) continue;
    if (!(l > i && l < m && r > i && r < m)) throw new ModelFormatError(fn, `${name} node ${i} must have children ids in (${i}, ${m}) or -1`, [l, r]);
    if (!(feature[i]! >= 0 && feature[i]! < nFeatures)) throw new ModelFormatError(fn, `${name}.feature[${i}] must be in [0, ${nFeatures})`, feature[i]);
  }
  if (!(ws[0]! > 0)) throw new ModelFormatError(fn, `${name}.weightedNSamples[0] must be positive`, ws[0]);
  return t as unknown as TreeNodes;
}

export function checkClasses(fn: string, c: unknown): Label[] {
  if (!Array.isArray(c) || c.length < 2) throw new ModelFormatError(fn, 'classes must be an array of at least 2 labels', c);
  const t = labelType(c[0]);
  for (let i = 0; i < c.length; i++) {
    if (labelType(c[i]) === null || labelType(c[i]) !== t) throw new ModelFormatError(fn, `classes[${i}] must be a label of one type`, c[i]);
  }
  return c as Label[];
}

export function checkFeatureNames(fn: string, names: unknown, nFeatures: number): string[] | null {
  if (names === null) return null;
  if (!Array.isArray(names) || names.length !== nFeatures || names.some((s) => typeof s !== 'string')) {
    throw new ModelFormatError(fn, `featureNames must be null or ${nFeatures} strings`, names);
  }
  return names as string[];
}

export function checkKind(fn: string, json: unknown, kind: string, version: number): Record<string, unknown> {
  if (!isObj(json)) throw new ModelFormatError(fn, 'model must be an object', json);
  if (json.kind !== kind) throw new ModelFormatError(fn, `kind must be '${kind}'`, json.kind);
  if (json.formatVersion !== version) throw new ModelFormatError(fn, `formatVersion must be ${version}`, json.formatVersion);
  if (typeof json.nFeatures !== 'number' || !Number.isInteger(json.nFeatures) || json.nFeatures < 1) {
    throw new ModelFormatError(fn, 'nFeatures must be a positive integer', json.nFeatures);
  }
  if (!isObj(json.params)) throw new ModelFormatError(fn, 'params must be an object', json.params);
  checkFiniteNumbers(fn, json);
  return json;
}

/**
 * A stored model never holds NaN or ±Infinity (JSON cannot carry them, and a fitted model has none):
 * walks every field once (O(size), cycles and depth bounded) and names the first offending path.
 */
export function checkFiniteNumbers(fn: string, json: unknown): void {
  const seen = new Set<object>();
  const walk = (x: unknown, path: string, depth: number): void => {
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) throw new ModelFormatError(fn, `${path || 'model'} must be a finite number`, x);
      return;
    }
    if (typeof x !== 'object' || x === null) return;
    if (seen.has(x)) throw new ModelFormatError(fn, `${path || 'model'} must not refer back to an enclosing object (a model is a JSON tree)`, '[circular]');
    if (depth > 32) throw new ModelFormatError(fn, `${path || 'model'} is nested too deeply for a model`, depth);
    seen.add(x);
    if (Array.isArray(x)) for (let i = 0; i < x.length; i++) walk(x[i], `${path}[${i}]`, depth + 1);
    else if (ArrayBuffer.isView(x)) {
      const a = x as unknown as ArrayLike<number>;
      for (let i = 0; i < a.length; i++) walk(a[i], `${path}[${i}]`, depth + 1);
    } else for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k], path ? `${path}.${k}` : k, depth + 1);
    seen.delete(x);
  };
  walk(json, '', 0);
}

/**
 * Runs work that calls other public functions (a base fit, the user's fit/predict callbacks) and
 * re-raises their crmkit errors under the called function's name, keeping the original message:
 * the user called `fn`, so the error names it (an abort becomes `fn`'s AbortError).
 */
/**
 * {@link asOwnError} for a generator kernel (core/_steps): runs `body` to its end, yielding where it
 * yields, and re-raises its errors under `fn` the same way.
 */
export function* asOwnErrorSteps<T>(fn: string, what: string, body: Steps<T>): Steps<T> {
  try {
    return yield* body;
  } catch (e) {
    return asOwnError(fn, what, () => {
      throw e;
    });
  }
}

export function asOwnError<T>(fn: string, what: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof CrmkitError && e.fn !== fn) {
      if (e instanceof AbortError) throw new AbortError(fn, e.cause);
      const detail = e.message.startsWith(`${e.fn}: `) ? e.message.slice(e.fn.length + 2) : e.message;
      let out: CrmkitError;
      if (e instanceof NotConvergedError) out = new NotConvergedError(fn, `${what}: ${detail}`, e.iterations);
      else {
        const Ctor = (e instanceof InvalidOptionError ? InvalidOptionError : e instanceof DimensionMismatchError ? DimensionMismatchError : e instanceof ModelFormatError ? ModelFormatError : InvalidInputError) as new (
          f: string,
          m: string,
          r: unknown,
        ) => CrmkitError;
        out = new Ctor(fn, 'x', (e as { received?: unknown }).received);
        out.message = `${fn}: ${what}: ${detail}`;
      }
      throw out;
    }
    throw e;
  }
}

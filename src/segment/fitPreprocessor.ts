import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { arrayLike, boolean, oneOf, options as checkOptions, rethrowAs, string } from '../core/validate.js';
import { checkCategory } from './_categories.js';
import { fitMinMaxScaler } from './fitMinMaxScaler.js';
import { _infrequentOptions, fitOneHotEncoder, type OneHotEncoderModel, type OneHotHandleUnknown } from './fitOneHotEncoder.js';
import { fitRobustScaler } from './fitRobustScaler.js';
import { fitStandardScaler } from './fitStandardScaler.js';
import { _scaleFlat, type ScalerModel } from './transformScaler.js';
import { transformOneHotEncoder } from './transformOneHotEncoder.js';
import type { Category } from './types.js';

/** A numeric column: optionally log1p-transformed, then scaled. */
export interface NumericColumnSpec {
  name: string;
  type: 'numeric';
  /**
   * The scaler applied to this column.
   * @defaultValue 'standard'
   */
  scaler?: 'standard' | 'minMax' | 'robust' | 'none';
  /**
   * Apply log(1 + x) before scaling (for right-skewed spend; values must be > −1).
   * @defaultValue false
   */
  log1p?: boolean;
}

/** A categorical column, one-hot encoded. */
export interface CategoricalColumnSpec {
  name: string;
  type: 'categorical';
  /**
   * Unknown categories at transform time: `'error'` throws, `'ignore'` encodes all zeros,
   * `'infrequentIfExist'` puts them in the infrequent group when there is one (see `fitOneHotEncoder`).
   * @defaultValue 'error'
   */
  handleUnknown?: OneHotHandleUnknown;
  /**
   * Group categories seen fewer than this many times (integer ≥ 1) or in less than this share of
   * the rows (number in (0, 1)) into one `name=infrequent` column (see `fitOneHotEncoder`).
   * @defaultValue no grouping
   */
  minFrequency?: number;
  /**
   * At most this many one-hot columns (≥ 2), the infrequent group included (see `fitOneHotEncoder`).
   * @defaultValue no limit
   */
  maxCategories?: number;
  /**
   * Drop a redundant one-hot column (see `fitOneHotEncoder`).
   * @defaultValue 'none'
   */
  drop?: 'none' | 'first' | 'ifBinary';
}

/** A column of the records and how to turn it into features. */
export type ColumnSpec = NumericColumnSpec | CategoricalColumnSpec;

/** Options of {@link fitPreprocessor}. */
export interface FitPreprocessorOptions {
  /** The columns to use, in output order. Required. */
  columns: readonly ColumnSpec[];
}

/** One fitted column of a {@link PreprocessorModel}. */
export type PreprocessorStep =
  | { readonly name: string; readonly type: 'numeric'; readonly log1p: boolean; readonly scaler: ScalerModel | null }
  | { readonly name: string; readonly type: 'categorical'; readonly encoder: OneHotEncoderModel };

/** A fitted preprocessor (JSON-ready). */
export interface PreprocessorModel {
  readonly kind: 'preprocessor';
  readonly formatVersion: 1;
  readonly params: { readonly columns: ColumnSpec[] };
  readonly steps: PreprocessorStep[];
  /** Names of the output columns: numeric columns by name, one-hot columns as `name_category`. */
  readonly featureNames: string[];
}

/** Result of {@link fitPreprocessor}. */
export interface FitPreprocessorResult {
  /** The fitted model, for {@link transformPreprocessor} on new records. */
  model: PreprocessorModel;
  /** The transformed records, one row per record. */
  X: number[][];
  /** Names of the columns of `X`. */
  featureNames: string[];
}

/**
 * A plain record (any object, for example an interface-typed row or a CSV row); values are looked
 * up by column name.
 */
export type DataRecord = object;

const FN = 'segment/fitPreprocessor';

/** @internal Reads a numeric column of records (log1p applied when asked). */
export function _numericColumn(fn: string, records: ArrayLike<DataRecord>, name: string, log: boolean): Float64Array {
  const out = new Float64Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    if (typeof rec !== 'object' || rec === null) throw new InvalidInputError(fn, `records[${i}] must be an object`, rec);
    const v = (rec as Record<string, unknown>)[name];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InvalidInputError(fn, `records[${i}].${name} must be a finite number`, v);
    if (log && !(v > -1)) throw new InvalidInputError(fn, `records[${i}].${name} must be > -1 for log1p`, v);
    out[i] = log ? Math.log1p(v) : v;
  }
  return out;
}

/** @internal Reads a categorical column of records as rows of one value. */
export function _categoryColumn(fn: string, records: ArrayLike<DataRecord>, name: string): Category[][] {
  const out: Category[][] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const rec = records[i];
    if (typeof rec !== 'object' || rec === null) throw new InvalidInputError(fn, `records[${i}] must be an object`, rec);
    out[i] = [checkCategory(fn, `records[${i}].${name}`, (rec as Record<string, unknown>)[name])];
  }
  return out;
}

function checkSpecs(columns: unknown): ColumnSpec[] {
  const arr = arrayLike<unknown>(FN, 'options.columns', columns, 1);
  const seen = new Set<string>();
  const out: ColumnSpec[] = [];
  for (let c = 0; c < arr.length; c++) {
    const s = arr[c] as Record<string, unknown>;
    const at = `options.columns[${c}]`;
    if (typeof s !== 'object' || s === null) throw new InvalidOptionError(FN, `${at} must be an object`, s);
    const name = string(FN, `${at}.name`, s.name);
    if (seen.has(name)) throw new InvalidOptionError(FN, `${at}.name repeats a column`, name);
    seen.add(name);
    const type = oneOf(FN, `${at}.type`, s.type, ['numeric', 'categorical'] as const);
    if (type === 'numeric') {
      checkOptions(FN, s, ['name', 'type', 'scaler', 'log1p']);
      const scaler = s.scaler === undefined ? 'standard' : oneOf(FN, `${at}.scaler`, s.scaler, ['standard', 'minMax', 'robust', 'none'] as const);
      const log = s.log1p === undefined ? false : boolean(FN, `${at}.log1p`, s.log1p);
      out.push({ name, type, scaler, log1p: log });
    } else {
      checkOptions(FN, s, ['name', 'type', 'handleUnknown', 'drop', 'minFrequency', 'maxCategories']);
      const handleUnknown =
        s.handleUnknown === undefined ? 'error' : oneOf(FN, `${at}.handleUnknown`, s.handleUnknown, ['error', 'ignore', 'infrequentIfExist'] as const);
      const drop = s.drop === undefined ? 'none' : oneOf(FN, `${at}.drop`, s.drop, ['none', 'first', 'ifBinary'] as const);
      const { minFrequency, maxCategories } = _infrequentOptions(FN, at, s.minFrequency, s.maxCategories);
      out.push({ name, type, handleUnknown, drop, ...(minFrequency === null ? {} : { minFrequency }), ...(maxCategories === null ? {} : { maxCategories }) });
    }
  }
  return out;
}

/** @internal Transforms records with fitted steps into a row-major matrix. */
export function _transformRecords(fn: string, steps: readonly PreprocessorStep[], width: number, records: ArrayLike<DataRecord>): number[][] {
  const n = records.length;
  const out: number[][] = Array.from({ length: n }, () => new Array<number>(width));
  let offset = 0;
  for (const step of steps) {
    if (step.type === 'numeric') {
      const col = _numericColumn(fn, records, step.name, step.log1p);
      const scaled = step.scaler === null ? col : _scaleFlat(step.scaler, col, n, 1, false);
      for (let i = 0; i < n; i++) out[i]![offset] = scaled[i]!;
      offset += 1;
    } else {
      const enc = transformOneHotEncoder(step.encoder, _categoryColumn(fn, records, step.name));
      const w = step.encoder.featureNamesOut.length;
      for (let i = 0; i < n; i++) for (let k = 0; k < w; k++) out[i]![offset + k] = enc[i]![k]!;
      offset += w;
    }
  }
  return out;
}

/**
 * Fits a preprocessor over plain records: each numeric column is (optionally) log1p-transformed and
 * scaled, each categorical column one-hot encoded; returns the fitted model, the feature matrix and
 * its column names, ready for {@link fitKMeans}.
 *
 * @remarks O(n·p) for p output columns (robust scaling adds a sort per column). Equivalent to
 * scikit-learn's `ColumnTransformer` with a `FunctionTransformer(np.log1p)` + scaler pipeline per
 * numeric column and a dense `OneHotEncoder` per categorical one, output in `columns` order.
 * @see scikit-learn 1.2 `sklearn.compose.ColumnTransformer`
 * @throws {@link InvalidInputError} when a record is not an object, a numeric value is not a finite
 * number (strings are not parsed), a categorical value is not a string or finite number, or a
 * log1p value is ≤ −1
 * @throws {@link InvalidOptionError} on a missing or malformed `columns` list
 * @example
 * ```ts
 * import { fitPreprocessor } from 'crmkit/segment';
 * const { X, featureNames } = fitPreprocessor(
 *   [{ spend: 10, city: 'Lisbon' }, { spend: 30, city: 'Oporto' }],
 *   { columns: [{ name: 'spend', type: 'numeric' }, { name: 'city', type: 'categorical' }] },
 * );
 * featureNames; // => ['spend', 'city_Lisbon', 'city_Oporto']
 * X; // => [[-1, 1, 0], [1, 0, 1]]
 * ```
 * @category Preprocessing
 */
export function fitPreprocessor(records: readonly DataRecord[], options: FitPreprocessorOptions): FitPreprocessorResult {
  const o = checkOptions(FN, options, ['columns']);
  if (o.columns === undefined) throw new InvalidOptionError(FN, 'options.columns is required', undefined);
  const columns = checkSpecs(o.columns);
  const recs = arrayLike<DataRecord>(FN, 'records', records, 1);
  const n = recs.length;
  const steps: PreprocessorStep[] = [];
  const featureNames: string[] = [];
  for (const spec of columns) {
    if (spec.type === 'numeric') {
      const col = _numericColumn(FN, recs, spec.name, spec.log1p === true);
      const flat = { data: col, rows: n, cols: 1 };
      let scaler: ScalerModel | null;
      try {
        scaler = spec.scaler === 'standard' ? fitStandardScaler(flat) : spec.scaler === 'minMax' ? fitMinMaxScaler(flat) : spec.scaler === 'robust' ? fitRobustScaler(flat) : null;
      } catch (e) {
        rethrowAs(FN, e);
      }
      steps.push({ name: spec.name, type: 'numeric', log1p: spec.log1p === true, scaler });
      featureNames.push(spec.name);
    } else {
      let encoder: OneHotEncoderModel;
      try {
        encoder = fitOneHotEncoder(_categoryColumn(FN, recs, spec.name), {
          handleUnknown: spec.handleUnknown ?? 'error',
          drop: spec.drop ?? 'none',
          featureNames: [spec.name],
          ...(spec.minFrequency === undefined ? {} : { minFrequency: spec.minFrequency }),
          ...(spec.maxCategories === undefined ? {} : { maxCategories: spec.maxCategories }),
        });
      } catch (e) {
        rethrowAs(FN, e);
      }
      steps.push({ name: spec.name, type: 'categorical', encoder });
      featureNames.push(...encoder.featureNamesOut);
    }
  }
  const model: PreprocessorModel = { kind: 'preprocessor', formatVersion: 1, params: { columns }, steps, featureNames };
  return { model, X: _transformRecords(FN, steps, featureNames.length, recs), featureNames: featureNames.slice() };
}

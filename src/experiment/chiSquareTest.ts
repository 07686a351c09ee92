import { boolean as checkBoolean, matrix, options as checkOptions } from '../core/validate.js';
import { InvalidInputError } from '../core/errors.js';
import { chiSquareSf } from './_dist.js';

/** Options of {@link chiSquareTest}. @category Experiment */
export interface ChiSquareTestOptions {
  /** Yates' continuity correction, applied only when df = 1 (2×2 tables), as scipy does. @defaultValue true */
  correction?: boolean;
}

/** Result of {@link chiSquareTest} when every row and column total is positive. @category Experiment */
export interface ChiSquareTestDefined {
  defined: true;
  /** Pearson χ² (with Yates' correction when applied). */
  statistic: number;
  /** (rows − 1)(columns − 1). */
  df: number;
  pValue: number;
  /** Expected counts under independence, rowTotal·colTotal/N. */
  expected: number[][];
  /** Whether Yates' correction was applied. */
  corrected: boolean;
}

/**
 * Result of {@link chiSquareTest} when a row or column total is zero: the expected counts contain
 * zeros and the statistic is undefined (0/0). Nothing is tested; `reason` says which margin.
 * @category Experiment
 */
export interface ChiSquareTestUndefined {
  defined: false;
  reason: string;
  df: number;
  expected: number[][];
}

/** Result of {@link chiSquareTest}. @category Experiment */
export type ChiSquareTestResult = ChiSquareTestDefined | ChiSquareTestUndefined;

const FN = 'experiment/chiSquareTest';

/**
 * Pearson's χ² test of independence for an r×k contingency table (arms × outcomes), with Yates'
 * correction for 2×2 tables.
 *
 * @remarks Eᵢⱼ = Rᵢ·Cⱼ/N; χ² = Σ (Oᵢⱼ − Eᵢⱼ)²/Eᵢⱼ; with Yates (df = 1 only) each |O − E| shrinks
 * by min(0.5, |O − E|). p = P(χ²_df ≥ χ²). O(r·k). A zero row or column total gives the documented
 * `{ defined: false }` result instead of NaN (scipy raises). For 2×2 tables without correction the
 * statistic equals the pooled z statistic squared.
 * @see scipy `scipy.stats.chi2_contingency(table, correction)`
 * @throws {@link InvalidInputError} when the table is not rectangular, smaller than 2×2, or has negative / non-finite counts or counts above 2^53 − 1
 * @example
 * ```ts
 * import { chiSquareTest } from 'crmkit/experiment';
 * const r = chiSquareTest([[122, 21184], [189, 21198]], { correction: false });
 * r.defined && r.statistic.toFixed(4); // => '14.2851'
 * chiSquareTest([[0, 10], [0, 12]]).defined; // => false
 * ```
 * @category Experiment
 */
export function chiSquareTest(table: readonly (readonly number[])[], options?: ChiSquareTestOptions): ChiSquareTestResult {
  const o = checkOptions(FN, options, ['correction']);
  const correction = o.correction === undefined ? true : checkBoolean(FN, 'options.correction', o.correction);
  const m = matrix(FN, 'table', table, { minRows: 2, minCols: 2 });
  const { rows, cols, data } = m;
  const rowSum = new Float64Array(rows);
  const colSum = new Float64Array(cols);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = data[i * cols + j]!;
      // counts beyond 2^53 are not counts (and their products overflow into a NaN statistic)
      if (v < 0 || v > Number.MAX_SAFE_INTEGER) throw new InvalidInputError(FN, `table[${i}][${j}] must be a non-negative count at most 2^53 − 1`, v);
      rowSum[i] = rowSum[i]! + v;
      colSum[j] = colSum[j]! + v;
      total += v;
    }
  }
  const df = (rows - 1) * (cols - 1);
  const expected: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: number[] = [];
    for (let j = 0; j < cols; j++) row.push(total > 0 ? (rowSum[i]! * colSum[j]!) / total : 0);
    expected.push(row);
  }
  for (let i = 0; i < rows; i++) {
    if (rowSum[i] === 0) return { defined: false, reason: `row ${i} has a zero total`, df, expected };
  }
  for (let j = 0; j < cols; j++) {
    if (colSum[j] === 0) return { defined: false, reason: `column ${j} has a zero total`, df, expected };
  }
  const corrected = correction && df === 1;
  let statistic = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const e = expected[i]![j]!;
      let d = Math.abs(data[i * cols + j]! - e);
      if (corrected) d -= Math.min(0.5, d);
      statistic += (d * d) / e;
    }
  }
  return { defined: true, statistic, df, pValue: chiSquareSf(statistic, df), expected, corrected };
}

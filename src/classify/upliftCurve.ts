import { chartSpec, CHART_OPTION_NAMES, type ChartOptions, type VegaLiteSpec } from '../core/chart.js';
import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import * as v from '../core/validate.js';
import type { Label } from './_common.js';
import { descendingOrder, normalizedArea, qiniPoints, upliftCounts, upliftInputs, upliftPoints, type CurvePoints } from './_uplift.js';

/** Options of the uplift metrics ({@link upliftCurve}, {@link qiniCurve}, {@link upliftAuc}, …). */
export interface UpliftMetricOptions {
  /** The outcome label that counts as a response; the binary-metric rule applies (1 or `true` by default). @defaultValue 1 / true */
  posLabel?: Label;
}

/** Points of an uplift or Qini curve, starting at (0, 0): one point per distinct score. */
export interface UpliftCurveResult {
  /** Rows targeted, best-ranked first (x axis). */
  nTargeted: number[];
  /** Curve value at each point (y axis): incremental responders. */
  value: number[];
}

function toResult(p: CurvePoints): UpliftCurveResult {
  return { nTargeted: p.x, value: p.y };
}

/**
 * The uplift curve: targeting the `n` rows with the highest predicted uplift, the response rate
 * difference between treated and control rows among them, times `n` (incremental responders).
 *
 * @remarks At each distinct score (descending), with cumulative treated/control counts N_T, N_C and
 * responders Y_T, Y_C: `(Y_T/N_T − Y_C/N_C) · (N_T + N_C)`, a rate taken as 0 for an empty group.
 * Tied scores form one point, so row order within ties does not matter. O(n log n). This is
 * scikit-uplift 0.5's `uplift_curve`, reimplemented independently in `scripts/reference/classify_uplift.py`.
 * @see scikit-uplift `sklift.metrics.uplift_curve`; Gutierrez & Gérardy, "Causal Inference and Uplift Modeling" (2016)
 * @throws {@link InvalidInputError} when yTrue is not binary, uplift holds NaN/Infinity, or treatment is not 0/1 with both groups
 * @throws {@link DimensionMismatchError} when the three arrays differ in length
 * @example
 * ```ts
 * import { upliftCurve } from 'crmkit/classify';
 * upliftCurve([1, 0, 1, 0], [0.9, 0.5, 0.3, 0.1], [1, 1, 0, 0]);
 * // => { nTargeted: [0, 1, 2, 3, 4], value: [0, 1, 1, -1.5, 0] }
 * ```
 * @category Uplift
 */
export function upliftCurve(yTrue: readonly Label[], uplift: readonly number[] | Float64Array, treatment: readonly (0 | 1 | boolean)[], options?: UpliftMetricOptions): UpliftCurveResult {
  const fn = 'classify/upliftCurve';
  const o = v.options(fn, options, ['posLabel']);
  const { y, s, t } = upliftInputs(fn, yTrue, uplift, treatment, o.posLabel);
  return toResult(upliftPoints(upliftCounts(y, s, t)));
}

/**
 * The Qini curve (Radcliffe 2007): targeting the `n` best-ranked rows, treated responders minus
 * control responders scaled to the treated count, `Y_T − Y_C · N_T / N_C`.
 *
 * @remarks One point per distinct score (descending), starting at (0, 0); O(n log n). This is
 * scikit-uplift 0.5's `qini_curve`, checked against an independent numpy implementation.
 * @see scikit-uplift `sklift.metrics.qini_curve`; N. Radcliffe, "Using control groups to target on predicted lift" (2007)
 * @throws {@link InvalidInputError} when yTrue is not binary, uplift holds NaN/Infinity, or treatment is not 0/1 with both groups
 * @throws {@link DimensionMismatchError} when the three arrays differ in length
 * @example
 * ```ts
 * import { qiniCurve } from 'crmkit/classify';
 * qiniCurve([1, 0, 1, 0], [0.9, 0.5, 0.3, 0.1], [1, 1, 0, 0]);
 * // => { nTargeted: [0, 1, 2, 3, 4], value: [0, 1, 1, -1, 0] }
 * ```
 * @category Uplift
 */
export function qiniCurve(yTrue: readonly Label[], uplift: readonly number[] | Float64Array, treatment: readonly (0 | 1 | boolean)[], options?: UpliftMetricOptions): UpliftCurveResult {
  const fn = 'classify/qiniCurve';
  const o = v.options(fn, options, ['posLabel']);
  const { y, s, t } = upliftInputs(fn, yTrue, uplift, treatment, o.posLabel);
  return toResult(qiniPoints(upliftCounts(y, s, t)));
}

/** The best possible Qini curve: treated responders first, control responders last (negative effects allowed). */
function perfectQini(y: Float64Array, t: Uint8Array): CurvePoints {
  const perfect = Float64Array.from(y, (yi, i) => (t[i] === 1 ? yi : -yi));
  return qiniPoints(upliftCounts(y, perfect, t));
}

/** scikit-uplift's perfect uplift ranking. */
function perfectUplift(y: Float64Array, t: Uint8Array): CurvePoints {
  let controlResponders = 0;
  let treatedNonResponders = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1 && t[i] === 0) controlResponders++;
    if (y[i] === 0 && t[i] === 1) treatedNonResponders++;
  }
  const useY = controlResponders > treatedNonResponders;
  const perfect = Float64Array.from(y, (yi, i) => 2 * (yi === t[i] ? 1 : 0) + (useY ? yi : t[i]!));
  return upliftPoints(upliftCounts(y, perfect, t));
}

/**
 * The Qini coefficient: the area between the Qini curve and the random-targeting line, as a share of
 * the same area under the perfect Qini curve (1 = perfect ranking, 0 = random, negative = worse
 * than random).
 *
 * @remarks Areas by the trapezoidal rule over the curve points; the random line joins (0, 0) to the
 * perfect curve's end point. The perfect curve ranks treated responders first and control
 * responders last (scikit-uplift's `negative_effect=True`). This is scikit-uplift 0.5's
 * `qini_auc_score`; O(n log n).
 * @see scikit-uplift `sklift.metrics.qini_auc_score`; Radcliffe (2007); Diemert et al., "A Large Scale Benchmark for Uplift Modeling" (2018)
 * @throws {@link InvalidInputError} on the inputs {@link qiniCurve} rejects, or when there is nothing to rank (no responders)
 * @example
 * ```ts
 * import { qiniCoefficient } from 'crmkit/classify';
 * qiniCoefficient([1, 0, 1, 0], [0.9, 0.5, 0.3, 0.1], [1, 1, 0, 0]); // => 0.3333333333333333
 * ```
 * @category Uplift
 */
export function qiniCoefficient(yTrue: readonly Label[], uplift: readonly number[] | Float64Array, treatment: readonly (0 | 1 | boolean)[], options?: UpliftMetricOptions): number {
  const fn = 'classify/qiniCoefficient';
  const o = v.options(fn, options, ['posLabel']);
  const { y, s, t } = upliftInputs(fn, yTrue, uplift, treatment, o.posLabel);
  return normalizedArea(fn, qiniPoints(upliftCounts(y, s, t)), perfectQini(y, t));
}

/**
 * Area under the uplift curve (AUUC), normalized like {@link qiniCoefficient}: the area between the
 * uplift curve and the random line, as a share of the perfect ranking's.
 *
 * @remarks scikit-uplift 0.5's `uplift_auc_score`, including its perfect ranking
 * `2·[y = t] + (y if control responders outnumber treated non-responders, else t)`. O(n log n).
 * @see scikit-uplift `sklift.metrics.uplift_auc_score`
 * @throws {@link InvalidInputError} on the inputs {@link upliftCurve} rejects, or when there is nothing to rank
 * @example
 * ```ts
 * import { upliftAuc } from 'crmkit/classify';
 * upliftAuc([1, 0, 1, 0], [0.9, 0.5, 0.3, 0.1], [1, 1, 0, 0]); // => 0.1111111111111111
 * ```
 * @category Uplift
 */
export function upliftAuc(yTrue: readonly Label[], uplift: readonly number[] | Float64Array, treatment: readonly (0 | 1 | boolean)[], options?: UpliftMetricOptions): number {
  const fn = 'classify/upliftAuc';
  const o = v.options(fn, options, ['posLabel']);
  const { y, s, t } = upliftInputs(fn, yTrue, uplift, treatment, o.posLabel);
  return normalizedArea(fn, upliftPoints(upliftCounts(y, s, t)), perfectUplift(y, t));
}

/** Options of {@link upliftAtK}. */
export interface UpliftAtKOptions extends UpliftMetricOptions {
  /** Share of rows targeted, in (0, 1): the top ⌈k·n⌉ rows by score. @defaultValue 0.3 */
  k?: number;
}

/**
 * Uplift among the top-scored share `k` of the rows: response rate of the treated rows there minus
 * that of the control rows there (scikit-uplift's `uplift_at_k`, strategy `'overall'`).
 *
 * @remarks The top ⌈k·n⌉ rows in numpy's `argsort(kind='mergesort')[::-1]` order (ties: later rows
 * first), as scikit-uplift. O(n log n).
 * @see scikit-uplift `sklift.metrics.uplift_at_k`
 * @throws {@link InvalidInputError} when the top rows hold no treated or no control row (the rate is undefined)
 * @throws {@link InvalidOptionError} when k is not in (0, 1)
 * @example
 * ```ts
 * import { upliftAtK } from 'crmkit/classify';
 * upliftAtK([1, 0, 1, 0], [0.9, 0.5, 0.3, 0.1], [1, 0, 0, 1], { k: 0.5 }); // => 1
 * ```
 * @category Uplift
 */
export function upliftAtK(yTrue: readonly Label[], uplift: readonly number[] | Float64Array, treatment: readonly (0 | 1 | boolean)[], options?: UpliftAtKOptions): number {
  const fn = 'classify/upliftAtK';
  const o = v.options(fn, options, ['posLabel', 'k']);
  const k = o.k === undefined ? 0.3 : v.finiteNumber(fn, 'options.k', o.k);
  if (!(k > 0 && k < 1)) throw new InvalidOptionError(fn, 'options.k must be a share of the rows in (0, 1)', o.k);
  const { y, s, t } = upliftInputs(fn, yTrue, uplift, treatment, o.posLabel);
  const order = descendingOrder(s);
  const top = Math.ceil(y.length * k);
  let nT = 0;
  let nC = 0;
  let yT = 0;
  let yC = 0;
  for (let r = 0; r < top; r++) {
    const i = order[r]!;
    if (t[i] === 1) {
      nT++;
      yT += y[i]!;
    } else {
      nC++;
      yC += y[i]!;
    }
  }
  if (nT === 0 || nC === 0) throw new InvalidInputError(fn, `the top ${top} rows hold no ${nT === 0 ? 'treated' : 'control'} row, so their uplift is undefined`, top);
  return yT / nT - yC / nC;
}

/** One band of {@link upliftByDecile}. */
export interface UpliftBandRow {
  /** 1 = the best-scored band. */
  band: number;
  /** Rows in the band. */
  n: number;
  nTreated: number;
  nControl: number;
  /** Response rate of the band's treated rows; `null` when the band has none. */
  responseRateTreated: number | null;
  /** Response rate of the band's control rows; `null` when the band has none. */
  responseRateControl: number | null;
  /** responseRateTreated − responseRateControl; `null` when either is. */
  uplift: number | null;
  /** Mean predicted uplift of the band's rows. */
  meanScore: number;
}

/** Options of {@link upliftByDecile}. */
export interface UpliftByDecileOptions extends UpliftMetricOptions {
  /** Number of bands of (almost) equal size, best-scored first. @defaultValue 10 */
  bins?: number;
}

/**
 * Observed uplift by band of predicted uplift (deciles by default): the table that shows whether
 * the top-ranked customers really respond more to the campaign than the bottom ones.
 *
 * @remarks Rows sorted by descending score (numpy's stable order, reversed) and cut into `bins`
 * consecutive bands as `numpy.array_split` does (the first n mod bins bands one row larger), as
 * scikit-uplift's `uplift_by_percentile(strategy='overall')`. A band without treated or control rows
 * reports `null` rates instead of NaN. O(n log n).
 * @see scikit-uplift `sklift.metrics.uplift_by_percentile`
 * @throws {@link InvalidOptionError} when bins is not an integer in [1, n]
 * @example
 * ```ts
 * import { upliftByDecile } from 'crmkit/classify';
 * upliftByDecile([1, 0, 0, 0], [0.9, 0.8, 0.2, 0.1], [1, 0, 1, 0], { bins: 2 }).map((b) => b.uplift);
 * // => [1, 0]
 * ```
 * @category Uplift
 */
export function upliftByDecile(yTrue: readonly Label[], uplift: readonly number[] | Float64Array, treatment: readonly (0 | 1 | boolean)[], options?: UpliftByDecileOptions): UpliftBandRow[] {
  const fn = 'classify/upliftByDecile';
  const o = v.options(fn, options, ['posLabel', 'bins']);
  const { y, s, t } = upliftInputs(fn, yTrue, uplift, treatment, o.posLabel);
  const n = y.length;
  const bins = o.bins === undefined ? Math.min(10, n) : v.integerInRange(fn, 'options.bins', o.bins, { min: 1, max: n });
  const order = descendingOrder(s);
  const base = Math.floor(n / bins);
  const extra = n % bins;
  const out: UpliftBandRow[] = [];
  let r = 0;
  for (let b = 0; b < bins; b++) {
    const size = base + (b < extra ? 1 : 0);
    let nT = 0;
    let yT = 0;
    let yC = 0;
    let sum = 0;
    for (let j = 0; j < size; j++, r++) {
      const i = order[r]!;
      sum += s[i]! / size;
      if (t[i] === 1) {
        nT++;
        yT += y[i]!;
      } else yC += y[i]!;
    }
    const nC = size - nT;
    const rt = nT > 0 ? yT / nT : null;
    const rc = nC > 0 ? yC / nC : null;
    out.push({ band: b + 1, n: size, nTreated: nT, nControl: nC, responseRateTreated: rt, responseRateControl: rc, uplift: rt === null || rc === null ? null : rt - rc, meanScore: sum });
  }
  return out;
}

/** Options of {@link qiniChart}. */
export interface QiniChartOptions extends ChartOptions, UpliftMetricOptions {}

/**
 * A Vega-Lite chart of Qini curves: one line per model beside the random-targeting line and the
 * perfect ranking, x = share of customers targeted, y = incremental responders.
 *
 * @remarks Each model's scores are turned into a Qini curve ({@link qiniCurve}); the legend gives
 * each model's Qini coefficient. The data rows are plain JSON (`model`, `shareTargeted`,
 * `nTargeted`, `incrementalResponders`). O(m · n log n) for m models.
 * @throws {@link InvalidInputError} when `scores` is not a non-empty record of score arrays, or on the inputs {@link qiniCurve} rejects
 * @example
 * ```ts
 * import { qiniChart } from 'crmkit/classify';
 * const spec = qiniChart([1, 0, 1, 0], { model: [0.9, 0.5, 0.3, 0.1] }, [1, 1, 0, 0]);
 * [spec.mark === undefined, spec.data?.values.length];
 * // => [true, 11]
 * ```
 * @category Uplift
 */
export function qiniChart(
  yTrue: readonly Label[],
  scoresByModel: Readonly<Record<string, readonly number[] | Float64Array>>,
  treatment: readonly (0 | 1 | boolean)[],
  options?: QiniChartOptions,
): VegaLiteSpec {
  const fn = 'classify/qiniChart';
  const o = v.options(fn, options, ['posLabel', ...CHART_OPTION_NAMES]);
  if (typeof scoresByModel !== 'object' || scoresByModel === null || Array.isArray(scoresByModel) || scoresByModel instanceof Map) {
    throw new InvalidInputError(fn, 'scores must be a record of model name → uplift scores', scoresByModel);
  }
  const names = Object.keys(scoresByModel);
  if (names.length === 0 || names.length > 20) throw new InvalidInputError(fn, 'scores must name between 1 and 20 models', names.length);
  const rows: Record<string, unknown>[] = [];
  let perfect: CurvePoints | null = null;
  let total = 0;
  const legend: string[] = [];
  for (const name of names) {
    const { y, s, t } = upliftInputs(fn, yTrue, scoresByModel[name], treatment, o.posLabel);
    total = y.length;
    perfect ??= perfectQini(y, t);
    const curve = qiniPoints(upliftCounts(y, s, t));
    const label = `${name} (Qini ${normalizedArea(fn, curve, perfect).toFixed(3)})`;
    legend.push(label);
    curve.x.forEach((x, k) => rows.push({ model: label, shareTargeted: x / total, nTargeted: x, incrementalResponders: curve.y[k]! }));
  }
  const p = perfect!;
  const end = p.y[p.y.length - 1]!;
  rows.push({ model: 'random', shareTargeted: 0, nTargeted: 0, incrementalResponders: 0 }, { model: 'random', shareTargeted: 1, nTargeted: total, incrementalResponders: end });
  p.x.forEach((x, k) => rows.push({ model: 'perfect', shareTargeted: x / total, nTargeted: x, incrementalResponders: p.y[k]! }));
  const { posLabel: _pos, ...chartOptions } = o as Record<string, unknown>;
  void _pos;
  return chartSpec(
    fn,
    {
      data: { values: rows },
      layer: [
        {
          mark: { type: 'line', interpolate: 'linear' },
          encoding: {
            x: { field: 'shareTargeted', type: 'quantitative', title: 'Share of customers targeted (best predicted uplift first)', axis: { format: '%' } },
            y: { field: 'incrementalResponders', type: 'quantitative', title: 'Incremental responders (Qini)' },
            color: { field: 'model', type: 'nominal', title: null, sort: [...legend, 'random', 'perfect'] },
            strokeDash: { condition: { test: "datum.model === 'random' || datum.model === 'perfect'", value: [4, 4] }, value: [1, 0] },
          },
        },
      ],
    },
    { title: 'Qini curve: incremental responders by share targeted', width: 480, height: 300 },
    chartOptions as ChartOptions,
  );
}

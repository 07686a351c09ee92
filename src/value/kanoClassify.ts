import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { arrayLike, options as checkOptions } from '../core/validate.js';
import { accessor, type Accessor } from './_rows.js';

/** A Kano category: attractive (A), one-dimensional (O), must-be (M), indifferent (I), reverse (R), questionable (Q). */
export type KanoCategory = 'attractive' | 'oneDimensional' | 'mustBe' | 'indifferent' | 'reverse' | 'questionable';

/** One feature of {@link kanoClassify}: where its functional and dysfunctional answers are. */
export interface KanoFeature<Row> {
  name: string;
  /** Answer to "How do you feel if the product has this feature?" */
  functional: Accessor<Row, unknown>;
  /** Answer to "How do you feel if it does not?" */
  dysfunctional: Accessor<Row, unknown>;
}

/** Options of {@link kanoClassify}. */
export interface KanoClassifyOptions<Row> {
  /** The features asked about. Required. */
  features: readonly KanoFeature<Row>[];
}

/** The classification of one feature. */
export interface KanoFeatureResult {
  feature: string;
  /** Respondents who answered both questions. */
  n: number;
  /** Respondents who skipped either question (null, undefined or ''). */
  missing: number;
  counts: Record<KanoCategory, number>;
  /** The most frequent category; ties go to the first in the order must-be > one-dimensional > attractive > indifferent > reverse > questionable. */
  dominant: KanoCategory;
  /** Whether another category had the same count as `dominant`. */
  tied: boolean;
  /** Berger et al.'s satisfaction coefficient (A + O)/(A + O + M + I), in [0, 1]; null when A + O + M + I = 0. */
  better: number | null;
  /** Berger et al.'s dissatisfaction coefficient −(O + M)/(A + O + M + I), in [−1, 0]; null when A + O + M + I = 0. */
  worse: number | null;
}

/** Result of {@link kanoClassify}: one entry per feature, in the order given. */
export interface KanoClassifyResult {
  features: KanoFeatureResult[];
}

const ANSWERS = ['like', 'mustBe', 'neutral', 'liveWith', 'dislike'] as const;
const C: readonly KanoCategory[] = ['attractive', 'oneDimensional', 'mustBe', 'indifferent', 'reverse', 'questionable'];
// Kano evaluation table (Berger et al. 1993, Table 2): rows = functional answer, columns = dysfunctional
// answer, both in the order like, must-be, neutral, live-with, dislike. Letters index C.
const TABLE = ['QAAAO', 'RIIIM', 'RIIIM', 'RIIIM', 'RRRRQ'].map((row) => [...row].map((ch) => 'AOMIRQ'.indexOf(ch)));
const TIE_ORDER = [2, 1, 0, 3, 4, 5]; // M > O > A > I > R > Q

/**
 * Kano classification of features from paired functional / dysfunctional survey answers: per feature
 * the category counts, the dominant category and Berger et al.'s better / worse coefficients.
 *
 * @remarks Answers on the standard 5-point scale, as 1–5 or names: 1 `'like'` (I like it), 2 `'mustBe'`
 * (I expect it), 3 `'neutral'`, 4 `'liveWith'` (I can tolerate it), 5 `'dislike'`. Each pair maps to a
 * category by the Kano evaluation table: like/dislike → one-dimensional; like/(must-be, neutral,
 * live-with) → attractive; (must-be, neutral, live-with)/dislike → must-be; the middle 3×3 block →
 * indifferent; dislike functional or like dysfunctional (other than the two contradictions) → reverse;
 * like/like and dislike/dislike → questionable. The dominant category is the mode, ties broken by
 * M > O > A > I (Berger et al.'s "must-be first" evaluation rule) then R, Q. O(respondents × features).
 * @see Berger, Blauth, Boger et al. (1993), "Kano's methods for understanding customer-defined quality",
 * *Center for Quality of Management Journal* 2(4), pp. 3–36 (evaluation table and the
 * satisfaction/dissatisfaction coefficients); Kano et al. (1984).
 * @throws {@link InvalidInputError} on a row that is not an object, or an answer that is not 1–5 or an answer name
 * @throws {@link InvalidOptionError} on missing, unnamed or duplicate features
 * @example
 * ```ts
 * import { kanoClassify } from 'crmkit/value';
 * const answers = [
 *   { wifiF: 1, wifiD: 5, spaF: 1, spaD: 3 },
 *   { wifiF: 2, wifiD: 5, spaF: 1, spaD: 4 },
 *   { wifiF: 1, wifiD: 5, spaF: 3, spaD: 3 },
 * ];
 * const k = kanoClassify(answers, { features: [
 *   { name: 'wifi', functional: 'wifiF', dysfunctional: 'wifiD' },
 *   { name: 'spa', functional: 'spaF', dysfunctional: 'spaD' },
 * ] });
 * k.features.map((f) => [f.feature, f.dominant, f.better?.toFixed(2), f.worse?.toFixed(2)]);
 * // => [['wifi', 'oneDimensional', '0.67', '-1.00'], ['spa', 'attractive', '0.67', '0.00']]
 * ```
 * @category Satisfaction
 */
export function kanoClassify<Row>(responses: readonly Row[], options: KanoClassifyOptions<Row>): KanoClassifyResult {
  const fn = 'value/kanoClassify';
  const opts = checkOptions(fn, options, ['features']);
  if (opts.features === undefined) throw new InvalidOptionError(fn, 'options.features is required', undefined);
  const feats = arrayLike<KanoFeature<Row>>(fn, 'options.features', opts.features, 1);
  const seen = new Set<string>();
  const getters: { name: string; f: (r: Row, i: number) => unknown; d: (r: Row, i: number) => unknown }[] = [];
  for (let k = 0; k < feats.length; k++) {
    const ft = feats[k];
    if (ft === null || typeof ft !== 'object' || typeof ft.name !== 'string' || ft.name === '') throw new InvalidOptionError(fn, `options.features[${k}] must be { name, functional, dysfunctional }`, ft);
    if (seen.has(ft.name)) throw new InvalidOptionError(fn, `options.features[${k}].name repeats an earlier feature`, ft.name);
    seen.add(ft.name);
    getters.push({ name: ft.name, f: accessor(fn, `options.features[${k}].functional`, ft.functional), d: accessor(fn, `options.features[${k}].dysfunctional`, ft.dysfunctional) });
  }
  const rows = arrayLike<Row>(fn, 'responses', responses);
  const counts = getters.map(() => new Array<number>(6).fill(0));
  const missing = new Array<number>(getters.length).fill(0);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row === null || typeof row !== 'object') throw new InvalidInputError(fn, `responses[${i}] must be an object`, row);
    for (let k = 0; k < getters.length; k++) {
      const g = getters[k]!;
      const a = answer(fn, i, g.name, 'functional', g.f(row, i));
      const b = answer(fn, i, g.name, 'dysfunctional', g.d(row, i));
      if (a < 0 || b < 0) {
        missing[k]!++;
        continue;
      }
      counts[k]![TABLE[a]![b]!]!++;
    }
  }
  return {
    features: getters.map((g, k) => {
      const c = counts[k]!;
      let best = TIE_ORDER[0]!;
      for (const j of TIE_ORDER) if (c[j]! > c[best]!) best = j;
      const tied = TIE_ORDER.some((j) => j !== best && c[j] === c[best]);
      const [A, O, M, I] = c as [number, number, number, number];
      const denom = A + O + M + I;
      const n = c.reduce((s, v) => s + v, 0);
      return {
        feature: g.name,
        n,
        missing: missing[k]!,
        counts: Object.fromEntries(C.map((name, j) => [name, c[j]!])) as Record<KanoCategory, number>,
        dominant: C[best]!,
        tied,
        better: denom === 0 ? null : (A + O) / denom,
        worse: denom === 0 ? null : -(O + M) / denom || 0,
      };
    }),
  };
}

/** Answer index 0–4, or −1 when skipped. */
function answer(fn: string, i: number, feature: string, which: string, v: unknown): number {
  if (v === undefined || v === null || v === '') return -1;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5) return v - 1;
  const k = typeof v === 'string' ? (ANSWERS as readonly string[]).indexOf(v) : -1;
  if (k >= 0) return k;
  throw new InvalidInputError(fn, `responses[${i}]: the ${which} answer for '${feature}' must be 1–5 or one of ${ANSWERS.map((a) => `'${a}'`).join(', ')}`, v);
}

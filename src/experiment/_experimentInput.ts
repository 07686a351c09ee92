/**
 * Reading the input of analyzeExperiment: the metric specifications, and per-arm statistics from raw
 * rows (one Welford pass) or from SQL summaries, into one shape the metric analyzers share.
 *
 * @internal
 * @module
 */
import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { arrayLike, boolean as checkBoolean, integerInRange, numberInRange, oneOf, options as checkOptions, string as checkString } from '../core/validate.js';
import { cancellationWarning, centredSquares, checkMeanInput, checkProportion, isObject, SUMS_NOISE } from './_common.js';

/** A validated metric of analyzeExperiment. */
export interface MetricSpec {
  name: string;
  type: 'binomial' | 'mean' | 'ratio';
  /** Rows: the value column (binomial / mean). */
  column: string;
  higherIsBetter: boolean;
  /** Rows: the covariate column for CUPED; summaries: CUPED on (the summaries carry the covariate sums). */
  covariate: string | undefined;
  cuped: boolean;
  /** Guardrail: must not get significantly worse; outside the correction family of the goal metrics. */
  guardrail: boolean;
  /** Rows, ratio metrics: the numerator and denominator columns. */
  numerator: string;
  denominator: string;
}

/**
 * One metric in one arm: n, mean and centred sum of squares of the value x (the metric, or the
 * numerator of a ratio), and, with a second variable y (the CUPED covariate or the ratio's
 * denominator), its mean, centred sum of squares and the centred cross-product.
 */
export interface MetricStats {
  n: number;
  mx: number;
  sxx: number;
  my: number;
  syy: number;
  sxy: number;
  /** Binomial metrics: Σx (conversions). */
  conversions: number;
  /** Set when the centred sums from SQL were lost to cancellation (their upper bound is used). */
  lost: boolean;
  /** Ratio metrics from sums: Σ(x − R·y)² computed without centring (or its rounding bound when lost); −1 otherwise. */
  residual: number;
}

/** One arm: its name, users assigned and per-metric statistics in metric order. */
export interface ArmStats {
  name: string;
  users: number;
  metrics: MetricStats[];
}

/** One level of a dimension (a country, a device): users and per-metric statistics of each arm, in arm order. */
export interface LevelStats {
  level: string;
  /** Users per arm (0 for an arm absent from the level). */
  users: number[];
  /** [arm][metric]. */
  metrics: MetricStats[][];
}

/** Per-level statistics of one dimension, levels in first-seen order. */
export interface DimensionStats {
  name: string;
  levels: LevelStats[];
}

/** The level a raw dimension value belongs to: strings as they are, numbers and booleans as text, null / undefined / '' as '(missing)'. */
function levelKey(fn: string, v: unknown, r: number, column: string): string {
  if (typeof v === 'string') return v === '' ? '(missing)' : v;
  if (v === null || v === undefined) return '(missing)';
  if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return String(v);
  throw new InvalidInputError(fn, `input.rows[${r}].${column} must be a string, finite number, boolean, null or undefined dimension level`, v);
}

/** Adds one user's x (and y when `hasY`) to running Welford moments; n is the count after adding. */
function addValue(s: MetricStats, n: number, x: number, y: number, hasY: boolean, binomial: boolean): void {
  if (binomial) s.conversions += x;
  s.n = n;
  const dx = x - s.mx;
  s.mx += dx / n;
  s.sxx += dx * (x - s.mx);
  if (hasY) {
    const dy = y - s.my;
    s.my += dy / n;
    s.syy += dy * (y - s.my);
    s.sxy += dx * (y - s.my);
  }
}

/**
 * Statistics of two disjoint groups of users as one (Chan et al.'s pairwise update of means and
 * centred co-moments). A ratio's residual is then taken from the centred moments.
 */
export function mergeStats(a: MetricStats, b: MetricStats): MetricStats {
  if (b.n === 0) return { ...a };
  if (a.n === 0) return { ...b };
  const n = a.n + b.n;
  const f = (a.n * b.n) / n;
  const dx = b.mx - a.mx;
  const dy = b.my - a.my;
  return {
    n,
    mx: a.mx + (dx * b.n) / n,
    my: a.my + (dy * b.n) / n,
    sxx: a.sxx + b.sxx + dx * dx * f,
    syy: a.syy + b.syy + dy * dy * f,
    sxy: a.sxy + b.sxy + dx * dy * f,
    conversions: a.conversions + b.conversions,
    lost: a.lost || b.lost,
    residual: -1,
  };
}

/** Validates `options.metrics`. */
export function readMetrics(fn: string, list: unknown): MetricSpec[] {
  const mlist = arrayLike<unknown>(fn, 'options.metrics', list, 1);
  const metrics: MetricSpec[] = [];
  const names = new Set<string>();
  for (let i = 0; i < mlist.length; i++) {
    const m = mlist[i];
    const at = `options.metrics[${i}]`;
    if (!isObject(m)) throw new InvalidOptionError(fn, `${at} must be an object { name, type }`, m);
    checkOptions(fn, m as object, ['name', 'type', 'column', 'higherIsBetter', 'inverse', 'covariate', 'cuped', 'numerator', 'denominator', 'guardrail']);
    const name = checkString(fn, `${at}.name`, m.name);
    if (names.has(name)) throw new InvalidOptionError(fn, `options.metrics has '${name}' twice`, name);
    names.add(name);
    const type = oneOf(fn, `${at}.type`, m.type, ['binomial', 'mean', 'ratio'] as const);
    let higherIsBetter = m.higherIsBetter === undefined ? true : checkBoolean(fn, `${at}.higherIsBetter`, m.higherIsBetter);
    if (m.inverse !== undefined) {
      const inverse = checkBoolean(fn, `${at}.inverse`, m.inverse);
      if (m.higherIsBetter !== undefined && inverse === higherIsBetter) {
        throw new InvalidOptionError(fn, `${at}.inverse contradicts ${at}.higherIsBetter`, m.inverse);
      }
      higherIsBetter = !inverse;
    }
    const covariate = m.covariate === undefined ? undefined : checkString(fn, `${at}.covariate`, m.covariate);
    const cuped = m.cuped === undefined ? covariate !== undefined : checkBoolean(fn, `${at}.cuped`, m.cuped);
    if (type === 'ratio' && (cuped || covariate !== undefined)) {
      throw new InvalidOptionError(fn, `${at}: CUPED is available for mean and binomial metrics only`, name);
    }
    const guardrail = m.guardrail === undefined ? false : checkBoolean(fn, `${at}.guardrail`, m.guardrail);
    if (guardrail && i === 0) throw new InvalidOptionError(fn, 'options.metrics[0] is the primary metric and cannot be a guardrail', name);
    metrics.push({
      name,
      type,
      guardrail,
      column: m.column === undefined ? name : checkString(fn, `${at}.column`, m.column),
      higherIsBetter,
      covariate,
      cuped,
      numerator: m.numerator === undefined ? `${name}_numerator` : checkString(fn, `${at}.numerator`, m.numerator),
      denominator: m.denominator === undefined ? `${name}_denominator` : checkString(fn, `${at}.denominator`, m.denominator),
    });
  }
  return metrics;
}

/**
 * Whether `s` is a decimal number: [+-] digits [. digits] [e [+-] digits], at least one digit before
 * the exponent (so no '0x10', '0b1', 'Infinity', '1_000' or ''). One linear scan, no regex.
 */
export function isDecimal(s: string): boolean {
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 43 || c === 45) c = s.charCodeAt(++i);
  let digits = 0;
  while (c >= 48 && c <= 57) {
    digits++;
    c = s.charCodeAt(++i);
  }
  if (c === 46) {
    c = s.charCodeAt(++i);
    while (c >= 48 && c <= 57) {
      digits++;
      c = s.charCodeAt(++i);
    }
  }
  if (digits === 0) return false;
  if (c === 101 || c === 69) {
    c = s.charCodeAt(++i);
    if (c === 43 || c === 45) c = s.charCodeAt(++i);
    let e = 0;
    while (c >= 48 && c <= 57) {
      e++;
      c = s.charCodeAt(++i);
    }
    if (e === 0) return false;
  }
  return i === n;
}

function toNumber(fn: string, v: unknown, r: number, column: string): number {
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return v;
  } else if (typeof v === 'string') {
    if (v.length > 0 && isDecimal(v)) {
      const x = +v; // fast path for plain decimal CSV cells
      if (x !== Infinity && x !== -Infinity) return x;
    }
    const s = v.trim();
    const low = s.toLowerCase();
    if (low === 'true') return 1;
    if (low === 'false') return 0;
    if (isDecimal(s)) {
      const x = Number(s);
      if (Number.isFinite(x)) return x;
    }
  } else if (typeof v === 'boolean') {
    return v ? 1 : 0;
  }
  throw new InvalidInputError(fn, `input.rows[${r}].${column} must be a finite number, a boolean, or a decimal-notation / 'true' / 'false' string`, v);
}

const emptyStats = (): MetricStats => ({ n: 0, mx: 0, sxx: 0, my: 0, syy: 0, sxy: 0, conversions: 0, lost: false, residual: -1 });

/**
 * Per-arm statistics from raw rows in one pass (Welford means and co-moments per arm and metric), and
 * the same per level of each dimension column. O(rows × metrics × (1 + dimensions)).
 */
export function readRows(
  fn: string,
  rows: unknown,
  armColumn: string,
  metrics: readonly MetricSpec[],
  dimensionColumns: readonly string[] = [],
): { arms: ArmStats[]; dimensions: DimensionStats[] } {
  const list = arrayLike<unknown>(fn, 'input.rows', rows, 1);
  const index = new Map<string, number>();
  const k = metrics.length;
  const xCol = metrics.map((m) => (m.type === 'ratio' ? m.numerator : m.column));
  const yCol = metrics.map((m) => (m.type === 'ratio' ? m.denominator : m.cuped ? m.covariate : undefined));
  for (const m of metrics) {
    if (m.cuped && m.covariate === undefined) throw new InvalidOptionError(fn, `metric '${m.name}': raw rows need options.metrics[].covariate (the covariate column) for CUPED`, m.name);
  }
  const isBinomial = metrics.map((m) => m.type === 'binomial');
  const hasY = yCol.map((c) => c !== undefined);
  const xs = new Float64Array(k);
  const ys = new Float64Array(k);
  const arms: ArmStats[] = [];
  const dims = dimensionColumns.map((col) => ({ col, map: new Map<string, LevelStats>() }));
  for (let r = 0; r < list.length; r++) {
    const row = list[r] as Record<string, unknown>;
    if (row === null || typeof row !== 'object') throw new InvalidInputError(fn, `input.rows[${r}] must be an object`, row);
    const a = row[armColumn];
    if (typeof a !== 'string' && typeof a !== 'number') {
      throw new InvalidInputError(fn, `input.rows[${r}].${armColumn} must be a string or number arm label`, a);
    }
    const key = typeof a === 'string' ? a : String(a);
    let ai = index.get(key);
    if (ai === undefined) {
      ai = arms.length;
      index.set(key, ai);
      arms.push({ name: key, users: 0, metrics: metrics.map(emptyStats) });
    }
    for (let j = 0; j < k; j++) {
      const v = row[xCol[j]!];
      const x = typeof v === 'number' && Number.isFinite(v) ? v : toNumber(fn, v, r, xCol[j]!); // message built only on error
      if (isBinomial[j] && x !== 0 && x !== 1) throw new InvalidInputError(fn, `input.rows[${r}].${xCol[j]} must be 0 or 1 for binomial metric '${metrics[j]!.name}'`, x);
      xs[j] = x;
      const yc = yCol[j];
      if (yc !== undefined) {
        const w = row[yc];
        ys[j] = typeof w === 'number' && Number.isFinite(w) ? w : toNumber(fn, w, r, yc);
      }
    }
    const acc = arms[ai]!;
    const n = ++acc.users;
    for (let j = 0; j < k; j++) addValue(acc.metrics[j]!, n, xs[j]!, ys[j]!, hasY[j]!, isBinomial[j]!);
    for (const d of dims) {
      const lk = levelKey(fn, row[d.col], r, d.col);
      let ls = d.map.get(lk);
      if (ls === undefined) {
        ls = { level: lk, users: [], metrics: [] };
        d.map.set(lk, ls);
      }
      while (ls.users.length <= ai) {
        ls.users.push(0);
        ls.metrics.push(metrics.map(emptyStats));
      }
      const ln = ++ls.users[ai]!;
      const lm = ls.metrics[ai]!;
      for (let j = 0; j < k; j++) addValue(lm[j]!, ln, xs[j]!, ys[j]!, hasY[j]!, isBinomial[j]!);
    }
  }
  const dimensions = dims.map((d) => {
    const levels = [...d.map.values()];
    for (const ls of levels) {
      while (ls.users.length < arms.length) {
        ls.users.push(0);
        ls.metrics.push(metrics.map(emptyStats));
      }
    }
    return { name: d.col, levels };
  });
  return { arms, dimensions };
}

const has = (o: Record<string, unknown>, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Per-arm statistics from summaries: binomial `{ conversions }`, mean `{ n?, mean, sd }` or
 * `{ n?, sum, sumSquares }`, CUPED (mean or binomial) `{ n?, sum, sumSquares, covariateSum,
 * covariateSumSquares, sumProducts }` (binomial: sum = conversions, and sumSquares may be omitted),
 * ratio `{ n?, sumNumerator, sumDenominator, sumNumeratorSquares, sumDenominatorSquares, sumProducts }`.
 * n defaults to the arm's users. Impossible sums throw; cancelled ones are flagged and warned.
 */
export function readSummaries(fn: string, summaries: unknown, metrics: readonly MetricSpec[], warnings: string[]): ArmStats[] {
  const list = arrayLike<unknown>(fn, 'input.summaries', summaries, 2);
  const arms: ArmStats[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (!isObject(s)) throw new InvalidInputError(fn, `input.summaries[${i}] must be an object { arm, users, metrics }`, s);
    const name = checkString(fn, `input.summaries[${i}].arm`, s.arm);
    if (seen.has(name)) throw new InvalidInputError(fn, `input.summaries has arm '${name}' twice`, name);
    seen.add(name);
    const users = integerInRange(fn, `input.summaries[${i}].users`, s.users, { min: 1, max: Number.MAX_SAFE_INTEGER });
    if (!isObject(s.metrics)) throw new InvalidInputError(fn, `input.summaries[${i}].metrics must be an object keyed by metric name`, s.metrics);
    const stats: MetricStats[] = [];
    for (const m of metrics) {
      const v = has(s.metrics, m.name) ? s.metrics[m.name] : undefined;
      const where = `input.summaries[${i}].metrics.${m.name}`;
      if (!isObject(v)) throw new InvalidInputError(fn, `${where} must be an object`, v);
      stats.push(readMetricSummary(fn, where, m, v, users, warnings));
    }
    arms.push({ name, users, metrics: stats });
  }
  return arms;
}

function num(fn: string, where: string, v: Record<string, unknown>, key: string, min?: number): number {
  if (!has(v, key)) throw new InvalidInputError(fn, `${where}.${key} is missing`, v);
  return numberInRange(fn, `${where}.${key}`, v[key], min === undefined ? {} : { min });
}

function readMetricSummary(fn: string, where: string, m: MetricSpec, v: Record<string, unknown>, users: number, warnings: string[]): MetricStats {
  const st = emptyStats();
  const n = v.n === undefined ? users : integerInRange(fn, `${where}.n`, v.n, { min: 1, max: Number.MAX_SAFE_INTEGER });
  st.n = n;
  if (m.type === 'ratio') {
    const sx = num(fn, where, v, 'sumNumerator');
    const sy = num(fn, where, v, 'sumDenominator');
    const sxx = num(fn, where, v, 'sumNumeratorSquares', 0);
    const syy = num(fn, where, v, 'sumDenominatorSquares', 0);
    const sxy = num(fn, where, v, 'sumProducts');
    const cx = centredSquares(fn, `${where} numerator`, n, sx, sxx);
    const cy = centredSquares(fn, `${where} denominator`, n, sy, syy);
    st.mx = sx / n;
    st.my = sy / n;
    st.sxx = cx.ss;
    st.syy = cy.ss;
    st.sxy = sxy - sx * st.my;
    if (st.my === 0) throw new InvalidInputError(fn, `${where}: the denominators sum to 0; the ratio is undefined`, sy);
    const r = st.mx / st.my;
    const residual = sxx - 2 * r * sxy + r * r * syy;
    const bound = SUMS_NOISE * (sxx + 2 * Math.abs(r * sxy) + r * r * syy);
    if (residual < -bound) throw new InvalidInputError(fn, `${where}: the sums imply a negative variance of the ratio (sumProducts breaks Cauchy–Schwarz)`, sxy);
    st.residual = Math.max(0, residual);
    if (bound > 0 && residual < bound) {
      warnings.push(cancellationWarning(`${where} ratio`, bound));
      st.lost = true;
      st.residual = bound;
    }
    return st;
  }
  if (m.type === 'binomial' && !m.cuped) {
    const p = checkProportion(fn, where, { n, conversions: v.conversions });
    st.conversions = p.conversions;
    st.mx = p.conversions / n;
    st.sxx = p.conversions - p.conversions * st.mx; // Σ(x − x̄)² of 0/1 values
    return st;
  }
  if (!m.cuped) {
    const mo = checkMeanInput(fn, where, { ...v, n }, 1, warnings);
    st.mx = mo.mean;
    st.sxx = mo.variance * (n - 1);
    return st;
  }
  // CUPED sums: the exact field names the SQL produces
  const sum = m.type === 'binomial' && !has(v, 'sum') && has(v, 'conversions') ? num(fn, where, v, 'conversions', 0) : num(fn, where, v, 'sum');
  const sumSquares = m.type === 'binomial' && !has(v, 'sumSquares') ? sum : num(fn, where, v, 'sumSquares', 0);
  if (m.type === 'binomial') st.conversions = checkProportion(fn, where, { n, conversions: sum }).conversions;
  const sx2 = num(fn, where, v, 'covariateSum');
  const sxx2 = num(fn, where, v, 'covariateSumSquares', 0);
  const sp = num(fn, where, v, 'sumProducts');
  const cy = centredSquares(fn, where, n, sum, sumSquares);
  const cx = centredSquares(fn, `${where} covariate`, n, sx2, sxx2);
  for (const [c, label] of [[cy, where], [cx, `${where} covariate`]] as const) {
    if (c.lost) {
      warnings.push(cancellationWarning(label, c.bound));
      st.lost = true;
    }
  }
  st.mx = sum / n;
  st.sxx = cy.lost ? cy.bound : cy.ss;
  st.my = sx2 / n;
  st.syy = cx.ss;
  st.sxy = sp - sum * st.my;
  if (st.sxy * st.sxy > st.sxx * st.syy * (1 + 1e-9) + SUMS_NOISE * (sumSquares * sxx2)) {
    throw new InvalidInputError(fn, `${where}.sumProducts implies a correlation above 1 between the metric and its covariate, which no data can produce`, sp);
  }
  return st;
}

/**
 * Per-level statistics from `input.breakdown`: rows `{ dimension, level, arm, users, metrics }` with the
 * same metric summaries as `input.summaries` (what SQL grouped by arm and a dimension produces).
 * Every listed dimension must appear; arms must be arms of the summaries; (dimension, level, arm) is unique.
 */
export function readBreakdown(
  fn: string,
  rows: unknown,
  arms: readonly ArmStats[],
  metrics: readonly MetricSpec[],
  dimensionNames: readonly string[],
  warnings: string[],
): DimensionStats[] {
  if (rows === undefined) {
    if (dimensionNames.length > 0) throw new InvalidInputError(fn, 'options.dimensions with summaries needs input.breakdown (per dimension, level and arm)', rows);
    return [];
  }
  const list = arrayLike<unknown>(fn, 'input.breakdown', rows);
  const armIndex = new Map(arms.map((a, i) => [a.name, i]));
  const dims = new Map<string, Map<string, LevelStats>>(dimensionNames.map((d) => [d, new Map()]));
  for (let i = 0; i < list.length; i++) {
    const b = list[i];
    const at = `input.breakdown[${i}]`;
    if (!isObject(b)) throw new InvalidInputError(fn, `${at} must be an object { dimension, level, arm, users, metrics }`, b);
    const dimension = checkString(fn, `${at}.dimension`, b.dimension);
    const map = dims.get(dimension);
    if (map === undefined) throw new InvalidInputError(fn, `${at}.dimension must be one of options.dimensions (${dimensionNames.join(', ')})`, dimension);
    const level = checkString(fn, `${at}.level`, b.level);
    const arm = checkString(fn, `${at}.arm`, b.arm);
    const ai = armIndex.get(arm);
    if (ai === undefined) throw new InvalidInputError(fn, `${at}.arm must name an arm of input.summaries`, arm);
    const users = integerInRange(fn, `${at}.users`, b.users, { min: 1, max: Number.MAX_SAFE_INTEGER });
    if (!isObject(b.metrics)) throw new InvalidInputError(fn, `${at}.metrics must be an object keyed by metric name`, b.metrics);
    let ls = map.get(level);
    if (ls === undefined) {
      ls = { level, users: arms.map(() => 0), metrics: arms.map(() => metrics.map(emptyStats)) };
      map.set(level, ls);
    }
    if (ls.users[ai]! > 0) throw new InvalidInputError(fn, `input.breakdown has dimension '${dimension}', level '${level}', arm '${arm}' twice`, level);
    ls.users[ai] = users;
    ls.metrics[ai] = metrics.map((m) => {
      const v = has(b.metrics as Record<string, unknown>, m.name) ? (b.metrics as Record<string, unknown>)[m.name] : undefined;
      const where = `${at}.metrics.${m.name}`;
      if (!isObject(v)) throw new InvalidInputError(fn, `${where} must be an object`, v);
      return readMetricSummary(fn, where, m, v, users, warnings);
    });
  }
  return dimensionNames.map((name) => {
    const levels = [...dims.get(name)!.values()];
    if (levels.length === 0) throw new InvalidInputError(fn, `input.breakdown has no rows for dimension '${name}'`, name);
    return { name, levels };
  });
}

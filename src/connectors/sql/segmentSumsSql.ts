import { InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import { arrayLike, options as checkOptions } from '../../core/validate.js';
import { add, countArg, dialectOption, doubleSql, engineOption, finiteSql, key, keyed, num, quoteIdentifier, recordArg, rowsArg, statement, sumArg, tableReference, textType } from './_sql.js';
import type { SqlDialect, SqlRow, SqlStatement } from './types.js';

/** Options of {@link segmentSumsSql}. @category SQL */
export interface SegmentSumsSqlOptions {
  /** A table with one row per customer (or item) and its segment. */
  table: string | readonly string[];
  /** Column of the segment (cluster label, read as text). */
  segment: string;
  /** Feature columns to profile. */
  features: readonly string[];
  /** @defaultValue 'duckdb' */
  dialect?: SqlDialect;
}

/** One segment's profile sums: n, and per feature Σx and Σx² (in the order of `features`). @category SQL */
export interface SegmentSums {
  n: number;
  sums: number[];
  sumSquares: number[];
}

/** The statement of {@link segmentSumsSql}. @category SQL */
export interface SegmentSumsSql {
  statement: SqlStatement;
  features: string[];
}

/**
 * SQL for per-segment feature sums, the sufficient statistics of k-means cluster profiles: the
 * size of each segment and Σx, Σx² of every feature (means = Σx / n, variances from Σx²).
 *
 * @remarks Result columns are `segment`, `n`, `sum_0 … sum_{m−1}`, `sum_squares_0 …` (by feature
 * position, so any column names work) and `bad_rows` (rows with a NULL segment or a NULL /
 * unreadable / non-finite feature), on which {@link readSegmentSums} throws. Shards merge by
 * addition ({@link mergeSegmentSums}), whatever the sharding.
 * @throws {@link InvalidOptionError} on a missing or malformed option, or no features
 * @example
 * ```ts
 * import { segmentSumsSql } from 'crmkit/connectors';
 * segmentSumsSql({ table: 'customers', segment: 'cluster', features: ['recency', 'spend'] }).statement.columns;
 * // => ['segment', 'n', 'sum_0', 'sum_1', 'sum_squares_0', 'sum_squares_1', 'bad_rows']
 * ```
 * @category SQL
 */
export function segmentSumsSql(options: SegmentSumsSqlOptions): SegmentSumsSql {
  return segmentSumsSqlFor('connectors/segmentSumsSql', options);
}

/** segmentSumsSql naming the public function `fn` in its errors. @internal */
export function segmentSumsSqlFor(fn: string, options: SegmentSumsSqlOptions): SegmentSumsSql {
  const o = checkOptions(fn, options, ['table', 'segment', 'features', 'dialect']);
  for (const k of ['table', 'segment', 'features'] as const) if (o[k] === undefined) throw new InvalidOptionError(fn, `options.${k} is required`, undefined);
  const dialect = dialectOption(fn, o.dialect);
  const table = tableReference(fn, o.table);
  const seg = quoteIdentifier(fn, 'options.segment', o.segment);
  const feats = Array.from(arrayLike<unknown>(fn, 'options.features', o.features, 1), (f, i) => quoteIdentifier(fn, `options.features[${i}]`, f));
  const m = feats.length;
  const idx = Array.from({ length: m }, (_, j) => j);
  const text = textType(dialect);
  const sql = [
    `SELECT segment, COUNT(*) AS n, ${idx.map((j) => `SUM(x${j}) AS sum_${j}`).join(', ')}, ${idx.map((j) => `SUM(x${j} * x${j}) AS sum_squares_${j}`).join(', ')},`,
    `  SUM(CASE WHEN segment IS NOT NULL AND ${idx.map((j) => finiteSql(`x${j}`)).join(' AND ')} THEN 0 ELSE 1 END) AS bad_rows`,
    `FROM (SELECT CAST(${seg} AS ${text}) AS segment, ${feats.map((f, j) => `${doubleSql(dialect, f)} AS x${j}`).join(', ')} FROM ${table}) AS rows_`,
    'GROUP BY segment ORDER BY segment',
  ].join('\n');
  return {
    statement: statement(sql, [], ['segment', 'n', ...idx.map((j) => `sum_${j}`), ...idx.map((j) => `sum_squares_${j}`), 'bad_rows']),
    features: (o.features as readonly string[]).slice(),
  };
}

/**
 * Reads the rows of a {@link segmentSumsSql} statement into sums keyed by segment.
 * @throws {@link InvalidInputError} naming the columns and engine when rows have bad values
 * @example
 * ```ts
 * import { readSegmentSums, segmentSumsSql } from 'crmkit/connectors';
 * const q = segmentSumsSql({ table: 't', segment: 'k', features: ['x'] });
 * readSegmentSums(q, [{ segment: '0', n: 2, sum_0: 3, sum_squares_0: 5, bad_rows: 0 }]); // => { '0': { n: 2, sums: [3], sumSquares: [5] } }
 * ```
 * @category SQL
 */
export function readSegmentSums(sql: SegmentSumsSql, rows: readonly SqlRow[], options: { engine?: string } = {}): Record<string, SegmentSums> {
  return readSegmentSumsFor('connectors/readSegmentSums', sql, rows, options);
}

/** readSegmentSums naming the public function `fn` in its errors. @internal */
export function readSegmentSumsFor(fn: string, sql: SegmentSumsSql, rows: readonly SqlRow[], options: { engine?: string } = {}): Record<string, SegmentSums> {
  const q = recordArg(fn, 'sql', sql);
  if (!Array.isArray(q['features']) || !q['features'].every((f) => typeof f === 'string') || q['statement'] === null || typeof q['statement'] !== 'object') throw new InvalidInputError(fn, 'sql must be what segmentSumsSql returns', sql);
  const engine = engineOption(fn, options);
  const out = keyed<SegmentSums>();
  const m = sql.features.length;
  for (const r of rowsArg(fn, 'rows', rows)) {
    const bad = num(fn, r, 'bad_rows', true);
    if (bad > 0) throw new InvalidInputError(fn, `${bad} rows have a NULL segment or a NULL / unreadable / non-finite value in one of the columns ${sql.features.map((f) => `"${f}"`).join(', ')} (engine: ${engine})`, bad);
    out[key(fn, r, 'segment')] = {
      n: num(fn, r, 'n'),
      sums: Array.from({ length: m }, (_, j) => num(fn, r, `sum_${j}`)),
      sumSquares: Array.from({ length: m }, (_, j) => num(fn, r, `sum_squares_${j}`)),
    };
  }
  return out;
}

/**
 * Adds the per-segment sums of two shards.
 * @example
 * ```ts
 * import { mergeSegmentSums } from 'crmkit/connectors';
 * mergeSegmentSums({ a: { n: 1, sums: [2], sumSquares: [4] } }, { a: { n: 2, sums: [1], sumSquares: [1] } }); // => { a: { n: 3, sums: [3], sumSquares: [5] } }
 * ```
 * @category SQL
 */
export function mergeSegmentSums(a: Record<string, SegmentSums>, b: Record<string, SegmentSums>): Record<string, SegmentSums> {
  const fn = 'connectors/mergeSegmentSums';
  const out = keyed<SegmentSums>();
  let width = -1;
  const read = (name: string, x: unknown): [string, SegmentSums][] =>
    Object.entries(recordArg(fn, name, x)).map(([k, v]) => {
      const path = `${name}[${JSON.stringify(k).slice(0, 40)}]`;
      const o = recordArg(fn, path, v);
      const sums = o['sums'];
      const sq = o['sumSquares'];
      if (!Array.isArray(sums) || !Array.isArray(sq) || sums.length !== sq.length) throw new InvalidInputError(fn, `${path}.sums and .sumSquares must be arrays of the same length`, o);
      if (width >= 0 && sums.length !== width) throw new InvalidInputError(fn, `${path} has ${sums.length} features, others ${width}`, sums.length);
      width = sums.length;
      return [k, { n: countArg(fn, `${path}.n`, o['n']), sums: sums.map((s, j) => sumArg(fn, `${path}.sums[${j}]`, s)), sumSquares: sq.map((s, j) => sumArg(fn, `${path}.sumSquares[${j}]`, s)) }];
    });
  for (const [k, v] of read('a', a)) out[k] = v;
  for (const [k, v] of read('b', b)) {
    const x = out[k];
    if (x === undefined) out[k] = v;
    else {
      x.n = add(fn, `${k}.n`, x.n, v.n);
      v.sums.forEach((s, j) => (x.sums[j] = add(fn, `${k}.sums[${j}]`, x.sums[j]!, s)));
      v.sumSquares.forEach((s, j) => (x.sumSquares[j] = add(fn, `${k}.sumSquares[${j}]`, x.sumSquares[j]!, s)));
    }
  }
  return out;
}

import { InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import { boolean, options as checkOptions } from '../../core/validate.js';
import { add, builtArg, countArg, dialectOption, doubleSql, engineOption, finiteSql, key, num, quoteIdentifier, recordArg, rowsArg, statement, sumArg, tableReference, textType } from './_sql.js';
import type { SqlDialect, SqlRow, SqlStatement } from './types.js';

/** Options of {@link edgeListSql}. @category SQL */
export interface EdgeListSqlOptions {
  /** A table of interactions (replies, mentions, messages): one row each. */
  table: string | readonly string[];
  /** Column of the acting node. */
  source: string;
  /** Column of the node acted on. */
  target: string;
  /** Column of the interaction's weight; without it each row weighs 1. */
  weight?: string;
  /** Merge a→b and b→a into one edge, keyed by the smaller id (code-point order) first. @defaultValue false */
  undirected?: boolean;
  /** Keep rows whose source equals their target. @defaultValue false */
  selfLoops?: boolean;
  /** @defaultValue 'duckdb' */
  dialect?: SqlDialect;
}

/** One de-duplicated edge: summed weight and the number of rows merged into it. @category SQL */
export interface WeightedEdge {
  source: string;
  target: string;
  weight: number;
  count: number;
}

/** The statement of {@link edgeListSql}. @category SQL */
export interface EdgeListSql {
  statement: SqlStatement;
  columns: { source: string; target: string; weight: string | null };
}

/**
 * SQL for a weighted, de-duplicated edge list of an interaction graph: one row per (source, target)
 * pair with the summed weight and the number of interactions.
 *
 * @remarks Node ids are read as text. Undirected edges are keyed (smaller, larger) in code-point
 * order (PostgreSQL compares with `COLLATE "C"`, DuckDB's default is binary), so the key does not
 * depend on the server's locale. Self-loops are dropped unless `selfLoops`. Rows with a NULL id or a
 * NULL / non-finite weight are counted in `bad_rows` (one value repeated on every edge row, and on a
 * lone row when no edge is left) and {@link readEdgeList} throws on them. Shards merge by adding
 * weights and counts per key ({@link mergeEdgeList}), whatever the sharding.
 * @throws {@link InvalidOptionError} on a missing or malformed option
 * @example
 * ```ts
 * import { edgeListSql } from 'crmkit/connectors';
 * edgeListSql({ table: 'replies', source: 'author', target: 'replied_to', undirected: true }).statement.columns;
 * // => ['source', 'target', 'weight', 'count', 'bad_rows']
 * ```
 * @category SQL
 */
export function edgeListSql(options: EdgeListSqlOptions): EdgeListSql {
  return edgeListSqlFor('connectors/edgeListSql', options);
}

/** edgeListSql naming the public function `fn` in its errors. @internal */
export function edgeListSqlFor(fn: string, options: EdgeListSqlOptions): EdgeListSql {
  const o = checkOptions(fn, options, ['table', 'source', 'target', 'weight', 'undirected', 'selfLoops', 'dialect']);
  for (const k of ['table', 'source', 'target'] as const) if (o[k] === undefined) throw new InvalidOptionError(fn, `options.${k} is required`, undefined);
  const dialect = dialectOption(fn, o.dialect);
  const table = tableReference(fn, o.table);
  const s = quoteIdentifier(fn, 'options.source', o.source);
  const t = quoteIdentifier(fn, 'options.target', o.target);
  const w = o.weight === undefined ? null : doubleSql(dialect, quoteIdentifier(fn, 'options.weight', o.weight));
  const undirected = o.undirected === undefined ? false : boolean(fn, 'options.undirected', o.undirected);
  const loops = o.selfLoops === undefined ? false : boolean(fn, 'options.selfLoops', o.selfLoops);
  const text = textType(dialect);
  const c = dialect === 'postgres' ? ' COLLATE "C"' : '';
  const ends = undirected
    ? `CASE WHEN a${c} <= b${c} THEN a ELSE b END AS source, CASE WHEN a${c} <= b${c} THEN b ELSE a END AS target`
    : 'a AS source, b AS target';
  const okW = w === null ? 'TRUE' : finiteSql('w');
  const sql = [
    `WITH src AS (SELECT CAST(${s} AS ${text}) AS a, CAST(${t} AS ${text}) AS b, ${w ?? '1'} AS w FROM ${table}),`,
    `bad AS (SELECT COUNT(*) AS bad_rows FROM src WHERE a IS NULL OR b IS NULL OR NOT (${okW})),`,
    `edges AS (SELECT ${ends}, w FROM src WHERE a IS NOT NULL AND b IS NOT NULL AND ${okW}${loops ? '' : ' AND a <> b'}),`,
    'grouped AS (SELECT source, target, SUM(w) AS weight, COUNT(*) AS count FROM edges GROUP BY source, target)',
    'SELECT g.source, g.target, g.weight, g.count, bad.bad_rows FROM bad LEFT JOIN grouped AS g ON TRUE',
  ].join('\n');
  return { statement: statement(sql, [], ['source', 'target', 'weight', 'count', 'bad_rows']), columns: { source: o.source as string, target: o.target as string, weight: (o.weight as string | undefined) ?? null } };
}

/**
 * Reads the rows of an {@link edgeListSql} statement.
 * @throws {@link InvalidInputError} naming the columns and engine when rows have a NULL id or bad weight
 * @example
 * ```ts
 * import { edgeListSql, readEdgeList } from 'crmkit/connectors';
 * const q = edgeListSql({ table: 't', source: 's', target: 't' });
 * readEdgeList(q, [{ source: 'a', target: 'b', weight: 2, count: 2n, bad_rows: 0n }]); // => [{ source: 'a', target: 'b', weight: 2, count: 2 }]
 * ```
 * @category SQL
 */
export function readEdgeList(sql: EdgeListSql, rows: readonly SqlRow[], options: { engine?: string } = {}): WeightedEdge[] {
  return readEdgeListFor('connectors/readEdgeList', sql, rows, options);
}

/** readEdgeList naming the public function `fn` in its errors. @internal */
export function readEdgeListFor(fn: string, sql: EdgeListSql, rows: readonly SqlRow[], options: { engine?: string } = {}): WeightedEdge[] {
  builtArg(fn, sql, 'edgeListSql', ['statement'], ['source', 'target']);
  const engine = engineOption(fn, options);
  const out: WeightedEdge[] = [];
  for (const r of rowsArg(fn, 'rows', rows)) {
    const bad = num(fn, r, 'bad_rows', true);
    if (bad > 0) {
      const cols = [sql.columns.source, sql.columns.target, sql.columns.weight].filter((x) => typeof x === 'string').map((x) => `"${x}"`).join(' / ');
      throw new InvalidInputError(fn, `${bad} rows have a NULL id or a NULL / non-finite weight in column ${cols} (engine: ${engine})`, bad);
    }
    if (r.source === null || r.source === undefined) continue; // the lone row of an empty edge list
    out.push({ source: key(fn, r, 'source'), target: key(fn, r, 'target'), weight: num(fn, r, 'weight'), count: num(fn, r, 'count') });
  }
  out.sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : x.target > y.target ? 1 : 0));
  return out;
}

/**
 * Merges two edge lists by adding weight and count per (source, target); exact for any sharding.
 * @example
 * ```ts
 * import { mergeEdgeList } from 'crmkit/connectors';
 * mergeEdgeList([{ source: 'a', target: 'b', weight: 1, count: 1 }], [{ source: 'a', target: 'b', weight: 2, count: 1 }]);
 * // => [{ source: 'a', target: 'b', weight: 3, count: 2 }]
 * ```
 * @category SQL
 */
export function mergeEdgeList(a: readonly WeightedEdge[], b: readonly WeightedEdge[]): WeightedEdge[] {
  const fn = 'connectors/mergeEdgeList';
  const m = new Map<string, WeightedEdge>();
  for (const [name, list] of [['a', a], ['b', b]] as const) {
    if (!Array.isArray(list)) throw new InvalidInputError(fn, `${name} must be an edge list (an array of { source, target, weight, count })`, list);
    list.forEach((item: unknown, i) => {
      const e = recordArg(fn, `${name}[${i}]`, item);
      if (typeof e['source'] !== 'string' || typeof e['target'] !== 'string') throw new InvalidInputError(fn, `${name}[${i}].source and .target must be strings`, e);
      const edge: WeightedEdge = { source: e['source'], target: e['target'], weight: sumArg(fn, `${name}[${i}].weight`, e['weight']), count: countArg(fn, `${name}[${i}].count`, e['count']) };
      const k = `${edge.source.length}:${edge.source}${edge.target}`;
      const x = m.get(k);
      if (x === undefined) m.set(k, edge);
      else {
        x.weight = add(fn, 'weight', x.weight, edge.weight);
        x.count = add(fn, 'count', x.count, edge.count);
      }
    });
  }
  return [...m.values()].sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : x.target < y.target ? -1 : x.target > y.target ? 1 : 0));
}

import { InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import { options as checkOptions } from '../../core/validate.js';
import { add, builtArg, countArg, dialectOption, engineOption, key, num, quoteIdentifier, recordArg, rowsArg, statement, tableReference, textType } from './_sql.js';
import type { SqlDialect, SqlRow, SqlStatement } from './types.js';

/** Options of {@link termCountsSql}. @category SQL */
export interface TermCountsSqlOptions {
  /** A table of pre-tokenized text: one row per token occurrence. */
  table: string | readonly string[];
  /** Column of the document id. */
  document: string;
  /** Column of the token (term). */
  term: string;
  /** @defaultValue 'duckdb' */
  dialect?: SqlDialect;
}

/** The statements of {@link termCountsSql}. @category SQL */
export interface TermCountsSql {
  /** One row per term: `term`, `document_frequency` (documents holding it), `count` (occurrences). */
  terms: SqlStatement;
  /** One row: `documents` (distinct document ids) and `bad_rows` (NULL document or term). */
  documents: SqlStatement;
  columns: { document: string; term: string };
}

/** Document frequencies and total counts of every term, what text's `fitTfidf` learns from. @category SQL */
export interface TermCounts {
  /** Documents counted (those with at least one token row). */
  nDocuments: number;
  /** Per term: documents containing it and total occurrences. */
  terms: Record<string, { documentFrequency: number; count: number }>;
}

/**
 * SQL for TF-IDF's sufficient statistics on pre-tokenized text: each term's document frequency
 * and total count, and the number of documents.
 *
 * @remarks With text's `fitTfidf` on the same token lists (its pre-tokenized input, no stop words,
 * unigrams), the vocabulary is every term with minDf ≤ documentFrequency ≤ maxDf, `maxFeatures`
 * keeps the highest `count`, and idf = ln((1 + n) / (1 + df)) + 1 (smooth) or ln(n / df) + 1.
 * Documents without any token have no row here: pass their number along if they must count in n.
 * Shards add ({@link mergeTermCounts}) when each document lies wholly in one shard.
 * @throws {@link InvalidOptionError} on a missing or malformed option
 * @example
 * ```ts
 * import { termCountsSql } from 'crmkit/connectors';
 * termCountsSql({ table: 'tokens', document: 'post_id', term: 'token' }).terms.columns; // => ['term', 'document_frequency', 'count']
 * ```
 * @category SQL
 */
export function termCountsSql(options: TermCountsSqlOptions): TermCountsSql {
  return termCountsSqlFor('connectors/termCountsSql', options);
}

/** termCountsSql naming the public function `fn` in its errors. @internal */
export function termCountsSqlFor(fn: string, options: TermCountsSqlOptions): TermCountsSql {
  const o = checkOptions(fn, options, ['table', 'document', 'term', 'dialect']);
  for (const k of ['table', 'document', 'term'] as const) if (o[k] === undefined) throw new InvalidOptionError(fn, `options.${k} is required`, undefined);
  const dialect = dialectOption(fn, o.dialect);
  const table = tableReference(fn, o.table);
  const doc = quoteIdentifier(fn, 'options.document', o.document);
  const term = quoteIdentifier(fn, 'options.term', o.term);
  const text = textType(dialect);
  const terms = `SELECT CAST(${term} AS ${text}) AS term, COUNT(DISTINCT ${doc}) AS document_frequency, COUNT(*) AS count FROM ${table} WHERE ${doc} IS NOT NULL AND ${term} IS NOT NULL GROUP BY CAST(${term} AS ${text})`;
  const docs = `SELECT COUNT(DISTINCT ${doc}) AS documents, SUM(CASE WHEN ${doc} IS NULL OR ${term} IS NULL THEN 1 ELSE 0 END) AS bad_rows FROM ${table}`;
  return {
    terms: statement(terms, [], ['term', 'document_frequency', 'count']),
    documents: statement(docs, [], ['documents', 'bad_rows']),
    columns: { document: o.document as string, term: o.term as string },
  };
}

/**
 * Reads the rows of {@link termCountsSql}'s two statements.
 * @throws {@link InvalidInputError} naming the columns and engine when rows have a NULL document or term
 * @example
 * ```ts
 * import { readTermCounts, termCountsSql } from 'crmkit/connectors';
 * const q = termCountsSql({ table: 't', document: 'd', term: 'w' });
 * readTermCounts(q, [{ term: 'late', document_frequency: 2, count: 3 }], { documents: 3, bad_rows: 0 });
 * // => { nDocuments: 3, terms: { late: { documentFrequency: 2, count: 3 } } }
 * ```
 * @category SQL
 */
export function readTermCounts(sql: TermCountsSql, termRows: readonly SqlRow[], documentsRow: SqlRow, options: { engine?: string } = {}): TermCounts {
  return readTermCountsFor('connectors/readTermCounts', sql, termRows, documentsRow, options);
}

/** readTermCounts naming the public function `fn` in its errors. @internal */
export function readTermCountsFor(fn: string, sql: TermCountsSql, termRows: readonly SqlRow[], documentsRow: SqlRow, options: { engine?: string } = {}): TermCounts {
  builtArg(fn, sql, 'termCountsSql', ['terms', 'documents'], ['document', 'term']);
  const engine = engineOption(fn, options);
  recordArg(fn, 'documentsRow', documentsRow);
  const bad = num(fn, documentsRow, 'bad_rows', true);
  if (bad > 0) throw new InvalidInputError(fn, `${bad} rows have a NULL in column "${sql.columns.document}" or "${sql.columns.term}" (engine: ${engine})`, bad);
  const terms = new Map<string, { documentFrequency: number; count: number }>();
  for (const r of rowsArg(fn, 'termRows', termRows)) terms.set(key(fn, r, 'term'), { documentFrequency: num(fn, r, 'document_frequency'), count: num(fn, r, 'count') });
  return { nDocuments: num(fn, documentsRow, 'documents'), terms: Object.fromEntries(terms) };
}

/**
 * Adds the term counts of two shards; exact when every document lies wholly in one shard (a
 * document split across shards would be counted once per shard in n and in df).
 * @example
 * ```ts
 * import { mergeTermCounts } from 'crmkit/connectors';
 * const a = { nDocuments: 2, terms: { late: { documentFrequency: 1, count: 2 } } };
 * mergeTermCounts(a, a).terms.late; // => { documentFrequency: 2, count: 4 }
 * ```
 * @category SQL
 */
export function mergeTermCounts(a: TermCounts, b: TermCounts): TermCounts {
  const fn = 'connectors/mergeTermCounts';
  const read = (name: string, x: unknown): { n: number; terms: [string, { documentFrequency: number; count: number }][] } => {
    const o = recordArg(fn, name, x);
    return {
      n: countArg(fn, `${name}.nDocuments`, o['nDocuments']),
      terms: Object.entries(recordArg(fn, `${name}.terms`, o['terms'])).map(([t, v]) => {
        const path = `${name}.terms[${JSON.stringify(t).slice(0, 40)}]`;
        const c = recordArg(fn, path, v);
        return [t, { documentFrequency: countArg(fn, `${path}.documentFrequency`, c['documentFrequency']), count: countArg(fn, `${path}.count`, c['count']) }];
      }),
    };
  };
  const ra = read('a', a);
  const rb = read('b', b);
  const terms = new Map(ra.terms);
  for (const [t, v] of rb.terms) {
    const x = terms.get(t);
    if (x === undefined) terms.set(t, v);
    else {
      x.documentFrequency = add(fn, 'documentFrequency', x.documentFrequency, v.documentFrequency);
      x.count = add(fn, 'count', x.count, v.count);
    }
  }
  return { nDocuments: add(fn, 'nDocuments', ra.n, rb.n), terms: Object.fromEntries(terms) };
}

import { InvalidInputError, InvalidOptionError } from '../../core/errors.js';
import { options as checkOptions } from '../../core/validate.js';
import { add, builtArg, dialectOption, doubleSql, engineOption, finiteSql, key, keyed, keyedSums, num, quoteIdentifier, rowsArg, statement, tableReference, textType } from './_sql.js';
import type { SqlDialect, SqlRow, SqlStatement } from './types.js';

/**
 * Sums of one arm's metric and, with a covariate, the CUPED sums: structurally the summary
 * experiment's `cupedAdjust` accepts (`sumProducts` = Σ metric·covariate). Without a covariate the
 * covariate fields are 0.
 * @category SQL
 */
export interface ArmSums {
  n: number;
  sum: number;
  sumSquares: number;
  covariateSum: number;
  covariateSumSquares: number;
  sumProducts: number;
}

/** Sums of one arm of a ratio metric: structurally experiment's `RatioSums` (for `deltaMethodRatio`). @category SQL */
export interface RatioSums {
  n: number;
  sumNumerator: number;
  sumDenominator: number;
  sumNumeratorSquares: number;
  sumDenominatorSquares: number;
  sumProducts: number;
}

/** Options of {@link armSumsSql}. @category SQL */
export interface ArmSumsSqlOptions {
  /** The table of observations: a name or `[schema, table]`. */
  table: string | readonly string[];
  /** Column naming the arm (read as text). */
  arm: string;
  /** Column of the metric. */
  metric: string;
  /** Column of the pre-period covariate for CUPED. */
  covariate?: string;
  /** Column of the analysis unit (user): rows are first summed per (arm, unit), then the units are the observations. Without it every row is one observation. */
  unit?: string;
  /** @defaultValue 'duckdb' */
  dialect?: SqlDialect;
}

/** Options of {@link ratioSumsSql}. @category SQL */
export interface RatioSumsSqlOptions {
  table: string | readonly string[];
  arm: string;
  /** Column summed into the ratio's numerator (revenue, clicks). */
  numerator: string;
  /** Column summed into the denominator (sessions, views). */
  denominator: string;
  /** Column of the randomization unit; rows are first summed per (arm, unit). */
  unit?: string;
  /** @defaultValue 'duckdb' */
  dialect?: SqlDialect;
}

/** A per-arm statement and the column names it reads, for error messages. @category SQL */
export interface ArmSql {
  statement: SqlStatement;
  /** Source column of each summed value (`metric`, `covariate` or `numerator`, `denominator`). */
  columns: Record<string, string>;
}

const ARM_KEYS = ['table', 'arm', 'metric', 'covariate', 'unit', 'dialect'];
const RATIO_KEYS = ['table', 'arm', 'numerator', 'denominator', 'unit', 'dialect'];

function required(fn: string, o: Record<string, unknown>, names: readonly string[]): void {
  for (const k of names) if (o[k] === undefined) throw new InvalidOptionError(fn, `options.${k} is required`, undefined);
}

/** `SELECT arm, x, y FROM table` with values read as DOUBLE, optionally summed per (arm, unit). */
function source(fn: string, dialect: SqlDialect, o: Record<string, unknown>, values: readonly [string, string | undefined][]): string {
  const table = tableReference(fn, o.table);
  const arm = quoteIdentifier(fn, 'options.arm', o.arm);
  const cols = values.filter(([, c]) => c !== undefined).map(([alias, c]) => [alias, doubleSql(dialect, quoteIdentifier(fn, `options.${alias}`, c))] as const);
  const text = textType(dialect);
  if (o.unit === undefined) return `SELECT CAST(${arm} AS ${text}) AS arm, ${cols.map(([a, e]) => `${e} AS ${a}`).join(', ')} FROM ${table}`;
  const unit = quoteIdentifier(fn, 'options.unit', o.unit);
  // A NULL in any row of a unit makes the unit's sum NULL-flagged through the bad-row count below.
  return `SELECT arm, ${cols.map(([a]) => `CASE WHEN COUNT(*) = COUNT(${a}) THEN SUM(${a}) END AS ${a}`).join(', ')} FROM (SELECT CAST(${arm} AS ${text}) AS arm, ${unit} AS unit, ${cols.map(([a, e]) => `${e} AS ${a}`).join(', ')} FROM ${table}) AS rows_ GROUP BY arm, unit`;
}

/**
 * SQL for the per-arm sums of a continuous metric and its CUPED covariate: n, Σy, Σy², Σx, Σx², Σxy.
 *
 * @remarks Each arm's row also counts `bad_rows`: observations whose metric (or covariate) is NULL,
 * unreadable or not finite; {@link readArmSums} throws naming the column when any are found, since
 * a test on silently shortened arms would be wrong. With `unit`, rows are summed per (arm, unit)
 * first (a user's sessions into the user's total). Means and variances follow from the sums
 * (mean = Σy/n, var = (Σy² − n·mean²)/(n − 1)); for large, far-from-zero metrics center them
 * first, since the sums of squares lose digits. Sums of shards add ({@link mergeArmSums}) when no
 * unit spans two shards.
 * @throws {@link InvalidOptionError} on a missing or malformed option
 * @example
 * ```ts
 * import { armSumsSql } from 'crmkit/connectors';
 * const q = armSumsSql({ table: 'exposures', arm: 'variant', metric: 'revenue', covariate: 'revenue_before' });
 * q.statement.columns; // => ['arm', 'n', 'sum', 'sum_squares', 'covariate_sum', 'covariate_sum_squares', 'sum_products', 'bad_rows']
 * ```
 * @category SQL
 */
export function armSumsSql(options: ArmSumsSqlOptions): ArmSql {
  return armSumsSqlFor('connectors/armSumsSql', options);
}

/** armSumsSql naming the public function `fn` in its errors. @internal */
export function armSumsSqlFor(fn: string, options: ArmSumsSqlOptions): ArmSql {
  const o = checkOptions(fn, options, ARM_KEYS) as Record<string, unknown>;
  required(fn, o, ['table', 'arm', 'metric']);
  const dialect = dialectOption(fn, o.dialect);
  const hasX = o.covariate !== undefined;
  const src = source(fn, dialect, o, [['metric', o.metric as string], ['covariate', o.covariate as string | undefined]]);
  const ok = hasX ? `${finiteSql('metric')} AND ${finiteSql('covariate')}` : finiteSql('metric');
  const zero = '0';
  const text = [
    `SELECT arm, COUNT(*) AS n, SUM(metric) AS sum, SUM(metric * metric) AS sum_squares,`,
    `  ${hasX ? 'SUM(covariate)' : zero} AS covariate_sum, ${hasX ? 'SUM(covariate * covariate)' : zero} AS covariate_sum_squares, ${hasX ? 'SUM(metric * covariate)' : zero} AS sum_products,`,
    `  SUM(CASE WHEN ${ok} THEN 0 ELSE 1 END) AS bad_rows`,
    `FROM (${src}) AS obs GROUP BY arm ORDER BY arm`,
  ].join('\n');
  const columns: Record<string, string> = { metric: o.metric as string };
  if (hasX) columns.covariate = o.covariate as string;
  return { statement: statement(text, [], ['arm', 'n', 'sum', 'sum_squares', 'covariate_sum', 'covariate_sum_squares', 'sum_products', 'bad_rows']), columns };
}

/**
 * SQL for the per-arm sums of a ratio metric (Σ numerator / Σ denominator over units): n, the two
 * sums, their squares and the cross-product, as experiment's `deltaMethodRatio` takes them.
 *
 * @remarks As {@link armSumsSql}: `bad_rows` counts units with a NULL / unreadable / non-finite
 * value, and {@link readRatioSums} throws on them; with `unit`, rows are summed per unit first.
 * @throws {@link InvalidOptionError} on a missing or malformed option
 * @example
 * ```ts
 * import { ratioSumsSql } from 'crmkit/connectors';
 * ratioSumsSql({ table: 'sessions', arm: 'variant', numerator: 'revenue', denominator: 'visits', unit: 'user_id' }).statement.columns.length; // => 8
 * ```
 * @category SQL
 */
export function ratioSumsSql(options: RatioSumsSqlOptions): ArmSql {
  return ratioSumsSqlFor('connectors/ratioSumsSql', options);
}

/** ratioSumsSql naming the public function `fn` in its errors. @internal */
export function ratioSumsSqlFor(fn: string, options: RatioSumsSqlOptions): ArmSql {
  const o = checkOptions(fn, options, RATIO_KEYS) as Record<string, unknown>;
  required(fn, o, ['table', 'arm', 'numerator', 'denominator']);
  const dialect = dialectOption(fn, o.dialect);
  const src = source(fn, dialect, o, [['numerator', o.numerator as string], ['denominator', o.denominator as string]]);
  const text = [
    'SELECT arm, COUNT(*) AS n, SUM(numerator) AS sum_numerator, SUM(denominator) AS sum_denominator,',
    '  SUM(numerator * numerator) AS sum_numerator_squares, SUM(denominator * denominator) AS sum_denominator_squares, SUM(numerator * denominator) AS sum_products,',
    `  SUM(CASE WHEN ${finiteSql('numerator')} AND ${finiteSql('denominator')} THEN 0 ELSE 1 END) AS bad_rows`,
    `FROM (${src}) AS obs GROUP BY arm ORDER BY arm`,
  ].join('\n');
  return {
    statement: statement(text, [], ['arm', 'n', 'sum_numerator', 'sum_denominator', 'sum_numerator_squares', 'sum_denominator_squares', 'sum_products', 'bad_rows']),
    columns: { numerator: o.numerator as string, denominator: o.denominator as string },
  };
}

function checkBad(fn: string, sql: ArmSql, r: SqlRow, arm: string, engine: string): void {
  const bad = num(fn, r, 'bad_rows', true);
  if (bad > 0) {
    const cols = Object.values(sql.columns).map((c) => `"${c}"`).join(' / ');
    throw new InvalidInputError(fn, `${bad} observations of arm ${JSON.stringify(arm).slice(0, 40)} have a NULL, unreadable or non-finite value in column ${cols} (engine: ${engine})`, bad);
  }
}

/**
 * Reads the rows of an {@link armSumsSql} statement into sums keyed by arm.
 * @throws {@link InvalidInputError} naming the columns and engine when an arm has bad values
 * @example
 * ```ts
 * import { armSumsSql, readArmSums } from 'crmkit/connectors';
 * const q = armSumsSql({ table: 't', arm: 'arm', metric: 'y' });
 * readArmSums(q, [{ arm: 'B', n: 2n, sum: 3, sum_squares: 5, covariate_sum: 0, covariate_sum_squares: 0, sum_products: 0, bad_rows: 0n }]);
 * // => { B: { n: 2, sum: 3, sumSquares: 5, covariateSum: 0, covariateSumSquares: 0, sumProducts: 0 } }
 * ```
 * @category SQL
 */
export function readArmSums(sql: ArmSql, rows: readonly SqlRow[], options: { engine?: string } = {}): Record<string, ArmSums> {
  return readArmSumsFor('connectors/readArmSums', sql, rows, options);
}

/** readArmSums naming the public function `fn` in its errors. @internal */
export function readArmSumsFor(fn: string, sql: ArmSql, rows: readonly SqlRow[], options: { engine?: string } = {}): Record<string, ArmSums> {
  builtArg(fn, sql, 'armSumsSql', ['statement'], ['metric']);
  const engine = engineOption(fn, options);
  const out = keyed<ArmSums>();
  for (const r of rowsArg(fn, 'rows', rows)) {
    const arm = key(fn, r, 'arm');
    checkBad(fn, sql, r, arm, engine);
    out[arm] = {
      n: num(fn, r, 'n'),
      sum: num(fn, r, 'sum', true),
      sumSquares: num(fn, r, 'sum_squares', true),
      covariateSum: num(fn, r, 'covariate_sum', true),
      covariateSumSquares: num(fn, r, 'covariate_sum_squares', true),
      sumProducts: num(fn, r, 'sum_products', true),
    };
  }
  return out;
}

/**
 * Reads the rows of a {@link ratioSumsSql} statement into `RatioSums` keyed by arm.
 * @throws {@link InvalidInputError} naming the columns and engine when an arm has bad values
 * @example
 * ```ts
 * import { ratioSumsSql, readRatioSums } from 'crmkit/connectors';
 * const q = ratioSumsSql({ table: 't', arm: 'arm', numerator: 'rev', denominator: 'visits' });
 * readRatioSums(q, [{ arm: 'A', n: 2, sum_numerator: 3, sum_denominator: 4, sum_numerator_squares: 5, sum_denominator_squares: 8, sum_products: 6, bad_rows: 0 }]).A!.sumProducts; // => 6
 * ```
 * @category SQL
 */
export function readRatioSums(sql: ArmSql, rows: readonly SqlRow[], options: { engine?: string } = {}): Record<string, RatioSums> {
  return readRatioSumsFor('connectors/readRatioSums', sql, rows, options);
}

/** readRatioSums naming the public function `fn` in its errors. @internal */
export function readRatioSumsFor(fn: string, sql: ArmSql, rows: readonly SqlRow[], options: { engine?: string } = {}): Record<string, RatioSums> {
  builtArg(fn, sql, 'ratioSumsSql', ['statement'], ['numerator', 'denominator']);
  const engine = engineOption(fn, options);
  const out = keyed<RatioSums>();
  for (const r of rowsArg(fn, 'rows', rows)) {
    const arm = key(fn, r, 'arm');
    checkBad(fn, sql, r, arm, engine);
    out[arm] = {
      n: num(fn, r, 'n'),
      sumNumerator: num(fn, r, 'sum_numerator', true),
      sumDenominator: num(fn, r, 'sum_denominator', true),
      sumNumeratorSquares: num(fn, r, 'sum_numerator_squares', true),
      sumDenominatorSquares: num(fn, r, 'sum_denominator_squares', true),
      sumProducts: num(fn, r, 'sum_products', true),
    };
  }
  return out;
}

const ARM_FIELDS = ['sum', 'sumSquares', 'covariateSum', 'covariateSumSquares', 'sumProducts'] as const;
const RATIO_FIELDS = ['sumNumerator', 'sumDenominator', 'sumNumeratorSquares', 'sumDenominatorSquares', 'sumProducts'] as const;

function mergeKeyed<T extends object>(fn: string, a: unknown, b: unknown, sums: readonly string[]): Record<string, T> {
  const ra = keyedSums<T>(fn, 'a', a, ['n'], sums);
  const rb = keyedSums<T>(fn, 'b', b, ['n'], sums);
  const out = keyed<T>();
  const fields = ['n', ...sums];
  const copy = (v: T): T => Object.fromEntries(fields.map((f) => [f, (v as Record<string, number>)[f]])) as T;
  for (const [k, v] of Object.entries(ra)) out[k] = copy(v);
  for (const [k, v] of Object.entries(rb)) {
    const x = out[k] as Record<string, number> | undefined;
    if (x === undefined) out[k] = copy(v);
    else for (const f of fields) x[f] = add(fn, `${k}.${f}`, x[f]!, (v as Record<string, number>)[f]!);
  }
  return out;
}

/**
 * Adds the per-arm sums of two shards (exact for `n`; sums in floating point). Valid when no
 * analysis unit has rows in both shards (shard by user, or use no `unit`).
 * @example
 * ```ts
 * import { mergeArmSums } from 'crmkit/connectors';
 * const s = { n: 1, sum: 2, sumSquares: 4, covariateSum: 0, covariateSumSquares: 0, sumProducts: 0 };
 * mergeArmSums({ A: s }, { A: s, B: s }).A!.n; // => 2
 * ```
 * @category SQL
 */
export function mergeArmSums(a: Record<string, ArmSums>, b: Record<string, ArmSums>): Record<string, ArmSums> {
  return mergeKeyed('connectors/mergeArmSums', a, b, ARM_FIELDS);
}

/**
 * Adds the per-arm ratio sums of two shards, as {@link mergeArmSums}.
 * @example
 * ```ts
 * import { mergeRatioSums } from 'crmkit/connectors';
 * const s = { n: 1, sumNumerator: 2, sumDenominator: 1, sumNumeratorSquares: 4, sumDenominatorSquares: 1, sumProducts: 2 };
 * mergeRatioSums({ A: s }, { A: s }).A!.sumNumerator; // => 4
 * ```
 * @category SQL
 */
export function mergeRatioSums(a: Record<string, RatioSums>, b: Record<string, RatioSums>): Record<string, RatioSums> {
  return mergeKeyed('connectors/mergeRatioSums', a, b, RATIO_FIELDS);
}

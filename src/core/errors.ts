/**
 * Typed errors shared by every crmkit module.
 *
 * Every error crmkit throws is a {@link CrmkitError} with a stable `code`, so callers can branch on
 * the kind of failure without parsing text. Messages read `module/fn: what was wrong; received X`,
 * where X is a short, privacy-safe summary of the offending value (see {@link describeValue}).
 *
 * @module
 */

/** Stable machine-readable error codes. */
export type CrmkitErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_OPTION'
  | 'DIMENSION_MISMATCH'
  | 'MODEL_FORMAT'
  | 'NOT_CONVERGED'
  | 'CONNECTOR'
  | 'ABORTED';

/** Instance brand: the error's code, under a registry-wide symbol shared by every copy of crmkit. */
const BRAND = Symbol.for('crmkit.error.code');
/** Class brand: which code a crmkit error class stands for (`'*'` for the base class). */
const CLASS_BRAND = Symbol.for('crmkit.error.class');

function brandClass(cls: object, code: CrmkitErrorCode | '*'): void {
  Object.defineProperty(cls, CLASS_BRAND, { value: code });
}

/**
 * Base class of every error thrown by crmkit.
 *
 * @remarks `fn` is the `module/function` that threw (for example `value/cashFlowClv`), `code` the
 * stable error code. Use `instanceof` on the subclasses or compare `code`.
 *
 * @example
 * ```ts
 * import { CrmkitError, InvalidOptionError } from 'crmkit';
 * const err = new InvalidOptionError('segment/fitKMeans', 'options.k must be an integer >= 1', 0);
 * err instanceof CrmkitError; // => true
 * err.code; // => 'INVALID_OPTION'
 * err.message; // => 'segment/fitKMeans: options.k must be an integer >= 1; received 0'
 * ```
 * @category Errors
 */
export class CrmkitError extends Error {
  /** Stable machine-readable code. */
  readonly code: CrmkitErrorCode;
  /** The `module/function` that threw, for example `value/fitBetaGeo`. */
  readonly fn: string;

  constructor(code: CrmkitErrorCode, fn: string, message: string, options?: { cause?: unknown }) {
    super(`${fn}: ${message}`, options && 'cause' in options ? { cause: options.cause } : undefined);
    this.name = 'CrmkitError';
    this.code = code;
    this.fn = fn;
    Object.defineProperty(this, BRAND, { value: code });
  }

  static {
    brandClass(this, '*');
  }

  /**
   * `instanceof` that works across copies of crmkit: the ESM and CommonJS builds (a dual-package
   * app can load both) and two installed versions. An error is an instance of a crmkit error class
   * when it carries crmkit's brand (a `Symbol.for` key) with that class's code; classes you derive
   * from these fall back to the ordinary prototype check.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (typeof value !== 'object' || value === null) return false;
    const code = (value as Record<symbol, unknown>)[BRAND];
    if (typeof code !== 'string' || !Object.prototype.hasOwnProperty.call(this, CLASS_BRAND)) return false;
    const want = (this as unknown as Record<symbol, unknown>)[CLASS_BRAND];
    return want === '*' || want === code;
  }
}

function withReceived(problem: string, received: unknown, revealStrings: boolean): string {
  return `${problem}; received ${describeValue(received, { revealStrings })}`;
}

/**
 * Data passed to a function is malformed: a NaN, a hole, a negative count, an empty array, …
 *
 * @remarks The received value is summarized without revealing string contents (data can hold
 * personal information): a string shows as `a string of length N`.
 * @example
 * ```ts
 * import { InvalidInputError } from 'crmkit';
 * new InvalidInputError('value/cashFlowClv', 'revenue[2] must be a finite number', NaN).message;
 * // => 'value/cashFlowClv: revenue[2] must be a finite number; received NaN'
 * ```
 * @category Errors
 */
export class InvalidInputError extends CrmkitError {
  static {
    brandClass(this, 'INVALID_INPUT');
  }

  /** The offending value, kept for programmatic inspection (never printed in full). */
  readonly received: unknown;
  constructor(fn: string, problem: string, received: unknown) {
    super('INVALID_INPUT', fn, withReceived(problem, received, false));
    this.name = 'InvalidInputError';
    this.received = received;
  }
}

/**
 * An option is out of range, of the wrong type, or unknown.
 *
 * @example
 * ```ts
 * import { InvalidOptionError } from 'crmkit';
 * new InvalidOptionError('graph/pagerank', "options.dangling must be one of 'uniform', 'personalization'", 'x').code;
 * // => 'INVALID_OPTION'
 * ```
 * @category Errors
 */
export class InvalidOptionError extends CrmkitError {
  static {
    brandClass(this, 'INVALID_OPTION');
  }

  /** The offending option value. */
  readonly received: unknown;
  constructor(fn: string, problem: string, received: unknown) {
    super('INVALID_OPTION', fn, withReceived(problem, received, true));
    this.name = 'InvalidOptionError';
    this.received = received;
  }
}

/**
 * Two inputs that must agree in length or shape do not.
 *
 * @example
 * ```ts
 * import { DimensionMismatchError } from 'crmkit';
 * new DimensionMismatchError('classify/fitDecisionTree', 'y must have one label per row of X (150 rows)', 149).message;
 * // => 'classify/fitDecisionTree: y must have one label per row of X (150 rows); received 149'
 * ```
 * @category Errors
 */
export class DimensionMismatchError extends CrmkitError {
  static {
    brandClass(this, 'DIMENSION_MISMATCH');
  }

  readonly received: unknown;
  constructor(fn: string, problem: string, received: unknown) {
    super('DIMENSION_MISMATCH', fn, withReceived(problem, received, true));
    this.name = 'DimensionMismatchError';
    this.received = received;
  }
}

/**
 * A serialized model is of another kind or format version, or is malformed.
 *
 * @example
 * ```ts
 * import { ModelFormatError } from 'crmkit';
 * new ModelFormatError('segment/parseKMeansModel', "kind must be 'kmeans'", 'tree').code;
 * // => 'MODEL_FORMAT'
 * ```
 * @category Errors
 */
export class ModelFormatError extends CrmkitError {
  static {
    brandClass(this, 'MODEL_FORMAT');
  }

  readonly received: unknown;
  constructor(fn: string, problem: string, received: unknown) {
    super('MODEL_FORMAT', fn, withReceived(problem, received, true));
    this.name = 'ModelFormatError';
    this.received = received;
  }
}

/**
 * An iterative fit stopped at its iteration cap without meeting its tolerance, and the caller asked
 * for strictness (`strict: true`). Without `strict`, fits report `converged: false` instead.
 *
 * @example
 * ```ts
 * import { NotConvergedError } from 'crmkit';
 * const e = new NotConvergedError('value/fitBetaGeo', 'did not converge within 200 iterations', 200);
 * e.iterations; // => 200
 * ```
 * @category Errors
 */
export class NotConvergedError extends CrmkitError {
  static {
    brandClass(this, 'NOT_CONVERGED');
  }

  /** Iterations run before stopping. */
  readonly iterations: number;
  constructor(fn: string, problem: string, iterations: number) {
    super('NOT_CONVERGED', fn, problem);
    this.name = 'NotConvergedError';
    this.iterations = iterations;
  }
}

/**
 * A host-implemented connector failed; the host's own error is kept as `cause`.
 *
 * @example
 * ```ts
 * import { ConnectorError } from 'crmkit';
 * const e = new ConnectorError('connectors/syncCustomers', 'listCustomers failed on page 3', new Error('HTTP 503'));
 * (e.cause as Error).message; // => 'HTTP 503'
 * ```
 * @category Errors
 */
export class ConnectorError extends CrmkitError {
  static {
    brandClass(this, 'CONNECTOR');
  }

  constructor(fn: string, problem: string, cause: unknown) {
    super('CONNECTOR', fn, problem, { cause });
    this.name = 'ConnectorError';
  }
}

/**
 * Long work was cancelled through its `AbortSignal`; the signal's reason is kept as `cause`.
 *
 * @example
 * ```ts
 * import { AbortError } from 'crmkit';
 * new AbortError('graph/betweennessCentrality', 'user cancelled').message;
 * // => 'graph/betweennessCentrality: aborted'
 * ```
 * @category Errors
 */
export class AbortError extends CrmkitError {
  static {
    brandClass(this, 'ABORTED');
  }

  constructor(fn: string, reason?: unknown) {
    super('ABORTED', fn, 'aborted', { cause: reason });
    this.name = 'AbortError';
  }
}

/** Options of {@link describeValue}. */
export interface DescribeValueOptions {
  /**
   * Show string contents (cut to 40 characters). Off for data, which may be personal; on for
   * option values, which the developer chose.
   * @defaultValue false
   */
  revealStrings?: boolean;
}

/**
 * A short, privacy-safe summary of a value for error messages: numbers as written (NaN, Infinity,
 * -0 included), long arrays cut after five items, objects by their first keys, strings hidden
 * unless `revealStrings`.
 *
 * @example
 * ```ts
 * import { describeValue } from 'crmkit';
 * describeValue([1, 2, NaN, 4, 5, 6, 7]); // => 'an array of length 7 [1, 2, NaN, 4, 5, …]'
 * describeValue('alice@example.com'); // => 'a string of length 17'
 * describeValue('lloyd', { revealStrings: true }); // => "'lloyd'"
 * ```
 * @category Errors
 */
export function describeValue(value: unknown, options: DescribeValueOptions = {}): string {
  if (typeof options !== 'object' || options === null) throw new InvalidOptionError('core/describeValue', 'options must be an object', options);
  return describe(value, options.revealStrings === true, 0);
}

function describe(value: unknown, reveal: boolean, depth: number): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
      return String(value);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    case 'string':
      if (!reveal) return `a string of length ${value.length}`;
      return value.length > 40 ? `'${value.slice(0, 40)}…' (length ${value.length})` : `'${value}'`;
    default:
      break;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const arr = value as ArrayLike<unknown>;
    const kind = Array.isArray(value) ? 'an array' : `a ${value.constructor.name}`;
    if (depth > 0) return `${kind} of length ${arr.length}`;
    const shown: string[] = [];
    const limit = Math.min(arr.length, 5);
    for (let i = 0; i < limit; i++) shown.push(i in (arr as object) ? describe(arr[i], reveal, depth + 1) : '<hole>');
    if (arr.length > limit) shown.push('…');
    return `${kind} of length ${arr.length} [${shown.join(', ')}]`;
  }
  const keys = Object.keys(value as object);
  const head = keys.slice(0, 5).join(', ');
  return keys.length === 0 ? 'an empty object' : `an object with keys ${head}${keys.length > 5 ? ', …' : ''}`;
}

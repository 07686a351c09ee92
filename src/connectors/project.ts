import { InvalidOptionError } from '../core/errors.js';
import { jsonRecord } from './_record.js';

/**
 * Which roles may read which fields: a plain JSON object, kept with the app's configuration.
 * Fields not listed fall back to `'*'`; with no `'*'` entry they are readable by nobody (deny by
 * default).
 */
export interface FieldPolicy {
  kind: 'fieldPolicy';
  /** Field name → roles allowed to read it. The key `'*'` is the rule for unlisted fields. */
  readers: Readonly<Record<string, readonly string[]>>;
}

/**
 * The part of a record a role may read under a {@link FieldPolicy}: allowed fields are copied,
 * others left out (not blanked, so their absence is not mistaken for an empty value).
 *
 * @remarks Deny by default: a field is readable only if its own entry (or, when it has none, the
 * `'*'` entry) lists the role. The policy is plain JSON, so it can be stored, reviewed and diffed.
 * Use it at the edge where records leave for a person or a system (an export, an API response).
 * @throws {@link InvalidInputError} when `record` is not an object
 * @throws {@link InvalidOptionError} when the policy is malformed or `role` is not a string
 * @example
 * ```ts
 * import { project, type FieldPolicy } from 'crmkit/connectors';
 * const policy: FieldPolicy = { kind: 'fieldPolicy', readers: { email: ['support'], clv: ['analyst', 'support'], id: ['analyst', 'support'] } };
 * const customer = { id: 'c1', email: 'alice@example.com', clv: 41.5, notes: 'VIP' };
 * project(customer, 'analyst', policy); // => { id: 'c1', clv: 41.5 }
 * project(customer, 'support', policy); // => { id: 'c1', email: 'alice@example.com', clv: 41.5 }
 * ```
 * @category Privacy
 */
export function project<R extends Record<string, unknown>>(record: R, role: string, policy: FieldPolicy): Partial<R> {
  const fn = 'connectors/project';
  if (policy === null || typeof policy !== 'object' || policy.kind !== 'fieldPolicy' || policy.readers === null || typeof policy.readers !== 'object') {
    throw new InvalidOptionError(fn, "policy must be { kind: 'fieldPolicy', readers: { field: roles[] } }", policy);
  }
  for (const [f, roles] of Object.entries(policy.readers)) {
    if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) throw new InvalidOptionError(fn, `policy.readers.${f} must be an array of role names`, roles);
  }
  if (typeof role !== 'string') throw new InvalidOptionError(fn, 'role must be a string', role);
  jsonRecord(fn, 'record', record);
  const own = (f: string): boolean => Object.prototype.hasOwnProperty.call(policy.readers, f);
  const star = own('*') ? policy.readers['*']! : [];
  const out: Partial<R> = {};
  for (const f of Object.keys(record)) {
    const roles = own(f) ? policy.readers[f]! : star;
    if (roles.includes(role)) Object.defineProperty(out, f, { value: record[f], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

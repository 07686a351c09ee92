/**
 * Account names graphology cannot store as node keys, and how crmkit stores and maps them back.
 *
 * graphology 0.26 (the newest release) keeps each node's adjacency in plain `{}` objects, so a
 * neighbour named after an `Object.prototype` member (`constructor`, `toString`, …) reads as an
 * existing edge ("an edge linking … already exists"), and `__proto__` replaces the object's
 * prototype. `buildInteractionGraph` therefore stores such a name under the key
 * `'\u0000' + name` (names that already start with U+0000 are prefixed too, so the mapping is
 * one-to-one) and records how many it escaped in the graph attribute `escapedNodeKeys`. Every
 * crmkit/graph function reads that attribute and maps keys back, so results and arguments use the
 * real names.
 *
 * @internal
 * @module
 */

/** `Object.prototype`'s own property names (fixed here, so the mapping does not depend on the engine). */
const RESERVED = new Set([
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
]);

/** The graph attribute counting escaped node keys. */
export const ESCAPED_KEYS_ATTRIBUTE = 'escapedNodeKeys';

/** Whether `name` needs escaping to be a graphology node key. */
export function needsEscape(name: string): boolean {
  return RESERVED.has(name) || name.charCodeAt(0) === 0;
}

/** The graphology key that stores account `name`. */
export function escapeKey(name: string): string {
  return needsEscape(name) ? `\u0000${name}` : name;
}

/** The account name stored under graphology key `key` (inverse of {@link escapeKey}). */
export function unescapeKey(key: string): string {
  return key.charCodeAt(0) === 0 ? key.slice(1) : key;
}

/** Whether `graph` was built with escaped node keys (then keys must be mapped to names and back). */
export function hasEscapedKeys(graph: unknown): boolean {
  const g = graph as { getAttribute?: (name: string) => unknown } | null;
  if (g === null || typeof g !== 'object' || typeof g.getAttribute !== 'function') return false;
  const v = g.getAttribute(ESCAPED_KEYS_ATTRIBUTE);
  return typeof v === 'number' && v > 0;
}

/**
 * From interaction logs or posts to a weighted graphology graph.
 *
 * @module
 */
import GraphConstructor from 'graphology';
import type { AbstractGraph as Graph } from 'graphology-types';
import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import type { Interaction, InteractionKind, Post } from '../core/types.js';
import { arrayLike, boolean, oneOf, options as checkOptions, timestamp } from '../core/validate.js';
import { ESCAPED_KEYS_ATTRIBUTE, escapeKey } from './_keys.js';

const KINDS: readonly InteractionKind[] = ['reply', 'mention', 'repost', 'follow', 'message', 'like'];

/** How repeated interactions between the same two accounts become one edge weight. */
export type WeightAggregation = 'count' | 'sum' | ((interactions: readonly Interaction[]) => number);

/** Options of {@link buildInteractionGraph}. */
export interface BuildInteractionGraphOptions {
  /**
   * Interaction kinds to keep (the others are skipped and counted in the graph attribute `skipped`).
   * @defaultValue every kind
   */
  kinds?: readonly InteractionKind[];
  /**
   * Build a directed graph (source → target). Undirected merges a→b and b→a into one edge.
   * @defaultValue true
   */
  directed?: boolean;
  /**
   * Edge weight: `'count'` (number of interactions), `'sum'` (sum of `interaction.weight`, 1 when
   * absent), or a function of the edge's interactions returning a finite number ≥ 0.
   * @defaultValue 'count'
   */
  weight?: WeightAggregation;
  /** Keep interactions at or after this time (needs `at` / `createdAt` on every record). */
  since?: Date | string | number;
  /** Keep interactions strictly before this time. */
  until?: Date | string | number;
  /**
   * Keep self-interactions (replying to one's own post, mentioning oneself) as self-loops. When
   * false they are left out and counted in the graph attribute `selfLoopsDropped`.
   * @defaultValue false
   */
  selfLoops?: boolean;
  /**
   * Posts only: lower-case account names and mentions, so `@United` and author `united` are one
   * node (handles are case-insensitive on Twitter/X).
   * @defaultValue true
   */
  lowercase?: boolean;
}

const FN = 'graph/buildInteractionGraph';
const MENTION = /(^|[^\p{L}\p{N}_@.])@([\p{L}\p{N}_-]+)/gu;

/**
 * Builds a who-interacts-with-whom graph from interaction records or from posts.
 *
 * @remarks
 * From **interactions** (`{ source, target, kind, weight?, at? }`): one edge per pair of accounts,
 * weighted by `weight`; edge attributes `weight`, `count` and one count per kind (`reply`,
 * `mention`, …). From **posts** (`{ id, author, text, createdAt, replyTo?, repostOf? }`): a `reply`
 * edge to the author of `replyTo`, a `repost` edge to the author of `repostOf` (both looked up among
 * the given posts; references to posts not given are counted in the graph attribute `unresolved`),
 * and a `mention` edge to every distinct `@handle` in the text (letters, digits, `_`, `-`, any
 * script; an `@` inside a word such as an e-mail address is not a mention). Every author is a node.
 *
 * Nothing is dropped silently: the graph attributes `interactions` (used), `skipped` (other kinds
 * or outside the time window), `selfLoopsDropped` and `unresolved` account for every record.
 *
 * Any account name works, including `constructor`, `__proto__`, `toString` and the other
 * `Object.prototype` names. graphology 0.26 (the newest release) cannot link such node keys (its
 * adjacency objects inherit those names), so they are stored under the key `'\u0000' + name` (as
 * is any name that already starts with U+0000), and the graph attribute `escapedNodeKeys` counts
 * them (absent when none). Every crmkit/graph function maps the keys back: results are keyed by
 * the account names and arguments take them (`pagerank(g).scores.constructor`). Only graphology's
 * own methods see the stored key (`g.hasNode('\u0000constructor')`).
 * Cost O(records + text length); memory of the graphology graph.
 * @see networkx `DiGraph.add_edge` with aggregated weights; graphology `Graph`
 * @throws {@link InvalidInputError} when a record lacks a non-empty string source/target (author,
 * id), a kind is unknown, a weight is not a finite number ≥ 0, or a timestamp is invalid (or
 * missing while `since`/`until` is set)
 * @throws {@link InvalidOptionError} on unknown options or a weight function returning a bad value
 * @example
 * ```ts
 * import { buildInteractionGraph } from 'crmkit/graph';
 * const g = buildInteractionGraph([
 *   { source: 'ann', target: 'bob', kind: 'reply' },
 *   { source: 'ann', target: 'bob', kind: 'mention' },
 *   { source: 'cat', target: 'bob', kind: 'repost' },
 * ]);
 * [g.order, g.size]; // => [3, 2]
 * g.getEdgeAttributes('ann', 'bob'); // => { weight: 2, count: 2, reply: 1, mention: 1 }
 * const h = buildInteractionGraph([
 *   { id: '1', author: 'ann', text: 'Hi @Bob and @cat!', createdAt: 0 },
 *   { id: '2', author: 'bob', text: 'hello', createdAt: 1, replyTo: '1' },
 * ]);
 * h.edges().map((e) => `${h.source(e)}->${h.target(e)}`); // => ['ann->bob', 'ann->cat', 'bob->ann']
 * ```
 * @category Build
 */
export function buildInteractionGraph(records: readonly Interaction[] | readonly Post[], options?: BuildInteractionGraphOptions): Graph {
  const o = checkOptions(FN, options, ['kinds', 'directed', 'weight', 'since', 'until', 'selfLoops', 'lowercase']);
  const rows = arrayLike<unknown>(FN, 'records', records);
  const directed = o.directed === undefined ? true : boolean(FN, 'options.directed', o.directed);
  const keepLoops = o.selfLoops === undefined ? false : boolean(FN, 'options.selfLoops', o.selfLoops);
  const lowercase = o.lowercase === undefined ? true : boolean(FN, 'options.lowercase', o.lowercase);
  const weight = o.weight === undefined ? 'count' : o.weight;
  if (typeof weight !== 'function') oneOf(FN, 'options.weight', weight, ['count', 'sum'] as const);
  let kinds: Set<InteractionKind> | null = null;
  if (o.kinds !== undefined) {
    const ks = arrayLike<unknown>(FN, 'options.kinds', o.kinds, 1);
    kinds = new Set();
    for (let i = 0; i < ks.length; i++) kinds.add(oneOf(FN, `options.kinds[${i}]`, ks[i], KINDS));
  }
  const since = o.since === undefined ? -Infinity : timestamp(FN, 'options.since', o.since);
  const until = o.until === undefined ? Infinity : timestamp(FN, 'options.until', o.until);
  const windowed = o.since !== undefined || o.until !== undefined;

  const graph: Graph = new GraphConstructor({ type: directed ? 'directed' : 'undirected', allowSelfLoops: keepLoops, multi: false });
  let unresolved = 0;
  let interactions: Interaction[];
  const first = rows[0] as Record<string, unknown> | undefined;
  const isPosts = first !== undefined && first !== null && typeof first === 'object' && 'author' in first && !('source' in first);
  if (isPosts) {
    const res = fromPosts(rows, lowercase, graph);
    interactions = res.interactions;
    unresolved = res.unresolved;
  } else {
    interactions = [];
    for (let i = 0; i < rows.length; i++) interactions.push(checkInteraction(rows[i], i));
  }
  // filter and group by pair
  const groups = new Map<string, { s: string; t: string; items: Interaction[] }>();
  let skipped = 0;
  let loopsDropped = 0;
  let used = 0;
  for (let i = 0; i < interactions.length; i++) {
    const it = interactions[i]!;
    if (kinds !== null && !kinds.has(it.kind)) {
      skipped++;
      continue;
    }
    if (windowed) {
      if (it.at === undefined) throw new InvalidInputError(FN, `records[${i}] needs a timestamp when options.since or options.until is set`, it.at);
      const t = timestamp(FN, `records[${i}].at`, it.at);
      if (t < since || t >= until) {
        skipped++;
        continue;
      }
    }
    if (it.source === it.target && !keepLoops) {
      loopsDropped++;
      continue;
    }
    let s = it.source;
    let t = it.target;
    if (!directed && t < s) [s, t] = [t, s];
    const key = `${s.length}:${s}${t}`;
    let grp = groups.get(key);
    if (grp === undefined) {
      grp = { s, t, items: [] };
      groups.set(key, grp);
    }
    grp.items.push(it);
    used++;
  }
  for (const { s, t, items } of groups.values()) {
    let w: number;
    if (weight === 'count') w = items.length;
    else if (weight === 'sum') w = items.reduce((a, x) => a + (x.weight ?? 1), 0);
    else {
      w = weight(items);
      if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
        throw new InvalidOptionError(FN, `options.weight returned a value that is not a finite number >= 0 for ${s} -> ${t}`, w);
      }
    }
    const attrs: Record<string, number> = { weight: w, count: items.length };
    for (const x of items) attrs[x.kind] = (attrs[x.kind] ?? 0) + 1;
    const sk = escapeKey(s);
    const tk = escapeKey(t);
    graph.mergeNode(sk);
    graph.mergeNode(tk);
    graph.addEdge(sk, tk, attrs);
  }
  let escaped = 0;
  graph.forEachNode((key) => {
    if (key.charCodeAt(0) === 0) escaped++;
  });
  const stats: Record<string, number> = { interactions: used, skipped, selfLoopsDropped: loopsDropped, unresolved };
  if (escaped > 0) stats[ESCAPED_KEYS_ATTRIBUTE] = escaped;
  graph.replaceAttributes(stats);
  return graph;
}

function checkInteraction(row: unknown, i: number): Interaction {
  if (row === null || typeof row !== 'object') throw new InvalidInputError(FN, `records[${i}] must be an interaction object`, row);
  const r = row as Record<string, unknown>;
  for (const f of ['source', 'target'] as const) {
    if (typeof r[f] !== 'string' || (r[f] as string).length === 0) {
      throw new InvalidInputError(FN, `records[${i}].${f} must be a non-empty string`, r[f]);
    }
  }
  if (!KINDS.includes(r.kind as InteractionKind)) {
    throw new InvalidInputError(FN, `records[${i}].kind must be one of ${KINDS.map((k) => `'${k}'`).join(', ')}`, r.kind);
  }
  if (r.weight !== undefined && (typeof r.weight !== 'number' || !Number.isFinite(r.weight) || r.weight < 0)) {
    throw new InvalidInputError(FN, `records[${i}].weight must be a finite number >= 0`, r.weight);
  }
  return r as unknown as Interaction;
}

function fromPosts(rows: ArrayLike<unknown>, lowercase: boolean, graph: Graph): { interactions: Interaction[]; unresolved: number } {
  const norm = (s: string): string => (lowercase ? s.toLowerCase() : s);
  const authorOf = new Map<string, string>();
  const posts: Post[] = [];
  for (let i = 0; i < rows.length; i++) {
    const p = rows[i] as Record<string, unknown> | null;
    if (p === null || typeof p !== 'object') throw new InvalidInputError(FN, `records[${i}] must be a post object`, p);
    for (const f of ['id', 'author'] as const) {
      if (typeof p[f] !== 'string' || (p[f] as string).length === 0) throw new InvalidInputError(FN, `records[${i}].${f} must be a non-empty string`, p[f]);
    }
    if (typeof p.text !== 'string') throw new InvalidInputError(FN, `records[${i}].text must be a string`, p.text);
    for (const f of ['replyTo', 'repostOf'] as const) {
      if (p[f] !== undefined && typeof p[f] !== 'string') throw new InvalidInputError(FN, `records[${i}].${f} must be a string post id`, p[f]);
    }
    posts.push(p as unknown as Post);
    authorOf.set(p.id as string, norm(p.author as string));
    graph.mergeNode(escapeKey(norm(p.author as string)));
  }
  const out: Interaction[] = [];
  let unresolved = 0;
  for (const p of posts) {
    const a = norm(p.author);
    const at = p.createdAt;
    for (const [field, kind] of [
      ['replyTo', 'reply'],
      ['repostOf', 'repost'],
    ] as const) {
      const ref = p[field];
      if (ref === undefined || ref === '') continue;
      const target = authorOf.get(ref);
      if (target === undefined) unresolved++;
      else out.push({ source: a, target, kind, at });
    }
    const seen = new Set<string>();
    for (const m of p.text.matchAll(MENTION)) {
      const h = norm(m[2]!);
      if (seen.has(h)) continue;
      seen.add(h);
      out.push({ source: a, target: h, kind: 'mention', at });
    }
  }
  return { interactions: out, unresolved };
}

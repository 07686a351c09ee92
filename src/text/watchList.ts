import { InvalidInputError, ModelFormatError } from '../core/errors.js';
import { arrayLike, oneOf, timestamp } from '../core/validate.js';
import type { Timestamp } from '../core/types.js';
import { compileKeyword, type MatchMode, prepareText } from './_match.js';

/** A brand or topic to watch, with its spellings in every language. */
export interface WatchTerm {
  /** Your id for the term (any string, `__proto__` included). */
  id: string;
  /** Spellings to look for, for example `['Starbucks', '星巴克', '#starbucks']`. */
  variants: readonly string[];
  /** How variants match (see {@link countKeywords}). @defaultValue 'exact' */
  match?: MatchMode;
}

/** Running totals of one term. */
export interface WatchTermTotals {
  id: string;
  /** Posts that matched at least one variant. */
  posts: number;
  /** Epoch ms of the earliest / latest matching post that had a `createdAt`; `null` if none yet. */
  firstSeen: number | null;
  lastSeen: number | null;
}

/**
 * The incremental state of a watch list: plain JSON the caller keeps between batches (in memory, a
 * database row, local storage) and passes back to {@link matchWatchList}.
 */
export interface WatchListState {
  kind: 'watchList';
  formatVersion: 1;
  terms: { id: string; variants: string[]; match: MatchMode }[];
  /** Posts seen so far, over all batches. */
  postsSeen: number;
  totals: WatchTermTotals[];
}

/** A post for {@link matchWatchList}: a string, or an object with `text` and optional `id` / `createdAt`. */
export type WatchPost = string | { readonly text: string; readonly id?: string; readonly createdAt?: Timestamp };

/** One match of a variant in a post. */
export interface WatchMatch {
  /** Position of the post in this batch. */
  post: number;
  /** The post's `id` when it has one. */
  postId?: string;
  termId: string;
  variant: string;
  /** UTF-16 offsets of the match in the post's text. */
  start: number;
  end: number;
}

/** Result of {@link matchWatchList}. */
export interface MatchWatchListResult {
  /** The updated state (a new object; the one passed in is not changed). */
  state: WatchListState;
  /** Every match in this batch, by post then position. */
  matches: WatchMatch[];
}

const MODES = ['exact', 'prefix', 'phrase'] as const;

/**
 * Creates the state of a watch list: brand keywords with Chinese and English variants, matched
 * exactly, by prefix or as phrases.
 *
 * @throws {@link InvalidInputError} when terms is empty, an id repeats, or a variant is empty
 * @throws {@link InvalidOptionError} on an unknown match mode
 * @example
 * ```ts
 * import { createWatchList, matchWatchList } from 'crmkit/text';
 * let state = createWatchList([{ id: 'sbux', variants: ['Starbucks', '星巴克'] }, { id: 'delay', variants: ['delay'], match: 'prefix' }]);
 * const r = matchWatchList(state, ['Love Starbucks!', '今天的星巴克很好喝', 'Flight delayed again']);
 * r.matches.length; // => 3
 * r.matches[1]; // => { post: 1, termId: 'sbux', variant: '星巴克', start: 3, end: 6 }
 * state = JSON.parse(JSON.stringify(r.state));
 * matchWatchList(state, ['starbucks & delays']).state.totals[0]!.posts; // => 3
 * ```
 * @category Monitoring
 */
export function createWatchList(terms: readonly WatchTerm[]): WatchListState {
  const fn = 'text/createWatchList';
  const list = arrayLike<unknown>(fn, 'terms', terms, 1);
  const ids = new Set<string>();
  const out: WatchListState['terms'] = [];
  for (let i = 0; i < list.length; i++) {
    const t = list[i] as WatchTerm | undefined;
    if (typeof t !== 'object' || t === null) throw new InvalidInputError(fn, `terms[${i}] must be { id, variants }`, t);
    if (typeof t.id !== 'string') throw new InvalidInputError(fn, `terms[${i}].id must be a string`, t.id);
    if (ids.has(t.id)) throw new InvalidInputError(fn, `terms[${i}].id repeats an earlier id`, t.id);
    ids.add(t.id);
    const vs = arrayLike<unknown>(fn, `terms[${i}].variants`, t.variants, 1);
    const variants: string[] = [];
    for (let j = 0; j < vs.length; j++) {
      const v = vs[j];
      if (typeof v !== 'string' || v.trim() === '') throw new InvalidInputError(fn, `terms[${i}].variants[${j}] must be a non-empty string`, v);
      variants.push(v);
    }
    const match = t.match === undefined ? 'exact' : oneOf(fn, `terms[${i}].match`, t.match, MODES);
    out.push({ id: t.id, variants, match });
  }
  return {
    kind: 'watchList',
    formatVersion: 1,
    terms: out,
    postsSeen: 0,
    totals: out.map((t) => ({ id: t.id, posts: 0, firstSeen: null, lastSeen: null })),
  };
}

const compiled = new WeakMap<WatchListState['terms'], RegExp[][]>();

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
/** A first/last-seen instant: null, or epoch ms inside the years 1–9999 (what `timestamp` accepts). */
const isSeen = (x: unknown): boolean => x === null || (typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= 8.64e15);

function checkState(fn: string, s: unknown): WatchListState {
  const st = s as Partial<WatchListState> | null;
  if (typeof st !== 'object' || st === null || st.kind !== 'watchList') throw new ModelFormatError(fn, "state must be a watch list state (kind 'watchList')", st);
  if (st.formatVersion !== 1) throw new ModelFormatError(fn, 'state.formatVersion must be 1', st.formatVersion);
  if (!Array.isArray(st.terms) || !Array.isArray(st.totals) || st.terms.length !== st.totals.length) {
    throw new ModelFormatError(fn, 'state is malformed (terms, totals)', st);
  }
  if (!isCount(st.postsSeen)) throw new ModelFormatError(fn, 'state.postsSeen must be an integer >= 0', st.postsSeen);
  for (let i = 0; i < st.terms.length; i++) {
    const t = st.terms[i]!;
    const tot = st.totals[i]!;
    if (
      typeof t !== 'object' || t === null || typeof t.id !== 'string' || !Array.isArray(t.variants) || !t.variants.every((v) => typeof v === 'string' && v.trim() !== '') ||
      !(MODES as readonly unknown[]).includes(t.match) || typeof tot !== 'object' || tot === null || tot.id !== t.id || !isCount(tot.posts) || tot.posts > st.postsSeen ||
      !isSeen(tot.firstSeen) || !isSeen(tot.lastSeen) || (tot.firstSeen === null) !== (tot.lastSeen === null) || (tot.firstSeen !== null && tot.firstSeen > tot.lastSeen!)
    ) {
      throw new ModelFormatError(fn, `state.terms[${i}] / state.totals[${i}] are malformed`, t);
    }
  }
  return st as WatchListState;
}

/**
 * Matches a batch of posts against a watch list and returns the matches and the updated state.
 *
 * @remarks
 * Call it once per batch (a page of an API, a minute of a stream), keeping the returned state; the
 * totals then cover every batch so far. The state is plain JSON and survives
 * `JSON.parse(JSON.stringify(state))`. Variants are matched case-insensitively with full width
 * folded; `exact` needs word boundaries at Latin edges (none at Chinese edges), `prefix` only at the
 * start, `phrase` lets any whitespace or punctuation separate the words. Cost O(posts × variants ×
 * post length).
 *
 * @throws {@link ModelFormatError} when `state` is not a watch-list state
 * @throws {@link InvalidInputError} on a post that is not a string or `{ text }`, or a bad `createdAt`
 * @example
 * ```ts
 * import { createWatchList, matchWatchList } from 'crmkit/text';
 * const state = createWatchList([{ id: 'lost bag', variants: ['lost bag', '行李丢失'], match: 'phrase' }]);
 * const r = matchWatchList(state, [{ id: 't1', text: 'Lost, bag never came', createdAt: '2015-02-20T10:00:00Z' }]);
 * r.matches[0]!.postId; // => 't1'
 * r.state.totals[0]; // => { id: 'lost bag', posts: 1, firstSeen: 1424426400000, lastSeen: 1424426400000 }
 * ```
 * @category Monitoring
 */
export function matchWatchList(state: WatchListState, posts: readonly WatchPost[]): MatchWatchListResult {
  const fn = 'text/matchWatchList';
  const st = checkState(fn, state);
  const list = arrayLike<unknown>(fn, 'posts', posts);
  let res = compiled.get(st.terms);
  if (res === undefined) {
    res = st.terms.map((t) => t.variants.map((v) => compileKeyword(v, t.match)));
    compiled.set(st.terms, res);
  }
  const totals = st.totals.map((t) => ({ ...t }));
  const matches: WatchMatch[] = [];
  for (let p = 0; p < list.length; p++) {
    const post = list[p];
    let text: string;
    let id: string | undefined;
    let at: number | undefined;
    if (typeof post === 'string') text = post;
    else if (typeof post === 'object' && post !== null && typeof (post as { text?: unknown }).text === 'string') {
      const obj = post as { text: string; id?: unknown; createdAt?: unknown };
      text = obj.text;
      if (obj.id !== undefined) {
        if (typeof obj.id !== 'string') throw new InvalidInputError(fn, `posts[${p}].id must be a string`, obj.id);
        id = obj.id;
      }
      if (obj.createdAt !== undefined) at = timestamp(fn, `posts[${p}].createdAt`, obj.createdAt);
    } else throw new InvalidInputError(fn, `posts[${p}] must be a string or { text }`, post);
    const prepared = prepareText(text);
    const found: WatchMatch[] = [];
    for (let t = 0; t < st.terms.length; t++) {
      let hit = false;
      const term = st.terms[t]!;
      res[t]!.forEach((re, v) => {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(prepared)) !== null) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          hit = true;
          const w: WatchMatch = { post: p, termId: term.id, variant: term.variants[v]!, start: m.index, end: m.index + m[0].length };
          if (id !== undefined) w.postId = id;
          found.push(w);
        }
      });
      if (hit) {
        const tot = totals[t]!;
        tot.posts++;
        if (at !== undefined) {
          if (tot.firstSeen === null || at < tot.firstSeen) tot.firstSeen = at;
          if (tot.lastSeen === null || at > tot.lastSeen) tot.lastSeen = at;
        }
      }
    }
    found.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const f of found) matches.push(f);
  }
  return {
    state: { kind: 'watchList', formatVersion: 1, terms: st.terms, postsSeen: st.postsSeen + list.length, totals },
    matches,
  };
}


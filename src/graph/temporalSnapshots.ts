/**
 * How an interaction network changes over time: one graph per calendar or sliding window, each
 * account's centrality and community from window to window, and node churn.
 *
 * @module
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { taskControl, type LongRunOptions } from '../core/progress.js';
import { bucketLabel, bucketStart } from '../core/time.js';
import type { Interaction, InteractionKind } from '../core/types.js';
import { arrayLike, boolean, numberInRange, oneOf, options as checkOptions, rethrowAs, seed as checkSeed, timestamp } from '../core/validate.js';
import { buildInteractionGraph } from './buildInteractionGraph.js';
import { degreeCentrality } from './degreeCentrality.js';
import { graphSummary, type GraphSummaryResult } from './graphSummary.js';
import { louvain } from './louvain.js';
import { pagerank } from './pagerank.js';

const FN = 'graph/temporalSnapshots';
const KINDS: readonly InteractionKind[] = ['reply', 'mention', 'repost', 'follow', 'message', 'like'];
const DAY = 86_400_000;
/** Most windows one call makes (each one builds and measures a graph). */
const MAX_WINDOWS = 10_000;

/** Sliding windows of fixed length: `window` and `step` in milliseconds. */
export interface SlidingWindow {
  /** Window length in milliseconds (> 0). */
  window: number;
  /**
   * Distance between the starts of consecutive windows in milliseconds (> 0); less than `window`
   * makes overlapping windows.
   * @defaultValue `window` (back-to-back windows)
   */
  step?: number;
}

/** Options of {@link temporalSnapshots}. */
export interface TemporalSnapshotsOptions extends LongRunOptions {
  /**
   * The windows: calendar days, weeks or months in `timeZone`, or sliding windows of fixed length
   * starting at local midnight of the day of the first interaction.
   * @defaultValue 'week'
   */
  by?: 'day' | 'week' | 'month' | SlidingWindow;
  /**
   * IANA time zone whose wall clock defines the calendar windows and the sliding windows' origin.
   * @defaultValue 'UTC'
   */
  timeZone?: string;
  /**
   * First day of a week window: 1 = Monday (ISO 8601), 0 = Sunday.
   * @defaultValue 1
   */
  weekStartsOn?: 0 | 1;
  /**
   * Build directed window graphs (source → target), as {@link buildInteractionGraph}.
   * @defaultValue true
   */
  directed?: boolean;
  /**
   * Edge weight in each window: number of interactions, or the sum of their `weight`.
   * @defaultValue 'count'
   */
  weight?: 'count' | 'sum';
  /**
   * Interaction kinds to keep (the others are counted in `skipped`).
   * @defaultValue every kind
   */
  kinds?: readonly InteractionKind[];
  /**
   * The per-window centrality of each account: PageRank (weighted, networkx's defaults), degree
   * centrality, or none.
   * @defaultValue 'pagerank'
   */
  centrality?: 'pagerank' | 'degree' | 'none';
  /**
   * Find communities in each window (Louvain) and match them across windows.
   * @defaultValue true
   */
  communities?: boolean;
  /**
   * A community of one window continues a community of the previous non-empty window when the
   * Jaccard overlap of their members is at least this (one-to-one, best overlaps first).
   * @defaultValue 0.3
   */
  matchThreshold?: number;
  /**
   * Compute {@link graphSummary} of each non-empty window (path lengths exact up to 5,000 nodes of
   * the largest component, sampled above).
   * @defaultValue true
   */
  summary?: boolean;
  /**
   * Keep each window's graphology graph in the result (memory grows with every window).
   * @defaultValue false
   */
  keepGraphs?: boolean;
  /**
   * Seed of Louvain and of sampled path lengths.
   * @defaultValue 0
   */
  seed?: number;
}

/** One window of {@link temporalSnapshots}. */
export interface TemporalWindow {
  /** First instant of the window (epoch ms, inclusive). */
  start: number;
  /** End of the window (epoch ms, exclusive). */
  end: number;
  /** Label: the local date (`'2004-04-12'`), month (`'2004-04'`), or ISO instant of `start` for sliding windows. */
  label: string;
  /** Interactions that fell in this window and were used (self-interactions and other kinds are not). */
  interactions: number;
  /** Accounts active in this window (nodes of its graph). */
  accounts: number;
  /** Edges of its graph (pairs of accounts). */
  edges: number;
  /** Accounts active for the first time. */
  newAccounts: string[];
  /** Accounts active now and before, but not in the previous window. */
  returningAccounts: string[];
  /** Accounts active in the previous window and not in this one. */
  lostAccounts: string[];
  /** Network summary of the window's graph (absent for a window without interactions or with `summary: false`). */
  summary?: GraphSummaryResult;
  /** Centrality of each active account (empty with `centrality: 'none'`). */
  centrality: Record<string, number>;
  /** Matched community id of each active account (empty with `communities: false`). */
  communities: Record<string, number>;
  /** Number of communities in this window. */
  communityCount: number;
  /**
   * Modularity of this window's communities, as {@link louvain} reports it (on the undirected view
   * of a directed graph); absent for a window without edges or with `communities: false`.
   */
  modularity?: number;
  /** The window's graph (only with `keepGraphs: true`). */
  graph?: Graph;
}

/** One account's history in {@link temporalSnapshots}. */
export interface AccountTimeline {
  /** Time of its first interaction (epoch ms), sent or received. */
  firstSeen: number;
  /** Time of its last interaction (epoch ms). */
  lastActive: number;
  /** Interactions it sent or received (self-interactions and other kinds are left out). */
  interactions: number;
  /** Number of windows in which it was active. */
  activeWindows: number;
  /** Centrality by window label, for the windows it was active in. */
  centrality: Record<string, number>;
  /** Matched community id by window label, for the windows it was active in. */
  community: Record<string, number>;
}

/** Result of {@link temporalSnapshots}. */
export interface TemporalSnapshotsResult {
  /** Every window from the one holding the first interaction to the one holding the last, in order (empty windows included). */
  windows: TemporalWindow[];
  /** Each account's history, keyed by account (a null-prototype object), from every interaction kept (`outsideWindows` ones too). */
  accounts: Record<string, AccountTimeline>;
  /** Distinct matched community ids over all windows (ids are 0 … communityTracks − 1). */
  communityTracks: number;
  /** Interactions of other kinds (not in `options.kinds`). */
  skipped: number;
  /** Self-interactions left out (an account replying to itself). */
  selfLoopsDropped: number;
  /** Interactions in no window: between sliding windows when `step` is longer than `window` (else 0). */
  outsideWindows: number;
}

interface Row {
  s: string;
  t: string;
  kind: InteractionKind;
  weight: number;
  at: number;
}

/**
 * Builds the interaction graph of each time window (calendar weeks by default) and follows the
 * network through them: per-window summaries, each account's centrality and community over time
 * with communities matched across windows, first-seen / last-active times, and node churn.
 *
 * @remarks
 * Windows: `'day'`, `'week'` or `'month'` in `timeZone` (as `bucketStart` from `crmkit`), or
 * `{ window, step }` sliding windows in milliseconds starting at local midnight of the first
 * interaction's day; every window from the first interaction's to the last one's is returned,
 * empty ones too (at most 10,000); with `step` longer than `window`, records between two windows
 * are in none and counted in `outsideWindows`. Each window's graph is {@link buildInteractionGraph} of its
 * interactions (self-interactions left out); its centrality is {@link pagerank} (or
 * {@link degreeCentrality}), its communities {@link louvain}, its summary {@link graphSummary}.
 *
 * Community matching: each community of a window takes the id of the community of the previous
 * non-empty window with the largest Jaccard overlap of members, one-to-one and best pairs first
 * (ties: larger intersection, then older id), if that overlap is at least `matchThreshold`
 * (0.3, as in Greene, Doyle and Cunningham 2010); otherwise it starts a new id. So a community that
 * keeps its id is the "same" community a week later; splits keep the id on the better-matching part.
 *
 * Cost O(records · windows per record) to assign records (one for calendar windows,
 * ⌈window / step⌉ for sliding ones) plus, per window, the cost of its graph and measures
 * (PageRank O(iterations · m), Louvain about O(m log n), the summary's path lengths O(n·m) up to
 * 5,000 nodes). Memory O(accounts · active windows).
 * @see Greene, Doyle & Cunningham (2010), "Tracking the evolution of communities in dynamic social
 * networks", ASONAM; networkx snapshots: `G.edge_subgraph` per window, `pagerank`, `density`
 * @throws {@link InvalidInputError} when `interactions` is not an array of interactions (non-empty
 * string `source` / `target`, known `kind`, finite `weight` ≥ 0, and a valid `at` on every record),
 * or is empty
 * @throws {@link InvalidOptionError} on unknown or ill-typed options, a window or step that is not
 * a positive number of milliseconds, an unknown time zone, or more than 10,000 windows
 * @throws {@link AbortError} when `signal` fires
 * @example
 * ```ts
 * import { temporalSnapshots } from 'crmkit/graph';
 * const log = [
 *   { source: 'ann', target: 'bob', kind: 'reply', at: '2024-03-04T10:00:00Z' },
 *   { source: 'bob', target: 'cat', kind: 'reply', at: '2024-03-05T10:00:00Z' },
 *   { source: 'cat', target: 'dan', kind: 'mention', at: '2024-03-12T10:00:00Z' },
 * ] as const;
 * const r = temporalSnapshots(log, { by: 'week', summary: false });
 * r.windows.map((w) => [w.label, w.accounts, w.edges]); // => [['2024-03-04', 3, 2], ['2024-03-11', 2, 1]]
 * r.windows[1]!.newAccounts; // => ['dan']
 * r.windows[1]!.lostAccounts; // => ['ann', 'bob']
 * new Date(r.accounts.cat!.firstSeen).toISOString(); // => '2024-03-05T10:00:00.000Z'
 * r.accounts.cat!.activeWindows; // => 2
 * ```
 * @category Temporal
 */
export function temporalSnapshots(interactions: readonly Interaction[], options?: TemporalSnapshotsOptions): TemporalSnapshotsResult {
  const o = checkOptions(FN, options, [
    'by',
    'timeZone',
    'weekStartsOn',
    'directed',
    'weight',
    'kinds',
    'centrality',
    'communities',
    'matchThreshold',
    'summary',
    'keepGraphs',
    'seed',
    'signal',
    'onProgress',
  ]);
  const records = arrayLike<unknown>(FN, 'interactions', interactions, 1);
  const directed = o.directed === undefined ? true : boolean(FN, 'options.directed', o.directed);
  const weightMode = o.weight === undefined ? 'count' : oneOf(FN, 'options.weight', o.weight, ['count', 'sum'] as const);
  const centralityMode = o.centrality === undefined ? 'pagerank' : oneOf(FN, 'options.centrality', o.centrality, ['pagerank', 'degree', 'none'] as const);
  const withCommunities = o.communities === undefined ? true : boolean(FN, 'options.communities', o.communities);
  const threshold = o.matchThreshold === undefined ? 0.3 : numberInRange(FN, 'options.matchThreshold', o.matchThreshold, { min: 0, max: 1, minExclusive: true });
  const withSummary = o.summary === undefined ? true : boolean(FN, 'options.summary', o.summary);
  const keepGraphs = o.keepGraphs === undefined ? false : boolean(FN, 'options.keepGraphs', o.keepGraphs);
  const seed = checkSeed(FN, o.seed);
  const weekStartsOn = o.weekStartsOn === undefined ? 1 : oneOf(FN, 'options.weekStartsOn', o.weekStartsOn, [0, 1] as const);
  let kinds: Set<InteractionKind> | null = null;
  if (o.kinds !== undefined) {
    const ks = arrayLike<unknown>(FN, 'options.kinds', o.kinds, 1);
    kinds = new Set();
    for (let i = 0; i < ks.length; i++) kinds.add(oneOf(FN, `options.kinds[${i}]`, ks[i], KINDS));
  }
  const timeZone = o.timeZone === undefined ? 'UTC' : o.timeZone;
  if (typeof timeZone !== 'string') throw new InvalidOptionError(FN, 'options.timeZone must be an IANA time zone name', timeZone);
  let unit: 'day' | 'week' | 'month' | null = null;
  let windowMs = 0;
  let stepMs = 0;
  const by = o.by === undefined ? 'week' : o.by;
  if (typeof by === 'string') unit = oneOf(FN, 'options.by', by, ['day', 'week', 'month'] as const);
  else if (by !== null && typeof by === 'object' && !Array.isArray(by)) {
    const b = checkOptions(FN, by as SlidingWindow, ['window', 'step']);
    windowMs = numberInRange(FN, 'options.by.window', b.window, { min: 0, minExclusive: true, max: 1e15 });
    stepMs = b.step === undefined ? windowMs : numberInRange(FN, 'options.by.step', b.step, { min: 0, minExclusive: true, max: 1e15 });
  } else {
    throw new InvalidOptionError(FN, "options.by must be 'day', 'week', 'month' or { window, step } in milliseconds", by);
  }
  const task = taskControl(FN, o);
  const bucket = { unit: unit ?? 'day', timeZone, weekStartsOn } as const;
  const startOf = (t: number): number => {
    try {
      return bucketStart(t, bucket);
    } catch (e) {
      return rethrowAs(FN, e);
    }
  };
  startOf(0); // an unknown time zone throws here, before any work

  // 1. validate every record once, keep what the windows need
  const rows: Row[] = [];
  let skipped = 0;
  let loops = 0;
  let tMin = Infinity;
  let tMax = -Infinity;
  for (let i = 0; i < records.length; i++) {
    const r = records[i] as Record<string, unknown> | null;
    if (r === null || typeof r !== 'object') throw new InvalidInputError(FN, `interactions[${i}] must be an interaction object`, r);
    for (const f of ['source', 'target'] as const) {
      if (typeof r[f] !== 'string' || (r[f] as string).length === 0) throw new InvalidInputError(FN, `interactions[${i}].${f} must be a non-empty string`, r[f]);
    }
    const kind = r.kind as InteractionKind;
    if (!KINDS.includes(kind)) throw new InvalidInputError(FN, `interactions[${i}].kind must be one of ${KINDS.map((k) => `'${k}'`).join(', ')}`, r.kind);
    const w = r.weight === undefined ? 1 : r.weight;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > 1e300) {
      throw new InvalidInputError(FN, `interactions[${i}].weight must be a finite number in [0, 1e300]`, r.weight);
    }
    if (r.at === undefined) throw new InvalidInputError(FN, `interactions[${i}].at is required (the time of the interaction)`, r.at);
    const at = timestamp(FN, `interactions[${i}].at`, r.at);
    if (kinds !== null && !kinds.has(kind)) {
      skipped++;
      continue;
    }
    if (r.source === r.target) {
      loops++;
      continue;
    }
    if (at < tMin) tMin = at;
    if (at > tMax) tMax = at;
    rows.push({ s: r.source as string, t: r.target as string, kind, weight: w, at });
  }

  // 2. the windows: dense from the first interaction's to the last one's
  const starts: number[] = [];
  const ends: number[] = [];
  if (rows.length > 0) {
    if (unit !== null) {
      const last = startOf(tMax);
      for (let s = startOf(tMin); s <= last; ) {
        if (starts.length >= MAX_WINDOWS) tooMany(by);
        const next = nextCalendarStart(s, unit, startOf);
        starts.push(s);
        ends.push(next);
        s = next;
      }
    } else {
      const origin = startOf(tMin); // local midnight of the first day
      const count = Math.floor((tMax - origin) / stepMs) + 1;
      if (count > MAX_WINDOWS) tooMany(by);
      // windows that end before the first interaction hold nothing: the first one contains origin
      for (let i = 0; i < count; i++) {
        starts.push(origin + i * stepMs);
        ends.push(origin + i * stepMs + windowMs);
      }
    }
  }
  const nw = starts.length;
  const byWindow: Row[][] = Array.from({ length: nw }, () => []);
  let outside = 0;
  for (const row of rows) {
    if (unit !== null) {
      byWindow[lowerBound(starts, startOf(row.at))]!.push(row);
    } else {
      const origin = starts[0]!;
      // windows i with start_i <= at < start_i + window: i in (⌊(at − origin − window) / step⌋, ⌊(at − origin) / step⌋]
      const hi = Math.min(nw - 1, Math.floor((row.at - origin) / stepMs));
      let placed = false;
      for (let i = hi; i >= 0 && row.at < ends[i]!; i--) {
        if (row.at >= starts[i]!) {
          byWindow[i]!.push(row);
          placed = true;
        }
      }
      if (!placed) outside++;
    }
  }

  // 3. per window: graph, measures, churn, community matching
  const accounts: Record<string, AccountTimeline> = Object.create(null);
  for (const row of rows) {
    for (const name of [row.s, row.t]) {
      let a = accounts[name];
      if (a === undefined) {
        a = { firstSeen: row.at, lastActive: row.at, interactions: 0, activeWindows: 0, centrality: Object.create(null), community: Object.create(null) };
        accounts[name] = a;
      }
      if (row.at < a.firstSeen) a.firstSeen = row.at;
      if (row.at > a.lastActive) a.lastActive = row.at;
      a.interactions++;
    }
  }
  const seen = new Set<string>();
  let previous = new Set<string>();
  let prevCommunities: Map<number, Set<string>> | null = null;
  let tracks = 0;
  const windows: TemporalWindow[] = [];
  for (let w = 0; w < nw; w++) {
    task.checkpoint(w, nw);
    const items = byWindow[w]!;
    const label = unit !== null ? bucketLabel(starts[w]!, bucket) : new Date(starts[w]!).toISOString();
    const win: TemporalWindow = {
      start: starts[w]!,
      end: ends[w]!,
      label,
      interactions: items.length,
      accounts: 0,
      edges: 0,
      newAccounts: [],
      returningAccounts: [],
      lostAccounts: [],
      centrality: Object.create(null),
      communities: Object.create(null),
      communityCount: 0,
    };
    const active = new Set<string>();
    for (const row of items) {
      active.add(row.s);
      active.add(row.t);
    }
    for (const name of active) {
      if (!seen.has(name)) win.newAccounts.push(name);
      else if (!previous.has(name)) win.returningAccounts.push(name);
      accounts[name]!.activeWindows++;
    }
    for (const name of previous) if (!active.has(name)) win.lostAccounts.push(name);
    for (const name of active) seen.add(name);
    previous = active;
    if (items.length > 0) {
      let graph: Graph;
      try {
        graph = buildInteractionGraph(
          items.map((r) => ({ source: r.s, target: r.t, kind: r.kind, weight: r.weight })),
          { directed, weight: weightMode },
        );
        win.accounts = graph.order;
        win.edges = graph.size;
        if (centralityMode === 'pagerank') win.centrality = pagerank(graph).scores;
        else if (centralityMode === 'degree') win.centrality = degreeCentrality(graph);
        for (const name in win.centrality) accounts[name]!.centrality[label] = win.centrality[name]!;
        if (withSummary) win.summary = graphSummary(graph, { seed });
        if (withCommunities) {
          const c = louvain(graph, { seed });
          if (graph.size > 0) win.modularity = c.modularity;
          const groups = new Map<number, Set<string>>();
          for (const name in c.communities) {
            const id = c.communities[name]!;
            let g = groups.get(id);
            if (g === undefined) groups.set(id, (g = new Set()));
            g.add(name);
          }
          const ids = matchCommunities(groups, prevCommunities, threshold, () => tracks++);
          const matched = new Map<number, Set<string>>();
          for (const [local, members] of groups) {
            const id = ids.get(local)!;
            matched.set(id, members);
            for (const name of members) {
              win.communities[name] = id;
              accounts[name]!.community[label] = id;
            }
          }
          win.communityCount = groups.size;
          prevCommunities = matched;
        }
      } catch (e) {
        rethrowAs(FN, e);
      }
      if (keepGraphs) win.graph = graph!;
    }
    windows.push(win);
  }
  task.checkpoint(nw, nw);
  return { windows, accounts, communityTracks: tracks, skipped, selfLoopsDropped: loops, outsideWindows: outside };
}

function tooMany(by: unknown): never {
  throw new InvalidOptionError(FN, `options.by makes more than ${MAX_WINDOWS} windows between the first and the last interaction; use longer windows or a larger step`, by);
}

/** Start of the calendar window after the one starting at `s`. */
function nextCalendarStart(s: number, unit: 'day' | 'week' | 'month', startOf: (t: number) => number): number {
  // jump past the longest possible window (25 h day, 7 d + 1 h week, 31 d + 1 h month) and floor back,
  // or just past the shortest when that lands two windows on
  const longest = unit === 'day' ? 25 * 3_600_000 : unit === 'week' ? 7 * DAY + 3_600_000 : 31 * DAY + 3_600_000;
  const shortest = unit === 'day' ? 23 * 3_600_000 : unit === 'week' ? 7 * DAY - 3_600_000 : 28 * DAY - 3_600_000;
  const a = startOf(s + shortest);
  if (a > s) return a;
  return startOf(s + longest);
}

/** First index i with sorted[i] >= x. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ids for this window's communities: one-to-one matches with the previous window's communities by
 * Jaccard overlap ≥ threshold, best first (ties: larger intersection, then smaller previous id, then
 * smaller local id); unmatched communities get new ids, largest first.
 */
function matchCommunities(
  current: ReadonlyMap<number, ReadonlySet<string>>,
  previous: ReadonlyMap<number, ReadonlySet<string>> | null,
  threshold: number,
  newId: () => number,
): Map<number, number> {
  const out = new Map<number, number>();
  if (previous !== null) {
    const prevOf = new Map<string, number>();
    for (const [id, members] of previous) for (const name of members) prevOf.set(name, id);
    const pairs: { local: number; prev: number; inter: number; jaccard: number }[] = [];
    for (const [local, members] of current) {
      const inter = new Map<number, number>();
      for (const name of members) {
        const p = prevOf.get(name);
        if (p !== undefined) inter.set(p, (inter.get(p) ?? 0) + 1);
      }
      for (const [prev, k] of inter) {
        const jaccard = k / (members.size + previous.get(prev)!.size - k);
        if (jaccard >= threshold) pairs.push({ local, prev, inter: k, jaccard });
      }
    }
    pairs.sort((a, b) => b.jaccard - a.jaccard || b.inter - a.inter || a.prev - b.prev || a.local - b.local);
    const used = new Set<number>();
    for (const p of pairs) {
      if (out.has(p.local) || used.has(p.prev)) continue;
      out.set(p.local, p.prev);
      used.add(p.prev);
    }
  }
  const rest = [...current.keys()].filter((k) => !out.has(k));
  rest.sort((a, b) => current.get(b)!.size - current.get(a)!.size || a - b);
  for (const k of rest) out.set(k, newId());
  return out;
}

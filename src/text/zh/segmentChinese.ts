import { InvalidInputError } from '../../core/errors.js';
import { EMIT, TOTAL, WORDS } from './_dictionary.js';

/**
 * The dictionary as a trie (jieba's `FREQ`: every word and every proper prefix of one): node n's
 * child by UTF-16 code unit c sits in an open-addressing hash table keyed by (n, c); a node's
 * frequency is 0 for a prefix that is not a word. No strings are built while segmenting.
 */
interface Trie {
  bits: number;
  keyNode: Int32Array;
  keyChar: Uint16Array;
  child: Int32Array;
  freq: Int32Array;
}
let TRIE: Trie | undefined;
/** Per HMM state B, E, M, S: code unit → log p (absent: MIN_FLOAT). */
let EMIT_P: Float64Array[] | undefined;
const LOG_TOTAL = Math.log(TOTAL);
const MIN_FLOAT = -3.14e100;
// jieba.finalseg prob_start / prob_trans; states 0 B, 1 E, 2 M, 3 S.
const START = [-0.26268660809250016, MIN_FLOAT, MIN_FLOAT, -1.4652633398537678];
const TRANS: number[][] = [
  [MIN_FLOAT, -0.51082562376599, -0.916290731874155, MIN_FLOAT],
  [-0.5897149736854513, MIN_FLOAT, MIN_FLOAT, -0.8085250474669937],
  [MIN_FLOAT, -0.33344856811948514, -1.2603623820268226, MIN_FLOAT],
  [-0.7211965654669841, MIN_FLOAT, MIN_FLOAT, -0.6658631448798212],
];
/** jieba's PrevStatus, in its order: B ← E,S; E ← B,M; M ← M,B; S ← S,E. State letters order B < E < M < S. */
const PREV = [[1, 3], [0, 2], [2, 0], [3, 1]];

function isB36(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}
function b36(c: number): number {
  return c <= 57 ? c - 48 : c - 87;
}

function slot(t: Trie, node: number, c: number): number {
  const mask = (1 << t.bits) - 1;
  let h = Math.imul(Math.imul(node, 0x01000193) ^ c, 0x9e3779b1) >>> (32 - t.bits);
  while (t.keyNode[h] !== -1 && (t.keyNode[h] !== node || t.keyChar[h] !== c)) h = (h + 1) & mask;
  return h;
}

/** The child of `node` by code unit `c`, or −1. */
function step(t: Trie, node: number, c: number): number {
  const h = slot(t, node, c);
  return t.keyNode[h] === -1 ? -1 : t.child[h]!;
}

function load(): Trie {
  if (TRIE !== undefined) return TRIE;
  const bits = 20; // 497,974 nodes: load factor 0.47
  const size = 1 << bits;
  const t: Trie = { bits, keyNode: new Int32Array(size).fill(-1), keyChar: new Uint16Array(size), child: new Int32Array(size), freq: new Int32Array(1 << 20) };
  let nodes = 1;
  const path = new Int32Array(64);
  let i = 0;
  const n = WORDS.length;
  while (i < n) {
    const p = WORDS.charCodeAt(i++) - 65;
    let node = path[p]!;
    let depth = p;
    while (i < n && !isB36(WORDS.charCodeAt(i))) {
      const c = WORDS.charCodeAt(i++);
      const h = slot(t, node, c);
      if (t.keyNode[h] === -1) {
        t.keyNode[h] = node;
        t.keyChar[h] = c;
        t.child[h] = nodes++;
      }
      node = t.child[h]!;
      path[++depth] = node;
    }
    let f = 0;
    while (i < n && isB36(WORDS.charCodeAt(i))) f = f * 36 + b36(WORDS.charCodeAt(i++));
    t.freq[node] = f;
  }
  const emit: Float64Array[] = [];
  for (const state of ['B', 'E', 'M', 'S'] as const) {
    const m = new Float64Array(65536).fill(MIN_FLOAT);
    const s = EMIT[state];
    let j = 0;
    while (j < s.length) {
      const cu = s.charCodeAt(j++);
      let v = 0;
      while (j < s.length && isB36(s.charCodeAt(j))) v = v * 36 + b36(s.charCodeAt(j++));
      m[cu] = -v / 1e6;
    }
    emit.push(m);
  }
  EMIT_P = emit;
  TRIE = t;
  return t;
}

/** Frequency of a whole string in the trie (0 when absent or only a prefix). */
function freqOf(t: Trie, s: string): number {
  let node = 0;
  for (let i = 0; i < s.length; i++) {
    node = step(t, node, s.charCodeAt(i));
    if (node < 0) return 0;
  }
  return t.freq[node]!;
}

/** jieba.finalseg's Viterbi over B/M/E/S for a run of jieba-Han characters; pushes the words. */
function hmmCut(s: string, out: string[]): void {
  const emit = EMIT_P!;
  const n = s.length;
  const probs = new Float64Array(n * 4);
  const back = new Uint8Array(n * 4);
  for (let y = 0; y < 4; y++) probs[y] = START[y]! + emit[y]![s.charCodeAt(0)]!;
  for (let t = 1; t < n; t++) {
    const c = s.charCodeAt(t);
    for (let y = 0; y < 4; y++) {
      const em = emit[y]![c]!;
      const [a, b] = PREV[y]!;
      const pa = probs[(t - 1) * 4 + a!]! + TRANS[a!]![y]! + em;
      const pb = probs[(t - 1) * 4 + b!]! + TRANS[b!]![y]! + em;
      // Python max over (prob, state) tuples: ties go to the later state letter.
      const takeA = pa > pb || (pa === pb && a! > b!);
      probs[t * 4 + y] = takeA ? pa : pb;
      back[t * 4 + y] = takeA ? a! : b!;
    }
  }
  const pe = probs[(n - 1) * 4 + 1]!;
  const ps = probs[(n - 1) * 4 + 3]!;
  let state = ps >= pe ? 3 : 1;
  const path = new Uint8Array(n);
  for (let t = n - 1; t >= 0; t--) {
    path[t] = state;
    state = back[t * 4 + state]!;
  }
  let begin = 0;
  let next = 0;
  for (let i = 0; i < n; i++) {
    const pos = path[i]!;
    if (pos === 0) begin = i;
    else if (pos === 1) {
      out.push(s.slice(begin, i + 1));
      next = i + 1;
    } else if (pos === 3) {
      out.push(s[i]!);
      next = i + 1;
    }
  }
  if (next < n) out.push(s.slice(next));
}

function flush(buf: string, trie: Trie, out: string[]): void {
  if (buf.length === 1) out.push(buf);
  else if (freqOf(trie, buf) === 0) hmmCut(buf, out);
  else for (const ch of buf) out.push(ch);
}

/** jieba's `__cut_DAG` on a run of characters in U+4E00–U+9FD5: max-probability route, then the HMM for unknown runs. */
function dagCut(s: string, trie: Trie, out: string[]): void {
  const n = s.length;
  const prob = new Float64Array(n + 1);
  const next = new Int32Array(n + 1);
  for (let idx = n - 1; idx >= 0; idx--) {
    let best = -Infinity;
    let bestX = idx;
    let found = false;
    let node = 0;
    for (let i = idx; i < n; i++) {
      node = step(trie, node, s.charCodeAt(i));
      if (node < 0) break;
      const f = trie.freq[node]!;
      if (f > 0) {
        found = true;
        const p = Math.log(f) - LOG_TOTAL + prob[i + 1]!;
        if (p >= best) {
          best = p;
          bestX = i;
        }
      }
    }
    if (!found) {
      best = -LOG_TOTAL + prob[idx + 1]!;
      bestX = idx;
    }
    prob[idx] = best;
    next[idx] = bestX;
  }
  let buf = '';
  let x = 0;
  while (x < n) {
    const y = next[x]! + 1;
    if (y - x === 1) buf += s[x]!;
    else {
      if (buf.length > 0) {
        flush(buf, trie, out);
        buf = '';
      }
      out.push(s.slice(x, y));
    }
    x = y;
  }
  if (buf.length > 0) flush(buf, trie, out);
}

const JIEBA_HAN = /[\u4e00-\u9fd5]+/y;
const ALNUM = /[a-zA-Z0-9]+(?:\.\d+)?%?/y;

/**
 * Splits Chinese text into words with jieba's algorithm and dictionary (jieba 0.42.1, MIT): a
 * directed acyclic graph of the dictionary words in a run of Han characters, the maximum-probability
 * route through it, and jieba's hidden Markov model (B/M/E/S Viterbi) for runs of characters the
 * dictionary does not know. Pass it as `segmenter` to `tokenize`, `fitTfidf` and the other functions
 * of `crmkit/text` that tokenize.
 *
 * @remarks
 * Equals `jieba.cut(text)` (default dictionary, HMM on) on runs of U+4E00–U+9FD5, the characters
 * jieba's default mode segments. Other characters: runs of ASCII letters and digits (with a decimal
 * part and `%`) are one token each, whitespace is dropped, anything else is one token per character
 * (jieba keeps dictionary words mixing Latin and Han such as `T恤`; `tokenize` only ever passes Han
 * runs here). The first call decodes the dictionary (349k words into a 498k-node trie; about 0.2 s and 16 MB in Node);
 * import this subpath lazily (`await import('crmkit/text/zh')`) so apps that do not segment Chinese
 * never download it. Cost O(length × longest word) per run.
 *
 * @see https://github.com/fxsjy/jieba (jieba.cut, HMM = True)
 * @throws {@link InvalidInputError} when `text` is not a string
 * @example
 * ```ts
 * import { segmentChinese } from 'crmkit/text/zh';
 * import { tokenize } from 'crmkit/text';
 * segmentChinese('我来到北京清华大学'); // => ['我', '来到', '北京', '清华大学']
 * tokenize('周杰伦的新歌太好听了[赞] #音乐#', { segmenter: segmentChinese });
 * // => ['周杰伦', '的', '新歌', '太', '好听', '了', '[赞]', '#音乐']
 * ```
 * @category Tokens
 */
export function segmentChinese(text: string): string[] {
  if (typeof text !== 'string') throw new InvalidInputError('text/segmentChinese', 'text must be a string', text);
  const trie = load();
  const out: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    JIEBA_HAN.lastIndex = i;
    const h = JIEBA_HAN.exec(text);
    if (h !== null) {
      dagCut(h[0], trie, out);
      i = JIEBA_HAN.lastIndex;
      continue;
    }
    ALNUM.lastIndex = i;
    const a = ALNUM.exec(text);
    if (a !== null) {
      out.push(a[0]);
      i = ALNUM.lastIndex;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + len);
    if (ch.trim().length > 0) out.push(ch);
    i += len;
  }
  return out;
}

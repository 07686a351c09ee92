/**
 * The Chinese scorer: crmkit's hand-written core lexicon matched by forward maximum matching, with
 * hand-written negators, degree adverbs, contrast words and Weibo emoticons.
 *
 * @internal
 * @module
 */
import { EMOJI_SOURCE } from '../_patterns.js';
import { BOOST, emojiValence, englishLexicon, NEGATE } from './_lexicon.js';
import type { UnitArrays } from './_score.js';
import { chineseCore } from './_chineseCore.js';

/** Negators: flip (× −0.74) a sentiment word up to three units later in the same clause. */
const NEGATORS = new Set(['不', '没', '没有', '别', '未', '无', '非', '毫不', '并不', '从不', '从没', '不是', '绝不', '决不', '并非', '不太', '不怎么', '不够', '甭', '莫', '勿']);

/** Degree adverbs: added to a following sentiment word's magnitude, in units of VADER's 0.293. */
const DEGREE = new Map<string, number>([
  ...['非常', '极', '极其', '极了', '超', '超级', '特别', '十分', '太', '最', '贼', '巨', '相当', '格外', '尤其', '实在', '无比', '万分', '过于', '太过', '简直', '真是', '好好'].map((w) => [w, 2] as [string, number]),
  ...['很', '挺', '蛮', '真', '好', '更', '越来越', '这么', '那么', '多么', '如此'].map((w) => [w, 1] as [string, number]),
  ...['有点', '有些', '稍微', '略', '稍', '一点', '有一点', '比较', '还算'].map((w) => [w, -1] as [string, number]),
]);

/** Contrast words: clauses before × 0.5, after × 1.5 (VADER's "but"). */
const CONTRAST = new Set(['但', '但是', '可是', '不过', '然而', '只是', '可惜']);

/**
 * Weibo emoticons (`[哈哈]`) scored by hand on VADER's scale from their usual use: crmkit's own
 * judgement, not learned from any corpus. Emoticons not listed score as the lexicon scores their text.
 */
const EMOTICONS = new Map<string, number>([
  ...'哈哈 嘻嘻 爱你 心 赞 good 鼓掌 太开心 偷笑 可爱 亲亲 花心 给力 威武 耶 好喜欢 好爱哦 憧憬 酷 礼物 蛋糕 鲜花 太阳 赞啊 ok 抱抱 握手 作揖 笑哈哈 馋嘴 害羞 挤眼 兔子 熊猫 喵喵 加油 羞嗒嗒 星星眼 色 飞吻 干杯 给你小心心 奥特曼 心动 打call 666 棒棒糖 愛你 哇'
    .split(' ')
    .map((w) => [w, 2] as [string, number]),
  ...'笑cry 二哈 doge 哈哈哈 嘿哈 坏笑 得意地笑 微笑 转发 haha 馋 喜 噢耶 思考 并不简单 吃瓜 跪了 污 摊手 机智'.split(' ').map((w) => [w, 1] as [string, number]),
  ...'允悲 费解 汗 黑线 疑问 晕 哈欠 困 睡 吃惊 挖鼻 闭嘴 拜拜 感冒 生病 单身狗 傻眼 骷髅 吐 左哼哼 右哼哼 哼 阴险 打脸 弱 NO 互粉 裂开 苦涩 悲催 惊恐 惊讶'
    .split(' ')
    .map((w) => [w, -1] as [string, number]),
  ...'泪 悲伤 衰 可怜 委屈 失望 伤心 心碎 鄙视 怒 抓狂 生气 怒骂 崩溃 泪流满面 淚 哭 大哭 呜呜 蜡烛 草泥马 囧 怒吼 抠鼻屎'
    .split(' ')
    .map((w) => [w, -2] as [string, number]),
]);

const PIECE = new RegExp(
  String.raw`(?<emoticon>\[[^\[\]\n]{1,12}\])|(?<emoji>${EMOJI_SOURCE})|(?<han>\p{Script=Han}+)|(?<latin>[A-Za-z]+(?:'[A-Za-z]+)?)|(?<stop>[，。！？；：,.!?;:~～…\n])`,
  'gu',
);

const MAX_WORD = 4;

type Lookup = (w: string) => number | undefined;

/** Unit kinds (the rule words are units while the rules run, then dropped). */
const WORD = 0;
const NEGATOR = 1;
const DEGREE_ADVERB = 2;
const CONTRAST_WORD = 3;
const OTHER = 4;

/** The units of a text as parallel arrays (no object per unit); `clause` the clause each belongs to. */
class ZhUnits {
  n = 0;
  token: string[] = [];
  base: Float64Array = new Float64Array(64);
  valence: Float64Array = new Float64Array(64);
  kind: Uint8Array = new Uint8Array(64);
  clause: Int32Array = new Int32Array(64);
  /** The first contrast unit, or −1. */
  contrastAt = -1;
  push(token: string, v: number, kind: number, clause: number): void {
    const k = this.n;
    if (k === this.base.length) this.grow();
    this.token.push(token);
    this.base[k] = v;
    this.valence[k] = v;
    this.kind[k] = kind;
    this.clause[k] = clause;
    if (kind === CONTRAST_WORD && this.contrastAt < 0) this.contrastAt = k;
    this.n = k + 1;
  }
  private grow(): void {
    const size = this.base.length * 2;
    const b = new Float64Array(size);
    b.set(this.base);
    this.base = b;
    const v = new Float64Array(size);
    v.set(this.valence);
    this.valence = v;
    const k = new Uint8Array(size);
    k.set(this.kind);
    this.kind = k;
    const c = new Int32Array(size);
    c.set(this.clause);
    this.clause = c;
  }
}

let builtInLongest: Uint8Array | undefined;
const extraLongest = new WeakMap<ReadonlyMap<string, number>, Map<number, number>>();

/**
 * For each UTF-16 code unit, the length of the longest built-in word (lexicon or rule word, at most
 * MAX_WORD) starting with it; 0 when none does.
 */
function builtInLengths(): Uint8Array {
  if (builtInLongest === undefined) {
    const t = new Uint8Array(0x10000);
    const add = (w: string): void => {
      const c = w.charCodeAt(0);
      t[c] = Math.max(t[c]!, Math.min(w.length, MAX_WORD));
    };
    for (const w of chineseCore().keys()) add(w);
    for (const w of NEGATORS) add(w);
    for (const w of CONTRAST) add(w);
    for (const w of DEGREE.keys()) add(w);
    builtInLongest = t;
  }
  return builtInLongest;
}

/** The same for a user lexicon's words (cached per lexicon). */
function lengthsOf(extra: ReadonlyMap<string, number>): Map<number, number> {
  let f = extraLongest.get(extra);
  if (f === undefined) {
    f = new Map();
    for (const w of extra.keys()) if (w.length > 0) f.set(w.charCodeAt(0), Math.max(f.get(w.charCodeAt(0)) ?? 0, Math.min(w.length, MAX_WORD)));
    extraLongest.set(extra, f);
  }
  return f;
}

/**
 * Forward maximum matching of a Han run against the lexicon and the rule words. With `out`, units
 * go to it (contrast words advance `state.clause` before and after themselves); without, only the
 * sum of the lexicon words' valences is kept in `state.sum` (an unknown emoticon's name). Only
 * lengths up to the longest word starting with the character are tried (`longest`), so a character
 * no word starts with costs no lookup. Unmatched characters count as neutral units, one per two
 * characters (about a word).
 */
function matchRun(run: string, lex: Lookup, longest: (c: number) => number, out: ZhUnits | null, state: { clause: number; sum: number }): void {
  let i = 0;
  let pending = 0;
  const len = run.length;
  while (i < len) {
    const most = longest(run.charCodeAt(i));
    if (most === 0) {
      pending++;
      i++;
      continue;
    }
    let hit = 0;
    let kind = OTHER;
    let v = 0;
    for (let n = Math.min(most, len - i); n >= 1; n--) {
      const w = run.slice(i, i + n);
      const lv = lex(w);
      // The rule words win over a lexicon entry of the same length (不 is a negator, not a word).
      if (NEGATORS.has(w)) kind = NEGATOR;
      else if (CONTRAST.has(w)) kind = CONTRAST_WORD;
      else if (DEGREE.has(w) && (n > 1 || lex(run.slice(i + 1, i + 3)) !== undefined || lex(run.slice(i + 1, i + 2)) !== undefined || lv === undefined)) kind = DEGREE_ADVERB;
      else if (lv !== undefined) {
        kind = WORD;
        v = lv;
      } else continue;
      hit = n;
      break;
    }
    if (hit === 0) {
      pending++;
      i++;
      continue;
    }
    if (out !== null) for (let k = 0; k < Math.ceil(pending / 2); k++) out.push('', 0, OTHER, state.clause);
    pending = 0;
    if (out === null) {
      if (kind === WORD) state.sum += v;
    } else {
      const token = run.slice(i, i + hit);
      if (kind === CONTRAST_WORD) state.clause++;
      out.push(token, v, kind, state.clause);
      if (kind === CONTRAST_WORD) state.clause++;
    }
    i += hit;
  }
  if (out !== null) for (let k = 0; k < Math.ceil(pending / 2); k++) out.push('', 0, OTHER, state.clause);
}

/**
 * Scores Chinese (or mixed) text; returns units plus `!`/`?` counts. Allocation-light: units live
 * in parallel typed arrays, and only word lengths that occur in the lexicons are looked up.
 */
export function scoreChinese(text: string, extra: ReadonlyMap<string, number> | undefined, keepEmoticons: boolean): { units: UnitArrays; exclamations: number; questions: number } {
  const core = chineseCore();
  const en = englishLexicon();
  const lex: Lookup = extra ? (w) => extra.get(w) ?? core.get(w) : (w) => core.get(w);
  const builtIn = builtInLengths();
  const ex = extra ? lengthsOf(extra) : undefined;
  const longest = ex ? (c: number): number => Math.max(builtIn[c]!, ex.get(c) ?? 0) : (c: number): number => builtIn[c]!;
  const list = new ZhUnits();
  const state = { clause: 0, sum: 0 };
  let exclamations = 0;
  let questions = 0;
  for (const m of text.matchAll(PIECE)) {
    const g = m.groups!;
    if (g['emoticon'] !== undefined) {
      if (!keepEmoticons) continue;
      const name = g['emoticon'].slice(1, -1);
      let v = EMOTICONS.get(name);
      if (v === undefined) {
        // Unknown emoticon: the lexicon's verdict on its text, if any.
        const inner = { clause: 0, sum: 0 };
        matchRun(name, lex, longest, null, inner);
        v = inner.sum;
      }
      list.push(g['emoticon'], v, WORD, state.clause);
    } else if (g['emoji'] !== undefined) {
      list.push(g['emoji'], emojiValence(g['emoji']), WORD, state.clause);
    } else if (g['han'] !== undefined) {
      matchRun(g['han'], lex, longest, list, state);
    } else if (g['latin'] !== undefined) {
      const w = g['latin'].toLowerCase();
      const v = extra?.get(w) ?? en.get(w) ?? 0;
      list.push(g['latin'], v, v === 0 ? OTHER : WORD, state.clause);
    } else {
      const s = g['stop']!;
      if (s === '!' || s === '！') exclamations++;
      if (s === '?' || s === '？') questions++;
      state.clause++;
    }
  }
  const { n, token, base, valence, kind, clause } = list;
  for (let i = 0; i < n; i++) {
    if (kind[i] !== WORD || base[i] === 0) continue;
    let v = base[i]!;
    for (let j = 1; j <= 3 && i - j >= 0; j++) {
      const p = i - j;
      if (clause[p] !== clause[i]) break;
      if (kind[p] === DEGREE_ADVERB) {
        const s = DEGREE.get(token[p]!)! * BOOST * (j === 1 ? 1 : j === 2 ? 0.95 : 0.9);
        v += v > 0 ? s : -s;
      } else if (kind[p] === NEGATOR) v *= NEGATE;
    }
    valence[i] = v;
  }
  const contrastAt = list.contrastAt;
  if (contrastAt >= 0) for (let i = 0; i < n; i++) valence[i] = valence[i]! * (i < contrastAt ? 0.5 : i > contrastAt ? 1.5 : 1);
  // Drop the rule words, keeping the order of the rest.
  let w = 0;
  for (let i = 0; i < n; i++) {
    const k = kind[i];
    if (k === NEGATOR || k === DEGREE_ADVERB || k === CONTRAST_WORD) continue;
    token[w] = token[i]!;
    base[w] = base[i]!;
    valence[w] = valence[i]!;
    w++;
  }
  token.length = w;
  return { units: { n: w, token, base, valence }, exclamations, questions };
}

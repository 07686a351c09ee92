/**
 * The Chinese scorer: crmkit's hand-written core lexicon matched by forward maximum matching, with
 * hand-written negators, degree adverbs, contrast words and Weibo emoticons.
 *
 * @internal
 * @module
 */
import { EMOJI_SOURCE } from '../_patterns.js';
import { BOOST, emojiValence, englishLexicon, NEGATE } from './_lexicon.js';
import type { Unit } from './_score.js';
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

interface ZhUnit extends Unit {
  kind: 'word' | 'negator' | 'degree' | 'contrast' | 'other';
  clause: number;
}

type Lookup = (w: string) => number | undefined;

/** Forward maximum matching of a Han run against the lexicon and the rule words. */
function matchRun(run: string, lex: Lookup, out: ZhUnit[], clause: () => number, onContrast: () => void): void {
  let i = 0;
  let pending = 0;
  const flushNeutral = (): void => {
    // Unmatched characters count as neutral units, one per two characters (about a word).
    for (let k = 0; k < Math.ceil(pending / 2); k++) out.push({ token: '', base: 0, valence: 0, boundary: false, kind: 'other', clause: clause() });
    pending = 0;
  };
  while (i < run.length) {
    let hit = 0;
    let kind: ZhUnit['kind'] = 'other';
    let v = 0;
    for (let n = Math.min(MAX_WORD, run.length - i); n >= 1; n--) {
      const w = run.slice(i, i + n);
      const lv = lex(w);
      // The rule words win over a lexicon entry of the same length (不 is a negator, not a word).
      if (NEGATORS.has(w)) kind = 'negator';
      else if (CONTRAST.has(w)) kind = 'contrast';
      else if (DEGREE.has(w) && (n > 1 || lex(run.slice(i + 1, i + 3)) !== undefined || lex(run.slice(i + 1, i + 2)) !== undefined || lv === undefined)) kind = 'degree';
      else if (lv !== undefined) {
        kind = 'word';
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
    flushNeutral();
    const token = run.slice(i, i + hit);
    if (kind === 'contrast') onContrast();
    out.push({ token, base: v, valence: v, boundary: false, kind, clause: clause() });
    if (kind === 'contrast') onContrast();
    i += hit;
  }
  flushNeutral();
}

/** Scores Chinese (or mixed) text; returns units plus `!`/`?` counts. */
export function scoreChinese(text: string, extra: ReadonlyMap<string, number> | undefined, keepEmoticons: boolean): { units: Unit[]; exclamations: number; questions: number } {
  const core = chineseCore();
  const en = englishLexicon();
  const lex: Lookup = extra ? (w) => extra.get(w) ?? core.get(w) : (w) => core.get(w);
  const list: ZhUnit[] = [];
  let clause = 0;
  let contrastAt = -1;
  let exclamations = 0;
  let questions = 0;
  const onContrast = (): void => {
    clause++;
  };
  for (const m of text.matchAll(PIECE)) {
    const g = m.groups!;
    if (g['emoticon'] !== undefined) {
      if (!keepEmoticons) continue;
      const name = g['emoticon'].slice(1, -1);
      let v = EMOTICONS.get(name);
      if (v === undefined) {
        // Unknown emoticon: the lexicon's verdict on its text, if any.
        const inner: ZhUnit[] = [];
        matchRun(name, lex, inner, () => 0, () => undefined);
        v = inner.reduce((s, u) => s + (u.kind === 'word' ? u.base : 0), 0);
      }
      list.push({ token: g['emoticon'], base: v, valence: v, boundary: false, kind: 'word', clause });
    } else if (g['emoji'] !== undefined) {
      const v = emojiValence(g['emoji']);
      list.push({ token: g['emoji'], base: v, valence: v, boundary: false, kind: 'word', clause });
    } else if (g['han'] !== undefined) {
      const before = list.length;
      matchRun(g['han'], lex, list, () => clause, onContrast);
      for (let k = before; k < list.length; k++) {
        if (list[k]!.kind === 'contrast' && contrastAt < 0) contrastAt = k;
        clause = Math.max(clause, list[k]!.clause);
      }
    } else if (g['latin'] !== undefined) {
      const w = g['latin'].toLowerCase();
      const v = extra?.get(w) ?? en.get(w) ?? 0;
      list.push({ token: g['latin'], base: v, valence: v, boundary: false, kind: v === 0 ? 'other' : 'word', clause });
    } else {
      const s = g['stop']!;
      if (s === '!' || s === '！') exclamations++;
      if (s === '?' || s === '？') questions++;
      if (list.length > 0) list[list.length - 1]!.boundary = true;
      clause++;
    }
  }
  for (let i = 0; i < list.length; i++) {
    const u = list[i]!;
    if (u.kind !== 'word' || u.base === 0) continue;
    let v = u.base;
    for (let j = 1; j <= 3 && i - j >= 0; j++) {
      const p = list[i - j]!;
      if (p.clause !== u.clause) break;
      if (p.kind === 'degree') {
        const s = DEGREE.get(p.token)! * BOOST * (j === 1 ? 1 : j === 2 ? 0.95 : 0.9);
        v += v > 0 ? s : -s;
      } else if (p.kind === 'negator') v *= NEGATE;
    }
    u.valence = v;
  }
  if (contrastAt >= 0) for (let i = 0; i < list.length; i++) list[i]!.valence *= i < contrastAt ? 0.5 : i > contrastAt ? 1.5 : 1;
  return { units: list.filter((u) => u.kind !== 'negator' && u.kind !== 'degree' && u.kind !== 'contrast'), exclamations, questions };
}

import { InvalidInputError } from '../core/errors.js';
import { arrayLike, oneOf, options as checkOptions } from '../core/validate.js';
import { type EntityKind, normalizeEntity, scanEntities } from './_scan.js';

export type { EntityKind } from './_scan.js';

/** One entity found in a post. Offsets are in UTF-16 code units (JavaScript string indices). */
export interface Entity {
  kind: EntityKind;
  /** The text exactly as it appears in the post: `text.slice(start, end)`. */
  text: string;
  /**
   * The normalized form used for counting: hashtags, mentions and emoticons without their sigil,
   * NFKC-folded (full width to ASCII) and lower-cased (`#United` → `united`, `{%#话题#%}` → `话题`,
   * `[二哈]` → `二哈`); cashtags upper-cased without `$` (`$aapl` → `AAPL`); e-mails lower-cased;
   * URLs with a lower-cased scheme and host (`www.` gets `http://`); emoji without variation
   * selectors and skin-tone modifiers (`👍🏽` → `👍`).
   */
  normalized: string;
  /** Index of the first code unit. */
  start: number;
  /** Index after the last code unit. */
  end: number;
}

/** Options of {@link extractEntities}. */
export interface ExtractEntitiesOptions {
  /**
   * Which kinds to return; the others are still recognized (so `a@b.com` never yields a mention)
   * but left out.
   * @defaultValue all kinds
   */
  kinds?: readonly EntityKind[];
}

/** Entities of a post, all together in order and by kind. */
export interface ExtractEntitiesResult {
  /** Every entity, ordered by `start`; entities never overlap. */
  entities: Entity[];
  hashtags: Entity[];
  mentions: Entity[];
  urls: Entity[];
  emails: Entity[];
  cashtags: Entity[];
  emoji: Entity[];
  emoticons: Entity[];
}

const KINDS: readonly EntityKind[] = ['hashtag', 'mention', 'url', 'email', 'cashtag', 'emoji', 'emoticon'];
const FN = 'text/extractEntities';

/**
 * Finds hashtags, mentions, URLs, e-mails, cashtags, emoji and Weibo emoticons in a post, with their
 * UTF-16 offsets and normalized forms.
 *
 * @remarks
 * One left-to-right scan with a single regular expression; the leftmost match wins, and at the same
 * position the order is: Weibo's escaped topic `{%#话题#%}` (other `{%…%}` markup such as video
 * titles and places is skipped whole), URL (`http(s)://…`, `www.…`, ending before whitespace, CJK
 * text or closing punctuation), e-mail, Weibo topic `#话题#` (no `#` or newline inside, holds a Han
 * character, no space at either end), hashtag `#tag` (letters, marks, digits and `_`, not all
 * digits, not after a Latin letter or digit, `&` or `#`), mention `@name` / `@用户名` (letters of
 * any script, digits, `_`, inner `-`), cashtag `$AAPL` / `$BRK.B`, Weibo emoticon `[二哈]` (1–10 Han
 * characters, letters or digits including a Han character, or one of `doge`, `good`, `ok`, `haha`,
 * `NO`, `cp`), emoji (flags, keycaps, pictographs with variation selectors, skin tones, tag
 * sequences and ZWJ sequences). Full-width `＃` and `＠` are accepted. Lone surrogates are ordinary
 * characters (never an error). Cost O(length of text).
 *
 * @see twitter-text's hashtag/mention/cashtag rules (conformance cases) for the English forms;
 *   Weibo's markup as found in the weibo2018 corpus for `#话题#`, `{%#话题#%}` and `[表情]`.
 * @throws {@link InvalidInputError} when `text` is not a string
 * @throws {@link InvalidOptionError} on an unknown option or kind
 * @example
 * ```ts
 * import { extractEntities } from 'crmkit/text';
 * const r = extractEntities('@United lost my bag again #fail 😡 http://t.co/x1');
 * r.mentions[0]!.normalized; // => 'united'
 * r.hashtags[0]; // => { kind: 'hashtag', text: '#fail', normalized: 'fail', start: 26, end: 31 }
 * r.emoji[0]!.text; // => '😡'
 * r.urls[0]!.start; // => 35
 * const weibo = extractEntities('好开心{%#周杰伦#%}[二哈]').entities;
 * weibo.length; // => 2
 * weibo[0]!.normalized; // => '周杰伦'
 * weibo[1]; // => { kind: 'emoticon', text: '[二哈]', normalized: '二哈', start: 12, end: 16 }
 * ```
 * @category Entities
 */
export function extractEntities(text: string, options?: ExtractEntitiesOptions): ExtractEntitiesResult {
  if (typeof text !== 'string') throw new InvalidInputError(FN, 'text must be a string', text);
  const opts = checkOptions(FN, options, ['kinds']);
  let wanted: ReadonlySet<EntityKind> | undefined;
  if (opts.kinds !== undefined) {
    const ks = arrayLike<unknown>(FN, 'options.kinds', opts.kinds);
    const set = new Set<EntityKind>();
    for (let i = 0; i < ks.length; i++) set.add(oneOf(FN, `options.kinds[${i}]`, ks[i], KINDS));
    wanted = set;
  }
  const result: ExtractEntitiesResult = {
    entities: [],
    hashtags: [],
    mentions: [],
    urls: [],
    emails: [],
    cashtags: [],
    emoji: [],
    emoticons: [],
  };
  for (const span of scanEntities(text)) {
    if (span.kind === 'markup') continue;
    if (wanted !== undefined && !wanted.has(span.kind)) continue;
    const e: Entity = {
      kind: span.kind,
      text: text.slice(span.start, span.end),
      normalized: normalizeEntity(span.kind, span.body),
      start: span.start,
      end: span.end,
    };
    result.entities.push(e);
    listFor(result, span.kind).push(e);
  }
  return result;
}

function listFor(r: ExtractEntitiesResult, kind: EntityKind): Entity[] {
  switch (kind) {
    case 'hashtag':
      return r.hashtags;
    case 'mention':
      return r.mentions;
    case 'url':
      return r.urls;
    case 'email':
      return r.emails;
    case 'cashtag':
      return r.cashtags;
    case 'emoji':
      return r.emoji;
    case 'emoticon':
      return r.emoticons;
  }
}

/**
 * The single-pass entity scanner behind extractEntities, tokenize and normalizePost.
 *
 * @internal
 * @module
 */
import { ENTITY_SOURCE } from './_patterns.js';

/** The kinds of entity crmkit recognizes in a post. */
export type EntityKind = 'hashtag' | 'mention' | 'url' | 'email' | 'cashtag' | 'emoji' | 'emoticon';

/** A span found by the scanner; `markup` is Weibo's non-topic `{%…%}` escape (not an entity). */
export interface ScanSpan {
  kind: EntityKind | 'markup';
  start: number;
  end: number;
  /** The entity's body (for markup, the text between `{%` and `%}`). */
  body: string;
}

const ENTITY_RE = new RegExp(ENTITY_SOURCE, 'gu');
const VARIATION_OR_TONE = /[\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]/gu;

/** Scans `text` left to right; returns the spans in order, never overlapping. */
export function scanEntities(text: string): ScanSpan[] {
  const re = ENTITY_RE;
  re.lastIndex = 0;
  const out: ScanSpan[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    let kind: ScanSpan['kind'];
    let body: string;
    if (g.weiboTopic !== undefined) {
      kind = 'hashtag';
      body = g.weiboTopicBody!;
    } else if (g.markup !== undefined) {
      kind = 'markup';
      body = g.markupBody!;
    } else if (g.url !== undefined) {
      kind = 'url';
      body = g.url;
    } else if (g.email !== undefined) {
      kind = 'email';
      body = g.email;
    } else if (g.topic !== undefined) {
      kind = 'hashtag';
      body = g.topicBody!;
    } else if (g.hashtag !== undefined) {
      kind = 'hashtag';
      body = g.hashtagBody!;
    } else if (g.mention !== undefined) {
      kind = 'mention';
      body = g.mentionBody!;
    } else if (g.cashtag !== undefined) {
      kind = 'cashtag';
      body = g.cashtagBody!;
    } else if (g.emoticon !== undefined) {
      kind = 'emoticon';
      body = g.emoticonBody!;
    } else {
      kind = 'emoji';
      body = m[0];
    }
    out.push({ kind, start, end, body });
  }
  return out;
}

/** The normalized form of an entity body (see extractEntities for the rules). */
export function normalizeEntity(kind: EntityKind, body: string): string {
  switch (kind) {
    case 'hashtag':
    case 'mention':
    case 'emoticon':
      return body.normalize('NFKC').trim().toLowerCase();
    case 'cashtag':
      return body.toUpperCase();
    case 'email':
      return body.toLowerCase();
    case 'url':
      return normalizeUrl(body);
    case 'emoji':
      return body.replace(VARIATION_OR_TONE, '');
  }
}

/** The token form of an entity: the normalized form with its sigil (`#tag`, `@name`, `$AAPL`, `[二哈]`). */
export function entityToken(kind: EntityKind, normalized: string): string {
  switch (kind) {
    case 'hashtag':
      return `#${normalized}`;
    case 'mention':
      return `@${normalized}`;
    case 'cashtag':
      return `$${normalized}`;
    case 'emoticon':
      return `[${normalized}]`;
    default:
      return normalized;
  }
}

function normalizeUrl(url: string): string {
  const m = /^(https?:\/\/)?([^/?#]*)(.*)$/isu.exec(url)!;
  const scheme = (m[1] ?? 'http://').toLowerCase();
  return scheme + m[2]!.toLowerCase() + m[3]!;
}

import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  countKeywords, createWatchList, detectSpikes, InvalidInputError, InvalidOptionError, matchWatchList, ModelFormatError, rollingMean,
} from 'crmkit/text';

const posts = [
  { text: '@united lost my bag #fail', createdAt: '2015-02-17T23:30:00Z' },
  { text: 'UNITED again, reunited with my bag #Fail ＃ＦＡＩＬ', createdAt: '2015-02-18T01:00:00Z' },
  { text: '我爱周杰伦，周杰伦的新歌 #周杰伦#', createdAt: '2015-02-20T12:00:00Z' },
];

describe('countKeywords(posts, options)', () => {
  it('counts posts per keyword per UTC day, zero-filled, with totals and first/last seen', () => {
    const r = countKeywords(posts, { keywords: ['united', 'bag', '周杰伦', 'delta'] });
    expect(r.labels).toEqual(['2015-02-17', '2015-02-18', '2015-02-19', '2015-02-20']);
    expect(r.buckets[0]).toBe(Date.UTC(2015, 1, 17));
    expect(r.series.map((s) => [s.keyword, s.counts, s.total])).toEqual([
      ['united', [1, 1, 0, 0], 2],
      ['bag', [1, 1, 0, 0], 2],
      ['周杰伦', [0, 0, 0, 1], 1],
      ['delta', [0, 0, 0, 0], 0],
    ]);
    expect(r.series[0]!.firstSeen).toBe(Date.parse('2015-02-17T23:30:00Z'));
    expect(r.series[0]!.lastSeen).toBe(Date.parse('2015-02-18T01:00:00Z'));
    expect(r.series[3]!.firstSeen).toBeNull();
    expect(r.posts).toBe(3);
  });

  it('buckets in a time zone and by hour / week', () => {
    const r = countKeywords(posts, { keywords: ['united'], timeZone: 'America/Los_Angeles' });
    expect(r.labels[0]).toBe('2015-02-17');
    expect(r.series[0]!.counts.slice(0, 2)).toEqual([2, 0]);
    const h = countKeywords(posts.slice(0, 2), { keywords: ['bag'], by: 'hour' });
    expect(h.labels).toEqual(['2015-02-17T23', '2015-02-18T00', '2015-02-18T01']);
    expect(h.series[0]!.counts).toEqual([1, 0, 1]);
    const w = countKeywords(posts, { keywords: ['bag'], by: 'week' });
    expect(w.labels).toEqual(['2015-02-16']);
  });

  it('prefix matching and entity counting (hashtag forms folded together)', () => {
    expect(countKeywords(posts, { keywords: ['unit'], match: 'prefix' }).series[0]!.total).toBe(2);
    const h = countKeywords(posts, { entities: 'hashtags' });
    expect(h.series.map((s) => [s.keyword, s.total])).toEqual([['#fail', 2], ['#周杰伦', 1]]);
    expect(countKeywords(posts, { entities: 'mentions' }).series.map((s) => s.keyword)).toEqual(['@united']);
    expect(countKeywords(posts, { entities: 'hashtags', top: 1 }).series).toHaveLength(1);
  });

  it('from/to fix the axis and drop posts outside it', () => {
    const r = countKeywords(posts, { keywords: ['bag'], from: '2015-02-18T00:00:00Z', to: '2015-02-21T00:00:00Z' });
    expect(r.labels).toEqual(['2015-02-18', '2015-02-19', '2015-02-20', '2015-02-21']);
    expect(r.series[0]!.counts).toEqual([1, 0, 0, 0]);
    expect(r.posts).toBe(2);
  });

  it('throws on bad posts, dates and options', () => {
    expect(() => countKeywords(posts)).toThrow(InvalidOptionError);
    expect(() => countKeywords(posts, { keywords: ['a'], entities: 'hashtags' })).toThrow(InvalidOptionError);
    expect(() => countKeywords([{ text: 'a', createdAt: 'not a date' }], { keywords: ['a'] })).toThrow(InvalidInputError);
    expect(() => countKeywords([{ text: 5 as unknown as string, createdAt: 0 }], { keywords: ['a'] })).toThrow(InvalidInputError);
    expect(() => countKeywords([], { keywords: ['a'] })).toThrow(InvalidInputError);
    expect(() => countKeywords(posts, { keywords: [''] })).toThrow(InvalidOptionError);
    expect(() => countKeywords(posts, { keywords: ['a'], by: 'month' as 'day' })).toThrow(InvalidOptionError);
    expect(() => countKeywords(posts, { keywords: ['a'], timeZone: 'Mars/Olympus' })).toThrow(/text\/countKeywords: options.timeZone/);
  });

  it('keywords named like object properties are ordinary keywords', () => {
    const r = countKeywords([{ text: '__proto__ constructor toString', createdAt: 0 }], { keywords: ['__proto__', 'constructor', 'toString'] });
    expect(r.series.map((s) => s.total)).toEqual([1, 1, 1]);
  });
});

describe('detectSpikes(series, options)', () => {
  it('does not score the warm-up and never flags a drop', () => {
    const r = detectSpikes([5, 5, 5, 0, 5, 30], { window: 3 });
    expect(r.scores.slice(0, 3)).toEqual([null, null, null]);
    expect(r.flagged).toEqual([false, false, false, false, false, true]);
  });
  it('a flat baseline uses minStd instead of dividing by zero', () => {
    const r = detectSpikes([3, 3, 3, 5], { window: 3 });
    expect(r.scores[3]).toBe(2);
    expect(detectSpikes([3, 3, 3, 5], { window: 3, minStd: 0.5 }).scores[3]).toBe(4);
  });
  it('minPeriods scores earlier buckets', () => {
    expect(detectSpikes([1, 2, 9], { window: 7, minPeriods: 2 }).scores[2]).toBeCloseTo((9 - 1.5) / 1, 12);
  });
  it('throws on negative, non-finite or fractional (poisson) counts and bad options', () => {
    expect(() => detectSpikes([1, -1])).toThrow(InvalidInputError);
    expect(() => detectSpikes([1, NaN])).toThrow(InvalidInputError);
    expect(() => detectSpikes([1.5], { method: 'poisson' })).toThrow(InvalidOptionError);
    expect(() => detectSpikes([1], { window: 1 })).toThrow(InvalidOptionError);
    expect(() => detectSpikes([1], { method: 'median' as 'zscore' })).toThrow(InvalidOptionError);
  });
  test.prop([fc.array(fc.nat(50), { minLength: 1, maxLength: 40 })])('scores are finite or null and poisson scores are >= 0', (xs) => {
    for (const s of detectSpikes(xs, { method: 'poisson', window: 3 }).scores) if (s !== null) expect(s >= 0 && Number.isFinite(s)).toBe(true);
    for (const s of detectSpikes(xs, { window: 3 }).scores) if (s !== null) expect(Number.isFinite(s)).toBe(true);
  });
  it('rollingMean is re-exported from core', () => {
    expect(Array.from(rollingMean([1, 2, 3, 4], { window: 2 }).values)).toEqual([1, 1.5, 2.5, 3.5]);
  });
});

describe('createWatchList / matchWatchList', () => {
  const terms = [
    { id: 'sbux', variants: ['Starbucks', '星巴克', '#starbucks'] },
    { id: '__proto__', variants: ['lost bag'], match: 'phrase' as const },
    { id: 'delay', variants: ['delay'], match: 'prefix' as const },
  ];
  it('matches exact / phrase / prefix variants with offsets into the original text', () => {
    const text = 'ＳＴＡＲＢＵＣＫＳ and starbucksy; lost - bag, delayed';
    const batch = [text, '去星巴克买咖啡'];
    const r = matchWatchList(createWatchList(terms), batch);
    expect(r.matches.map((m) => [m.termId, batch[m.post]!.slice(m.start, m.end)])).toEqual([
      ['sbux', 'ＳＴＡＲＢＵＣＫＳ'], ['__proto__', 'lost - bag'], ['delay', 'delay'], ['sbux', '星巴克'],
    ]);
    expect(r.state.totals.map((t) => t.posts)).toEqual([2, 1, 1]);
  });
  it('is incremental across batches, pure, and its state survives JSON', () => {
    const s0 = createWatchList(terms);
    const copy = JSON.stringify(s0);
    const r1 = matchWatchList(s0, [{ text: 'starbucks', createdAt: 1000 }]);
    expect(JSON.stringify(s0)).toBe(copy);
    const r2 = matchWatchList(JSON.parse(JSON.stringify(r1.state)), [{ text: 'Starbucks again', createdAt: 500 }, 'nothing']);
    expect(r2.state.postsSeen).toBe(3);
    expect(r2.state.totals[0]).toEqual({ id: 'sbux', posts: 2, firstSeen: 500, lastSeen: 1000 });
  });
  it('throws typed errors', () => {
    expect(() => createWatchList([])).toThrow(InvalidInputError);
    expect(() => createWatchList([{ id: 'a', variants: ['x'] }, { id: 'a', variants: ['y'] }])).toThrow(InvalidInputError);
    expect(() => createWatchList([{ id: 'a', variants: ['x'], match: 'fuzzy' as 'exact' }])).toThrow(InvalidInputError);
    expect(() => matchWatchList({ kind: 'tfidf' } as never, ['x'])).toThrow(ModelFormatError);
    expect(() => matchWatchList(createWatchList(terms), [5 as unknown as string])).toThrow(InvalidInputError);
  });
});

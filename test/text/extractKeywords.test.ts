import { describe, expect, it } from 'vitest';
import { extractKeywords, InvalidInputError, InvalidOptionError } from 'crmkit/text';

describe('extractKeywords(docs, options)', () => {
  it('skips stop words, numbers, links and keeps hashtags as candidates', () => {
    const r = extractKeywords(['The 3 flights were late http://t.co/x #delay'], { topK: 5 });
    expect(r.documents[0]!.map((k) => k.term).sort()).toEqual(['#delay', 'flights', 'late']);
  });
  it('handles Chinese posts with a segmenter and ranks by TextRank', () => {
    const segmenter = (s: string): string[] => (s === '周杰伦的新歌很好听周杰伦' ? ['周杰伦', '的', '新歌', '很', '好听', '周杰伦'] : [s]);
    const r = extractKeywords(['周杰伦的新歌很好听周杰伦'], { method: 'textrank', topK: 1, tokenize: { segmenter } });
    expect(r.documents[0]![0]!.term).toBe('周杰伦');
  });
  it('treats __proto__ as an ordinary keyword', () => {
    expect(extractKeywords([['__proto__', 'constructor']], { method: 'textrank' }).documents[0]!.map((k) => k.term).sort()).toEqual(['__proto__', 'constructor']);
  });
  it('throws on empty corpora, documents without candidates and bad options', () => {
    expect(() => extractKeywords([])).toThrow(InvalidInputError);
    expect(() => extractKeywords(['the and 42'])).toThrow(InvalidInputError);
    expect(() => extractKeywords(['a b'], { method: 'lda' as 'tfidf' })).toThrow(InvalidOptionError);
    expect(() => extractKeywords(['a b'], { window: 1 })).toThrow(InvalidOptionError);
  });
});

/**
 * extractKeywords: 'textrank' scores (normalized to sum 1) against networkx 2.8.8 weighted PageRank
 * on the same co-occurrence graphs (scripts/reference/text_textrank.py); 'tfidf' scores against
 * crmkit's own fitTfidf, which is itself checked against scikit-learn. Tolerance 1e-6 (iterative).
 */
import { describe, expect, it } from 'vitest';
import { extractKeywords, fitTfidf, transformTfidf } from 'crmkit/text';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

interface Fx {
  docs: string[][];
  perDocument: Record<string, number>[];
  corpus: Record<string, number>;
}
const fx = loadFixture<Fx>('text-textrank');

function normalized(list: { term: string; score: number }[]): Map<string, number> {
  const sum = list.reduce((s, k) => s + k.score, 0);
  return new Map(list.map((k) => [k.term, k.score / sum]));
}

describe('extractKeywords against networkx PageRank', () => {
  const r = extractKeywords(fx.docs, { method: 'textrank', stopWords: 'none', topK: 1000, tolerance: 1e-14, maxIterations: 10000 });
  it('per-document TextRank scores are proportional to networkx weighted PageRank', () => {
    fx.perDocument.forEach((ref, d) => {
      const got = normalized(r.documents[d]!);
      expect([...got.keys()].sort(), `doc ${d} terms`).toEqual(Object.keys(ref).sort());
      for (const [term, p] of Object.entries(ref)) expectClose(got.get(term)!, p, { abs: 1e-6 }, `doc ${d} ${term}`);
    });
  });
  it('the corpus graph too', () => {
    const got = normalized(r.corpus);
    expect(got.size).toBe(Object.keys(fx.corpus).length);
    for (const [term, p] of Object.entries(fx.corpus)) expectClose(got.get(term)!, p, { abs: 1e-6 }, term);
  });
  it("'tfidf' ranks each document's fitTfidf weights", () => {
    const k = extractKeywords(fx.docs, { stopWords: 'none', topK: 3 });
    const model = fitTfidf(fx.docs.map((d) => d.filter((t) => /[A-Za-z]/.test(t) && !(t.length === 1))));
    const X = transformTfidf(model, fx.docs);
    k.documents.forEach((list, d) => {
      const row: [string, number][] = [];
      for (let j = X.indptr[d]!; j < X.indptr[d + 1]!; j++) row.push([model.vocabulary[X.indices[j]!]!, X.data[j]!]);
      row.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      expect(list.map((x) => x.term)).toEqual(row.slice(0, 3).map((x) => x[0]));
    });
  });
});

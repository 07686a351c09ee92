/**
 * topKSimilar against scikit-learn 1.2.1's dense route: cosine_similarity(queries, corpus), then each
 * row sorted by (-score, index) (scripts/reference/text.py → test/fixtures/text-tfidf.json, 100
 * airline-tweet queries against 2,000 tweets). Similarities at 1e-12 (closed form); the top-10 index
 * lists must be identical after dropping zero-similarity rows (which topKSimilar never returns).
 * If two scores tie within 1e-12, positions may only swap between exactly those tied rows.
 */
import { describe, expect, it } from 'vitest';
import { cosineSimilarity, fitTfidf, topKSimilar, transformTfidf } from 'crmkit/text';
import { expectClose } from '../helpers/close.js';
import { loadFixture } from '../helpers/fixtures.js';

interface Fixture {
  docs: string[][];
  queries: string[][];
  cases: { name: string; top10?: { indices: number[][]; scores: number[][] } }[];
}
const fx = loadFixture<Fixture>('text-tfidf');
const ref = fx.cases.find((c) => c.name === 'default')!.top10!;

describe('topKSimilar against scikit-learn cosine_similarity top-10', () => {
  const model = fitTfidf(fx.docs);
  it('gives the same top-10 lists and scores (documents in)', () => {
    const got = topKSimilar(model, fx.queries, fx.docs, { k: 10 });
    expect(got).toHaveLength(100);
    let exactLists = 0;
    got.forEach((g, q) => {
      const keep = ref.scores[q]!.filter((s) => s > 0).length;
      const wantIdx = ref.indices[q]!.slice(0, keep);
      const wantScore = ref.scores[q]!.slice(0, keep);
      expect(g.indices.length, `query ${q} length`).toBe(keep);
      for (let i = 0; i < keep; i++) expectClose(g.scores[i]!, wantScore[i]!, { abs: 1e-12 }, `query ${q} score ${i}`);
      if (JSON.stringify(g.indices) === JSON.stringify(wantIdx)) exactLists++;
      else {
        // Only swaps among rows whose sklearn scores tie within 1e-12 are allowed.
        for (let i = 0; i < keep; i++) {
          if (g.indices[i] !== wantIdx[i]) {
            const j = wantIdx.indexOf(g.indices[i]!);
            expect(j, `query ${q}: row ${g.indices[i]} not in sklearn's list`).toBeGreaterThanOrEqual(0);
            expect(Math.abs(wantScore[j]! - wantScore[i]!)).toBeLessThan(1e-12);
          }
        }
      }
    });
    expect(exactLists).toBe(100);
  });

  it('accepts transformed CSR matrices and agrees with cosineSimilarity on rows', () => {
    const Q = transformTfidf(model, fx.queries.slice(0, 5));
    const X = transformTfidf(model, fx.docs);
    const got = topKSimilar(model, Q, X, { k: 3 });
    const row = (m: typeof X, i: number) => ({ indices: m.indices.subarray(m.indptr[i]!, m.indptr[i + 1]!), data: m.data.subarray(m.indptr[i]!, m.indptr[i + 1]!) });
    got.forEach((g, q) => {
      g.indices.forEach((r, i) => expectClose(g.scores[i]!, cosineSimilarity(row(Q, q), row(X, r)), { abs: 1e-12 }, `q${q} r${r}`));
    });
  });
});

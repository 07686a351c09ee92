import { describe, expect, it } from 'vitest';
import { csrFromTriplets, createRandom } from 'crmkit';
import { buildContentProfiles, DimensionMismatchError, fitTfidf, InvalidInputError, InvalidOptionError, recommendContent, transformTfidf, type CsrMatrix } from 'crmkit/text';

function randomRows(rows: number, cols: number, perRow: number, seed: number): CsrMatrix {
  const rng = createRandom(seed);
  const r: number[] = [];
  const c: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < rows; i++) {
    const picked = new Set<number>();
    while (picked.size < perRow) picked.add(rng.int(cols));
    for (const j of picked) {
      r.push(i);
      c.push(j);
      v.push(rng.uniform() + 0.01);
    }
  }
  const m = csrFromTriplets(rows, cols, r, c, v);
  const data = new Float64Array(m.data);
  for (let i = 0; i < rows; i++) {
    let ss = 0;
    for (let j = m.indptr[i]!; j < m.indptr[i + 1]!; j++) ss += data[j]! ** 2;
    for (let j = m.indptr[i]!; j < m.indptr[i + 1]!; j++) data[j] = data[j]! / Math.sqrt(ss);
  }
  return { ...m, data };
}
function dense(m: CsrMatrix): number[][] {
  const out = Array.from({ length: m.rows }, () => new Array<number>(m.cols).fill(0));
  for (let i = 0; i < m.rows; i++) for (let j = m.indptr[i]!; j < m.indptr[i + 1]!; j++) out[i]![m.indices[j]!] = m.data[j]!;
  return out;
}

describe('recommendContent', () => {
  const P = randomRows(60, 50, 6, 1);
  const I = randomRows(40, 50, 8, 2);
  const profiles = { ids: Array.from({ length: 60 }, (_, i) => `c${i}`), matrix: P };
  const items = { ids: Array.from({ length: 40 }, (_, i) => `i${i}`), matrix: I };
  it('equals a dense brute force (cosine, sorted, ties by item order, zero scores dropped)', () => {
    const dp = dense(P);
    const di = dense(I);
    const r = recommendContent(profiles, items, { k: 7 });
    r.forEach((row, c) => {
      const all = di.map((it, i) => ({ i, s: it.reduce((acc, x, j) => acc + x * dp[c]![j]!, 0) })).filter((x) => x.s > 0);
      all.sort((a, b) => b.s - a.s || a.i - b.i);
      const want = all.slice(0, 7);
      expect(row.customer).toBe(`c${c}`);
      expect(row.picks.map((p) => p.item)).toEqual(want.map((x) => `i${x.i}`));
      row.picks.forEach((p, k) => expect(p.score).toBeCloseTo(want[k]!.s, 12));
    });
  });
  it('never recommends an excluded item, and fills the list from the next best', () => {
    const base = recommendContent(profiles, items, { k: 5 });
    const exclude = { c0: [base[0]!.picks[0]!.item, base[0]!.picks[2]!.item] };
    const r = recommendContent(profiles, items, { k: 5, exclude });
    expect(r[0]!.picks.map((p) => p.item)).toEqual([base[0]!.picks[1]!.item, base[0]!.picks[3]!.item, base[0]!.picks[4]!.item, ...r[0]!.picks.slice(3).map((p) => p.item)]);
    expect(r[0]!.picks.length).toBe(5);
    expect(r[1]).toEqual(base[1]);
    expect(recommendContent(profiles, items, { k: 5, exclude: new Map(Object.entries(exclude)) })).toEqual(r);
  });
  it('diversity (MMR) swaps a near-duplicate for a different item', () => {
    const model = fitTfidf(['paris flights', 'paris flights cheap', 'paris hotels', 'flights paris sale']);
    const prof = { ids: ['ann'], matrix: transformTfidf(model, ['paris flights']) };
    const ads = { ids: ['f1', 'f2', 'h'], matrix: transformTfidf(model, ['paris flights', 'paris flights sale', 'paris hotels']) };
    const plain = recommendContent(prof, ads, { k: 2 })[0]!.picks.map((p) => p.item);
    const diverse = recommendContent(prof, ads, { k: 2, diversity: 0.7 })[0]!.picks.map((p) => p.item);
    expect(plain).toEqual(['f1', 'f2']);
    expect(diverse).toEqual(['f1', 'h']);
  });
  it('explains picks by the shared terms with the largest contributions', () => {
    const model = fitTfidf(['cheap paris flights', 'lost bag']);
    const prof = { ids: ['ann'], matrix: transformTfidf(model, ['cheap flights to paris']) };
    const ads = { ids: ['a'], matrix: transformTfidf(model, ['paris flights']) };
    const pick = recommendContent(prof, ads, { vocabulary: model.vocabulary, explainTerms: 5 })[0]!.picks[0]!;
    expect(pick.terms.map((t) => t.term).sort()).toEqual(['flights', 'paris']);
    expect(pick.terms.reduce((s, t) => s + t.contribution, 0)).toBeCloseTo(pick.score, 12);
  });
  it('typed errors', () => {
    expect(() => recommendContent({ ids: ['a'], matrix: P }, items)).toThrow(DimensionMismatchError);
    expect(() => recommendContent(profiles, { ids: items.ids, matrix: randomRows(40, 49, 3, 1) })).toThrow(/same vocabulary/);
    expect(() => recommendContent([] as never, items)).toThrow(InvalidInputError);
    expect(() => recommendContent(profiles, items, { k: 0 })).toThrow(InvalidOptionError);
    expect(() => recommendContent(profiles, items, { diversity: 1 })).toThrow(InvalidOptionError);
    expect(() => recommendContent(profiles, items, { exclude: [] as never })).toThrow(InvalidOptionError);
    expect(() => recommendContent(profiles, items, { vocabulary: ['x'] })).toThrow(InvalidOptionError);
  });
});

describe('buildContentProfiles', () => {
  const model = fitTfidf(['paris flights', 'lost bag', 'paris hotels']);
  const X = transformTfidf(model, ['paris flights', 'lost bag', 'paris hotels']);
  it('weights events by recency (half-life) and L2-normalizes', () => {
    const p = buildContentProfiles(
      [
        { customer: 'ann', row: 1, at: '2024-01-01' },
        { customer: 'ann', row: 0, at: '2024-01-31' },
      ],
      X,
      { halfLifeDays: 30 },
    );
    const get = (m: typeof X, r: number, term: string): number => {
      for (let j = m.indptr[r]!; j < m.indptr[r + 1]!; j++) if (model.vocabulary[m.indices[j]!] === term) return m.data[j]!;
      return 0;
    };
    const row = new Map(['lost', 'bag', 'paris', 'flights'].map((t) => [t, get(p.matrix, 0, t)]));
    // The "lost bag" event is 30 days older: half its weight relative to "paris flights".
    expect(row.get('lost')! / row.get('flights')!).toBeCloseTo((0.5 * get(X, 1, 'lost')) / get(X, 0, 'flights'), 12);
    let ss = 0;
    for (const v of row.values()) ss += v * v;
    expect(ss).toBeCloseTo(1, 12);
  });
  it('typed errors', () => {
    expect(() => buildContentProfiles([{ customer: 'a', row: 9, at: 0 }], X)).toThrow(/row must be a row of X/);
    expect(() => buildContentProfiles([{ customer: 1 as unknown as string, row: 0, at: 0 }], X)).toThrow(InvalidInputError);
    expect(() => buildContentProfiles([], X, { halfLifeDays: 0 })).toThrow(InvalidOptionError);
  });
});

describe('recommendContent hostile inputs (found by CRMKIT_FUZZ_ALL)', () => {
  it('non-string ids, malformed CSR, exclude and vocabulary entries are typed errors', async () => {
    const { recommendContent: rec, InvalidInputError: IIE, InvalidOptionError: IOE } = await import('crmkit/text');
    const matrix = { rows: 1, cols: 2, indptr: Int32Array.of(0, 1), indices: Int32Array.of(0), data: Float64Array.of(1) };
    const items = { ids: ['a'], matrix };
    expect(() => rec({ ids: [NaN as never], matrix }, items)).toThrow(IIE);
    expect(() => rec({ ids: ['c'], matrix: { ...matrix, indices: Int32Array.of(7) } }, items)).toThrow(IIE);
    expect(() => rec({ ids: ['c'], matrix }, items, { exclude: { c: 'a' as never } })).toThrow(IOE);
    expect(() => rec({ ids: ['c'], matrix }, items, { exclude: { c: [1 as never] } })).toThrow(IOE);
    expect(() => rec({ ids: ['c'], matrix }, items, { vocabulary: [NaN, 'x'] as never })).toThrow(IOE);
    expect(rec({ ids: ['c'], matrix }, items)[0]!.picks[0]!.item).toBe('a');
  });
});

import { describe, expect, it } from 'vitest';
import {
  conditionalExpectedPurchases, customerLifetimeValue, expectedAverageSpend, expectedPurchases, fitBetaGeo, fitBetaGeoBetaBinom, fitGammaGamma,
  fitModifiedBetaGeo, fitParetoNbd, parseBetaGeoBetaBinomModel, parseBetaGeoModel, parseGammaGammaModel, parseModifiedBetaGeoModel,
  parseParetoNbdModel, probabilityAlive, probabilityOfPurchases,
  InvalidInputError, InvalidOptionError, ModelFormatError, NotConvergedError,
} from 'crmkit/value';

const data = Object.freeze([
  { frequency: 0, recency: 0, T: 38, weight: 60 }, { frequency: 0, recency: 0, T: 30, weight: 50 },
  { frequency: 1, recency: 10, T: 38, weight: 15 }, { frequency: 1, recency: 30, T: 32, weight: 12 },
  { frequency: 2, recency: 25, T: 36, weight: 8 }, { frequency: 3, recency: 5, T: 35, weight: 4 },
  { frequency: 4, recency: 33, T: 37, weight: 5 }, { frequency: 7, recency: 30, T: 38, weight: 3 },
  { frequency: 12, recency: 36, T: 38, weight: 2 },
].map((r) => Object.freeze(r)));

describe('fit*(customers) input checks', () => {
  const fits = [fitBetaGeo, fitParetoNbd, fitModifiedBetaGeo] as const;
  it.each(fits.map((f) => [f.name, f] as const))('%s rejects malformed customers with typed errors', (_, fit) => {
    expect(() => fit([])).toThrow(InvalidInputError);
    expect(() => fit([{ frequency: 1.5, recency: 1, T: 2 }])).toThrow(/customers\[0\]\.frequency must be an integer in \[0, 2147483647\]; received 1.5/);
    expect(() => fit([{ frequency: -1, recency: 0, T: 2 }])).toThrow(/frequency/);
    expect(() => fit([{ frequency: 1, recency: 3, T: 2 }])).toThrow(/customers\[0\]\.recency must be ≤ T \(2\); received 3/);
    expect(() => fit([{ frequency: 1, recency: -1, T: 2 }])).toThrow(/recency must be a finite number ≥ 0/);
    expect(() => fit([{ frequency: 0, recency: 1, T: 2 }])).toThrow(/recency must be 0 when frequency is 0/);
    expect(() => fit([{ frequency: 1, recency: 1, T: Infinity }])).toThrow(/T must be a finite number ≥ 0; received Infinity/);
    expect(() => fit([{ frequency: 1, recency: 1, T: NaN }])).toThrow(InvalidInputError);
    expect(() => fit([{ frequency: 1, recency: 1, T: 2, weight: 0 }])).toThrow(/weight/);
    expect(() => fit(data, { penalizer: -1 })).toThrow(InvalidOptionError);
    expect(() => fit(data, { maxIterations: 0 })).toThrow(InvalidOptionError);
    expect(() => fit(data, { initialParams: [1, 1] })).toThrow(InvalidOptionError);
    expect(() => fit(data, { foo: 1 } as never)).toThrow(/unknown option 'foo'/);
  });

  it('a fit that runs out of iterations says so, and throws NotConvergedError under strict', () => {
    const m = fitBetaGeo(data, { maxIterations: 2 });
    expect(m.converged).toBe(false);
    expect(m.iterations).toBe(2);
    expect(() => fitBetaGeo(data, { maxIterations: 2, strict: true })).toThrow(NotConvergedError);
    try {
      fitBetaGeo(data, { maxIterations: 2, strict: true });
    } catch (e) {
      expect((e as NotConvergedError).fn).toBe('value/fitBetaGeo');
      expect((e as NotConvergedError).iterations).toBe(2);
    }
  });

  it('weights are equivalent to repeated rows', () => {
    const expanded = data.flatMap((r) => Array.from({ length: r.weight }, () => ({ frequency: r.frequency, recency: r.recency, T: r.T })));
    const a = fitBetaGeo(data);
    const b = fitBetaGeo(expanded);
    expect(b.params.r).toBe(a.params.r);
    expect(b.logLikelihood).toBe(a.logLikelihood);
  });

  it('the penalizer shrinks the parameters', () => {
    const a = fitBetaGeo(data);
    const b = fitBetaGeo(data, { penalizer: 0.1 });
    const norm = (m: typeof a) => m.params.r ** 2 + m.params.alpha ** 2 + m.params.a ** 2 + m.params.b ** 2;
    expect(norm(b)).toBeLessThan(norm(a));
    expect(b.options.penalizer).toBe(0.1);
  });
});

describe('models are JSON and parse back', () => {
  const bg = fitBetaGeo(data);
  const mbg = fitModifiedBetaGeo(data);
  const pn = fitParetoNbd(data);
  const gg = fitGammaGamma([{ frequency: 1, monetaryValue: 12, weight: 30 }, { frequency: 1, monetaryValue: 30, weight: 20 }, { frequency: 2, monetaryValue: 18, weight: 15 }, { frequency: 4, monetaryValue: 25, weight: 6 }]);
  const bb = fitBetaGeoBetaBinom([{ frequency: 0, recency: 0, periods: 6, weight: 3464 }, { frequency: 1, recency: 1, periods: 6, weight: 1091 }, { frequency: 2, recency: 4, periods: 6, weight: 300 }, { frequency: 6, recency: 6, periods: 6, weight: 1203 }, { frequency: 1, recency: 5, periods: 6, weight: 150 }]);
  const rt = <T>(m: T): unknown => JSON.parse(JSON.stringify(m));

  it('round-trips each model and predicts the same', () => {
    expect(parseBetaGeoModel(rt(bg))).toEqual(bg);
    expect(parseModifiedBetaGeoModel(rt(mbg))).toEqual(mbg);
    expect(parseParetoNbdModel(rt(pn))).toEqual(pn);
    expect(parseGammaGammaModel(rt(gg))).toEqual(gg);
    expect(parseBetaGeoBetaBinomModel(rt(bb))).toEqual(bb);
    const c = [{ frequency: 3, recency: 20, T: 30 }];
    expect(conditionalExpectedPurchases(parseBetaGeoModel(rt(bg)), c, 10)).toEqual(conditionalExpectedPurchases(bg, c, 10));
    expect(probabilityAlive(parseParetoNbdModel(rt(pn)), c)).toEqual(probabilityAlive(pn, c));
  });

  it('rejects a model of another kind or version', () => {
    expect(() => parseBetaGeoModel(rt(pn))).toThrow(/kind must be 'betaGeo'; received 'paretoNbd'/);
    expect(() => parseParetoNbdModel({ ...(rt(pn) as object), formatVersion: 2 })).toThrow(ModelFormatError);
    expect(() => parseGammaGammaModel({ ...(rt(gg) as object), params: { p: -1, q: 2, gamma: 1 } })).toThrow(/params.p must be a finite number > 0/);
    expect(() => parseBetaGeoModel(null)).toThrow(ModelFormatError);
    expect(() => probabilityAlive({ kind: 'kmeans', params: {} } as never, [])).toThrow(ModelFormatError);
    expect(() => expectedAverageSpend(bg as never, [])).toThrow(ModelFormatError);
    expect(() => customerLifetimeValue(bb as never, gg, [])).toThrow(ModelFormatError);
    expect(() => probabilityOfPurchases(gg as never, 1, 1)).toThrow(ModelFormatError);
  });

  it('prediction arguments are checked', () => {
    expect(() => expectedPurchases(bg, -1)).toThrow(InvalidInputError);
    expect(() => expectedPurchases(bb, 1.5)).toThrow(InvalidInputError);
    expect(() => probabilityOfPurchases(bg, 1, 0.5)).toThrow(InvalidInputError);
    expect(() => probabilityOfPurchases(bb, 2.5, 1)).toThrow(/value\/probabilityOfPurchases: t must be an integer/);
    expect(() => conditionalExpectedPurchases(bg, [{ frequency: 1, recency: 5, T: 4 }], 1)).toThrow(/recency must be ≤ T/);
    expect(() => expectedAverageSpend(gg, [{ frequency: 2, monetaryValue: 0 }])).toThrow(/monetaryValue/);
    expect(() => expectedAverageSpend({ kind: 'gammaGamma', params: { p: 1, q: 0.5, gamma: 1 } }, [])).toThrow(/q ≤ 1/);
    expect(() => customerLifetimeValue(bg, gg, [], { timeUnit: 'year' as never })).toThrow(InvalidOptionError);
  });

  it('predictions are sane: probabilities in [0, 1], expectations grow with the horizon, P(n) sums to 1', () => {
    const cust = data.map(({ frequency, recency, T }) => ({ frequency, recency, T }));
    for (const m of [bg, mbg, pn]) {
      for (const p of probabilityAlive(m, cust)) expect(p >= 0 && p <= 1).toBe(true);
      const e1 = conditionalExpectedPurchases(m, cust, 10);
      const e2 = conditionalExpectedPurchases(m, cust, 20);
      e1.forEach((v, i) => expect(e2[i]!).toBeGreaterThan(v));
      expect(expectedPurchases(m, 20)).toBeGreaterThan(expectedPurchases(m, 10));
    }
    let total = 0;
    for (let n = 0; n < 200; n++) total += probabilityOfPurchases(bg, 39, n);
    expect(Math.abs(total - 1)).toBeLessThan(1e-9);
    let mean = 0;
    for (let n = 0; n < 400; n++) mean += n * probabilityOfPurchases(bg, 39, n);
    expect(Math.abs(mean - expectedPurchases(bg, 39)) / expectedPurchases(bg, 39)).toBeLessThan(1e-9);
    // BG/BB: a distribution on 0..t whose mean is E[X(t)]
    for (const t of [1, 6, 40]) {
      let s = 0;
      let m = 0;
      for (let k = 0; k <= t; k++) {
        const q = probabilityOfPurchases(bb, t, k);
        expect(q >= 0 && q <= 1).toBe(true);
        s += q;
        m += k * q;
      }
      expect(Math.abs(s - 1)).toBeLessThan(1e-12);
      expect(Math.abs(m - expectedPurchases(bb, t)) / expectedPurchases(bb, t)).toBeLessThan(1e-12);
    }
  });
});

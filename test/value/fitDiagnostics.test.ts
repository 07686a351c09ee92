import { describe, expect, it } from 'vitest';
import {
  fitBetaGeo, fitBetaGeoBetaBinom, fitGammaGamma, fitModifiedBetaGeo, fitParetoNbd, parseBetaGeoModel,
  InvalidInputError, InvalidOptionError, NotConvergedError,
} from 'crmkit/value';
import { expectAllClose } from '../helpers/close.js';
import { describeWithData, readDataText } from '../helpers/data.js';
import fixture from '../fixtures/value-penalizer.json';

describeWithData('penalizer and penalizerScaling on CDNOW (scripts/reference/value_penalizer.py)', [['cdnow', 'cdnow_customers_summary.csv']], () => {
  const rows = readDataText('cdnow', 'cdnow_customers_summary.csv').trim().split(/\r?\n/).slice(1).map((l) => {
    const f = l.split(',');
    return { frequency: Number(f[1]), recency: Number(f[2]), T: Number(f[3]) };
  });
  const fits = { betaGeo: fitBetaGeo, modifiedBetaGeo: fitModifiedBetaGeo, paretoNbd: fitParetoNbd } as const;
  for (const kind of ['betaGeo', 'modifiedBetaGeo', 'paretoNbd'] as const) {
    for (const scaling of ['none', 'lifetimes'] as const) {
      it(`${kind} at penalizer 0.1, penalizerScaling '${scaling}', matches the scipy optimum of that objective`, () => {
        const m = fits[kind](rows, { penalizer: fixture.penalizer, penalizerScaling: scaling });
        expect(m.converged).toBe(true);
        expect(m.options.penalizerScaling).toBe(scaling);
        expectAllClose(Object.values(m.params), fixture[kind][scaling].params, { rel: 1e-6 }, `${kind} ${scaling}`);
      });
    }
  }
  it("lifetimes' scaling gives the BG/NBD values lifetimes users see (r 0.231, α 4.219, a 0.129, b 0.267)", () => {
    const p = fitBetaGeo(rows, { penalizer: 0.1, penalizerScaling: 'lifetimes' }).params;
    expect([p.r, p.alpha, p.a, p.b].map((v) => v.toFixed(3))).toEqual(['0.231', '4.219', '0.129', '0.267']);
  });
  it('the unpenalized fit does not depend on the scaling, and reports clean diagnostics', () => {
    const a = fitBetaGeo(rows);
    const b = fitBetaGeo(rows, { penalizerScaling: 'lifetimes' });
    expectAllClose(Object.values(b.params), Object.values(a.params), { rel: 1e-7 }, 'params');
    expect(a.diagnostics).toEqual({ ok: true, nearBound: [], hessianPositiveDefinite: true, data: [], warnings: [] });
    expect(parseBetaGeoModel(JSON.parse(JSON.stringify(a))).diagnostics).toEqual(a.diagnostics);
  });
});

describe('fit diagnostics', () => {
  const noRepeat = Array.from({ length: 50 }, (_, i) => ({ frequency: 0, recency: 0, T: 10 + i }));
  it('frequency 0 everywhere: not fitted (converged false, start values), and the diagnostics say why', () => {
    for (const fit of [fitBetaGeo, fitModifiedBetaGeo, fitParetoNbd]) {
      const m = fit(noRepeat);
      expect(m.converged).toBe(false);
      expect(m.iterations).toBe(0);
      expect(m.diagnostics!.ok).toBe(false);
      expect(m.diagnostics!.data).toEqual(['noRepeatPurchases']);
      expect(m.diagnostics!.warnings[0]).toMatch(/optimizer was not run/);
    }
  });
  it('T = 0 everywhere is reported', () => {
    const m = fitBetaGeo(noRepeat.map((c) => ({ ...c, T: 0 })));
    expect(m.diagnostics!.data).toEqual(['noRepeatPurchases', 'noObservationTime']);
    expect(m.diagnostics!.hessianPositiveDefinite).toBe(false);
    expect(fitBetaGeo([{ frequency: 1, recency: 0, T: 0 }, { frequency: 0, recency: 0, T: 0 }]).diagnostics!.data).toEqual(['noObservationTime']);
    expect(m.standardErrors).toBeUndefined();
  });
  it('strict: true turns findings into typed errors', () => {
    expect(() => fitBetaGeo(noRepeat, { strict: true })).toThrow(InvalidInputError);
    expect(() => fitBetaGeo(noRepeat, { strict: true })).toThrow(/value\/fitBetaGeo: the fit cannot be trusted: .*no customer has a repeat purchase/);
    // a parameter near a bound on otherwise usable data is a NotConvergedError under strict
    const noDropout = Array.from({ length: 200 }, (_, i) => ({ frequency: 5 + (i % 7), recency: 40 + (i % 10) / 10, T: 41 }));
    const m = fitBetaGeo(noDropout);
    expect(m.diagnostics!.ok).toBe(false);
    expect(m.diagnostics!.data).toEqual([]);
    expect(() => fitBetaGeo(noDropout, { strict: true })).toThrow(NotConvergedError);
  });
  it('Gamma-Gamma reports constant spend; BG/BB reports no transactions', () => {
    const gg = fitGammaGamma(Array.from({ length: 30 }, (_, i) => ({ frequency: 1 + (i % 4), monetaryValue: 25 })));
    expect(gg.diagnostics!.data).toEqual(['constantSpend']);
    const bb = fitBetaGeoBetaBinom([{ frequency: 0, recency: 0, periods: 6, weight: 100 }]);
    expect(bb.diagnostics!.data).toEqual(['noRepeatPurchases']);
  });
  it('rejects an unknown penalizerScaling', () => {
    expect(() => fitBetaGeo(noRepeat, { penalizerScaling: 'sklearn' as never })).toThrow(InvalidOptionError);
    expect(() => fitGammaGamma([{ frequency: 1, monetaryValue: 2 }], { penalizerScaling: 'lifetimes' } as never)).toThrow(InvalidOptionError);
  });
});

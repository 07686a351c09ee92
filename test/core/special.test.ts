/**
 * Unit, boundary and bad-input tests of src/core/special. Values here are mathematical identities
 * or documented limits (not outputs of our own code); accuracy is tested against mpmath in
 * special.ref.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError, CrmkitError } from '../../src/core/errors.js';
import * as S from '../../src/core/index.js';
import { expectClose } from '../helpers/close.js';

function expectInvalid(f: () => unknown, fnName: string): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err, `${fnName} should throw`).toBeInstanceOf(InvalidInputError);
  expect((err as CrmkitError).code).toBe('INVALID_INPUT');
  expect((err as CrmkitError).message.startsWith(`core/${fnName}: `)).toBe(true);
  expect((err as CrmkitError).message).toMatch(/; received /);
}

describe('bad input throws InvalidInputError naming core/fn', () => {
  const bad: [string, () => unknown][] = [
    ['logGamma', () => S.logGamma(NaN)],
    ['logGamma', () => S.logGamma(0)],
    ['logGamma', () => S.logGamma(-3)],
    ['logGamma', () => S.logGamma(Infinity)],
    ['gammaFn', () => S.gammaFn(-1)],
    ['digamma', () => S.digamma(0)],
    ['trigamma', () => S.trigamma(-2)],
    ['logBeta', () => S.logBeta(-1, 2)],
    ['logBeta', () => S.logBeta(1, 0)],
    ['logFactorial', () => S.logFactorial(2.5)],
    ['logFactorial', () => S.logFactorial(-1)],
    ['logChoose', () => S.logChoose(3, 4)],
    ['log1pmx', () => S.log1pmx(-2)],
    ['erf', () => S.erf(NaN)],
    ['erfc', () => S.erfc(NaN)],
    ['erfcx', () => S.erfcx(NaN)],
    ['regularizedGammaP', () => S.regularizedGammaP(0, 1)],
    ['regularizedGammaP', () => S.regularizedGammaP(1, -1)],
    ['regularizedGammaQ', () => S.regularizedGammaQ(-2, 1)],
    ['regularizedGammaQ', () => S.regularizedGammaQ(1, NaN)],
    ['gammaPInv', () => S.gammaPInv(1, 1.5)],
    ['gammaPInv', () => S.gammaPInv(1, -0.1)],
    ['regularizedBeta', () => S.regularizedBeta(1.5, 1, 1)],
    ['regularizedBeta', () => S.regularizedBeta(0.5, -1, 1)],
    ['regularizedBetaComplement', () => S.regularizedBetaComplement(0.5, 1, NaN)],
    ['betaInv', () => S.betaInv(2, 1, 1)],
    ['normalCdf', () => S.normalCdf(NaN)],
    ['normalSf', () => S.normalSf(NaN)],
    ['normalLogCdf', () => S.normalLogCdf(NaN)],
    ['normalPdf', () => S.normalPdf(NaN)],
    ['normalQuantile', () => S.normalQuantile(1.0000001)],
    ['normalQuantile', () => S.normalQuantile(NaN)],
    ['normalIsf', () => S.normalIsf(-1e-300)],
    ['studentTCdf', () => S.studentTCdf(1, 0)],
    ['studentTCdf', () => S.studentTCdf(NaN, 3)],
    ['studentTSf', () => S.studentTSf(1, -2)],
    ['studentTQuantile', () => S.studentTQuantile(1.2, 3)],
    ['studentTIsf', () => S.studentTIsf(0.5, NaN)],
    ['chiSquareCdf', () => S.chiSquareCdf(1, 0)],
    ['chiSquareSf', () => S.chiSquareSf(NaN, 2)],
    ['chiSquareQuantile', () => S.chiSquareQuantile(-0.5, 2)],
    ['chiSquareIsf', () => S.chiSquareIsf(0.5, Infinity)],
    ['betaCdf', () => S.betaCdf(0.5, 0, 1)],
    ['betaSf', () => S.betaSf(NaN, 1, 1)],
    ['betaPdf', () => S.betaPdf(0.5, 1, -1)],
    ['betaLogPdf', () => S.betaLogPdf(0.5, Infinity, 1)],
    ['betaQuantile', () => S.betaQuantile(2, 1, 1)],
    ['gammaCdf', () => S.gammaCdf(1, 1, 0)],
    ['gammaSf', () => S.gammaSf(1, -1, 1)],
    ['poissonPmf', () => S.poissonPmf(1.5, 2)],
    ['poissonCdf', () => S.poissonCdf(1, -2)],
    ['poissonSf', () => S.poissonSf(1, NaN)],
    ['binomialPmf', () => S.binomialPmf(1, 10, 1.5)],
    ['binomialCdf', () => S.binomialCdf(1, -10, 0.5)],
    ['binomialSf', () => S.binomialSf(0.5, 10, 0.5)],
    ['hypergeometricPmf', () => S.hypergeometricPmf(1, 10, 11, 3)],
    ['hypergeometricCdf', () => S.hypergeometricCdf(1, 10, 3, 11)],
    ['hypergeometricSf', () => S.hypergeometricSf(1, 10, 3, 2.5)],
    ['fCdf', () => S.fCdf(1, 0, 1)],
    ['fSf', () => S.fSf(NaN, 1, 1)],
    ['hyp2f1', () => S.hyp2f1(1, 1, 2, 1.5)],
    ['hyp2f1', () => S.hyp2f1(1, 1, -2, 0.5)],
    ['hyp2f1', () => S.hyp2f1(1, 1, 2, 1)],
    ['hyp2f1', () => S.hyp2f1(NaN, 1, 2, 0.5)],
  ];
  for (const [name, f] of bad) {
    it(`${name} rejects bad input: ${f.toString().replace(/^\(\) => S\./, '')}`, () => expectInvalid(f, name));
  }
});

describe('documented boundary values', () => {
  it('cdf(-Infinity) = 0, cdf(Infinity) = 1, sf the reverse', () => {
    expect(S.normalCdf(-Infinity)).toBe(0);
    expect(S.normalCdf(Infinity)).toBe(1);
    expect(S.normalSf(-Infinity)).toBe(1);
    expect(S.normalSf(Infinity)).toBe(0);
    expect(S.normalLogCdf(-Infinity)).toBe(-Infinity);
    expect(S.normalLogCdf(Infinity)).toBe(0);
    expect(S.normalPdf(Infinity)).toBe(0);
    expect(S.studentTCdf(-Infinity, 3)).toBe(0);
    expect(S.studentTCdf(Infinity, 3)).toBe(1);
    expect(S.studentTSf(Infinity, 0.5)).toBe(0);
    expect(S.chiSquareCdf(-Infinity, 3)).toBe(0);
    expect(S.chiSquareCdf(Infinity, 3)).toBe(1);
    expect(S.chiSquareSf(0, 3)).toBe(1);
    expect(S.betaCdf(-1, 2, 3)).toBe(0);
    expect(S.betaCdf(2, 2, 3)).toBe(1);
    expect(S.betaSf(0, 2, 3)).toBe(1);
    expect(S.betaPdf(1.5, 2, 3)).toBe(0);
    expect(S.betaLogPdf(-0.1, 2, 3)).toBe(-Infinity);
    expect(S.fCdf(0, 2, 3)).toBe(0);
    expect(S.fSf(Infinity, 2, 3)).toBe(0);
    expect(S.gammaCdf(0, 2, 3)).toBe(0);
    expect(S.regularizedGammaP(2, 0)).toBe(0);
    expect(S.regularizedGammaQ(2, 0)).toBe(1);
    expect(S.regularizedGammaP(2, Infinity)).toBe(1);
    expect(S.regularizedBeta(0, 2, 3)).toBe(0);
    expect(S.regularizedBeta(1, 2, 3)).toBe(1);
    expect(S.regularizedBetaComplement(1, 2, 3)).toBe(0);
  });

  it('quantiles at p = 0 and 1 are the support ends', () => {
    expect(S.normalQuantile(0)).toBe(-Infinity);
    expect(S.normalQuantile(1)).toBe(Infinity);
    expect(S.normalQuantile(0.5)).toBe(0);
    expect(S.normalIsf(0)).toBe(Infinity);
    expect(S.studentTQuantile(0, 4)).toBe(-Infinity);
    expect(S.studentTQuantile(1, 4)).toBe(Infinity);
    expect(S.studentTQuantile(0.5, 4)).toBe(0);
    expect(S.chiSquareQuantile(0, 4)).toBe(0);
    expect(S.chiSquareQuantile(1, 4)).toBe(Infinity);
    expect(S.chiSquareIsf(1, 4)).toBe(0);
    expect(S.gammaPInv(3, 0)).toBe(0);
    expect(S.betaInv(0, 2, 3)).toBe(0);
    expect(S.betaInv(1, 2, 3)).toBe(1);
    expect(S.betaQuantile(1, 2, 3)).toBe(1);
  });

  it('student t beyond t² overflow keeps its power-law tail', () => {
    // mpmath 1.2.1 (30 digits): betainc(0.25, 0.5, 0, 0.5/(0.5 + 1e600), regularized=True)/2
    expectClose(S.studentTCdf(-1e300, 0.5), 3.20700975414222891921197379895e-151, { rel: 1e-12 }, 'cdf(-1e300, 0.5)');
    expectClose(S.studentTSf(1e300, 0.5), 3.20700975414222891921197379895e-151, { rel: 1e-12 }, 'sf(1e300, 0.5)');
    expect(S.studentTCdf(1e300, 0.5)).toBe(1);
  });

  it('incomplete beta: the small tail on the far side of the switch point is computed directly', () => {
    // mpmath 1.2.1 (40 digits): betainc(a, b, 0, x, regularized=True); 1 − (complement) would lose 4 digits
    expectClose(S.regularizedBeta(0.9, 3, 1e-4), 9.9757998052093844e-5, { rel: 1e-12 }, 'I_0.9(3, 1e-4)');
    expectClose(S.regularizedBeta(0.97, 0.5, 1e-3), 0.0048641846414790703, { rel: 1e-12 }, 'I_0.97(0.5, 1e-3)');
    expectClose(S.regularizedBetaComplement(0.2, 1e-3, 0.5), 0.0028815785033839571, { rel: 1e-12 }, '1 − I_0.2(1e-3, 0.5)');
  });

  it('df = Infinity gives the normal distribution', () => {
    for (const x of [-40, -3, 0.2, 5]) {
      expect(S.studentTCdf(x, Infinity)).toBe(S.normalCdf(x));
      expect(S.studentTSf(x, Infinity)).toBe(S.normalSf(x));
    }
    expect(S.studentTQuantile(0.975, Infinity)).toBe(S.normalQuantile(0.975));
  });

  it('discrete distributions outside the support', () => {
    expect(S.poissonPmf(-1, 2)).toBe(0);
    expect(S.poissonCdf(-1, 2)).toBe(0);
    expect(S.poissonSf(-1, 2)).toBe(1);
    expect(S.poissonPmf(0, 0)).toBe(1);
    expect(S.binomialPmf(11, 10, 0.3)).toBe(0);
    expect(S.binomialCdf(10, 10, 0.3)).toBe(1);
    expect(S.binomialSf(10, 10, 0.3)).toBe(0);
    expect(S.binomialPmf(0, 10, 0)).toBe(1);
    expect(S.binomialPmf(10, 10, 1)).toBe(1);
    expect(S.hypergeometricPmf(8, 20, 7, 12)).toBe(0);
    expect(S.hypergeometricCdf(7, 20, 7, 12)).toBe(1);
    expect(S.hypergeometricSf(-1, 20, 7, 12)).toBe(1);
  });

  it('poles and identities of the gamma family', () => {
    expect(S.logGamma(1)).toBe(0);
    expect(S.logGamma(2)).toBe(0);
    expect(S.gammaFn(1)).toBe(1);
    expect(S.gammaFn(6)).toBe(120);
    expect(S.gammaFn(172)).toBe(Infinity);
    expect(S.logFactorial(1)).toBe(0);
    expect(S.log1pmx(0)).toBe(0);
    expect(S.log1pmx(-1)).toBe(-Infinity);
    expect(S.logChoose(7, 7)).toBe(0);
    expectClose(S.gammaFn(0.5) ** 2, Math.PI, { rel: 1e-15 }, 'Γ(½)² = π');
    expectClose(S.digamma(0.5), -0.5772156649015329 - 2 * Math.LN2, { rel: 1e-15 }, 'ψ(½) = −γ − 2 log 2');
    expectClose(S.trigamma(0.5), (Math.PI * Math.PI) / 2, { rel: 1e-15 }, "ψ'(½) = π²/2");
    expectClose(S.erf(1) + S.erfc(1), 1, { rel: 1e-16 }, 'erf + erfc = 1');
    expect(S.erf(Infinity)).toBe(1);
    expect(S.erf(-Infinity)).toBe(-1);
    expect(S.erfc(Infinity)).toBe(0);
    expect(S.erfcx(-30)).toBe(Infinity);
  });

  it('hyp2f1 closed forms', () => {
    // 2F1(1,1;2;z) = −log(1−z)/z ; 2F1(a,b;b;z) = (1−z)^(−a)
    for (const z of [-100, -3, -0.5, 0.2, 0.7, 0.95, 0.999]) {
      expectClose(S.hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z, { rel: 1e-13 }, `log form z=${z}`);
      expectClose(S.hyp2f1(0.7, 2.5, 2.5, z), Math.pow(1 - z, -0.7), { rel: 1e-13 }, `power form z=${z}`);
    }
    // negative a near z = 1 goes through the 1 − z connection formula
    for (const z of [0.95, 0.999, 0.99999]) {
      expectClose(S.hyp2f1(-0.3, 2.5, 2.5, z), Math.pow(1 - z, 0.3), { rel: 1e-13 }, `connection z=${z}`);
    }
    expect(S.hyp2f1(0, 3, 4, 0.9)).toBe(1);
    expect(S.hyp2f1(2, 3, 4, 0)).toBe(1);
  });
});

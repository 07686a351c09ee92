import { describe, expect, it } from 'vitest';
import { brierScore, calibrationCurve, logLoss, precisionRecallFscore } from '../../src/classify/index.js';
import { InvalidOptionError } from '../../src/core/errors.js';

describe('binary metrics with labels other than {0, 1} / {-1, 1} (regression: rows silently negative)', () => {
  it('brierScore([0, 2, 2], …) asks for posLabel, and with it equals scikit-learn (0.02)', () => {
    expect(() => brierScore([0, 2, 2], [0.1, 0.9, 0.8])).toThrow(InvalidOptionError);
    expect(() => brierScore([0, 2, 2], [0.1, 0.9, 0.8])).toThrow(/posLabel is required/);
    expect(brierScore([0, 2, 2], [0.1, 0.9, 0.8], { posLabel: 2 })).toBeCloseTo(0.02, 15);
  });
  it('logLoss, calibrationCurve and precisionRecallFscore use the same rule', () => {
    expect(() => logLoss([0, 2, 2], [0.1, 0.9, 0.8])).toThrow(InvalidOptionError);
    expect(() => calibrationCurve([0, 2, 2], [0.1, 0.9, 0.8])).toThrow(InvalidOptionError);
    expect(() => precisionRecallFscore([0, 2, 2], [0, 2, 0])).toThrow(InvalidOptionError);
    expect(precisionRecallFscore([0, 2, 2], [0, 2, 0], { posLabel: 2 }).recall).toBe(0.5);
  });
  it('{-1, 1} and {0, 1} keep 1 as the default positive class', () => {
    expect(brierScore([-1, 1, 1], [0.1, 0.9, 0.8])).toBeCloseTo(0.02, 15);
    expect(brierScore([0, 1, 1], [0.1, 0.9, 0.8])).toBeCloseTo(0.02, 15);
  });
});

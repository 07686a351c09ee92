/**
 * Special functions and probability distributions (crmkit's own kernels; see
 * docs/design-choices.md for the measured accuracy against 50-digit mpmath and scipy).
 *
 * @module
 */
export { logGamma, gammaFn, digamma, trigamma, logBeta, logFactorial, logChoose, log1pmx } from './gamma.js';
export { erf, erfc, erfcx } from './erf.js';
export { regularizedGammaP, regularizedGammaQ, gammaPInv } from './incompleteGamma.js';
export { regularizedBeta, regularizedBetaComplement, betaInv } from './incompleteBeta.js';
export { normalCdf, normalSf, normalLogCdf, normalPdf, normalQuantile, normalIsf } from './normal.js';
export { studentTCdf, studentTSf, studentTQuantile, studentTIsf } from './studentT.js';
export { chiSquareCdf, chiSquareSf, chiSquareQuantile, chiSquareIsf, gammaCdf, gammaSf } from './chiSquare.js';
export { betaCdf, betaSf, betaPdf, betaLogPdf, betaQuantile } from './betaDist.js';
export {
  poissonPmf,
  poissonCdf,
  poissonSf,
  binomialPmf,
  binomialCdf,
  binomialSf,
  hypergeometricPmf,
  hypergeometricCdf,
  hypergeometricSf,
} from './discrete.js';
export { fCdf, fSf } from './fDist.js';
export { hyp2f1 } from './hyp2f1.js';

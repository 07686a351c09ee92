/**
 * The distribution functions this module uses, in one place (re-exported from core's special functions).
 *
 * @internal
 * @module
 */
export {
  betaCdf,
  betaQuantile,
  betaSf,
  chiSquareSf,
  hypergeometricPmf,
  log1pmx,
  logBeta,
  logGamma,
  logChoose,
  normalCdf,
  normalIsf,
  normalQuantile,
  normalSf,
  normalPdf,
  studentTCdf,
  studentTIsf,
  studentTQuantile,
  studentTSf,
} from '../core/index.js';

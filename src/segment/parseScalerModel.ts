import { ModelFormatError } from '../core/errors.js';
import { bool, header, int, numArray, obj } from './_model.js';
import type { ScalerModel } from './transformScaler.js';

/**
 * Checks a JSON value (for example from `JSON.parse`) and returns it typed as a scaler model.
 *
 * @remarks Checks kind, formatVersion, params and that every per-column array has `nFeatures`
 * finite numbers (and positive scales).
 * @throws {@link ModelFormatError} when the kind, version or shape is wrong
 * @example
 * ```ts
 * import { fitStandardScaler, parseScalerModel } from 'crmkit/segment';
 * const json = JSON.stringify(fitStandardScaler([[1], [3]]));
 * parseScalerModel(JSON.parse(json)).mean; // => [2]
 * ```
 * @category Preprocessing
 */
export function parseScalerModel(json: unknown): ScalerModel {
  return _checkScalerModel('segment/parseScalerModel', json);
}

/** @internal The structural check of {@link parseScalerModel}, naming the caller `fn` in its errors. */
export function _checkScalerModel(fn: string, json: unknown): ScalerModel {
  const o = header(fn, json, ['standardScaler', 'minMaxScaler', 'robustScaler']);
  const p = obj(fn, 'params', o.params);
  const d = int(fn, 'nFeatures', o.nFeatures, 1);
  const positive = (name: string): void => {
    const a = numArray(fn, name, o[name], d);
    a.forEach((v, i) => {
      if (!(v > 0)) throw new ModelFormatError(fn, `${name}[${i}] must be > 0`, v);
    });
  };
  switch (o.kind) {
    case 'standardScaler':
      bool(fn, 'params.withMean', p.withMean);
      bool(fn, 'params.withStd', p.withStd);
      int(fn, 'nSamples', o.nSamples, 1);
      numArray(fn, 'mean', o.mean, d);
      numArray(fn, 'variance', o.variance, d);
      positive('scale');
      break;
    case 'minMaxScaler': {
      const r = numArray(fn, 'params.featureRange', p.featureRange, 2);
      if (!(r[0]! < r[1]!)) throw new ModelFormatError(fn, 'params.featureRange must have low < high', r);
      bool(fn, 'params.clip', p.clip);
      numArray(fn, 'dataMin', o.dataMin, d);
      numArray(fn, 'dataMax', o.dataMax, d);
      positive('scale');
      numArray(fn, 'min', o.min, d);
      break;
    }
    default:
      bool(fn, 'params.withCentering', p.withCentering);
      bool(fn, 'params.withScaling', p.withScaling);
      numArray(fn, 'params.quantileRange', p.quantileRange, 2);
      if (p.unitVariance !== undefined) bool(fn, 'params.unitVariance', p.unitVariance);
      numArray(fn, 'center', o.center, d);
      positive('scale');
  }
  return o as unknown as ScalerModel;
}

import { ModelFormatError } from '../core/errors.js';
import { bool, header, obj } from './_model.js';
import type { PreprocessorModel } from './fitPreprocessor.js';
import { _checkEncoderModel } from './parseEncoderModel.js';
import { _checkScalerModel } from './parseScalerModel.js';

/**
 * Checks a JSON value and returns it typed as a preprocessor model (every step's scaler or encoder
 * is checked too).
 *
 * @throws {@link ModelFormatError} when the kind, version or shape is wrong
 * @example
 * ```ts
 * import { fitPreprocessor, parsePreprocessorModel } from 'crmkit/segment';
 * const { model } = fitPreprocessor([{ n: 1 }, { n: 3 }], { columns: [{ name: 'n', type: 'numeric' }] });
 * parsePreprocessorModel(JSON.parse(JSON.stringify(model))).featureNames; // => ['n']
 * ```
 * @category Preprocessing
 */
export function parsePreprocessorModel(json: unknown): PreprocessorModel {
  return _checkPreprocessorModel('segment/parsePreprocessorModel', json);
}

/** @internal The structural check of {@link parsePreprocessorModel}, naming the caller `fn` in its errors. */
export function _checkPreprocessorModel(fn: string, json: unknown): PreprocessorModel {
  const o = header(fn, json, ['preprocessor']);
  const p = obj(fn, 'params', o.params);
  if (!Array.isArray(p.columns)) throw new ModelFormatError(fn, 'params.columns must be an array', p.columns);
  if (!Array.isArray(o.steps) || o.steps.length === 0) throw new ModelFormatError(fn, 'steps must be a non-empty array', o.steps);
  const names: string[] = [];
  o.steps.forEach((s: unknown, i) => {
    const step = obj(fn, `steps[${i}]`, s);
    if (typeof step.name !== 'string') throw new ModelFormatError(fn, `steps[${i}].name must be a string`, step.name);
    if (step.type === 'numeric') {
      bool(fn, `steps[${i}].log1p`, step.log1p);
      if (step.scaler !== null) {
        const sc = _checkScalerModel(fn, step.scaler);
        if (sc.nFeatures !== 1) throw new ModelFormatError(fn, `steps[${i}].scaler must have one feature`, sc.nFeatures);
      }
      names.push(step.name);
    } else if (step.type === 'categorical') {
      const enc = _checkEncoderModel(fn, step.encoder);
      if (enc.kind !== 'oneHotEncoder' || enc.categories.length !== 1) throw new ModelFormatError(fn, `steps[${i}].encoder must be a one-column one-hot encoder`, enc.kind);
      names.push(...enc.featureNamesOut);
    } else throw new ModelFormatError(fn, `steps[${i}].type must be 'numeric' or 'categorical'`, step.type);
  });
  if (!Array.isArray(o.featureNames) || o.featureNames.length !== names.length || o.featureNames.some((f, i) => f !== names[i])) {
    throw new ModelFormatError(fn, 'featureNames must list the steps’ output columns in order', o.featureNames);
  }
  return o as unknown as PreprocessorModel;
}

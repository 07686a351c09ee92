import { ModelFormatError } from '../core/errors.js';
import { catKey, checkCategory } from './_categories.js';
import { bool, finiteNum, header, obj, oneOfModel } from './_model.js';
import type { OneHotEncoderModel } from './fitOneHotEncoder.js';
import type { OrdinalEncoderModel } from './fitOrdinalEncoder.js';
import type { Category } from './types.js';

/** Any fitted category encoder. */
export type EncoderModel = OneHotEncoderModel | OrdinalEncoderModel;

/** @internal Checks the category lists and names of an encoder-like object. */
export function _checkCategories(fn: string, o: Record<string, unknown>): number {
  if (!Array.isArray(o.categories) || o.categories.length === 0) throw new ModelFormatError(fn, 'categories must be a non-empty array of arrays', o.categories);
  if (!Array.isArray(o.featureNamesIn) || o.featureNamesIn.length !== o.categories.length || o.featureNamesIn.some((s) => typeof s !== 'string')) {
    throw new ModelFormatError(fn, 'featureNamesIn must hold one string per category list', o.featureNamesIn);
  }
  o.categories.forEach((cats: unknown, j) => {
    if (!Array.isArray(cats) || cats.length === 0) throw new ModelFormatError(fn, `categories[${j}] must be a non-empty array`, cats);
    const keys = new Set<string>();
    cats.forEach((c, k) => {
      try {
        keys.add(catKey(checkCategory(fn, `categories[${j}][${k}]`, c)));
      } catch {
        throw new ModelFormatError(fn, `categories[${j}][${k}] must be a string or finite number`, c);
      }
    });
    if (keys.size !== cats.length) throw new ModelFormatError(fn, `categories[${j}] must be distinct`, cats);
  });
  return o.categories.length;
}

/**
 * Checks a JSON value and returns it typed as a one-hot or ordinal encoder model.
 *
 * @throws {@link ModelFormatError} when the kind, version or shape is wrong
 * @example
 * ```ts
 * import { fitOrdinalEncoder, parseEncoderModel } from 'crmkit/segment';
 * const json = JSON.stringify(fitOrdinalEncoder([['b'], ['a']]));
 * parseEncoderModel(JSON.parse(json)).categories; // => [['a', 'b']]
 * ```
 * @category Preprocessing
 */
export function parseEncoderModel(json: unknown): EncoderModel {
  return _checkEncoderModel('segment/parseEncoderModel', json);
}

/** @internal The structural check of {@link parseEncoderModel}, naming the caller `fn` in its errors. */
export function _checkEncoderModel(fn: string, json: unknown): EncoderModel {
  const o = header(fn, json, ['oneHotEncoder', 'ordinalEncoder']);
  const p = obj(fn, 'params', o.params);
  const d = _checkCategories(fn, o);
  if (o.kind === 'oneHotEncoder') {
    oneOfModel(fn, 'params.handleUnknown', p.handleUnknown, ['error', 'ignore', 'infrequentIfExist']);
    oneOfModel(fn, 'params.drop', p.drop, ['none', 'first', 'ifBinary']);
    for (const key of ['minFrequency', 'maxCategories'] as const) {
      if (p[key] !== undefined && p[key] !== null) finiteNum(fn, `params.${key}`, p[key]);
    }
    if (!Array.isArray(o.dropFirst) || o.dropFirst.length !== d) throw new ModelFormatError(fn, `dropFirst must hold ${d} booleans`, o.dropFirst);
    o.dropFirst.forEach((b, j) => bool(fn, `dropFirst[${j}]`, b));
    const cats = o.categories as Category[][];
    const groups = new Array<number>(d).fill(0);
    if (o.infrequentCategories !== undefined) {
      const inf = o.infrequentCategories;
      if (!Array.isArray(inf) || inf.length !== d) throw new ModelFormatError(fn, `infrequentCategories must hold ${d} arrays`, inf);
      inf.forEach((list: unknown, j) => {
        const known = new Set(cats[j]!.map(catKey));
        if (!Array.isArray(list) || list.some((c) => !known.has(catKey(c as Category))) || new Set(list.map((c) => catKey(c as Category))).size !== list.length) {
          throw new ModelFormatError(fn, `infrequentCategories[${j}] must list distinct categories of categories[${j}]`, list);
        }
        // all infrequent collapse into one output column
        groups[j] = list.length > 0 ? list.length - 1 : 0;
      });
    }
    const width = cats.reduce((s, c, j) => s + c.length - groups[j]! - ((o.dropFirst as boolean[])[j] ? 1 : 0), 0);
    if (!Array.isArray(o.featureNamesOut) || o.featureNamesOut.length !== width || o.featureNamesOut.some((s) => typeof s !== 'string')) {
      throw new ModelFormatError(fn, `featureNamesOut must hold ${width} strings`, o.featureNamesOut);
    }
  } else {
    const h = oneOfModel(fn, 'params.handleUnknown', p.handleUnknown, ['error', 'useEncodedValue']);
    if (h === 'useEncodedValue') finiteNum(fn, 'params.unknownValue', p.unknownValue);
  }
  return o as unknown as EncoderModel;
}

import { ModelFormatError } from '../core/errors.js';
import { bool, finiteNum, header, int, numArray, numMatrix, obj, oneOfModel } from './_model.js';
import type { KMeansModel } from './fitKMeans.js';
import type { MiniBatchKMeansModel } from './fitMiniBatchKMeans.js';

/**
 * Checks a JSON value (for example from `JSON.parse`) and returns it typed as a k-means or
 * mini-batch k-means model, ready for {@link predictKMeans} (or {@link partialFitMiniBatchKMeans}).
 *
 * @remarks Checks kind, formatVersion, params, the k × d centroid matrix, and that labels lie in [0, k).
 * @throws {@link ModelFormatError} when the kind, version or shape is wrong
 * @example
 * ```ts
 * import { fitKMeans, parseKMeansModel, predictKMeans } from 'crmkit/segment';
 * const model = fitKMeans([[0], [1], [9], [10]], { k: 2 });
 * const loaded = parseKMeansModel(JSON.parse(JSON.stringify(model)));
 * predictKMeans(loaded, [[0.5]])[0] === predictKMeans(model, [[0.5]])[0]; // => true
 * ```
 * @category Clustering
 */
export function parseKMeansModel(json: unknown): KMeansModel | MiniBatchKMeansModel {
  return _checkKMeansModel('segment/parseKMeansModel', json);
}

/** @internal The structural check of {@link parseKMeansModel}, naming the caller `fn` in its errors. */
export function _checkKMeansModel(fn: string, json: unknown): KMeansModel | MiniBatchKMeansModel {
  const o = header(fn, json, ['kmeans', 'miniBatchKMeans']);
  const p = obj(fn, 'params', o.params);
  const k = int(fn, 'params.k', p.k, 1);
  const d = int(fn, 'nFeatures', o.nFeatures, 1);
  numMatrix(fn, 'centroids', o.centroids, k, d);
  if (!Array.isArray(o.labels)) throw new ModelFormatError(fn, 'labels must be an array', o.labels);
  o.labels.forEach((l: unknown, i) => {
    if (typeof l !== 'number' || !Number.isInteger(l) || l < 0 || l >= k) throw new ModelFormatError(fn, `labels[${i}] must be an integer in [0, ${k})`, l);
  });
  finiteNum(fn, 'inertia', o.inertia);
  bool(fn, 'converged', o.converged);
  if (o.kind === 'kmeans') {
    if (p.init !== 'k-means++' && p.init !== 'random') numMatrix(fn, 'params.init', p.init, k, d);
    int(fn, 'params.nInit', p.nInit, 1);
    int(fn, 'params.maxIterations', p.maxIterations, 1);
    finiteNum(fn, 'params.tolerance', p.tolerance);
    int(fn, 'params.seed', p.seed, 0);
    oneOfModel(fn, 'params.algorithm', p.algorithm, ['lloyd', 'elkan']);
    if (p.refine !== undefined) oneOfModel(fn, 'params.refine', p.refine, ['none', 'hartigan']);
    int(fn, 'iterations', o.iterations, 1);
    numArray(fn, 'clusterSizes', o.clusterSizes, k);
    numArray(fn, 'runInertias', o.runInertias);
  } else {
    int(fn, 'params.batchSize', p.batchSize, 1);
    finiteNum(fn, 'params.reassignmentRatio', p.reassignmentRatio);
    int(fn, 'params.seed', p.seed, 0);
    numArray(fn, 'counts', o.counts, k);
    int(fn, 'steps', o.steps, 0);
    int(fn, 'samplesSeen', o.samplesSeen, 0);
    int(fn, 'sinceReassign', o.sinceReassign, 0);
    const st = numArray(fn, 'randomState', o.randomState, 4);
    if (st.some((v) => !Number.isInteger(v) || v < 0 || v > 0xffffffff) || st.every((v) => v === 0)) {
      throw new ModelFormatError(fn, 'randomState must be four unsigned 32-bit integers, not all zero', st);
    }
  }
  return o as unknown as KMeansModel | MiniBatchKMeansModel;
}

/** Test helpers: the shared conversion data (encoding fixed as in scripts/reference/classify.py). */
export { hasConversionData, loadBank, loadShoppers, referenceSplit, toFloat32Values } from '../../examples/classify-data.js';
import { loadFixture } from '../helpers/fixtures.js';

export interface RefTree {
  nodeCount: number;
  maxDepth: number;
  nLeaves: number;
  childrenLeft: number[];
  childrenRight: number[];
  feature: number[];
  threshold: number[];
  impurity: number[];
  nNodeSamples: number[];
  weightedNNodeSamples: number[];
  value: number[][];
  featureImportances: number[];
  testProba1?: number[];
  testPredict?: number[];
  testAuc?: number;
  params: Record<string, unknown>;
}

let cached: any;
export function fixture(): any {
  cached ??= loadFixture('classify');
  return cached;
}

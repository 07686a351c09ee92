/**
 * Internal CART kernel shared by the decision tree, the regression tree and the random forest.
 *
 * Layout: the training matrix is row-major `Float64Array`. Each feature is argsorted once into
 * `order[f * n .. (f + 1) * n)` (row ids sorted by value, ties by row id). A node owns the same
 * position range `[start, end)` in every feature's block; after a split, each block's range is
 * stably partitioned (left rows first), so children stay sorted without re-sorting and no per-row
 * objects are created.
 *
 * The scoring formulas mirror scikit-learn 1.2's `Criterion` classes operation for operation
 * (proxy improvement, children impurity, weighted impurity improvement), so that the same best
 * split wins and ties are detected the same way. See docs/classify.md for the tie rule.
 *
 * @internal
 * @module
 */
import { createRandom, type Random } from '../core/random.js';

/** Criterion codes. */
export const GINI = 0;
export const ENTROPY = 1;
export const MSE = 2;

const EPSILON = 2.220446049250313e-16; // np.finfo('double').eps
const LN2 = Math.log(2);

/** Flat node arrays of a fitted tree (preorder, left child first, like scikit-learn's node ids). */
export interface TreeNodes {
  /** Left child id, -1 at a leaf. */
  left: number[];
  /** Right child id, -1 at a leaf. */
  right: number[];
  /** Split feature, -1 at a leaf. */
  feature: number[];
  /** Split threshold: rows with x[feature] <= threshold go left; 0 at a leaf. */
  threshold: number[];
  /** Node impurity (gini, entropy in bits, or variance). */
  impurity: number[];
  /** Training rows (with non-zero weight) reaching the node. */
  nSamples: number[];
  /** Sum of the weights of those rows. */
  weightedNSamples: number[];
  /** Classification: weighted class counts per node; regression: `[mean]`. */
  value: number[][];
}

export interface KernelData {
  /** Row-major features. */
  x: Float64Array;
  nRows: number;
  nFeatures: number;
  /** Presorted row ids per feature over all rows (`nFeatures * nRows`). */
  order: Int32Array;
}

export interface KernelParams {
  criterion: number;
  nClasses: number; // 0 for regression
  maxDepth: number; // Infinity when unlimited
  minSamplesSplit: number;
  minSamplesLeaf: number;
  minImpurityDecrease: number;
  maxFeatures: number; // features examined per node (= nFeatures for all)
  /**
   * Test hook: reproduce scikit-learn 1.2's feature visiting order (its `rand_r_state`, the first
   * `RandomState(random_state).randint(0, 2**31 - 1)`) and its 1e-7 float32 feature tolerance, so
   * reference tests can check that exact ties resolve as scikit-learn resolves them.
   */
  sklearnRandState?: number;
  seed: number;
}

/**
 * Argsorts every feature once: row ids by value, ties by row id, without a comparator.
 * Integer-valued columns with a range up to ~4n (category codes, counts, ages, days) use a stable
 * counting sort on the value, O(n + range). Other columns are sorted natively, each row's value is
 * located among the distinct sorted values by binary search, and a stable counting sort on that
 * rank gives the order, O(n log n).
 */
export function presort(x: Float64Array, nRows: number, nFeatures: number): Int32Array {
  const order = new Int32Array(nRows * nFeatures);
  const col = new Float64Array(nRows);
  const sorted = new Float64Array(nRows);
  const rank = new Int32Array(nRows);
  for (let f = 0; f < nFeatures; f++) {
    let min = Infinity;
    let max = -Infinity;
    let integer = true;
    for (let i = 0; i < nRows; i++) {
      const v = x[i * nFeatures + f]!;
      col[i] = v;
      if (v < min) min = v;
      if (v > max) max = v;
      if (integer && !Number.isInteger(v)) integer = false;
    }
    if (integer && max - min <= 4 * nRows + 1024) {
      countingSortIntegers(col, nRows, min, max - min + 1, order, f * nRows);
      continue;
    }
    sorted.set(col);
    sorted.sort();
    let u = 0;
    for (let i = 0; i < nRows; i++) if (i === 0 || sorted[i]! !== sorted[u - 1]!) sorted[u++] = sorted[i]!;
    const count = new Int32Array(u + 1);
    for (let i = 0; i < nRows; i++) {
      const v = col[i]!;
      let lo = 0;
      let hi = u - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      rank[i] = lo;
      count[lo + 1] = count[lo + 1]! + 1;
    }
    for (let r = 0; r < u; r++) count[r + 1] = count[r + 1]! + count[r]!;
    const base = f * nRows;
    for (let i = 0; i < nRows; i++) {
      const r = rank[i]!;
      order[base + count[r]!] = i;
      count[r] = count[r]! + 1;
    }
  }
  return order;
}

/** Stable counting sort of rows by an integer-valued column with a small range (codes, counts, ages). */
function countingSortIntegers(col: Float64Array, nRows: number, min: number, range: number, order: Int32Array, base: number): void {
  const count = new Int32Array(range + 1);
  for (let i = 0; i < nRows; i++) {
    const b = col[i]! - min + 1;
    count[b] = count[b]! + 1;
  }
  for (let r = 0; r < range; r++) count[r + 1] = count[r + 1]! + count[r]!;
  for (let i = 0; i < nRows; i++) {
    const b = col[i]! - min;
    order[base + count[b]!] = i;
    count[b] = count[b]! + 1;
  }
}

/**
 * Grows one tree on the rows with non-zero weight. `yClass` (class index per row) for
 * classification, `yValue` for regression. Returns the nodes in scikit-learn's order.
 */
export function growTree(data: KernelData, yClass: Int32Array | null, yValue: Float64Array | null, weight: Float64Array, p: KernelParams): TreeNodes {
  const { nRows, nFeatures: F } = data;
  // Active rows: non-zero weight (scikit-learn drops zero-weight rows, e.g. out-of-bag rows).
  const { n, order, vals } = activeBlocks(data, weight);
  const vbuf = new Float64Array(n);
  const regression = p.criterion === MSE;
  const K = regression ? 1 : p.nClasses;
  const goLeft = new Uint8Array(nRows);
  const buf = new Int32Array(n);
  const sumTotal = new Float64Array(K);
  const sumLeft = new Float64Array(K);
  const featOrder = new Int32Array(F);
  const rng: Random | null = p.maxFeatures < F ? createRandom(p.seed) : null;
  const sk = p.sklearnRandState === undefined ? null : sklearnDraws(p.sklearnRandState, F);

  const out: TreeNodes = { left: [], right: [], feature: [], threshold: [], impurity: [], nSamples: [], weightedNSamples: [], value: [] };

  // Node statistics (classification: weighted class counts; regression: Σw·y and Σw·y²).
  let sqSumTotal = 0;
  const nodeStats = (start: number, end: number, block: number): number => {
    sumTotal.fill(0);
    sqSumTotal = 0;
    let w = 0;
    for (let k = start; k < end; k++) {
      const r = order[block * n + k]!; // a block whose [start, end) holds exactly the node's rows
      const wi = weight[r]!;
      if (regression) {
        const yi = yValue![r]!;
        const wy = wi * yi;
        sumTotal[0] = sumTotal[0]! + wy;
        sqSumTotal += wy * yi;
      } else sumTotal[yClass![r]!] = sumTotal[yClass![r]!]! + wi;
      w += wi;
    }
    return w;
  };
  const impurityOf = (counts: Float64Array, w: number, sq: number): number => {
    if (regression) {
      const m = counts[0]! / w;
      return sq / w - m * m;
    }
    if (p.criterion === GINI) {
      let s = 0;
      for (let c = 0; c < K; c++) s += counts[c]! * counts[c]!;
      return 1.0 - s / (w * w);
    }
    let e = 0;
    for (let c = 0; c < K; c++) {
      let ck = counts[c]!;
      if (ck > 0) {
        ck /= w;
        e -= ck * (Math.log(ck) / LN2);
      }
    }
    return e;
  };
  const sumRight = new Float64Array(K);

  // Best split of the current node.
  let bestFeature = -1;
  let bestPos = -1;
  let bestThreshold = 0;

  let bestProxy = -Infinity;
  /** Scores every split of feature f at the node; false when f is constant there. */
  // Loop invariants hoisted out of the hot scan (cheaper in V8's baseline tiers, before optimization).
  const useSk = sk !== null;
  const minLeaf = p.minSamplesLeaf;
  const isGini = p.criterion === GINI;
  const yc = yClass ?? new Int32Array(0);
  const yv = yValue ?? new Float64Array(0);
  const scanFeature = (f: number, start: number, end: number, wNode: number): boolean => {
      const base = f * n;
      const lo = vals[base + start]!;
      const hi = vals[base + end - 1]!;
      if (useSk ? hi <= Math.fround(lo + F32_FEATURE_THRESHOLD) : !(hi > lo)) return false; // constant at this node
      sumLeft.fill(0);
      let wLeft = 0;
      for (let k = start + 1; k < end; k++) {
        // move row at position k-1 to the left
        const r = order[base + k - 1]!;
        const wi = weight[r]!;
        if (regression) sumLeft[0] = sumLeft[0]! + wi * yv[r]!;
        else {
          const c = yc[r]!;
          sumLeft[c] = sumLeft[c]! + wi;
        }
        wLeft += wi;
        const xPrev = vals[base + k - 1]!;
        const xNext = vals[base + k]!;
        if (useSk ? xNext <= Math.fround(xPrev + F32_FEATURE_THRESHOLD) : !(xNext > xPrev)) continue;
        const nLeft = k - start;
        if (nLeft < minLeaf || end - k < minLeaf) continue;
        const wRight = wNode - wLeft;
        let proxy: number;
        if (regression) {
          const sl = sumLeft[0]!;
          const sr = sumTotal[0]! - sl;
          proxy = (sl * sl) / wLeft + (sr * sr) / wRight;
        } else if (isGini) {
          let sqL = 0;
          let sqR = 0;
          for (let c = 0; c < K; c++) {
            const cl = sumLeft[c]!;
            const cr = sumTotal[c]! - cl;
            sqL += cl * cl;
            sqR += cr * cr;
          }
          const gl = 1.0 - sqL / (wLeft * wLeft);
          const gr = 1.0 - sqR / (wRight * wRight);
          proxy = -wRight * gr - wLeft * gl;
        } else {
          let el = 0;
          let er = 0;
          for (let c = 0; c < K; c++) {
            let cl = sumLeft[c]!;
            let cr = sumTotal[c]! - cl;
            if (cl > 0) {
              cl /= wLeft;
              el -= cl * (Math.log(cl) / LN2);
            }
            if (cr > 0) {
              cr /= wRight;
              er -= cr * (Math.log(cr) / LN2);
            }
          }
          proxy = -wRight * er - wLeft * el;
        }
        if (proxy > bestProxy) {
          bestProxy = proxy;
          bestFeature = f;
          bestPos = k;
          let t = xPrev / 2.0 + xNext / 2.0;
          if (t === xNext || !Number.isFinite(t)) t = xPrev;
          bestThreshold = t;
        }
      }
        return true;
  };

  interface Frame { start: number; end: number; depth: number; parent: number; isLeft: boolean; impurity: number; nConstant: number; block: number }
  const stack: Frame[] = [{ start: 0, end: n, depth: 0, parent: -1, isLeft: false, impurity: NaN, nConstant: 0, block: 0 }];
  const totalWeightHolder = { w: 0 };
  let first = true;

  while (stack.length > 0) {
    const fr = stack.pop()!;
    const { start, end, depth } = fr;
    const nNode = end - start;
    const wNode = nodeStats(start, end, fr.block);
    if (first) totalWeightHolder.w = wNode;
    let impurity = fr.impurity;
    if (first) {
      impurity = impurityOf(sumTotal, wNode, sqSumTotal);
      first = false;
    }
    let isLeaf = depth >= p.maxDepth || nNode < p.minSamplesSplit || nNode < 2 * p.minSamplesLeaf;
    isLeaf = isLeaf || impurity <= EPSILON;
    let impLeft = 0;
    let impRight = 0;
    let childConstant = 0;
    if (!isLeaf) {
      bestFeature = -1;
      bestPos = end;
      bestProxy = -Infinity;
      if (sk) {
        // scikit-learn 1.2 BestSplitter's feature draws (Fisher–Yates with its rand_r and the
        // known-constant bookkeeping), used only by the reference tests to reproduce its tie choices.
        const nKnown = fr.nConstant;
        let fi = F;
        let nVisited = 0;
        let nFound = 0;
        let nDrawn = 0;
        let nTotal = nKnown;
        while (fi > nTotal && (nVisited < p.maxFeatures || nVisited <= nFound + nDrawn)) {
          nVisited++;
          let fj = nDrawn + (sk.next() % (fi - nFound - nDrawn));
          if (fj < nKnown) {
            swap(sk.features, nDrawn, fj);
            nDrawn++;
            continue;
          }
          fj += nFound;
          if (!scanFeature(sk.features[fj]!, start, end, wNode)) {
            swap(sk.features, fj, nTotal);
            nFound++;
            nTotal++;
            continue;
          }
          fi--;
          swap(sk.features, fi, fj);
        }
        for (let i = 0; i < nKnown; i++) sk.features[i] = sk.constant[i]!;
        for (let i = nKnown; i < nKnown + nFound; i++) sk.constant[i] = sk.features[i]!;
        childConstant = nTotal;
      } else if (rng) {
        // maxFeatures < F: a seeded random order; features found constant count toward the budget,
        // but the search goes on until one non-constant feature was scored (as in scikit-learn).
        for (let f = 0; f < F; f++) featOrder[f] = f;
        for (let i = F - 1; i > 0; i--) swap(featOrder, i, rng.int(i + 1));
        let visited = 0;
        let nonConstant = 0;
        for (let fi = 0; fi < F; fi++) {
          if (visited >= p.maxFeatures && nonConstant > 0) break;
          visited++;
          if (scanFeature(featOrder[fi]!, start, end, wNode)) nonConstant++;
        }
      } else {
        // All features in column order: on exactly equal scores the lowest feature index wins.
        for (let f = 0; f < F; f++) scanFeature(f, start, end, wNode);
      }
      if (bestFeature < 0 || bestPos >= end) isLeaf = true;
      else {
        // Children impurity and weighted improvement of the best split (scikit-learn's formulas).
        const base = bestFeature * n;
        sumLeft.fill(0);
        let wLeft = 0;
        let sqLeft = 0;
        for (let k = start; k < bestPos; k++) {
          const r = order[base + k]!;
          const wi = weight[r]!;
          if (regression) {
            const wy = wi * yValue![r]!;
            sumLeft[0] = sumLeft[0]! + wy;
            sqLeft += wy * yValue![r]!;
          } else sumLeft[yClass![r]!] = sumLeft[yClass![r]!]! + wi;
          wLeft += wi;
        }
        const wRight = wNode - wLeft;
        for (let c = 0; c < K; c++) sumRight[c] = sumTotal[c]! - sumLeft[c]!;
        impLeft = impurityOf(sumLeft, wLeft, sqLeft);
        impRight = impurityOf(sumRight, wRight, sqSumTotal - sqLeft);
        const improvement = (wNode / totalWeightHolder.w) * (impurity - (wRight / wNode) * impRight - (wLeft / wNode) * impLeft);
        if (improvement + EPSILON < p.minImpurityDecrease) isLeaf = true;
      }
    }

    const id = out.left.length;
    if (fr.parent >= 0) {
      if (fr.isLeft) out.left[fr.parent] = id;
      else out.right[fr.parent] = id;
    }
    out.left.push(-1);
    out.right.push(-1);
    out.feature.push(isLeaf ? -1 : bestFeature);
    out.threshold.push(isLeaf ? 0 : bestThreshold);
    out.impurity.push(impurity);
    out.nSamples.push(nNode);
    out.weightedNSamples.push(wNode);
    out.value.push(regression ? [sumTotal[0]! / wNode] : Array.from(sumTotal));

    if (!isLeaf) {
      // Partition every feature block's [start, end) stably: rows left of bestPos first. Skipped
      // when both children will be leaves (their statistics are read from the split feature's block).
      const childLeaf = (size: number, imp: number): boolean =>
        depth + 1 >= p.maxDepth || size < p.minSamplesSplit || size < 2 * p.minSamplesLeaf || imp <= EPSILON;
      const skip = childLeaf(bestPos - start, impLeft) && childLeaf(end - bestPos, impRight);
      if (!skip) partitionBlocks(order, vals, goLeft, buf, vbuf, n, F, start, end, bestPos, bestFeature);
      stack.push({ start: bestPos, end, depth: depth + 1, parent: id, isLeft: false, impurity: impRight, nConstant: childConstant, block: bestFeature });
      stack.push({ start, end: bestPos, depth: depth + 1, parent: id, isLeft: true, impurity: impLeft, nConstant: childConstant, block: bestFeature });
    }
  }
  return out;
}

const F32_FEATURE_THRESHOLD = Math.fround(1e-7);

/**
 * The presorted blocks restricted to rows with non-zero weight, and the sorted values beside the
 * row ids (so split scans read memory sequentially). Kept out of growTree so each loop is its own
 * small function that V8 optimizes with complete type feedback.
 */
function activeBlocks(data: KernelData, weight: Float64Array): { n: number; order: Int32Array; vals: Float64Array } {
  const { x, nRows, nFeatures: F } = data;
  let n = 0;
  for (let i = 0; i < nRows; i++) if (weight[i]! !== 0) n++;
  const order = new Int32Array(n * F);
  if (n === nRows) order.set(data.order);
  else {
    for (let f = 0; f < F; f++) {
      let k = f * n;
      const base = f * nRows;
      for (let j = 0; j < nRows; j++) {
        const r = data.order[base + j]!;
        if (weight[r]! !== 0) order[k++] = r;
      }
    }
  }
  const vals = new Float64Array(n * F);
  for (let f = 0; f < F; f++) {
    const base = f * n;
    for (let k = 0; k < n; k++) vals[base + k] = x[order[base + k]! * F + f]!;
  }
  return { n, order, vals };
}

/** Stable partition of every feature block's [start, end): rows left of `pos` in the split feature first. */
function partitionBlocks(
  order: Int32Array,
  vals: Float64Array,
  goLeft: Uint8Array,
  buf: Int32Array,
  vbuf: Float64Array,
  n: number,
  F: number,
  start: number,
  end: number,
  pos: number,
  split: number,
): void {
  const bbase = split * n;
  for (let k = start; k < end; k++) goLeft[order[bbase + k]!] = k < pos ? 1 : 0;
  for (let f = 0; f < F; f++) {
    if (f === split) continue;
    const base = f * n;
    let l = start;
    let rr = 0;
    for (let k = start; k < end; k++) {
      const r = order[base + k]!;
      if (goLeft[r] === 1) {
        vals[base + l] = vals[base + k]!;
        order[base + l++] = r;
      } else {
        vbuf[rr] = vals[base + k]!;
        buf[rr++] = r;
      }
    }
    order.set(buf.subarray(0, rr), base + l);
    vals.set(vbuf.subarray(0, rr), base + l);
  }
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** scikit-learn's `our_rand_r` (xorshift on 32 bits, reduced mod 2^31) and its feature arrays. */
function sklearnDraws(seed: number, F: number): { next: () => number; features: Int32Array; constant: Int32Array } {
  let state = seed >>> 0;
  const features = new Int32Array(F);
  for (let f = 0; f < F; f++) features[f] = f;
  return {
    features,
    constant: new Int32Array(F),
    next: () => {
      if (state === 0) state = 1;
      state = (state ^ (state << 13)) >>> 0;
      state = (state ^ (state >>> 17)) >>> 0;
      state = (state ^ (state << 5)) >>> 0;
      return state % 2147483648;
    },
  };
}

/** scikit-learn's `compute_feature_importances` (normalized to sum 1 unless the tree is a stump). */
export function treeImportances(t: TreeNodes, nFeatures: number): number[] {
  const imp = new Float64Array(nFeatures);
  for (let i = 0; i < t.left.length; i++) {
    const l = t.left[i]!;
    if (l < 0) continue;
    const r = t.right[i]!;
    const f = t.feature[i]!;
    imp[f] =
      imp[f]! +
      t.weightedNSamples[i]! * t.impurity[i]! - t.weightedNSamples[l]! * t.impurity[l]! - t.weightedNSamples[r]! * t.impurity[r]!;
  }
  let s = 0;
  for (let f = 0; f < nFeatures; f++) {
    imp[f] = imp[f]! / t.weightedNSamples[0]!;
    s += imp[f]!;
  }
  if (s > 0) for (let f = 0; f < nFeatures; f++) imp[f] = imp[f]! / s;
  return Array.from(imp);
}

/** The leaf id each row of the (validated, row-major) matrix falls into. */
export function applyTree(t: TreeNodes, x: Float64Array, nRows: number, nFeatures: number): Int32Array {
  const leaf = new Int32Array(nRows);
  const { left, right, feature, threshold } = t;
  for (let i = 0; i < nRows; i++) {
    let node = 0;
    while (left[node]! >= 0) {
      node = x[i * nFeatures + feature[node]!]! <= threshold[node]! ? left[node]! : right[node]!;
    }
    leaf[i] = node;
  }
  return leaf;
}

/** Result of the minimal cost-complexity pruning pass. */
export interface PruneResult {
  ccpAlphas: number[];
  impurities: number[];
  /** Nodes kept (in the original ids), when pruning with an alpha. */
  keep: Uint8Array;
  /** Nodes that are leaves of the pruned tree. */
  leafInSubtree: Uint8Array;
}

/**
 * Minimal cost-complexity pruning (Breiman et al. 1984, §3.3), as scikit-learn 1.2's
 * `_cost_complexity_prune`: repeatedly collapse the internal node with the smallest effective alpha
 * (r(t) − R(T_t)) / (|leaves(T_t)| − 1), first node id on ties, until the root is a leaf or the
 * smallest alpha exceeds `ccpAlpha`.
 */
export function costComplexityPrune(t: TreeNodes, ccpAlpha: number): PruneResult {
  const m = t.left.length;
  const total = t.weightedNSamples[0]!;
  const rNode = new Float64Array(m);
  const rBranch = new Float64Array(m);
  const nLeaves = new Float64Array(m);
  const parent = new Int32Array(m).fill(-1);
  const leafIn = new Uint8Array(m);
  const candidate = new Uint8Array(m);
  const inSubtree = new Uint8Array(m).fill(1);
  for (let i = 0; i < m; i++) rNode[i] = (t.weightedNSamples[i]! * t.impurity[i]!) / total;
  for (let i = 0; i < m; i++) {
    if (t.left[i]! < 0) leafIn[i] = 1;
    else {
      parent[t.left[i]!] = i;
      parent[t.right[i]!] = i;
    }
  }
  for (let leaf = 0; leaf < m; leaf++) {
    if (!leafIn[leaf]) continue;
    rBranch[leaf] = rNode[leaf]!;
    const cur = rNode[leaf]!;
    let node = leaf;
    while (node !== 0) {
      const pa = parent[node]!;
      rBranch[pa] = rBranch[pa]! + cur;
      nLeaves[pa] = nLeaves[pa]! + 1;
      node = pa;
    }
  }
  for (let i = 0; i < m; i++) candidate[i] = leafIn[i] ? 0 : 1;
  const ccpAlphas = [0];
  const impurities = [rBranch[0]!];
  const stack: number[] = [];
  while (candidate[0]) {
    let alpha = Number.MAX_VALUE;
    let pruned = -1;
    for (let i = 0; i < m; i++) {
      if (!candidate[i]) continue;
      const a = (rNode[i]! - rBranch[i]!) / (nLeaves[i]! - 1);
      if (a < alpha) {
        alpha = a;
        pruned = i;
      }
    }
    if (pruned < 0 || ccpAlpha < alpha) break;
    stack.push(pruned);
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (!inSubtree[node]) continue;
      candidate[node] = 0;
      leafIn[node] = 0;
      inSubtree[node] = 0;
      if (t.left[node]! >= 0) {
        stack.push(t.left[node]!);
        stack.push(t.right[node]!);
      }
    }
    leafIn[pruned] = 1;
    inSubtree[pruned] = 1;
    const nPruned = nLeaves[pruned]! - 1;
    nLeaves[pruned] = 0;
    const rDiff = rNode[pruned]! - rBranch[pruned]!;
    rBranch[pruned] = rNode[pruned]!;
    let node = parent[pruned]!;
    while (node !== -1) {
      nLeaves[node] = nLeaves[node]! - (nPruned);
      rBranch[node] = rBranch[node]! + rDiff;
      node = parent[node]!;
    }
    ccpAlphas.push(alpha);
    impurities.push(rBranch[0]!);
  }
  return { ccpAlphas, impurities, keep: inSubtree, leafInSubtree: leafIn };
}

/** Rebuilds the node arrays keeping only the pruned subtree (preorder, left first). */
export function extractSubtree(t: TreeNodes, pr: PruneResult): TreeNodes {
  const out: TreeNodes = { left: [], right: [], feature: [], threshold: [], impurity: [], nSamples: [], weightedNSamples: [], value: [] };
  const stack: Array<[number, number, boolean]> = [[0, -1, false]];
  while (stack.length > 0) {
    const [old, par, isLeft] = stack.pop()!;
    const id = out.left.length;
    if (par >= 0) {
      if (isLeft) out.left[par] = id;
      else out.right[par] = id;
    }
    const leaf = pr.leafInSubtree[old] === 1 || t.left[old]! < 0;
    out.left.push(-1);
    out.right.push(-1);
    out.feature.push(leaf ? -1 : t.feature[old]!);
    out.threshold.push(leaf ? 0 : t.threshold[old]!);
    out.impurity.push(t.impurity[old]!);
    out.nSamples.push(t.nSamples[old]!);
    out.weightedNSamples.push(t.weightedNSamples[old]!);
    out.value.push(t.value[old]!.slice());
    if (!leaf) {
      stack.push([t.right[old]!, id, false]);
      stack.push([t.left[old]!, id, true]);
    }
  }
  return out;
}

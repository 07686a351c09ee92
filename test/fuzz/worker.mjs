// Fuzz worker: imports one built subpath, calls every exported function with hostile arguments and
// reports each call's outcome to the parent, which times it and kills this worker on a hang.
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';

const { entry, rootEntry, start, randomPerFunction, seed } = workerData;
const m = await import(entry);
const root = await import(rootEntry);

function holes() {
  const a = [1, 2, 3];
  delete a[1];
  return a;
}
const matrix = () => [[1, 2], [2, 1], [3, 4], [8, 9], [9, 8], [1, 1]];
/** Hostile values: wrong types, non-finite and extreme numbers, empty/ragged/holey arrays, wrong-shaped objects. */
const battery = () => [
  undefined, null, Number.NaN, Infinity, -Infinity, -0, 0, 1, -1, 0.5, 1e308, -1e308, 5e-324, 2 ** 53 + 2,
  '', 'abc', '0x10', 'constructor', '__proto__', true, Symbol('s'), 10n, () => 1,
  [], [Number.NaN], [1, Number.NaN, 3], [Infinity], [1e308, 1e308, 1e308], holes(), [[1, 2], [3]], [[]], [[1e308, -1e308], [1e308, 1e308]],
  [[Number.NaN, 1], [2, 3]], [['a', 'b'], ['c', 'd']], ['a', 'b', 'c'], [null], [undefined, undefined],
  new Float64Array([Number.NaN, 1]), new Float64Array(0), new Int32Array([1, 2, 3]),
  {}, { kind: 'x', formatVersion: 1 }, { kind: 'kmeans', formatVersion: 1, params: {}, centroids: [[Number.NaN]] }, { length: 3 }, { length: 1e9 },
  new Map([['k', 2]]), new Set([1]), new Date(Number.NaN), new Date(0), Object.create(null), Object.freeze([1, 2, 3]),
];
/** Options objects with a hostile value under names many crmkit functions accept. */
const hostileOptions = () => {
  const out = [];
  for (const key of ['k', 'seed', 'maxIterations', 'tolerance', 'nInit', 'window', 'alpha', 'timeZone', 'unit', 'signal', 'onProgress', 'weights', 'columns', 'scale', 'nBins', 'strict', 'metric']) {
    for (const v of [Number.NaN, -1, 1e308, 'true', null, {}, [], 0]) out.push({ [key]: v });
  }
  out.push(new Map([['k', 2]]), { unknownOption: 1 }, []);
  return out;
};

function plans(fn) {
  const arity = Math.max(1, Math.min(fn.length, 4));
  const list = [];
  for (let pos = 0; pos < arity; pos++) {
    for (const v of battery()) {
      const args = [];
      for (let j = 0; j < pos; j++) args.push(j === 0 ? matrix() : j === 1 ? [0, 1, 0, 1, 1, 0] : undefined);
      args.push(v);
      list.push(args);
    }
  }
  // first argument plausible, options hostile (at the last declared position and at position 1)
  for (const o of hostileOptions()) {
    list.push([matrix(), o]);
    if (arity > 2) list.push([matrix(), [0, 1, 0, 1, 1, 0], o]);
  }
  // seeded random structures
  const anything = fc.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBigInt: true, withDate: true });
  const samples = fc.sample(fc.array(anything, { minLength: 1, maxLength: arity + 1 }), { seed, numRuns: randomPerFunction });
  for (const s of samples) list.push(s);
  return list;
}

function findNaN(x, path, depth, seen) {
  if (typeof x === 'number') return Number.isNaN(x) ? path || '(result)' : null;
  if (x === null || typeof x !== 'object' || depth > 6 || seen.has(x)) return null;
  seen.add(x);
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
    for (let i = 0; i < Math.min(x.length, 10000); i++) if (Number.isNaN(x[i])) return `${path}[${i}]`;
    return null;
  }
  const keys = Array.isArray(x) ? x.keys() : Object.keys(x);
  let count = 0;
  for (const k of keys) {
    if (++count > 10000) break;
    let v;
    try { v = x[k]; } catch { continue; }
    const r = findNaN(v, `${path}${Array.isArray(x) ? `[${k}]` : `.${String(k)}`}`, depth + 1, seen);
    if (r) return r;
  }
  return null;
}

const isClass = (f) => /^class[\s{]/.test(Function.prototype.toString.call(f));
const names = Object.keys(m).filter((k) => typeof m[k] === 'function' && !isClass(m[k])).sort();
let index = 0;
for (const name of names) {
  const fn = m[name];
  for (const args of plans(fn)) {
    if (index >= start) {
      parentPort.postMessage({ type: 'start', index, name });
      let outcome;
      try {
        let r = fn(...args);
        if (r && typeof r.then === 'function') r = await Promise.race([r, new Promise((res) => setTimeout(() => res(undefined), 1500))]);
        const nan = findNaN(r, '', 0, new Set());
        outcome = nan ? { kind: 'nan', detail: nan } : { kind: 'ok' };
      } catch (e) {
        if (e && typeof e === 'object' && typeof e.code === 'string' && typeof e.fn === 'string' && e instanceof m.CrmkitError) {
          outcome = { kind: 'typed', fn: e.fn, code: e.code };
        } else {
          outcome = { kind: 'untyped', detail: `${e?.name ?? typeof e}: ${String(e?.message ?? e).slice(0, 160)}` };
        }
      }
      parentPort.postMessage({ type: 'end', index, name, fromCore: root[name] === fn, arity: args.length, argsShape: args.map(shape).join(', '), ...outcome });
    }
    index++;
  }
}
parentPort.postMessage({ type: 'done', total: index });

function shape(v) {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'undefined') return String(v);
  if (typeof v === 'string') return JSON.stringify(v.slice(0, 12));
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'symbol' || typeof v === 'function') return typeof v;
  if (Array.isArray(v)) return `[${v.slice(0, 4).map(shape).join(',')}${v.length > 4 ? ',…' : ''}]`;
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}(${v.length})`;
  if (v instanceof Map) return 'Map';
  if (v instanceof Set) return 'Set';
  if (v instanceof Date) return 'Date';
  return `{${Object.keys(v).slice(0, 4).map((k) => `${k}:${shape(v[k])}`).join(',')}}`;
}

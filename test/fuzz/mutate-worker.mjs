// Example-seeded mutation fuzz worker: runs the subpath's @example code against the built package,
// records the arguments of every call to the subpath's exports (valid calls, by construction), then
// replays each recorded call with one argument, one option/model field, one row or one cell made
// hostile, reporting each call's outcome to the parent (which times it and kills hangs).
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

const { entry, specs, target, examples, start, perFunction } = workerData;
const modules = {};
for (const [spec, url] of Object.entries(specs)) modules[spec] = await import(url);
const m = await import(entry);
const root = modules.crmkit;

const isClass = (f) => /^class[\s{]/.test(Function.prototype.toString.call(f));
const isPlain = (x) => x !== null && typeof x === 'object' && !Array.isArray(x) && !ArrayBuffer.isView(x) && (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null);

/** Deep copy of arrays, plain objects and typed arrays; other objects (graphs, Dates, functions) by reference. */
function clone(x, depth = 0) {
  if (depth > 8) return x;
  if (Array.isArray(x)) return x.map((v) => clone(v, depth + 1));
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) return x.slice();
  if (isPlain(x)) {
    const o = Object.getPrototypeOf(x) === null ? Object.create(null) : {};
    for (const k of Object.keys(x)) o[k] = clone(x[k], depth + 1);
    return o;
  }
  return x;
}

// 1. record valid calls from the examples
const recorded = new Map();
const wrapped = {};
for (const [spec, mod] of Object.entries(modules)) {
  wrapped[spec] = new Proxy(mod, {
    get(t, k) {
      if (k === '__esModule') return true; // so the examples' default imports (graphology's Graph) resolve to `default`
      const v = t[k];
      if (spec !== target || typeof v !== 'function' || isClass(v) || typeof k !== 'string') return v;
      return (...args) => {
        const list = recorded.get(k) ?? [];
        if (list.length < perFunction && !list.some((a) => a.length === args.length && sameShape(a, args))) list.push(clone(args));
        recorded.set(k, list);
        return v(...args);
      };
    },
  });
}
function sameShape(a, b) {
  try { return JSON.stringify(a).slice(0, 2000) === JSON.stringify(b).slice(0, 2000); } catch { return false; }
}
const nodeRequire = createRequire(import.meta.url);
const requireShim = (spec) => {
  if (spec in wrapped) return wrapped[spec];
  if (spec.startsWith('node:')) return nodeRequire(spec); // the file examples make temporary folders
  throw new Error(`example imports ${spec}`);
};
for (const code of examples) {
  try {
    const r = new Function('require', 'exports', 'module', code)(requireShim, {}, { exports: {} });
    if (r && typeof r.then === 'function') await r.catch(() => {});
  } catch {
    // an example that throws on purpose (error examples) still recorded its call
  }
}

// 2. mutations of each recorded call
const battery = () => [undefined, null, Number.NaN, Infinity, -Infinity, -1, 0, -0, 1e308, 2 ** 53 + 2, '', 'x', '0x10', true, [], {}, [Number.NaN], new Map(), () => 1, 'constructor'];
const cellBattery = () => [Number.NaN, Infinity, 1e308, -1e308, 'x', null, undefined, -1, {}, '__proto__'];

function* mutations(args) {
  const n = args.length;
  for (let i = 0; i <= Math.min(n, 3); i++) {
    for (const v of battery()) {
      const a = clone(args);
      a[i] = v;
      yield a;
    }
  }
  for (let i = 0; i < n; i++) {
    const arg = args[i];
    if (isPlain(arg)) {
      const keys = Object.keys(arg).slice(0, 16);
      for (const k of keys) {
        for (const v of battery()) {
          const a = clone(args);
          a[i][k] = v;
          yield a;
        }
        const d = clone(args);
        delete d[i][k];
        yield d;
        const inner = arg[k];
        if (isPlain(inner)) {
          for (const k2 of Object.keys(inner).slice(0, 8)) for (const v of cellBattery()) { const a = clone(args); a[i][k][k2] = v; yield a; }
        } else if (Array.isArray(inner) && inner.length > 0) {
          for (const v of cellBattery()) { const a = clone(args); a[i][k][0] = v; yield a; }
          if (Array.isArray(inner[0]) && inner[0].length > 0) for (const v of cellBattery()) { const a = clone(args); a[i][k][0][0] = v; yield a; }
        }
      }
      const u = clone(args);
      u[i].__unknownOption = 1;
      yield u;
    } else if (Array.isArray(arg) && arg.length > 0) {
      for (const v of battery()) { const a = clone(args); a[i][0] = v; yield a; }
      { const a = clone(args); a[i] = a[i].slice(); a[i].length = a[i].length + 1; yield a; } // trailing hole
      const first = arg[0];
      if (Array.isArray(first) && first.length > 0) {
        for (const v of cellBattery()) { const a = clone(args); a[i][0][0] = v; yield a; }
        { const a = clone(args); a[i][0] = a[i][0].slice(1); yield a; } // ragged
      } else if (isPlain(first)) {
        for (const k of Object.keys(first).slice(0, 10)) for (const v of cellBattery()) { const a = clone(args); a[i][0][k] = v; yield a; }
      }
    } else if (ArrayBuffer.isView(arg) && arg.length > 0 && !(arg instanceof DataView)) {
      for (const v of [Number.NaN, Infinity, 1e308]) { const a = clone(args); a[i][0] = v; yield a; }
    }
  }
}

function findNaN(x, path, depth, seen) {
  if (typeof x === 'number') return Number.isNaN(x) ? path || '(result)' : null;
  if (x === null || typeof x !== 'object' || depth > 6 || seen.has(x)) return null;
  seen.add(x);
  if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
    for (let i = 0; i < Math.min(x.length, 10000); i++) if (Number.isNaN(x[i])) return `${path}[${i}]`;
    return null;
  }
  if (!Array.isArray(x) && !isPlain(x)) return null; // class instances (graphs, Maps): not scanned
  let count = 0;
  for (const k of Array.isArray(x) ? x.keys() : Object.keys(x)) {
    if (++count > 10000) break;
    const r = findNaN(x[k], `${path}${Array.isArray(x) ? `[${k}]` : `.${String(k)}`}`, depth + 1, seen);
    if (r) return r;
  }
  return null;
}
function shape(v, d = 0) {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'undefined') return String(v);
  if (typeof v === 'string') return JSON.stringify(v.slice(0, 12));
  if (typeof v === 'symbol' || typeof v === 'function' || typeof v === 'bigint') return typeof v;
  if (d > 2) return Array.isArray(v) ? '[…]' : '{…}';
  if (Array.isArray(v)) return `[${v.slice(0, 3).map((x) => shape(x, d + 1)).join(',')}${v.length > 3 ? ',…' : ''}]`;
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}(${v.length})`;
  if (!isPlain(v)) return v.constructor?.name ?? 'object';
  return `{${Object.keys(v).slice(0, 5).map((k) => `${k}:${shape(v[k], d + 1)}`).join(',')}}`;
}

let index = 0;
for (const name of [...recorded.keys()].sort()) {
  const fn = m[name];
  for (const args of recorded.get(name)) {
    for (const a of mutations(args)) {
      if (index >= start) {
        parentPort.postMessage({ type: 'start', index, name, argsShape: a.map((x) => shape(x)).join(', '), callerFn: typeof a[0] === 'string' ? a[0] : undefined });
        let outcome;
        try {
          let r = fn(...a);
          if (r && typeof r.then === 'function') r = await Promise.race([r, new Promise((res) => setTimeout(() => res(undefined), 1500))]);
          const nan = findNaN(r, '', 0, new Set());
          outcome = nan ? { kind: 'nan', detail: `NaN at ${nan}` } : { kind: 'ok' };
        } catch (e) {
          if (e && typeof e === 'object' && typeof e.code === 'string' && typeof e.fn === 'string' && e instanceof root.CrmkitError) outcome = { kind: 'typed', fn: e.fn, code: e.code };
          else outcome = { kind: 'untyped', detail: `${e?.name ?? typeof e}: ${String(e?.message ?? e).slice(0, 160)}` };
        }
        parentPort.postMessage({ type: 'end', index, name, fromCore: root[name] === fn, callerFn: typeof a[0] === 'string' ? a[0] : undefined, argsShape: a.map((x) => shape(x)).join(', '), ...outcome });
      }
      index++;
    }
  }
}
parentPort.postMessage({ type: 'done', total: index, functions: recorded.size });

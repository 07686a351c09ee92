/**
 * Hostile-input fuzz over the built package: every exported function of each hardened subpath is
 * called with wrong types, NaN/±Infinity/−0, 1e308 magnitudes, empty, ragged and holey arrays,
 * wrong-shaped models, options passed as a Map, unknown and wrong-typed options, and seeded random
 * structures (fast-check). Each call must either throw a CrmkitError naming the called function
 * (`module/name`, not an internal `core/…` one), or return a result with no NaN in it; never a plain
 * TypeError/RangeError/SyntaxError, and never take longer than the bound (the worker is killed and
 * the call reported as a hang). New exports are covered automatically.
 *
 * Subpaths join HARDENED as their module passes; the hardening issue tracks the rest.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/package.js';

/** Subpath → the module name its errors carry. */
const HARDENED: Record<string, string> = {
  '.': 'core',
  './segment': 'segment',
};
/** Every subpath, for an exploratory run of the not-yet-hardened ones: CRMKIT_FUZZ_ALL=1 npx vitest run test/fuzz */
const ALL: Record<string, string> = {
  ...HARDENED,
  './value': 'value',
  './text': 'text',
  './graph': 'graph',
  './classify': 'classify',
  './experiment': 'experiment',
  './connectors': 'connectors',
};
const TARGETS = process.env.CRMKIT_FUZZ_ALL === '1' ? ALL : HARDENED;
/** A call slower than this is a failure (the bugs found were 2–60 s; correct calls take microseconds). */
const CALL_BOUND_MS = Number(process.env.CRMKIT_FUZZ_BOUND_MS ?? 2000);
const RANDOM_PER_FUNCTION = Number(process.env.CRMKIT_FUZZ_RUNS ?? 40);
const SEED = Number(process.env.CRMKIT_FUZZ_SEED ?? 20261207);

interface Failure {
  name: string;
  kind: string;
  detail: string;
}

async function fuzz(sub: string): Promise<{ calls: number; typed: number; ok: number; failures: Failure[] }> {
  const entry = pathToFileURL(join(ROOT, 'dist', sub === '.' ? 'index.js' : `${sub.slice(2)}/index.js`)).href;
  const module = TARGETS[sub]!;
  const failures: Failure[] = [];
  let calls = 0;
  let typed = 0;
  let ok = 0;
  let start = 0;
  for (;;) {
    const result = await new Promise<{ done: boolean; next: number }>((resolve, reject) => {
      const w = new Worker(join(ROOT, 'test', 'fuzz', 'worker.mjs'), { workerData: { entry, rootEntry: pathToFileURL(join(ROOT, 'dist', 'index.js')).href, start, randomPerFunction: RANDOM_PER_FUNCTION, seed: SEED } });
      let current: { index: number; name: string; at: number } | undefined;
      const timer = setInterval(() => {
        if (current && performance.now() - current.at > CALL_BOUND_MS) {
          clearInterval(timer);
          failures.push({ name: current.name, kind: 'hang', detail: `call #${current.index} still running after ${CALL_BOUND_MS} ms` });
          const next = current.index + 1;
          void w.terminate().then(() => resolve({ done: false, next }));
        }
      }, 100);
      w.on('message', (msg: { type: string; index: number; name: string; kind?: string; fn?: string; detail?: string; argsShape?: string; fromCore?: boolean }) => {
        if (msg.type === 'start') current = { index: msg.index, name: msg.name, at: performance.now() };
        else if (msg.type === 'end') {
          calls++;
          const elapsed = current ? performance.now() - current.at : 0;
          current = undefined;
          if (elapsed > CALL_BOUND_MS) failures.push({ name: msg.name, kind: 'slow', detail: `${Math.round(elapsed)} ms on (${msg.argsShape})` });
          if (msg.kind === 'typed') {
            typed++;
            // a core function re-exported by a domain subpath names itself core/…
            if (msg.fn !== `${msg.fromCore ? 'core' : module}/${msg.name}`) failures.push({ name: msg.name, kind: 'wrong-fn', detail: `error names ${msg.fn} on (${msg.argsShape})` });
          } else if (msg.kind === 'ok') ok++;
          else failures.push({ name: msg.name, kind: msg.kind ?? '?', detail: `${msg.detail} on (${msg.argsShape})` });
        } else if (msg.type === 'done') {
          clearInterval(timer);
          void w.terminate().then(() => resolve({ done: true, next: 0 }));
        }
      });
      w.on('error', (e) => {
        clearInterval(timer);
        reject(e);
      });
    });
    if (result.done) break;
    start = result.next;
  }
  return { calls, typed, ok, failures };
}

describe('hostile-input fuzz of every exported function (built package)', () => {
  for (const sub of Object.keys(TARGETS)) {
    it(`${sub}: typed errors naming the function, or NaN-free results, within ${CALL_BOUND_MS} ms`, async () => {
      const r = await fuzz(sub);
      const byName = new Map<string, Failure[]>();
      for (const f of r.failures) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
      const report = [...byName].map(([n, fs]) => `${n}: ${fs.length} × ${[...new Set(fs.map((f) => f.kind))].join('/')}; e.g. ${fs[0]!.detail}`);
      console.log(`${sub}: ${r.calls} calls, ${r.typed} typed errors, ${r.ok} valid results, ${r.failures.length} failures`);
      expect(r.calls).toBeGreaterThan(100);
      expect(report).toEqual([]);
    }, 600_000);
  }
});

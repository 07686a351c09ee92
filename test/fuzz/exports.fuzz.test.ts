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
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/package.js';
import { TARGETS } from './_targets.js';
import { failureReport, inScratchDir, runFuzzWorker } from './_run.js';

/** A call slower than this is a failure (the bugs found were 2–60 s; correct calls take microseconds). */
const CALL_BOUND_MS = Number(process.env.CRMKIT_FUZZ_BOUND_MS ?? 2000);
const RANDOM_PER_FUNCTION = Number(process.env.CRMKIT_FUZZ_RUNS ?? 40);
const SEED = Number(process.env.CRMKIT_FUZZ_SEED ?? 20261207);

describe('hostile-input fuzz of every exported function (built package)', () => {
  for (const sub of Object.keys(TARGETS)) {
    it(`${sub}: typed errors naming the function, or NaN-free results, within ${CALL_BOUND_MS} ms`, async () => {
      const entry = pathToFileURL(join(ROOT, 'dist', sub === '.' ? 'index.js' : `${sub.slice(2)}/index.js`)).href;
      const rootEntry = pathToFileURL(join(ROOT, 'dist', 'index.js')).href;
      const workerData = { entry, rootEntry, randomPerFunction: RANDOM_PER_FUNCTION, seed: SEED };
      const r = await inScratchDir(() => runFuzzWorker(join(ROOT, 'test', 'fuzz', 'worker.mjs'), workerData, TARGETS[sub]!, CALL_BOUND_MS));
      const report = failureReport(r.failures);
      console.log(`${sub}: ${r.calls} calls, ${r.typed} typed errors, ${r.ok} valid results, ${r.failures.length} failures`);
      expect(r.calls).toBeGreaterThan(100);
      expect(report).toEqual([]);
    }, 600_000);
  }
});

/**
 * Example-seeded mutation fuzz over the built package. The `@example` code of each hardened
 * subpath runs against the built files while a proxy records the arguments of every call to the
 * subpath's exports: valid calls, by construction. Each recorded call is then replayed with one
 * argument replaced by a hostile value, one option or model field replaced or deleted (one level
 * deeper too), an unknown option added, the first row or cell of an array made hostile (NaN,
 * ±1e308, strings, null, `'__proto__'`), a ragged row or a trailing hole. Every call must throw a
 * CrmkitError naming the called function or return a NaN-free result within the bound. This reaches
 * past the first argument check, where the plain battery in exports.fuzz.test.ts stops.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { extractExamples } from '../helpers/examples.js';
import { ROOT, SUBPATHS } from '../helpers/package.js';
import { TARGETS } from './_targets.js';
import { failureReport, inScratchDir, runFuzzWorker } from './_run.js';

const CALL_BOUND_MS = Number(process.env.CRMKIT_FUZZ_BOUND_MS ?? 2000);
/** Distinct recorded calls replayed per function. */
const PER_FUNCTION = Number(process.env.CRMKIT_FUZZ_PER_FUNCTION ?? 2);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/**
 * An example with top-level await as a function body the worker can call: imports become
 * `require` calls and the rest runs in an async function whose promise the body returns.
 */
function withTopLevelAwait(code: string): string[] {
  let esm: string;
  try {
    esm = transformSync(code, { loader: 'ts', format: 'esm', target: 'es2022' }).code;
  } catch {
    return [];
  }
  const head: string[] = [];
  const body = esm.replace(/^import\s+(?:(\*\s+as\s+\w+)|(\{[^}]*\})|(\w+))?\s*(?:from\s+)?("[^"]+"|'[^']+');?\s*$/gm, (_m, ns: string | undefined, named: string | undefined, def: string | undefined, spec: string) => {
    if (ns !== undefined) head.push(`const ${ns.replace(/^\*\s+as\s+/, '')} = require(${spec});`);
    else if (named !== undefined) head.push(`const ${named.replace(/\b(\w+)\s+as\s+(\w+)/g, '$1: $2')} = require(${spec});`);
    else if (def !== undefined) head.push(`const ${def} = require(${spec}).default ?? require(${spec});`);
    return '';
  });
  if (/^\s*(import|export)\b/m.test(body)) return [];
  return [`${head.join('\n')}\nreturn (async () => {\n${body}\n})();`];
}

const distUrl = (sub: string): string => pathToFileURL(join(ROOT, 'dist', sub === '.' ? 'index.js' : `${sub.slice(2)}/index.js`)).href;
const specOf = (sub: string): string => (sub === '.' ? 'crmkit' : `crmkit/${sub.slice(2)}`);

describe('example-seeded mutation fuzz of every exported function (built package)', () => {
  for (const sub of Object.keys(TARGETS)) {
    const module = TARGETS[sub]!;
    it(`${sub}: mutated valid calls give typed errors naming the function, or NaN-free results`, async () => {
      const dir = join(ROOT, 'src', sub === '.' ? module : sub.slice(2));
      const examples = walk(dir)
        .flatMap((f) => extractExamples(f, readFileSync(f, 'utf8')))
        .flatMap((ex) => {
          try {
            return [transformSync(ex.code, { loader: 'ts', format: 'cjs', target: 'es2022' }).code];
          } catch {
            return withTopLevelAwait(ex.code); // top-level await cannot become CommonJS: run the body in an async function
          }
        });
      expect(examples.length).toBeGreaterThan(2); // small subpaths (text/sentiment) have few examples; the calls below must still pass 500
      const specs = Object.fromEntries(SUBPATHS.filter((s) => !s.endsWith('/node') || s === sub).map((s) => [specOf(s), distUrl(s)]));
      // the graph examples build their input with graphology (a runtime dependency)
      specs.graphology = pathToFileURL(join(ROOT, 'node_modules', 'graphology', 'dist', 'graphology.mjs')).href;
      const workerData = { entry: distUrl(sub), specs, target: specOf(sub), examples, perFunction: PER_FUNCTION };
      const r = await inScratchDir(() => runFuzzWorker(join(ROOT, 'test', 'fuzz', 'mutate-worker.mjs'), workerData, module, CALL_BOUND_MS));
      console.log(`${sub}: ${r.calls} mutated calls, ${r.typed} typed errors, ${r.ok} valid results, ${r.failures.length} failures`);
      expect(r.calls).toBeGreaterThan(500);
      expect(failureReport(r.failures)).toEqual([]);
    }, 900_000);
  }
});

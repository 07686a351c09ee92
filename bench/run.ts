/**
 * `npm run bench [-- name…]`: runs each bench/*.bench.ts (or those whose name contains an argument)
 * in its own Node process with --expose-gc, so peak memory is per file, shows its output as it
 * comes, and writes the tables to bench/results.md (crmkit beside each peer, with the machine,
 * Node version, load average and command; see bench/results.ts), rewritten after each file so an
 * interrupted run keeps what finished. `--no-write` skips the file.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchOutput, resultsMarkdown, type BenchRun, type BenchTable } from './results.js';

const dir = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const write = !args.includes('--no-write');
const filters = args.filter((a) => a !== '--no-write');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

/** Runs one file, echoing its stdout while keeping a copy. */
function runFile(f: string): Promise<{ ok: boolean; out: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(dir, f)], { stdio: ['inherit', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => {
      chunks.push(b);
      process.stdout.write(b);
    });
    child.on('close', (code) => done({ ok: code === 0, out: Buffer.concat(chunks).toString('utf8') }));
  });
}

const loadBefore = loadavg();
const tables: BenchTable[] = [];
const ran: BenchRun['files'] = [];
let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir, encoding: 'utf8' }).trim();
} catch {
  // not a git checkout
}

/** Rewrites bench/results.md with the files finished so far (an interrupted run keeps them). */
function writeResults(): void {
  const cpu = cpus();
  const done = ran.length < files.length ? ` (${ran.length} of ${files.length} files done)` : '';
  const run: BenchRun = {
    command: `npm run bench${filters.length > 0 ? ` -- ${filters.join(' ')}` : ''}${done}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
    machine: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}`,
    node: process.version,
    loadBefore,
    loadAfter: loadavg(),
    files: ran,
  };
  writeFileSync(join(dir, 'results.md'), resultsMarkdown(run, tables));
}

let failed = 0;
for (const f of files) {
  console.log(`\n# ${f}`);
  const t0 = performance.now();
  const { ok, out } = await runFile(f);
  if (!ok) failed++;
  ran.push({ file: f, ok, seconds: (performance.now() - t0) / 1000 });
  tables.push(...parseBenchOutput(f, out));
  if (write) writeResults();
}
if (files.length === 0) console.log('no benchmark matched', filters);
else if (write) console.log(`\nwrote bench/results.md (${tables.length} tables from ${files.length} files)`);
process.exit(failed === 0 ? 0 : 1);

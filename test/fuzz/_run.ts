/**
 * Runs a fuzz worker over one subpath with a watchdog: the worker reports the start and end of
 * every call; a call running past the bound is a hang, the worker is killed and restarted after it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Runs `work` with the process in a fresh temporary directory, removed after: hostile calls of the
 * file writers (a path like 'x' or 'constructor') land there, not in the repository.
 */
export async function inScratchDir<T>(work: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  const dir = mkdtempSync(join(tmpdir(), 'crmkit-fuzz-'));
  process.chdir(dir);
  try {
    return await work();
  } finally {
    process.chdir(before);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One call that broke the promise. */
export interface Failure {
  name: string;
  kind: string;
  detail: string;
}

/** Counts and failures of one fuzz run. */
export interface FuzzRun {
  calls: number;
  typed: number;
  ok: number;
  failures: Failure[];
}

interface EndMessage {
  type: string;
  index: number;
  name: string;
  kind?: string;
  fn?: string;
  detail?: string;
  argsShape?: string;
  fromCore?: boolean;
  /** The first argument when it is a string: builders such as chartSpec name the caller they are given. */
  callerFn?: string;
  total?: number;
}

export async function runFuzzWorker(workerFile: string, workerData: Record<string, unknown>, module: string, boundMs: number): Promise<FuzzRun> {
  const failures: Failure[] = [];
  let calls = 0;
  let typed = 0;
  let ok = 0;
  let start = 0;
  for (;;) {
    const result = await new Promise<{ done: boolean; next: number }>((resolve, reject) => {
      const w = new Worker(workerFile, { workerData: { ...workerData, start } });
      let current: { index: number; name: string; at: number; args?: string } | undefined;
      const timer = setInterval(() => {
        if (current && performance.now() - current.at > boundMs) {
          clearInterval(timer);
          failures.push({ name: current.name, kind: 'hang', detail: `call #${current.index} still running after ${boundMs} ms (${current.args ?? 'arguments not reported'})` });
          const next = current.index + 1;
          void w.terminate().then(() => resolve({ done: false, next }));
        }
      }, 100);
      w.on('message', (msg: EndMessage) => {
        if (msg.type === 'start') current = { index: msg.index, name: msg.name, at: performance.now(), ...(msg.argsShape === undefined ? {} : { args: msg.argsShape }) };
        else if (msg.type === 'end') {
          calls++;
          const elapsed = current ? performance.now() - current.at : 0;
          current = undefined;
          if (elapsed > boundMs) failures.push({ name: msg.name, kind: 'slow', detail: `${Math.round(elapsed)} ms on (${msg.argsShape})` });
          if (msg.kind === 'typed') {
            typed++;
            // a core function re-exported by a domain subpath names itself core/…
            if (msg.fn !== `${msg.fromCore ? 'core' : module}/${msg.name}` && msg.fn !== msg.callerFn) failures.push({ name: msg.name, kind: 'wrong-fn', detail: `error names ${msg.fn} on (${msg.argsShape})` });
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

/** One line per failing function, for an assertion that prints what broke. */
export function failureReport(failures: Failure[]): string[] {
  const byName = new Map<string, Failure[]>();
  for (const f of failures) byName.set(f.name, [...(byName.get(f.name) ?? []), f]);
  return [...byName].map(([n, fs]) => `${n}: ${fs.length} × ${[...new Set(fs.map((f) => f.kind))].join('/')}; e.g. ${fs[0]!.detail}`);
}

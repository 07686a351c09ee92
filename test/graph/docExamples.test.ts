/**
 * Runs every `@example` of src/graph/*.ts and checks each `expr; // => value` with toEqual, like
 * the repository-wide test/docs/examples.test.ts (kept here so the graph module is checked on its own).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import * as graphModule from 'crmkit/graph';
import * as root from 'crmkit';

const dir = join(__dirname, '..', '..', 'src', 'graph');
const modules: Record<string, unknown> = { 'crmkit/graph': graphModule, crmkit: root, graphology: { default: Graph } };

function examples(file: string): string[] {
  const text = readFileSync(join(dir, file), 'utf8');
  const out: string[] = [];
  const re = /@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, '')).join('\n'));
  return out;
}

function toProgram(src: string): string {
  const lines = src.split('\n');
  const body: string[] = [];
  for (const line of lines) {
    const imp = /^import\s+(.+?)\s+from\s+'([^']+)';$/.exec(line);
    if (imp) {
      const what = imp[1]!.startsWith('{') ? imp[1]! : `{ default: ${imp[1]} }`;
      body.push(`const ${what.replace(/ as /g, ': ')} = __mods[${JSON.stringify(imp[2])}];`);
      continue;
    }
    const chk = /^(.*?);\s*\/\/ => (.*)$/.exec(line);
    if (chk) body.push(`__check(${chk[1]}, ${chk[2]}, ${JSON.stringify(chk[1])});`);
    else body.push(line);
  }
  return transformSync(body.join('\n'), { loader: 'ts' }).code;
}

describe('graph doc examples', () => {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.startsWith('_') && f !== 'index.ts')) {
    examples(file).forEach((ex, i) => {
      it(`${file} example ${i + 1}`, () => {
        let checks = 0;
        const check = (actual: unknown, expected: unknown, label: string): void => {
          checks++;
          expect(actual, label).toEqual(expected);
        };
        new Function('__mods', '__check', toProgram(ex))(modules, check);
        expect(checks).toBeGreaterThan(0);
      });
    });
  }
});

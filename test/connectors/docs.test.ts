/**
 * Every ```ts block of docs/connectors.md type-checks under the repository's strict settings and runs.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { hasData } from '../helpers/data.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, '.tmp', 'docs-connectors');
const blocks = [...readFileSync(join(root, 'docs', 'connectors.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

function mapImports(code: string): string {
  return code.replace(/from '(crmkit(?:\/[a-z]+)*)'/g, (_all, spec: string) => {
    const sub = spec === 'crmkit' ? 'index.ts' : `${spec.slice('crmkit/'.length)}/index.ts`;
    return `from '${relative(outDir, join(root, 'src', sub)).replace(/\\/g, '/')}'`;
  });
}

describe('docs/connectors.md code blocks', () => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files = blocks.map((code, i) => {
    const f = join(outDir, `block${i}.ts`);
    writeFileSync(f, `${mapImports(code)}\nexport {};\n`);
    return f;
  });

  it('has code blocks', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(5);
  });

  it('type-check under strict settings', () => {
    const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config as { compilerOptions: object };
    const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
    const program = ts.createProgram(files, { ...options, noEmit: true, allowImportingTsExtensions: true });
    const diags = ts.getPreEmitDiagnostics(program).filter((d) => d.file === undefined || files.includes(resolve(d.file.fileName)));
    expect(diags.map((d) => `${d.file ? relative(root, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)).toEqual([]);
  });

  files.forEach((f, i) => {
    const needsData = blocks[i]!.includes('../shared/data');
    const run = needsData && !hasData('uci-online-retail', 'online_retail.csv.gz') && process.env.CI !== 'true' ? it.skip : it;
    run(`block ${i} runs`, async () => {
      const cwd = process.cwd();
      process.chdir(root);
      try {
        await import(pathToFileURL(f).href);
      } finally {
        process.chdir(cwd);
      }
    });
  });
});

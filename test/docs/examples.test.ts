/**
 * Runs every `@example` in src/: each ```ts block inside a doc comment becomes a module in
 * .tmp/examples/ (imports of `crmkit` / `crmkit/<module>` mapped to src/), and every
 * `expr; // => value` (or a `// => value` line right after an expression statement) is checked
 * with deep equality against the JS literal after `=>`.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractExamples } from '../helpers/examples.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const srcDir = join(root, 'src');
const outDir = join(root, '.tmp', 'examples');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Turns an example into a module with assertions; returns the module text. */
export function compileExample(code: string, fromDir: string): string {
  const mapImport = (spec: string): string => {
    const sub = spec === 'crmkit' ? 'index.ts' : `${spec.slice('crmkit/'.length)}/index.ts`;
    let rel = relative(fromDir, join(srcDir, sub)).replace(/\\/g, '/');
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return rel;
  };
  const lines = code.split('\n');
  const outLines: string[] = [];
  let lastExpr: { text: string; index: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    let l = lines[i]!;
    l = l.replace(/from\s+'(crmkit(?:\/[a-z]+)?)'/g, (_all, spec: string) => `from '${mapImport(spec)}'`);
    const onlyArrow = /^\s*\/\/ => (.*)$/.exec(l);
    if (onlyArrow) {
      if (!lastExpr) throw new Error(`'// =>' without a preceding expression at example line ${i + 1}`);
      outLines[lastExpr.index] = `__check(${lastExpr.text}, ${onlyArrow[1]}, ${JSON.stringify(lastExpr.text)});`;
      lastExpr = null;
      continue;
    }
    const inline = /^(\s*)(.*?);\s*\/\/ => (.*)$/.exec(l);
    if (inline) {
      outLines.push(`${inline[1]}__check(${inline[2]}, ${inline[3]}, ${JSON.stringify(inline[2])});`);
      lastExpr = null;
      continue;
    }
    const exprStmt = /^(\s*)([^\s/].*);\s*$/.exec(l);
    if (exprStmt && !/^(import|export|const|let|var|for|if|while|function|class|type|interface|return)\b/.test(exprStmt[2]!) && !/^\s*[})\]]/.test(l)) {
      lastExpr = { text: exprStmt[2]!, index: outLines.length };
    } else if (l.trim() !== '' && !/^\s*\/\//.test(l)) {
      lastExpr = null;
    }
    outLines.push(l);
  }
  return `import { expect as __expect } from 'vitest';\nconst __check = (actual: unknown, expected: unknown, what: string) => __expect(actual, what).toEqual(expected);\n${outLines.join('\n')}\nexport {};\n`;
}

const files = walk(srcDir);
const examples = files.flatMap((f) => extractExamples(f, readFileSync(f, 'utf8')));

describe('doc-comment @example blocks', () => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  it('every exported function of src/ has at least one example somewhere (sanity: examples were found)', () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  examples.forEach((ex, n) => {
    const name = `${relative(srcDir, ex.file)}:${ex.line}`;
    it(name, async () => {
      const target = join(outDir, `ex${n}.ts`);
      writeFileSync(target, compileExample(ex.code, outDir));
      await import(pathToFileURL(target).href);
    });
  });
});

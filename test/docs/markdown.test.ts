/**
 * Every ```ts block of README.md and docs/*.md, as a user would copy it:
 * - type-checks against the BUILT package (imports of `crmkit/…` resolve through package.json's
 *   exports to dist/*.d.ts) under `tsc --init` defaults (TypeScript 5.9: module nodenext, strict,
 *   noUncheckedIndexedAccess, exactOptionalPropertyTypes, verbatimModuleSyntax), plus Node's types;
 * - runs against the built files (dist/*.js), from the repository root, so blocks read the shipped
 *   samples in examples/data; blocks that read ../shared/data skip without it (fail under CI=true);
 * - checks printed values: `expr; // => literal` must deep-equal, `expr; // ≈ literal` must match to
 *   the printed digits (numbers rounded as printed; objects compared on the keys shown); any other
 *   trailing comment that looks like a printed value fails the test, so numbers in the docs cannot go
 *   stale unchecked.
 * Blocks opened with ```ts fragment are type-checked only (they need a host app's objects). A block
 * opened with ```ts continued joins the program of the blocks before it in the same file (a guide's
 * walkthrough); ```ts aside runs on its own and later `continued` blocks skip it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { dataPath } from '../helpers/data.js';
import { existsSync } from 'node:fs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, '.tmp', 'docs-md');

interface Block {
  file: string;
  line: number;
  code: string;
  fragment: boolean;
  continued: boolean;
  aside: boolean;
}

/** Blocks run as one program: a block opened with ```ts continued joins the block before it in its file. */
interface Program {
  file: string;
  line: number;
  blocks: Block[];
  fragment: boolean;
}

const mdFiles = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

function extractBlocks(file: string): Block[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const out: Block[] = [];
  let open: { line: number; flags: string; buf: string[] } | null = null;
  lines.forEach((l, i) => {
    if (open === null) {
      const m = /^```(ts|typescript)((?:\s+[\w-]+)*)\s*$/.exec(l);
      if (m) open = { line: i + 1, flags: m[2] ?? '', buf: [] };
    } else if (/^```\s*$/.test(l)) {
      out.push({ file, line: open.line, code: open.buf.join('\n'), fragment: /\bfragment\b/.test(open.flags), continued: /\bcontinued\b/.test(open.flags), aside: /\baside\b/.test(open.flags) });
      open = null;
    } else open.buf.push(l);
  });
  return out;
}

const blocks = mdFiles.flatMap(extractBlocks);
const programs: Program[] = [];
let main: Program | undefined; // what a `continued` block joins: the last program not opened as an `aside`
for (const b of blocks) {
  if (b.continued && main && main.file === b.file) {
    main.blocks.push(b);
    main.fragment ||= b.fragment;
  } else {
    const p = { file: b.file, line: b.line, blocks: [b], fragment: b.fragment };
    programs.push(p);
    if (!b.aside) main = p;
  }
}
const slug = (p: Program): string => `${p.file.replace(/[/.]/g, '_')}_L${p.line}`;

/**
 * Joins a program's blocks: import declarations are merged and hoisted (a reader who pastes the
 * blocks of a guide into one file merges them the same way); `lineOf` maps a line of the joined code
 * (0-based, after the hoisted imports) back to the markdown.
 */
function joinProgram(p: Program): { code: string; lineOf: (n: number) => string } {
  const named = new Map<string, Set<string>>();
  const others: string[] = [];
  const bodyLines: string[] = [];
  const origin: string[] = [];
  for (const b of p.blocks) {
    const sf = ts.createSourceFile('b.ts', b.code, ts.ScriptTarget.ESNext, true);
    const drop = new Set<number>();
    for (const st of sf.statements) {
      if (!ts.isImportDeclaration(st)) continue;
      const spec = (st.moduleSpecifier as ts.StringLiteral).text;
      const clause = st.importClause;
      const bindings = clause?.namedBindings;
      if (clause && !clause.name && bindings && ts.isNamedImports(bindings)) {
        const set = named.get(spec) ?? new Set<string>();
        for (const el of bindings.elements) set.add(`${clause.isTypeOnly || el.isTypeOnly ? 'type ' : ''}${el.propertyName ? `${el.propertyName.text} as ` : ''}${el.name.text}`);
        named.set(spec, set);
      } else if (!others.includes(st.getText(sf))) others.push(st.getText(sf));
      const a = sf.getLineAndCharacterOfPosition(st.getStart(sf)).line;
      const z = sf.getLineAndCharacterOfPosition(st.getEnd()).line;
      for (let i = a; i <= z; i++) drop.add(i);
    }
    b.code.split('\n').forEach((l, i) => {
      bodyLines.push(drop.has(i) ? '' : l);
      origin.push(`${b.file}:${b.line + i + 1}`);
    });
  }
  const head = [...others, ...[...named].map(([spec, set]) => `import { ${[...set].join(', ')} } from '${spec}';`)];
  return {
    code: `${head.join('\n')}\n${bodyLines.join('\n')}\n`,
    lineOf: (n) => (n < head.length ? `${p.file}:${p.line} (imports)` : origin[n - head.length] ?? `${p.file}:${p.line}`),
  };
}

/** A trailing comment that shows a value but is not a checked `// =>` or `// ≈`. */
const UNCHECKED_VALUE = /;\s*\/\/\s*(?!=>|≈)(-?\d|\[|\{|'|"|true\b|false\b|null\b|undefined\b|NaN\b|Float64Array|Int32Array)/;

const distFor = (spec: string): string => {
  const sub = spec === 'crmkit' ? 'index.js' : `${spec.slice('crmkit/'.length)}/index.js`;
  return pathToFileURL(join(root, 'dist', sub)).href;
};

/** `// => value` / `// ≈ value`, with an optional note after ` — `. */
const CHECK = /^\s*\/\/ (=>|≈) (.*?)(?:\s+—\s.*)?$/;

/**
 * Rewrites each expression statement followed by a check comment (on its last line, or alone on the
 * next line) into a call of the check, and imports of `crmkit/…` into the built files.
 */
function compileForRun(code: string): string {
  const sf = ts.createSourceFile('b.ts', code, ts.ScriptTarget.ESNext, true);
  const lines = code.split('\n');
  const edits: { start: number; end: number; text: string }[] = [];
  const lineStart = (n: number): number => lines.slice(0, n).reduce((acc, l) => acc + l.length + 1, 0);
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const endLine = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const rest = lines[endLine]!.slice(node.getEnd() - lineStart(endLine));
      let m = CHECK.exec(rest);
      let commentEnd = lineStart(endLine) + lines[endLine]!.length;
      if (!m && rest.trim() === '' && endLine + 1 < lines.length) {
        m = CHECK.exec(lines[endLine + 1]!);
        if (m) commentEnd = lineStart(endLine + 1) + lines[endLine + 1]!.length;
      }
      if (m) {
        // a printed value may go on over the next comment lines, indented after the `//`
        let literal = m[2]!;
        let last = lines.findIndex((_l, i) => lineStart(i) + lines[i]!.length === commentEnd);
        while (last + 1 < lines.length && /^\s*\/\/\s{2,}\S/.test(lines[last + 1]!)) {
          last += 1;
          literal += ` ${lines[last]!.replace(/^\s*\/\/\s+/, '')}`;
          commentEnd = lineStart(last) + lines[last]!.length;
        }
        m[2] = literal;
        const expr = node.expression.getText(sf);
        const call = `${m[1] === '=>' ? '__exact' : '__approx'}((${expr}), (${m[2]}), ${JSON.stringify(expr.replace(/\s+/g, ' ').slice(0, 120))}${m[1] === '≈' ? `, ${JSON.stringify(m[2])}` : ''});`;
        edits.push({ start: node.getStart(sf), end: commentEnd, text: call });
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = code;
  for (const e of edits.sort((x, y) => y.start - x.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  out = out.replace(/from\s+'(crmkit(?:\/[a-z]+)*)'/g, (_a, spec: string) => `from '${distFor(spec)}'`);
  return `import { __exact, __approx } from ${JSON.stringify(pathToFileURL(join(root, 'test', 'docs', '_checks.ts')).href)};\n${out}\nexport {};\n`;
}

describe('README.md and docs/*.md code blocks run as written', () => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const joined = programs.map(joinProgram);
  const typeFiles = programs.map((p, i) => {
    const f = join(outDir, `${slug(p)}.ts`);
    writeFileSync(f, `${joined[i]!.code}export {};\n`);
    return f;
  });

  it('found the blocks', () => {
    expect(blocks.length).toBeGreaterThan(40);
  });

  it('no printed value goes unchecked (use `// =>` for exact, `// ≈` for rounded values)', () => {
    const bad = blocks.flatMap((b) =>
      b.fragment ? [] : b.code.split('\n').flatMap((l, i) => (UNCHECKED_VALUE.test(l) ? [`${b.file}:${b.line + i + 1}: ${l.trim()}`] : [])),
    );
    expect(bad).toEqual([]);
  });

  it('type-check against the built package under tsc --init defaults', () => {
    const options: ts.CompilerOptions = {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ESNext,
      types: ['node'],
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      moduleDetection: ts.ModuleDetectionKind.Force,
      skipLibCheck: true,
      noEmit: true,
    };
    const program = ts.createProgram(typeFiles, options);
    const diags = ts.getPreEmitDiagnostics(program).filter((d) => d.file === undefined || typeFiles.includes(resolve(d.file.fileName)));
    const where = (d: ts.Diagnostic): string => {
      if (!d.file || d.start === undefined) return '';
      const i = typeFiles.indexOf(resolve(d.file.fileName));
      return joined[i]!.lineOf(d.file.getLineAndCharacterOfPosition(d.start).line);
    };
    expect(diags.map((d) => `${where(d)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`)).toEqual([]);
  }, 300_000);

  const haveData = existsSync(dataPath());
  programs.forEach((p, i) => {
    if (p.fragment) return;
    const code = joined[i]!.code;
    const needsData = code.includes('../shared/data') || code.includes('CRMKIT_DATA_DIR');
    const run = needsData && !haveData && process.env.CI !== 'true' ? it.skip : it;
    run(`${p.file}:${p.line} (${p.blocks.length} block${p.blocks.length > 1 ? 's' : ''}) runs and prints what it says`, async () => {
      const f = join(outDir, `${slug(p)}.run.ts`);
      writeFileSync(f, compileForRun(code));
      const cwd = process.cwd();
      process.chdir(root);
      try {
        await import(pathToFileURL(f).href);
      } finally {
        process.chdir(cwd);
      }
    }, 120_000);
  });
});

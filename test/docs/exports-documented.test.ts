/**
 * Every exported value (function, class, constant) of every public entry has a doc comment with a
 * summary and at least one `@example` (which test/docs/examples.test.ts then runs).
 */
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { entries } from '../../tsup.config.js';
import { ROOT } from '../helpers/package.js';

const files = Object.values(entries).map((f) => join(ROOT, f));
const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true });
const checker = program.getTypeChecker();

describe('public exports are documented with an @example', () => {
  for (const [entry, file] of Object.entries(entries)) {
    it(entry, () => {
      const sf = program.getSourceFile(join(ROOT, file))!;
      const moduleSymbol = checker.getSymbolAtLocation(sf)!;
      const missing: string[] = [];
      for (const exp of checker.getExportsOfModule(moduleSymbol)) {
        const sym = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
        const isValue = sym.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Variable);
        if (!isValue) continue;
        const summary = ts.displayPartsToString(sym.getDocumentationComment(checker)).trim();
        const decl = sym.declarations?.[0];
        const tags = decl ? ts.getJSDocTags(decl).map((t) => t.tagName.text) : [];
        // Functions may carry the JSDoc on an overload / the implementation; collect all declarations.
        for (const d of sym.declarations ?? []) for (const t of ts.getJSDocTags(d)) tags.push(t.tagName.text);
        if (summary === '' || !tags.includes('example')) missing.push(`${exp.name}${summary === '' ? ' (no summary)' : ''}${tags.includes('example') ? '' : ' (no @example)'}`);
      }
      expect(missing).toEqual([]);
    });
  }
});

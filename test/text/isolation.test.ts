import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = join(__dirname, '..', '..', 'src', 'text');

describe('crmkit/text sources', () => {
  it('never import natural (its require prints dotenv banners and runs dotenv.config) or jieba', () => {
    for (const f of readdirSync(dir, { recursive: true }) as string[]) {
      if (!f.endsWith('.ts')) continue;
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(/from\s+['"](natural|jieba-wasm|@node-rs\/jieba)['"]|require\(\s*['"]natural['"]\s*\)/);
      expect(src, f).not.toMatch(/console\.|process\.|['"]node:/);
    }
  });
});

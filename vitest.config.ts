import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = fileURLToPath(new URL('./src/', import.meta.url));

export default defineConfig({
  resolve: {
    // Tests and doc examples import the public names, mapped to the sources (same as tsconfig paths).
    alias: [
      { find: /^crmkit$/, replacement: `${src}index.ts` },
      { find: /^crmkit\/connectors\/node$/, replacement: `${src}connectors/node/index.ts` },
      { find: /^crmkit\/text\/sentiment$/, replacement: `${src}text/sentiment/index.ts` },
      { find: /^crmkit\/text\/zh$/, replacement: `${src}text/zh/index.ts` },
      { find: /^crmkit\/(value|text|graph|segment|classify|experiment|connectors)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});

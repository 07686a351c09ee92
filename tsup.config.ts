import { defineConfig } from 'tsup';

/** One entry per public subpath; keep in sync with package.json "exports" (checked by test/package). */
export const entries = {
  index: 'src/index.ts',
  'value/index': 'src/value/index.ts',
  'text/index': 'src/text/index.ts',
  'text/sentiment/index': 'src/text/sentiment/index.ts',
  'text/zh/index': 'src/text/zh/index.ts',
  'graph/index': 'src/graph/index.ts',
  'segment/index': 'src/segment/index.ts',
  'classify/index': 'src/classify/index.ts',
  'experiment/index': 'src/experiment/index.ts',
  'connectors/index': 'src/connectors/index.ts',
  'connectors/node/index': 'src/connectors/node/index.ts',
};

export default defineConfig({
  entry: entries,
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: true,
  treeshake: true,
});

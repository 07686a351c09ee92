/**
 * The CSR matrix type from core (`src/core/sparse.ts`), used by the TF-IDF functions.
 *
 * @internal
 * @module
 */
export type { CsrMatrix } from '../core/sparse.js';

/**
 * The CSR matrix shape of core's `src/core/sparse.ts` (structurally identical). Kept here until the
 * core sparse module lands on this branch, then re-exported from core.
 *
 * @internal
 * @module
 */
export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly indptr: Int32Array;
  readonly indices: Int32Array;
  readonly data: Float64Array;
}

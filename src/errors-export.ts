// Re-exported by every subpath so `instanceof` checks work whichever entry a caller imports.
export {
  AbortError,
  ConnectorError,
  CrmkitError,
  DimensionMismatchError,
  InvalidInputError,
  InvalidOptionError,
  ModelFormatError,
  NotConvergedError,
} from './core/errors.js';
import type { CrmkitErrorCode as Code } from './core/errors.js';
// A local alias (not a re-export): tsup's declaration bundler mishandles type-only re-exports
// inside `export * as ns` (test/package/pack.test.ts catches it).
/** Stable machine-readable error codes. */
export type CrmkitErrorCode = Code;

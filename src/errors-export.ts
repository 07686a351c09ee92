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
  type CrmkitErrorCode,
} from './core/errors.js';

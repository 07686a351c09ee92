/**
 * crmkit/connectors
 *
 * @module
 */
export * from '../errors-export.js';
export { parseCsv, type CellValue, type ColumnSpec, type ColumnType, type CsvDialectOptions, type CsvRow, type ParseCsvOptions, type ParseCsvResult, type ReadReport, type RowIssue } from './parseCsv.js';
export { formatCsv, formatJsonl, type FormatCsvOptions, type WritableValue } from './formatCsv.js';
export { parseDateTime, type ParseDateTimeOptions } from './parseDateTime.js';
export type { ColumnReadOptions } from './_columns.js';

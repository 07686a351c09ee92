import { InvalidInputError } from '../core/errors.js';
import { integerInRange, options as checkOptions } from '../core/validate.js';

/** Options of {@link suppressSmallCells}. */
export interface SuppressSmallCellsOptions {
  /** Cells with a count in [1, k) are hidden (primary suppression). */
  k: number;
  /**
   * Also hide cells that are 0 (a zero can itself disclose, for example "no customer of this
   * segment churned").
   * @defaultValue false
   */
  suppressZeros?: boolean;
}

/** A cell position. */
export interface CellPosition {
  row: number;
  column: number;
}

/** Result of {@link suppressSmallCells}. */
export interface SuppressSmallCellsResult {
  /** The table with hidden cells as `null`. */
  cells: (number | null)[][];
  /** Row totals (of the original counts), `null` where a row had to be hidden whole. */
  rowTotals: (number | null)[];
  /** Column totals, `null` where a column had to be hidden whole. */
  columnTotals: (number | null)[];
  /** Cells hidden because they are small. */
  primary: CellPosition[];
  /** Cells hidden so that the small ones cannot be recovered by subtraction from the totals. */
  complementary: CellPosition[];
}

/**
 * Hides small counts in a report table (cells below `k`), plus the complementary cells needed so no
 * hidden cell can be recomputed by subtracting the visible cells of its row or column from the
 * published row and column totals.
 *
 * @remarks Primary suppression hides every count in [1, k) (and 0 with `suppressZeros`). Then, while
 * some row or column holds exactly one hidden cell (which its total would reveal), the smallest
 * visible cell of that line is hidden too, preferring one whose crossing line already holds a hidden
 * cell (so one extra cell protects two lines). When a line has no visible cell left to hide, its
 * total is withheld (`null`). This is the standard greedy heuristic: it defeats subtraction along
 * rows and columns, but not every attack that combines several lines (linear programming over the
 * whole table); for high-stakes releases use a dedicated tool such as sdcTable / tau-Argus.
 * Runs in O(rows · columns · suppressed).
 * @throws {@link InvalidInputError} when the table is not a non-empty rectangular array of
 * non-negative integers
 * @throws {@link InvalidOptionError} when `k` is not an integer >= 1
 * @example
 * ```ts
 * import { suppressSmallCells } from 'crmkit/connectors';
 * const r = suppressSmallCells([[12, 3, 40], [25, 30, 18], [7, 22, 35]], { k: 5 });
 * r.cells; // => [[null, null, 40], [25, 30, 18], [null, null, 35]]
 * r.primary; // => [{ row: 0, column: 1 }]
 * ```
 * @category Privacy
 */
export function suppressSmallCells(table: readonly (readonly number[])[], options: SuppressSmallCellsOptions): SuppressSmallCellsResult {
  const fn = 'connectors/suppressSmallCells';
  const o = checkOptions(fn, options, ['k', 'suppressZeros']);
  const k = integerInRange(fn, 'options.k', o.k, { min: 1 });
  const zeros = o.suppressZeros === true;
  if (!Array.isArray(table) || table.length === 0 || !Array.isArray(table[0]) || table[0].length === 0) throw new InvalidInputError(fn, 'table must be a non-empty array of rows', table);
  const R = table.length;
  const C = table[0]!.length;
  for (let r = 0; r < R; r++) {
    const row = table[r];
    if (!Array.isArray(row) || row.length !== C) throw new InvalidInputError(fn, `table[${r}] must be a row of ${C} counts`, row);
    for (let c = 0; c < C; c++) {
      const v = row[c];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new InvalidInputError(fn, `table[${r}][${c}] must be a non-negative integer count`, v);
    }
  }
  const hidden: boolean[][] = table.map((row: readonly number[]) => row.map((v: number) => (v > 0 && v < k) || (zeros && v === 0)));
  const primary: CellPosition[] = [];
  for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) if (hidden[r]![c]) primary.push({ row: r, column: c });
  const complementary: CellPosition[] = [];
  const rowHidden = (r: number): number => hidden[r]!.reduce((s, h) => s + (h ? 1 : 0), 0);
  const colHidden = (c: number): number => hidden.reduce((s, row) => s + (row[c] ? 1 : 0), 0);
  const rowWithheld = new Array<boolean>(R).fill(false);
  const colWithheld = new Array<boolean>(C).fill(false);
  for (let guard = 0; guard <= R * C; guard++) {
    let changed = false;
    for (let r = 0; r < R; r++) {
      if (rowWithheld[r] || rowHidden(r) !== 1) continue;
      let best = -1;
      for (let c = 0; c < C; c++) {
        if (hidden[r]![c]) continue;
        if (best < 0) best = c;
        else {
          const pc = colHidden(c) > 0 ? 0 : 1;
          const pb = colHidden(best) > 0 ? 0 : 1;
          if (pc < pb || (pc === pb && table[r]![c]! < table[r]![best]!)) best = c;
        }
      }
      if (best < 0) rowWithheld[r] = true;
      else {
        hidden[r]![best] = true;
        complementary.push({ row: r, column: best });
      }
      changed = true;
    }
    for (let c = 0; c < C; c++) {
      if (colWithheld[c] || colHidden(c) !== 1) continue;
      let best = -1;
      for (let r = 0; r < R; r++) {
        if (hidden[r]![c]) continue;
        if (best < 0) best = r;
        else {
          const pr = rowHidden(r) > 0 ? 0 : 1;
          const pb = rowHidden(best) > 0 ? 0 : 1;
          if (pr < pb || (pr === pb && table[r]![c]! < table[best]![c]!)) best = r;
        }
      }
      if (best < 0) colWithheld[c] = true;
      else {
        hidden[best]![c] = true;
        complementary.push({ row: best, column: c });
      }
      changed = true;
    }
    if (!changed) break;
  }
  const rowTotals = table.map((row: readonly number[], r: number) => (rowWithheld[r] ? null : row.reduce((s: number, v: number) => s + v, 0)));
  const columnTotals = Array.from({ length: C }, (_, c) => (colWithheld[c] ? null : table.reduce((s, row) => s + row[c]!, 0)));
  return { cells: table.map((row: readonly number[], r: number) => row.map((v: number, c: number) => (hidden[r]![c] ? null : v))), rowTotals, columnTotals, primary, complementary };
}

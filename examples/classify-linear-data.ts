/**
 * The encodings of scripts/reference/classify_linear.py for crmkit/classify's linear models:
 * bank-full one-hot (numerics standardized, first level of each categorical dropped) and
 * online-shoppers with VisitorType as a 3-class target. Used by the tests and the benchmark.
 *
 * Run alone (`npx tsx examples/classify-linear-data.ts`) it prints the shapes.
 */
import { BANK_FEATURES, BANK_LEVELS, loadBank } from './classify-data.js';
import { parseCsv } from 'crmkit/connectors';
import { readDataText } from '../scripts/lib/data.js';

function standardize(col: number[]): number[] {
  const n = col.length;
  let m = 0;
  for (const v of col) m += v;
  m /= n;
  let s = 0;
  for (const v of col) s += (v - m) * (v - m);
  const sd = Math.sqrt(s / n);
  return col.map((v) => (v - m) / sd);
}

function columnsToRows(cols: number[][]): number[][] {
  const n = cols[0]!.length;
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]!));
}

/** bank-full: numerics standardized, categoricals one-hot without their first level. */
export function loadBankOneHot(): { featureNames: string[]; X: number[][]; y: number[] } {
  const b = loadBank();
  const cols: number[][] = [];
  const names: string[] = [];
  BANK_FEATURES.forEach((name, j) => {
    const levels = BANK_LEVELS[name];
    const raw = b.X.map((r) => r[j]!);
    if (levels === undefined) {
      cols.push(standardize(raw));
      names.push(name);
    } else {
      for (let l = 1; l < levels.length; l++) {
        cols.push(raw.map((v) => (v === l ? 1 : 0)));
        names.push(`${name}=${levels[l]}`);
      }
    }
  });
  return { featureNames: names, X: columnsToRows(cols), y: b.y.map((v) => (v ? 1 : 0)) };
}

const MONTHS: Record<string, number> = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, June: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };
const VISITOR: Record<string, number> = { New_Visitor: 0, Other: 1, Returning_Visitor: 2 };

/** online-shoppers with VisitorType (0, 1, 2) as the target, every other column standardized. */
export function loadShoppersMulticlass(): { featureNames: string[]; X: number[][]; y: number[] } {
  const rows = parseCsv(readDataText('uci-online-shoppers', 'online_shoppers_intention.csv'), { header: false }).rows as string[][];
  const header = rows[0]!;
  const target = header.indexOf('VisitorType');
  const body = rows.slice(1).filter((r) => r.length === header.length);
  const names = header.filter((_, i) => i !== target);
  const cols: number[][] = [];
  header.forEach((name, i) => {
    if (i === target) return;
    cols.push(
      standardize(
        body.map((r) => {
          const raw = r[i]!;
          if (name === 'Month') return MONTHS[raw]!;
          if (name === 'Weekend' || name === 'Revenue') return raw === 'TRUE' ? 1 : 0;
          return Number(raw);
        }),
      ),
    );
  });
  return { featureNames: names, X: columnsToRows(cols), y: body.map((r) => VISITOR[r[target]!]!) };
}


if (import.meta.url === `file://${process.argv[1]}`) {
  const b = loadBankOneHot();
  const s = loadShoppersMulticlass();
  console.log(`bank one-hot: ${b.X.length} × ${b.featureNames.length}; shoppers: ${s.X.length} × ${s.featureNames.length}`);
}

/**
 * Loads the two shared conversion datasets as numeric matrices for crmkit/classify, with the
 * categorical encoding fixed to match scripts/reference/classify.py exactly (the reference tests
 * depend on it). In an app, encode categories with crmkit/segment's encoders instead.
 *
 * Run alone (`npx tsx examples/classify-data.ts`) it prints the shapes.
 */
import { parseCsv } from 'crmkit/connectors';
import { hasData, readDataText } from '../scripts/lib/data.js';

export interface ConversionData {
  featureNames: string[];
  X: number[][];
  y: boolean[];
}

/** Ordinal codes of the bank-marketing categoricals (index in these lists). */
export const BANK_LEVELS: Record<string, readonly string[]> = {
  job: ['admin.', 'blue-collar', 'entrepreneur', 'housemaid', 'management', 'retired', 'self-employed', 'services', 'student', 'technician', 'unemployed', 'unknown'],
  marital: ['divorced', 'married', 'single'],
  education: ['primary', 'secondary', 'tertiary', 'unknown'],
  default: ['no', 'yes'],
  housing: ['no', 'yes'],
  loan: ['no', 'yes'],
  contact: ['cellular', 'telephone', 'unknown'],
  month: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  poutcome: ['failure', 'other', 'success', 'unknown'],
};

/** bank-full columns used as features (`duration` is left out: it leaks the outcome). */
export const BANK_FEATURES = ['age', 'job', 'marital', 'education', 'default', 'balance', 'housing', 'loan', 'contact', 'day', 'month', 'campaign', 'pdays', 'previous', 'poutcome'];

function toNumber(s: string, what: string): number {
  const x = Number(s);
  if (s.trim() === '' || !Number.isFinite(x)) throw new Error(`classify-data: ${what} is not a number: ${JSON.stringify(s)}`);
  return x;
}

/** bank-full.csv.gz: 45,211 rows, 15 features, y = subscribed a term deposit. */
export function loadBank(): ConversionData {
  const rows = parseCsv(readDataText('uci-bank-marketing', 'bank-full.csv.gz'), { header: false, delimiter: ';' }).rows as string[][];
  const header = rows[0]!;
  const col = (name: string): number => header.indexOf(name);
  const X: number[][] = [];
  const y: boolean[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    X.push(
      BANK_FEATURES.map((name) => {
        const raw = row[col(name)]!;
        const levels = BANK_LEVELS[name];
        if (levels === undefined) return toNumber(raw, name);
        const code = levels.indexOf(raw);
        if (code < 0) throw new Error(`classify-data: unknown ${name} level ${JSON.stringify(raw)}`);
        return code;
      }),
    );
    y.push(row[col('y')] === 'yes');
  }
  return { featureNames: BANK_FEATURES.slice(), X, y };
}

const MONTHS: Record<string, number> = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, June: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };
const VISITOR: Record<string, number> = { New_Visitor: 0, Other: 1, Returning_Visitor: 2 };

/** online_shoppers_intention.csv: 12,330 sessions, 17 features, y = Revenue. */
export function loadShoppers(): ConversionData {
  const rows = parseCsv(readDataText('uci-online-shoppers', 'online_shoppers_intention.csv'), { header: false }).rows as string[][];
  const header = rows[0]!;
  const target = header.indexOf('Revenue');
  const featureNames = header.filter((_, i) => i !== target);
  const X: number[][] = [];
  const y: boolean[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const out: number[] = [];
    header.forEach((name, i) => {
      if (i === target) return;
      const raw = row[i]!;
      if (name === 'Month') out.push(MONTHS[raw] ?? NaN);
      else if (name === 'VisitorType') out.push(VISITOR[raw] ?? NaN);
      else if (name === 'Weekend') out.push(raw === 'TRUE' ? 1 : 0);
      else out.push(toNumber(raw, name));
    });
    if (out.some((v) => Number.isNaN(v))) throw new Error(`classify-data: unknown category in row ${r}`);
    X.push(out);
    y.push(row[target] === 'TRUE');
  }
  return { featureNames, X, y };
}

/** The reference split of scripts/reference/classify.py: row i is a test row when i % 10 < 3. */
export function referenceSplit<T>(d: { X: number[][]; y: T[] }): { XTrain: number[][]; yTrain: T[]; XTest: number[][]; yTest: T[] } {
  const out = { XTrain: [] as number[][], yTrain: [] as T[], XTest: [] as number[][], yTest: [] as T[] };
  d.X.forEach((row, i) => {
    if (i % 10 < 3) {
      out.XTest.push(row);
      out.yTest.push(d.y[i]!);
    } else {
      out.XTrain.push(row);
      out.yTrain.push(d.y[i]!);
    }
  });
  return out;
}

/** scikit-learn casts features to float32; the reference tests do the same. */
export function toFloat32Values(X: number[][]): number[][] {
  return X.map((row) => row.map((v) => Math.fround(v)));
}

export function hasConversionData(): boolean {
  return hasData('uci-bank-marketing', 'bank-full.csv.gz') && hasData('uci-online-shoppers', 'online_shoppers_intention.csv');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (hasConversionData()) {
    const b = loadBank();
    const s = loadShoppers();
    console.log(`bank-full: ${b.X.length} rows × ${b.featureNames.length}; online-shoppers: ${s.X.length} rows × ${s.featureNames.length}`);
  } else console.log('shared data not found');
}

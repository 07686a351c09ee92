/**
 * Test/bench helper: the two reference datasets of crmkit/segment, built from ../shared/data the same
 * way scripts/reference/segment.py builds them.
 */
import { parseCsv } from '../../src/connectors/index.js';
import { readDataCsv, readDataText } from '../../scripts/lib/data.js';
import { fitStandardScaler } from '../../src/segment/fitStandardScaler.js';
import { log1p } from '../../src/segment/log1p.js';
import { transformScaler } from '../../src/segment/transformScaler.js';

export const WHOLESALE: [string, string] = ['uci-wholesale-customers', 'wholesale_customers_data.csv'];
export const RETAIL: [string, string] = ['uci-online-retail', 'online_retail.csv.gz'];
export const SPEND = ['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen'] as const;

export interface WholesaleRecord {
  Channel: 'Horeca' | 'Retail';
  Region: 'Lisbon' | 'Oporto' | 'Other';
  Fresh: number;
  Milk: number;
  Grocery: number;
  Frozen: number;
  Detergents_Paper: number;
  Delicassen: number;
}

export function wholesaleRecords(): WholesaleRecord[] {
  return readDataCsv(WHOLESALE).map((r) => ({
    Channel: r.Channel === '1' ? 'Horeca' : 'Retail',
    Region: r.Region === '1' ? 'Lisbon' : r.Region === '2' ? 'Oporto' : 'Other',
    Fresh: Number(r.Fresh),
    Milk: Number(r.Milk),
    Grocery: Number(r.Grocery),
    Frozen: Number(r.Frozen),
    Detergents_Paper: Number(r.Detergents_Paper),
    Delicassen: Number(r.Delicassen),
  }));
}

/** The six spending columns of the wholesale customers. */
export function wholesaleSpend(): number[][] {
  return wholesaleRecords().map((r) => SPEND.map((c) => r[c]));
}

/** log1p of spend, standardized: the matrix the reference script clusters. */
export function wholesaleMatrix(): number[][] {
  const L = log1p(wholesaleSpend());
  return transformScaler(fitStandardScaler(L), L);
}

export interface RfmTable {
  customers: string[];
  recency: Float64Array;
  frequency: Float64Array;
  monetary: Float64Array;
}

/**
 * Per-customer RFM from uci-online-retail: lines with a CustomerID, not cancelled ('C' invoices),
 * Quantity > 0 and UnitPrice > 0; recency = whole days from the last purchase to the day after the
 * last invoice in the file; frequency = distinct invoices; monetary = Σ Quantity·UnitPrice in file order.
 */
export function rfmTable(): RfmTable {
  const rows = parseCsv(readDataText(...RETAIL), { header: false }).rows as string[][];
  const h = rows[0]!;
  const iInv = h.indexOf('InvoiceNo');
  const iQty = h.indexOf('Quantity');
  const iDate = h.indexOf('InvoiceDate');
  const iPrice = h.indexOf('UnitPrice');
  const iCust = h.indexOf('CustomerID');
  const last = new Map<string, number>();
  const invoices = new Map<string, Set<string>>();
  const money = new Map<string, number>();
  let maxT = -Infinity;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const c = row[iCust]!;
    const inv = row[iInv]!;
    if (c === '' || inv.startsWith('C')) continue;
    const q = Number(row[iQty]);
    const p = Number(row[iPrice]);
    if (!(q > 0 && p > 0)) continue;
    const t = Date.parse(row[iDate]!.replace(' ', 'T') + 'Z');
    if (t > maxT) maxT = t;
    if (!(t <= (last.get(c) ?? -Infinity))) last.set(c, t);
    let s = invoices.get(c);
    if (!s) invoices.set(c, (s = new Set()));
    s.add(inv);
    money.set(c, (money.get(c) ?? 0) + q * p);
  }
  const day = 86_400_000;
  const snapshot = Math.floor(maxT / day) * day + day;
  const customers = [...last.keys()].sort();
  const n = customers.length;
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  customers.forEach((c, i) => {
    recency[i] = Math.floor((snapshot - last.get(c)!) / day);
    frequency[i] = invoices.get(c)!.size;
    monetary[i] = money.get(c)!;
  });
  return { customers, recency, frequency, monetary };
}

/** log1p of (recency, frequency, monetary), standardized. */
export function rfmMatrix(t: RfmTable = rfmTable()): number[][] {
  const raw = Array.from(t.recency, (r, i) => [r, t.frequency[i]!, t.monetary[i]!]);
  const L = log1p(raw);
  return transformScaler(fitStandardScaler(L), L);
}

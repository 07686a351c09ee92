import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { numberInRange, oneOf, options as checkOptions } from '../core/validate.js';
import { accessor, dayOption, dayReader, periodIndex, type Period } from './_rows.js';
import type { AmountPolicy, CustomerSummary, ReturnsReport, HoldoutSummary, RowPolicy, SummarizeTransactionsOptions, SummarizeTransactionsReport, SummarizeTransactionsResult } from './summarizeTransactions.js';

const KEYS = [
  'customerId', 'date', 'amount', 'observationEnd', 'calibrationEnd', 'period', 'periodsPerUnit',
  'missingCustomerId', 'invalidDate', 'invalidAmount', 'zeroAmount', 'negativeAmount', 'afterObservationEnd',
  'returns', 'product', 'dateFormat', 'timeZone', 'holdoutMonetaryValue',
] as const;
const SHIFT = 4194304; // 2^22 periods of room per customer in the merge key

/**
 * The row-by-row core of `summarizeTransactions` and `summarizeTransactionStream`: validates
 * the options once, then `add(row, i)` folds one row in (throwing under an `'error'` policy, counting
 * otherwise) and `finish(rowsIn)` builds the result. Memory is O(customers + customer-periods), never
 * O(rows). @internal
 */
export function transactionAccumulator<Row>(fn: string, options: SummarizeTransactionsOptions<Row>, extraKeys: readonly string[] = []): {
  add(row: Row, i: number): void;
  finish(rowsIn: number): SummarizeTransactionsResult;
} {
  const opts = checkOptions(fn, options, [...KEYS, ...extraKeys]);
  if (opts.customerId === undefined) throw new InvalidOptionError(fn, 'options.customerId is required', undefined);
  if (opts.date === undefined) throw new InvalidOptionError(fn, 'options.date is required', undefined);
  if (opts.observationEnd === undefined) throw new InvalidOptionError(fn, 'options.observationEnd is required', undefined);
  const getId = accessor<Row, unknown>(fn, 'options.customerId', opts.customerId);
  const getDate = accessor<Row, unknown>(fn, 'options.date', opts.date);
  const getAmount = opts.amount === undefined ? undefined : accessor<Row, unknown>(fn, 'options.amount', opts.amount);
  const period: Period = opts.period === undefined ? 'day' : oneOf(fn, 'options.period', opts.period, ['day', 'week', 'month'] as const);
  const perUnit = opts.periodsPerUnit === undefined ? 1 : numberInRange(fn, 'options.periodsPerUnit', opts.periodsPerUnit, { min: 0, minExclusive: true });
  const rowPolicy = (name: string, v: unknown, dflt: RowPolicy): RowPolicy => (v === undefined ? dflt : oneOf(fn, `options.${name}`, v, ['error', 'drop'] as const));
  const amountPolicy = (name: string, v: unknown): AmountPolicy => (v === undefined ? 'error' : oneOf(fn, `options.${name}`, v, ['error', 'drop', 'keep'] as const));
  const pMissing = rowPolicy('missingCustomerId', opts.missingCustomerId, 'error');
  const pDate = rowPolicy('invalidDate', opts.invalidDate, 'error');
  const pAmount = rowPolicy('invalidAmount', opts.invalidAmount, 'error');
  const pAfter = rowPolicy('afterObservationEnd', opts.afterObservationEnd, 'drop');
  const pZero = amountPolicy('zeroAmount', opts.zeroAmount);
  const pNeg = amountPolicy('negativeAmount', opts.negativeAmount);
  const pReturns = opts.returns === undefined ? undefined : oneOf(fn, 'options.returns', opts.returns, ['net', 'drop', 'error'] as const);
  if (pReturns !== undefined && opts.negativeAmount !== undefined) throw new InvalidOptionError(fn, 'options.returns and options.negativeAmount both decide what negative amounts mean; set one', opts.negativeAmount);
  if (pReturns !== undefined && getAmount === undefined) throw new InvalidOptionError(fn, 'options.returns needs options.amount (a return is a row with a negative amount)', pReturns);
  if (pReturns === 'net' && opts.product === undefined) throw new InvalidOptionError(fn, "options.returns 'net' needs options.product (a return offsets an earlier purchase of the same customer and product)", undefined);
  const getProduct = opts.product === undefined ? undefined : accessor<Row, unknown>(fn, 'options.product', opts.product);
  const readDay = dayReader(fn, opts, 'transactions');
  const endPeriod = periodIndex(dayOption(fn, 'options.observationEnd', opts.observationEnd), period);
  const hasCal = opts.calibrationEnd !== undefined;
  const calPeriod = hasCal ? periodIndex(dayOption(fn, 'options.calibrationEnd', opts.calibrationEnd), period) : endPeriod;
  const perRowHoldout = opts.holdoutMonetaryValue === undefined ? false : oneOf(fn, 'options.holdoutMonetaryValue', opts.holdoutMonetaryValue, ['perPeriod', 'perRow'] as const) === 'perRow';
  if (calPeriod > endPeriod) throw new InvalidOptionError(fn, 'options.calibrationEnd must not be after options.observationEnd', opts.calibrationEnd);

  const dropped = { missingCustomerId: 0, invalidDate: 0, invalidAmount: 0, zeroAmount: 0, negativeAmount: 0, afterObservationEnd: 0, returns: 0 };
  // 'net' returns: every purchase line (row) with what is left of its amount, chained per (customer, product)
  const net = pReturns === 'net';
  const lineOf = new Map<string, number>();
  let lineCap = net ? 1024 : 0;
  let lineSlot = new Int32Array(lineCap);
  let linePrev = new Int32Array(lineCap);
  let lineRow = new Float64Array(lineCap);
  let lineDay = new Float64Array(lineCap);
  let lineLeft = new Float64Array(lineCap);
  let lines = 0;
  const ret: ReturnsReport | undefined = pReturns === undefined ? undefined : { policy: pReturns, rows: 0, matched: 0, unmatched: 0, purchasesCancelled: 0, amountNetted: 0, amountUnmatched: 0, customersAllReturned: 0, matches: [] };
  const kept = { zeroAmount: 0, negativeAmount: 0 };
  const custIndex = new Map<unknown, number>();
  const ids: unknown[] = [];
  const slotOf = new Map<number, number>();
  let cap = 1024;
  let slotCust = new Int32Array(cap);
  let slotPeriod = new Float64Array(cap);
  let slotSum = new Float64Array(cap);
  let slotLive = new Int32Array(cap);
  let slots = 0;
  let used = 0;
  let merged = 0;
  let holdoutRows = 0;
  let minPeriod = Infinity;
  const add = (row: Row, i: number): void => {
    if (row === null || typeof row !== 'object') throw new InvalidInputError(fn, `transactions[${i}] must be an object (a row of the log)`, row);
    const id = getId(row, i);
    if (id === undefined || id === null || id === '' || (typeof id === 'number' && Number.isNaN(id))) {
      if (pMissing === 'error') throw new InvalidInputError(fn, `transactions[${i}] has no customer id (set options.missingCustomerId to 'drop' to count and skip such rows)`, id);
      dropped.missingCustomerId++;
      return;
    }
    const rawDate = getDate(row, i);
    const day = readDay(rawDate, i);
    if (!Number.isFinite(day)) {
      if (pDate === 'error') throw new InvalidInputError(fn, `transactions[${i}] has an unreadable date (set options.invalidDate to 'drop' to count and skip such rows)`, rawDate);
      dropped.invalidDate++;
      return;
    }
    let amt = 0;
    if (getAmount !== undefined) {
      const a = getAmount(row, i);
      if (typeof a !== 'number' || !Number.isFinite(a)) {
        if (pAmount === 'error') throw new InvalidInputError(fn, `transactions[${i}] has an amount that is not a finite number (set options.invalidAmount to 'drop' to count and skip such rows)`, a);
        dropped.invalidAmount++;
        return;
      }
      if (a === 0) {
        if (pZero === 'error') throw new InvalidInputError(fn, `transactions[${i}] has a zero amount (set options.zeroAmount to 'drop' or 'keep')`, a);
        if (pZero === 'drop') {
          dropped.zeroAmount++;
          return;
        }
        kept.zeroAmount++;
      } else if (a < 0 && ret !== undefined) {
        ret.rows++;
        if (pReturns === 'error') throw new InvalidInputError(fn, `transactions[${i}] has a negative amount, a return or cancellation (options.returns is 'error'; 'net' offsets it against the purchase, 'drop' leaves it out)`, a);
        if (pReturns === 'drop') {
          dropped.returns++;
          return;
        }
      } else if (a < 0) {
        if (pNeg === 'error') throw new InvalidInputError(fn, `transactions[${i}] has a negative amount, a return or cancellation (set options.negativeAmount to 'drop' or 'keep')`, a);
        if (pNeg === 'drop') {
          dropped.negativeAmount++;
          return;
        }
        kept.negativeAmount++;
      }
      amt = a;
    }
    const p = periodIndex(day, period);
    if (p > endPeriod) {
      if (pAfter === 'error') throw new InvalidInputError(fn, `transactions[${i}] is dated after options.observationEnd (set options.afterObservationEnd to 'drop')`, rawDate);
      dropped.afterObservationEnd++;
      return;
    }
    if (net && amt < 0) {
      netReturn(row, i, id, day, -amt);
      return;
    }
    if (p > calPeriod) holdoutRows++;
    used++;
    if (p < minPeriod) minPeriod = p;
    let c = custIndex.get(id);
    if (c === undefined) {
      c = ids.length;
      custIndex.set(id, c);
      ids.push(id);
    }
    const key = c * SHIFT + (p - endPeriod + SHIFT / 2);
    const s = slotOf.get(key);
    if (s !== undefined) {
      slotSum[s]! += amt;
      slotLive[s]!++;
      merged++;
      if (net) addLine(row, i, c, s, day, amt);
      return;
    }
    if (slots === cap) {
      cap *= 2;
      const a1 = new Int32Array(cap); a1.set(slotCust); slotCust = a1;
      const a2 = new Float64Array(cap); a2.set(slotPeriod); slotPeriod = a2;
      const a3 = new Float64Array(cap); a3.set(slotSum); slotSum = a3;
      const a4 = new Int32Array(cap); a4.set(slotLive); slotLive = a4;
    }
    slotOf.set(key, slots);
    slotCust[slots] = c;
    slotPeriod[slots] = p;
    slotSum[slots] = amt;
    slotLive[slots] = 1;
    if (net) addLine(row, i, c, slots, day, amt);
    slots++;
  };
  const productKey = (row: Row, i: number, c: number): string => `${c}\u0000${String(getProduct!(row, i))}`;
  const addLine = (row: Row, i: number, c: number, slot: number, day: number, amt: number): void => {
    if (lines === lineCap) {
      lineCap *= 2;
      const b1 = new Int32Array(lineCap); b1.set(lineSlot); lineSlot = b1;
      const b2 = new Int32Array(lineCap); b2.set(linePrev); linePrev = b2;
      const b3 = new Float64Array(lineCap); b3.set(lineRow); lineRow = b3;
      const b4 = new Float64Array(lineCap); b4.set(lineDay); lineDay = b4;
      const b5 = new Float64Array(lineCap); b5.set(lineLeft); lineLeft = b5;
    }
    const k = productKey(row, i, c);
    linePrev[lines] = lineOf.get(k) ?? -1;
    lineOf.set(k, lines);
    lineSlot[lines] = slot;
    lineRow[lines] = i;
    lineDay[lines] = day;
    lineLeft[lines] = amt;
    lines++;
  };
  // A return of `need` offsets the latest earlier purchase lines of the same customer and product
  // (dated on or before the return, seen earlier in the log), newest first, until it is used up.
  const netReturn = (row: Row, i: number, id: unknown, day: number, need: number): void => {
    const r = ret!;
    const c = custIndex.get(id);
    let left = need;
    let any = false;
    const tiny = 1e-9 * need;
    for (let l = c === undefined ? -1 : (lineOf.get(productKey(row, i, c)) ?? -1); l >= 0 && left > tiny; l = linePrev[l]!) {
      if (lineLeft[l]! <= 0 || lineDay[l]! > day) continue;
      const take = Math.min(left, lineLeft[l]!);
      const rest = lineLeft[l]! - take;
      const slot = lineSlot[l]!;
      slotSum[slot]! -= take;
      left -= take;
      any = true;
      r.matches.push({ returnRow: i, purchaseRow: lineRow[l]!, customerId: id, product: getProduct!(row, i), amount: take });
      if (rest <= 1e-9 * (rest + take)) {
        lineLeft[l] = 0;
        slotLive[slot]!--;
        r.purchasesCancelled++;
      } else lineLeft[l] = rest;
    }
    if (!any) {
      r.unmatched++;
      dropped.returns++;
      return;
    }
    r.matched++;
    used++;
    r.amountNetted += need - Math.max(0, left);
    if (left > tiny) r.amountUnmatched += left;
  };
  const finish = (rowsIn: number): SummarizeTransactionsResult => {
    if (used === 0) throw new InvalidInputError(fn, 'no usable transactions are left after cleaning (see the policies)', dropped);
    if (endPeriod - minPeriod >= SHIFT / 2) throw new InvalidInputError(fn, `the log spans more than ${SHIFT / 2} periods`, endPeriod - minPeriod);

    const nc = ids.length;
    const first = new Float64Array(nc).fill(Infinity);
    const firstSum = new Float64Array(nc);
    const last = new Float64Array(nc).fill(-Infinity);
    const count = new Int32Array(nc);
    const total = new Float64Array(nc);
    const hCount = new Int32Array(nc);
    const hTotal = new Float64Array(nc);
    const hRows = new Int32Array(nc);
    const live = new Uint8Array(nc);
    for (let s = 0; s < slots; s++) {
      if (slotLive[s] === 0) continue; // every row of the period was returned
      const c = slotCust[s]!;
      live[c] = 1;
      const p = slotPeriod[s]!;
      if (p > calPeriod) {
        hCount[c]!++;
        hRows[c]! += slotLive[s]!;
        hTotal[c]! += slotSum[s]!;
        continue;
      }
      count[c]!++;
      total[c]! += slotSum[s]!;
      if (p < first[c]!) {
        first[c] = p;
        firstSum[c] = slotSum[s]!;
      }
      if (p > last[c]!) last[c] = p;
    }
    const rows: CustomerSummary[] = [];
    const holdout: HoldoutSummary[] = [];
    const duration = (endPeriod - calPeriod) / perUnit;
    let onlyHoldout = 0;
    for (let c = 0; c < nc; c++) {
      if (live[c] === 0) {
        if (ret !== undefined) ret.customersAllReturned++;
        continue;
      }
      if (count[c] === 0) {
        onlyHoldout++;
        continue;
      }
      const freq = count[c]! - 1;
      const row: CustomerSummary = { customerId: ids[c], frequency: freq, recency: (last[c]! - first[c]!) / perUnit, T: (calPeriod - first[c]!) / perUnit };
      if (getAmount !== undefined) row.monetaryValue = freq === 0 ? 0 : (total[c]! - firstSum[c]!) / freq;
      rows.push(row);
      if (hasCal) {
        const h: HoldoutSummary = { customerId: ids[c], frequency: hCount[c]!, duration };
        if (getAmount !== undefined) h.monetaryValue = hCount[c] === 0 ? 0 : hTotal[c]! / (perRowHoldout ? hRows[c]! : hCount[c]!);
        holdout.push(h);
      }
    }
    const report: SummarizeTransactionsReport = {
      rowsIn,
      rowsUsed: used,
      dropped,
      kept,
      mergedIntoSamePeriod: merged,
      customers: rows.length,
      customersOnlyInHoldout: onlyHoldout,
      holdoutRows,
    };
    if (ret !== undefined) report.returns = ret;
    const result: SummarizeTransactionsResult = { rows, report };
    if (hasCal) result.holdout = holdout;
    return result;
  };
  return { add, finish };
}

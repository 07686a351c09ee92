import { InvalidInputError, InvalidOptionError } from '../core/errors.js';
import { numberInRange, oneOf, options as checkOptions } from '../core/validate.js';
import { accessor, dayOption, periodIndex, utcDay, type Period } from './_rows.js';
import type { AmountPolicy, CustomerSummary, HoldoutSummary, RowPolicy, SummarizeTransactionsOptions, SummarizeTransactionsReport, SummarizeTransactionsResult } from './summarizeTransactions.js';

const KEYS = [
  'customerId', 'date', 'amount', 'observationEnd', 'calibrationEnd', 'period', 'periodsPerUnit',
  'missingCustomerId', 'invalidDate', 'invalidAmount', 'zeroAmount', 'negativeAmount', 'afterObservationEnd',
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
  const endPeriod = periodIndex(dayOption(fn, 'options.observationEnd', opts.observationEnd), period);
  const hasCal = opts.calibrationEnd !== undefined;
  const calPeriod = hasCal ? periodIndex(dayOption(fn, 'options.calibrationEnd', opts.calibrationEnd), period) : endPeriod;
  if (calPeriod > endPeriod) throw new InvalidOptionError(fn, 'options.calibrationEnd must not be after options.observationEnd', opts.calibrationEnd);

  const dropped = { missingCustomerId: 0, invalidDate: 0, invalidAmount: 0, zeroAmount: 0, negativeAmount: 0, afterObservationEnd: 0 };
  const kept = { zeroAmount: 0, negativeAmount: 0 };
  const custIndex = new Map<unknown, number>();
  const ids: unknown[] = [];
  const slotOf = new Map<number, number>();
  let cap = 1024;
  let slotCust = new Int32Array(cap);
  let slotPeriod = new Float64Array(cap);
  let slotSum = new Float64Array(cap);
  let slots = 0;
  let used = 0;
  let merged = 0;
  let holdoutRows = 0;
  let minPeriod = Infinity;
  const add = (row: Row, i: number): void => {
    const id = getId(row, i);
    if (id === undefined || id === null || id === '' || (typeof id === 'number' && Number.isNaN(id))) {
      if (pMissing === 'error') throw new InvalidInputError(fn, `transactions[${i}] has no customer id (set options.missingCustomerId to 'drop' to count and skip such rows)`, id);
      dropped.missingCustomerId++;
      return;
    }
    const rawDate = getDate(row, i);
    const day = utcDay(rawDate);
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
      merged++;
      return;
    }
    if (slots === cap) {
      cap *= 2;
      const a1 = new Int32Array(cap); a1.set(slotCust); slotCust = a1;
      const a2 = new Float64Array(cap); a2.set(slotPeriod); slotPeriod = a2;
      const a3 = new Float64Array(cap); a3.set(slotSum); slotSum = a3;
    }
    slotOf.set(key, slots);
    slotCust[slots] = c;
    slotPeriod[slots] = p;
    slotSum[slots] = amt;
    slots++;
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
    for (let s = 0; s < slots; s++) {
      const c = slotCust[s]!;
      const p = slotPeriod[s]!;
      if (p > calPeriod) {
        hCount[c]!++;
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
        if (getAmount !== undefined) h.monetaryValue = hCount[c] === 0 ? 0 : hTotal[c]! / hCount[c]!;
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
    const result: SummarizeTransactionsResult = { rows, report };
    if (hasCal) result.holdout = holdout;
    return result;
  };
  return { add, finish };
}

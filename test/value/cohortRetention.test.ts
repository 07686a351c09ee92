import { describe, expect, it } from 'vitest';
import { cohortRetention, InvalidInputError } from 'crmkit/value';

describe('cohortRetention(transactions, options)', () => {
  const log = Object.freeze([
    { id: 'a', at: '2024-01-31' }, { id: 'a', at: '2024-01-02' }, { id: 'b', at: '2024-02-29' },
    { id: 'a', at: '2024-03-01' }, { id: 'b', at: '2024-03-31T23:59:00' }, { id: 'c', at: new Date(Date.UTC(2024, 2, 15)) },
  ]);
  it('builds a ragged matrix by first-purchase month, counting each customer once per period', () => {
    const m = cohortRetention(log, { customerId: 'id', date: 'at', timeZone: 'UTC' });
    expect(m.cohorts).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(m.sizes).toEqual([1, 1, 1]);
    expect(m.active).toEqual([[1, 0, 1], [1, 1], [1]]);
    expect(m.retention[0]).toEqual([1, 0, 1]);
  });
  it('weekly cohorts start on Monday', () => {
    const m = cohortRetention([{ id: 1, at: '2024-01-07' }, { id: 1, at: '2024-01-08' }], { customerId: 'id', date: 'at', period: 'week' });
    expect(m.cohorts).toEqual(['2024-01-01', '2024-01-08']);
    expect(m.active).toEqual([[1, 1], []]);
  });
  it('drops and counts broken rows only when asked', () => {
    const bad = [...log, { id: '', at: '2024-01-01' }, { id: 'z', at: 'not a date' }];
    expect(() => cohortRetention(bad, { customerId: 'id', date: 'at' })).toThrow(InvalidInputError);
    const m = cohortRetention(bad, { customerId: 'id', date: 'at', timeZone: 'UTC', missingCustomerId: 'drop', invalidDate: 'drop' });
    expect(m.dropped).toEqual({ missingCustomerId: 1, invalidDate: 1 });
  });
});

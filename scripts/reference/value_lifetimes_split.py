#!/usr/bin/python3
"""Reference for crmkit/value's calibration/holdout split against lifetimes' behaviour, written from
lifetimes' `calibration_and_holdout_data` and `summary_data_from_transaction_data` as documented and as
their source reads (lifetimes 0.11.3, read, not copied; lifetimes is not installed here).

Pinned (Debian python3): pandas 1.5.3, numpy 1.24.2.

  /usr/bin/python3 scripts/reference/value_lifetimes_split.py   # writes test/fixtures/value-lifetimes-split.json

What lifetimes does, step by step (freq='W' is pandas' W-SUN: weeks Monday..Sunday):
- calibration: rows with datetime <= calibration_period_end (a date comparison), bucketed to periods,
  amounts summed per (customer, period); frequency = periods - 1, recency = last - first period,
  T = period(calibration_period_end) - first period (in periods); monetary_value = mean of the repeat
  periods' sums (0 without repeats).
- holdout: rows with calibration_period_end < datetime <= observation_period_end (again dates, not
  periods); frequency_holdout = distinct periods per customer; monetary_value_holdout = the plain mean
  of the holdout *rows'* amounts (not of per-period sums); customers only in the holdout are dropped,
  calibration customers without holdout rows get 0; duration_holdout = period(observation end) -
  period(calibration end).
So a mid-week calibration_period_end sends the rest of its week to the holdout, where that week is a
holdout purchase period although duration_holdout does not count it.
"""
import json
import os

import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# a small log: several rows on one day, rows on both sides of a mid-week calibration end
# (Wednesday 2024-01-17; its week runs Monday 01-15 .. Sunday 01-21), a customer first seen after it
LOG = [
    ('a', '2024-01-01', 10.0), ('a', '2024-01-01', 5.0), ('a', '2024-01-09', 30.0), ('a', '2024-01-16', 8.0),
    ('a', '2024-01-19', 12.0), ('a', '2024-01-19', 4.0), ('a', '2024-01-30', 20.0), ('a', '2024-01-30', 1.0),
    ('a', '2024-01-31', 6.0),
    ('b', '2024-01-03', 7.0), ('b', '2024-01-18', 9.0), ('b', '2024-02-06', 3.0),
    ('c', '2024-01-10', 50.0), ('c', '2024-01-17', 25.0),
    ('d', '2024-01-20', 11.0), ('d', '2024-02-01', 13.0),
    ('e', '2024-01-02', 2.0),
]
OBS_END = '2024-02-11'  # a Sunday: the observation window ends with a whole week


def lifetimes_split(log, cal_end, obs_end, freq='W'):
    df = pd.DataFrame(log, columns=['id', 'date', 'amount'])
    df['date'] = pd.to_datetime(df['date'])
    cal_end = pd.Timestamp(cal_end)
    obs_end = pd.Timestamp(obs_end)
    # calibration summary
    cal = df[df['date'] <= cal_end].copy()
    cal['period'] = cal['date'].dt.to_period(freq)
    per = cal.groupby(['id', 'period'], as_index=False)['amount'].sum().sort_values(['id', 'period'])
    end_p = cal_end.to_period(freq)
    rows = {}
    for cid, g in per.groupby('id'):
        ps = list(g['period'])
        sums = list(g['amount'])
        first, last = ps[0], ps[-1]
        rows[cid] = {
            'frequency': len(ps) - 1,
            'recency': (last - first).n,
            'T': (end_p - first).n,
            'monetaryValue': (sum(sums[1:]) / (len(sums) - 1)) if len(sums) > 1 else 0.0,
        }
    # holdout
    hold = df[(df['date'] > cal_end) & (df['date'] <= obs_end)].copy()
    hold['period'] = hold['date'].dt.to_period(freq)
    duration = (obs_end.to_period(freq) - end_p).n
    out = []
    for cid in sorted(rows):
        h = hold[hold['id'] == cid]
        out.append({
            'customerId': cid, **rows[cid],
            'holdoutFrequency': int(h['period'].nunique()),
            'holdoutMonetaryValue': float(h['amount'].mean()) if len(h) else 0.0,
            'duration': duration,
        })
    return out


def main():
    cases = {}
    for cal_end in ['2024-01-17', '2024-01-21']:  # mid-week (Wednesday), and the Sunday ending that week
        cases[cal_end] = lifetimes_split(LOG, cal_end, OBS_END)
    out = {
        'source': 'scripts/reference/value_lifetimes_split.py (pandas 1.5.3, lifetimes 0.11.3 semantics)',
        'log': [{'id': i, 'date': d, 'amount': a} for i, d, a in LOG],
        'observationEnd': OBS_END,
        'cases': cases,
    }
    path = os.path.join(ROOT, 'test', 'fixtures', 'value-lifetimes-split.json')
    with open(path, 'w') as f:
        json.dump(out, f, indent=1)
        f.write('\n')
    print('wrote', path)


if __name__ == '__main__':
    main()

#!/usr/bin/python3
"""Reference buckets and rolling windows for src/core/time.ts, from pandas.

Pinned: Debian python3, pandas 1.5.3, numpy 1.24.2 (time zones from the system tzdata via
dateutil/pytz as pandas uses them).
Run:    /usr/bin/python3 scripts/reference/time.py     (writes test/fixtures/time.json)

Buckets: each instant is converted with `tz_convert(tz)` and floored on the local wall clock:
  hour  -> dt.floor('H', ambiguous=<the instant's own DST flag>, nonexistent='shift_forward')
  day   -> dt.floor('D', ambiguous=True, nonexistent='shift_forward')
  week  -> local wall time .to_period('W-SUN') (Monday start) / ('W-SAT') (Sunday start) .start_time,
           localized with ambiguous=True, nonexistent='shift_forward'
  month -> .to_period('M').start_time, localized the same way
`ambiguous=True` picks the first (DST) occurrence of a repeated midnight and
`nonexistent='shift_forward'` the transition instant of a skipped one: the first instant of the
local day, which is crmkit's definition. Labels are strftime of the local bucket start.
Ranges come from pd.date_range(..., tz=tz) with freq 'D', 'W-MON'/'W-SUN', 'MS'.
Rolling: Series.rolling(window, min_periods).sum()/.mean().
"""
import json
import os

import numpy as np
import pandas as pd

assert pd.__version__ == "1.5.3" and np.__version__ == "1.24.2", (pd.__version__, np.__version__)

# Instants around DST transitions (and one far from any) per zone, every 45 minutes over 3 days.
WINDOWS = {
    "UTC": ["2024-02-28T12:00Z", "2024-12-30T00:00Z"],
    "America/New_York": ["2024-03-09T00:00Z", "2024-11-02T00:00Z", "2024-12-31T00:00Z"],
    "Europe/London": ["2024-03-30T00:00Z", "2024-10-26T00:00Z", "2023-12-31T00:00Z"],
    "Asia/Shanghai": ["2024-01-31T00:00Z", "1988-04-09T00:00Z", "1988-09-10T00:00Z"],
    "Asia/Kolkata": ["2024-02-28T00:00Z"],
    "America/Sao_Paulo": ["2018-11-03T00:00Z", "2019-02-16T00:00Z"],
    "America/Havana": ["2018-11-03T00:00Z"],
}


def instants(starts):
    out = []
    for s in starts:
        base = pd.Timestamp(s)
        out.extend(base + pd.Timedelta(minutes=45 * k) for k in range(96))
    rng = np.random.default_rng(11)
    # Random instants between 1971 and 2037 (whole seconds).
    out.extend(pd.Timestamp(int(v), unit="s", tz="UTC") for v in rng.integers(31_536_000, 2_114_380_800, 40))
    return pd.Series(pd.DatetimeIndex(out).tz_convert("UTC"))


def localize_start(naive, tz):
    amb = np.ones(len(naive), dtype=bool)
    return naive.dt.tz_localize(tz, ambiguous=amb, nonexistent="shift_forward")


def ms(series):
    return [int(v) // 1_000_000 for v in series.dt.tz_convert("UTC").astype("int64")]


def bucket_case(tz):
    s = instants(WINDOWS[tz])
    local = s.dt.tz_convert(tz)
    dst = np.array([bool(t.dst()) for t in local])
    hour = local.dt.floor("H", ambiguous=dst, nonexistent="shift_forward")
    day = local.dt.floor("D", ambiguous=np.ones(len(local), dtype=bool), nonexistent="shift_forward")
    wall = local.dt.tz_localize(None)
    week_mon = localize_start(wall.dt.to_period("W-SUN").dt.start_time, tz)
    week_sun = localize_start(wall.dt.to_period("W-SAT").dt.start_time, tz)
    month = localize_start(wall.dt.to_period("M").dt.start_time, tz)
    return {
        "timeZone": tz,
        "t": ms(s),
        "hour": ms(hour),
        "hourLabel": [v.strftime("%Y-%m-%dT%H") for v in hour.dt.tz_convert(tz)],
        "day": ms(day),
        "dayLabel": [v.strftime("%Y-%m-%d") for v in day.dt.tz_convert(tz)],
        "weekMonday": ms(week_mon),
        "weekSunday": ms(week_sun),
        "weekLabel": [v.strftime("%Y-%m-%d") for v in week_mon.dt.tz_convert(tz)],
        "month": ms(month),
        "monthLabel": [v.strftime("%Y-%m") for v in month.dt.tz_convert(tz)],
    }


def range_case(tz, start, end, unit):
    freq = {"day": "D", "week": "W-MON", "weekSunday": "W-SUN", "month": "MS"}[unit]
    r = pd.date_range(start=start, end=end, freq=freq, tz=tz, ambiguous=True, nonexistent="shift_forward")
    return {"timeZone": tz, "unit": unit, "fromLocal": start, "toLocal": end, "starts": ms(pd.Series(r))}


def rolling_cases():
    rng = np.random.default_rng(5)
    series = {
        "counts": rng.poisson(3, 60).astype(float).tolist(),
        "mixed": (rng.normal(0, 1, 80) * 10.0 ** rng.integers(-2, 5, 80)).tolist(),
        "short": [4.0, 1.0],
    }
    out = []
    for name, values in series.items():
        s = pd.Series(values)
        for window in [1, 3, 7]:
            for mp in [None, 1, 2]:
                if mp is not None and mp > window:
                    continue
                r = s.rolling(window, min_periods=mp)
                part = s.rolling(window, min_periods=1)
                out.append({
                    "name": name,
                    "values": values,
                    "window": window,
                    "minPeriods": mp,
                    "sum": [None if np.isnan(v) else float(v) for v in r.sum()],
                    "mean": [None if np.isnan(v) else float(v) for v in r.mean()],
                    "partialSum": part.sum().tolist(),
                    "partialMean": part.mean().tolist(),
                })
    return out


def main():
    fixture = {
        "source": "pandas 1.5.3 (tz_convert + dt.floor / to_period, date_range, rolling)",
        "buckets": [bucket_case(tz) for tz in WINDOWS],
        "ranges": [
            range_case("America/New_York", "2024-03-08", "2024-03-12", "day"),
            range_case("America/New_York", "2024-10-30", "2024-11-05", "day"),
            range_case("Europe/London", "2024-03-28", "2024-04-02", "day"),
            range_case("Europe/London", "2024-10-01", "2024-12-02", "week"),
            range_case("Asia/Shanghai", "1988-04-01", "1988-10-01", "week"),
            range_case("Asia/Shanghai", "1987-11-01", "1989-02-01", "month"),
            range_case("America/Sao_Paulo", "2018-10-30", "2018-11-08", "day"),
            range_case("America/New_York", "2023-12-31", "2024-03-31", "weekSunday"),
            range_case("UTC", "2023-01-01", "2024-12-01", "month"),
        ],
        "rolling": rolling_cases(),
    }
    path = os.path.join(os.path.dirname(__file__), "..", "..", "test", "fixtures", "time.json")
    with open(path, "w") as fh:
        json.dump(fixture, fh)
        fh.write("\n")
    for b in fixture["buckets"]:
        print(b["timeZone"], len(b["t"]))


if __name__ == "__main__":
    main()

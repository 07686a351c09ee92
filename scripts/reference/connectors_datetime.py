"""Reference instants for connectors/parseDateTime: CPython 3.11.2 datetime + zoneinfo (system tzdata).

Zone-less wall times are resolved with fold=0, which is Temporal's 'compatible' rule: the earlier
instant in an overlap, the pre-transition offset (pushed forward) in a gap.
Run: /usr/bin/python3 scripts/reference/connectors_datetime.py > test/fixtures/connectors-datetime.json
"""
import json
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

CASES = [
    # (value, zone or None)
    ("2011-12-09 09:15:00", "Europe/London"),
    ("2011-06-09 09:15:00", "Europe/London"),
    ("2010-12-01 08:26:00", "Europe/London"),
    ("2011-03-27 00:59:00", "Europe/London"),
    ("2011-03-27 01:30:00", "Europe/London"),  # gap
    ("2011-03-27 02:00:00", "Europe/London"),
    ("2011-10-30 01:30:00", "Europe/London"),  # overlap
    ("2011-10-30 02:30:00", "Europe/London"),
    ("2024-03-10 02:30:00", "America/New_York"),  # gap
    ("2024-11-03 01:30:00", "America/New_York"),  # overlap
    ("2024-11-03 01:59:59", "America/New_York"),
    ("2018-02-16 23:59:00", "Asia/Shanghai"),
    ("1988-04-10 02:30:00", "Asia/Shanghai"),  # China's 1986-1991 DST gap
    ("2024-10-06 02:30:00", "Australia/Sydney"),  # gap (southern spring)
    ("2024-04-07 02:30:00", "Australia/Sydney"),  # overlap
    ("2024-02-29", "UTC"),
    ("2024-02-29T12:00", "Asia/Kolkata"),
    ("2015-02-24 11:35:52 -0800", None),
    ("2015-02-24T11:35:52-08:00", None),
    ("2015-02-24T11:35:52.123+0530", None),
    ("2015-02-24T11:35:52Z", None),
    ("2015-02-24 11:35:52.5Z", None),
    ("1900-01-01 00:00:00", "UTC"),
    ("2038-01-19 03:14:08", "UTC"),
]


def instant(value: str, zone):
    v = value.replace(" -", "-").replace(" +", "+")
    if v.endswith("Z"):
        v = v[:-1] + "+00:00"
    # Python 3.11 fromisoformat accepts ±HHMM and ±HH:MM offsets and a space separator.
    d = datetime.fromisoformat(v)
    if d.tzinfo is None:
        d = d.replace(tzinfo=ZoneInfo(zone), fold=0)
    return round(d.timestamp() * 1000)


out = {
    "generator": f"CPython {sys.version.split()[0]} datetime/zoneinfo",
    "cases": [{"value": v, "timeZone": z, "epochMs": instant(v, z)} for v, z in CASES],
}
print(json.dumps(out, indent=1))

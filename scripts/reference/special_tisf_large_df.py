#!/usr/bin/python3
"""Student-t inverse survival function at large degrees of freedom (1e7 to 1e18), for core's studentTIsf.

Pinned: mpmath 1.2.1 (Debian python3), 50 digits.
Run:    /usr/bin/python3 scripts/reference/special_tisf_large_df.py  -> writes test/fixtures/special-tisf-large-df.json

P(T > t) = I_x(df/2, 1/2)/2 with x = df/(df + t²) (mpmath.betainc, regularized), solved for t with
mpmath.findroot on the log of the tail, started from the normal isf.
"""
import os
import mpmath as mp, json
mp.mp.dps = 50
def sf(t, df):
    x = df/(df+t*t)
    return mp.betainc(df/2, mp.mpf(1)/2, 0, x, regularized=True)/2
out=[]
for df in [mp.mpf(10)**7, mp.mpf(3)*10**9, mp.mpf(10)**12, mp.mpf(10)**18]:
    for q in ['0.4', '0.025', '1e-6', '1e-50', '1e-300']:
        qq = mp.mpf(q)
        z0 = mp.findroot(lambda z: mp.log(mp.erfc(z/mp.sqrt(2))/2) - mp.log(qq), mp.sqrt(-2*mp.log(qq)) if qq < 0.1 else mp.mpf('0.3'))
        t = mp.findroot(lambda t: mp.log(sf(t, df)) - mp.log(qq), z0)
        out.append({'q': float(qq), 'df': float(df), 'isf': float(t)})
        print(q, float(df), mp.nstr(t, 20))
HERE = os.path.dirname(os.path.abspath(__file__))
assert mp.__version__ == '1.2.1', mp.__version__
with open(os.path.join(HERE, '..', '..', 'test', 'fixtures', 'special-tisf-large-df.json'), 'w') as f:
    json.dump(out, f, indent=1)
    f.write('\n')

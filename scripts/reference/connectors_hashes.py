"""Reference digests for connectors/hashForAdPlatform and pseudonymizeId: CPython 3.11.2 hashlib / hmac.

The normalized strings are written by hand from the platforms' published rules (Google Customer
Match: trim, lowercase, gmail.com dots removed, phones in E.164 with '+'; Meta Custom Audiences:
trim, lowercase, phones as digits with the country code); only the digests are computed here.
Run: /usr/bin/python3 scripts/reference/connectors_hashes.py > test/fixtures/connectors-hashes.json
"""
import hashlib
import hmac
import json
import sys

AD = [
    # value, kind, options, normalized
    ("  Test@Example.com ", "email", {}, "test@example.com"),
    ("Alice.Smith+news@GMail.com", "email", {"removeGmailDots": True}, "alicesmith+news@gmail.com"),
    ("Alice.Smith@GMail.com", "email", {}, "alice.smith@gmail.com"),
    ("bob.jones@googlemail.com", "email", {"removeGmailDots": True}, "bobjones@googlemail.com"),
    ("J.Doe@Example.co.uk", "email", {"removeGmailDots": True}, "j.doe@example.co.uk"),
    ("+1 (212) 555-0123", "phone", {}, "+12125550123"),
    ("(212) 555-0123", "phone", {"defaultCountryCode": "1"}, "+12125550123"),
    ("020 7946 0018", "phone", {"defaultCountryCode": "44"}, "+442079460018"),
    ("0086 138-0013-8000", "phone", {}, "+8613800138000"),
    ("138 0013 8000", "phone", {"defaultCountryCode": "86", "phoneFormat": "digits"}, "8613800138000"),
    ("  Müller ", "name", {}, "müller"),
    ("O'Brien.", "name", {}, "o'brien"),
    ("张伟", "name", {}, "张伟"),
]
KEYS = ["a long secret key kept in a vault", "another key of 32+ characters!!"]
IDS = ["customer-17850", "", "__proto__", "张伟", "12345", "a" * 1000]

out = {
    "generator": f"CPython {sys.version.split()[0]} hashlib/hmac",
    "adPlatform": [
        {"value": v, "kind": k, "options": o, "normalized": n, "sha256": hashlib.sha256(n.encode()).hexdigest()} for v, k, o, n in AD
    ],
    "hmac": [
        {"key": key, "id": i, "hex": hmac.new(key.encode(), i.encode(), hashlib.sha256).hexdigest()} for key in KEYS for i in IDS
    ],
}
print(json.dumps(out, ensure_ascii=False, indent=1))

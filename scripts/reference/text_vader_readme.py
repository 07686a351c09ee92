"""Reference sentiment scores for crmkit/text/sentiment: the example outputs that VADER's author
published in the README of the original Python implementation (cjhutto/vaderSentiment, MIT,
commit 44fc044, README.rst lines 216-231, produced by vaderSentiment's SentimentIntensityAnalyzer).

Writes test/fixtures/text-vader-readme.json: [{text, compound, pos, neu, neg}, ...].
Pure standard library (no VADER install needed: the numbers are the README's).

Run: /usr/bin/python3 scripts/reference/text_vader_readme.py <path to README.rst>
     (e.g. git -C <clone of cjhutto/vaderSentiment> show 44fc044:README.rst > /tmp/README.rst)
"""
import ast
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "test", "fixtures", "text-vader-readme.json")


def main():
    rows = []
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^\t(.+?)-*\s*(\{'pos'.*\})\s*$", line.rstrip("\n"))
            if not m:
                continue
            text = m.group(1).rstrip("-")
            scores = ast.literal_eval(m.group(2))
            rows.append({"text": text, **{k: scores[k] for k in ("compound", "pos", "neu", "neg")}})
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"source": "cjhutto/vaderSentiment 44fc044 README.rst (VADER's published example outputs)", "rows": rows}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()

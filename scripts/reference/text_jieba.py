"""Reference segmentation of weibo2018 posts with Python jieba, for crmkit/text.

Pinned: Debian bookworm python3 3.11, python3-jieba 0.42.1 (apt package python3-jieba 0.42.1-3),
jieba's default dictionary, HMM on (jieba.cut(text) with its defaults).

Writes test/fixtures/text-jieba.json: for each of the 500 posts of weibo2018/test.txt, its mid and
jieba's tokens (their concatenation equals the post text, so offsets can be rebuilt in UTF-16).
With --bench: segments all 10,500 posts (train + test) and prints posts/s (dictionary loaded first,
not timed), as JSON on stdout.

Run: /usr/bin/python3 scripts/reference/text_jieba.py [--bench]
"""
import gzip
import json
import logging
import os
import sys
import time

import jieba

jieba.setLogLevel(logging.WARNING)
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.environ.get("CRMKIT_DATA_DIR", os.path.abspath(os.path.join(ROOT, "..", "shared", "data")))


def read_posts(name):
    path = os.path.join(DATA, "weibo2018", name)
    opener = gzip.open if name.endswith(".gz") else open
    out = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if not line:
                continue
            mid, label, text = line.split(",", 2)
            out.append((mid, text))
    return out


def main():
    jieba.initialize()
    test = read_posts("test.txt")
    if "--bench" in sys.argv:
        posts = read_posts("train.txt.gz") + test
        t0 = time.perf_counter()
        n_tokens = 0
        for _, text in posts:
            n_tokens += len(list(jieba.cut(text)))
        dt = time.perf_counter() - t0
        print(json.dumps({"posts": len(posts), "seconds": dt, "postsPerSecond": len(posts) / dt, "tokens": n_tokens}))
        return
    rows = []
    for mid, text in test:
        tokens = list(jieba.cut(text))
        assert "".join(tokens) == text
        rows.append({"mid": mid, "tokens": tokens})
    out = {
        "source": "weibo2018/test.txt (500 posts)",
        "reference": "jieba 0.42.1, jieba.cut(text) (default dictionary, HMM=True)",
        "posts": rows,
    }
    with open(os.path.join(ROOT, "test", "fixtures", "text-jieba.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Offline claim scoring: runs the claims_dump example on every article and scores the
findings exactly as /work/shared/eval/score.py scores diagnostics (precision over flags on
must/unlisted sentences, recall over must sentences, per code), without a server.

    python3 scripts/eval_claims.py [--details] [--bin PATH] DIR [DIR ...]
"""
import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

SCORE_DIR = os.environ.get("BYLINE_EVAL_DIR", "/work/shared/eval")
sys.path.insert(0, SCORE_DIR)
from score import load_gold, overlap, prf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def byte_to_char(text):
    """Map byte offsets of the UTF-8 encoding to str offsets."""
    table = {}
    b = 0
    for i, ch in enumerate(text):
        table[b] = i
        b += len(ch.encode("utf-8"))
    table[b] = len(text)
    return table


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--bin", default=None, help="prebuilt claims_dump binary")
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()
    target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target" / "h-claims"))
    binary = args.bin
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "-q", "-p", "byline-core", "--example", "claims_dump"],
                       cwd=ROOT, check=True, env={**os.environ, "CARGO_TARGET_DIR": target})
        binary = str(Path(target) / "release" / "examples" / "claims_dump")
    files = [t for d in args.dirs for t in sorted(Path(d).glob("*.txt")) if t.with_suffix(".gold.json").exists()]
    out = subprocess.run([binary] + [str(f) for f in files], capture_output=True, text=True, check=True).stdout
    flags_by = defaultdict(list)
    for line in out.splitlines():
        r = json.loads(line)
        if "code" in r:
            flags_by[r["file"]].append(r)
    tp = fp = fn = tp_code = 0
    per_code = defaultdict(lambda: [0, 0, 0])
    misses, false_flags, hits = [], [], []
    for f in files:
        text, claims, _, _ = load_gold(f)
        b2c = byte_to_char(text)
        matched = set()
        for r in flags_by[str(f)]:
            s, e = b2c[r["start"]], b2c[r["end"]]
            span, code = (s, max(e, s + 1)), r["code"]
            best, best_ov = None, 0
            for i, g in enumerate(claims):
                ov = overlap(span, g["span"])
                if ov > best_ov:
                    best, best_ov = i, ov
            if best is not None and best_ov >= 0.5 * (span[1] - span[0]):
                g = claims[best]
                if g["level"] == "must":
                    tp += 1
                    matched.add(best)
                    if g["code"] == code:
                        tp_code += 1
                        per_code[code][0] += 1
                    else:
                        per_code[code][1] += 1
                    hits.append(f"{f.name}: [{code}/{g['code']}] {r['message'][:100]}")
                continue
            fp += 1
            per_code[code][1] += 1
            false_flags.append(f"{f.name}: [{code}] {text[span[0]:span[1]][:140]!r}  -- {r['message'][:90]}")
        for i, g in enumerate(claims):
            if g["level"] == "must" and i not in matched:
                fn += 1
                per_code[g["code"]][2] += 1
                misses.append(f"{f.name}: [{g['code']}] {text[g['span'][0]:g['span'][1]][:140]!r}")
    res = {"any_code": prf(tp, fp, fn), "exact_code_matches": tp_code,
           "per_code": {c: prf(*v) for c, v in sorted(per_code.items())}}
    if args.details:
        res["misses"], res["false_flags"] = misses, false_flags
    print(json.dumps(res, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

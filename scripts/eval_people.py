#!/usr/bin/env python3
"""Offline people scorer: runs the `people_dump` example (no server) and scores its mentions,
linking, hover roles and definitions the way /work/shared/eval/score.py does.

    python3 scripts/eval_people.py [--details] [--bin PATH] DIR [DIR ...]
"""
import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

EVAL = Path(os.environ.get("BYLINE_EVAL", "/work/shared/eval"))
sys.path.insert(0, str(EVAL))
from score import b_cubed, load_gold, overlap, prf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--bin", default=str(ROOT / "target/h-people/release/examples/people_dump"))
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()
    files = [t for d in args.dirs for t in sorted(Path(d).glob("*.txt")) if t.with_suffix(".gold.json").exists()]
    out = subprocess.run([args.bin] + [str(f) for f in files], check=True, capture_output=True).stdout
    dumps = {}
    for line in out.decode().splitlines():
        j = json.loads(line)
        dumps[j["path"]] = j
    docs = {}
    for f in files:
        text, _claims, mentions, roles = load_gold(f)
        raw = text.encode("utf-8")
        def cp(b):  # byte offset -> code point offset
            return len(raw[:b].decode("utf-8", errors="ignore"))
        sys_m = []
        for m in dumps[str(f)]["mentions"]:
            d = m["definition"]
            sys_m.append({"s": cp(m["start"]), "e": cp(m["end"]), "id": m["id"], "name": m["name"],
                          "roles": m["roles"], "def": (d[0], cp_of(d[0], d[1])) if d else None})
        docs[str(f)] = {"name": f.name, "text": text, "gold": mentions, "roles": roles, "sys": sys_m}
    pairs, fn_list, fp_list = [], [], []
    for path, d in docs.items():
        used = set()
        for s, e, name in d["gold"]:
            hit = None
            for k, m in enumerate(d["sys"]):
                if k not in used and overlap((s, e), (m["s"], m["e"])) > 0:
                    hit = k
                    break
            if hit is None:
                fn_list.append(f"{d['name']}: {d['text'][s:e]!r} ({name})  …{d['text'][max(0, s - 40):e + 30]!r}…")
            else:
                used.add(hit)
                pairs.append((name, d["sys"][hit]["id"]))
        for k, m in enumerate(d["sys"]):
            if k not in used:
                ctx = d["text"][max(0, m["s"] - 30):m["e"] + 30].replace("\n", " ")
                fp_list.append(f"{d['name']}: {d['text'][m['s']:m['e']]!r}  …{ctx}…")
    res = {"mentions": prf(len(pairs), len(fp_list), len(fn_list)), "linking_b3": b_cubed(pairs)}
    # Hover: first gold mention of each person with roles; the system person there must carry
    # the full name and one of the roles.
    tried = good = 0
    hover_miss = []
    for path, d in docs.items():
        seen = set()
        for s, e, name in d["gold"]:
            roles = d["roles"].get(name) or []
            if not roles or name in seen:
                continue
            seen.add(name)
            tried += 1
            mid = s + (e - s) // 2
            m = next((m for m in d["sys"] if m["s"] <= mid <= m["e"]), None)
            t = (m["name"] + "\n" + "\n".join(m["roles"])).lower() if m else ""
            if name.lower() in t and any(r.lower().removeprefix("the ") in t for r in roles):
                good += 1
            else:
                hover_miss.append(f"{d['name']}: {name} gold={roles} sys={m['name'] if m else None} {m['roles'] if m else ''}")
    res["hover"] = {"tried": tried, "good": good, "rate": round(good / tried, 3) if tried else 0}
    # Definition: for gold mentions that are not the full name, the definition must land on a
    # gold mention of the same person.
    spans = defaultdict(list)
    for path, d in docs.items():
        for s, e, name in d["gold"]:
            spans[name].append((path, s, e))
    tried = good = 0
    def_miss = []
    for path, d in docs.items():
        for s, e, name in d["gold"]:
            if d["text"][s:e] == name:
                continue
            tried += 1
            m = next((m for m in d["sys"] if m["s"] <= s < max(m["e"], m["s"] + 1)), None)
            if m and m["def"]:
                dp, at = m["def"]
                if any(u == dp and s2 <= at < max(e2, s2 + 1) for u, s2, e2 in spans[name]):
                    good += 1
                    continue
            def_miss.append(f"{d['name']}: {d['text'][s:e]!r} ({name})")
    res["definition"] = {"tried": tried, "good": good, "rate": round(good / tried, 3) if tried else 0}
    if args.details:
        res["mention_misses"], res["mention_false"] = fn_list, fp_list
        res["hover_misses"], res["definition_misses"] = hover_miss, def_miss
    print(json.dumps(res, indent=1, ensure_ascii=False))


_cache = {}


def cp_of(path, b):
    if path not in _cache:
        _cache[path] = Path(path).read_bytes()
    return len(_cache[path][:b].decode("utf-8", errors="ignore"))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Agreement of the quick mode with the semantic scan, per function.

usage: bench/quick_agreement.py QUICK_REPORT.json SEMANTIC_REPORT.json [--show N]

Functions are matched by (file, line of the name). Counted: the functions
both scans found in files that parse cleanly in both (parse_errors false),
skipping those a macro writes (from_macro) and defaulted/deleted ones.
Prints the share with the same cyclomatic complexity, and the first N
disagreements (file:line name quick semantic).
"""
import json
import sys


def functions(report):
    out = {}
    clean = set()
    for f in report["files"]:
        if not f.get("parse_errors", False):
            clean.add(f["path"])
        for fn in f["functions"]:
            if fn.get("from_macro") or fn.get("trivial") in ("defaulted", "deleted"):
                continue
            out[(f["path"], fn["line"])] = fn
    return out, clean


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    show = int(argv[4]) if len(argv) > 4 and argv[3] == "--show" else 0
    with open(argv[1]) as q, open(argv[2]) as s:
        quick, quick_clean = functions(json.load(q))
        sem, sem_clean = functions(json.load(s))
    clean = quick_clean & sem_clean
    both = [k for k in sem if k in quick and k[0] in clean]
    sem_in_clean = [k for k in sem if k[0] in clean]
    same = [k for k in both if quick[k]["cyclomatic"] == sem[k]["cyclomatic"]]
    share = len(same) / len(both) if both else 0.0
    print(f"agreement: {len(same)} of {len(both)} functions ({100 * share:.1f}%) have the same "
          f"cyclomatic; matched {len(both)} of the semantic scan's {len(sem_in_clean)} functions "
          f"in {len(clean)} cleanly parsed files")
    every = [k for k in sem if k in quick]
    same_all = sum(quick[k]["cyclomatic"] == sem[k]["cyclomatic"] for k in every)
    print(f"all files: {same_all} of {len(every)} matched functions "
          f"({100 * same_all / max(1, len(every)):.1f}%) agree, syntax errors included; "
          f"the quick scan found {len(quick)} functions, the semantic {len(sem)}")
    shown = 0
    for k in sorted(both):
        if shown >= show:
            break
        if quick[k]["cyclomatic"] != sem[k]["cyclomatic"]:
            print(f"  {k[0]}:{k[1]} {sem[k]['qualified_name']} quick={quick[k]['cyclomatic']} "
                  f"semantic={sem[k]['cyclomatic']}")
            shown += 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

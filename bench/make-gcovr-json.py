#!/usr/bin/env python3
"""Write a large, realistic gcovr JSON coverage report (gcovr 5.2 format).

usage: make-gcovr-json.py OUT [--mb N] [--seed S]

    OUT        file to write (overwritten)
    --mb N     write at least N MiB (N x 1048576 bytes; default 60)
    --seed S   generator seed (default 1); output is byte-identical for the
               same --mb and --seed

The file is what `gcovr --json` (Debian 12, gcovr 5.2) writes: one line,
`json.dump(..., sort_keys=True)` with the default separators, i.e.

    {"files": [{"file": "src/modK/fileJ.cpp",
                "functions": [{"execution_count": n, "lineno": l, "name": "..."}, ...],
                "lines": [{"branches": [{"count": c, "fallthrough": b, "throw": b}, ...],
                           "count": c, "gcovr/excluded": false,
                           "gcovr/noncode": b, "line_number": l}, ...]},
               ...],
     "gcovr/format_version": "0.3"}

with files sorted by path, functions sorted by name and lines by line number,
as gcovr sorts them. Content mix: whole functions never called and error paths
inside called functions (together ~30 % of code lines uncovered); ~18 % of
lines carry 2-4 branches; ~2 % of lines are calls with a throw branch; ~4 % of
line entries are `gcovr/noncode`; a handful of hot lines have counts above
2^32. Function names are unique per file (gcovr keys functions by name).

Prints the file size and the totals the file was built to have, counted the
way gcovr 5.2 counts them (noncode lines and their branches do not count; a
line/branch/function is covered when its count is > 0):

    totals: files=... lines=... lines_covered=... branches=... \
branches_covered=... throw_branches=... throw_branches_covered=... \
functions=... functions_covered=...

Only the Python standard library is used.
"""

import argparse
import json
import os
import random
import sys

MIB = 1 << 20

PARAM_LISTS = [
    "",
    "int",
    "int, std::string const&",
    "std::vector<int, std::allocator<int> > const&",
    "double, double",
    "char const*, unsigned long",
    "std::map<std::string, int, std::less<std::string>, "
    "std::allocator<std::pair<std::string const, int> > >&",
    "std::unique_ptr<Node, std::default_delete<Node> >",
    "long, bool",
    "std::function<void (int)> const&",
]


class Totals:
    __slots__ = ("files", "lines", "lines_covered", "branches",
                 "branches_covered", "throw_branches",
                 "throw_branches_covered", "functions",
                 "functions_covered", "noncode_entries")

    def __init__(self):
        for k in self.__slots__:
            setattr(self, k, 0)


def hot_count(rng):
    """Call count of a called function: mostly small, long tail, rare > 2^32."""
    r = rng.random()
    if r < 0.002:
        return rng.randint(5_000_000_000, 40_000_000_000)
    if r < 0.35:
        return rng.randint(1, 9)
    if r < 0.75:
        return rng.randint(10, 999)
    if r < 0.95:
        return rng.randint(1000, 99_999)
    return rng.randint(100_000, 50_000_000)


def split(rng, total, parts):
    """Split `total` into `parts` non-negative counts."""
    if total == 0:
        return [0] * parts
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    out, prev = [], 0
    for c in cuts + [total]:
        out.append(c - prev)
        prev = c
    return out


def make_branches(rng, count, tot):
    """Branches for a code line executed `count` times, or None for none."""
    r = rng.random()
    if r < 0.02:
        # a call that may throw: fallthrough + exceptional edge
        thrown = 1 if (count > 0 and rng.random() < 0.05) else 0
        br = [(max(count - thrown, 0), True, False), (thrown, False, True)]
        tot.throw_branches += 1
    elif r < 0.20:
        q = rng.random()
        n = 2 if q < 0.72 else (3 if q < 0.82 else 4)
        if count == 0:
            counts = [0] * n
        elif rng.random() < 0.35:
            # one way never taken
            counts = split(rng, count, n - 1)
            counts.insert(rng.randrange(n), 0)
        else:
            counts = split(rng, count, n)
        br = [(c, i == 0, False) for i, c in enumerate(counts)]
    else:
        return None
    for c, _, t in br:
        tot.branches += 1
        if c > 0:
            tot.branches_covered += 1
            if t:
                tot.throw_branches_covered += 1
    return [{"count": c, "fallthrough": f, "throw": t} for c, f, t in br]


def line_entry(lineno, count, branches, noncode=False):
    return {
        "branches": branches or [],
        "count": count,
        "gcovr/excluded": False,
        "gcovr/noncode": noncode,
        "line_number": lineno,
    }


def make_file(rng, mod, idx, tot):
    functions, lines = [], []
    lineno = rng.randint(8, 40)          # includes, namespace, comments
    used_names = set()
    nfun = rng.randint(3, 15)
    cls = "Widget%d" % idx
    for i in range(nfun):
        kind = rng.random()
        params = rng.choice(PARAM_LISTS)
        if kind < 0.6:
            name = "mod%d::fn_%d_%d(%s)" % (mod, idx, i, params)
        elif kind < 0.85:
            name = "mod%d::%s::method_%d(%s)%s" % (
                mod, cls, i, params, " const" if rng.random() < 0.4 else "")
        elif kind < 0.95:
            name = "int mod%d::tmpl_%d_%d<int>(%s)" % (mod, idx, i, params)
        else:
            name = "mod%d::(anonymous namespace)::helper_%d_%d(%s)" % (
                mod, idx, i, params)
        if name in used_names:  # cannot happen (i is unique), but keep it safe
            name += "#%d" % i
        used_names.add(name)

        called = rng.random() >= 0.14
        calls = hot_count(rng) if called else 0
        functions.append({"execution_count": calls, "lineno": lineno,
                          "name": name})
        tot.functions += 1
        if calls > 0:
            tot.functions_covered += 1

        body = rng.randint(4, 30)
        cold_run = 0   # remaining lines of an uncovered block (error path)
        for j in range(body + 1):   # +1: the signature line itself
            if j > 0 and rng.random() < 0.04:
                # e.g. a lone `} else {` that gcov lists without code
                lines.append(line_entry(lineno, 0, None, noncode=True))
                tot.noncode_entries += 1
                lineno += 1
            if not called:
                count = 0
            elif j == 0:
                count = calls
            else:
                if cold_run == 0 and rng.random() < 0.075:
                    cold_run = rng.randint(1, 5)
                if cold_run > 0:
                    cold_run -= 1
                    count = 0
                elif rng.random() < 0.12:
                    count = calls * rng.randint(2, 64)   # loop body
                else:
                    count = calls
            branches = make_branches(rng, count, tot) if j > 0 else None
            lines.append(line_entry(lineno, count, branches))
            tot.lines += 1
            if count > 0:
                tot.lines_covered += 1
            lineno += rng.choice((1, 1, 1, 1, 2, 2, 3))   # blank/comment lines
        lineno += rng.randint(2, 6)      # closing brace, blank line, doc comment
    functions.sort(key=lambda f: f["name"])
    path = "src/mod%d/file%d.cpp" % (mod, idx)
    return path, {"file": path, "functions": functions, "lines": lines}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.mb <= 0:
        ap.error("--mb must be positive")

    rng = random.Random(a.seed)
    target = int(a.mb * MIB)
    head = b'{"files": ['
    tail = b'], "gcovr/format_version": "0.3"}'
    sep = b", "
    tot = Totals()
    chunks = []          # (path, encoded file object)
    size = len(head) + len(tail)
    nmods = 24
    idx = 0
    while size < target:
        mod = idx % nmods
        path, obj = make_file(rng, mod, idx, tot)
        blob = json.dumps(obj, sort_keys=True).encode("ascii")
        size += len(blob) + (len(sep) if chunks else 0)
        chunks.append((path, blob))
        tot.files += 1
        idx += 1
    chunks.sort(key=lambda c: c[0])

    tmp = a.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(head)
        f.write(sep.join(b for _, b in chunks))
        f.write(tail)
    os.replace(tmp, a.out)
    actual = os.path.getsize(a.out)
    assert actual == size, (actual, size)

    print("wrote %s: %d bytes (%.1f MiB), seed %d, gcovr 5.2 JSON format 0.3"
          % (a.out, actual, actual / MIB, a.seed))
    print("totals: files=%d lines=%d lines_covered=%d branches=%d "
          "branches_covered=%d throw_branches=%d throw_branches_covered=%d "
          "functions=%d functions_covered=%d"
          % (tot.files, tot.lines, tot.lines_covered, tot.branches,
             tot.branches_covered, tot.throw_branches,
             tot.throw_branches_covered, tot.functions,
             tot.functions_covered))
    print("        (+%d noncode line entries, not counted; %.1f%% of code "
          "lines uncovered)"
          % (tot.noncode_entries,
             100.0 * (tot.lines - tot.lines_covered) / max(tot.lines, 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Generate a deterministic git repository with a long C++ history.

Usage: make-history-repo.py DEST [--commits N] [--files F] [--seed S]

DEST (absent or empty) becomes a git repository on branch `main` with N
non-merge commits (default 20000) over F C++ files (default 2000):

  src/modK/fileJ.cpp    F translation units, ~60-150 lines each: includes, a
                        namespace, and 5-12 small functions (a loop with a few
                        statements, a tail, a return)
  README.md             one non-C++ file, touched now and then
  CMakeLists.txt        one non-C++ file, never changed

Commit 1 adds every file; each later commit changes 1-4 files (picked with a
skew, so some files are hot; in 40 % of commits the file's fixed partner
changes with it, so pairs of files are coupled, and 70 % of any further files
come from the same module) by replacing, inserting or deleting a few
statement lines, and now and then adding or dropping a whole function, so
`git log -p -U0` shows real hunks of every kind. About 1 commit in 500 renames
a file (with a one-line edit, so `git log -M` sees a rename, not a delete and
an add). Seven fixed authors; ~20 % of messages are fixes ("fix: ..." or
"Fix ..."); author and committer times increase strictly and are spread over
the 300 days before 2026-10-01T00:00:00Z.

The history is written as a `git fast-import` stream (generated here, piped to
`git fast-import --quiet`), then the work tree is checked out to match HEAD.
No user or system git configuration is read (HOME is a temporary directory,
GIT_CONFIG_NOSYSTEM=1). For a given --commits, --files and --seed the commit
ids are identical wherever and whenever the script runs.

Only the Python standard library is used. All code is produced by the
templates below.
"""

import argparse
import bisect
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

END_TIME = 1790812800          # 2026-10-01T00:00:00Z
SPAN_DAYS = 300
RENAME_EVERY = 500             # about one rename per this many commits

AUTHORS = [
    ("Ada Brightwater", "ada@example.invalid"),
    ("Bo Lindqvist", "bo@example.invalid"),
    ("Chandra Iyer", "chandra@example.invalid"),
    ("Dmitri Volkov", "dmitri@example.invalid"),
    ("Esi Mensah", "esi@example.invalid"),
    ("Farah Haddad", "farah@example.invalid"),
    ("Goro Tanaka", "goro@example.invalid"),
]
AUTHOR_WEIGHTS = [30, 22, 16, 12, 9, 7, 4]

VERBS = ["compute", "collect", "merge", "normalize", "parse", "score", "filter",
         "build", "resolve", "summarize", "rank", "index", "split", "encode",
         "validate", "reduce", "scan", "apply", "select", "render"]
NOUNS = ["orders", "tokens", "samples", "records", "weights", "paths", "events",
         "metrics", "labels", "entries", "ranges", "nodes", "buckets", "fields",
         "values", "spans", "rows", "keys", "ticks", "frames"]
HEADERS = ["<algorithm>", "<cstdint>", "<map>", "<numeric>", "<string>",
           "<unordered_map>", "<utility>", "<vector>"]

# Statements inside the loop over `xs` (variables: x, total, limit, seen).
LOOP_STMTS = [
    "total += x * {a};",
    "total -= x % {b};",
    "if (x > limit) {{ total += {a}; }}",
    "if (x < {c}) {{ continue; }}",
    "if (x == {c}) {{ break; }}",
    "seen = seen + (x & {a});",
    "total ^= (x << {d});",
    "limit = std::max(limit, x - {b});",
    "if (total > {e}) {{ total /= {d}; }}",
    "total += (x % {b} == 0) ? {a} : -{d};",
    "seen += static_cast<int>(x > {c});",
]
# Statements after the loop.
TAIL_STMTS = [
    "total += seen * {a};",
    "if (total < 0) {{ total = -total; }}",
    "total = std::min(total, {e});",
    "if (seen == 0) {{ return {c}; }}",
    "total %= {e};",
    "limit += {d};",
    "total = total * {a} + limit;",
]

FIX_MESSAGES = [
    "fix: handle empty {noun} in {fn}",
    "fix: off-by-one in {fn}",
    "Fix overflow when {verb}ing {noun}",
    "Fix crash in {fn} on negative input",
    "fix({mod}): wrong limit in {fn}",
    "Fix regression in {fn} from last refactor",
]
OTHER_MESSAGES = [
    "Refactor {fn} for clarity",
    "{Verb} {noun} in one pass",
    "Tune thresholds in {fn}",
    "Add early exit to {fn}",
    "{mod}: simplify {noun} handling",
    "Clean up {fn}",
    "perf: avoid extra work in {fn}",
    "Update {fn} to new {noun} rules",
]
BODIES = [
    "",
    "",
    "The previous version ignored the limit for {noun}.\n",
    "Reviewed-by: {rev}\n",
    "This keeps {fn} consistent with the other {noun} helpers.\n\nNo behaviour change for valid input.\n",
]


class Func:
    __slots__ = ("name", "loop", "tail")

    def __init__(self, name, loop, tail):
        self.name = name
        self.loop = loop
        self.tail = tail

    def nlines(self):  # as rendered, with the blank line after the function
        return 8 + len(self.loop) + len(self.tail)


class File:
    __slots__ = ("path", "module", "headers", "funcs", "counter")

    def __init__(self, path, module, headers, funcs, counter):
        self.path = path
        self.module = module
        self.headers = headers
        self.funcs = funcs
        self.counter = counter

    def nlines(self):
        return len(self.headers) + 5 + sum(f.nlines() for f in self.funcs)

    def render(self):
        out = ["// %s -- part of module %s" % (self.path.rsplit("/", 1)[-1], self.module)]
        out += ["#include %s" % h for h in self.headers]
        out += ["", "namespace %s {" % self.module, ""]
        for f in self.funcs:
            out.append("int %s(const std::vector<int>& xs, int limit) {" % f.name)
            out.append("    int total = 0;")
            out.append("    int seen = 0;")
            out.append("    for (int x : xs) {")
            out += ["        " + s for s in f.loop]
            out.append("    }")
            out += ["    " + s for s in f.tail]
            out.append("    return total;")
            out.append("}")
            out.append("")
        out.append("}  // namespace %s" % self.module)
        return ("\n".join(out) + "\n").encode()


def stmt(rng, pool):
    return rng.choice(pool).format(a=rng.randint(2, 9), b=rng.randint(2, 13),
                                   c=rng.randint(0, 99), d=rng.randint(1, 5),
                                   e=rng.randint(100, 100000))


def new_func(rng, f):
    f.counter += 1
    name = "%s_%s_%d" % (rng.choice(VERBS), rng.choice(NOUNS), f.counter)
    loop = [stmt(rng, LOOP_STMTS) for _ in range(rng.randint(1, 4))]
    tail = [stmt(rng, TAIL_STMTS) for _ in range(rng.randint(0, 3))]
    return Func(name, loop, tail)


def new_file(rng, path, module):
    headers = sorted(set(["<algorithm>", "<vector>"] + rng.sample(HEADERS, rng.randint(0, 3))))
    f = File(path, module, headers, [], 0)
    target = rng.randint(70, 130)
    while f.nlines() < target:
        f.funcs.append(new_func(rng, f))
    return f


def edit_file(rng, f):
    """1-3 small edits; keeps the file roughly within 60-150 lines."""
    for _ in range(rng.randint(1, 3)):
        n = f.nlines()
        r = rng.random()
        if n < 65 or (r < 0.05 and n < 140):            # add a whole function
            f.funcs.insert(rng.randint(0, len(f.funcs)), new_func(rng, f))
            continue
        if (n > 145 or r < 0.08) and len(f.funcs) > 3:  # drop a whole function
            del f.funcs[rng.randrange(len(f.funcs))]
            continue
        fn = rng.choice(f.funcs)
        use_loop = not fn.tail or rng.random() < 0.6
        body, pool = (fn.loop, LOOP_STMTS) if use_loop else (fn.tail, TAIL_STMTS)
        r = rng.random()
        if r < 0.5 and body:                            # replace 1-3 lines
            i = rng.randrange(len(body))
            k = min(rng.randint(1, 3), len(body) - i)
            body[i:i + k] = [stmt(rng, pool) for _ in range(rng.randint(1, 3))]
        elif r < 0.8 or len(body) <= 1:                 # insert 1-2 lines
            i = rng.randint(0, len(body))
            body[i:i] = [stmt(rng, pool) for _ in range(rng.randint(1, 2))]
        else:                                           # delete 1-2 lines
            i = rng.randrange(len(body))
            k = min(rng.randint(1, 2), len(body) - 1)
            del body[i:i + k]
        if not fn.loop:
            fn.loop.append(stmt(rng, LOOP_STMTS))


def message(rng, f, is_fix):
    fn = rng.choice(f.funcs).name if f.funcs else "main"
    verb, noun = rng.choice(VERBS), rng.choice(NOUNS)
    subst = dict(fn=fn, noun=noun, verb=verb, Verb=verb.capitalize(), mod=f.module,
                 rev=rng.choice(AUTHORS)[0])
    head = rng.choice(FIX_MESSAGES if is_fix else OTHER_MESSAGES).format(**subst)
    body = rng.choice(BODIES).format(**subst)
    return head + "\n" + ("\n" + body if body else "")


def data(b):
    return b"data %d\n" % len(b) + b + b"\n"


def git_env(home):
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "XDG_CONFIG_HOME": home,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "LC_ALL": "C",
        "TZ": "UTC",
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dest")
    ap.add_argument("--commits", type=int, default=20000, help="non-merge commits (default 20000)")
    ap.add_argument("--files", type=int, default=2000, help="C++ files (default 2000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = ap.parse_args()
    if args.commits < 1:
        ap.error("--commits must be >= 1")
    if args.files < 1:
        ap.error("--files must be >= 1")
    dest = os.path.abspath(args.dest)
    if os.path.exists(dest) and os.listdir(dest):
        ap.error("DEST exists and is not empty: %s" % dest)
    os.makedirs(dest, exist_ok=True)

    t_start = time.monotonic()
    rng = random.Random(args.seed)
    nmod = max(1, min(24, args.files // 40))
    files = []
    for j in range(args.files):
        module = "mod%d" % (j % nmod)
        files.append(new_file(rng, "src/%s/file%d.cpp" % (module, j), module))
    by_module = {}
    for idx, f in enumerate(files):
        by_module.setdefault(f.module, []).append(idx)
    # Each file has a fixed partner in its module (pairs of neighbours) that is
    # changed with it in 40 % of its commits: that is what makes coupling.
    partner = list(range(args.files))
    for members in by_module.values():
        for k in range(0, len(members) - 1, 2):
            partner[members[k]], partner[members[k + 1]] = members[k + 1], members[k]
    # Skewed pick: file at shuffled rank r has weight 1/(r+8)^0.9.
    ranks = list(range(args.files))
    rng.shuffle(ranks)
    cum, acc = [], 0.0
    for idx in range(args.files):
        acc += 1.0 / (ranks[idx] + 8) ** 0.9
        cum.append(acc)
    auth_cum, acc = [], 0
    for w in AUTHOR_WEIGHTS:
        acc += w
        auth_cum.append(acc)

    def pick_file():
        return min(bisect.bisect_left(cum, rng.random() * cum[-1]), args.files - 1)

    def pick_author():
        return AUTHORS[bisect.bisect_left(auth_cum, rng.random() * auth_cum[-1])]

    readme_lines = ["# history bench repo", "",
                    "Generated by make-history-repo.py (seed %d)." % args.seed, ""]
    t0 = END_TIME - SPAN_DAYS * 86400
    step = SPAN_DAYS * 86400 // (args.commits + 1)
    renames = 0

    home = tempfile.mkdtemp(prefix="stepup-histgen-home.")
    try:
        env = git_env(home)
        subprocess.run(["git", "init", "-q", "-b", "main", dest], env=env, check=True)
        fi = subprocess.Popen(["git", "-C", dest, "fast-import", "--quiet", "--done"],
                              stdin=subprocess.PIPE, env=env)
        out = fi.stdin
        buf = []

        def commit(i, who, msg, ops):
            when = t0 + i * step + rng.randrange(max(1, step // 2))
            a = ("%s <%s> %d +0000" % (who[0], who[1], when)).encode()
            c = ("%s <%s> %d +0000" % (who[0], who[1], when + rng.randrange(1, 60))).encode()
            buf.append(b"commit refs/heads/main\nauthor " + a + b"\ncommitter " + c + b"\n")
            buf.append(data(msg.encode()))
            buf.extend(ops)
            buf.append(b"\n")
            if len(buf) > 4000:
                out.write(b"".join(buf))
                buf.clear()

        ops = [b"M 100644 inline CMakeLists.txt\n",
               data(b"cmake_minimum_required(VERSION 3.16)\nproject(histbench CXX)\n"
                    b"file(GLOB_RECURSE SRCS src/*.cpp)\nadd_library(histbench ${SRCS})\n"),
               b"M 100644 inline README.md\n", data(("\n".join(readme_lines)).encode())]
        for f in files:
            ops.append(("M 100644 inline %s\n" % f.path).encode())
            ops.append(data(f.render()))
        commit(0, AUTHORS[0], "Initial import of %d files\n" % args.files, ops)

        for i in range(1, args.commits):
            first = pick_file()
            chosen = [first]
            if rng.random() < 0.4 and partner[first] != first:
                chosen.append(partner[first])
            for _ in range(rng.choices([0, 1, 2], [60, 28, 12])[0]):
                if rng.random() < 0.7:
                    cand = rng.choice(by_module[files[first].module])
                else:
                    cand = pick_file()
                if cand not in chosen:
                    chosen.append(cand)
            ops = []
            if i % RENAME_EVERY == RENAME_EVERY // 2:
                f = files[first]
                old = f.path
                f.module = "mod%d" % rng.randrange(nmod) if nmod > 1 else f.module
                f.path = "src/%s/%s_%s.cpp" % (f.module, rng.choice(NOUNS), old.rsplit("/", 1)[1][:-4])
                if any(g.path == f.path for g in files if g is not f):
                    f.path = f.path[:-4] + "_%d.cpp" % i
                ops.append(('R "%s" "%s"\n' % (old, f.path)).encode())
                renames += 1
                # the namespace changes with the module: a one-line edit, similarity stays high
                ops.append(("M 100644 inline %s\n" % f.path).encode())
                ops.append(data(f.render()))
                chosen = [first]
                msg = "Move %s to %s\n" % (old, f.path)
            else:
                for idx in chosen:
                    edit_file(rng, files[idx])
                    ops.append(("M 100644 inline %s\n" % files[idx].path).encode())
                    ops.append(data(files[idx].render()))
                if rng.random() < 0.01:
                    readme_lines.append("- note %d: see %s" % (i, files[first].path))
                    ops.append(b"M 100644 inline README.md\n")
                    ops.append(data(("\n".join(readme_lines) + "\n").encode()))
                msg = message(rng, files[first], rng.random() < 0.2)
            commit(i, pick_author(), msg, ops)
        buf.append(b"done\n")
        out.write(b"".join(buf))
        out.close()
        if fi.wait() != 0:
            print("make-history-repo: git fast-import failed", file=sys.stderr)
            return 1
        subprocess.run(["git", "-C", dest, "reset", "-q", "--hard", "main"], env=env, check=True)
        count = subprocess.run(["git", "-C", dest, "rev-list", "--count", "HEAD"], env=env,
                               check=True, capture_output=True, text=True).stdout.strip()
        head = subprocess.run(["git", "-C", dest, "rev-parse", "HEAD"], env=env,
                              check=True, capture_output=True, text=True).stdout.strip()
    finally:
        shutil.rmtree(home, ignore_errors=True)
    lines = sum(f.nlines() for f in files)
    print("generated %s in %.1f s: %s commits, %d C++ files (%d lines at HEAD), "
          "%d renames, seed %d, HEAD %s" % (dest, time.monotonic() - t_start, count,
                                            args.files, lines, renames, args.seed, head))
    return 0


if __name__ == "__main__":
    sys.exit(main())

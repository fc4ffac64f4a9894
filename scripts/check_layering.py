#!/usr/bin/env python3
"""Checks stepup's layering: which folder may include which.

Reads every `#include` line of the C++ sources under ROOT (default: the
checkout holding this script) and fails, naming file, line and include, when
one crosses an arrow that ARCHITECTURE.md does not draw. The table below is
the arrows; ARCHITECTURE.md shows the same map as a picture.

usage: scripts/check_layering.py [ROOT]
exit:  0 every include is allowed, 1 some are not (each printed), 2 usage
"""
import os
import re
import sys

# Folder -> the project folders its files may include (each folder may
# always include itself). A file belongs to the longest folder that
# prefixes its path. `app/` may include everything.
ALLOWED = {
    "model/": [],
    "scanner/common/": ["model/"],
    "scanner/parse/": ["scanner/cache/", "scanner/common/", "model/"],
    "scanner/cache/": ["scanner/common/", "model/"],
    "scanner/coverage/": ["scanner/common/", "model/"],
    "scanner/history/": ["scanner/common/", "model/"],
    "scanner/evidence/": ["scanner/common/", "model/"],
    "scanner/report/": ["scanner/common/", "model/"],
    "scanner/graph/": ["model/"],
    "scanner/quick/": ["scanner/common/", "model/"],
    "rules/": ["model/"],
    "reports/": ["model/"],
    "scanner/trend/": ["model/"],
    "app/": ["model/", "scanner/", "rules/", "reports/"],
}

# Outside headers only some folders may use: libclang is the parse room's,
# tree-sitter the quick mode's.
EXTERNAL = [
    (re.compile(r"^clang-c/"), ["scanner/parse/"], "libclang"),
    (re.compile(r"^tree_sitter/"), ["scanner/quick/"], "tree-sitter"),
]

# Folders whose files are checked; everything else (tests/, bench/,
# examples/) may include anything.
CHECKED = tuple(ALLOWED)
SOURCE = re.compile(r"\.(h|hh|hpp|c|cc|cpp|cxx)$")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
PROJECT = ("model/", "scanner/", "rules/", "reports/", "app/")


def folder_of(path):
    best = None
    for f in ALLOWED:
        if path.startswith(f) and (best is None or len(f) > len(best)):
            best = f
    return best


def check_file(root, rel):
    errors = []
    own = folder_of(rel)
    if own is None:
        return errors
    allowed = [own] + ALLOWED[own]
    with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            target = m.group(2)
            if target.startswith(PROJECT):
                if not any(target.startswith(a) for a in allowed):
                    errors.append(f"{rel}:{n}: {own} may not include \"{target}\" "
                                  f"(allowed: {', '.join(allowed)})")
                continue
            for pattern, folders, what in EXTERNAL:
                if pattern.match(target) and own not in folders:
                    errors.append(f"{rel}:{n}: {own} may not include <{target}> "
                                  f"({what} belongs to {', '.join(folders)})")
    return errors


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        print(__doc__.strip())
        return 2
    root = argv[1] if len(argv) == 2 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if not os.path.isdir(root):
        print(f"check_layering: {root}: not a folder", file=sys.stderr)
        return 2
    errors = []
    files = 0
    for top in sorted({f.split("/")[0] for f in CHECKED}):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            # The grammar's npm install (scanner/quick/grammar) is not ours.
            dirnames[:] = sorted(d for d in dirnames if d != "node_modules")
            for name in sorted(filenames):
                if not SOURCE.search(name):
                    continue
                rel = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, "/")
                files += 1
                errors += check_file(root, rel)
    for e in errors:
        print(e)
    if errors:
        print(f"check_layering: {len(errors)} include(s) cross the layering "
              f"(ARCHITECTURE.md; scripts/check_layering.py holds the table)")
        return 1
    print(f"check_layering: {files} files, every include allowed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Turns a callgrind.out file into collapsed stacks ("a;b;c COUNT").

Callgrind records a call graph, not stacks: each function's self cost and,
per call edge, the inclusive cost of the calls along it. This converter puts
each function's self cost on ONE stack: the chain of its heaviest callers
(the caller whose calls to it cost the most, then that caller's heaviest
caller, and so on, never revisiting a function) up to a function nobody
calls. Approximation: self costs are exact; a caller's total only includes
the callees whose heaviest chain passes through it, so for functions called
from several places the totals are a lower bound. Costs are the first event
(Ir, instructions executed, by default).

usage: callgrind_to_collapsed.py callgrind.out.N > profile.folded
"""
import collections
import sys


def read(path):
    names = {}        # "(id)" -> name, for --compress-strings=yes (the default)
    self_cost = collections.Counter()
    edges = collections.Counter()  # (caller, callee) -> inclusive cost
    fn = cfn = None
    pending_call = False

    def name_of(value):
        value = value.strip()
        if value.startswith("("):
            ident, _, rest = value.partition(")")
            ident += ")"
            if rest.strip():
                names[ident] = rest.strip()
            return names.get(ident, ident)
        return value

    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("fn="):
                fn = name_of(line[3:])
            elif line.startswith("cfn="):
                cfn = name_of(line[4:])
            elif line.startswith("calls="):
                pending_call = True
            elif line[:1].isdigit() or line[:1] in "+-*":
                parts = line.split()
                cost = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
                if pending_call:
                    edges[(fn, cfn)] += cost
                    pending_call = False
                elif fn is not None:
                    self_cost[fn] += cost
    return self_cost, edges


def main():
    self_cost, edges = read(sys.argv[1])
    callers = collections.defaultdict(list)
    for (caller, callee), cost in edges.items():
        if caller != callee:
            callers[callee].append((cost, caller))
    for fn, cost in sorted(self_cost.items()):
        if cost <= 0:
            continue
        chain = [fn]
        seen = {fn}
        while True:
            options = [(c, name) for c, name in callers[chain[0]] if name not in seen]
            if not options:
                break
            _, heaviest = max(options)
            chain.insert(0, heaviest)
            seen.add(heaviest)
        print(";".join(chain), cost)


if __name__ == "__main__":
    main()

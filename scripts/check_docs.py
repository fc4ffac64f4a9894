#!/usr/bin/env python3
"""Checks the links of the repository's Markdown: README.md and docs/**/*.md.

    check_docs.py ROOT

Every link and image stays inside the repository: no http(s) or other
scheme, no absolute path, nothing that climbs out of ROOT. The file a link
names exists, and a `#anchor` names a heading of that file, slugged the way
GitHub slugs headings (lowercase; punctuation other than '-' and '_'
dropped; spaces become '-'; a repeated heading gets '-1', '-2'...). Links
inside code spans and fenced code blocks are not links.

Exit status: 0 all good; 1 one line per problem, as FILE:LINE: message.
"""
import os
import re
import sys

LINK = re.compile(r'!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+"[^"]*")?\)')
FENCE = re.compile(r'^\s*(```|~~~)')
CODE_SPAN = re.compile(r'`[^`]*`')
HEADING = re.compile(r'^(#{1,6})\s+(.*?)\s*#*\s*$')


def prose_lines(text, keep_code_spans=False):
    """(line number, text) of the lines outside fenced code, code spans removed."""
    fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield number, line if keep_code_spans else CODE_SPAN.sub('', line)


def slug(heading):
    text = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', heading)  # a link's text
    text = text.replace('`', '').strip().lower()
    text = re.sub(r'[^\w\- ]', '', text)
    return text.replace(' ', '-')


def anchors(path):
    seen = {}
    result = set()
    with open(path, encoding='utf-8') as f:
        for _, line in prose_lines(f.read(), keep_code_spans=True):
            m = HEADING.match(line)
            if not m:
                continue
            base = slug(m.group(2))
            n = seen.get(base, 0)
            seen[base] = n + 1
            result.add(base if n == 0 else f'{base}-{n}')
    return result


def check_file(root, path):
    problems = []
    rel = os.path.relpath(path, root)
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for number, line in prose_lines(text):
        for m in LINK.finditer(line):
            target = m.group(1)
            where = f'{rel}:{number}'
            if re.match(r'^[a-zA-Z][a-zA-Z0-9+.-]*:', target):
                problems.append(f'{where}: link outside the repository: {target}')
                continue
            file_part, _, anchor = target.partition('#')
            if file_part.startswith('/'):
                problems.append(f'{where}: absolute path: {target}')
                continue
            dest = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) if file_part else path
            if os.path.relpath(dest, root).startswith('..'):
                problems.append(f'{where}: link leaves the repository: {target}')
            elif not os.path.exists(dest):
                problems.append(f'{where}: no such file: {target}')
            elif anchor and dest.endswith('.md') and anchor not in anchors(dest):
                problems.append(f'{where}: no heading #{anchor} in {os.path.relpath(dest, root)}')
    return problems


def markdown_files(root):
    yield os.path.join(root, 'README.md')
    for folder, dirs, files in os.walk(os.path.join(root, 'docs')):
        dirs.sort()
        for name in sorted(files):
            if name.endswith('.md'):
                yield os.path.join(folder, name)


def main(argv):
    if len(argv) != 2:
        print('usage: check_docs.py ROOT', file=sys.stderr)
        return 2
    root = os.path.abspath(argv[1])
    problems = []
    for path in markdown_files(root):
        if os.path.exists(path):
            problems += check_file(root, path)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))

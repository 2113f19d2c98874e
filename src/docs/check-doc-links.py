#!/usr/bin/env python3
"""Checks README.md and docs/*.md: every relative link and picture points at an existing file (and, with #anchor,
at a heading of that file), and every http(s) URL is on localhost. Run from the repository root; exit 1 on a problem."""
import glob
import re
import sys
from pathlib import Path

LINK = re.compile(r'!?\[[^\]]*\]\(([^)\s]+)\)|<(https?://[^>]+)>')
URL = re.compile(r'https?://[^\s)>`\'"]+')


def anchors(path):
    found = set()
    for line in path.read_text(encoding='utf-8').splitlines():
        m = re.match(r'#+\s+(.*)', line)
        if m:
            slug = re.sub(r'[^\w\- ]', '', m.group(1).strip().lower()).replace(' ', '-')
            found.add(slug)
    return found


def code_free(text):
    return re.sub(r'```.*?```', '', text, flags=re.S)


problems = []
for name in ['README.md'] + sorted(glob.glob('docs/*.md')):
    page = Path(name)
    text = page.read_text(encoding='utf-8')
    for url in URL.findall(text):
        if not re.match(r'https?://localhost[:/]', url):
            problems.append(f'{name}: URL outside localhost: {url}')
    for m in LINK.finditer(code_free(text)):
        target = m.group(1)
        if not target or re.match(r'[a-z]+:', target):
            continue
        file_part, _, anchor = target.partition('#')
        dest = (page.parent / file_part).resolve() if file_part else page.resolve()
        if not dest.exists():
            problems.append(f'{name}: missing file {target}')
        elif anchor and dest.suffix == '.md' and anchor not in anchors(dest):
            problems.append(f'{name}: missing heading #{anchor} in {file_part or name}')
print('\n'.join(problems) or 'links: every relative link resolves, every URL is on localhost')
sys.exit(1 if problems else 0)

#!/usr/bin/env python3
"""Writes a synthetic handbook for benchmarks: deterministic, with rules, sub-rules,
cross-references, tip lists, lists and quotes in roughly the proportions of a real handbook
(about 12 KB of Markdown per chapter with the default 4 rules and 2 sub-rules).

usage: generate_handbook.py CHAPTERS OUTPUT_FOLDER [--rules N] [--undefined N]
                            [--hugo FOLDER] [--mkdocs FOLDER] [--sphinx FOLDER]

--rules N: top-level rules per chapter (default 4); rule 2 always has 2 sub-rules.
--undefined N: N references to rules that do not exist, spread over the chapters, alternately a
  bare identifier of a known prefix (a warning) and a `rule:` link (an error).
--hugo, --mkdocs, --sphinx: the same Markdown as a project of that tool (see the functions below).
"""
import argparse
import os
import random
import re
import sys

COMMON = ("the of and to in a is that for it as with be on not this by are or from at your you "
          "can should must when if they their patient patients doctor doctors online post posts "
          "social media account accounts privacy public profile consent image images record "
          "review reviews colleague colleagues advice guidance rule rules care information "
          "friend request requests message messages share shared sharing report threat abuse").split()
SYLLABLES = "ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu".split()


def make_vocabulary(rng, size=6000):
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Writer:
    def __init__(self, chapters, rules=4, undefined=0, seed=2026):
        self.rng = random.Random(seed)
        self.vocabulary = make_vocabulary(self.rng)
        self.chapters = chapters
        self.rules = rules
        self.undefined = undefined
        self.prefixes = [f"R{n:04d}" if chapters > 26 * 26 else chr(65 + n // 26) + chr(65 + n % 26) + "X" for n in range(chapters)]

    def word(self):
        if self.rng.random() < 0.55:
            return self.rng.choice(COMMON)
        return self.rng.choice(self.vocabulary)

    def sentence(self, refs=()):
        words = [self.word() for _ in range(self.rng.randint(8, 20))]
        if refs and self.rng.random() < 0.3:
            words.insert(self.rng.randrange(len(words)), self.rng.choice(refs))
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, refs=()):
        return " ".join(self.sentence(refs) for _ in range(self.rng.randint(6, 10)))

    def rule_ids(self, chapter):
        prefix = self.prefixes[chapter]
        return [f"{prefix}-{n}" for n in range(1, self.rules + 1)] + [f"{prefix}-2.1", f"{prefix}-2.2"]

    def chapter(self, index):
        rng = self.rng
        ids = self.rule_ids(index)
        nearby = [rid for other in range(max(0, index - 3), min(self.chapters, index + 3)) for rid in self.rule_ids(other)]
        title = " ".join(self.word() for _ in range(3)).capitalize()
        out = [f"---\ntitle: {title}\nsummary: {self.sentence()}\nupdated: 2026-01-{1 + index % 28:02d}\n---\n"]
        out.append(self.paragraph(nearby) + "\n")
        for number in range(1, self.rules + 1):
            rid = f"{self.prefixes[index]}-{number}"
            out.append(f"## {rid} {' '.join(self.word() for _ in range(5)).capitalize()}\n")
            out.append(self.paragraph(nearby) + "\n")
            if rng.random() < 0.6:
                out.append("\n".join(f"- {self.sentence(nearby)}" for _ in range(rng.randint(2, 5))) + "\n")
            if rng.random() < 0.3:
                out.append(f"> {self.sentence()}\n")
            out.append(self.paragraph(nearby) + "\n")
            if number == 2:
                for sub in (1, 2):
                    out.append(f"### {rid}.{sub} {' '.join(self.word() for _ in range(4)).capitalize()}\n")
                    out.append(self.paragraph(nearby) + "\n")
        out.append("## Background\n")
        out.append(self.paragraph() + "\n")
        out.append(f"See [the first rule](rule:{ids[0]}) and [{title}](#{ids[1]}).\n")
        # Undefined references come last and use no random numbers, so the rest of the text
        # is the same with or without them. Numbers from 900 are never rules' numbers.
        count = (index + 1) * self.undefined // self.chapters - index * self.undefined // self.chapters
        if count:
            out.append(" ".join(f"See {self.prefixes[index]}-{900 + n}." if n % 2 == 0 else
                                f"See [an undefined rule](rule:{self.prefixes[index]}-{900 + n})." for n in range(count)) + "\n")
        return "\n".join(out)

    def tips(self, index):
        ids = [rid for chapter in range(index * 10, min(self.chapters, index * 10 + 10)) for rid in self.rule_ids(chapter)[:2]]
        out = [f"---\ntitle: Tips {index + 1}\nsummary: {self.sentence()}\n---\n", self.sentence() + "\n"]
        for n in range(8):
            out.append(f"- **{' '.join(self.word() for _ in range(3)).capitalize()} {n}.** {self.sentence(ids)} ({self.rng.choice(ids)})")
        return "\n".join(out) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(usage=__doc__.split("usage: ")[1].split("\n\n")[0])
    parser.add_argument("chapters", type=int)
    parser.add_argument("folder")
    parser.add_argument("--rules", type=int, default=4)
    parser.add_argument("--undefined", type=int, default=0)
    parser.add_argument("--hugo")
    parser.add_argument("--mkdocs")
    parser.add_argument("--sphinx")
    args = parser.parse_args(argv)
    chapters, folder = args.chapters, args.folder
    writer = Writer(chapters, args.rules, args.undefined)
    os.makedirs(f"{folder}/chapters", exist_ok=True)
    os.makedirs(f"{folder}/tips", exist_ok=True)
    with open(f"{folder}/handbook.yml", "w") as f:
        f.write(f"title: Synthetic handbook of {chapters} chapters\nedition: bench\nlanguage: en\n")
    width = len(str(chapters))
    pages = []  # (path relative to the content folder, Markdown), for the peers
    for index in range(chapters):
        pages.append((f"chapters/{index + 1:0{width}d}-chapter-{index + 1}.md", writer.chapter(index)))
    for index in range(max(1, chapters // 10)):
        pages.append((f"tips/tips-{index + 1}.md", writer.tips(index)))
    for path, text in pages:
        write(f"{folder}/{path}", text)
    title = f"Synthetic handbook of {chapters} chapters"
    if args.hugo:
        write_hugo_site(args.hugo, pages)
    if args.mkdocs:
        write_mkdocs_project(args.mkdocs, title, pages)
    if args.sphinx:
        write_sphinx_project(args.sphinx, title, pages)
    return 0


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


# The smallest Hugo site that does what a handbook build must: every page in a layout with a
# title and navigation to its section, a list page per section, and a JSON index of all pages.
HUGO_FILES = {
    "config.toml": 'baseURL = "https://example.org/"\ntitle = "Synthetic handbook"\n'
    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n'
    "[outputs]\nhome = [\"HTML\", \"JSON\"]\n",
    "layouts/_default/baseof.html": '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{{ .Title }}</title>'
    '<link rel="stylesheet" href="/style.css"></head>\n<body>\n<nav><a href="/">Home</a></nav>\n<main>{{ block "main" . }}{{ end }}</main>\n</body>\n</html>\n',
    "layouts/_default/single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>\n{{ .Content }}\n'
    '{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}\n{{ end }}\n',
    "layouts/_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>\n<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>\n{{ end }}\n',
    "layouts/index.html": '{{ define "main" }}<h1>{{ .Site.Title }}</h1>\n<ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>\n{{ end }}\n',
    "layouts/index.json": '[{{ range $i, $p := .Site.RegularPages }}{{ if $i }},{{ end }}'
    '{{ dict "title" $p.Title "url" $p.RelPermalink "summary" $p.Summary "text" $p.Plain | jsonify }}{{ end }}]\n',
}


def write_hugo_site(folder, pages):
    for path, text in HUGO_FILES.items():
        write(f"{folder}/{path}", text)
    # Chapters keep their front matter, with a weight for their order; tip lists are as they are.
    for path, text in pages:
        name = re.sub(r"^\d+-", "", os.path.basename(path))
        if path.startswith("chapters/"):
            _, front, body = text.split("---\n", 2)
            number = int(name.split("-")[1].split(".")[0])
            text = f"---\n{front}weight: {number}\n---\n{body}"
        write(f"{folder}/content/{os.path.dirname(path)}/{name}", text)


def peer_page(text):
    """A page for MkDocs or Sphinx: the front matter's title as the page's heading (each tool's
    page title), the rest of the front matter dropped, and links to rules (`rule:ID`, `#ID`) as
    their text, since neither tool knows rule identifiers. Rule identifiers in headings stay."""
    _, front, body = text.split("---\n", 2)
    title = re.search(r"^title: (.*)$", front, re.M).group(1)
    body = re.sub(r"\[([^\]]*)\]\((?:rule:|#)[^)]*\)", r"\1", body)
    return f"# {title}\n\n{body}"


# MkDocs: the minimal configuration, with the default plugins (its built-in search). The
# navigation is MkDocs' own, made from the folders: every page lists every page.
def write_mkdocs_project(folder, title, pages):
    for theme in ("mkdocs", "material"):
        write(f"{folder}/mkdocs-{theme}.yml", f"site_name: {title}\ndocs_dir: docs\ntheme:\n  name: {theme}\n")
    write(f"{folder}/docs/index.md", f"# {title}\n")
    for path, text in pages:
        write(f"{folder}/docs/{path}", peer_page(text))


# Sphinx with MyST: the minimal conf.py, and a home page whose table of contents takes in every page.
def write_sphinx_project(folder, title, pages):
    write(f"{folder}/conf.py", f'project = "{title}"\nextensions = ["myst_parser"]\nhtml_theme = "alabaster"\n')
    write(f"{folder}/index.md", f"# {title}\n\n```{{toctree}}\n:glob:\n\nchapters/*\ntips/*\n```\n")
    for path, text in pages:
        write(f"{folder}/{path}", peer_page(text))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

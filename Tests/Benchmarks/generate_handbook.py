#!/usr/bin/env python3
"""Writes a synthetic handbook for benchmarks: deterministic, with rules, sub-rules,
cross-references, tip lists, lists and quotes in roughly the proportions of a real handbook
(about 12 KB of Markdown per chapter).

usage: generate_handbook.py CHAPTERS OUTPUT_FOLDER [--hugo HUGO_FOLDER]
"""
import os
import random
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
    def __init__(self, chapters, seed=2026):
        self.rng = random.Random(seed)
        self.vocabulary = make_vocabulary(self.rng)
        self.chapters = chapters
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
        return [f"{prefix}-{n}" for n in range(1, 5)] + [f"{prefix}-2.1", f"{prefix}-2.2"]

    def chapter(self, index):
        rng = self.rng
        ids = self.rule_ids(index)
        nearby = [rid for other in range(max(0, index - 3), min(self.chapters, index + 3)) for rid in self.rule_ids(other)]
        title = " ".join(self.word() for _ in range(3)).capitalize()
        out = [f"---\ntitle: {title}\nsummary: {self.sentence()}\nupdated: 2026-01-{1 + index % 28:02d}\n---\n"]
        out.append(self.paragraph(nearby) + "\n")
        for number in range(1, 5):
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
        return "\n".join(out)

    def tips(self, index):
        ids = [rid for chapter in range(index * 10, min(self.chapters, index * 10 + 10)) for rid in self.rule_ids(chapter)[:2]]
        out = [f"---\ntitle: Tips {index + 1}\nsummary: {self.sentence()}\n---\n", self.sentence() + "\n"]
        for n in range(8):
            out.append(f"- **{' '.join(self.word() for _ in range(3)).capitalize()} {n}.** {self.sentence(ids)} ({self.rng.choice(ids)})")
        return "\n".join(out) + "\n"


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    chapters, folder = int(argv[0]), argv[1]
    hugo = argv[3] if len(argv) > 3 and argv[2] == "--hugo" else None
    writer = Writer(chapters)
    os.makedirs(f"{folder}/chapters", exist_ok=True)
    os.makedirs(f"{folder}/tips", exist_ok=True)
    with open(f"{folder}/handbook.yml", "w") as f:
        f.write(f"title: Synthetic handbook of {chapters} chapters\nedition: bench\nlanguage: en\n")
    width = len(str(chapters))
    for index in range(chapters):
        text = writer.chapter(index)
        with open(f"{folder}/chapters/{index + 1:0{width}d}-chapter-{index + 1}.md", "w") as f:
            f.write(text)
        if hugo:
            os.makedirs(f"{hugo}/content/chapters", exist_ok=True)
            body = text.split("---\n", 2)[2]
            front = text.split("---\n", 2)[1]
            with open(f"{hugo}/content/chapters/chapter-{index + 1}.md", "w") as f:
                f.write(f"---\n{front}weight: {index + 1}\n---\n{body}")
    for index in range(max(1, chapters // 10)):
        text = writer.tips(index)
        with open(f"{folder}/tips/tips-{index + 1}.md", "w") as f:
            f.write(text)
        if hugo:
            os.makedirs(f"{hugo}/content/tips", exist_ok=True)
            with open(f"{hugo}/content/tips/tips-{index + 1}.md", "w") as f:
                f.write(text)
    if hugo:
        write_hugo_site(hugo, chapters)
    return 0


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


def write_hugo_site(folder, chapters):
    for path, text in HUGO_FILES.items():
        os.makedirs(os.path.dirname(f"{folder}/{path}") or folder, exist_ok=True)
        with open(f"{folder}/{path}", "w") as f:
            f.write(text)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

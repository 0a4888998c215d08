"""BENCHMARKS.md is written by several benchmarks, each owning one `## ` section of it."""
from pathlib import Path


def write_section(path, title, lines, replaces=()):
    """Replaces the section headed `## title` (or adds it), keeping the others. Sections titled
    as in `replaces` (a section renamed) are dropped, the new one taking the first's place."""
    path = Path(path)
    text = path.read_text() if path.exists() else "# Benchmarks\n"
    sections, current = [], None
    preamble = []
    for line in text.splitlines():
        if line.startswith("## "):
            current = [line]
            sections.append(current)
        elif current is None:
            preamble.append(line)
        else:
            current.append(line)
    new = [f"## {title}", ""] + lines + [""]
    titles = {f"## {t}" for t in (title, *replaces)}
    places = [index for index, section in enumerate(sections) if section[0] in titles]
    if places:
        sections[places[0]] = new
        sections = [s for index, s in enumerate(sections) if index not in places[1:]]
    else:
        sections.append(new)
    body = "\n".join(preamble).rstrip() + "\n\n" + "\n\n".join("\n".join(s).rstrip() for s in sections)
    path.write_text(body + "\n")

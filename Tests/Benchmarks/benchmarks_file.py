"""BENCHMARKS.md is written by several benchmarks, each owning one `## ` section of it."""
from pathlib import Path


def write_section(path, title, lines):
    """Replaces the section headed `## title` (or adds it), keeping the others."""
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
    for index, section in enumerate(sections):
        if section[0] == f"## {title}":
            sections[index] = new
            break
    else:
        sections.append(new)
    body = "\n".join(preamble).rstrip() + "\n\n" + "\n\n".join("\n".join(s).rstrip() for s in sections)
    path.write_text(body + "\n")

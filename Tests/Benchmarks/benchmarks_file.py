"""BENCHMARKS.md is written by several benchmarks, each owning one `## ` section of it."""
import os
import subprocess
from pathlib import Path


def work_folder():
    """Where a benchmark builds: BENCH_DIR (`make bench` sets it from bench_folder.sh), else the
    temporary folder."""
    return os.environ.get("BENCH_DIR") or None


def folder_note():
    """A sentence on the file system the outputs are written to, for BENCHMARKS.md."""
    folder = work_folder() or os.environ.get("TMPDIR", "/tmp")
    source, fstype = subprocess.run(["df", "--output=source,fstype", folder], capture_output=True, text=True).stdout.split()[-2:]
    device = os.path.basename(source)
    journaled = any(name.startswith(device + "-") for name in os.listdir("/proc/fs/jbd2")) if os.path.isdir("/proc/fs/jbd2") else False
    kind = f"{fstype} {'with' if journaled else 'without'} a journal" if fstype == "ext4" else fstype
    where = f"Outputs are written to {folder}, {kind}"
    if device.startswith("loop"):
        where += (" in a file mounted through a loop device: this machine's root file system is ext4 without a journal, "
                  "where creating a file reads the deletion time of each free inode it passes over, so that writing after "
                  "deletions was up to 20 times slower (`Tests/Benchmarks/bench_folder.sh`)")
    return where + "."


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

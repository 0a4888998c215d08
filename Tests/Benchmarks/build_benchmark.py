#!/usr/bin/env python3
"""Build benchmark (not a test): a whole `handbook build` against Hugo and against cmark alone,
on the same synthetic Markdown, side by side in one run on one machine.

For each size, generate_handbook.py writes the handbook and the same Markdown as a Hugo site
with minimal templates and a JSON index of every page. hyperfine times `handbook build`,
`hugo`, and `cmark` parsing and rendering every chapter and tip list; GNU time gives each
one's peak memory (maximum resident set size). The table goes to BENCHMARKS.md.

usage: build_benchmark.py HANDBOOK_BINARY OUTPUT_MARKDOWN [CHAPTERS ...]   (default 100 1000 10000)
"""
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from benchmarks_file import write_section  # noqa: E402


def peak_memory_kb(command):
    result = subprocess.run(["/usr/bin/time", "-v", "sh", "-c", command], capture_output=True, text=True)
    assert result.returncode == 0, f"{command} failed:\n{result.stderr[-2000:]}"
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))


def markdown_bytes(folder):
    return sum(path.stat().st_size for path in Path(folder).rglob("*.md"))


def measure(binary, chapters, work):
    handbook, hugo = work / "handbook", work / "hugo"
    subprocess.run([sys.executable, str(HERE / "generate_handbook.py"), str(chapters), str(handbook), "--hugo", str(hugo)], check=True)
    # (name, command, what to do before each run). The handbook is timed twice: into a new
    # folder, like Hugo into an emptied one, and again over its unchanged output, where it keeps
    # the files whose bytes did not change. Copying the output is the floor of writing it at all.
    commands = [
        ("handbook", f"{binary} build --content {handbook} --output {work / 'site-new'} --quiet", f"rm -rf {work / 'site-new'}"),
        ("handbook again", f"{binary} build --content {handbook} --output {work / 'site'} --quiet", "true"),
        ("hugo", f"hugo --source {hugo} --destination {work / 'hugo-site'} --quiet", f"rm -rf {work / 'hugo-site'}"),
        ("cmark", f"cmark {handbook}/chapters/*.md {handbook}/tips/*.md > /dev/null", "true"),
        ("copy", f"cp -r {work / 'site'} {work / 'site-copy'}", f"rm -rf {work / 'site-copy'}"),
    ]
    runs = "3" if chapters <= 1000 else "2"
    export = work / "hyperfine.json"
    arguments = ["hyperfine", "--style", "basic", "--warmup", "1", "--runs", runs, "--export-json", str(export)]
    for name, command, prepare in commands:
        arguments += ["--command-name", name, "--prepare", prepare, command]
    subprocess.run(arguments, check=True)
    results = {entry["command"]: entry for entry in json.loads(export.read_text())["results"]}
    row = {
        "chapters": chapters,
        "markdown": markdown_bytes(handbook),
        "pages": sum(1 for _ in (work / "site").rglob("*.html")),
        "hugo_pages": sum(1 for _ in (work / "hugo-site").rglob("*.html")),
    }
    for name, _, _ in commands:
        row[name] = results[name]["median"]
    for name, command, prepare in (entry for entry in commands if entry[0] in ("handbook", "hugo")):
        subprocess.run(prepare, shell=True, check=True)
        row[name + "_memory"] = peak_memory_kb(command) * 1024
    return row


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary, output = argv[0], argv[1]
    sizes = [int(size) for size in argv[2:]] or [100, 1000, 10000]
    rows = []
    for chapters in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"handbook-build-bench-{chapters}-"))
        try:
            rows.append(measure(binary, chapters, work))
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(rows[-1], flush=True)

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.machine())
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    cmark_version = subprocess.run(["cmark", "--version"], capture_output=True, text=True).stdout.split()[1]
    lines = [
        f"Measured on {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; Hugo {hugo_version}, "
        f"cmark {cmark_version}. Synthetic handbooks from `generate_handbook.py N --hugo`; the Hugo site has minimal "
        "templates (a layout, single and list pages, the home page) and a JSON index of every page with its plain text. "
        "Times are hyperfine medians (3 runs after a warm-up; 2 at 10,000 chapters). \"new folder\": the build into a "
        "folder emptied before each run, as Hugo's is; \"unchanged output\": the build again over its own output, whose "
        "unchanged files it keeps; \"copy\": `cp -r` of the handbook's output, the time of writing those files at all. "
        "Memory is the peak resident set (GNU time) of a build into a new folder. Targets (issue 9): handbook at most "
        "0.5 × Hugo and 5 × cmark; 10,000 chapters within 12 × 1,000; peak memory at 10,000 chapters at most 3 × the Markdown.",
        "",
        "| chapters | Markdown | handbook pages | Hugo pages | handbook, new folder (s) | handbook, unchanged output (s) | Hugo (s) | cmark (s) | copy of the output (s) | handbook ÷ Hugo | handbook ÷ cmark | copy ÷ Hugo | handbook peak memory | ÷ Markdown | Hugo peak memory |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        lines.append(
            f"| {row['chapters']:,} | {row['markdown'] / 1e6:.1f} MB | {row['pages']:,} | {row['hugo_pages']:,} "
            f"| {row['handbook']:.2f} | {row['handbook again']:.2f} | {row['hugo']:.2f} | {row['cmark']:.3f} | {row['copy']:.2f} "
            f"| {row['handbook'] / row['hugo']:.1f} | {row['handbook'] / row['cmark']:.0f} | {row['copy'] / row['hugo']:.2f} "
            f"| {row['handbook_memory'] / 1e6:,.0f} MB | {row['handbook_memory'] / row['markdown']:.1f} | {row['hugo_memory'] / 1e6:,.0f} MB |")
    by_size = {row["chapters"]: row for row in rows}
    if 1000 in by_size and 10000 in by_size:
        lines += ["", f"Scaling: 10,000 chapters take {by_size[10000]['handbook'] / by_size[1000]['handbook']:.1f} × "
                  "the time of 1,000 (linear: 10 ×)."]
    write_section(output, "Build against Hugo and cmark", lines)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

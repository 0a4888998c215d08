#!/usr/bin/env python3
"""Preview benchmark (not a test): how long `handbook serve` takes from saving a chapter to
serving the changed page, on a synthetic handbook of 1,000 chapters (or CHAPTERS).

It starts `handbook serve` as an author would, edits one chapter several times (a word in its
text, then a rule's title, which other chapters cite), and times each edit from the moment the
file is saved to the moment the server answers with the new page, polling every 5 ms. The
rebuild time the server itself reports is given too; the difference is mostly the watcher,
which inotify tells of each change. The target: saved to served in at most 100 ms (median)
and 150 ms (95th percentile) over all the edits.

usage: rebuild_benchmark.py HANDBOOK_BINARY OUTPUT_MARKDOWN [CHAPTERS]
"""
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from benchmarks_file import folder_note, work_folder, write_section  # noqa: E402

EDITS = 20  # half of each kind; enough for a 95th percentile


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url, timeout=5):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode(errors="replace")
    except OSError:
        return ""


def p95(values):
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def main(argv):
    binary, output_markdown = argv[0], argv[1]
    chapters = int(argv[2]) if len(argv) > 2 else 1000
    work = Path(tempfile.mkdtemp(prefix="handbook-rebuild-bench-", dir=work_folder()))
    content = work / "Content"
    subprocess.run([sys.executable, str(HERE / "generate_handbook.py"), str(chapters), str(content)], check=True)
    chapter = sorted((content / "chapters").iterdir())[chapters // 2 - 1]
    slug = re.sub(r"^\d+-", "", chapter.stem)
    port = free_port()
    server = subprocess.Popen(
        [binary, "serve", "--content", str(content), "--output", str(work / "Site"), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    threading.Thread(target=lambda: [lines.append(line.rstrip()) for line in server.stdout], daemon=True).start()
    base = f"http://127.0.0.1:{port}/"
    page = f"{base}chapters/{slug}.html"
    try:
        started = time.time()
        while "Serving" not in "\n".join(lines):
            if time.time() - started > 600 or server.poll() is not None:
                raise SystemExit("serve did not start:\n" + "\n".join(lines))
            time.sleep(0.1)
        first_build = next(line for line in lines if line.startswith("Built"))
        kinds = {"a word of the text": {"latency": [], "rebuild": [], "rendered": []},
                 "the title of a cited rule": {"latency": [], "rebuild": [], "rendered": []}}
        for number in range(EDITS):
            marker = f"Benchmarkedit{number}x"
            text = chapter.read_text()
            if number % 2 == 0:
                # A word of the chapter's first paragraph.
                text = re.sub(r"(\n\n)(\S+)", lambda m: m.group(1) + marker, text, count=1)
            else:
                # The title of the chapter's first rule, which other chapters cite.
                text = re.sub(r"(\n## [A-Z0-9]+-\d+ )(\S+)", lambda m: m.group(1) + marker, text, count=1)
            count = len(lines)
            saved = time.perf_counter()
            chapter.write_text(text)
            while marker not in fetch(page):
                if time.perf_counter() - saved > 60:
                    raise SystemExit("the edit was never served:\n" + "\n".join(lines[count:]))
                time.sleep(0.005)
            kind = kinds["a word of the text" if number % 2 == 0 else "the title of a cited rule"]
            kind["latency"].append((time.perf_counter() - saved) * 1000)
            while not any(line.startswith("Rebuilt") for line in lines[count:]):
                time.sleep(0.01)
            report = next(line for line in lines[count:] if line.startswith("Rebuilt"))
            kind["rebuild"].append(float(re.search(r" in ([\d.]+) s", report).group(1)) * 1000)
            kind["rendered"].append(int(re.match(r"Rebuilt (\d+) of (\d+)", report).group(1)))
            total = int(re.match(r"Rebuilt (\d+) of (\d+)", report).group(2))
            time.sleep(0.3)
        editions = {}
        for name, path in [("search index", "search-index.js"), ("handbook.json", "handbook.json"),
                           ("print edition", "print.html"), ("EPUB", "handbook.epub"),
                           ("offline copy (and the home page's sizes)", "handbook-offline.zip")]:
            started = time.perf_counter()
            if not fetch(base + path, timeout=600) and path.endswith((".js", ".json", ".html")):
                raise SystemExit(f"{path} was not served")
            editions[name] = (time.perf_counter() - started) * 1000
    finally:
        server.terminate()
        server.wait(timeout=600)
        shutil.rmtree(work, ignore_errors=True)

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.machine())
    latencies = [ms for kind in kinds.values() for ms in kind["latency"]]
    median, high = statistics.median(latencies), p95(latencies)
    verdict = "met" if median <= 100 and high <= 150 else "**not met**"
    body = [
        f"Measured on {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}. "
        f"`handbook serve` on `generate_handbook.py {chapters}` ({total:,} pages); {EDITS} edits of one chapter, "
        "alternately a word of its text and the title of its first rule (cited from other chapters). "
        "Saved to served: from writing the file to the server answering with the new page "
        "(polling every 5 ms; the watcher is told of changes by inotify and waits 5 ms after a completed save, 15 ms after other changes, for more). Rebuild: the time the server reports. "
        + folder_note(),
        "",
        "| edit | saved to served, median (ms) | p95 (ms) | max (ms) | rebuild, median (ms) | max (ms) | pages rendered again |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ] + [
        f"| {name} | {statistics.median(k['latency']):.0f} | {p95(k['latency']):.0f} | {max(k['latency']):.0f} | "
        f"{statistics.median(k['rebuild']):.0f} | {max(k['rebuild']):.0f} | {statistics.median(k['rendered']):.0f} |"
        for name, k in kinds.items()
    ] + [
        "",
        f"First build when serve starts: `{first_build}`.",
        "",
        "Each edition is written when first asked for after a change; asking for each in turn after the last edit took:",
        "",
        "| edition | ms |",
        "| --- | ---: |",
    ] + [f"| {name} | {ms:,.0f} |" for name, ms in editions.items()] + [
        "",
        f"Target, saved to served over all {EDITS} edits: median at most 100 ms, 95th percentile at most 150 ms. "
        f"Measured: median {median:.0f} ms, 95th percentile {high:.0f} ms: {verdict}.",
    ]
    print("\n".join(body))
    write_section(output_markdown, "Preview rebuild", body)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

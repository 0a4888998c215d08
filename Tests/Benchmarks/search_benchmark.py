#!/usr/bin/env python3
"""Search benchmark (not a test): index size per page, and index load and query times in
headless Chromium, for the default handbook and a synthetic handbook of 1,000 chapters.

usage: search_benchmark.py HANDBOOK_BINARY OUTPUT_MARKDOWN
"""
import gzip
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from benchmarks_file import write_section  # noqa: E402
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "Tests" / "Browser"))
import sitecheck  # noqa: E402

MEASURE = """
const done = arguments[arguments.length - 1];
const queries = arguments[0];
const longest = {value: 0};
try {
  new PerformanceObserver(list => list.getEntries().forEach(e => { longest.value = Math.max(longest.value, e.duration); }))
    .observe({type: 'longtask', buffered: true});
} catch (e) {}
const started = performance.now();
handbookSearch.load().then(index => {
  const loaded = performance.now() - started;
  // The longest task while the page loaded and the index was prepared, read before the
  // queries run (this loop of queries is one long task of its own).
  setTimeout(() => {
    const longestWhileLoading = longest.value;
    const times = [];
    let results = 0;
    for (const q of queries) {
      for (let repeat = 0; repeat < 5; repeat++) {
        const t = performance.now();
        const r = handbookSearch.search(index, q);
        times.push(performance.now() - t);
        if (repeat === 0 && r.pages.length) results++;
      }
    }
    done({loaded, times, results, longest: longestWhileLoading});
  }, 100);
});
"""


def build(binary, content, output):
    subprocess.run([binary, "build", "--content", str(content), "--templates", str(REPO / "Templates"),
                    "--output", str(output)], check=True, capture_output=True)


def synthetic_queries(site, count=60):
    index = json.loads((site / "search-index.json").read_text())
    rng = random.Random(7)
    words = [w for w in index["words"][:3000] if w.isalpha() and len(w) >= 4]
    queries = []
    for n in range(count):
        word = rng.choice(words).lower()
        kind = n % 4
        if kind == 0:
            queries.append(word)
        elif kind == 1:
            queries.append(word + " " + rng.choice(words).lower())
        elif kind == 2:
            queries.append(word[:3])
        else:
            position = rng.randrange(1, len(word) - 1)
            queries.append(word[:position] + word[position + 1:] + "x")
    return queries


def measure(driver, site, queries):
    driver.get((site / "search.html").resolve().as_uri())
    return driver.execute_async_script(MEASURE, queries)


def main(argv):
    binary, output_markdown = argv[0], argv[1]
    work = Path(tempfile.mkdtemp(prefix="handbook-search-bench-"))
    golden = [q["query"] for q in json.loads((REPO / "Tests" / "Browser" / "search-golden.json").read_text())["queries"]]
    subprocess.run([sys.executable, str(HERE / "generate_handbook.py"), "1000", str(work / "synthetic")], check=True)
    cases = [("default handbook", REPO / "Content", golden), ("synthetic, 1,000 chapters", work / "synthetic", None)]
    driver = sitecheck.make_driver()
    browser = f"Chromium {driver.capabilities.get('browserVersion', '?')}"
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.machine())
    rows = []
    try:
        for name, content, queries in cases:
            site = work / (name.split(",")[0].replace(" ", "-") + "-site")
            build(binary, content, site)
            handbook = json.loads((site / "handbook.json").read_text())
            pages = len(handbook["chapters"]) + len(handbook["tipLists"])
            data = (site / "search-index.json").read_bytes()
            gzipped = len(gzip.compress(data, 9))
            queries = queries or synthetic_queries(site)
            result = measure(driver, site, queries)
            rows.append({
                "name": name, "pages": pages, "sections": len(json.loads(data)["sections"]),
                "bytes": len(data), "gzip": gzipped, "per_page": len(data) / pages, "gzip_per_page": gzipped / pages,
                "load_ms": result["loaded"], "longest_task_ms": result["longest"],
                "median_ms": statistics.median(result["times"]), "p95_ms": sorted(result["times"])[int(len(result["times"]) * 0.95)],
                "queries": len(queries), "answered": result["results"],
            })
    finally:
        driver.quit()

    lines = [
        f"Measured on {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, headless {browser}. "
        "The index is loaded from the disk (file://); each query runs 5 times through `handbookSearch.search`. "
        "The synthetic handbook comes from `Tests/Benchmarks/generate_handbook.py 1000` and its queries are "
        "its own words, word pairs, 3-letter prefixes and misspellings; the default handbook's are the golden queries.",
        "",
        "| handbook | pages | sections | index bytes | gzipped | bytes per page | gzipped per page | load + prepare (ms) | longest task while loading (ms; 0: none over 50) | median query (ms) | p95 query (ms) | queries (with results) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        lines.append(
            f"| {r['name']} | {r['pages']} | {r['sections']} | {r['bytes']:,} | {r['gzip']:,} | {r['per_page']:,.0f} | "
            f"{r['gzip_per_page']:,.0f} | {r['load_ms']:.0f} | {r['longest_task_ms']:.0f} | {r['median_ms']:.2f} | {r['p95_ms']:.2f} | "
            f"{r['queries']} ({r['answered']}) |")
    print("\n".join(lines))
    write_section(output_markdown, "Search", lines)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

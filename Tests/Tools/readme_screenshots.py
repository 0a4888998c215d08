#!/usr/bin/env python3
"""Refreshes the README's screenshots: every page kind of the default handbook (and the withdrawn
rule's page, from the editions fixture, which the default handbook has none of) at 390 and
1280 px, light and dark, in headless Chromium under the strict CSP, as WebP files in
docs/screenshots/, and the README's table of them between its screenshot markers.
Run by `make screenshots`; HANDBOOK names the built tool."""
import base64
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "Tests" / "Browser"))
import sitecheck  # noqa: E402
from conftest import PREVIOUS, HANDBOOKS, page_kinds  # noqa: E402

FOLDER = ROOT / "docs" / "screenshots"
README = ROOT / "README.md"
START, END = "<!-- screenshots -->", "<!-- /screenshots -->"
SIZES = {"desktop": sitecheck.DESKTOP, "phone": sitecheck.PHONE}
SCHEMES = ["light", "dark"]
NAMES = {
    "home": "Home page", "chapter": "Chapter", "rules-index": "All rules", "rule": "Rule",
    "tip-list": "Tip list", "search": "Search", "print": "Print edition (on screen)",
    "not-found": "Missing page (404)", "embed-chapter": "Embedded chapter", "embed-rule": "Embedded rule",
    "embed-index": "Embedding guide", "changes": "Changes since the previous edition",
    "changed-rule": "A changed rule", "withdrawn-rule": "A withdrawn rule",
}


def build(handbook, content, output, *extra):
    subprocess.run([handbook, "build", "--content", str(content), "--templates", str(ROOT / "Templates"),
                    "--output", str(output), "--strict", *extra], check=True, capture_output=True)


def capture(driver, url, size, scheme, target):
    sitecheck.set_view(driver, size, scheme)
    driver.get(url)
    if "search.html" in url:
        sitecheck.wait_for_search(driver)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "webp", "quality": 70})
    target.write_bytes(base64.b64decode(shot["data"]))


def table(kinds):
    header = "| page | 1280 px, light | 1280 px, dark | 390 px, light | 390 px, dark |\n| --- | --- | --- | --- | --- |\n"
    rows = []
    for kind in kinds:
        cells = []
        for size, width in (("desktop", 240), ("phone", 100)):
            for scheme in SCHEMES:
                name = f"{kind}-{size}-{scheme}.webp"
                cells.append(f'<a href="docs/screenshots/{name}"><img src="docs/screenshots/{name}" width="{width}" alt="{NAMES[kind]}, {SIZES[size][0]} px, {scheme}"></a>')
        rows.append(f"| {NAMES[kind]} | " + " | ".join(cells) + " |")
    return header + "\n".join(rows) + "\n"


def main():
    handbook = os.environ["HANDBOOK"]
    work = Path(tempfile.mkdtemp(prefix="handbook-screenshots-"))
    default, previous, editions = work / "default", work / "previous", work / "editions"
    build(handbook, HANDBOOKS["default"], default)
    build(handbook, PREVIOUS["editions"], previous)
    build(handbook, HANDBOOKS["editions"], editions, "--previous", str(previous / "handbook.json"))
    pages = [(kind, "default", path) for kind, path in page_kinds(default).items()]
    seen = {kind for kind, _, _ in pages}
    pages += [(kind, "editions", path) for kind, path in page_kinds(editions).items() if kind not in seen]
    FOLDER.mkdir(parents=True, exist_ok=True)
    for old in FOLDER.glob("*.webp"):
        old.unlink()
    driver = sitecheck.make_driver(temporary_folder=work)
    servers = {"default": sitecheck.CSPServer(default).__enter__(), "editions": sitecheck.CSPServer(editions).__enter__()}
    try:
        for kind, site, path in pages:
            for size in SIZES:
                for scheme in SCHEMES:
                    capture(driver, servers[site].base + path, SIZES[size], scheme, FOLDER / f"{kind}-{size}-{scheme}.webp")
    finally:
        driver.quit()
        for server in servers.values():
            server.__exit__()
    readme = README.read_text()
    before, rest = readme.split(START, 1)
    _, after = rest.split(END, 1)
    README.write_text(before + START + "\n" + table([kind for kind, _, _ in pages]) + END + after)
    print(f"{len(pages) * 4} screenshots in {FOLDER.relative_to(ROOT)}; README's table refreshed")


if __name__ == "__main__":
    main()

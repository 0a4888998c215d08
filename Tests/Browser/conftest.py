"""Shared set-up of the browser-and-validator stage: fresh builds of the handbooks, one
headless Chromium, and a server per site that adds a strict Content-Security-Policy."""
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

import sitecheck

REPO = Path(__file__).resolve().parents[2]
HANDBOOKS = {
    "default": REPO / "Content",
    "awkward": REPO / "Tests" / "HandbookKitTests" / "Fixtures" / "awkward",
    "editions": REPO / "Tests" / "HandbookKitTests" / "Fixtures" / "editions" / "second",
    "catalogue": REPO / "Tests" / "HandbookKitTests" / "Fixtures" / "engineering-catalogue",
    # Handbooks with their own identifier grammars (rule_id_pattern, rule_id_position, id:).
    "coding-guidelines": REPO / "Tests" / "HandbookKitTests" / "Fixtures" / "coding-guidelines",
    "api-guidelines": REPO / "Tests" / "HandbookKitTests" / "Fixtures" / "api-guidelines",
    "security-standard": REPO / "Tests" / "HandbookKitTests" / "Fixtures" / "security-standard",
    "engineering-standards": REPO / "Tests" / "HandbookKitTests" / "Fixtures" / "engineering-standards",
    "clinical-policies": REPO / "Tests" / "HandbookKitTests" / "Fixtures" / "clinical-policies",
    # A consultation draft (broken_links: warning): its links with no target are shown as text.
    "drafts": REPO / "Tests" / "HandbookKitTests" / "Fixtures" / "draft-procedures",
}
# Handbooks built without --strict, with the warnings each is meant to give: the awkward
# fixture's hostile raw HTML is dropped, and the build says so (markdown.htmlDropped); the
# draft's placeholder links are reported, and built as text.
EXPECTED_WARNINGS = {
    "awkward": ["markdown.htmlDropped"],
    "drafts": ["link.anchor", "link.broken", "rule.unknown"],
}
# Handbooks built against a previous edition: the content of that edition, built first.
PREVIOUS = {
    "editions": REPO / "Tests" / "HandbookKitTests" / "Fixtures" / "editions" / "first",
}


def handbook_binary():
    if os.environ.get("HANDBOOK"):
        return os.environ["HANDBOOK"]
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    return str(Path(bin_path) / "handbook")


@pytest.fixture(scope="session")
def workdir():
    folder = Path(tempfile.mkdtemp(prefix="handbook-browser-"))
    # linkchecker drops root privileges to "nobody", which must be able to read the sites.
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def sites(workdir):
    """Each handbook, built fresh with the default templates."""
    def build(name, content, output, *extra):
        expected = EXPECTED_WARNINGS.get(name)
        strict = [] if expected else ["--strict"]
        result = subprocess.run(
            [handbook_binary(), "build", "--content", str(content), "--templates", str(REPO / "Templates"),
             "--output", str(output), *strict, *extra], capture_output=True, text=True)
        assert result.returncode == 0, f"building {name} failed:\n{result.stderr}"
        if expected:
            check = subprocess.run(
                [handbook_binary(), "check", "--content", str(content), "--templates", str(REPO / "Templates"),
                 "--format", "json"], capture_output=True, text=True)
            codes = [problem["code"] for problem in json.loads(check.stdout)]
            assert codes == expected, f"{name} should warn only {expected}:\n{check.stdout}"

    built = {}
    for name, content in HANDBOOKS.items():
        extra = []
        if name in PREVIOUS:
            previous = workdir / (name + "-previous")
            build(name + " (previous edition)", PREVIOUS[name], previous)
            extra = ["--previous", str(previous / "handbook.json")]
        build(name, content, workdir / name, *extra)
        built[name] = workdir / name
    return built


def page_kinds(site):
    """One page of every kind, from the site's handbook.json."""
    index = json.loads((Path(site) / "handbook.json").read_text())
    kinds = {
        "home": "index.html",
        "chapter": index["chapters"][0]["url"],
        "rules-index": "rules/index.html",
        "rule": index["rules"][0]["permalink"],
    }
    if index["tipLists"]:
        kinds["tip-list"] = index["tipLists"][0]["url"]
    kinds["search"] = "search.html?q=" + index["rules"][0]["id"]
    kinds["print"] = "print.html"
    if (Path(site) / "404.html").is_file():
        # An address with no page, a level down, as a mistyped link gives it.
        kinds["not-found"] = "chapters/no-such-page.html"
    kinds["embed-chapter"] = "embed/" + index["chapters"][0]["url"]
    kinds["embed-rule"] = "embed/" + index["rules"][0]["permalink"]
    kinds["embed-index"] = "embed/index.html"
    if "changes" in index:
        kinds["changes"] = index["changes"]["url"]
        changed = [c for c in index["changes"]["rules"] if "withdrawn" not in c["kinds"] and "added" not in c["kinds"]]
        kinds["changed-rule"] = "rules/" + changed[0]["id"] + ".html"
    if index.get("withdrawn"):
        kinds["withdrawn-rule"] = index["withdrawn"][0]["permalink"]
    return kinds


@pytest.fixture(scope="session")
def driver():
    folder = Path(tempfile.mkdtemp(prefix="handbook-chromium-"))
    browser = sitecheck.make_driver(temporary_folder=folder)
    yield browser
    browser.quit()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def servers(sites):
    running = {name: sitecheck.CSPServer(path).__enter__() for name, path in sites.items()}
    yield {name: server.base for name, server in running.items()}
    for server in running.values():
        server.__exit__()


@pytest.fixture
def tmp_path():
    """A fresh folder for one test, removed when the test ends (pytest's own tmp_path keeps the
    folders of the last three runs in the temporary directory)."""
    folder = Path(tempfile.mkdtemp(prefix="handbook-browser-test-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def screenshot_folder():
    """SCREENSHOTS, kept for people to look at; without it, a temporary folder removed at the end."""
    if os.environ.get("SCREENSHOTS"):
        folder = Path(os.environ["SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        yield folder
        return
    folder = Path(tempfile.mkdtemp(prefix="handbook-screenshots-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)

"""The browser-and-validator stage on fresh builds of the default handbook and the fixtures."""
import json
import re
from pathlib import Path

import pytest

import sitecheck
from conftest import HANDBOOKS, REPO, page_kinds

SCHEMES = ["light", "dark"]
SIZES = {"phone": sitecheck.PHONE, "desktop": sitecheck.DESKTOP}
KINDS = ["home", "chapter", "rules-index", "rule", "tip-list", "search", "print", "embed-chapter", "embed-rule", "embed-index",
         "not-found"]
# Every page kind of the default handbook, the awkward fixture and the catalogue (with parts); of
# the second edition of the editions fixture, the pages that show changes.
PAGES = [(name, kind) for name in ("default", "awkward", "catalogue") for kind in KINDS] + [
    ("editions", kind) for kind in ("changes", "withdrawn-rule", "changed-rule", "chapter", "rules-index", "embed-rule")
] + [
    # Callouts and old anchors' elements, wherever the content is shown.
    ("clinical-policies", kind) for kind in ("chapter", "rule", "print", "embed-chapter", "embed-rule")
]


def html_files(site):
    return sorted(Path(site).rglob("*.html"))


def test_every_page_is_valid_html(sites):
    files = [f for site in sites.values() for f in html_files(site)]
    assert len(files) > 80
    assert sitecheck.validate_html(files) == []


@pytest.mark.parametrize("name", HANDBOOKS)
def test_no_broken_links_or_anchors(sites, name):
    findings, checked = sitecheck.check_links(sites[name])
    assert findings == []
    assert checked >= len(html_files(sites[name]))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name,kind", PAGES)
def test_accessibility(sites, servers, driver, name, kind, scheme, size):
    path = page_kinds(sites[name])[kind]
    findings, version = sitecheck.run_axe(driver, servers[name] + path, SIZES[size], scheme, page_name=path)
    if kind == "search":
        assert driver.execute_script("return document.querySelectorAll('#search-results li').length") > 0
    assert version and version.startswith("4.")
    assert findings == []


@pytest.mark.parametrize("name", HANDBOOKS)
def test_every_page_works_under_strict_csp(sites, servers, driver, name):
    pages = [p.relative_to(sites[name]).as_posix() for p in html_files(sites[name])]
    findings = []
    for page in pages:
        findings += sitecheck.csp_problems(driver, servers[name] + page, page_name=page)
    assert findings == []


def test_keyboard_skip_link_first_and_visible_focus(sites, servers, driver):
    chapter = page_kinds(sites["default"])["chapter"]
    findings, focused = sitecheck.keyboard_problems(driver, servers["default"] + chapter, page_name=chapter)
    assert findings == []
    assert focused > 20


def test_screenshots_of_every_page_kind(sites, servers, driver, screenshot_folder):
    print(f"\nScreenshots: {screenshot_folder}")
    for kind, path in page_kinds(sites["default"]).items():
        for size_name, size in SIZES.items():
            target = screenshot_folder / f"{kind}-{size_name}.png"
            sitecheck.screenshot(driver, servers["default"] + path, target, size)
            assert target.stat().st_size > 5000, f"{target} looks empty"


def webp_size(path):
    """A WebP image's width and height, from its header (extended VP8X, lossy VP8 or lossless VP8L)."""
    data = path.read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP", f"{path} is not WebP"
    chunk = data[12:16]
    if chunk == b"VP8 ":
        return int.from_bytes(data[26:28], "little") & 0x3FFF, int.from_bytes(data[28:30], "little") & 0x3FFF
    if chunk == b"VP8X":
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    if chunk == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    raise AssertionError(f"{path}: unexpected WebP chunk {chunk!r}")


def test_the_readme_shows_every_page_kind_at_both_widths_in_light_and_dark(sites):
    """`make screenshots` keeps these; a page kind added without them fails here."""
    readme = (REPO / "README.md").read_text()
    table = readme.split("<!-- screenshots -->", 1)[1].split("<!-- /screenshots -->", 1)[0]
    kinds = set(page_kinds(sites["default"])) | set(page_kinds(sites["editions"]))
    for kind in sorted(kinds):
        for size, (width, height) in SIZES.items():
            for scheme in ("light", "dark"):
                name = f"docs/screenshots/{kind}-{size}-{scheme}.webp"
                assert f'src="{name}"' in table, f"the README has no {name}"
                assert webp_size(REPO / name) == (width, height), name
    shown = set(re.findall(r'src="(docs/screenshots/[^"]+)"', table))
    assert shown == {str(p.relative_to(REPO)) for p in (REPO / "docs" / "screenshots").glob("*.webp")}


@pytest.mark.parametrize("scheme,expected", [("light", "rgb(255, 255, 255)"), ("dark", "rgb(20, 23, 27)")])
@pytest.mark.parametrize("size", SIZES)
def test_views_are_really_emulated(sites, servers, driver, scheme, expected, size):
    """The colour scheme and width the accessibility checks ask for are what the page gets."""
    sitecheck.set_view(driver, SIZES[size], scheme)
    driver.get(servers["default"] + "index.html")
    assert driver.execute_script("return getComputedStyle(document.body).backgroundColor") == expected
    assert driver.execute_script("return innerWidth") == SIZES[size][0]


@pytest.mark.parametrize("name", HANDBOOKS)
def test_handbook_json_matches_its_schema(sites, name):
    import jsonschema

    site = Path(sites[name])
    schema = json.loads((site / "handbook.schema.json").read_text())
    index = json.loads((site / "handbook.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in jsonschema.Draft202012Validator(schema).iter_errors(index)]
    assert errors == []
    if name == "editions":
        assert {change["id"] for change in index["changes"]["rules"]} == {"BAS-2", "BAS-3", "BAS-4", "BAS-5", "SEC-1", "SHR-1"}


def test_changes_page_links_every_change_and_is_linked_from_every_page(sites):
    site = Path(sites["editions"])
    changes = (site / "changes.html").read_text()
    for rule in ("BAS-2", "BAS-3", "BAS-4", "BAS-5", "SEC-1", "SHR-1"):
        assert f'id="{rule}"' in changes
    pages = [p for p in html_files(site) if not p.is_relative_to(site / "embed")]
    assert pages and all("What changed since edition 2025" in p.read_text() for p in pages)

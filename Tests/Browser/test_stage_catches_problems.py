"""A test of the tests: a deliberately broken site must make every check fail, naming the page
and the problem."""
from pathlib import Path

import pytest

import sitecheck

BROKEN = Path(__file__).parent / "fixtures" / "broken-site"


@pytest.fixture(scope="module")
def broken_server():
    with sitecheck.CSPServer(BROKEN) as server:
        yield server.base


def test_validator_reports_image_without_alt():
    findings = sitecheck.validate_html([BROKEN / "index.html"])
    assert any("index.html" in f and "alt" in f for f in findings), findings


def test_axe_reports_image_without_alt(driver, broken_server):
    findings, _ = sitecheck.run_axe(driver, broken_server + "index.html", sitecheck.DESKTOP, "light", page_name="index.html")
    assert any(f.startswith("index.html") and "image-alt" in f for f in findings), findings


def test_linkchecker_reports_broken_link_and_anchor():
    findings, _ = sitecheck.check_links(BROKEN)
    assert any(f.startswith("index.html") and "missing.html" in f for f in findings), findings
    assert any("broken anchor" in f and "#nowhere" in f for f in findings), findings


def test_csp_check_reports_inline_script(driver, broken_server):
    findings = sitecheck.csp_problems(driver, broken_server + "index.html", page_name="index.html")
    assert any(f.startswith("index.html") and "Content Security Policy" in f for f in findings), findings


def test_keyboard_check_reports_missing_skip_link(driver, broken_server):
    findings, _ = sitecheck.keyboard_problems(driver, broken_server + "index.html", page_name="index.html")
    assert any("not the skip link" in f for f in findings), findings


def test_keyboard_check_reports_invisible_focus(driver, broken_server):
    findings, _ = sitecheck.keyboard_problems(driver, broken_server + "other.html", page_name="other.html")
    assert any(f.startswith("other.html: no visible focus indicator") for f in findings), findings

"""Callouts and old anchors in Chromium, on the clinical-policies fixture: each kind of callout
has colours of its own in light and dark that meet contrast, is named for assistive technology,
and passes axe; an old anchor kept under `anchors:` lands on its heading."""
import pytest

import sitecheck
from conftest import page_kinds

KINDS = ["note", "tip", "important", "warning", "caution"]
CHAPTER = "chapters/infection-prevention.html"


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def parse(color):
    """`rgb(r, g, b)` or `rgba(r, g, b, a)` as a tuple of three numbers."""
    inside = color[color.index("(") + 1:color.index(")")]
    return tuple(float(part) for part in inside.split(",")[:3])


def callout_colours(driver):
    return driver.execute_script("""
        return arguments[0].map(kind => {
          const box = document.querySelector('.callout-' + kind);
          if (!box) return null;
          const title = box.querySelector('.callout-title');
          const text = box.querySelector('p:not(.callout-title)');
          const style = getComputedStyle(box);
          return {kind, border: style.borderLeftColor, background: style.backgroundColor,
                  title: getComputedStyle(title).color, text: getComputedStyle(text).color,
                  titleText: title.textContent};
        });""", KINDS)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_callout_colours_differ_by_kind_and_meet_contrast(servers, driver, scheme):
    sitecheck.set_view(driver, sitecheck.DESKTOP, scheme)
    driver.get(servers["clinical-policies"] + CHAPTER)
    colours = callout_colours(driver)
    assert all(colours), f"a kind of callout is missing: {colours}"
    assert len({c["border"] for c in colours}) == len(KINDS), colours
    assert len({c["background"] for c in colours}) == len(KINDS), colours
    for c in colours:
        background = parse(c["background"])
        assert contrast(parse(c["title"]), background) >= 4.5, c
        assert contrast(parse(c["text"]), background) >= 4.5, c
        # The border sets the box apart from the page (WCAG 1.4.11, 3:1 for graphics).
        page = parse(driver.execute_script("return getComputedStyle(document.body).backgroundColor"))
        assert contrast(parse(c["border"]), page) >= 3, c
        assert c["titleText"] == c["kind"].capitalize()


def test_callout_colours_change_with_the_scheme(servers, driver):
    found = {}
    for scheme in ("light", "dark"):
        sitecheck.set_view(driver, sitecheck.DESKTOP, scheme)
        driver.get(servers["clinical-policies"] + CHAPTER)
        found[scheme] = callout_colours(driver)
    for light, dark in zip(found["light"], found["dark"]):
        assert light["background"] != dark["background"], light["kind"]
        assert light["title"] != dark["title"], light["kind"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_callouts_pass_axe_and_are_named(sites, servers, driver, scheme):
    findings, version = sitecheck.run_axe(driver, servers["clinical-policies"] + CHAPTER, sitecheck.DESKTOP, scheme, page_name=CHAPTER)
    assert version and findings == []
    from selenium.webdriver.common.by import By
    for kind in KINDS:
        box = driver.find_element(By.CSS_SELECTOR, ".callout-" + kind)
        assert box.aria_role == "note"
        assert box.accessible_name == kind.capitalize()
        assert box.find_element(By.CSS_SELECTOR, ".callout-title").is_displayed()


@pytest.mark.parametrize("alias,target", [
    ("hand-hygiene-policy", "IPC-1"), ("old-scope", "scope"), ("ipc-isolation", "IPC-3"), ("hand-hygiene", "IPC-1"),
])
def test_an_old_anchor_scrolls_to_its_heading(servers, driver, alias, target):
    sitecheck.set_view(driver, sitecheck.PHONE, "light")
    driver.get(servers["clinical-policies"] + CHAPTER + "#" + alias)
    top, scrolled = driver.execute_script(
        "return [document.getElementById(arguments[0]).getBoundingClientRect().top, window.scrollY]", target)
    assert scrolled > 0, "the page did not scroll"
    assert -2 <= top <= 80, f"#{target} is at {top}px from the top after opening #{alias}"


def test_links_to_old_anchors_point_at_the_heading(sites):
    medicines = (sites["clinical-policies"] / "chapters" / "medicines.html").read_text()
    assert 'href="../chapters/infection-prevention.html#IPC-1"' in medicines
    assert "#hand-hygiene-policy" not in medicines
    assert page_kinds(sites["clinical-policies"])["chapter"] == CHAPTER

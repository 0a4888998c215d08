"""Parts in a real browser: the engineering-catalogue fixture's navigation and contents, as
Chromium's accessibility tree and layout show them, at phone and desktop widths, checked by axe."""
import pytest

import sitecheck

SIZES = {"phone": sitecheck.PHONE, "desktop": sitecheck.DESKTOP}

NAVIGATION = """
const nav = document.querySelector('nav.chapter-nav');
const style = getComputedStyle(nav);
return {
  visible: style.display !== 'none' && nav.getBoundingClientRect().height > 0,
  label: nav.getAttribute('aria-label'),
  parts: [...nav.querySelectorAll('li.chapter-nav-part')].map(li => ({
    heading: li.querySelector(':scope > h3').textContent,
    headingVisible: li.querySelector(':scope > h3').getBoundingClientRect().height > 0,
    chapters: [...li.querySelectorAll(':scope > ol > li > a')].map(a => a.textContent),
    start: li.querySelector(':scope > ol').start,
  })),
  loose: [...nav.querySelectorAll('ol.chapter-nav-parts > li:not(.chapter-nav-part) > a')].map(a => a.textContent),
  current: [...nav.querySelectorAll('a[aria-current="page"]')].map(a => ({
    text: a.textContent, part: a.closest('li.chapter-nav-part')?.querySelector('h3').textContent ?? null,
    bold: Number(getComputedStyle(a).fontWeight) >= 700,
  })),
};
"""

CONTENTS = """
return [...document.querySelectorAll('section[aria-labelledby="hb-chapters"] > section.part')].map(s => ({
  label: document.getElementById(s.getAttribute('aria-labelledby')).textContent,
  heading: s.querySelector('h3').tagName,
  cards: [...s.querySelectorAll('li.card h4')].map(h => h.textContent.trim()),
}));
"""


@pytest.mark.parametrize("size", SIZES)
def test_navigation_groups_chapters_by_part_and_marks_the_current_one(servers, driver, size):
    sitecheck.set_view(driver, SIZES[size], "light")
    driver.get(servers["catalogue"] + "chapters/small-changes.html")
    nav = driver.execute_script(NAVIGATION)
    assert nav["visible"] and nav["label"] == "Chapters"
    assert [p["heading"] for p in nav["parts"]] == ["Standards", "Principles", "Patterns"]
    assert all(p["headingVisible"] for p in nav["parts"])
    assert nav["parts"][1]["chapters"] == ["Openness", "Small changes"]
    assert [p["start"] for p in nav["parts"]] == [2, 4, 6]
    assert nav["loose"] == ["How to use this catalogue", "Glossary"]
    assert nav["current"] == [{"text": "Small changes", "part": "Principles", "bold": True}]


def test_home_page_has_a_labelled_section_per_part(servers, driver):
    sitecheck.set_view(driver, sitecheck.DESKTOP, "light")
    driver.get(servers["catalogue"] + "index.html")
    sections = driver.execute_script(CONTENTS)
    assert [s["label"] for s in sections] == ["Standards", "Principles", "Patterns"]
    assert all(s["heading"] == "H3" for s in sections)
    assert sections[2]["cards"] == ["6. Shared components", "7. Restore drills"]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", ["index.html", "chapters/openness.html", "print.html"])
def test_pages_with_parts_pass_axe(servers, driver, page, scheme, size):
    findings, version = sitecheck.run_axe(driver, servers["catalogue"] + page, SIZES[size], scheme, page_name=page)
    assert version and version.startswith("4.")
    assert findings == []

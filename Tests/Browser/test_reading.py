"""Reading the handbook as a reader does: printing, dates, the page for a missing address."""
import base64
import io
import json
import re
import unicodedata
from pathlib import Path

import pytest

import sitecheck
from conftest import page_kinds

A4 = (595.28, 841.89)
LETTER = (612.0, 792.0)


def printed(driver, url):
    """The page at `url` printed to PDF as a reader's browser does (the page's own paper size
    and margins, no browser header or footer), as a pypdf reader."""
    from pypdf import PdfReader
    sitecheck.set_view(driver, sitecheck.DESKTOP, "light")
    driver.get(url)
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})
    return PdfReader(io.BytesIO(base64.b64decode(pdf["data"])))


def words(text):
    """Text with its whitespace made single spaces, and PDF ligatures (ﬄ) as their letters."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def sheet_size(page):
    return (float(page.mediabox.width), float(page.mediabox.height))


@pytest.mark.parametrize("origin", ["server", "file"])
def test_printed_chapter_is_a4_with_title_and_page_numbers_in_the_margins(sites, servers, driver, origin):
    site = sites["default"]
    chapter = page_kinds(site)["chapter"]
    url = servers["default"] + chapter if origin == "server" else (site / chapter).resolve().as_uri()
    pdf = printed(driver, url)
    title = json.loads((site / "handbook.json").read_text())["title"]
    total = len(pdf.pages)
    assert total >= 2, "the first chapter should run to more than one sheet"
    for number, page in enumerate(pdf.pages, start=1):
        assert sheet_size(page) == pytest.approx(A4, abs=1)
        text = words(page.extract_text())
        assert f"{number} / {total}" in text, f"sheet {number} has no page number: {text[:200]}"
        assert title in text, f"sheet {number} has no title in its margin"
    first = words(pdf.pages[0].extract_text())
    # The screen's header (search, Contents, All rules) and the chapter list are not printed.
    assert "Search the handbook" not in first and "All rules" not in first
    heading = driver.execute_script("return document.querySelector('h1').textContent")
    assert words(heading) in first


def test_printed_pages_hide_the_screen_header_and_navigation(sites, servers, driver):
    driver.get(servers["default"] + page_kinds(sites["default"])["rule"])
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = driver.execute_script("""
            return ['.site-header', '.chapter-nav', '.pager', '.site-footer', '.skip-link']
              .map(s => [s, document.querySelector(s) && getComputedStyle(document.querySelector(s)).display]);""")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert all(display in (None, "none") for _, display in hidden), hidden
    assert any(display is not None for _, display in hidden)


def test_a_handbook_in_us_english_prints_on_letter_and_dates_in_us_words(sites, servers, driver):
    site = sites["api-guidelines"]
    index = json.loads((site / "handbook.json").read_text())
    chapter = next(c for c in index["chapters"] if c.get("updated"))
    pdf = printed(driver, servers["api-guidelines"] + chapter["url"])
    assert all(sheet_size(page) == pytest.approx(LETTER, abs=1) for page in pdf.pages)
    assert "1 / " in words(pdf.pages[0].extract_text())
    when = driver.find_element("css selector", ".page-meta time")
    assert when.get_attribute("datetime") == "2026-03-09"
    assert when.text == "March 9, 2026"


def test_dates_are_written_in_words_with_the_iso_date_kept(sites, servers, driver):
    driver.get(servers["default"] + page_kinds(sites["default"])["chapter"])
    when = driver.find_element("css selector", ".page-meta time")
    iso = when.get_attribute("datetime")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso)
    year, month, day = iso.split("-")
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December"]
    assert when.text == f"{int(day)} {months[int(month) - 1]} {year}"


def many_tips_handbook(folder):
    """A ward's checklist of 80 tips of one to five sentences, each citing a rule: enough sheets
    that some tip would straddle a sheet break if printing allowed it."""
    (folder / "chapters").mkdir(parents=True)
    (folder / "tips").mkdir()
    (folder / "handbook.yml").write_text("title: Ward Safety Checklists\nlanguage: en-AU\n")
    (folder / "chapters" / "01-handover.md").write_text(
        "---\ntitle: Handover\n---\n\n## HO-1 Hand over in person\n\nHand over at the bedside.\n")
    sentences = ["Check the wristband against the chart before anything else is done.",
                 "Say the plan out loud so the next nurse can repeat it back.",
                 "Write down what is still pending and who is chasing it.",
                 "Point out any alarms that were silenced on your shift.",
                 "Leave the bay tidy, with the call bell within reach."]
    tips = [f"- **Check number {n}.** " + " ".join(sentences[: 1 + (n * 7) % 5]) + " (HO-1)" for n in range(1, 81)]
    (folder / "tips" / "ward-round.md").write_text(
        "---\ntitle: Ward round\n---\n\nBefore the round.\n\n" + "\n".join(tips) + "\n")


def test_printed_tips_are_never_split_from_their_rules(driver, tmp_path):
    from conftest import handbook_binary
    import subprocess
    many_tips_handbook(tmp_path / "content")
    subprocess.run([handbook_binary(), "build", "--content", str(tmp_path / "content"), "--output",
                    str(tmp_path / "site"), "--templates", str(Path(__file__).resolve().parents[2] / "Templates"),
                    "--strict"], check=True, capture_output=True)
    pdf = printed(driver, (tmp_path / "site" / "tips" / "ward-round.html").resolve().as_uri())
    sheets = [words(page.extract_text()) for page in pdf.pages]
    tips = driver.execute_script("""
        return [...document.querySelectorAll('.tip')].map(t => [
          t.querySelector('.tip-text').innerText, t.querySelector('.tip-rules').innerText]);""")
    assert len(tips) == 80 and len(pdf.pages) >= 5
    for text, rules in tips:
        start = " ".join(words(text).split()[:3])
        on = [number for number, sheet in enumerate(sheets) if start + " " in sheet + " "]
        assert len(on) == 1, f"'{start}' should be on exactly one sheet: {on}"
        assert words(text) in sheets[on[0]], f"the tip '{start}' runs over a sheet break"
        assert words(rules) in sheets[on[0]].split(words(text), 1)[1], f"the tip '{start}' is split from '{rules}'"


@pytest.mark.parametrize("missing,expected", [
    # A typo in a chapter's address, at the depth of chapters and deeper.
    ("chapters/confidentialty.html", "chapters/confidentiality.html"),
    ("old/site/chapters/images-and-recordings", "chapters/images-and-recordings.html"),
    # A rule's page under an address of another site's style.
    ("guidance/CONF-2", "rules/CONF-2.html"),
])
def test_a_missing_address_shows_the_sites_page_with_a_search_for_its_words(sites, servers, driver, missing, expected):
    import urllib.error
    import urllib.request
    url = servers["default"] + missing
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(url)
    assert answer.value.code == 404
    sitecheck.set_view(driver, sitecheck.DESKTOP, "light")
    driver.get(url)
    assert driver.find_element("css selector", "h1").text == "Page not found"
    # The site's stylesheet and scripts load from the root, whatever the depth.
    assert driver.execute_script("""
        return [...document.styleSheets].filter(s => s.href && s.href.endsWith('/assets/handbook.css'))
          .map(s => s.cssRules.length)[0] || 0;""") > 50
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, 20).until(lambda _: driver.execute_script(
        "return document.querySelectorAll('#not-found-results a').length") > 0)
    links = driver.execute_script("return [...document.querySelectorAll('#not-found-results a')].map(a => a.href)")
    assert any(link.split("?")[0].split("#")[0] == servers["default"] + expected for link in links[:3]), links
    assert driver.execute_script("return document.querySelectorAll('input[name=q]').length") == 1
    assert driver.find_element("css selector", "#not-found input[name=q]").get_attribute("value")
    nav = driver.execute_script("return [...document.querySelectorAll('.chapter-nav a')].map(a => a.href)")
    assert nav and all(link.startswith(servers["default"] + "chapters/") for link in nav if "/chapters/" in link)
    # The one error a browser logs is the page's own status, which is the point.
    problems = sitecheck.csp_problems(driver, url, page_name=missing)
    assert [p for p in problems if not p.endswith(f"{url} - Failed to load resource: the server responded with a status of 404 (Not Found)")] == []
    assert len(problems) == 1


def test_the_search_page_shows_one_search_box(sites, servers, driver):
    driver.get(servers["default"] + "search.html?q=consent")
    sitecheck.wait_for_search(driver)
    assert driver.execute_script("return document.querySelectorAll('input[name=q]').length") == 1
    assert driver.find_element("css selector", "#hb-search-page").get_attribute("value") == "consent"
    assert driver.execute_script("return document.querySelectorAll('#search-results li').length") > 0


def test_the_offline_copy_and_the_pages_do_not_hold_or_link_the_missing_page(sites):
    import zipfile
    site = sites["default"]
    with zipfile.ZipFile(site / "handbook-offline.zip") as archive:
        assert not any(name.endswith("/404.html") for name in archive.namelist())
        assert any(name.endswith("/page.css") for name in archive.namelist())
    assert (site / "404.html").is_file()
    assert "404.html" not in (site / "index.html").read_text()


def crumbs(driver):
    return driver.execute_script("""
        return [...document.querySelectorAll('nav.breadcrumbs li')].map(li => [
          li.innerText.trim(), li.querySelector('a') ? li.querySelector('a').href : null, li.getAttribute('aria-current')]);""")


@pytest.mark.parametrize("origin", ["server", "file"])
def test_a_sub_rules_page_shows_where_it_sits_and_marks_its_chapter_in_the_sidebar(sites, servers, driver, origin):
    site = sites["default"]
    index = json.loads((site / "handbook.json").read_text())
    # A sub-rule of the built-in grammar: CONF-2.1, part of CONF-2.
    rule = next(r for r in index["rules"] if "." in r["id"])
    rule["parent"] = rule["id"].rsplit(".", 1)[0]
    chapter = next(c for c in index["chapters"] if c["slug"] == rule["chapter"])
    base = servers["default"] if origin == "server" else site.resolve().as_uri() + "/"
    driver.get(base + rule["permalink"])
    trail = crumbs(driver)
    assert [text for text, _, _ in trail] == ["Contents", chapter["title"], rule["parent"], rule["id"]]
    assert trail[0][1] == base + "index.html"
    assert trail[1][1] == base + chapter["url"]
    assert trail[2][1] == base + f"rules/{rule['parent']}.html"
    assert trail[3][1] is None and trail[3][2] == "page"
    marked = driver.execute_script("""
        return [...document.querySelectorAll('.chapter-nav a[aria-current]')].map(a => [a.href, a.getAttribute('aria-current')]);""")
    assert marked == [[base + chapter["url"], "true"]]
    # Marked as visibly as the page one reads on a chapter's own page.
    weight = driver.execute_script("return getComputedStyle(document.querySelector('.chapter-nav a[aria-current]')).fontWeight")
    assert int(weight) >= 700


def test_a_chapter_in_a_part_and_a_tip_list_show_where_they_sit(sites, servers, driver):
    catalogue = json.loads((sites["catalogue"] / "handbook.json").read_text())
    chapter = next(c for c in catalogue["chapters"] if c.get("part"))
    part = next(p for p in catalogue["parts"] if p["id"] == chapter["part"])
    driver.get(servers["catalogue"] + chapter["url"])
    assert [text for text, _, _ in crumbs(driver)] == ["Contents", part["title"], chapter["title"]]
    lists = json.loads((sites["default"] / "handbook.json").read_text())["tipLists"]
    driver.get(servers["default"] + lists[1]["url"])
    trail = crumbs(driver)
    assert [text for text, _, _ in trail] == ["Contents", "Tips", lists[1]["title"]]
    assert trail[1][1] == servers["default"] + "index.html#hb-tips"


def test_tip_lists_lead_to_the_previous_and_next_list(sites, servers, driver):
    lists = json.loads((sites["default"] / "handbook.json").read_text())["tipLists"]
    assert len(lists) >= 3
    for number, tip_list in enumerate(lists):
        driver.get(servers["default"] + tip_list["url"])
        links = driver.execute_script("""
            return Object.fromEntries([...document.querySelectorAll('nav.pager a')].map(a => [a.rel, [a.href, a.innerText]]));""")
        expected = {}
        if number > 0:
            expected["prev"] = lists[number - 1]
        if number + 1 < len(lists):
            expected["next"] = lists[number + 1]
        assert sorted(links) == sorted(expected)
        for rel, other in expected.items():
            assert links[rel][0] == servers["default"] + other["url"]
            assert other["title"] in links[rel][1]

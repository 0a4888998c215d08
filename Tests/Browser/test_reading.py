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
            return ['.site-header', '.chapter-menu', '.breadcrumbs', '.pager', '.site-footer', '.skip-link']
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


def chapter_with_outline(site):
    index = json.loads((site / "handbook.json").read_text())
    return max(index["chapters"], key=lambda c: len(c["rules"]))


@pytest.mark.parametrize("origin", ["server", "file"])
def test_wide_screens_keep_the_header_and_the_outline_in_view_and_mark_the_section_being_read(sites, servers, driver, origin):
    site = sites["default"]
    chapter = chapter_with_outline(site)
    base = servers["default"] if origin == "server" else site.resolve().as_uri() + "/"
    sitecheck.set_view(driver, sitecheck.DESKTOP, "light")
    driver.get(base + chapter["url"])
    # The outline sits in a column right of the text, the chapter list left of it.
    boxes = driver.execute_script("""
        const box = s => document.querySelector(s).getBoundingClientRect();
        return {outline: box('.on-this-page'), prose: box('.prose'), nav: box('.chapter-nav')};""")
    assert boxes["outline"]["left"] >= boxes["prose"]["right"]
    assert boxes["nav"]["right"] <= boxes["prose"]["left"]
    assert driver.execute_script("return document.querySelector('.chapter-nav a').offsetParent !== null")
    last = chapter["rules"][len(chapter["rules"]) // 2]
    driver.execute_script(f"document.getElementById({json.dumps(last)}).scrollIntoView()")
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, 5).until(lambda _: driver.execute_script(
        "const a = document.querySelector('.on-this-page a[aria-current]'); return a && a.getAttribute('href')") == "#" + last)
    after = driver.execute_script("""
        const box = s => document.querySelector(s).getBoundingClientRect();
        return {scrolled: window.scrollY, header: box('.site-header'), outline: box('.on-this-page'),
                nav: box('.chapter-menu'), heading: document.getElementById(arguments[0]).getBoundingClientRect()};""", last)
    assert after["scrolled"] > 300
    assert after["header"]["top"] == 0 and after["header"]["height"] <= 72, "the header should stay at the top, slim"
    for column in ("outline", "nav"):
        assert after["header"]["bottom"] <= after[column]["top"] < after["header"]["bottom"] + 40, column
    # A heading jumped to is not hidden under the header.
    assert after["heading"]["top"] >= after["header"]["bottom"]
    assert driver.find_element("css selector", "#hb-search").is_displayed()


@pytest.mark.parametrize("script", ["on", "off"])
def test_phones_get_a_chapter_menu_at_the_top_that_opens_without_javascript(sites, servers, driver, script):
    site = sites["default"]
    chapter = chapter_with_outline(site)
    sitecheck.set_view(driver, sitecheck.PHONE, "light")
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": script == "off"})
    try:
        driver.get(servers["default"] + chapter["url"])
        summary = driver.find_element("css selector", ".chapter-menu > summary")
        state = driver.execute_script("""
            const s = document.querySelector('.chapter-menu > summary').getBoundingClientRect();
            return {top: s.top, header: document.querySelector('.site-header').getBoundingClientRect().height,
                    heading: document.querySelector('h1').getBoundingClientRect().top,
                    linkShown: document.querySelector('.chapter-nav a').checkVisibility()};""")
        assert state["top"] < 220 and state["heading"] < 420, state
        assert state["header"] <= 140, "the header should be compact on a phone"
        assert not state["linkShown"]
        summary.click()
        link = driver.find_element("css selector", ".chapter-nav a")
        assert link.is_displayed()
        assert driver.execute_script("return document.querySelector('.chapter-nav a').getBoundingClientRect().top") < 600
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_search_placeholder_is_readable_whole_and_names_the_handbooks_own_rules(sites, servers, driver, size):
    sitecheck.set_view(driver, sitecheck.PHONE if size == "phone" else sitecheck.DESKTOP, "light")
    for name in ("default", "api-guidelines"):
        index = json.loads((sites[name] / "handbook.json").read_text())
        driver.get(servers[name] + index["chapters"][0]["url"])
        placeholder, text_width, room = driver.execute_script("""
            const input = document.getElementById('hb-search');
            const style = getComputedStyle(input);
            const context = document.createElement('canvas').getContext('2d');
            context.font = style.font;
            const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
            return [input.placeholder, context.measureText(input.placeholder).width, room];""")
        assert placeholder == "Search or " + index["rules"][0]["id"]
        assert text_width <= room, f"{placeholder!r} is cut off: {text_width:.0f} px in {room:.0f} px"


def clipboard_text(driver):
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        navigator.clipboard.readText().then(done, e => done('error: ' + e));""")


@pytest.mark.parametrize("origin", ["server", "file"])
def test_a_rules_link_and_citation_are_copied_with_one_action_from_the_keyboard(sites, servers, driver, origin):
    from selenium.webdriver.common.keys import Keys
    site = sites["default"]
    index = json.loads((site / "handbook.json").read_text())
    rule = next(r for r in index["rules"] if "." in r["id"])
    chapter = next(c for c in index["chapters"] if c["slug"] == rule["chapter"])
    base = servers["default"] if origin == "server" else site.resolve().as_uri() + "/"
    sitecheck.set_view(driver, sitecheck.DESKTOP, "light")
    driver.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
    for page, expected_link in [(chapter["url"], base + rule["permalink"]), (rule["permalink"], base + rule["permalink"])]:
        driver.get(base + page)
        heading = f"main .rule-heading[id='{rule['id']}']" if page == chapter["url"] else "main h1[data-rule]"
        button = driver.find_element("css selector", heading + " .rule-copy[data-copy='link']")
        assert button.get_attribute("aria-label") == f"Copy link of {rule['id']}"
        # From the keyboard: focus the button and press Enter.
        driver.execute_script("arguments[0].focus()", button)
        button.send_keys(Keys.ENTER)
        from selenium.webdriver.support.ui import WebDriverWait
        WebDriverWait(driver, 5).until(lambda _: clipboard_text(driver) == expected_link)
        WebDriverWait(driver, 5).until(lambda _: driver.execute_script(
            "return [...document.querySelectorAll('[role=status]')].map(e => e.textContent).join(' ')").find("Link copied") >= 0)
        driver.find_element("css selector", heading + " .rule-copy[data-copy='citation']").send_keys(Keys.ENTER)
        expected = f"{index['title']}, edition {index['edition']}, {rule['id']}: {rule['title']}, {expected_link}"
        WebDriverWait(driver, 5).until(lambda _: clipboard_text(driver) == expected)
    # On a chapter, the heading's own mark links to the rule on the page.
    driver.get(base + chapter["url"])
    anchor = driver.find_element("css selector", f"main .rule-heading[id='{rule['id']}'] .rule-anchor")
    assert anchor.get_attribute("href") == base + chapter["url"] + "#" + rule["id"]


@pytest.mark.parametrize("origin", ["server", "file"])
def test_the_rule_arrived_at_is_highlighted(sites, servers, driver, origin):
    site = sites["default"]
    index = json.loads((site / "handbook.json").read_text())
    rule = index["rules"][3]
    base = servers["default"] if origin == "server" else site.resolve().as_uri() + "/"
    driver.get(base + rule["url"])
    styles = driver.execute_script("""
        return [...document.querySelectorAll('.prose .rule')].map(s => [s.getAttribute('aria-labelledby'), getComputedStyle(s).outlineStyle]);""")
    highlighted = [name for name, outline in styles if outline != "none"]
    assert highlighted == [rule["id"]]


@pytest.mark.parametrize("origin", ["server", "file"])
def test_a_rule_reference_shows_its_title_and_first_sentence_on_focus_and_hover(sites, servers, driver, origin):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait
    site = sites["default"]
    index = json.loads((site / "handbook.json").read_text())
    rules = {r["id"]: r for r in index["rules"]}
    base = servers["default"] if origin == "server" else site.resolve().as_uri() + "/"
    sitecheck.set_view(driver, sitecheck.DESKTOP, "light")
    driver.get(base + index["chapters"][3]["url"])
    links = driver.find_elements("css selector", "a.rule-ref")
    assert len(links) >= 3
    link = links[2]
    target = link.get_attribute("href").split("#")[1]
    driver.execute_script("arguments[0].focus()", link)
    WebDriverWait(driver, 5).until(lambda _: link.get_attribute("aria-describedby") == "hb-rule-preview")
    preview = driver.find_element("id", "hb-rule-preview")
    assert preview.is_displayed() and preview.get_attribute("role") == "tooltip"
    text = " ".join(preview.text.split())
    assert text.startswith(f"{target} {rules[target]['title']}")
    first = " ".join(rules[target]["text"].split(". ")[0].split())
    assert first in text
    # Escape dismisses it; leaving the reference hides it.
    link.send_keys(Keys.ESCAPE)
    assert not preview.is_displayed() and link.get_attribute("aria-describedby") is None
    # The browser's own tooltip would cover it: the title is kept as data instead.
    assert not driver.execute_script("return arguments[0].hasAttribute('title')", link)
    other = links[0]
    ActionChains(driver).move_to_element(other).perform()
    WebDriverWait(driver, 5).until(lambda _: preview.is_displayed())
    assert other.get_attribute("href").split("#")[1] in preview.text
    # The pointer can move onto the preview without it going.
    ActionChains(driver).move_to_element(preview).perform()
    driver.implicitly_wait(0)
    import time
    time.sleep(0.5)
    assert preview.is_displayed()
    ActionChains(driver).move_to_element(driver.find_element("css selector", "h1")).perform()
    WebDriverWait(driver, 5).until(lambda _: not preview.is_displayed())


def test_each_tip_cites_its_rules_once_with_their_titles(sites, servers, driver):
    index = json.loads((sites["default"] / "handbook.json").read_text())
    titles = {r["id"]: r["title"] for r in index["rules"]}
    listed = 0
    for tip_list in index["tipLists"]:
        driver.get(servers["default"] + tip_list["url"])
        tips = driver.execute_script("""
            return [...document.querySelectorAll('.tip')].map(t => [t.querySelector('.tip-text').innerText,
              [...t.querySelectorAll('.tip-rules li')].map(li => li.innerText)]);""")
        for text, rules in tips:
            for rule in rules:
                identifier, title = rule.split(" ", 1)
                assert title == titles[identifier]
                assert identifier not in text, f"{identifier} is cited twice in {text!r}"
                listed += 1
    assert listed >= 30


@pytest.mark.parametrize("origin,size", [("server", "desktop"), ("file", "phone")])
def test_the_home_page_offers_entry_points_by_situation_that_land_on_their_rule(sites, servers, driver, origin, size):
    from selenium.webdriver.support.ui import WebDriverWait
    site = sites["default"]
    index = json.loads((site / "handbook.json").read_text())
    titles = {r["id"]: r["title"] for r in index["rules"]}
    base = servers["default"] if origin == "server" else site.resolve().as_uri() + "/"
    sitecheck.set_view(driver, sitecheck.DESKTOP if size == "desktop" else sitecheck.PHONE, "light")
    driver.get(base + "index.html")
    situations = driver.execute_script("""
        return [...document.querySelectorAll('.situation')].map(s => ({
          text: s.querySelector('.situation-link').innerText, href: s.querySelector('.situation-link').getAttribute('href'),
          rules: [...s.querySelectorAll('.situation-rules li')].map(li => li.innerText.trim()),
          top: s.getBoundingClientRect().top}));""")
    assert len(situations) >= 6
    # Above the chapters, in the order handbook.yml lists them.
    chapters_top = driver.execute_script("return document.querySelector('.home-chapters').getBoundingClientRect().top")
    assert all(s["top"] < chapters_top for s in situations)
    assert situations[0]["text"] == "A patient has sent me a friend request"
    for situation in situations:
        first = situation["rules"][0].split(" ")[0]
        assert situation["href"].endswith("#" + first)
        for rule in situation["rules"]:
            identifier = rule.split(" ", 1)[0]
            assert identifier in titles
            # Wide screens show each rule's title; phones the identifiers alone, in a line.
            assert rule == (f"{identifier} {titles[identifier]}" if size == "desktop" else identifier)
    # A rule's title is a focus away on a phone too.
    link = driver.find_element("css selector", ".situation-rules a.rule-ref")
    driver.execute_script("arguments[0].focus()", link)
    WebDriverWait(driver, 5).until(lambda _: driver.find_element("id", "hb-rule-preview").is_displayed())
    identifier = link.text
    assert titles[identifier] in driver.find_element("id", "hb-rule-preview").text
    # Following a situation lands on its rule, highlighted.
    driver.find_element("css selector", ".situation-link").click()
    WebDriverWait(driver, 5).until(lambda _: "#" in driver.current_url)
    target = driver.execute_script("const t = document.querySelector(':target'); return t && t.id")
    assert target == situations[0]["href"].split("#")[1]


# The page was 4,065 px tall on a desktop and 5,640 on a phone before it was made compact; the
# situations, which it did not have then, take about 700 px of what that saved on a desktop and
# 600 on a phone.
@pytest.mark.parametrize("size,tallest", [("desktop", 2800), ("phone", 4400)])
def test_the_home_page_is_compact_with_tips_and_downloads_beside_the_chapters(sites, servers, driver, size, tallest):
    sitecheck.set_view(driver, sitecheck.DESKTOP if size == "desktop" else sitecheck.PHONE, "light")
    driver.get(servers["default"] + "index.html")
    page = driver.execute_script("""
        const box = s => document.querySelector(s).getBoundingClientRect();
        return {height: document.documentElement.scrollHeight, chapters: box('.home-chapters'), downloads: box('#hb-offline'),
                tips: box('#hb-tips'), menu: document.querySelector('.chapter-menu').checkVisibility(),
                overview: box('.home-intro .lead'), listed: document.querySelectorAll('.home-chapters li.card').length};""")
    index = json.loads((sites["default"] / "handbook.json").read_text())
    assert page["listed"] == len(index["chapters"])
    assert page["height"] <= tallest, f"the home page is {page['height']} px tall"
    # The overview comes first; the sidebar, which would repeat the chapters, is not shown.
    assert page["overview"]["bottom"] <= page["chapters"]["top"]
    assert not page["menu"]
    if size == "desktop":
        assert page["tips"]["left"] >= page["chapters"]["right"]
        assert page["downloads"]["left"] >= page["chapters"]["right"]
        assert page["tips"]["top"] < page["chapters"]["top"] + 50


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_page_with_a_rule_preview_open_and_copy_buttons_has_no_accessibility_violations(sites, servers, driver, scheme):
    from selenium.webdriver.support.ui import WebDriverWait
    sitecheck.set_view(driver, sitecheck.DESKTOP, scheme)
    index = json.loads((sites["default"] / "handbook.json").read_text())
    driver.get(servers["default"] + index["chapters"][3]["url"])
    link = driver.find_elements("css selector", "a.rule-ref")[0]
    driver.execute_script("arguments[0].focus()", link)
    WebDriverWait(driver, 5).until(lambda _: driver.find_element("id", "hb-rule-preview").is_displayed())
    assert driver.find_elements("css selector", ".rule-copy")
    result = sitecheck.axe_here(driver)
    # The preview is still open when axe has looked.
    assert driver.find_element("id", "hb-rule-preview").is_displayed()
    assert result == []

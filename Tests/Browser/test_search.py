"""Search, in headless Chromium, on the built default handbook: the golden queries from the
disk, the same search over HTTP under a strict CSP, and the search box used from the keyboard."""
import json
from pathlib import Path

import pytest
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

import sitecheck

GOLDEN = json.loads((Path(__file__).parent / "search-golden.json").read_text())["queries"]


def test_golden_queries_from_the_disk(sites, driver):
    assert len(GOLDEN) >= 40
    base = Path(sites["default"]).resolve().as_uri() + "/"
    report, misses = sitecheck.evaluate_golden(driver, base, GOLDEN)
    print("\nSearch quality over the golden queries (file://):\n" + sitecheck.format_report(report))
    for miss in misses:
        print("  miss:", miss)
    assert report["all"]["success@3"] >= 0.95, misses
    assert report["all"]["MRR"] >= 0.85, misses
    for category in ("question", "off-topic", "word form"):
        assert report[category]["queries"] >= 4, category


def test_questions_list_at_most_a_third_of_the_pages_and_say_how_many_match_well(sites, driver):
    """Over the golden questions, the median number of pages listed (those matching every
    meaningful word; the rest folded away as one item) is at most a third of the handbook's pages."""
    import statistics
    base = Path(sites["default"]).resolve().as_uri() + "/"
    index = json.loads((Path(sites["default"]) / "handbook.json").read_text())
    pages = len(index["chapters"]) + len(index["tipLists"])
    listed = []
    for entry in [q for q in GOLDEN if q["category"] == "question"]:
        sitecheck.search_results(driver, base, entry["query"])
        shown, full, status = driver.execute_script("""
            const list = document.getElementById('search-results');
            return [list.querySelectorAll(':scope > li').length, Number(list.dataset.full),
                    document.getElementById('search-status').textContent];""")
        listed.append(shown)
        if full:
            assert status.startswith(f"{full} page"), status
    assert len(listed) >= 8
    assert statistics.median(listed) <= pages / 3, listed


@pytest.mark.parametrize("query,wanted,unwanted", [
    # A form the handbook does not use tries its stem before near spellings.
    ("trolled", "chapters/trolling-and-abuse.html", "trolley"),
    ("consented", "rules/CONF-2.2.html", "connected"),
])
def test_a_word_form_the_handbook_does_not_use_goes_to_its_stem(sites, servers, driver, query, wanted, unwanted):
    results = sitecheck.search_results(driver, servers["default"], query)
    assert any(r.split("#")[0] == wanted or (wanted.startswith("rules/") and r.endswith("#" + wanted[6:-5])) for r in results[:3]), results
    text = driver.execute_script("return document.getElementById('search-results').innerText.toLowerCase()")
    assert unwanted not in text


@pytest.mark.parametrize("query,rule,tip", [
    # Each tip is a few words long and cites its rule: by length alone it would rank first.
    ("mute or block", "chapters/trolling-and-abuse.html#ABU-3", "tips/if-you-are-criticised-or-abused.html#mute-or-block"),
    ("report harassment", "chapters/trolling-and-abuse.html#ABU-4.2",
     "tips/if-you-are-criticised-or-abused.html#report-threats-and-harassment"),
])
def test_a_rule_outranks_a_tip_that_cites_it_for_the_same_words(sites, servers, driver, query, rule, tip):
    results = sitecheck.search_results(driver, servers["default"], query)
    assert rule in results and tip in results, results
    assert results.index(rule) < results.index(tip), results
    assert "#" in results[0] and results[0].split("#")[1].startswith("ABU-"), results


@pytest.mark.parametrize("query", ["am", "the", "ok"])
def test_short_and_function_words_match_only_as_written(sites, servers, driver, query):
    sitecheck.search_results(driver, servers["default"], query)
    marks = driver.execute_script(
        "return [...document.querySelectorAll('#search-results mark')].map(m => m.textContent.toLowerCase())")
    assert all(mark == query for mark in marks), marks


def test_slash_focuses_search_and_suggestions_show_snippets_and_all_results(sites, servers, driver):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    driver.get(servers["default"] + "chapters/introduction.html")
    driver.find_element("css selector", "h1").click()
    ActionChains(driver).send_keys("/").perform()
    assert driver.execute_script("return document.activeElement.id") == "hb-search"
    assert driver.find_element("id", "hb-search").get_attribute("value") == ""
    ActionChains(driver).send_keys("friend request").perform()
    WebDriverWait(driver, 30).until(lambda _: driver.execute_script(
        "return !document.getElementById('hb-search-options').hidden && document.querySelectorAll('#hb-search-options [role=option]').length > 1"))
    options = driver.execute_script("""
        return [...document.querySelectorAll('#hb-search-options [role=option]')].map(o => [
          o.id, o.dataset.url, (o.querySelector('.search-option-snippet') || {}).textContent || '']);""")
    assert any(snippet.strip() for _, _, snippet in options[:-1])
    last_id, last_url, _ = options[-1]
    assert last_url == servers["default"] + "search.html?q=friend%20request"
    # Reached with the keyboard like any other suggestion.
    box = driver.find_element("id", "hb-search")
    for _ in options:
        box.send_keys(Keys.ARROW_DOWN)
    assert driver.execute_script("return document.getElementById('hb-search').getAttribute('aria-activedescendant')") == last_id
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 30).until(lambda _: "search.html?q=friend" in driver.current_url)
    sitecheck.wait_for_search(driver)
    assert driver.execute_script("return document.querySelectorAll('#search-results a[data-result]').length") > 0


def test_golden_queries_over_http_under_strict_csp(sites, servers, driver):
    driver.get_log("browser")
    report, misses = sitecheck.evaluate_golden(driver, servers["default"], GOLDEN)
    assert report["all"]["success@3"] >= 0.95, misses
    problems = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE" or "Content Security Policy" in e["message"]]
    assert problems == []


@pytest.mark.parametrize("query,expected", [("CONF-2", "rules/CONF-2.html"), ("friend request", "chapters/boundaries-with-patients.html#BND-2")])
def test_search_page_lists_results_with_links_to_sections(sites, servers, driver, query, expected):
    results = sitecheck.search_results(driver, servers["default"], query)
    assert expected in results[:3]
    items = driver.execute_script("return document.querySelectorAll('#search-results li').length")
    assert items >= 2
    snippet = driver.execute_script("return document.querySelector('#search-results .search-snippet mark') !== null")
    assert snippet


@pytest.mark.parametrize("site,query,expected", [
    ("coding-guidelines", "SL.con.1", "rules/SL.con.1.html"),
    ("coding-guidelines", "sl.con.1", "rules/SL.con.1.html"),
    ("coding-guidelines", "Con.1", "rules/Con.1.html"),
    ("coding-guidelines", "CON.1", "rules/Con.1.html"),
    ("coding-guidelines", "F.21 structure", "chapters/functions.html#F.21"),
    ("security-standard", "MASVS-STORAGE-1", "rules/MASVS-STORAGE-1.html"),
    ("security-standard", "masvs-storage-1", "rules/MASVS-STORAGE-1.html"),
    ("api-guidelines", "c-case", "rules/C-CASE.html"),
    ("engineering-standards", "SEGAS-00006", "rules/SEGAS-00006.html"),
])
def test_a_handbooks_own_identifiers_are_found_as_typed(sites, servers, driver, site, query, expected):
    results = sitecheck.search_results(driver, servers[site], query)
    assert expected in results[:3], results


def test_landing_on_a_result_highlights_the_words(sites, servers, driver):
    sitecheck.search_results(driver, servers["default"], "friend requests")
    results = driver.find_element("id", "search-results")
    driver.execute_script("document.querySelector('#search-results a[data-result]').click()")
    # Nothing waits for a navigation a script starts: wait until the search page has gone and
    # the result's page has loaded (its words are marked when its content is loaded).
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(results))
    WebDriverWait(driver, 30).until(lambda _: "/search.html" not in driver.current_url
                                    and driver.execute_script("return document.readyState") == "complete")
    marks = driver.execute_script(
        "return [...document.querySelectorAll('#hb-main mark.search-hit')].map(m => m.textContent.toLowerCase())")
    assert "friend" in marks and any(m.startswith("request") for m in marks)


def test_landing_with_a_handbooks_own_identifier_highlights_it_whole(sites, servers, driver):
    sitecheck.search_results(driver, servers["coding-guidelines"], "SL.con.1")
    results = driver.find_element("id", "search-results")
    driver.execute_script("document.querySelector('#search-results a[data-result=\"section\"]').click()")
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(results))
    WebDriverWait(driver, 30).until(lambda _: "/search.html" not in driver.current_url
                                    and driver.execute_script("return document.readyState") == "complete")
    marks = driver.execute_script(
        "return [...document.querySelectorAll('#hb-main mark.search-hit')].map(m => m.textContent)")
    assert "SL.con.1" in marks, marks
    assert "SL" not in marks and "con" not in marks, marks


def test_search_box_works_from_the_keyboard(sites, servers, driver):
    from selenium.webdriver.common.keys import Keys

    def options_shown(_):
        """The suggestions are shown, and are those for what the box now holds."""
        return driver.execute_script(
            "var box = document.getElementById('hb-search'), status = box.form.querySelector('[role=status]');"
            "return !document.getElementById('hb-search-options').hidden"
            " && status.textContent.indexOf('\u201c' + box.value.trim() + '\u201d') >= 0")

    driver.get(servers["default"] + "index.html")
    box = driver.find_element("id", "hb-search")
    box.click()
    box.send_keys("BND-2")
    WebDriverWait(driver, 30).until(options_shown)
    assert driver.execute_script("return document.getElementById('hb-search').getAttribute('aria-expanded')") == "true"
    status = driver.execute_script("return document.querySelector('.search-box [role=status]').textContent")
    assert "result" in status
    box.send_keys(Keys.ARROW_DOWN)
    active = driver.execute_script("return document.getElementById('hb-search').getAttribute('aria-activedescendant')")
    assert active and driver.execute_script(f"return document.getElementById('{active}').getAttribute('aria-selected')") == "true"
    box.send_keys(Keys.ESCAPE)
    assert driver.execute_script("return document.getElementById('hb-search-options').hidden")
    box.send_keys(Keys.ARROW_DOWN)  # closed: arrows do nothing
    box.send_keys("x")
    box.send_keys(Keys.BACKSPACE)
    WebDriverWait(driver, 30).until(options_shown)
    box.send_keys(Keys.ARROW_DOWN)
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 30).until(lambda _: driver.current_url.endswith("rules/BND-2.html"))
    assert driver.current_url.endswith("rules/BND-2.html")


def test_search_form_without_javascript_goes_to_the_search_page(sites):
    page = (Path(sites["default"]) / "chapters" / "introduction.html").read_text()
    assert '<form class="search-box" role="search" action="../search.html" method="get">' in page
    assert 'name="q"' in page


def test_results_inside_a_rule_name_the_rule_and_come_once_per_rule(driver, tmp_path):
    """A coding guideline's rules have "Reason", "Note" and "Example" headings: a hit in one is
    labelled with its rule ("FN-21 › Note"), and a rule's sections make one result, not three."""
    import subprocess
    from conftest import REPO, handbook_binary

    content = tmp_path / "content"
    (content / "chapters").mkdir(parents=True)
    (content / "handbook.yml").write_text("title: Coding guideline\n")
    (content / "chapters" / "01-functions.md").write_text("""---
title: Functions
---

## FN-20 Prefer return values to output parameters

### Reason

A return value says plainly what a function produces, and who holds ownership of it afterwards.

### Note

An output parameter hides the ownership of what it points to from the reader of the call.

### Example

Returning the buffer makes its ownership obvious at the call site.

## FN-21 Return several values as a structure

### Reason

A named structure documents each value better than a tuple does.

### Note

Where a result transfers ownership, say so in the structure's name.

## Other advice

Keep functions short.
""")
    site = tmp_path / "site"
    result = subprocess.run(
        [handbook_binary(), "build", "--content", str(content), "--templates", str(REPO / "Templates"),
         "--output", str(site), "--strict"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    base = site.resolve().as_uri() + "/"
    results = sitecheck.search_results(driver, base, "ownership")
    labels = driver.execute_script(
        "return [...document.querySelectorAll('#search-results a[data-result]')].map(a => a.textContent)")
    assert any(label.startswith("FN-21 › ") for label in labels), labels
    assert len(labels) == 2, labels
    assert sum(label.startswith("FN-20") for label in labels) == 1, labels
    assert all(url.startswith("chapters/functions.html#") for url in results), results

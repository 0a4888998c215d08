"""The offline editions and embedding, in real tools: epubcheck on the EPUB, the service worker
in Chromium with the server stopped, and embed pages in iframes of another origin."""
import json
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import WebDriverWait

import sitecheck
from conftest import HANDBOOKS


def epubcheck(path):
    jar = Path("/usr/share/java/epubcheck.jar")
    command = ["java", "-jar", str(jar)] if jar.exists() else ["epubcheck"]
    with tempfile.TemporaryDirectory(prefix="handbook-epubcheck-") as folder:
        report = Path(folder) / "report.json"
        subprocess.run(command + [str(path), "--json", str(report)], capture_output=True, text=True)
        data = json.loads(report.read_text())
    messages = [f"{m['severity']} {m['ID']}: {m['message']} ({', '.join(l.get('path', '') for l in m.get('locations', []))})"
                for m in data.get("messages", [])]
    checker = data["checker"]
    return checker["nFatal"], checker["nError"], checker["nWarning"], messages


@pytest.mark.parametrize("name", HANDBOOKS)
def test_epub_passes_epubcheck_with_no_errors_or_warnings(sites, name):
    fatal, errors, warnings, messages = epubcheck(sites[name] / "handbook.epub")
    assert (fatal, errors, warnings) == (0, 0, 0), messages


def test_epubcheck_catches_a_broken_epub(sites, tmp_path):
    """A test of the test: an EPUB with a dangling link fails."""
    import zipfile
    broken = tmp_path / "broken.epub"
    with zipfile.ZipFile(sites["awkward"] / "handbook.epub") as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.endswith("chapter-basics.xhtml"):
                data = data.replace(b'href="chapter-messages.xhtml', b'href="chapter-missing.xhtml')
            target.writestr(item, data)
    fatal, errors, warnings, messages = epubcheck(broken)
    assert errors > 0, messages


class StoppableServer(sitecheck.CSPServer):
    pass


def wait_for(driver, script, seconds=30):
    try:
        WebDriverWait(driver, seconds).until(lambda _: driver.execute_script(script))
        return True
    except TimeoutException:
        return False


def test_service_worker_keeps_the_site_working_with_the_server_stopped(sites, driver):
    site = sites["default"]
    server = StoppableServer(site).__enter__()
    try:
        base = server.base
        driver.get(base + "index.html")
        assert wait_for(driver, "return navigator.serviceWorker && navigator.serviceWorker.controller === null"
                                " ? (navigator.serviceWorker.ready.then(() => window.__ready = true), !!window.__ready) : true")
        driver.get(base + "index.html")
        assert wait_for(driver, "return !!navigator.serviceWorker.controller"), "the service worker never took control"
        caches = driver.execute_async_script("const done = arguments[0]; caches.keys().then(done);")
        assert len(caches) == 1 and caches[0].startswith("handbook-")
    finally:
        server.__exit__()
    # The server is gone: pages and search still work from the cache.
    driver.get(base + "chapters/confidentiality.html")
    assert "CONF-1" in driver.find_element("id", "hb-main").text
    results = sitecheck.search_results(driver, base, "friend request")
    assert "chapters/boundaries-with-patients.html#BND-2" in results[:3]


def test_no_service_worker_from_the_disk(sites, driver):
    driver.get_log("browser")
    driver.get((sites["default"] / "index.html").resolve().as_uri())
    # Not a wait for something: a moment in which a registration, or an error, would follow the
    # load. Nothing is expected to happen, so there is nothing to wait for.
    time.sleep(0.5)
    registered = driver.execute_script("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)")
    assert not registered
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


PARENT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Intranet page</title><style>iframe {{ border: 0; }}</style></head><body>
<h1>Our intranet</h1>
<iframe id="chapter" class="handbook-embed" title="A chapter" src="{base}embed/{chapter}" width="600" height="150"></iframe>
<iframe id="card" class="handbook-embed" title="A rule" src="{base}embed/{rule}" width="600" height="100"></iframe>
<iframe id="sandboxed" class="handbook-embed" title="A sandboxed rule" sandbox="allow-scripts" src="{base}embed/{rule}" width="600" height="100"></iframe>
<script>
window.heights = {{}};
window.addEventListener('message', function (event) {{
  var data = event.data;
  if (!data || data.type !== 'handbook:height') return;
  document.querySelectorAll('iframe.handbook-embed').forEach(function (frame) {{
    if (frame.contentWindow === event.source) {{ frame.style.height = data.height + 'px'; window.heights[frame.id] = data.height; }}
  }});
}});
</script>
</body></html>
"""


def test_embedded_chapter_and_rule_card_send_their_height_to_another_origin(sites, servers, driver, tmp_path):
    index = json.loads((sites["default"] / "handbook.json").read_text())
    chapter, rule = index["chapters"][1]["url"], index["rules"][0]["permalink"]
    (tmp_path / "intranet.html").write_text(PARENT.format(base=servers["default"], chapter=chapter, rule=rule))
    # The intranet is another origin: a plain server on another port.
    import http.server, threading
    from functools import partial
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        driver.get_log("browser")
        driver.get(f"http://127.0.0.1:{httpd.server_address[1]}/intranet.html")
        assert wait_for(driver, "return Object.keys(window.heights).length === 3"), driver.execute_script("return window.heights")
        heights = driver.execute_script("return window.heights")
        assert heights["chapter"] > 1000, heights
        assert 150 < heights["card"] < heights["chapter"], heights
        assert heights["sandboxed"] == heights["card"], heights
        frame_height = driver.execute_script("return document.getElementById('card').getBoundingClientRect().height")
        assert abs(frame_height - heights["card"]) <= 2
        problems = [e["message"] for e in driver.get_log("browser")
                    if (e["level"] == "SEVERE" or "Content Security Policy" in e["message"]) and "favicon.ico" not in e["message"]]
        assert problems == []
    finally:
        httpd.shutdown()
        httpd.server_close()

"""`handbook serve` in Chromium: pages reload after an edit, a failed rebuild shows its problems
over the last good page, and Ctrl-C stops the server cleanly."""
import shutil
import signal
import socket
import subprocess
import time

import pytest

import sitecheck
from conftest import HANDBOOKS, REPO, handbook_binary


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main_text(driver):
    """The page's main text, or "" while a page is being replaced."""
    try:
        return driver.execute_script("var m = document.getElementById('hb-main'); return m ? m.textContent : ''") or ""
    except Exception:
        return ""


def uncontrolled(driver):
    """True once the page has loaded and no service worker controls it."""
    try:
        return driver.execute_script(
            "return document.readyState === 'complete' && !(navigator.serviceWorker && navigator.serviceWorker.controller)")
    except Exception:
        return False


def wait_for(check, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def overlay_text(driver):
    """The build-error overlay's text, from inside its shadow root; "" when there is none."""
    try:
        return driver.execute_script(
            "var h = document.getElementById('handbook-build-errors'); return h && h.shadowRoot ? h.shadowRoot.textContent : ''") or ""
    except Exception:
        return ""


def contrast(foreground, background):
    """The WCAG contrast ratio of two rgb()/rgba() colours, the background opaque."""
    def channels(colour):
        return [float(v) for v in colour[colour.index("(") + 1:-1].split(",")[:3]]

    def luminance(colour):
        def linear(v):
            v /= 255
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        r, g, b = (linear(v) for v in channels(colour))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_error_overlay_is_readable_over_any_page_and_passes_axe(driver, tmp_path, scheme):
    """The site's own styles (its code blocks, its dark scheme) must not reach the overlay."""
    content, port, server = _start_serve(tmp_path)
    try:
        base = f"http://127.0.0.1:{port}/"
        assert wait_for(lambda: _up(base)), "serve did not start"
        chapter = content / "chapters" / "02-messages.md"
        chapter.write_text(chapter.read_text() + "\nSee [x](rule:NOPE-1).\n")
        sitecheck.set_view(driver, sitecheck.DESKTOP, scheme)
        driver.get(base + "chapters/messages.html")
        assert wait_for(lambda: "NOPE-1" in overlay_text(driver)), "no overlay on a page opened after the failure"
        colours = driver.execute_script("""
            const root = document.getElementById('handbook-build-errors').shadowRoot;
            const box = root.querySelector('[role=alert]');
            const style = e => getComputedStyle(e);
            return {background: style(box).backgroundColor,
                    texts: [...root.querySelectorAll('p, pre')].map(e => [style(e).color, style(e).backgroundColor])};""")
        assert colours["texts"]
        for colour, own in colours["texts"]:
            background = own if not own.startswith("rgba(0, 0, 0, 0)") else colours["background"]
            assert contrast(colour, background) >= 7, (colour, background)
        assert sitecheck.axe_here(driver) == []
    finally:
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=10)


def _start_serve(tmp_path):
    """`handbook serve` on a copy of the awkward fixture: its content folder, port and process."""
    content = tmp_path / "Content"
    shutil.copytree(HANDBOOKS["awkward"], content)
    port = free_port()
    server = subprocess.Popen(
        [handbook_binary(), "serve", "--port", str(port), "--content", str(content),
         "--templates", str(REPO / "Templates"), "--output", str(tmp_path / "Site")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return content, port, server


def test_serve_reloads_pages_and_shows_build_errors(driver, tmp_path):
    content, port, server = _start_serve(tmp_path)
    try:
        base = f"http://127.0.0.1:{port}/"
        assert wait_for(lambda: _up(base)), "serve did not start"
        driver.get(base + "chapters/messages.html")
        # A service worker left by an earlier visit to this address would reload the page once
        # (serve's worker removes itself and reloads the pages it controlled): wait for a page
        # that no worker controls.
        assert wait_for(lambda: "Plain." in main_text(driver) and uncontrolled(driver))
        driver.execute_script("window.__marker = 'before'")

        chapter = content / "chapters" / "02-messages.md"
        chapter.write_text(chapter.read_text().replace("Plain.", "Plain and edited."))
        assert wait_for(lambda: "Plain and edited." in main_text(driver)), "the page did not reload"
        assert driver.execute_script("return window.__marker === undefined"), "the page was not reloaded"

        chapter.write_text(chapter.read_text() + "\nSee [x](rule:NOPE-1).\n")
        assert wait_for(lambda: bool(overlay_text(driver))), "no overlay"
        overlay = overlay_text(driver)
        assert "02-messages.md" in overlay and "NOPE-1" in overlay
        driver.get(base + "chapters/messages.html")
        assert wait_for(lambda: "Plain and edited." in main_text(driver)), "the last good site is no longer served"
        # A page opened after the failure shows the problems too, with the source line.
        assert wait_for(lambda: "NOPE-1" in overlay_text(driver)), "a page opened after the failure has no overlay"
        assert "See [x](rule:NOPE-1)." in overlay_text(driver) and "^" in overlay_text(driver)
        # Fixed, the pages reload without it.
        chapter.write_text(chapter.read_text().replace("\nSee [x](rule:NOPE-1).\n", "\n"))
        assert wait_for(lambda: not overlay_text(driver) and "Plain and edited." in main_text(driver)), "the overlay stayed"
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=10)
    assert server.returncode == 0, err
    assert "Stopped." in err


def test_serve_refuses_foreign_hosts_and_long_request_lines(tmp_path):
    """What a DNS-rebinding page and a client sending a huge request line get: a refusal at once,
    nothing of the site, and a server that still answers everyone else."""
    content, port, server = _start_serve(tmp_path)
    try:
        assert wait_for(lambda: _up(f"http://127.0.0.1:{port}/")), "serve did not start"
        status, body = _exchange(port, b"GET /chapters/messages.html HTTP/1.1\r\nHost: evil.example:%d\r\n\r\n" % port)
        assert status == 403 and b"Plain" not in body and b"evil" not in body
        started = time.time()
        status, body = _exchange(port, b"GET /" + b"a" * 48_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert status == 414 and time.time() - started < 20
        started = time.time()
        status, body = _exchange(port, b"GET /chapters/messages.html HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n" % port)
        assert status == 200 and b"Plain" in body and time.time() - started < 20
    finally:
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=10)
    assert server.returncode == 0, err


def _exchange(port, request):
    """Sends `request` with Connection: close semantics and reads the status and the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
        s.sendall(request.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n", 1))
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ")[1]), body


def _up(base):
    try:
        with socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1].strip("/"))), timeout=0.2):
            return True
    except OSError:
        return False

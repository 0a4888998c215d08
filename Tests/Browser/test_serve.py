"""`handbook serve` in Chromium: pages reload after an edit, a failed rebuild shows its problems
over the last good page, and Ctrl-C stops the server cleanly."""
import shutil
import signal
import socket
import subprocess
import time

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
        assert wait_for(lambda: driver.execute_script("return !!document.getElementById('handbook-build-errors')")), "no overlay"
        overlay = driver.find_element("id", "handbook-build-errors").text
        assert "02-messages.md" in overlay and "NOPE-1" in overlay
        driver.get(base + "chapters/messages.html")
        assert wait_for(lambda: "Plain and edited." in main_text(driver)), "the last good site is no longer served"
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

"""`disclint serve`: the application through Starlette's TestClient, then the real server in a real
Chromium (Playwright) as a writer uses it: drop the filled template, see the wrong cell, download
the annotated copy; a zip bomb and an over-size upload each get a message and the next upload works."""
from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .filled_template import filled

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "003_9e41aa4172b10319.txt"


@pytest.fixture(scope="module")
def client():
    from starlette.testclient import TestClient

    from disclint.engine.linter import Linter
    from disclint.serve.app import create_app
    from disclint.settings import Settings

    with TestClient(create_app(Linter(Settings()), Settings(), max_bytes=2 * 1024 * 1024)) as c:
        yield c


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (150 * 1024 * 1024))
    return out.getvalue()


def test_the_page(client):
    page = client.get("/")
    assert page.status_code == 200
    assert 'action="/check"' in page.text and "拖入年报" in page.text


def test_a_word_report_gives_the_page_and_the_annotated_copy(client):
    answer = client.post("/check", files={"report": ("临川县.docx", filled(), DOCX)})
    assert answer.status_code == 200
    assert 'download="临川县.disclint.docx"' in answer.text
    assert "DisclintView.render" in answer.text and "DL301" in answer.text


def test_json_when_asked(client):
    answer = client.post("/check", files={"report": (SEED.name, SEED.read_bytes(), "text/plain")},
                         headers={"Accept": "application/json"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["version"] == 1 and body["files"][0]["path"] == SEED.name
    cli = subprocess.run([sys.executable, "-m", "disclint", "check", "--format", "json", str(SEED)],
                         capture_output=True, text=True, timeout=120)
    expected = json.loads(cli.stdout)["files"][0]["findings"]
    assert [f["fingerprint"] for f in body["files"][0]["findings"]] == [f["fingerprint"] for f in expected]


def test_refusals_and_the_server_goes_on(client):
    big = client.post("/check", files={"report": ("big.txt", b"x" * (3 * 1024 * 1024), "text/plain")})
    assert big.status_code == 413 and "文件过大" in big.text
    bomb = client.post("/check", files={"report": ("bomb.docx", zip_bomb(), DOCX)},
                       headers={"Accept": "application/json"})
    assert bomb.status_code == 200
    error = bomb.json()["files"][0]["error"]
    assert error["kind"] == "bomb"
    empty = client.post("/check", data={"nothing": "here"})
    assert empty.status_code == 400 and "没有收到文件" in empty.text
    after = client.post("/check", files={"report": (SEED.name, SEED.read_bytes(), "text/plain")})
    assert after.status_code == 200 and "DL101" in after.text


def test_several_uploads_at_once(client):
    def post(i):
        return client.post("/check", files={"report": (f"r{i}.docx", filled(), DOCX)},
                           headers={"Accept": "application/json"}).json()["files"][0]["findings"]

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(post, range(4)))
    assert all(a == answers[0] for a in answers) and answers[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "disclint", "serve", "--port", str(port), "--no-browser"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path_factory.mktemp("serve"))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}/", proc
    if proc.poll() is None:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists("/usr/bin/chromium"):
        pytest.skip("Debian's chromium is not installed (scripts/test.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium",
                              args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                    "--disable-component-update", "--disable-sync"])
        yield b
        b.close()


def test_in_a_real_browser(server, browser, tmp_path):
    url, _ = server
    report = tmp_path / "临川县2024年报.docx"
    report.write_bytes(filled())
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.set_input_files("#report", str(report))
    page.wait_for_selector("section.report ol.findings", timeout=60_000)
    assert "DL301" in page.inner_text("section.report ol.findings")
    # the failing cells of the requests table are marked
    # the one cell the identities determine is marked with its fixing value, not the totals
    marked = page.locator('table.grid[data-table="requests"] td.cell-fail')
    assert marked.count() == 1 and marked.get_attribute("data-col") == "np"
    assert marked.evaluate("td => td.closest('tr').dataset.row") == "r4_carry_out"
    assert marked.inner_text().split() == ["3", "应为", "2"]
    with page.expect_download() as download:
        page.click("#download")
    saved = tmp_path / "copy.docx"
    download.value.save_as(saved)
    import docx

    comments = list(docx.Document(str(saved)).comments)
    assert comments and comments[0].author == "disclint"
    # a zip bomb, then an over-size upload: a message each, and the next upload still works
    page.goto(url)
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(zip_bomb())
    page.set_input_files("#report", str(bomb))
    page.wait_for_selector("section.report", timeout=60_000)
    assert "bomb" in page.inner_text("section.report")
    page.goto(url)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (21 * 1024 * 1024))
    page.set_input_files("#report", str(big))
    page.wait_for_selector(".error", timeout=60_000)
    assert "文件过大" in page.inner_text(".error")
    page.goto(url)
    page.set_input_files("#report", str(SEED))
    page.wait_for_selector("section.report ol.findings", timeout=60_000)
    assert "DL101" in page.inner_text("section.report ol.findings")
    assert not errors


def test_ctrl_c_stops_it_cleanly(server):
    url, proc = server
    import signal

    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=30) == 0
    assert b"Traceback" not in proc.stderr.read()


def test_check_format_html_on_the_seeds_in_the_browser(browser, tmp_path):
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    out = tmp_path / "seeds.html"
    done = subprocess.run([sys.executable, "-m", "disclint", "check", "--format", "html", "-o", str(out), str(seeds)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr  # the seeds have errors
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(out.as_uri())
    assert page.locator("section.report").count() == len(list(seeds.iterdir()))
    seed3 = page.locator("section.report", has_text="003_9e41aa4172b10319.txt")
    assert "红花尔基镇" in seed3.locator("h2").inner_text()
    # each finding is listed, and each one with a line is marked in the report's text, its code beside it
    listed = json.loads(subprocess.run([sys.executable, "-m", "disclint", "check", "--format", "json",
                                        str(seeds / "003_9e41aa4172b10319.txt")], capture_output=True, text=True,
                                       timeout=120).stdout)["files"][0]["findings"]
    assert seed3.locator("ol.findings li").count() == len(listed)
    assert seed3.locator(".text-view a.code").count() == sum(1 for f in listed if f["line"])
    assert seed3.locator(".text-view .line.marked").count() >= 5
    assert not errors

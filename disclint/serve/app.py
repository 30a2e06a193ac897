"""The Starlette application behind `disclint serve`.

GET / is the page to drop a report on; POST /check takes one multipart upload (field `report`) and
answers with the findings page — or the JSON of the output contract when the request accepts
application/json. Nothing is kept: the upload is read into memory (refused past the size limit
before it is read whole), linted, and dropped with the response; the annotated Word copy travels
inside the page as a download link. Linting runs in a worker thread, one upload at a time, so the
server keeps answering while a large PDF is read.
"""
from __future__ import annotations

import base64
import html
import threading
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

PAGE = Path(__file__).with_name("page.html")
FIELD = "report"
# One lint at a time: the parser, the rule set and LibreOffice's conversion are shared by the process.
_lint_lock = threading.Lock()


def create_app(linter, settings=None, max_bytes: int | None = None) -> Starlette:
    """The application: uploads are linted by the run's `linter` (engine.Linter) with `settings`
    (default: the configuration of the folder serve started in)."""
    import os

    settings = settings or linter.settings_for_folder(os.getcwd())
    limit = max_bytes or settings.max_bytes
    limit_mb = f"{limit / 1048576:.0f}"
    page_text = PAGE.read_text(encoding="utf-8").replace("{{limit_mb}}", limit_mb)

    def upload_page(message: str = "", status: int = 200) -> Response:
        alert = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
        return HTMLResponse(page_text.replace("{{message}}", alert), status_code=status)

    async def page(request: Request) -> Response:
        return upload_page()

    def refuse(wants_json: bool, status: int, zh: str, en: str) -> Response:
        if wants_json:
            return JSONResponse({"error": en, "message": zh}, status_code=status)
        return upload_page(zh, status)

    def too_large(wants_json: bool) -> Response:
        return refuse(wants_json, 413, f"文件过大：超过 {limit_mb} MB 的上限",
                      f"the upload is larger than the limit of {limit_mb} MB")

    async def check(request: Request) -> Response:
        wants_json = "application/json" in request.headers.get("accept", "")
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > limit + 64 * 1024:
            return too_large(wants_json)
        try:
            async with request.form(max_files=1, max_fields=4, max_part_size=limit) as form:
                upload = form.get(FIELD)
                if upload is None or isinstance(upload, str):
                    return refuse(wants_json, 400, "没有收到文件：请选择或拖入一份年报",
                                   "no file was uploaded: choose or drop a report")
                name = Path(upload.filename or "report.txt").name or "report.txt"
                data = await upload.read(limit + 1)
        except Exception as e:  # python-multipart / Starlette refuse a malformed or over-size body
            return refuse(wants_json, 400, f"上传内容无法读取（{e}）", f"the upload could not be read ({e})")
        if len(data) > limit:
            return too_large(wants_json)
        answer = await run_in_threadpool(_lint_upload, linter, name, data, settings, wants_json)
        if wants_json:
            return JSONResponse(answer, status_code=200)
        return HTMLResponse(answer, status_code=200)

    return Starlette(routes=[Route("/", page), Route("/check", check, methods=["POST"])])


def _lint_upload(linter, name: str, data: bytes, settings, wants_json: bool) -> dict | str:
    """Lint one uploaded report: the contract's JSON, or the page — for a Word report with the
    annotated copy as a download link."""
    from ..annotate import annotate_bytes
    from ..engine.run import FileResult
    from ..formatters import html as html_format
    from ..formatters.json import report_json
    from ..readers import ReadError
    from ..report import Report

    copy = None
    with _lint_lock:
        try:
            if name.lower().endswith((".docx", ".doc", ".wps")):
                result, copy = annotate_bytes(name, data, linter, settings, baseline=False, comments=not wants_json)
            else:
                result = linter.lint_bytes(name, data, settings, baseline=False)
        except ReadError as e:  # a Word name on what is not a Word package
            result = FileResult(path=name, error=e)
    report = Report(results=[result], settings=settings)
    if wants_json:
        return report_json(report)
    link = ""
    if copy is not None:
        stem = name.rsplit(".", 1)[0]
        href = ("data:application/vnd.openxmlformats-officedocument.wordprocessingml.document;base64,"
                + base64.b64encode(copy).decode("ascii"))
        label = "下载带批注的 Word 文档" if settings.lang != "en" else "Download the Word copy with comments"
        link = (f'<p class="download"><a id="download" download="{html.escape(stem)}.disclint.docx" '
                f'href="{href}">{label}（{html.escape(stem)}.disclint.docx）</a></p>')
    again = "检查另一份报告" if settings.lang != "en" else "Check another report"
    link += f'<p><a href="/">{again}</a></p>'
    return html_format.render(report, before=link)

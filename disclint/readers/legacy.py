"""Legacy Office files (.doc, .wps, .xls): sniffed, then read directly or converted by LibreOffice.

What government sites publish under these names is often something else: a .docx or .xlsx
renamed, a Word "web page" saved as .doc, an HTML table served as .xls. Those are read with the
matching reader. Binary .xls goes to python-calamine, which reads BIFF natively. Binary Word and WPS
files are converted to .docx by LibreOffice headless, when `soffice` is installed, in a private
temporary folder with a fresh profile and a time limit; the user's file is never touched.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from .base import ReadError, Source

CONVERT_TIMEOUT = 120  # seconds; a first start of LibreOffice with a fresh profile takes a few
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read(path: str, data: bytes) -> Source:
    kind = "xls" if path.lower().endswith(".xls") else "doc"
    return read_as(path, data, kind)


def read_as(path: str, data: bytes, kind: str) -> Source:
    """Read `data`, which claims to be a legacy `kind` ("doc" or "xls") file."""
    fmt = Path(path).suffix.lower().lstrip(".") or kind
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"PK"):
        return _as(_open_xml(path, data), fmt)
    if head.startswith(b"<") or b"<html" in head or b"<table" in head:
        from . import html

        return _as(html.read(path, data), fmt)
    if kind == "xls" and data.startswith(_OLE_MAGIC):
        # calamine reads BIFF itself; LibreOffice, given a file calamine cannot read, falls back to
        # importing the bytes as text, which only turns a damaged workbook into noise.
        from . import xlsx

        return xlsx.read_workbook(path, data, fmt)
    if not data.startswith((_OLE_MAGIC, b"{\\rtf")) and not head.startswith(b"mime-version") and _plain_text(data):
        # Exports named .doc/.xls that are really text (CSV, TSV, a page's text) need no converter.
        from . import text

        return _as(text.read(path, data), fmt)
    # OLE Word/WPS, RTF, MHTML "web archive" .doc: LibreOffice knows them all, or says it cannot.
    return _as(_read_converted(path, data, "docx" if kind == "doc" else "xlsx"), fmt)


def _plain_text(data: bytes) -> bool:
    from . import text

    if b"\0" in data[:4096]:
        return False
    try:
        text.decode(data)
    except ReadError:
        return False
    return True


def _open_xml(path: str, data: bytes) -> Source:
    """A renamed Office Open XML package: which reader depends on the main part it holds."""
    import io
    import zipfile

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as e:
        raise ReadError("format", f"is a damaged zip package ({e})")
    if "xl/workbook.xml" in names:
        from . import xlsx

        return xlsx.read(path, data)
    from . import docx

    return docx.read(path, data)


def _as(source: Source, fmt: str) -> Source:
    source.format = fmt
    return source


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _read_converted(path: str, data: bytes, target: str) -> Source:
    converted = convert(data, Path(path).suffix.lower() or ".doc", target)
    if target == "xlsx":
        from . import xlsx

        return xlsx.read(path, converted)
    from . import docx

    return docx.read(path, converted)


def convert(data: bytes, suffix: str, target: str, timeout: float = CONVERT_TIMEOUT,
            infilter: str | None = None) -> bytes:
    """`data` converted by LibreOffice headless to `target` ("docx", "xlsx", ...), as bytes.

    `infilter` forces LibreOffice's import filter (e.g. "Text (encoded):UTF8" for plain text).
    """
    exe = soffice()
    if not exe:
        what = "an Excel .xls" if target == "xlsx" else "a legacy Word/WPS"
        raise ReadError("unsupported", f"is {what} file; convert it to .{target} with Word/WPS "
                                       "or install LibreOffice (soffice) so disclint can convert it")
    # A LibreOffice child killed at the time limit may still be writing its profile as we clean up.
    with tempfile.TemporaryDirectory(prefix="disclint-convert-", ignore_cleanup_errors=True) as tmp:
        work = Path(tmp)
        source = work / f"input{suffix}"
        source.write_bytes(data)
        out = work / "out"
        cmd = [exe, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--invisible",
               "--nologo", "--norestore", "--nolockcheck", "--nodefault",
               *([f"--infilter={infilter}"] if infilter else []),
               "--convert-to", target, "--outdir", str(out), str(source)]
        # A private HOME keeps LibreOffice from writing caches into the user's.
        env = {**os.environ, "HOME": tmp}
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env, start_new_session=True)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # soffice.bin runs as a child of the soffice script
            proc.communicate()
            raise ReadError("format", f"could not be converted by LibreOffice within {timeout:.0f} s")
        result = out / f"input.{target.split(':')[0]}"
        if not result.is_file():
            detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise ReadError("format", f"could not be converted by LibreOffice (damaged, encrypted or not "
                                      f"a Word/WPS/Excel file: {detail[0][:120]})")
        return result.read_bytes()

"""Plain text and Markdown: decode by BOM, UTF-32 and UTF-16 without BOM, strict UTF-8, then the
double-byte Chinese encodings GB18030 and Big5.

GBK and GB2312 files are common among reports drafted on Windows; GB18030 is their superset, so
that is the name reported for them. Big5 (traditional characters) fits inside GB18030's byte ranges,
so a Big5 file also "decodes" as GB18030 — into other characters; when both decode, charset-normalizer
chooses between the two (a GB report almost never decodes as Big5: 人 情 请 are outside it). It is
also asked when every strict decode fails, and its answer must still decode cleanly. What cannot be
decoded is an `encoding` error that names the encodings tried, never `binary`.
"""
from __future__ import annotations

import codecs
import re

from .base import ReadError, Source

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_utf32(data: bytes) -> str | None:
    """UTF-32 without a BOM: every code point is below U+110000, so one byte of each four is zero
    and the next is at most 0x10."""
    if len(data) < 8 or len(data) % 4:
        return None
    if not data[3::4].strip(b"\0") and max(data[2::4]) <= 0x10:
        return "utf-32-le"
    if not data[0::4].strip(b"\0") and max(data[1::4]) <= 0x10:
        return "utf-32-be"
    return None


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: CJK text has a zero or CJK high byte on one side of most pairs."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    if odd.count(0) > len(odd) * 0.3:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.3:
        return "utf-16-be"
    return None


def _plausible_chinese(text: str) -> bool:
    sample = text[:2000]
    ok = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff" or " " <= ch <= "~" or ch in "\n\r\t"
             or "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e" or ch in "“”‘’…—·")
    return bool(sample) and ok >= 0.9 * len(sample)


def _plausible_as(data: bytes, name: str) -> str | None:
    """`data` decoded as `name` when it decodes and reads as Chinese (or ASCII) text."""
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    return text if _plausible_chinese(text) else None


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding used). Raises ReadError for binary or undecodable bytes."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as e:
                raise ReadError("encoding", f"starts with a {name} byte-order mark but does not decode: {e.reason}")
    # UTF-32 first: its zero bytes also look like UTF-16's.
    for name in (_looks_utf32(data), _looks_utf16(data)):
        text = _plausible_as(data, name) if name else None
        if text is not None:
            return text, name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # UTF-16 of Chinese text without a BOM has few zero bytes; it reads as plausible CJK text.
    for name in ("utf-16-le", "utf-16-be"):
        text = _plausible_as(data, name) if len(data) % 2 == 0 else None
        if text is not None:
            return text, name
    if b"\x00" in data:
        raise ReadError("binary", "holds NUL bytes: this is a binary file, not text")
    chinese = {}
    for name in ("gb18030", "big5"):
        try:
            chinese[name] = data.decode(name)
        except UnicodeDecodeError:
            pass
    if len(chinese) == 1:
        return next(iter(chinese.items()))[::-1]
    guess = _guess(data, ["gb18030", "big5"] if chinese else None)
    if guess in chinese:
        return chinese[guess], guess
    if chinese:
        return chinese["gb18030"], "gb18030"
    if guess:
        try:
            return data.decode(guess), guess
        except (UnicodeDecodeError, LookupError):
            pass
    tried = "UTF-8, UTF-16 and UTF-32 (either byte order), GB18030, Big5"
    raise ReadError("encoding", f"cannot be decoded: tried {tried}" +
                    (f" and {guess} (charset-normalizer's guess)" if guess else "; charset-normalizer found none"))


def _guess(data: bytes, candidates: list[str] | None) -> str | None:
    """charset-normalizer's best encoding (among `candidates` when given), as a Python codec name."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        return None
    best = from_bytes(data, cp_isolation=candidates).best()
    if best is None:
        return None
    return codecs.lookup(best.encoding).name if _known(best.encoding) else best.encoding


def _known(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ue000-\uf8ff]")


def _binary_share(text: str) -> float:
    """Share of control and private-use characters: text decoded from a binary file is full of them."""
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) / len(sample) if sample else 0.0


def normalise_newlines(text: str) -> str:
    """One line end, so that our line numbers are an editor's (spec libraries.md §5.7)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return (
        text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
        .replace("\u2029", "\n").replace("\x0c", "\n").replace("\x0b", "\n")
    )


def read(path: str, data: bytes) -> Source:
    text, encoding = decode(data)
    if _binary_share(text) > 0.05:
        raise ReadError("binary", "is mostly control characters: this is a binary file, not text")
    text = normalise_newlines(text)
    if not text.strip():
        raise ReadError("empty", "holds no text")
    fmt = "markdown" if path.lower().endswith((".md", ".markdown")) else "text"
    return Source(path=path, text=text, format=fmt, encoding=encoding)

"""The fuzz engine shared by the robustness tests (small budget) and scripts/fuzz.py (the long run).

An input is bytes plus a file name (the suffix picks the reader). Inputs are mutations of the real
reports in tests/corpus/docs and seeds/ — truncation, byte flips, shuffled lines, doubled sections,
huge, negative and full-width numbers, re-encodings, one-line documents, wrappers in deeply nested
HTML or in a .docx — and some fully random bytes. Each input goes the whole way: reader → grammar →
facts → tables → every rule → the text and JSON formatters.

The outcome of one input is "ok", "error:<documented kind>", "unhandled:<exception>" or "hang".
Input number i of seed s is always the same bytes, so any failure can be replayed alone.
"""
from __future__ import annotations

import io
import os
import random
import re
import signal
import traceback
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS_DIRS = [ROOT / "tests" / "corpus" / "docs", ROOT / "seeds"]
SUFFIXES = [".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".xlsx", ".doc", ".xls", ".wps", ".bin", ""]


class Hang(BaseException):
    """Raised by the alarm; a BaseException so that no `except Exception` inside disclint swallows it."""


@dataclass
class Outcome:
    status: str  # ok | error:<kind> | unhandled:<type> | hang
    detail: str = ""
    findings: int = 0


@dataclass
class Case:
    index: int
    name: str
    data: bytes
    recipe: list[str] = field(default_factory=list)


def corpus_files(dirs: list[Path] | None = None) -> list[Path]:
    files: list[Path] = []
    for d in dirs or CORPUS_DIRS:
        if d.is_dir():
            files += sorted(p for p in d.rglob("*") if p.is_file() and p.suffix.lower() in
                            {".txt", ".html", ".htm", ".docx", ".pdf", ".md", ".xlsx"})
    return files


# --- mutations of text ---------------------------------------------------------------------------------

_NUMBER = re.compile(r"[0-9]+")
_HEADING = re.compile(r"(?m)^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])")
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ODD = ["\u3000", "\u00a0", "\u2002", "\ufeff", "\u200b", "\u2028", "\x0c", "\x00", "\ud7ff", "⑴", "㈠", "①",
        "⼀", "⼯", "|", "｜", "—", "/", "－", "\t", "\r", "\\", "{", "}", "<", ">", "&", "\U0001f600", "\ufffd"]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def truncate(rng: random.Random, text: str) -> str:
    return text[: rng.randrange(len(text) + 1)]


def shuffle_lines(rng: random.Random, text: str) -> str:
    lines = _lines(text)
    if rng.random() < 0.5:
        rng.shuffle(lines)
    else:  # shuffle one window, as a botched copy-and-paste would
        a = rng.randrange(len(lines))
        b = min(len(lines), a + rng.randint(2, 40))
        window = lines[a:b]
        rng.shuffle(window)
        lines[a:b] = window
    return "\n".join(lines)


def double_section(rng: random.Random, text: str) -> str:
    starts = [m.start() for m in _HEADING.finditer(text)]
    if len(starts) < 2:
        return text + "\n" + text
    i = rng.randrange(len(starts) - 1)
    a, b = starts[i], starts[i + 1]
    times = rng.choice([2, 2, 3, 50])
    return text[:b] + text[a:b] * (times - 1) + text[b:]


def huge_numbers(rng: random.Random, text: str) -> str:
    def big(_m):
        return rng.choice(["9" * rng.randint(20, 400), str(2**64), str(10**30), "1" + "0" * 4000, "4294967296"])

    return _NUMBER.sub(lambda m: big(m) if rng.random() < 0.3 else m.group(), text)


def negative_numbers(rng: random.Random, text: str) -> str:
    return _NUMBER.sub(lambda m: rng.choice(["-", "－", "−", "+"]) + m.group() if rng.random() < 0.4 else m.group(),
                       text)


def fullwidth_digits(rng: random.Random, text: str) -> str:
    if rng.random() < 0.5:
        return text.translate(_FULLWIDTH)
    return _NUMBER.sub(lambda m: m.group().translate(_FULLWIDTH) if rng.random() < 0.5 else m.group(), text)


def delete_lines(rng: random.Random, text: str) -> str:
    return "\n".join(line for line in _lines(text) if rng.random() > 0.2)


def odd_characters(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 30)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(_ODD))
    return "".join(chars)


def one_line(rng: random.Random, text: str) -> str:
    return text.replace("\n", rng.choice(["", " ", "\u3000"]))


def line_ends(rng: random.Random, text: str) -> str:
    return text.replace("\n", rng.choice(["\r\n", "\r", "\u2028", "\n\n\n", "\x0c"]))


def splice(rng: random.Random, text: str, other: str) -> str:
    return text[: rng.randrange(len(text) + 1)] + other[rng.randrange(len(other) + 1):]


def scale(rng: random.Random, text: str) -> str:
    return text * rng.choice([2, 5, 20])


def empty_like(rng: random.Random, text: str) -> str:
    return rng.choice(["", " ", "\n\n", "\u3000\u3000\n", "\t \r\n", "\ufeff", "一、", "（一）\n1.\n(1)"])


TEXT_MUTATIONS = [truncate, shuffle_lines, double_section, huge_numbers, negative_numbers, fullwidth_digits,
                  delete_lines, odd_characters, one_line, line_ends, scale, empty_like]


# --- mutations of bytes and containers -----------------------------------------------------------------

def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    buf = bytearray(data)
    for _ in range(rng.choice([1, 2, 8, 64])):
        buf[rng.randrange(len(buf))] = rng.randrange(256)
    return bytes(buf)


def truncate_bytes(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def encode(rng: random.Random, text: str) -> tuple[bytes, str]:
    name = rng.choice(["utf-8", "utf-8", "utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be",
                       "big5", "utf-32"])
    return text.encode(name, errors="replace"), name


def html_of(rng: random.Random, text: str) -> bytes:
    depth = rng.choice([0, 1, 5, 50, 300, 5000])
    body = "".join(f"<p>{_escape(line)}</p>" for line in _lines(text))
    if rng.random() < 0.3:
        body = body.replace("<p>", "<table><tr><td>", 20).replace("</p>", "</td></tr></table>", 20)
    nested = "<div>" * depth + body + "</div>" * (depth if rng.random() < 0.7 else 0)
    page = f"<html><head><meta charset='utf-8'><title>t</title></head><body>{nested}</body></html>"
    return page.encode("utf-8")


def _escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx_of(rng: random.Random, text: str) -> bytes:
    """A minimal WordprocessingML package whose paragraphs are the lines of `text`."""
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    paras = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{_escape(_xml_safe(line))}</w:t></w:r></w:p>"
                    for line in _lines(text))
    doc = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{ns}"><w:body>{paras}' \
          f'</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                   'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", doc)
    return out.getvalue()


def _xml_safe(s: str) -> str:
    return "".join(ch for ch in s if ch in "\t\n\r" or 0x20 <= ord(ch) <= 0xD7FF or 0xE000 <= ord(ch) <= 0xFFFD
                   or ord(ch) > 0xFFFF)


# --- building cases ------------------------------------------------------------------------------------

class Corpus:
    def __init__(self, files: list[Path] | None = None):
        self.files = files if files is not None else corpus_files()
        self.raw = {p: p.read_bytes() for p in self.files}
        self.texts = [self._text(p) for p in self.files if p.suffix.lower() in {".txt", ".md"}]

    @staticmethod
    def _text(p: Path) -> str:
        data = p.read_bytes()
        for enc in ("utf-8-sig", "gb18030"):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                pass
        return data.decode("utf-8", "replace")

    def case(self, seed: int, index: int) -> Case:
        rng = random.Random(f"{seed}:{index}")
        roll = rng.random()
        recipe: list[str] = []
        if roll < 0.04:  # pure noise
            data = rng.randbytes(rng.choice([0, 1, 16, 512, 8192]))
            suffix = rng.choice(SUFFIXES)
            return Case(index, f"random{index}{suffix}", data, ["random-bytes", suffix or "no-suffix"])
        if roll < 0.14:  # a real non-text file (HTML, DOCX, PDF), damaged at the byte level
            binaries = [p for p in self.files if p.suffix.lower() not in {".txt", ".md"}]
            # PDFs take ~40 ms a page to read; keep them to a small share so the run stays fast
            weights = [1 if p.suffix.lower() == ".pdf" else 4 for p in binaries]
            src = rng.choices(binaries, weights)[0]
            data = self.raw[src]
            for _ in range(rng.randint(0, 2)):
                op = rng.choice([flip_bytes, truncate_bytes])
                data = op(rng, data)
                recipe.append(op.__name__)
            return Case(index, f"{src.stem}-{index}{src.suffix}", data, [src.name, *recipe])
        text = rng.choice(self.texts)
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            op = rng.choice(TEXT_MUTATIONS + [splice])
            text = op(rng, text, rng.choice(self.texts)) if op is splice else op(rng, text)
            recipe.append(op.__name__)
        wrap = rng.random()
        if wrap < 0.12:
            data, suffix = html_of(rng, text), ".html"
            recipe.append("as-html")
        elif wrap < 0.20:
            data, suffix = docx_of(rng, text), ".docx"
            recipe.append("as-docx")
        else:
            data, enc = encode(rng, text)
            suffix = rng.choice([".txt"] * 8 + [".md", ".html", ".docx", ".pdf", ""])
            recipe.append(enc)
        if rng.random() < 0.1:
            op = rng.choice([flip_bytes, truncate_bytes])
            data = op(rng, data)
            recipe.append(op.__name__)
        return Case(index, f"case{index}{suffix}", data, recipe)


# --- running one input ---------------------------------------------------------------------------------

def _alarm(signum, frame):
    raise Hang()


def run_case(name: str, data: bytes, settings=None, time_limit: float = 20.0) -> Outcome:
    """Lint `data` as a file called `name`, the whole way to rendered output."""
    from disclint import formatters
    from disclint.engine.linter import linter_for
    from disclint.readers import ReadError, read_bytes
    from disclint.readers.base import ERROR_REASONS
    from disclint.report import Report
    from disclint.settings import Settings

    settings = settings or Settings()
    use_alarm = time_limit and hasattr(signal, "setitimer")
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, time_limit)
    try:
        if len(data) > settings.max_bytes:
            return Outcome("error:too-large")
        try:
            source = read_bytes(name, data)
        except ReadError as e:
            if e.reason not in ERROR_REASONS:
                return Outcome(f"unhandled:undocumented-kind-{e.reason}", e.message)
            return Outcome(f"error:{e.reason}", e.message)
        result = linter_for(settings).lint_source(source, settings)
        report = Report(results=[result], settings=settings)
        formatters.render("json", report)
        formatters.render("text", report)
        return Outcome("ok", findings=len(result.findings))
    except Hang:  # where it was when the time ran out
        return Outcome("hang", f"over {time_limit} s\n" + traceback.format_exc(limit=-8))
    except RecursionError:
        return Outcome("unhandled:RecursionError", traceback.format_exc(limit=-8))
    except Exception as e:  # noqa: BLE001 - this is what the fuzzer looks for
        return Outcome(f"unhandled:{type(e).__name__}", traceback.format_exc(limit=-8))
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def run_range(seed: int, start: int, stop: int, time_limit: float = 20.0, corpus: Corpus | None = None,
              failures_dir: str | None = None) -> tuple[dict[str, int], list[dict]]:
    """Run inputs [start, stop) of `seed`; returns (counts per outcome, failures)."""
    corpus = corpus or Corpus()
    counts: dict[str, int] = {}
    failures: list[dict] = []
    for i in range(start, stop):
        case = corpus.case(seed, i)
        outcome = run_case(case.name, case.data, time_limit=time_limit)
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
        if outcome.status.startswith("unhandled") or outcome.status == "hang":
            failures.append({"index": i, "name": case.name, "recipe": case.recipe, "status": outcome.status,
                             "detail": outcome.detail})
            if failures_dir:
                os.makedirs(failures_dir, exist_ok=True)
                Path(failures_dir, f"{seed}-{i}-{case.name}").write_bytes(case.data)
    return counts, failures

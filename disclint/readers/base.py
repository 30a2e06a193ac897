"""What every reader hands on: decoded text with positions, and the tables it saw as grids.

A reader turns the bytes of one file into a `Source`. Plain-text formats give their text as is;
structured formats (HTML, DOCX, PDF, XLSX) render their content as lines of text — paragraphs one per
line, each table row as one pipe row ``| a | b | c |`` — and also keep each table as a `Grid`, so the
table rebuilder can use real cell structure while findings still point at a line.
"""
from __future__ import annotations

from dataclasses import dataclass, field


class ReadError(Exception):
    """A file that cannot be linted. `reason` is one of ERROR_REASONS: the JSON contract's error
    "kind" (documented in README)."""

    def __init__(self, reason: str, message: str):
        assert reason in ERROR_REASONS, reason
        super().__init__(message)
        self.reason = reason
        self.message = message

    def __reduce__(self):
        # Results cross process boundaries (batch pool) and go into the cache: keep both arguments.
        return (ReadError, (self.reason, self.message))


# The documented reasons a file cannot be read: the "kind" of the JSON contract's "error" entry.
ERROR_REASONS = {
    "unreadable": "the file cannot be opened or read (permissions, a folder, a broken link)",
    "empty": "the file is empty or holds only white space",
    "binary": "the bytes are not text (a binary file with a text extension)",
    "encoding": "the text cannot be decoded as UTF-8, UTF-16, UTF-32, GB18030 or Big5 (the message names what was tried)",
    "too-large": "the file is larger than the configured size limit",
    "format": "the file is damaged or not of the format its name says (truncated .docx, broken PDF)",
    "encrypted": "the document is password-protected",
    "no-text": "the document has no text layer (a scanned PDF: OCR is out of scope)",
    "no-article": "an HTML page in which no article body can be found",
    "bomb": "a compressed or XML payload that would expand beyond safe limits",
    "unsupported": "a format disclint cannot read here (e.g. legacy .doc without LibreOffice)",
    "nesting": "markup nested deeper than a real document ever is",
    "internal": "disclint itself failed on this file (a bug; the batch goes on): please report it with the file",
}


@dataclass
class Grid:
    """One table as the source laid it out.

    `rows` is rectangular after expanding row and column spans: a cell covered by a span from
    above or from the left is None, a blank cell is "". Row i of the grid is rendered on line
    `first_line + i` of `Source.text` (1-based).
    """

    rows: list[list[str | None]]
    first_line: int
    where: dict = field(default_factory=dict)  # e.g. {"page": 3} or {"table": 2}


@dataclass
class Source:
    """A file read and decoded. `text` uses "\\n" line ends only."""

    path: str
    text: str
    format: str  # "text" | "markdown" | "html" | "docx" | "pdf" | "xlsx" | ...
    encoding: str | None = None  # how the bytes were decoded, for text formats
    grids: list[Grid] = field(default_factory=list)
    # Extra location fields per 1-based line for structured formats: {"page": 2} for PDF,
    # {"paragraph": 14} or {"table": 1, "row": 3} for DOCX. Findings on that line carry them.
    locations: dict[int, dict] = field(default_factory=dict)


def render_grid_row(cells: list[str | None]) -> str:
    """The pipe-row line a structured reader writes for one grid row."""
    return "| " + " | ".join((c or "").replace("\n", " ").replace("|", "｜") for c in cells) + " |"

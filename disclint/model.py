"""The typed model of a report that rules see: never raw Lark trees, never raw text offsets alone.

Offsets (`start`, `end`) index `Document.text`, the text as read; `Document.position` turns one
into the 1-based line and column a user's editor shows.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # types only: the model imports nothing of disclint at run time (docs/architecture.md)
    from .tables.table import Table


class SourceText(Protocol):
    """What the model needs of a read file (a `readers.base.Source` is one): the text as read, and
    per-line extra locations for findings. A Protocol, so the model does not depend on the readers."""

    path: str
    text: str
    format: str
    locations: dict[int, dict]


# The rule profiles: the regulation and notice a report is checked against (2008 regulation, the 2019
# revision, the 2021 official forms), by the year it reports on (facts.py picks one per report).
PROFILES = ("2008", "2019", "2021")


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


class Style(str, Enum):
    """Heading numbering styles seen in real reports (regulation.md §8.2)."""

    PART = "part"  # 第一部分
    CN = "cn"  # 一、 一. 一，
    CN_PAREN = "cn-paren"  # （一） (一)
    NUM = "num"  # 1. 1、 1．
    NUM_PAREN = "num-paren"  # （1） (1) 1)
    CIRCLED = "circled"  # ①


@dataclass
class Heading:
    style: Style
    marker: str  # the numbering as written, e.g. "（三）"
    number: int | None  # 3; None when the numeral was lost ("（）改进措施")
    title: str  # the words after the marker, as written
    start: int
    end: int
    level: int = 0  # 1 = top level of this document, assigned from the order styles appear in
    section_id: str | None = None  # canonical id of the mandated section this heading names
    table_label: bool = False  # a table row label that looks like a heading (三、本年度办理结果)
    inline: bool = False  # found inside a longer line, not at a line start


@dataclass
class Paragraph:
    text: str
    start: int
    end: int


@dataclass
class CellLine:
    """A line holding only numbers or blank-like cell values ("0 0 5", "12", "/")."""

    values: list[str]
    start: int
    end: int


@dataclass
class PipeRow:
    """A line of cells separated by | (Markdown tables, page text, structured readers)."""

    cells: list[str]
    start: int
    end: int


Block = Heading | Paragraph | CellLine | PipeRow


@dataclass
class Section:
    heading: Heading | None  # None for the preamble
    blocks: list[Block] = field(default_factory=list)  # everything up to the next heading of any level
    children: list["Section"] = field(default_factory=list)
    end: int = 0  # offset where this section and its children end

    @property
    def start(self) -> int:
        return self.heading.start if self.heading else 0

    @property
    def id(self) -> str | None:
        return self.heading.section_id if self.heading else None

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class DocumentFacts:
    """The evidence behind a document's facts (facts.py), for rules and messages."""
    title_at: int | None = None  # offset of the title
    published_at: int | None = None
    year_source: str = ""  # title | declaration | statistics-period | body | published
    agency_source: str = ""  # title | declaration | publisher | signature | contact | mention
    body_type: str | None = None  # preset by a rule case; else inferred from the agency (content/body_type.py)
    genre_signals: tuple[str, ...] = ()  # what made the genre: title, declaration, statistics-period …
    genre_note: str | None = None  # the signals disagreed: what each said
    layout_hits: dict[str, list[int]] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # results later stages compute once per document


@dataclass
class Document:
    source: SourceText
    norm: str  # same length as source.text: the copy every pattern is matched on
    blocks: list[Block]  # in document order
    root: Section  # preamble; top-level sections are its children
    genre: str = "annual-report"  # or "not-annual-report": what sort of document this is (facts.py)
    title: str | None = None
    year: int | None = None
    published: str | None = None  # ISO date
    profile: str | None = None  # "2008" | "2019" | "2021"
    agency: str | None = None
    layout: str | None = None  # era of the tables' labels, when they show one
    tables: dict[str, Table] = field(default_factory=dict)  # table id → rebuilt table (disclint.tables)
    facts: DocumentFacts = field(default_factory=DocumentFacts)
    _line_starts: list[int] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return self.source.text

    @property
    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]

    @property
    def sections(self) -> list[Section]:
        """Top-level sections in document order."""
        return self.root.children

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset, the column counted in characters."""
        if not self._line_starts:
            starts = [0]
            text = self.text
            i = text.find("\n")
            while i >= 0:
                starts.append(i + 1)
                i = text.find("\n", i + 1)
            self._line_starts = starts
        idx = bisect.bisect_right(self._line_starts, offset) - 1
        return idx + 1, offset - self._line_starts[idx] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of the start and end of a 1-based line."""
        self.position(0)
        starts = self._line_starts
        return starts[line - 1], (starts[line] - 1 if line < len(starts) else len(self.text))

    def line_text(self, line: int) -> str:
        begin, end = self.line_span(line)
        return self.text[begin:end]

    def section_at(self, offset: int) -> Section | None:
        """The innermost section whose span holds `offset`."""
        best = None
        for sec in self.root.walk():
            if sec.heading and sec.start <= offset < sec.end:
                best = sec
        return best

    def top_section_id_at(self, offset: int) -> str | None:
        for sec in self.sections:
            if sec.start <= offset < sec.end:
                return sec.id
        return None


@dataclass
class Finding:
    """One problem found. Every formatter renders a list of these."""

    rule: str  # stable code, DL201
    name: str  # kebab-case rule name
    finding_kind: str  # the contract's finding "kind" (missing-section, table-identity …)
    severity: Severity
    message: str
    message_en: str = ""
    start: int | None = None  # offset in the text as read; None when not locatable
    end: int | None = None
    line: int | None = None
    column: int | None = None
    section: str | None = None
    table: str | None = None
    row: str | None = None
    table_column: str | None = None
    expected: Any = None
    actual: Any = None
    where: dict = field(default_factory=dict)  # extra location: page, paragraph, table cell
    reference: str | None = None  # the article or notice the rule enforces
    anchor: str = ""  # the words the finding points at, for a fingerprint that survives edits
    # Table findings: the equally small repairs (tables.repair), each a list of cells
    # {row, column, actual, expected}; one option = determined, several = ambiguous, none = not localised.
    repairs: list = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        """Stable across edits that move lines: rule + section + table + row + column, and for a
        finding that names none of these, the words it points at."""
        parts = [self.rule, self.section or "", self.table or "", self.row or "", self.table_column or ""]
        if not any(parts[1:]):
            parts.append(self.anchor or self.message)
        return "/".join(parts)

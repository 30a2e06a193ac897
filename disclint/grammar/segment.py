"""Text → typed blocks (Lark LALR over logical lines) → sections (a post-pass with a style stack)."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path

from lark import Lark, Token, Transformer

from ..model import Block, CellLine, Document, Heading, Paragraph, PipeRow, Section, Style
from ..normalize import chinese_numeral, normalise
from ..readers.base import Source
from .lines import logical_lines
from .vocabulary import Vocabulary, load_vocabulary

_GRAMMAR = Path(__file__).with_name("report.lark")


@lru_cache(maxsize=1)
def parser() -> Lark:
    # cache=True stores the built LALR tables in the temp folder: 2 ms instead of ~30 ms per process.
    return Lark(_GRAMMAR.read_text(encoding="utf-8"), parser="lalr", lexer="contextual", cache=True)


_STYLE_OF = {"part": Style.PART, "h1": Style.CN, "h2": Style.CN_PAREN, "h3": Style.NUM, "h4": Style.NUM_PAREN,
             "h5": Style.CIRCLED}
_DIGITS = re.compile(r"[0-9]+")
_CN = re.compile(r"[一二三四五六七八九十]+")


def _number(style: Style, marker: str) -> int | None:
    if style in (Style.NUM, Style.NUM_PAREN):
        m = _DIGITS.search(marker)
        return int(m.group()) if m else None
    if style == Style.CIRCLED:
        return ord(marker[0]) - 0x2460 + 1
    m = _CN.search(marker)
    return chinese_numeral(m.group()) if m else None


class _ToBlocks(Transformer):
    """Lark tree → blocks, with offsets mapped from the parse text back to the original text."""

    def __init__(self, text: str, parse_starts: list[int], orig_starts: list[int], inline: list[bool]):
        super().__init__()
        self.src = text
        self.parse_starts = parse_starts
        self.orig_starts = orig_starts
        self.inline = inline

    def _orig(self, pos: int) -> int:
        i = bisect.bisect_right(self.parse_starts, pos) - 1
        return self.orig_starts[i] + (pos - self.parse_starts[i])

    def _span(self, first: Token, last: Token) -> tuple[int, int]:
        return self._orig(first.start_pos), self._orig(last.end_pos)

    def _heading(self, name: str, children: list[Token]) -> Heading:
        marker, rest = children[0], children[1:] 
        start, end = self._span(marker, children[-1])
        style = _STYLE_OF[name]
        title = self.src[self._orig(rest[0].start_pos): end].strip().rstrip("*_").strip() if rest else ""
        i = bisect.bisect_right(self.parse_starts, marker.start_pos) - 1
        return Heading(style=style, marker=self.src[start: self._orig(marker.end_pos)], number=_number(style, str(marker)),
                       title=title, start=start, end=end, inline=self.inline[i])

    def part(self, c):
        return self._heading("part", c)

    def h1(self, c):
        return self._heading("h1", c)

    def h2(self, c):
        return self._heading("h2", c)

    def h3(self, c):
        return self._heading("h3", c)

    def h4(self, c):
        return self._heading("h4", c)

    def h5(self, c):
        return self._heading("h5", c)

    def cells(self, c):
        start, end = self._span(c[0], c[0])
        return CellLine(values=str(c[0]).split(), start=start, end=end)

    def pipe_row(self, c):
        start, end = self._span(c[0], c[0])
        cells = [x.strip() for x in self.src[start:end].strip().strip("|").split("|")]
        return PipeRow(cells=cells, start=start, end=end)

    def text(self, c):
        start, end = self._span(c[0], c[0])
        return Paragraph(text=self.src[start:end], start=start, end=end)

    def start(self, children):
        return children


def parse_blocks(text: str, norm: str, vocab: Vocabulary) -> list[Block]:
    pieces = logical_lines(norm, vocab)
    parse_parts, parse_starts, orig_starts, inline = [], [], [], []
    pos = 0
    for p in pieces:
        parse_starts.append(pos)
        orig_starts.append(p.start)
        inline.append(p.inline)
        parse_parts.append(norm[p.start:p.end])
        pos += p.end - p.start + 1
    tree = parser().parse("\n".join(parse_parts))
    return _ToBlocks(text, parse_starts, orig_starts, inline).transform(tree)


def _mark_table_labels(blocks: list[Block], vocab: Vocabulary) -> None:
    """Headings inside a table, or followed by its numbers, are row labels, not sections."""
    in_table = False
    for i, block in enumerate(blocks):
        if isinstance(block, Heading):
            named = vocab.match_title(block.title)
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            numbers_follow = isinstance(nxt, CellLine) or bool(re.search(r"[0-9]\s*$", block.title))
            if vocab.is_table_label(block.title) or (in_table and (named is None or numbers_follow)):
                block.table_label = True
                continue
            if numbers_follow and named is None:
                block.table_label = True
                continue
            in_table = vocab.starts_table(block.title)
            block.section_id = named.section_id if named else None
        elif isinstance(block, Paragraph):
            if vocab.starts_table(block.text[:40]):
                in_table = True


def _build_sections(blocks: list[Block], end: int) -> Section:
    """Nest headings by the order their numbering styles first appear (like Markdown levels)."""
    root = Section(heading=None)
    stack: list[tuple[Style, Section]] = []
    for block in blocks:
        if isinstance(block, Heading) and not block.table_label:
            styles = [s for s, _ in stack]
            if block.style in styles:
                del stack[styles.index(block.style):]
            parent = stack[-1][1] if stack else root
            block.level = len(stack) + 1
            section = Section(heading=block)
            parent.children.append(section)
            stack.append((block.style, section))
        else:
            (stack[-1][1] if stack else root).blocks.append(block)
    _close(root, end)
    return root


def _close(section: Section, end: int) -> None:
    for i, child in enumerate(section.children):
        nxt = section.children[i + 1].start if i + 1 < len(section.children) else end
        _close(child, nxt)
    section.end = end


def segment(source: Source, vocab: Vocabulary | None = None) -> Document:
    vocab = vocab or load_vocabulary()
    text = source.text
    norm = normalise(text)
    blocks = parse_blocks(text, norm, vocab)
    _mark_table_labels(blocks, vocab)
    root = _build_sections(blocks, len(text))
    return Document(source=source, norm=norm, blocks=blocks, root=root)

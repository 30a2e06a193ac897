"""Text → typed blocks (Lark LALR over logical lines) → sections (a post-pass with a style stack)."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path

import lark_cython
from lark import Lark, Transformer

from ..model import Block, CellLine, Document, Heading, Paragraph, PipeRow, Section, Style
from ..normalize import chinese_numeral, compact, compact_normalised, normalise_whole
from ..readers.base import Source
from .lines import logical_lines
from .vocabulary import Vocabulary, load_vocabulary

_GRAMMAR = Path(__file__).with_name("report.lark")


_STYLE_OF = {"part": Style.PART, "h1": Style.CN, "h2": Style.CN_PAREN, "h3": Style.NUM, "h4": Style.NUM_PAREN,
             "h5": Style.CIRCLED}
_LINE_RULES = frozenset(_STYLE_OF) | {"cells", "pipe_row", "text"}


class _Lines(Transformer):
    """Run by the parser as it reduces, so that no tree is built: each line becomes (rule name,
    tokens) and `start` the list of them.

    The parser is shared by every document, so this holds no state; _ToBlocks then maps the
    tokens' offsets for one document."""

    def start(self, children):
        return children[0] if children else []

    def lines(self, children):
        if len(children) == 1:
            return children
        lines, line = children
        lines.append(line)
        return lines


def _line_callback(name: str):
    def line(self, tokens):
        return name, tokens
    return line


# One method per line rule, called by Lark directly (__default__ costs two more calls a line).
for _name in _LINE_RULES:
    setattr(_Lines, _name, _line_callback(_name))


@lru_cache(maxsize=1)
def parser() -> Lark:
    # cache=True stores the built LALR tables in the temp folder: 2 ms instead of ~30 ms per process.
    # lark_cython runs the same LALR tables and lexer in compiled code (the parse in about half its
    # pure-Python cost); its tokens are not str, so the code below reads `.value`.
    return Lark(_GRAMMAR.read_text(encoding="utf-8"), parser="lalr", lexer="contextual", cache=True,
                transformer=_Lines(), _plugins=lark_cython.plugins)


_DIGITS = re.compile(r"[0-9]+")
_CN = re.compile(r"[一二三四五六七八九十]+")


@lru_cache(maxsize=256)  # the same few markers (一、 （二） 3.) in every report
def _number(style: Style, marker: str) -> int | None:
    if style in (Style.NUM, Style.NUM_PAREN):
        m = _DIGITS.search(marker)
        return int(m.group()) if m else None
    if style == Style.CIRCLED:
        return ord(marker[0]) - 0x2460 + 1
    m = _CN.search(marker)
    return chinese_numeral(m.group()) if m else None


class _ToBlocks:
    """Parsed lines → blocks, with offsets mapped from the parse text back to the original text."""

    def __init__(self, text: str, parse_starts: list[int], orig_starts: list[int], inline: list[bool]):
        self.src = text
        self.parse_starts = parse_starts
        self.orig_starts = orig_starts
        self.inline = inline
        self._others = {"cells": self._cells, "pipe_row": self._pipe_row, "text": self._text}

    def block(self, name: str, tokens: list) -> Block:
        # Which logical line the line's first token is on: its offsets follow from the piece's start.
        first = tokens[0]
        i = bisect.bisect_right(self.parse_starts, first.start_pos) - 1
        start = self.orig_starts[i] + (first.start_pos - self.parse_starts[i])
        style = _STYLE_OF.get(name)
        if style is not None:
            rest = _line(tokens[1])
            if "|" in rest:  # a table row whose label is numbered: 三、本年度办理结果 | （一）予以公开 | 0 |
                return self._pipe_row(first.value + rest, start)
            return self._heading(style, first.value, rest, start, self.inline[i])
        return self._others[name](_line(first), start)

    def _heading(self, style: Style, marker: str, words: str, start: int, inline: bool) -> Heading:
        # `words`, the rest of the line, follow the marker directly.
        marker_end = start + len(marker)
        end = marker_end + len(words)
        title = self.src[marker_end:end].strip().rstrip("*_").strip() if words else ""
        # Blocks are made positionally (for every line: a class called with keywords costs twice as much).
        heading = Heading(style, self.src[start:marker_end], _number(style, marker), title, start, end)
        heading.inline = inline
        return heading

    def _cells(self, line: str, start: int) -> CellLine:
        values = line.rstrip(" \t")  # the cells, without the spaces after them
        return CellLine(values.split(), start, start + len(values))

    def _pipe_row(self, line: str, start: int) -> PipeRow:
        end = start + len(line)
        cells = [x.strip() for x in self.src[start:end].strip().strip("|").split("|")]
        return PipeRow(cells, start, end)

    def _text(self, line: str, start: int) -> Paragraph:
        end = start + len(line)
        return Paragraph(self.src[start:end], start, end)


def _line(token) -> str:
    """A token's text up to the line break it ends with (report.lark)."""
    text = token.value
    return text[:text.index("\n")]


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
    lines = parser().parse("\n".join(parse_parts) + "\n")  # the grammar wants every line ended
    to_blocks = _ToBlocks(text, parse_starts, orig_starts, inline)
    return [to_blocks.block(name, tokens) for name, tokens in lines]


def _ends_in_digit(title: str) -> bool:
    """Whether the title ends in an ASCII digit and whitespace (as the regex [0-9]\\s*$ would say)."""
    stripped = title.rstrip()
    return bool(stripped) and "0" <= stripped[-1] <= "9"


class _Keys:
    """The compacted words of blocks (normalize.compact), taken from the normalised copy of the text
    when its slices are the normalised copies of the same slices of the text (normalise_whole):
    normalising every title and line again cost more than parsing them."""

    def __init__(self, text: str, norm: str, slices_alike: bool):
        self.text = text
        self.norm = norm
        self.slices_alike = slices_alike

    def of(self, words: str, start: int) -> str:
        """compact(words), for words cut from the text at `start`."""
        if self.slices_alike and self.text.startswith(words, start):
            return compact_normalised(self.norm[start:start + len(words)])
        return compact(words)

    def title(self, heading: Heading) -> str:
        # The title is the rest of the line after the marker, stripped (_ToBlocks._heading).
        after_marker = heading.start + len(heading.marker)
        rest = self.text[after_marker:heading.end]
        return self.of(heading.title, after_marker + len(rest) - len(rest.lstrip()))


def _mark_table_labels(blocks: list[Block], vocab: Vocabulary, keys: _Keys) -> None:
    """Headings inside a table, or followed by its numbers, are row labels, not sections."""
    in_table = False
    for i, block in enumerate(blocks):
        if isinstance(block, Heading):
            key = keys.title(block)  # compared three ways below: compacted once
            if vocab.is_table_label_key(key):
                block.table_label = True
                continue
            named = vocab.match_key(key)
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            numbers_follow = isinstance(nxt, CellLine) or _ends_in_digit(block.title)
            if in_table and (named is None or numbers_follow) or numbers_follow and named is None:
                block.table_label = True
                continue
            in_table = vocab.starts_table_key(key)
            block.section_id = named.section_id if named else None
        elif isinstance(block, Paragraph) and not in_table:  # (inside a table already: nothing to learn)
            if vocab.starts_table_key(keys.of(block.text[:40], block.start)):
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
    norm, slices_alike = normalise_whole(text)
    blocks = parse_blocks(text, norm, vocab)
    _mark_table_labels(blocks, vocab, _Keys(text, norm, slices_alike))
    root = _build_sections(blocks, len(text))
    return Document(source=source, norm=norm, blocks=blocks, root=root)

"""HTML pages: find the article among the site chrome, render it as lines, keep its tables as grids.

Published reports are pages of a government site: navigation, breadcrumbs, share buttons,
"扫一扫在手机上查看", footers. The article body is the deepest container that still holds nearly
all of the page's prose punctuation (，。；): chrome is made of links and short labels, prose is not.
The report title usually sits just above that container (a title div, an <h1>), so it is looked
up separately and put back as the first line.
"""
from __future__ import annotations

import codecs
import re

from ..furniture import strip_furniture
from .base import Grid, ReadError, Source, render_grid_row
from .text import decode

# Elements whose content is never article text.
_SKIP = frozenset("""script style noscript template iframe frame frameset object embed svg math canvas
    select option button input textarea head title meta link audio video map area""".split())
# Elements that end a line before and after themselves, like a browser's block boxes.
_BLOCK = frozenset("""p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd section article main aside header footer
    nav blockquote pre center address figure figcaption caption form fieldset legend hr table tr td th
    thead tbody tfoot body html""".split())
# Elements the article search may descend into.
_CONTAINER = frozenset("div section article main td th table tbody tr center form font span body".split())
_PROSE_PUNCT = re.compile("[，。；]")
_CJK = re.compile("[\u3400-\u9fff]")
_WIDE = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
# A whitespace run with a line break between two CJK characters is a source-code line break,
# not a space (CSS Text 3 segment-break rule); other runs collapse to one space.
_BREAK_BETWEEN_WIDE = re.compile(f"(?<=[{_WIDE}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_WIDE}])")
_WS_RUN = re.compile("[ \t\r\n\f]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff\u00ad]")  # zero-width marks editors leave in pages
_STRIP = " \t\r\n\f\u00a0\u3000"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|--|—|–| - )\s*")
_MAX_COLS = 1000
_PROSE_MIN = 3  # fewer prose marks than this in the whole page: there is no article
_ARTICLE_MIN_CJK = 100


def read(path: str, data: bytes) -> Source:
    text, encoding = _decode_html(data)
    root = _parse(text)
    body = root.find("body")
    if body is None:
        body = root
    metrics = _Metrics(body)
    container = _article_container(body, metrics)
    lines: list[tuple[str, dict]] = []
    grids: list[Grid] = []
    title = _find_title(root, body, container)
    blocks = _render_blocks(container) + [_table_grid(t) for t in _trailing_tables(container, metrics)]
    for block in blocks:
        if isinstance(block, str):
            lines.append((block, {}))
        else:
            rows = block
            grids.append(Grid(rows=rows, first_line=len(lines) + 1, where={"table": len(grids) + 1}))
            lines.extend((render_grid_row(r), {"table": len(grids), "row": i + 1}) for i, r in enumerate(rows))
    if title and not any(title in line for line, _ in lines[:3]):
        lines.insert(0, (title, {}))
        for g in grids:
            g.first_line += 1
    if not any(_CJK.search(line) for line, _ in lines):
        raise ReadError("no-article", "is a web page in which no article text can be found")
    locations = {i + 1: loc for i, (_, loc) in enumerate(lines) if loc}
    return Source(path=path, text="\n".join(line for line, _ in lines) + "\n", format="html",
                  encoding=encoding, grids=grids, locations=locations)


# --- decoding and parsing -------------------------------------------------------------------------

def _decode_html(data: bytes) -> tuple[str, str]:
    """The charset the page declares (BOM, <meta>, XML declaration), else the text sniff."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        head = data[:4096]
        m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
        if m:
            declared = _charset_name(m.group(1).decode("ascii", "replace"))
            if declared:
                try:
                    return data.decode(declared), declared
                except UnicodeDecodeError:
                    pass  # pages often declare gb2312 and hold GBK, or lie outright: sniff instead
    return decode(data)


def _charset_name(label: str) -> str | None:
    label = label.strip().lower()
    # GBK and GB2312 pages routinely use characters beyond their declared set; GB18030 is the superset.
    if label in {"gbk", "gb2312", "x-gbk", "gb_2312-80", "cp936", "euc-cn", "hz-gb-2312"}:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _parse(text: str):
    import lxml.etree
    import lxml.html

    # The HTML parser never loads DTDs or external entities; no_network makes the refusal explicit.
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True,
                                  no_network=True, huge_tree=False, recover=True)
    try:
        root = lxml.html.document_fromstring(_INVISIBLE.sub("", text).encode("utf-8", "surrogatepass"),
                                             parser=parser)
    except lxml.etree.ParserError as e:  # an empty document after parsing
        raise ReadError("no-article", f"is a web page without content ({e})")
    except (lxml.etree.LxmlError, ValueError) as e:
        raise ReadError("format", f"cannot be parsed as HTML: {e}")
    for entry in parser.error_log:
        # libxml2 stops building the tree at depth 256 and says so; a truncated tree would silently
        # drop the rest of the page.
        if entry.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in entry.message:
            raise ReadError("nesting", "nests its markup deeper than any real page (more than 255 levels)")
    return root


# --- finding the article -------------------------------------------------------------------------

class _Metrics:
    """Prose punctuation and CJK characters outside links, per element (subtree totals)."""

    def __init__(self, body):
        self.punct: dict = {}
        self.cjk: dict = {}
        in_link: dict = {}
        skipped: set = set()
        order = []
        for el in body.iter():
            if not isinstance(el.tag, str):
                continue
            parent = el.getparent()
            if el.tag in _SKIP or parent in skipped:
                skipped.add(el)
                continue
            in_link[el] = el.tag == "a" or in_link.get(parent, False)
            order.append(el)
        for el in reversed(order):  # children before parents, without recursion
            own = [] if in_link[el] else [el.text or ""]
            punct = cjk = 0
            for child in el:
                if not in_link[el] and child.tail:
                    own.append(child.tail)
                punct += self.punct.get(child, 0)
                cjk += self.cjk.get(child, 0)
            joined = "".join(own)
            self.punct[el] = punct + len(_PROSE_PUNCT.findall(joined))
            self.cjk[el] = cjk + len(_CJK.findall(joined))


def _article_container(body, m: _Metrics):
    total = m.punct.get(body, 0)
    if total < _PROSE_MIN:
        # A page of tables only (a statistics page) still counts; a page of links does not.
        if m.cjk.get(body, 0) >= 40 and any(_is_data_table(t) for t in body.iter("table")):
            return body
        raise ReadError("no-article", "is a web page in which no article text can be found")
    cur = body
    while True:
        kids = [k for k in cur if isinstance(k.tag, str) and k.tag in _CONTAINER and k in m.punct]
        best = max(kids, key=lambda k: m.punct[k]) if kids else None
        if best is None or m.punct[best] < 0.9 * m.punct[cur]:
            break
        cur = best
    # Footers have a sentence or two ("为确保最佳浏览效果，建议…"); a report has paragraphs.
    if m.cjk[cur] < _ARTICLE_MIN_CJK and not any(_is_data_table(t) for t in cur.iter("table")):
        raise ReadError("no-article", "is a web page in which no article text can be found")
    return cur


def _trailing_tables(container, m: _Metrics) -> list:
    """Data tables right after the article, outside its container (a statistics table appended
    below the text block); link lists dressed as tables are left out."""
    tables = []
    for sibling in container.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        for table in ([sibling] if sibling.tag == "table" else sibling.iter("table")):
            linked = sum(len(_CJK.findall(a.text_content())) for a in table.iter("a"))
            if _is_data_table(table) and m.cjk.get(table, 0) >= 4 and linked * 2 < m.cjk.get(table, 0) + linked:
                tables.append(table)
    return tables


def _find_title(root, body, container) -> str | None:
    """The report title: a heading or title block before the article that the page declares as its
    title (<meta name="ArticleTitle">, the first part of <title>); else the ArticleTitle itself."""
    article_title = None
    declared = []
    for meta in root.iter("meta"):
        if (meta.get("name") or meta.get("property") or "").lower() in {"articletitle", "og:title"}:
            article_title = article_title or _clean(meta.get("content") or "")
            declared.append(_clean(meta.get("content") or ""))
    title_el = root.find(".//title")
    if title_el is not None and title_el.text:
        declared.append(_clean(_TITLE_SPLIT.split(title_el.text.strip())[0]))
    declared = [d for d in declared if len(_CJK.findall(d)) >= 4]
    for el in body.iter():
        if el is container:
            break
        if not isinstance(el.tag, str) or el.tag in _SKIP:
            continue
        cls = (el.get("class") or "") + " " + (el.get("id") or "")
        if el.tag in {"h1", "h2", "h3"} or "title" in cls.lower():
            # A title box often holds the breadcrumb or the font-size bar too (「您的位置：首页>…」).
            text = strip_furniture(_clean(el.text_content()))
            if text and any(text == d or (len(text) >= 8 and text in d) or (len(d) >= 8 and d in text)
                            for d in declared):
                return text
    # <title> alone is often the site's name; only an explicit article title stands in for a visible one.
    return article_title if article_title and len(_CJK.findall(article_title)) >= 4 else None


# --- rendering -----------------------------------------------------------------------------------

def _clean(raw: str) -> str:
    return _WS_RUN.sub(" ", _BREAK_BETWEEN_WIDE.sub("", raw)).strip(_STRIP)


class _Lines:
    """Collects inline text into lines; block boundaries and <br> end a line."""

    def __init__(self):
        self.out: list = []
        self.buf: list[str] = []

    def add(self, text: str | None, pre: bool = False):
        if not text:
            return
        if not pre:
            self.buf.append(text)
            return
        # Inside <pre> a line break in the source is a line break on screen (white-space: pre):
        # a text report saved as HTML (LibreOffice, WPS) is one <pre> holding the whole report.
        *ended, rest = text.split("\n")
        for part in ended:
            self.buf.append(part)
            self.flush()
        self.buf.append(rest)

    def flush(self):
        if self.buf:
            line = _clean("".join(self.buf))
            self.buf = []
            if line:
                self.out.append(line)

    def block(self, item):
        self.flush()
        self.out.append(item)


def _render_blocks(root) -> list:
    """Lines (str) and tables (list of rows) of `root`, in document order, without recursion."""
    sink = _Lines()
    # (element, closing, whether the element sits inside a <pre>: its tail is preformatted text)
    root_in_pre = any(a.tag == "pre" for a in root.iterancestors())
    stack = [(root, False, root_in_pre)]
    while stack:
        el, closing, in_pre = stack.pop()
        if closing:
            if el.tag in _BLOCK:
                sink.flush()
            if el is not root:
                sink.add(el.tail, in_pre)
            continue
        tag = el.tag if isinstance(el.tag, str) else None
        if tag is None or tag in _SKIP:
            if el is not root:
                sink.add(el.tail, in_pre)
            continue
        if tag == "br":
            sink.flush()
            sink.add(el.tail, in_pre)
            continue
        if tag == "table" and _is_data_table(el):
            rows = _table_grid(el)
            if rows:
                sink.block(rows)
            sink.add(el.tail, in_pre)
            continue
        if tag in _BLOCK:
            sink.flush()
        pre = in_pre or tag == "pre"
        sink.add(el.text, pre)
        stack.append((el, True, in_pre))
        stack.extend((child, False, pre) for child in reversed(el))
    sink.flush()
    return sink.out


def _cell_text(cell) -> str:
    return "\n".join(b for b in _render_blocks(cell) if isinstance(b, str))


def _table_rows(table) -> list:
    """The <tr>s of this table, not of tables nested in it."""
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in {"thead", "tbody", "tfoot"}:
            rows.extend(r for r in child if r.tag == "tr")
    return rows


def _span(value: str | None, default: int = 1) -> int:
    try:
        return int(str(value).strip().rstrip(";"))
    except (TypeError, ValueError):
        return default


def _is_data_table(table) -> bool:
    """Layout tables (a page grid, a one-column frame around prose) are read as blocks, not grids."""
    if any(t is not table for t in table.iter("table")):
        return False
    rows = _table_rows(table)
    widths = [sum(max(1, _span(c.get("colspan"))) for c in r if c.tag in {"td", "th"}) for r in rows]
    return len(rows) >= 1 and max(widths, default=0) >= 2


def _table_grid(table) -> list[list[str | None]]:
    rows = _table_rows(table)
    n = len(rows)
    placed: dict[tuple[int, int], str | None] = {}
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if cell.tag not in {"td", "th"}:
                continue
            while (r, c) in placed:
                c += 1
            rowspan = _span(cell.get("rowspan"))
            rowspan = n - r if rowspan <= 0 else min(rowspan, n - r)  # rowspan=0: to the table's end
            colspan = min(max(1, _span(cell.get("colspan"))), _MAX_COLS - c)
            if colspan <= 0:
                break
            for dr in range(rowspan):
                for dc in range(colspan):
                    placed.setdefault((r + dr, c + dc), None)
            placed[(r, c)] = _cell_text(cell)
            c += colspan
            width = max(width, c)
    grid = [[placed.get((r, c), "") for c in range(width)] for r in range(n)]
    # Spacer rows (all blank, nothing spanning into them) carry nothing.
    return [row for row in grid if any(cell is None or cell for cell in row)]

"""Message templates of rule packs: `{name}` substitutes one named field, and nothing else.

A template comes from YAML a user may have written, so it is never handed to `str.format`: that walks
attributes (`{residue.__class__}`), indexes (`{x[0]}`) and pads without bound (`{residue:>300000000}`
allocates gigabytes). Here a placeholder is a bare name of a field the rule's kind declares
(`FIELDS` in its module); `{{` and `}}` are literal braces, as in str.format, so templates that render
today render the same. Anything else in braces is refused when the pack loads (`problems`).

`{x}` in a zh message takes the field `x`, or `x_zh` when the kind gives only language variants
(`{problem}` → `problem_zh`); in an en message `x_en`.
"""
from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from functools import lru_cache
from typing import Any

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PART = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


class TemplateError(ValueError):
    """A template with something other than named placeholders in braces."""


@lru_cache(maxsize=1024)
def parse(template: str) -> tuple[tuple[str, bool], ...]:
    """The template as (text, is_field) parts. Raises TemplateError for anything but `{name}`."""
    parts: list[tuple[str, bool]] = []
    pos = 0
    for m in _PART.finditer(template):
        if m.start() > pos:
            parts.append((template[pos:m.start()], False))
        pos = m.end()
        token = m.group(0)
        if token in ("{{", "}}"):
            parts.append((token[0], False))
        elif m.group(1) is None:
            raise TemplateError(f"unmatched '{token}' (write {token * 2} for a literal brace)")
        elif not _NAME.fullmatch(m.group(1)):
            raise TemplateError(_why(m.group(1)))
        else:
            parts.append((m.group(1), True))
    if pos < len(template):
        parts.append((template[pos:], False))
    return tuple(parts)


def _why(inside: str) -> str:
    shown = "{" + inside[:40] + ("…" if len(inside) > 40 else "") + "}"
    if not inside:
        return f"empty placeholder {shown}: placeholders name a field"
    if inside.isdigit():
        return f"positional placeholder {shown}: placeholders name a field"
    if "!" in inside or ":" in inside:
        return f"placeholder {shown} has a conversion or format spec; only {{name}} is allowed"
    if "." in inside or "[" in inside:
        return f"placeholder {shown} reaches into a field; only {{name}} is allowed"
    return f"placeholder {shown} is not a field name"


def problems(template: str, fields: Collection[str], lang: str) -> str | None:
    """Why `template` cannot be rendered from the declared `fields` in `lang`, or None."""
    try:
        parts = parse(template)
    except TemplateError as e:
        return str(e)
    unknown = [name for name, is_field in parts if is_field and name not in fields and f"{name}_{lang}" not in fields]
    if unknown:
        return (f"unknown placeholder {{{unknown[0]}}}; this kind's fields are "
                f"{', '.join(sorted(fields)) or '(none)'}")
    return None


def render(template: str, values: Mapping[str, Any], lang: str) -> str:
    """The template with each `{name}` replaced by str() of its value (or of `name_<lang>`). A name
    with no value stays visible as `{name}`, so a gap shows in the message instead of failing the run."""
    out = []
    for text, is_field in parse(template):
        if not is_field:
            out.append(text)
        elif text in values:
            out.append(str(values[text]))
        elif f"{text}_{lang}" in values:
            out.append(str(values[f"{text}_{lang}"]))
        else:
            out.append("{" + text + "}")
    return "".join(out)

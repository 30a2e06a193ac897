"""The type of body that issued a report — government, department, township, subdistrict or other —
which decides its statutory deadline (条例 2019 art. 49) and whether art. 50(4) applies to it.

Inferred from the agency name (or the title) with the `body_types` patterns of rules/document.yaml,
unless `doc.facts.body_type` is already set (only rule cases do: no configuration key sets it)."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import yamlsafe

from ..model import Document
from ..normalize import compact
from ..paths import builtin_rules_dir

BODY_TYPES = ("government", "department", "township", "subdistrict", "other")
NAMES_ZH = {"government": "县级以上人民政府", "department": "县级以上人民政府部门", "township": "乡（镇）人民政府",
            "subdistrict": "街道办事处", "other": "派出机构等其他机关"}

_YEAR_AND_AFTER = re.compile(r"(?:19|20)\d\d\s*年.*$")


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, tuple[re.Pattern, ...]], ...]:
    data = yamlsafe.load_file(str(builtin_rules_dir() / "document.yaml")).get("body_types", {})
    return tuple((kind, tuple(re.compile(p) for p in pats)) for kind, pats in data.items())


@lru_cache(maxsize=1024)  # a batch holds the reports of a few hundred bodies, year after year
def classify(name: str) -> str | None:
    """The body type a name ends like, None when no pattern matches."""
    name = compact(name)
    for kind, patterns in _patterns():
        if any(p.search(name) for p in patterns):
            return kind
    return None


def body_type(doc: Document) -> tuple[str | None, str]:
    """(type, how it was found): "config", "agency" or "title"; (None, "") when unknown."""
    configured = doc.facts.body_type
    if configured in BODY_TYPES:
        return configured, "config"
    if doc.agency:
        kind = classify(doc.agency)
        if kind:
            return kind, "agency"
    if doc.title:
        # The issuer precedes the year in most titles: 平潭综合实验区公安局2021年政府信息公开工作年度报告.
        head = _YEAR_AND_AFTER.sub("", compact(doc.title))
        kind = classify(head) if head else None
        if kind:
            return kind, "title"
    return None, ""

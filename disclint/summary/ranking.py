"""The ranking of bodies every output shares (page, 按机关 sheet, 通报): one entry per body, its
reports of all years together, ordered by errors.

A report whose body could not be told (no name in its title or text) is never ranked as if
"（未识别机关）" were a body: those reports are counted apart, in `Ranking.unknown`."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .agency import region_of
from .digest import ReportDigest
from .labels import problem_type
from .rows import Row

TOP_PROBLEMS = 3


@dataclass
class Body:
    name: str  # the name its reports use most
    key: str
    level: str = ""
    region: str = ""
    reports: list[int] = field(default_factory=list)  # row indices
    errors: int = 0
    warnings: int = 0
    late: int = 0
    unreadable: int = 0
    problems: Counter = field(default_factory=Counter)  # 问题类型 → errors and warnings of that type
    by_year: dict[int, int] = field(default_factory=dict)  # year → errors that year
    names: Counter = field(default_factory=Counter)

    @property
    def per_report(self) -> float:
        return self.errors / len(self.reports) if self.reports else 0.0

    def top_problems(self, n: int = TOP_PROBLEMS) -> list[tuple[str, int]]:
        return sorted(self.problems.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

    @property
    def trend(self) -> list[tuple[int, int]]:
        """(year, errors) in year order, when the body has reports of several years."""
        return sorted(self.by_year.items()) if len(self.by_year) > 1 else []


@dataclass
class Ranking:
    bodies: list[Body]  # ranked
    unknown: Body  # the reports whose body is not known, together (never ranked)

    @property
    def with_problems(self) -> list[Body]:
        return [b for b in self.bodies if b.errors or b.late or b.unreadable]


def rank(digests: list[ReportDigest], rows: list[Row]) -> Ranking:
    from .cross import agency_key

    bodies: dict[str, Body] = {}
    unknown = Body(name="（未识别机关）", key="")
    for d, r in zip(digests, rows):
        key = agency_key(d) or ""
        body = bodies.setdefault(key, Body(name="", key=key)) if key else unknown
        body.reports.append(r.index)
        if r.agency:
            body.names[r.agency] += 1
        body.errors += r.errors
        body.warnings += r.warnings
        body.late += r.late
        body.unreadable += r.status == "unreadable"
        if r.year is not None:
            body.by_year[r.year] = body.by_year.get(r.year, 0) + r.errors
        for f in d.findings:
            if f["severity"] in ("error", "warning"):
                body.problems[problem_type(f)] += 1
    for body in bodies.values():
        body.name = max(body.names.items(), key=lambda kv: (kv[1], len(kv[0])))[0] if body.names else body.key
        level = Counter(rows[i].level for i in body.reports if rows[i].level).most_common(1)
        body.level = level[0][0] if level else ""
        body.region = region_of(body.name)
    ranked = sorted(bodies.values(), key=lambda b: (-b.errors, -b.per_report, -b.late, -b.warnings, b.name))
    return Ranking(bodies=ranked, unknown=unknown)


@dataclass
class Overview:
    """What the first sheet, the page's cards and the 通报's second paragraph say."""
    reports: int
    compliant: int
    with_errors: int
    unreadable: int
    errors: int
    warnings: int
    late: int
    pairs: int
    years: list[int]
    by_type: list[tuple[str, int, int]]  # 问题类型, findings (errors and warnings), reports
    by_level: list[tuple[str, int, int, int]]  # 机关类型, reports, reports with errors, errors


def overview(digests: list[ReportDigest], rows: list[Row], pairs: int) -> Overview:
    status = Counter(r.status for r in rows)
    found: Counter = Counter()
    reports_of: dict[str, set[int]] = {}
    for d, r in zip(digests, rows):
        for f in d.findings:
            if f["severity"] in ("error", "warning"):
                kind = problem_type(f)
                found[kind] += 1
                reports_of.setdefault(kind, set()).add(r.index)
    levels: dict[str, list[int]] = {}
    for r in rows:
        entry = levels.setdefault(r.level or "未能判断", [0, 0, 0])
        entry[0] += 1
        entry[1] += r.status == "errors"
        entry[2] += r.errors
    return Overview(
        reports=len(rows), compliant=status["compliant"], with_errors=status["errors"],
        unreadable=status["unreadable"], errors=sum(r.errors for r in rows), warnings=sum(r.warnings for r in rows),
        late=sum(r.late for r in rows), pairs=pairs, years=sorted({r.year for r in rows if r.year is not None}),
        by_type=sorted(((k, n, len(reports_of[k])) for k, n in found.items()), key=lambda t: (-t[2], -t[1], t[0])),
        by_level=sorted(((k, *v) for k, v in levels.items()), key=lambda t: (t[0] == "未能判断", -t[1], t[0])),
    )

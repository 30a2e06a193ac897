"""Round trip through LibreOffice: every text report of the labelled corpus (and the seeds), converted
to .docx, .pdf and .html by `soffice --headless`, must lint like the text it came from — the same
document kind, year and profile, the same top-level sections, the same tables cell by cell, and the
same arithmetic findings (table-identity, table-cell, missing-table).

This is what a reader owes the rest of the pipeline: a report published as Word, PDF or a web page
is the same report. The conversions run once per session, one soffice call per target format, in a
temp folder; each file is linted once. Without soffice the module fails when CI is set and skips
otherwise (.ci/apt-packages installs libreoffice-writer-nogui for CI).
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pytest

import disclint
from disclint.settings import Settings
from tests.conftest import CORPUS, SEEDS, corpus_labels

FORMATS = ("docx", "pdf", "html")
ARITHMETIC_KINDS = frozenset({"table-identity", "table-cell", "missing-table"})
# soffice reads a .txt with the "Text (encoded)" filter; without the charset option it guesses a
# legacy 8-bit encoding and every Chinese character comes out as mojibake.
TEXT_FILTER = "Text (encoded):UTF8,LF,,,"
SOFFICE_TIMEOUT = 600  # seconds per batch; a whole batch normally takes well under a minute


def _documents() -> dict[str, Path]:
    """Test id → source text: the corpus's annual reports in text form, then any seed that is not
    byte-identical to one of them (today all seeds are copies of tests/corpus/docs/seeds)."""
    docs: dict[str, Path] = {}
    labelled = {lab["file"]: lab for lab in corpus_labels()}
    for name, lab in labelled.items():
        if lab["kind"] == "annual-report" and name.endswith(".txt"):
            docs[name.removeprefix("docs/")] = CORPUS / name
    digests = {hashlib.sha256(p.read_bytes()).digest() for p in docs.values()}
    for seed in sorted(SEEDS.glob("*.txt")):
        twin = labelled.get(f"docs/seeds/{seed.name}")
        if twin is not None and twin["kind"] != "annual-report":
            continue
        if hashlib.sha256(seed.read_bytes()).digest() not in digests:
            docs[f"repo-seeds/{seed.name}"] = seed
    return docs


DOCUMENTS = _documents()


def _staged_name(doc_id: str) -> str:
    # corpus folders reuse names (old/010.txt, new/010.txt, pingtan/010.txt); soffice names its
    # output after the input's stem, so each source gets a unique flat name.
    return doc_id.replace("/", "__")


@dataclass
class Outcome:
    """What the round trip must keep, in a form pytest can diff."""

    kind: str | None
    year: int | None
    profile: str | None
    sections: list[str | None]
    tables: dict[str, dict]
    arithmetic: list[tuple]


def _freeze(value):
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


def outcome(path: Path) -> Outcome:
    # Explicit default settings: the converted copies live in a temp folder, and config discovery
    # must not make them differ from the originals.
    result = disclint.lint_path(path, config=Settings())
    assert result.error is None, f"{path.name}: {result.error}"
    doc = result.document
    findings = {
        (f.finding_kind, f.table, f.row, f.table_column, _freeze(f.expected), _freeze(f.actual))
        for f in result.findings
        if f.finding_kind in ARITHMETIC_KINDS
    }
    return Outcome(
        kind=doc.genre,
        year=doc.year,
        profile=doc.profile,
        sections=[s.id for s in doc.sections],
        tables={tid: table.to_json()["cells"] for tid, table in sorted(doc.tables.items())},
        arithmetic=sorted(findings, key=repr),
    )


def _soffice_missing(reason: str):
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(f"round-trip tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"round-trip tests need LibreOffice: {reason}")


@dataclass
class RoundTrip:
    root: Path
    converted: dict[str, dict[str, Path]] = field(default_factory=dict)  # format → doc id → file
    errors: dict[str, str] = field(default_factory=dict)  # format → soffice's complaint
    _outcomes: dict[Path, Outcome] = field(default_factory=dict)

    def outcome(self, path: Path) -> Outcome:
        if path not in self._outcomes:
            self._outcomes[path] = outcome(path)
        return self._outcomes[path]

    @cached_property
    def sources(self) -> list[Path]:
        staged = self.root / "src"
        staged.mkdir()
        paths = []
        for doc_id, src in DOCUMENTS.items():
            dst = staged / _staged_name(doc_id)
            shutil.copyfile(src, dst)
            paths.append(dst)
        return paths


def _convert(soffice: str, root: Path, fmt: str, sources: list[Path]) -> tuple[str, str]:
    out = root / fmt
    # One profile per batch: two soffice processes sharing a profile would wait on its lock.
    profile = (root / f"profile-{fmt}").as_uri()
    cmd = [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile}",
           f"--infilter={TEXT_FILTER}", "--convert-to", fmt, "--outdir", str(out), *map(str, sources)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=SOFFICE_TIMEOUT)
    except subprocess.TimeoutExpired:
        return fmt, f"soffice --convert-to {fmt} did not finish in {SOFFICE_TIMEOUT}s"
    if proc.returncode != 0:
        return fmt, f"soffice --convert-to {fmt} exited {proc.returncode}: {proc.stderr.strip()}"
    return fmt, ""


@pytest.fixture(scope="session")
def roundtrip(tmp_path_factory) -> RoundTrip:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        _soffice_missing("no soffice or libreoffice on PATH")
    rt = RoundTrip(tmp_path_factory.mktemp("roundtrip"))
    sources = rt.sources
    # The three batches are independent; running them side by side overlaps soffice's start-up
    # and its single-threaded export.
    with ThreadPoolExecutor(max_workers=len(FORMATS)) as pool:
        for fmt, error in pool.map(lambda f: _convert(soffice, rt.root, f, sources), FORMATS):
            if error:
                rt.errors[fmt] = error
            rt.converted[fmt] = {
                doc_id: rt.root / fmt / f"{Path(_staged_name(doc_id)).stem}.{fmt}" for doc_id in DOCUMENTS
            }
    return rt


def test_documents_are_collected():
    # The corpus has 53 text annual reports; a change in labels or paths that empties the
    # parametrisation must not turn this module into a silent pass.
    assert len(DOCUMENTS) >= 50
    assert all(p.is_file() for p in DOCUMENTS.values())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("doc_id", list(DOCUMENTS))
def test_round_trip(roundtrip: RoundTrip, doc_id: str, fmt: str):
    converted = roundtrip.converted[fmt][doc_id]
    assert converted.is_file(), f"soffice made no {fmt} of {doc_id}: {roundtrip.errors.get(fmt, '')}"
    expected = roundtrip.outcome(DOCUMENTS[doc_id])
    assert roundtrip.outcome(converted) == expected

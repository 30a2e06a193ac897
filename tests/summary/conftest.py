"""Fixtures of the summary tests: real consecutive reports (tests/summary/corpus) and one summary
built from them, shared by the output and browser tests."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from disclint.settings import Settings

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def corpus_files() -> list[str]:
    return sorted(str(p) for p in CORPUS.iterdir() if p.suffix in (".txt", ".html"))


@pytest.fixture(scope="session")
def batch_dir(tmp_path_factory) -> Path:
    """The real reports, plus two files a batch must survive: an empty report and a damaged PDF."""
    folder = tmp_path_factory.mktemp("batch")
    for f in corpus_files():
        shutil.copy(f, folder)
    (folder / "zz-empty.txt").write_bytes(b"")
    (folder / "zz-damaged.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> trailer")
    return folder


@pytest.fixture(scope="session")
def summary(batch_dir, tmp_path_factory):
    from disclint.summary import build_summary

    out = tmp_path_factory.mktemp("summary")
    files = sorted(str(p) for p in batch_dir.iterdir())
    return build_summary(files, str(out), Settings(), jobs=2, sources=[str(batch_dir)])


def by_name(digests, name: str):
    return next(d for d in digests if d.path.endswith(name))

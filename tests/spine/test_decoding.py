"""The same real report encoded as UTF-8, UTF-8 with BOM, UTF-16 (with and without BOM) and GB18030
reads to the same text, and disclint says which encoding it used."""
from __future__ import annotations

import pytest

from disclint.readers import ReadError, read_bytes
from disclint.readers.text import decode
from tests.conftest import SEEDS

TEXT = next(SEEDS.glob("003_*.txt")).read_text(encoding="utf-8")


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8 (BOM)"),
    (TEXT.encode("utf-16"), "utf-16 (BOM)"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),
    (TEXT.encode("gb18030"), "gb18030"),
])
def test_each_encoding_gives_the_same_text(data, encoding):
    text, used = decode(data)
    assert text.replace("\r\n", "\n") == TEXT.replace("\r\n", "\n")
    assert used == encoding


def test_gbk_file_is_read_as_gb18030():
    source = read_bytes("a.txt", TEXT.encode("gbk", errors="ignore"))
    assert source.encoding == "gb18030"
    assert "红花尔基镇" in source.text


@pytest.mark.parametrize("data, kind", [
    (b"", "empty"),
    (b"  \n\t \n", "empty"),
    (bytes(range(256)) * 20, "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00\xff" * 300, "binary"),
])
def test_bad_text_files_get_a_documented_error_kind(data, kind):
    with pytest.raises(ReadError) as e:
        read_bytes("x.txt", data)
    assert e.value.reason == kind

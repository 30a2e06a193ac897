"""summary.csv: the per-report table, for whoever opens it in Excel or LibreOffice Calc.

UTF-8 with a byte-order mark (Excel reads the Chinese as UTF-8 only with it); every text field is
quoted, and one that could start a formula gets OWASP's leading single quote (cells.py)."""
from __future__ import annotations

import csv
import io

from .cells import csv_value
from .rows import TABLE_COLUMNS, Row, table_values


def summary_csv(rows: list[Row]) -> bytes:
    buf = io.StringIO()
    # QUOTE_NONNUMERIC: text is always inside quotes, counts are bare numbers
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([h for h, _ in TABLE_COLUMNS])
    for r in rows:
        writer.writerow([csv_value(v) for v in table_values(r)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")

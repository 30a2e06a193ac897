"""`disclint serve`: a local web page for the report writer — drop a report on it, read the findings
where they are, download the Word copy with the findings as comments (disclint.annotate)."""

"""Shared helpers of the content kinds (text-table-mismatch, year-mismatch, deadline, placeholder,
garbled, required-statement): a whitespace-free view of the text that keeps offsets, prose numbers,
dates with lost glyphs, the dates a report was issued on, and the type of body that issued it."""

"""What the text scanner and the grid reader hand to the resolver: one table row as found."""
from __future__ import annotations

from dataclasses import dataclass, field

from .layout import Row
from .table import Cell


@dataclass
class RawRow:
    row: Row
    start: int  # offset of the row's label (or of its first cell when it has none)
    tokens: list[tuple[str, int]] | None = None  # text: the cell run's tokens, cut into cells later
    cells: dict[str, Cell] | None = None  # grid: cells already under their column ids
    columns: tuple[str, ...] = ()  # column ids in the order the source lays them out
    stray: str = ""  # text between the label and the next one that is neither label nor cell
    where: dict = field(default_factory=dict)

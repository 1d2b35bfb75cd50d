"""The briefing as plain data: a title block and sections of paragraphs, bullet lists, tables and charts.

Assembled once (assemble.py) and rendered twice, to .docx (docx.py) and to HTML printed as PDF (pdf.py), so the
Word file and the PDF always say the same thing.
"""

from dataclasses import dataclass, field

# Status codes a table cell may carry, for the traffic-light colour (compare's ahead / level / behind, and targets).
LIGHTS = {"ahead": "good", "reached": "good", "on_track": "good", "level": "warn", "behind": "bad", "lagging": "bad"}
LIGHTS |= {"missed": "bad"}


@dataclass
class Paragraph:
    text: str


@dataclass
class Bullets:
    items: list[str]
    title: str | None = None


@dataclass
class Table:
    """Cells already formatted as text. `numeric[i]`: right-align column i. `lights[r][c]`: a status code for the
    cell's traffic-light colour, or None."""

    columns: list[str]
    rows: list[list[str]]
    numeric: list[bool]
    caption: str | None = None
    lights: list[list[str | None]] | None = None


@dataclass
class Chart:
    png: bytes
    caption: str
    width_cm: float = 16.0


@dataclass
class Section:
    heading: str
    level: int = 1
    blocks: list = field(default_factory=list)

    def add(self, block) -> "Section":
        self.blocks.append(block)
        return self


@dataclass
class Briefing:
    title: str
    subtitle: str
    meta: list[tuple[str, str]]  # (label, value) lines of the title block
    notice: str | None  # shown prominently under the title, e.g. that the figures are demo data
    sections: list[Section]
    lang: str
    file_stem: str  # a safe file name without extension

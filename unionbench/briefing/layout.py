"""Table layout shared by the Word file and the PDF: column widths sized to the text, so that no figure wraps.

LibreOffice (and Word) lay a table without column widths out evenly and then break a figure mid-number where a
column is too narrow ("−3.0 / 7 (−24.4% / )"). Both renderers take their widths from here.
"""

import re
import unicodedata

from unionbench.briefing.model import Table

TABLE_SIZES = (8.5, 8.0, 7.5, 7.0, 6.5)  # pt: a table too wide for the page at one size is set at the next
CELL_PADDING_CM = 2 * 0.19 + 0.1  # Table Grid's left and right cell margins (108 twips each), and some slack
TEXT_FLOOR_EM = 4.0  # a text column is never narrower than four characters (unless all its text is shorter)

# Advance widths in em of Arial / Liberation Sans (metric-compatible, what LibreOffice substitutes), rounded up;
# East Asian wide characters (CJK, fullwidth brackets) are 1 em in every CJK font.
_NARROW = {**dict.fromkeys(" .,:;'!|/()[]-", 0.34), **dict.fromkeys("0123456789+−#$", 0.57), "%": 0.9, "—": 1.0}
_TOKENS = re.compile(r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+")


def text_em(text: str) -> float:
    """The width of a line of text in em, a little generous (the bold header, another font's digits)."""
    width = 0.0
    for ch in text:
        if unicodedata.east_asian_width(ch) in "WF":
            width += 1.0
        elif ch in _NARROW:
            width += _NARROW[ch]
        else:
            width += 0.72 if ch.isupper() or ch in "mwMW@" else 0.54
    return width * 1.05


def longest_token_em(text: str) -> float:
    """The widest piece a line may not be broken inside: a run of Latin letters and digits, or one CJK character."""
    return max((text_em(token) for token in _TOKENS.findall(text)), default=0.0)


def column_widths(block: Table, width_cm: float) -> tuple[list[float], float]:
    """Column widths in cm and the font size in pt for a table `width_cm` wide, sized to the text: a numeric
    column is at least as wide as its longest figure, so that no figure wraps (LibreOffice breaks a figure
    mid-number in a column too narrow for it); a text column at least as wide as its longest word. The
    room left is shared in proportion to how much more each column would need to hold its text on one line. When
    the figures alone do not fit, the table is set a size smaller."""
    for size in TABLE_SIZES:
        em = size / 72 * 2.54
        need, want = [], []
        for c, header in enumerate(block.columns):
            body = [row[c] for row in block.rows]
            full = max((text_em(v) for v in body), default=0.0)
            tokens = [longest_token_em(v) for v in body]
            floor = full if block.numeric[c] else max([min(full, TEXT_FLOOR_EM), *tokens])
            need.append(max(floor, longest_token_em(header)) * em + CELL_PADDING_CM)
            want.append(
                max(full, text_em(header) if block.numeric[c] else longest_token_em(header)) * em + CELL_PADDING_CM
            )  # a figure column's header on one line if there is room
        if sum(need) <= width_cm:
            break
    if sum(want) <= width_cm:
        return [w * width_cm / sum(want) for w in want], size
    if sum(need) >= width_cm:  # nothing fits even at the smallest size: keep the proportions
        return [n * width_cm / sum(need) for n in need], size
    share = (width_cm - sum(need)) / (sum(want) - sum(need))
    return [n + (w - n) * share for n, w in zip(need, want, strict=True)], size

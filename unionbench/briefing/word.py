"""The briefing as a Word document (python-docx): the format the city office edits before the meeting.

A4 portrait, a centred title block, numbered headings (Heading 1 / Heading 2, so Word's navigation pane and
table of contents see them), tables with a shaded header row and traffic-light cells (the status is also written
as a word, so it survives black-and-white printing), charts as PNG images with captions, and page numbers in the
footer. Chinese text is set in 宋体 with 黑体 headings, the fonts every Chinese Windows office has; Word
substitutes its own where they are missing.
"""

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from unionbench.briefing.layout import column_widths
from unionbench.briefing.model import LIGHTS, Briefing, Bullets, Chart, Paragraph, Section, Table
from unionbench.i18n import t

SHADES = {"good": "D8ECD9", "warn": "FFF1C2", "bad": "F8D4D4"}
HEADER_SHADE = "E7EDF3"
LATIN = "Arial"


def _fonts(style, latin: str, east_asian: str, size: float | None = None, bold: bool | None = None) -> None:
    """Set a style's Latin and East Asian fonts, dropping the theme fonts that would override them."""
    style.font.name = latin
    if size:
        style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(theme), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        rfonts.set(qn(attribute), latin)
    rfonts.set(qn("w:eastAsia"), east_asian)


def _shade(element, fill: str) -> None:
    """Background colour of a table cell (tcPr) or a paragraph (pPr)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    element.append(shading)


def _page_number_footer(document, lang: str) -> None:
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, after = t("brief.page_number", lang).split("{page}")
    paragraph.add_run(before)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
    paragraph.add_run(after)


def _setup(document, lang: str) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    body, heading = t("brief.font_body", lang), t("brief.font_heading", lang)
    _fonts(document.styles["Normal"], LATIN, body, 10.5)
    document.styles["Normal"].paragraph_format.space_after = Pt(4)
    document.styles["Normal"].paragraph_format.line_spacing = 1.25
    _fonts(document.styles["Title"], LATIN, heading, 20, True)
    _fonts(document.styles["Heading 1"], LATIN, heading, 14, True)
    _fonts(document.styles["Heading 2"], LATIN, heading, 12, True)
    _fonts(document.styles["Caption"], LATIN, heading, 9, False)
    _fonts(document.styles["List Bullet"], LATIN, body, 10.5)
    for name in ("Title", "Heading 1", "Heading 2"):
        document.styles[name].font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    document.styles["Caption"].font.color.rgb = RGBColor(0x44, 0x44, 0x44)
    document.styles["Caption"].font.italic = False
    _page_number_footer(document, lang)


def _title_block(document, briefing: Briefing) -> None:
    title = document.add_heading(briefing.title, level=0)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle = document.add_paragraph()
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = subtitle.add_run(briefing.subtitle)
    run.font.size, run.bold = Pt(14), True
    for label, value in briefing.meta:
        line = document.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        line.paragraph_format.space_after = Pt(0)
        run = line.add_run(t("fmt.label", briefing.lang, label=label, value=value))
        run.font.size = Pt(9.5)
        run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
    if briefing.notice:
        notice = document.add_paragraph()
        _shade(notice._p.get_or_add_pPr(), "FDECEA")  # before the spacing: w:shd precedes w:spacing in w:pPr
        notice.paragraph_format.space_before = Pt(8)
        run = notice.add_run(briefing.notice)
        run.bold = True
        run.font.size = Pt(10)
        run.font.color.rgb = RGBColor(0xB7, 0x1C, 0x1C)


def _paragraph(document, block: Paragraph, lang: str) -> None:
    paragraph = document.add_paragraph(block.text)
    indent = float(t("brief.first_line_indent", lang))  # Chinese indents a paragraph's first line by two characters
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(indent)


def _bullets(document, block: Bullets, lang: str) -> None:
    if block.title:
        paragraph = document.add_paragraph()
        paragraph.add_run(block.title).bold = True
    for item in block.items:
        document.add_paragraph(item, style="List Bullet")


def _fix_layout(table, widths_cm: list[float]) -> None:
    """Fixed layout with the given column widths (tblLayout fixed, tblW, gridCol), so that neither Word nor
    LibreOffice re-flows the columns to the text."""
    table.autofit = False  # <w:tblLayout w:type="fixed"/>
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        tbl_pr.append(tbl_w)
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(sum(int(Cm(w).twips) for w in widths_cm)))
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)


def _table(document, block: Table, width_cm: float) -> None:
    if block.caption:
        caption = document.add_paragraph(block.caption, style="Caption")
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
        caption.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1 + len(block.rows), cols=len(block.columns))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths_cm, size = column_widths(block, width_cm)
    _fix_layout(table, widths_cm)
    widths = [Cm(w) for w in widths_cm]
    for r, (line, values) in enumerate(zip(table.rows, [block.columns, *block.rows], strict=True)):
        for c, (cell, value) in enumerate(zip(line.cells, values, strict=True)):  # table.cell(r, c) is O(cells)
            cell.width = widths[c]
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            paragraph.paragraph_format.line_spacing = 1.0
            run = paragraph.add_run(value)
            run.font.size = Pt(size)
            if r == 0:
                run.bold = True
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _shade(cell._tc.get_or_add_tcPr(), HEADER_SHADE)
                continue
            if block.numeric[c]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            light = block.lights[r - 1][c] if block.lights else None
            if light in LIGHTS:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _shade(cell._tc.get_or_add_tcPr(), SHADES[LIGHTS[light]])
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page a long table runs onto
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    document.add_paragraph().paragraph_format.space_after = Pt(2)


def _chart(document, block: Chart) -> None:
    document.add_picture(io.BytesIO(block.png), width=Cm(block.width_cm))
    document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.paragraphs[-1].paragraph_format.keep_with_next = True
    caption = document.add_paragraph(block.caption, style="Caption")
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER


def _section(document, section: Section, lang: str, width_cm: float) -> None:
    document.add_heading(section.heading, level=section.level)
    for block in section.blocks:
        if isinstance(block, Section):
            _section(document, block, lang, width_cm)
        elif isinstance(block, Paragraph):
            _paragraph(document, block, lang)
        elif isinstance(block, Bullets):
            _bullets(document, block, lang)
        elif isinstance(block, Table):
            _table(document, block, width_cm)
        elif isinstance(block, Chart):
            _chart(document, block)


def docx_bytes(briefing: Briefing) -> bytes:
    """The briefing as .docx bytes."""
    document = Document()
    _setup(document, briefing.lang)
    properties = document.core_properties
    properties.title, properties.subject = briefing.title, briefing.subtitle
    properties.author = "工会对标看板 · Union Benchmark Dashboard"
    _title_block(document, briefing)
    width = 21.0 - 2 * 2.2
    for section in briefing.sections:
        _section(document, section, briefing.lang, width)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

"""The briefing as PDF: the same briefing model rendered to one self-contained HTML page (charts inlined as data:
URIs) and printed to PDF by the Debian chromium the project already installs for its browser tests
(`chromium --headless --print-to-pdf`).

Why this route: LibreOffice (docx → PDF) is a large package that deployments should not need just for this (CI
installs it only to check that the Word tables lay out); a Python PDF layout library would mean a second
layout of the same content, and would need the CJK font embedded by hand. Chromium lays out Chinese text with the
system's Noto Sans CJK through fontconfig, embeds the font subset in the PDF, supports CSS paged media (A4, repeated
table headers, page numbers in the bottom margin with `@page { @bottom-center }`), and makes no request: the page
has no external resource at all. It is started as a subprocess with a throw-away profile and the same flags as the
browser tests, so no Python dependency is added. $UNIONBENCH_CHROMIUM may point at another Chromium or Chrome
binary.
"""

import base64
import html
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from unionbench.briefing.layout import column_widths
from unionbench.briefing.model import LIGHTS, Briefing, Bullets, Chart, Paragraph, Section, Table
from unionbench.i18n import t

CHROMIUM_ENV = "UNIONBENCH_CHROMIUM"
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-first-run",
    "--no-pdf-header-footer",
]
TIMEOUT = 120
PAGE_WIDTH_CM = 21.0 - 3.6  # A4 less the 18 mm side margins of @page below

CSS = """
@page {
  size: A4;
  margin: 20mm 18mm 18mm 18mm;
  @bottom-center { content: "PAGE_LABEL"; font-size: 8.5pt; color: #777;
                   font-family: "Noto Sans CJK SC", "Noto Sans CJK", sans-serif; }
}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Noto Sans CJK", sans-serif;
       font-size: 10.5pt; line-height: 1.65; color: #212121; margin: 0; }
.title-block { text-align: center; margin: 8mm 0 6mm; }
.title-block h1 { font-size: 20pt; color: #1f3a5f; margin: 0 0 2mm; line-height: 1.3; }
.title-block .subtitle { font-size: 14pt; font-weight: bold; margin-bottom: 3mm; }
.title-block .meta { font-size: 9.5pt; color: #555; line-height: 1.5; }
.notice { background: #fdecea; color: #b71c1c; font-weight: bold; padding: 2.5mm 4mm; margin: 4mm 0;
          border-left: 3px solid #c62828; font-size: 10pt; }
h2 { font-size: 14pt; color: #1f3a5f; margin: 7mm 0 2mm; break-after: avoid; border-bottom: 1px solid #c5d3e3; }
h3 { font-size: 12pt; color: #1f3a5f; margin: 5mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2mm; text-align: justify; }
p.zh { text-indent: 2em; }
p.en { text-align: left; }
ul { margin: 0 0 2mm; padding-left: 6mm; }
li { margin-bottom: 1mm; }
.list-title { font-weight: bold; margin: 2mm 0 1mm; }
.caption { text-align: center; font-size: 9pt; color: #444; margin: 2mm 0 1.5mm; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 8.3pt; line-height: 1.35;
        margin-bottom: 3mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th { background: #e7edf3; border: 0.6pt solid #9aa9b8; padding: 1.2mm 1.4mm; font-weight: bold; }
td { border: 0.6pt solid #b0bcc8; padding: 1mm 1.4mm; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.light { text-align: center; white-space: nowrap; }
td.good { background: #d8ecd9; } td.warn { background: #fff1c2; } td.bad { background: #f8d4d4; }
figure { margin: 3mm 0; text-align: center; break-inside: avoid; }
figure img { max-width: 100%; }
.table-wrap { break-inside: auto; }
.caption-keep { break-after: avoid; }
"""


class PdfUnavailable(RuntimeError):
    """No Chromium to print with (install Debian's chromium: `make browser`), or it failed."""


def find_chromium() -> str | None:
    if os.environ.get(CHROMIUM_ENV):
        return os.environ[CHROMIUM_ENV]
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def _e(value: str) -> str:
    return html.escape(str(value), quote=True)


def _table(block: Table) -> str:
    parts = []
    if block.caption:
        parts.append(f'<div class="caption caption-keep">{_e(block.caption)}</div>')
    widths, _ = column_widths(block, PAGE_WIDTH_CM)
    total = sum(widths)
    cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in widths)
    head = "".join(f"<th>{_e(c)}</th>" for c in block.columns)
    rows = []
    for r, values in enumerate(block.rows):
        cells = []
        for c, value in enumerate(values):
            light = block.lights[r][c] if block.lights else None
            classes = []
            if light in LIGHTS:
                classes += ["light", LIGHTS[light]]
            elif block.numeric[c]:
                classes.append("num")
            attribute = f' class="{" ".join(classes)}"' if classes else ""
            cells.append(f"<td{attribute}>{_e(value)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    parts.append(
        f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
    return f'<div class="table-wrap">{"".join(parts)}</div>'


def _chart(block: Chart) -> str:
    data = base64.b64encode(block.png).decode("ascii")
    width = f"{block.width_cm * 10:.0f}mm"
    return (
        f'<figure><img src="data:image/png;base64,{data}" style="width:{width}" alt="{_e(block.caption)}">'
        f'<div class="caption">{_e(block.caption)}</div></figure>'
    )


def _section(section: Section, lang: str) -> str:
    tag = "h2" if section.level == 1 else "h3"
    parts = [f"<{tag}>{_e(section.heading)}</{tag}>"]
    for block in section.blocks:
        if isinstance(block, Section):
            parts.append(_section(block, lang))
        elif isinstance(block, Paragraph):
            parts.append(f'<p class="{lang}">{_e(block.text)}</p>')
        elif isinstance(block, Bullets):
            if block.title:
                parts.append(f'<div class="list-title">{_e(block.title)}</div>')
            parts.append("<ul>" + "".join(f"<li>{_e(item)}</li>" for item in block.items) + "</ul>")
        elif isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, Chart):
            parts.append(_chart(block))
    return "\n".join(parts)


def briefing_html(briefing: Briefing) -> str:
    """The briefing as one self-contained HTML page for print (no external resource of any kind)."""
    lang = briefing.lang
    page_label = '"{}"'.format(
        t("brief.page_of", lang).replace("{page}", '" counter(page) "').replace("{pages}", '" counter(pages) "')
    )
    css = CSS.replace('"PAGE_LABEL"', page_label)
    meta = "<br>".join(t("fmt.label", lang, label=_e(label), value=_e(value)) for label, value in briefing.meta)
    notice = f'<div class="notice">{_e(briefing.notice)}</div>' if briefing.notice else ""
    body = "\n".join(_section(s, lang) for s in briefing.sections)
    return (
        f'<!doctype html><html lang="{t("html_lang", lang)}"><head><meta charset="utf-8">'
        f"<title>{_e(briefing.title)}</title><style>{css}</style></head><body>"
        f'<div class="title-block"><h1>{_e(briefing.title)}</h1><div class="subtitle">{_e(briefing.subtitle)}</div>'
        f'<div class="meta">{meta}</div></div>{notice}\n{body}</body></html>'
    )


def html_to_pdf(page: str, chromium: str | None = None) -> bytes:
    """Print an HTML page to PDF with headless Chromium, in a throw-away folder and profile."""
    chromium = chromium or find_chromium()
    if not chromium:
        raise PdfUnavailable(
            "PDF 需要 chromium（make browser 安装）；可先下载 Word 版 / PDF needs chromium (`make browser`); "
            "the .docx works without it"
        )
    with tempfile.TemporaryDirectory(prefix="unionbench-briefing-") as folder:
        source, target = Path(folder) / "briefing.html", Path(folder) / "briefing.pdf"
        source.write_text(page, encoding="utf-8")
        command = [
            chromium,
            *FLAGS,
            f"--user-data-dir={Path(folder) / 'profile'}",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as error:
            raise PdfUnavailable(f"chromium could not print the briefing: {error}") from error
        if not target.is_file() or not target.read_bytes().startswith(b"%PDF"):
            detail = done.stderr.decode("utf-8", "replace")[-2000:]
            raise PdfUnavailable(f"chromium printed no PDF (exit {done.returncode}): {detail}")
        return target.read_bytes()


def pdf_bytes(briefing: Briefing) -> bytes:
    return html_to_pdf(briefing_html(briefing))

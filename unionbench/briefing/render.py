"""One call per output: bytes for a download button, or a file for the command line."""

from pathlib import Path

from unionbench.briefing.assemble import build_briefing
from unionbench.briefing.pdf import PdfUnavailable, pdf_bytes
from unionbench.briefing.word import docx_bytes
from unionbench.read.selection import Selection
from unionbench.store import Store

FORMATS = ("docx", "pdf")
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}

__all__ = ["FORMATS", "MIME", "PdfUnavailable", "briefing_bytes", "write_briefing"]


def briefing_bytes(store: Store, sel: Selection, fmt: str = "docx") -> bytes:
    """The briefing for a selection (home region, benchmark set, quarter, reference, language) as .docx or PDF
    bytes (for st.download_button: the file name is briefing_<region>_<set>_<period>_<lang>.<fmt>, the MIME type
    MIME[fmt]). Raises
    BriefingError when there is nothing to report and PdfUnavailable when PDF is asked for without chromium."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {FORMATS}")
    briefing = build_briefing(store, sel)
    return docx_bytes(briefing) if fmt == "docx" else pdf_bytes(briefing)


def write_briefing(store: Store, sel: Selection, out: Path) -> Path:
    """Write the briefing to `out`, as .docx or .pdf by its extension."""
    out = Path(out)
    fmt = out.suffix.lower().lstrip(".")
    data = briefing_bytes(store, sel, fmt)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return out

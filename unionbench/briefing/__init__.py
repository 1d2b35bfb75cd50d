"""The quarterly briefing (季度工作通报 / 对标分析报告): assembled from the numbers the pages show, written
as .docx (python-docx) or PDF (HTML printed by the local chromium). No streamlit here."""

from unionbench.briefing.assemble import BriefingError, build_briefing
from unionbench.briefing.model import Briefing
from unionbench.briefing.render import FORMATS, PdfUnavailable, briefing_bytes, write_briefing

__all__ = [
    "FORMATS",
    "Briefing",
    "BriefingError",
    "PdfUnavailable",
    "briefing_bytes",
    "build_briefing",
    "write_briefing",
]

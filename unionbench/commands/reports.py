"""The read side on the command line: `unionbench compare` (the comparison rows as CSV) and `unionbench briefing`
(the quarterly briefing as .docx or .pdf)."""

import sys
import time
from pathlib import Path

from unionbench.commands.common import REFUSED, UsageError, language, output_path, view_selection, write_csv
from unionbench.console import both


def add_commands(commands) -> None:
    brief = commands.add_parser("briefing", help="write the quarterly briefing as .docx or .pdf")
    brief.add_argument("--region", help="home city or county: code or name (default: the home setting)")
    brief.add_argument("--benchmark", help="benchmark set: id, Chinese or English name (default: the setting)")
    brief.add_argument("--period", help="the quarter, e.g. 2026Q3 (default: the latest with figures)")
    brief.add_argument("--lang", type=language, default="zh", help="language (default zh)")
    brief.add_argument("--reference", help="average, best, p90 or a member's code (default: the setting)")
    brief.add_argument("--out", required=True, help="the file to write: report.docx or report.pdf")
    comp = commands.add_parser("compare", help="the comparison rows (home vs benchmark on one basis) as CSV")
    comp.add_argument("--region", help="home city or county: code or name (default: the home setting)")
    comp.add_argument("--benchmark", help="benchmark set: id, Chinese or English name (default: the setting)")
    comp.add_argument("--period", help="the quarter, e.g. 2026Q3 (default: the latest with figures)")
    comp.add_argument("--reference", help="average, best, p90 or a region's code (default: the setting)")
    comp.add_argument("--lang", type=language, default="zh", help="language of names and units (default zh)")
    comp.add_argument("--out", help="write to this file instead of standard output")


def cmd_compare(db: Path, args) -> int:
    """The read model's comparison rows as UTF-8 CSV (comparison.CSV_COLUMNS): the same numbers every page shows."""
    from unionbench.read.comparison import compare_csv_frame, comparison
    from unionbench.read.selection import UnknownReference
    from unionbench.store import replica

    output_path(args.out)
    store = replica(db).current()
    selection = view_selection(store, args)
    try:
        frame = compare_csv_frame(comparison(store, selection))
    except UnknownReference:
        raise UsageError(f"{both('cli.bad_reference')}: {args.reference!r}") from None
    return write_csv(frame, args.out, "cli.wrote_rows")


def cmd_briefing(db: Path, args) -> int:
    """Write the briefing (unionbench.briefing); usage errors for what cannot be read, refused when there is
    nothing to report or no chromium for a PDF."""
    from unionbench.store import replica

    out = Path(args.out)
    if out.suffix.lower() not in (".docx", ".pdf"):
        raise UsageError(f"{both('cli.briefing_suffix')}: {out}")
    store = replica(db).current()
    selection = view_selection(store, args)
    from unionbench.briefing import BriefingError, PdfUnavailable, write_briefing  # matplotlib: only when asked

    started = time.perf_counter()
    try:
        write_briefing(store, selection, out)
    except (BriefingError, PdfUnavailable) as error:
        print(f"{both('cli.no_briefing')}: {error}", file=sys.stderr)
        return REFUSED
    took = f"{time.perf_counter() - started:.1f}"
    print(both("cli.briefing_written", out=out, size=f"{out.stat().st_size:,}", seconds=took))
    return 0


COMMANDS = {"briefing": cmd_briefing, "compare": cmd_compare}
NEEDS_DATABASE = {"briefing", "compare"}

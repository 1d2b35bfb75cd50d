"""Quarterly briefing: time to write it on the demo data, as the command line and the download buttons
do — assemble (gap table, counties, targets, four charts), then .docx, then PDF through the local chromium.
Target: ≤ 10 s for one briefing. Prints a table; the first run in a process includes matplotlib's font set-up.
"""

import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import demo_database, timed  # noqa: E402
from unionbench.briefing import build_briefing  # noqa: E402
from unionbench.briefing.pdf import find_chromium, pdf_bytes  # noqa: E402
from unionbench.briefing.word import docx_bytes  # noqa: E402
from unionbench.read.selection import Selection  # noqa: E402
from unionbench.store import Replica  # noqa: E402

CASES = [("510800", "suineilu", "zh"), ("510800", "sichuan_average", "zh"), ("510824", "yangzhou", "en")]
PERIOD, RUNS = "2026Q3", 3


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        reader = Replica(demo_database(folder))
        store = reader.current()
        pdf = find_chromium() is not None
        print(f"briefing on the demo data, {PERIOD}, {RUNS} runs each (median; first run in brackets)")
        print(
            f"{'region':>8} {'benchmark':>16} {'lang':>4} {'assemble s':>12} {'docx s':>8} {'pdf s':>8} "
            f"{'total s':>8} {'pages':>6}"
        )
        for region, set_id, lang in CASES:
            times = {"assemble": [], "docx": [], "pdf": []}
            pages = "—"
            for _ in range(RUNS):
                briefing, seconds = timed(build_briefing, store, Selection(region, set_id, PERIOD, lang=lang))
                times["assemble"].append(seconds)
                _, seconds = timed(docx_bytes, briefing)
                times["docx"].append(seconds)
                if pdf:
                    data, seconds = timed(pdf_bytes, briefing)
                    times["pdf"].append(seconds)
                    pages = str(data.count(b"/Type /Page") - data.count(b"/Type /Pages"))
            median = {k: statistics.median(v) if v else 0.0 for k, v in times.items()}
            first = sum(v[0] for v in times.values() if v)
            total = sum(median.values())
            print(
                f"{region:>8} {set_id:>16} {lang:>4} {median['assemble']:>12.2f} {median['docx']:>8.2f} "
                f"{median['pdf'] if pdf else float('nan'):>8.2f} {total:>8.2f} {pages:>6}   ({first:.2f})"
            )
        print("target: ≤ 10 s per briefing (assemble + docx + pdf)" + ("" if pdf else "; no chromium: PDF not timed"))
        reader.close()


if __name__ == "__main__":
    main()

"""Rerun one page many times under AppTest, moving the quarter filter, for a sampling profiler to watch.

    .venv/bin/py-spy record -f raw -o page.txt -- .venv/bin/python bench/profile_page.py DB app_pages/map.py
    .venv/bin/python bench/profile_page.py --top page.txt     # own and total time per function

(py-spy sees the script thread AppTest starts; cProfile would not.)
"""

import collections
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def rerun(db: Path, page: str, runs: int = 40) -> None:
    from streamlit.testing.v1 import AppTest

    os.environ["UNIONBENCH_DB"] = str(db)
    os.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.switch_page(page)
    at.run()
    choices = list(at.selectbox(key="period").options) if page != "app_pages/method.py" else []
    for i in range(runs):
        if choices:
            at.selectbox(key="period").set_value(choices[(i + 1) % len(choices)])
        at.run()


def top(raw: Path, lines: int = 40) -> None:
    """Own and inclusive samples per function from py-spy's raw (collapsed) output."""
    own, inclusive, total = collections.Counter(), collections.Counter(), 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = [f.split(" (")[0] + " " + f.split("/")[-1].rstrip(")") for f in stack.split(";")]
        n = int(count)
        total += n
        own[frames[-1]] += n
        for frame in set(frames):
            inclusive[frame] += n
    print(f"{total} samples")
    for title, counter in (("own", own), ("inclusive", inclusive)):
        print(f"--- {title}")
        for frame, n in counter.most_common(lines):
            print(f"{100 * n / total:5.1f}%  {frame}")


if __name__ == "__main__":
    if sys.argv[1] == "--top":
        top(Path(sys.argv[2]))
    else:
        rerun(Path(sys.argv[1]).resolve(), sys.argv[2])

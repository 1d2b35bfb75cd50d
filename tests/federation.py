"""Databases of a federation that is not the demo's: a new one (no figures, no accounts, no home) and 焦作市 set up
from nothing with the commands, against 许昌, with one quarter of a few figures for both cities' counties."""

from pathlib import Path

from tests.support import published_copy
from unionbench.cli import main
from unionbench.store import Replica

JIAOZUO, XUCHANG = "410800", "411000"


def new_database(reference: Path, folder: Path) -> Path:
    """What `unionbench init` without the demo makes (regions, catalogue and benchmark sets only), as a writable copy
    in `folder` of the session's `reference_db_path`, which is that database built once."""
    return published_copy(reference, folder)


def counties(path: Path, city: str) -> list[str]:
    reader = Replica(path)
    try:
        return list(reader.current().query("child_regions", parent=city)["adcode"])
    finally:
        reader.close()


def jiaozuo_database(reference: Path, tmp: Path) -> Path:
    """A new database (see new_database) made Jiaozuo's through the command line: home, benchmark set, one quarter
    of figures."""
    path = new_database(reference, tmp)
    assert main(["--db", str(path), "settings", "home", "焦作市"]) == 0
    assert main(["--db", str(path), "settings", "benchmark", "许昌"]) == 0
    lines = ["地区,季度,户外劳动者服务站点,职工人数,会员人数"]
    for n, county in enumerate([*counties(path, JIAOZUO), *counties(path, XUCHANG)]):
        workers = 20_000 + 3_000 * n
        lines.append(f"{county},2026Q3,{5 + n},{workers},{workers * 4 // 5}")
    upload = tmp / "焦作2026Q3.csv"
    upload.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--db", str(path), "ingest", str(upload)]) == 0
    return path

"""Bad files are refused with every problem named (row, column, value, reason in Chinese and English), exit 1
(or 2 for a usage error), and the database is exactly as it was."""

import pytest

from tests.ingest_files import WIDE_HEADER, csv_bytes, xlsx_bytes
from tests.support import published_copy
from unionbench.cli import main
from unionbench.store import Store


@pytest.fixture(scope="module")
def db(demo_db_path, tmp_path_factory):
    """A private, writable copy of the demo database."""
    return published_copy(demo_db_path, tmp_path_factory.mktemp("rejects"))


def state(path) -> tuple:
    store = Store(path, read_only=True)
    try:
        current = store.query("export_current")
        return store.data_version(), len(store.query("uploads")), current.shape[0], float(current["value"].sum())
    finally:
        store.close()


def ingest(db, tmp_path, name: str, data: bytes, *extra: str, capsys) -> tuple[int, str]:
    path = tmp_path / name
    path.write_bytes(data)
    code = main(["--db", str(db), "ingest", str(path), "--user", "demo", *extra])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def wide(*rows: str, header: str = WIDE_HEADER, period: str = "2026Q3") -> bytes:
    lines = [header + ",季度"] + [f"{row},{period}" for row in rows]
    return csv_bytes(lines)


GOOD_ROW = "利州区,112,12,91.2"

# (test id, file name, bytes, extra CLI args, text the refusal must contain)
REJECTED = [
    ("empty file", "empty.csv", b"", (), "文件是空的"),
    ("only blanks", "blank.csv", b"  \r\n \r\n", (), "The file is empty"),
    ("header without rows", "header.csv", csv_bytes([WIDE_HEADER + ",季度"]), (), "没有数据行"),
    ("binary garbage", "garbage.csv", bytes(range(256)) * 20, (), "not a table"),
    ("a PNG renamed .csv", "picture.csv", b"\x89PNG\r\n\x1a\n" + b"\x00\x01" * 300, (), "not a table"),
    ("an old .xls", "old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, (), ".xlsx"),
    ("a zip that is no workbook", "fake.xlsx", b"PK\x03\x04" + b"\x00" * 300, (), "cannot open the .xlsx"),
    ("prose, not a table", "letter.csv", "尊敬的领导：\n现将本季度工作情况报告如下。\n".encode(), (), "No header"),
    ("only a row-number and a region column", "noind.csv", csv_bytes(["序号,地区", "1,利州区"]), (), "No header"),
    ("an empty workbook", "empty.xlsx", xlsx_bytes([]), (), "The file is empty"),
    ("unknown region", "r1.csv", wide("火星县,1,1,50"), (), "Unknown region '火星县'"),
    (
        "unknown region code",
        "r2.csv",
        csv_bytes(["region_code,trainings,period", "999999,3,2026Q3"]),
        (),
        "Unknown region '999999'",
    ),
    ("ambiguous region without context", "r3.csv", wide("朝阳区,1,1,50"), (), "is ambiguous"),
    (
        "code and name disagree",
        "r4.csv",
        csv_bytes(["代码,地区,trainings,季度", "510824,利州区,3,2026Q3"]),
        (),
        "does not match the name",
    ),
    (
        "unknown indicator column",
        "i1.csv",
        wide("利州区,1,1,50,9", header=WIDE_HEADER + ",幸福指数"),
        (),
        "Unknown indicator '幸福指数'",
    ),
    (
        "unknown indicator in a long file",
        "i2.csv",
        csv_bytes(["地区,指标,数值,季度", "利州区,幸福指数,3,2026Q3"]),
        (),
        "Unknown indicator '幸福指数'",
    ),
    ("text in a number cell", "n1.csv", wide("利州区,很多,12,91.2"), (), "'很多' is not a number"),
    ("text in a rate cell", "n2.csv", wide("利州区,112,12,高"), (), "'高' is not a number"),
    ("a malformed thousands separator", "n3.csv", wide('利州区,"1,23",12,91.2'), (), "'1,23' is not a number"),
    ("a negative count", "n4.csv", wide("利州区,-3,12,91.2"), (), "cannot be negative"),
    (
        "negative money",
        "n5.csv",
        csv_bytes(["地区,争取财政资金(万元),季度", "利州区,-10,2026Q3"]),
        (),
        "cannot be negative",
    ),
    ("a rate above 100 %", "p1.csv", wide("利州区,112,12,120%"), (), "outside 0–100"),
    ("a negative rate", "p2.csv", wide("利州区,112,12,-5"), (), "outside 0–100"),
    ("a fraction among percentages", "p3.csv", wide("利州区,112,12,85.2", "昭化区,30,3,0.9"), (), "ambiguous"),
    (
        "unions above eligible enterprises in the file",
        "d1.csv",
        csv_bytes(["地区,已建会企业(家),应建会企业(家),季度", "利州区,120,100,2026Q3"]),
        (),
        "is larger than",
    ),
    (
        "unions above the stored eligible enterprises",
        "d2.csv",
        csv_bytes(["地区,已建会企业,季度", "利州区,999999,2026Q3"]),
        (),
        "is larger than",
    ),
    (
        "members above workers",
        "d3.csv",
        csv_bytes(["地区,会员人数,职工人数,季度", "苍溪县,5000,4000,2026Q3"]),
        (),
        "is larger than",
    ),
    (
        "rectified above identified",
        "d4.csv",
        csv_bytes(["地区,问题清单,已整改问题,季度", "苍溪县,5,9,2026Q3"]),
        (),
        "is larger than",
    ),
    ("a quarter in the future", "t1.csv", wide(GOOD_ROW, period="2099Q1"), (), "in the future"),
    ("a quarter before 2000", "t2.csv", wide(GOOD_ROW, period="1999Q4"), (), "before 2000"),
    ("a fifth quarter", "t3.csv", wide(GOOD_ROW, period="2025Q5"), (), "Cannot read the quarter '2025Q5'"),
    ("half a year is no quarter", "t4.csv", wide(GOOD_ROW, period="上半年"), (), "Cannot read the quarter"),
    ("no quarter anywhere", "t5.csv", csv_bytes([WIDE_HEADER, GOOD_ROW]), (), "No quarter"),
    ("conflicting duplicate rows", "u1.csv", wide(GOOD_ROW, "利州区,113,12,91.2"), (), "Duplicates row 2"),
    (
        "a unit that contradicts the catalogue",
        "c1.csv",
        wide("利州区,112,12,91.2", header="地区,户外劳动者服务站点(万元),托育补助资金(万元),工会组建率(%)"),
        (),
        "does not match",
    ),
    ("a unit in a cell that contradicts the catalogue", "c2.csv", wide("利州区,112,36个,91.2"), (), "'个'"),
    ("a percentage in a count column", "c3.csv", wide("利州区,50%,12,91.2"), (), "does not match"),
    (
        "a missing value in a long file",
        "v1.csv",
        csv_bytes(["地区,指标,数值,季度", "利州区,职工培训,,2026Q3"]),
        (),
        "The value is missing",
    ),
    (
        "a date where the quarter belongs",
        "x1.xlsx",
        xlsx_bytes([["地区", "职工培训", "季度"], ["利州区", 3, __import__("datetime").datetime(2026, 9, 30)]]),
        (),
        "Cannot read the quarter",
    ),
    (
        "an unknown region in a GB18030 file",
        "g1.csv",
        csv_bytes([WIDE_HEADER + ",季度", "苍溪镇,1,1,50,2026Q3"], encoding="gb18030"),
        (),
        "Unknown region '苍溪镇'",
    ),
]


@pytest.mark.parametrize(("name", "data", "extra", "reason"), [r[1:] for r in REJECTED], ids=[r[0] for r in REJECTED])
def test_a_bad_file_is_refused_with_its_reason_and_writes_nothing(db, tmp_path, capsys, name, data, extra, reason):
    before = state(db)
    code, output = ingest(db, tmp_path, name, data, *extra, capsys=capsys)
    assert code == 1, output
    assert reason in output
    assert "rejected, nothing written" in output or "已拒绝" in output
    assert "Traceback" not in output
    assert state(db) == before


def test_a_refusal_lists_every_problem_not_just_the_first(db, tmp_path, capsys):
    data = wide("火星县,1,1,50", "利州区,很多,12,91.2", "昭化区,-3,3,120%", period="2026Q3")
    before = state(db)
    code, output = ingest(db, tmp_path, "many.csv", data, capsys=capsys)
    assert code == 1 and state(db) == before
    for reason in ("Unknown region '火星县'", "'很多' is not a number", "cannot be negative", "outside 0–100"):
        assert reason in output
    assert "第 2 行" in output and "第 3 行" in output and "第 4 行" in output


def test_each_refusal_names_row_column_and_value(db, tmp_path, capsys):
    _, output = ingest(db, tmp_path, "loc.csv", wide(GOOD_ROW, "昭化区,abc,3,80"), capsys=capsys)
    line = next(line for line in output.splitlines() if "abc" in line)
    assert "第 3 行 row 3" in line and "B · 户外劳动者服务站点(个)" in line and "“abc”" in line
    assert "不是数字" in line and "is not a number" in line


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["ingest", "/no/such/file.csv"], "no such file"),
        (["ingest", "README.md", "--period", "2025Q9"], "quarter"),
        (["revert", "x"], ""),
        (["frobnicate"], ""),
    ],
    ids=["a missing file", "a bad --period", "a revert id that is not a number", "an unknown command"],
)
def test_usage_errors_exit_2_and_write_nothing(db, capsys, args, reason):
    before = state(db)
    assert main(["--db", str(db), *args]) == 2
    assert reason in capsys.readouterr().err
    assert state(db) == before


def test_reverting_an_unknown_upload_is_refused(db, capsys):
    before = state(db)
    assert main(["--db", str(db), "revert", "999", "--user", "demo"]) == 1
    assert "There is no upload #999" in capsys.readouterr().err
    assert state(db) == before


def test_a_dry_run_of_a_good_file_writes_nothing(db, tmp_path, capsys):
    before = state(db)
    code, output = ingest(db, tmp_path, "dry.csv", wide(GOOD_ROW), "--dry-run", capsys=capsys)
    assert code == 0 and "nothing written" in output
    assert state(db) == before

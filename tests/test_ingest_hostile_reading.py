"""Hostile files at the reading layer: limits measured before anything is inflated or decoded, odd
encodings and far columns as clean problems, and xlsx traps (merged figures, formulas without a result, hidden rows,
percent formats) that used to store a wrong figure without a word. Every file is built here, in code."""

import contextlib
import datetime as dt
import io
import random
import struct
import zipfile

import openpyxl
import pytest

from tests.ingest_files import csv_bytes, xlsx_bytes
from unionbench.ingest import limits, parse, prepare, xlsx
from unionbench.ingest.parse import read_grid, read_grid_file
from unionbench.ingest.problems import FileRejected, Problem, cap_problems

TODAY = dt.date(2026, 11, 30)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def workbook_parts(styles: bytes | None = None) -> dict[str, bytes]:
    parts = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"/>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="rId1" Type="' + REL.encode() + b'/officeDocument" '
        b'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
        f'<sheet name="填报表" sheetId="1" r:id="rId1"/></sheets></workbook>'.encode(),
        "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/relationships"><Relationship Id="rId1" Type="' + REL.encode() + b'/worksheet" '
        b'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="' + REL.encode() + b'/styles" '
        b'Target="styles.xml"/></Relationships>',
    }
    if styles is not None:
        parts["xl/styles.xml"] = styles
    return parts


def handmade_xlsx(sheet_chunks, styles: bytes | None = None, path=None) -> bytes | None:
    """An .xlsx whose one sheet's XML is streamed from `sheet_chunks` (never held whole): to `path` or to bytes."""
    target = path if path is not None else io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in workbook_parts(styles).items():
            archive.writestr(name, content)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for chunk in sheet_chunks:
                sheet.write(chunk)
    return None if path is not None else target.getvalue()


def sheet(rows_xml: str, before: str = "", after: str = "") -> list[bytes]:
    return [
        f'<?xml version="1.0"?><worksheet xmlns="{MAIN}">{before}<sheetData>{rows_xml}</sheetData>'
        f"{after}</worksheet>".encode()
    ]


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def number(ref: str, value, extra: str = "") -> str:
    return f'<c r="{ref}"{extra}><v>{value}</v></c>'


HEADER_ROW = (
    '<row r="1">' + inline("A1", "地区") + inline("B1", "户外劳动者服务站点(个)") + inline("C1", "季度") + "</row>"
)


def county_row(row: int, name: str, cell_b: str, hidden: bool = False) -> str:
    flag = ' hidden="1"' if hidden else ""
    return f'<row r="{row}"{flag}>' + inline(f"A{row}", name) + cell_b + inline(f"C{row}", "2026Q3") + "</row>"


def rejected(data: bytes, name: str = "hostile.xlsx"):
    with pytest.raises(FileRejected) as caught:
        read_grid(data, name)
    return caught.value.problem


def both(problem) -> tuple[str, str]:
    return problem.message("zh"), problem.message("en")


def no_parsing(monkeypatch):
    """Make any sheet parse or CSV decode fail the test: the refusal must come before them."""

    def fail(*args, **kwargs):
        raise AssertionError("parsed although the limits should have refused first")

    monkeypatch.setattr(xlsx.SheetReader, "read", fail)
    monkeypatch.setattr(parse, "decode", fail)


# ---------------------------------------------------------------- measured before inflating or decoding


def bomb_rows(megabytes: int):
    yield f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>'.encode()
    row = b'<row><c t="n"><v>1</v></c></row>' * 4000
    for _ in range(megabytes * 1_000_000 // len(row) + 1):
        yield row
    yield b"</sheetData></worksheet>"


def test_a_zip_bomb_xlsx_is_refused_from_its_central_directory_before_anything_is_inflated(monkeypatch):
    data = handmade_xlsx(bomb_rows(60))  # 60 MB of sheet XML in ~150 KB
    assert len(data) < 400_000
    no_parsing(monkeypatch)
    problem = rejected(data)
    assert problem.code == "archive_too_large"
    assert problem.details["part"] == "xl/worksheets/sheet1.xml"
    zh, en = both(problem)
    assert "xl/worksheets/sheet1.xml 解压后 60.0 MB" in zh and "上限 50.0 MB" in zh
    assert "xl/worksheets/sheet1.xml is 60.0 MB uncompressed" in en and "above the limit of 50.0 MB" in en


def understate_sizes(data: bytes, declared: int) -> bytes:
    """The same archive with the sheet's uncompressed size rewritten (local header and central directory)."""
    data = bytearray(data)
    name = b"xl/worksheets/sheet1.xml"
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature + b"")
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                data[at + size_at : at + size_at + 4] = struct.pack("<I", declared)
            at = data.find(signature, at + 4)
    return bytes(data)


def test_a_zip_that_understates_its_sheet_size_is_read_no_further_than_it_declared():
    honest = handmade_xlsx(
        iter([sheet(HEADER_ROW + county_row(2, "利州区", number("B2", 5)))[0]] + [b" " * 10_000] * 5)
    )
    with zipfile.ZipFile(io.BytesIO(honest)) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > 50_000
    # force_zip64 wrote 0xFFFFFFFF and an extra field; rebuild without it so the size fields are the real ones
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(honest)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            copy.writestr(info.filename, source.read(info.filename))
    problem = rejected(understate_sizes(buffer.getvalue(), 100))
    assert problem.code == "not_a_table"
    assert "cannot open the .xlsx" in problem.message("en") and "无法打开 .xlsx" in problem.message("zh")


@pytest.mark.parametrize(
    ("dimension", "rows", "columns"),
    [("A1:D500000", "500,000", "4"), ("A1:GS3", "3", "201"), ("B2:XFD1048576", "1,048,575", "16,384")],
)
def test_a_sheet_declaring_more_rows_or_columns_than_the_caps_is_refused_from_its_first_bytes(
    monkeypatch, dimension, rows, columns
):
    data = handmade_xlsx(
        sheet(HEADER_ROW + county_row(2, "利州区", number("B2", 5)), f'<dimension ref="{dimension}"/>')
    )
    no_parsing(monkeypatch)
    problem = rejected(data)
    assert problem.code == "sheet_too_large"
    zh, en = both(problem)
    assert f"声明的范围 {dimension} 有 {rows} 行、{columns} 列，超过上限 300,000 行、200 列" in zh
    assert f"declares the range {dimension}: {rows} rows and {columns} columns, above the limits of 300,000 rows" in en


def test_an_xlsx_with_more_rows_than_the_cap_stops_reading_at_the_first_row_over(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 50)
    seen = []

    def rows():
        yield f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>'.encode()
        for row in range(1, 100_000):
            seen.append(row)
            yield county_row(row, "利州区", number(f"B{row}", row)).encode()
        yield b"</sheetData></worksheet>"

    problem = rejected(handmade_xlsx(rows()))
    assert (problem.code, problem.row) == ("too_many_rows", 51)
    assert both(problem) == (
        "行数超过上限 50（读到此行时停止，未继续读取）。一个季度的报表不会有这么多行：请检查文件。",
        "More than 50 rows (reading stopped here). A quarterly return has far fewer: please check the file.",
    )


def test_a_csv_with_more_rows_than_the_cap_stops_at_the_first_row_over(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 50)
    lines = ["地区,户外劳动者服务站点(个),季度"] + ["利州区,5,2026Q3", ""] * 100
    problem = rejected(csv_bytes(lines), "many.csv")
    assert (problem.code, problem.row) == ("too_many_rows", 100)  # blank lines are not counted, but are numbered


def test_a_csv_over_the_size_cap_is_refused_before_decoding(monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1_000)
    no_parsing(monkeypatch)
    problem = rejected(csv_bytes(["地区,户外劳动者服务站点(个),季度"] + ["利州区,5,2026Q3"] * 100), "big.csv")
    assert problem.code == "file_too_large"
    zh, en = both(problem)
    assert zh.startswith("文件大小 1,946 B，超过上限 1,000 B") and en.startswith("The file is 1,946 B, above the limit")


def test_a_1_gb_csv_on_disk_is_refused_from_its_size_without_reading_a_byte(tmp_path, monkeypatch):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as sparse:
        sparse.truncate(1_000_000_000)  # a sparse file: no disk, no time
    no_parsing(monkeypatch)
    monkeypatch.setattr(type(path), "read_bytes", lambda self: pytest.fail("read the whole file"))
    with pytest.raises(FileRejected) as caught:
        read_grid_file(path)
    assert caught.value.problem.code == "file_too_large"
    assert "1,000.0 MB" in caught.value.problem.message("en") and "上限 50.0 MB" in caught.value.problem.message("zh")
    with pytest.raises(FileRejected):
        parse.read_upload(path)


def test_an_archive_with_thousands_of_parts_is_refused_from_its_end_record(monkeypatch):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index in range(limits.MAX_ARCHIVE_PARTS + 1):
            archive.writestr(f"x/{index}", b"")
    monkeypatch.setattr(zipfile, "ZipFile", lambda *a, **k: pytest.fail("zipfile read the whole directory"))
    problem = rejected(buffer.getvalue())
    assert problem.code == "archive_too_many_parts"
    assert "2,001 个内部文件，超过上限 2000" in problem.message("zh")


def test_a_sheet_with_a_dtd_is_refused_before_expat_sees_an_entity():
    laughs = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    data = handmade_xlsx([f'<?xml version="1.0"?>{laughs}<worksheet xmlns="{MAIN}"><sheetData/></worksheet>'.encode()])
    problem = rejected(data)
    assert problem.code == "not_a_table" and "DTD" in problem.message("en")


# ---------------------------------------------------------------- odd encodings, far columns: problems


def test_a_utf8_bom_followed_by_gb18030_bytes_names_the_row_and_column_where_utf8_stops(store):
    data = b"\xef\xbb\xbf" + "region,户外劳动者服务站点,period\n利州区,5,2026Q3\n".encode("gb18030")
    problem = rejected(data, "bom.csv")
    assert (problem.code, problem.row, problem.column) == ("bom_mismatch", 1, "B")
    zh, en = both(problem)
    assert "表明是 UTF-8，但此处的字节 BB A7 CD E2（第 8 个字符）不是 UTF-8" in zh
    assert "starts with a UTF-8 byte-order mark, but the bytes BB A7 CD E2 here (character 8) are not UTF-8" in en
    prepared = prepare(data, "bom.csv", store, today=TODAY)
    assert [p.code for p in prepared.errors] == ["bom_mismatch"] and prepared.observations.empty


def test_odd_length_utf16_is_a_truncated_file_named_at_its_last_line(store):
    data = "地区,户外劳动者服务站点(个),季度\n利州区,5,2026Q3\n昭化区,7,2026Q3".encode("utf-16") + b"\x00"
    problem = rejected(data, "odd.csv")
    assert (problem.code, problem.row, problem.column) == ("truncated_text", 3, "C")
    assert both(problem) == (
        "文件在一个字符的中间结束（UTF-16 文件的字节数应为偶数）：文件可能不完整，请重新导出后再上传。",
        "The file ends in the middle of a character (UTF-16 files have an even number of bytes): it is probably "
        "incomplete. Export it again and upload that.",
    )
    assert [p.code for p in prepare(data, "odd.csv", store, today=TODAY).errors] == ["truncated_text"]


def test_a_valid_indicator_column_past_column_18278_in_a_csv_is_a_column_problem(store):
    header = "地区," + "," * 18_300 + "户外劳动者服务站点(个)"
    data = csv_bytes([header, "利州区," + "," * 18_300 + "5"])
    problem = rejected(data, "far.csv")
    assert (problem.code, problem.row, problem.column, problem.value) == (
        "too_many_columns",
        1,
        "AAAX",
        "户外劳动者服务站点(个)",
    )
    assert both(problem) == (
        "第 18,302 列有内容，超过 200 列的上限：指标列应在前 200 列之内。请删除或移动此列。",
        "Column 18,302 holds something, beyond the limit of 200 columns: indicator columns belong within the first "
        "200. Delete or move this column.",
    )
    assert [p.code for p in prepare(data, "far.csv", store, today=TODAY).errors] == ["too_many_columns"]


def test_a_cell_past_xfd_in_an_xlsx_is_a_column_problem_not_a_traceback(store):
    data = handmade_xlsx(sheet(HEADER_ROW.replace("</row>", inline("AAAP1", "户外劳动者服务站点(个)") + "</row>")))
    problem = rejected(data)
    assert (problem.code, problem.row, problem.column) == ("too_many_columns", 1, "AAAP")
    assert prepare(data, "far.xlsx", store, today=TODAY).errors[0].code == "too_many_columns"


def test_trailing_empty_columns_far_to_the_right_are_not_a_problem():
    grid = read_grid(csv_bytes(["地区,户外劳动者服务站点(个),季度" + "," * 20_000, "利州区,5,2026Q3"]), "t.csv")
    assert [len(row) for row in grid.rows] == [3, 3]


# ---------------------------------------------------------------- xlsx traps that stored wrong figures silently


def test_one_figure_merged_over_two_counties_cells_is_refused_naming_the_range(store):
    rows = [["地区", "户外劳动者服务站点", "季度"], ["利州区", 40, "2026Q3"], ["昭化区", None, "2026Q3"]]
    prepared = prepare(xlsx_bytes(rows, merged=["B2:B3"]), "merged.xlsx", store, today=TODAY)
    assert [(p.code, p.row, p.column, p.value) for p in prepared.errors] == [
        ("merged_value", 2, "B · 户外劳动者服务站点", "40")
    ]
    assert both(prepared.errors[0]) == (
        "合并单元格 B2:B3 把一个数值铺到了 2 个单元格上，无法知道每个地区或指标各自的数值。请取消合并，每格分别填写。",
        "The merged range B2:B3 spreads one figure over 2 cells, so there is no telling each region's or "
        "indicator's own figure. Unmerge it and fill in each cell.",
    )
    assert "510811" not in set(prepared.observations.region)  # 昭化区 never got 利州区's 40


def test_a_region_merged_over_its_indicator_rows_in_a_long_table_is_repeated_down(store):
    rows = [
        ["地区", "指标", "数值", "季度"],
        ["苍溪县", "户外劳动者服务站点", 71, "2026Q3"],
        [None, "职工培训", 9, "2026Q3"],
    ]
    prepared = prepare(xlsx_bytes(rows, merged=["A2:A3"]), "long.xlsx", store, today=TODAY)
    assert prepared.errors == []
    assert sorted(zip(prepared.observations.region, prepared.observations.value, strict=True)) == [
        ("510824", 9.0),
        ("510824", 71.0),
    ]


def test_a_merged_title_over_a_header_merged_into_the_units_row_still_reads():
    rows = [
        ["2026年第三季度统计表", None, None],
        ["地区", "户外劳动者服务站点", "季度"],
        [None, "个", None],
        ["利州区", 5, "2026Q3"],
    ]
    grid = read_grid(xlsx_bytes(rows, merged=["A1:C1", "A2:A3"]), "t.xlsx")
    from unionbench.ingest.layout import find_table

    catalogue = __import__("pandas").DataFrame(
        {"id": ["outdoor_stations"], "name_zh": ["户外劳动者服务站点"], "name_en": ["Outdoor stations"]}
    )
    table = find_table(grid, catalogue)
    assert table.problems == [] and table.data_rows == [4] and table.columns[1].unit == "个"


@pytest.mark.parametrize(
    ("cell_b", "code", "value", "zh", "en"),
    [
        (
            '<c r="B2"><f>1/0</f></c>',
            "formula_without_value",
            "=1/0",
            "公式“=1/0”没有保存计算结果",
            "The formula '=1/0' has no saved result",
        ),
        (
            '<c r="B2"><f>HYPERLINK("http://x.example/","5")</f><v></v></c>',
            "formula_without_value",
            '=HYPERLINK("http://x.example/","5")',
            '公式“=HYPERLINK("http://x.example/","5")”没有保存计算结果',
            "has no saved result",
        ),
        (
            '<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>',
            "cell_error",
            "#DIV/0!",
            "单元格是错误值“#DIV/0!”：请修正公式或填入数值。",
            "The cell holds the error '#DIV/0!': fix the formula or type the figure.",
        ),
    ],
)
def test_a_formula_with_no_usable_saved_result_is_a_problem_not_a_skipped_cell(store, cell_b, code, value, zh, en):
    data = handmade_xlsx(sheet(HEADER_ROW + county_row(2, "利州区", cell_b) + county_row(3, "昭化区", number("B3", 7))))
    prepared = prepare(data, "formula.xlsx", store, today=TODAY)
    assert [(p.code, p.row, p.column, p.value) for p in prepared.errors] == [
        (code, 2, "B · 户外劳动者服务站点(个)", value)
    ]
    assert zh in prepared.errors[0].message("zh") and en in prepared.errors[0].message("en")


def test_an_openpyxl_written_formula_in_a_total_row_is_a_warning_and_the_figures_import(store):
    rows = [["地区", "户外劳动者服务站点", "季度"], ["利州区", 40, "2026Q3"], ["合计", "=SUM(B2:B2)", None]]
    prepared = prepare(xlsx_bytes(rows), "total.xlsx", store, today=TODAY)
    assert prepared.errors == []
    assert [(w.code, w.row, w.severity) for w in prepared.warnings if w.code == "formula_without_value"] == [
        ("formula_without_value", 3, "warning")
    ]
    assert list(prepared.observations.value) == [40.0]


def test_hidden_rows_and_columns_are_imported_and_each_is_named_in_a_warning(store):
    data = handmade_xlsx(
        sheet(
            HEADER_ROW
            + county_row(2, "利州区", number("B2", 40))
            + county_row(3, "昭化区", number("B3", 7), hidden=True),
            before='<cols><col min="2" max="2" width="0" hidden="1"/></cols>',
        )
    )
    prepared = prepare(data, "hidden.xlsx", store, today=TODAY)
    assert prepared.errors == []
    hidden = sorted((p for p in prepared.warnings if p.code.startswith("hidden_")), key=lambda p: p.code, reverse=True)
    assert [(p.code, p.row, p.column) for p in hidden] == [
        ("hidden_row", 3, None),
        ("hidden_column", None, "B · 户外劳动者服务站点(个)"),
    ]
    assert both(hidden[0]) == (
        "第 3 行在 Excel 中被隐藏，但仍会导入：请确认这一行的数据应当上报。",
        "Row 3 is hidden in Excel but is still imported: make sure its figures are meant to be reported.",
    )
    assert "列 B · 户外劳动者服务站点(个) 在 Excel 中被隐藏" in hidden[1].message("zh")
    assert sorted(prepared.observations.value) == [7.0, 40.0]


def test_a_percent_formatted_half_in_a_count_column_reaches_the_checker_as_50_percent_and_is_refused(store):
    rows = [["地区", "户外劳动者服务站点", "季度"], ["利州区", 0.5, "2026Q3"]]
    data = xlsx_bytes(rows, percent_cells=["B2"])
    grid = read_grid(data, "p.xlsx")
    assert grid.rows[1][1].value == "50%"
    prepared = prepare(data, "p.xlsx", store, today=TODAY)
    assert [(p.code, p.row, p.value) for p in prepared.errors] == [("unit_mismatch", 2, "50%")]
    assert prepared.observations.empty


@pytest.mark.parametrize(
    ("code", "stored", "expected"), [("0.0%", 0.952, 95.2), ('0.0"%"', 95.2, 95.2), ("0\\%", 90, 90)]
)
def test_percent_formats_read_as_excel_shows_them(store, code, stored, expected):
    book = openpyxl.Workbook()
    sheet_ = book.active
    sheet_.append(["地区", "职工入会率", "季度"])
    sheet_.append(["利州区", stored, "2026Q3"])
    sheet_["B2"].number_format = code
    buffer = io.BytesIO()
    book.save(buffer)
    prepared = prepare(buffer.getvalue(), "rate.xlsx", store, today=TODAY)
    assert prepared.errors == [] and list(prepared.observations.value) == [pytest.approx(expected)]


def test_a_problem_list_from_the_reading_layer_is_capped_with_a_count_per_kind(store):
    rows = "".join(county_row(r, "利州区", f'<c r="B{r}"><f>1/0</f></c>') for r in range(2, 502))
    prepared = prepare(handmade_xlsx(sheet(HEADER_ROW + rows)), "many.xlsx", store, today=TODAY)
    formula = [p for p in prepared.errors if p.code == "formula_without_value"]
    assert len(formula) == len(prepared.errors) == 200 and formula[-1].row == 201
    assert prepared.error_count == 500 and prepared.problem_counts == {"formula_without_value": 500}
    summary = cap_problems([Problem("formula_without_value", row=r) for r in range(2, 502)])[-1]
    assert (summary.code, summary.details) == ("problems_not_listed", {"count": 300, "kind": "formula_without_value"})
    assert both(summary) == (
        "另有 300 个同类问题（formula_without_value）未逐条列出。",
        "300 more problems of the same kind (formula_without_value) are not listed.",
    )


def test_a_damaged_workbook_is_a_problem_whatever_byte_is_broken():
    """Bytes flipped in a real workbook made zlib, zipfile and struct raise kinds that escaped as tracebacks."""
    base = xlsx_bytes([["地区", "户外劳动者服务站点", "季度"], ["利州区", 5, "2026Q3"]])
    rng = random.Random(12)
    for _ in range(300):
        data = bytearray(base)
        for _ in range(rng.randint(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        with contextlib.suppress(FileRejected):  # anything else fails the test
            read_grid(bytes(data), "damaged.xlsx")


def test_unionbench_ingest_refuses_a_1_gb_csv_from_its_size_without_reading_it(
    demo_db_path, tmp_path, capsys, monkeypatch
):
    from unionbench.cli import main

    path = tmp_path / "huge.csv"
    with open(path, "wb") as sparse:
        sparse.truncate(1_000_000_000)
    monkeypatch.setattr(type(path), "read_bytes", lambda self: pytest.fail("read a 1 GB file into memory"))
    before = demo_db_path.stat().st_mtime_ns
    assert main(["--db", str(demo_db_path), "ingest", str(path), "--dry-run"]) == 1
    out = capsys.readouterr().out
    assert "rejected, nothing written: 1 problem(s)" in out
    assert (
        "文件大小 1,000.0 MB，超过上限 50.0 MB" in out and "The file is 1,000.0 MB, above the limit of 50.0 MB" in out
    )
    assert demo_db_path.stat().st_mtime_ns == before


def test_a_part_that_shrinks_more_than_200_times_is_refused_naming_the_ratio(monkeypatch):
    data = handmade_xlsx(bomb_rows(20))  # 20 MB: under the size caps, but pure repetition
    no_parsing(monkeypatch)
    problem = rejected(data)
    assert problem.code == "archive_too_large" and problem.details["limit"] == "200:1"
    assert "above the limit of 200:1" in problem.message("en") and "上限 200:1" in problem.message("zh")


@pytest.mark.parametrize(
    ("cell_b", "expected"),
    [
        ('<c r="B2"><f>SUM(20,20)</f><v>40</v></c>', 40.0),  # a formula Excel saved with its result
        ('<c r="B2"><f t="shared" si="0"/><v>40</v></c>', 40.0),  # a shared formula's other cells
        ('<c r="B2" t="str"><f>TEXT(40,"0")</f><v>40</v></c>', 40.0),  # a text result
    ],
)
def test_formulas_with_a_saved_result_import_that_result(store, cell_b, expected):
    data = handmade_xlsx(sheet(HEADER_ROW + county_row(2, "利州区", cell_b)))
    prepared = prepare(data, "saved.xlsx", store, today=TODAY)
    assert prepared.errors == [] and list(prepared.observations.value) == [expected]


def test_a_formula_whose_saved_text_result_is_empty_is_a_blank_cell_not_a_problem():
    data = handmade_xlsx(
        sheet(HEADER_ROW + county_row(2, "利州区", '<c r="B2" t="str"><f>IF(1,"","x")</f><v></v></c>'))
    )
    grid = read_grid(data, "empty-result.xlsx")
    assert [cell.blank for cell in grid.rows[1]] == [False, True, False]

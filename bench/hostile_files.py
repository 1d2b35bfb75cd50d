"""Hostile files against the reading layer: peak memory and wall time of reading each one.

Generates into a temporary folder: an .xlsx zip bomb (~1.1 GB of sheet XML in a few MB), the same bomb with its sizes
understated in the zip's directories, a 100 MB CSV, a 1 GB CSV, and for scale the largest files the limits let through
(a CSV just under the byte cap, an .xlsx at the row cap). Each is read by `read_grid_file` in a child process, itself
started by a per-file wrapper, so that `resource.getrusage(RUSAGE_CHILDREN)` in the wrapper is that one child's peak
RSS. Target: every file refused or read in ≤ 10 s with a peak RSS < 1 GB.

    .venv/bin/python bench/hostile_files.py            # all files (needs ~1.3 GB of temporary disk)
    .venv/bin/python bench/hostile_files.py --quick    # without the 1 GB CSV
"""

import json
import os
import resource
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
PARTS = {
    "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"/>',
    "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
    f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'.encode(),
    "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
    f'<sheet name="填报表" sheetId="1" r:id="rId1"/></sheets></workbook>'.encode(),
    "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="{PKG}"><Relationship Id="rId1" '
    f'Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" '
    f'Target="sharedStrings.xml"/></Relationships>'.encode(),
    "xl/sharedStrings.xml": f'<?xml version="1.0"?><sst xmlns="{MAIN}"><si><t>利州区</t></si><si><t>2026Q3</t></si>'
    f"<si><t>地区</t></si><si><t>户外劳动者服务站点</t></si><si><t>季度</t></si></sst>".encode(),
}
READER = """
import sys, time
from unionbench.ingest.parse import read_grid_file
from unionbench.ingest.problems import FileRejected
start = time.perf_counter()
try:
    grid = read_grid_file(sys.argv[1])
    outcome = f"read: {len(grid.rows):,} rows"
except FileRejected as rejected:
    problem = rejected.problem
    outcome = f"refused: {problem.code}" + (f" (row {problem.row})" if problem.row else "")
print(outcome + f" · {time.perf_counter() - start:.2f} s inside")
"""


def write_xlsx(path: Path, rows, understate: bool = False) -> None:
    """An .xlsx whose sheet XML is streamed from `rows` (bytes chunks), never held whole."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in PARTS.items():
            archive.writestr(name, content)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=not understate) as sheet:
            sheet.write(f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData>'.encode())
            for chunk in rows:
                sheet.write(chunk)
            sheet.write(b"</sheetData></worksheet>")
    if understate:
        understate_sheet(path)


def understate_sheet(path: Path, declared: int = 1_000_000) -> None:
    """Rewrite the sheet's uncompressed size (local header and central directory) to `declared`: a liar's zip."""
    data = bytearray(path.read_bytes())
    name = b"xl/worksheets/sheet1.xml"
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = data.find(signature)
        while at >= 0:
            if data[at + name_at : at + name_at + len(name)] == name:
                data[at + size_at : at + size_at + 4] = struct.pack("<I", declared)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))


def bomb_rows(total: int):
    """~`total` bytes of rows that compress ~230× (the issue's bomb: 4.8 MB inflating to 1.1 GB)."""
    block = b"".join(
        f'<row r="{r}"><c r="A{r}" t="n"><v>{r % 97}</v></c><c r="B{r}" t="inlineStr"><is><t>aaaaaaaa</t></is>'
        f"</c></row>".encode()
        for r in range(1, 3001)
    )
    filler = b"<!-- " + b"x" * 60_000 + b" -->"  # pure repetition between varied blocks sets the ratio
    written = 0
    while written < total:
        yield block
        for _ in range(160):
            yield filler
        written += len(block) + 160 * len(filler)


def row_cap_rows(rows: int):
    """A wide table (地区, 户外劳动者服务站点, 季度) of `rows` rows, texts as shared strings like Excel writes them."""
    yield b'<row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" t="s"><v>3</v></c><c r="C1" t="s"><v>4</v></c></row>'
    for r in range(2, rows + 1):
        cells = f'<c r="A{r}" t="s"><v>0</v></c><c r="B{r}"><v>{r}</v></c><c r="C{r}" t="s"><v>1</v></c>'
        yield f'<row r="{r}">{cells}</row>'.encode()


def write_csv(path: Path, size: int) -> None:
    line = "利州区,户外劳动者服务站点,2026Q3,112\r\n".encode("gb18030")
    block = line * (1_000_000 // len(line))
    with open(path, "wb") as out:
        out.write("地区,指标,季度,数值\r\n".encode("gb18030"))
        written = 0
        while written < size:
            out.write(block)
            written += len(block)


def generate(folder: Path, quick: bool) -> list[tuple[str, Path]]:
    from unionbench.ingest import limits

    files = []
    bomb = folder / "bomb.xlsx"
    write_xlsx(bomb, bomb_rows(1_100_000_000))
    files.append(("zip bomb .xlsx (sheet XML ~1.1 GB)", bomb))
    liar = folder / "bomb-understated.xlsx"
    write_xlsx(liar, bomb_rows(1_100_000_000), understate=True)
    files.append(("zip bomb .xlsx, sizes understated as 1 MB", liar))
    at_cap = folder / "rows-at-cap.xlsx"
    write_xlsx(at_cap, row_cap_rows(limits.MAX_ROWS + 10))
    files.append((f".xlsx of {limits.MAX_ROWS + 10:,} rows (row cap {limits.MAX_ROWS:,})", at_cap))
    within = folder / "rows-within-cap.xlsx"
    write_xlsx(within, row_cap_rows(100_000))
    files.append((".xlsx of 100,000 rows", within))
    under = folder / "under-cap.csv"
    write_csv(under, limits.MAX_FILE_BYTES - 1_100_000)
    files.append((f"CSV just under the byte cap ({limits.MAX_FILE_BYTES // 1_000_000} MB)", under))
    hundred_k = folder / "100k-rows.csv"
    write_csv(hundred_k, 100_000 * 40)
    files.append(("CSV of 100,000 rows", hundred_k))
    big = folder / "100mb.csv"
    write_csv(big, 100_000_000)
    files.append(("CSV 100 MB", big))
    if not quick:
        huge = folder / "1gb.csv"
        write_csv(huge, 1_000_000_000)
        files.append(("CSV 1 GB", huge))
    return files


def measure(path: str) -> None:
    """Wrapper: run the reader on `path` in a child; print the child's peak RSS, wall and CPU time as JSON."""
    start = time.perf_counter()
    child = subprocess.run([sys.executable, "-c", READER, path], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # ru_maxrss in kilobytes on Linux
    outcome = child.stdout.strip() or ("traceback: " + child.stderr.strip().splitlines()[-1])
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps({"peak_mb": usage.ru_maxrss / 1024, "wall_s": wall, "cpu_s": cpu, "outcome": outcome}))


def run_measure(path) -> dict:
    command = [sys.executable, __file__, "--measure", str(path)]
    return json.loads(subprocess.run(command, capture_output=True, text=True).stdout)


def row(label: str, size: str, result: dict) -> str:
    ok = result["peak_mb"] < 1024 and result["wall_s"] <= 10 and not result["outcome"].startswith("traceback")
    return (
        f"{label:48} {size:>10} {result['peak_mb']:>6.0f} MB {result['wall_s']:>5.2f} s {result['cpu_s']:>5.2f} s  "
        f"{result['outcome']}{'' if ok else '  ✗ OVER TARGET'}"
    )


def main() -> None:
    if sys.argv[1:2] == ["--measure"]:
        measure(sys.argv[2])
        return
    quick = "--quick" in sys.argv
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        started = time.perf_counter()
        files = generate(Path(folder), quick)
        print(f"generated {len(files)} files in {time.perf_counter() - started:.0f} s")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (wall time stretches with it)\n")
        print(f"{'file':48} {'on disk':>10} {'peak RSS':>9} {'wall':>7} {'CPU':>7}  outcome")
        print(row("(interpreter + imports, reading /dev/null)", "", run_measure(os.devnull)))
        for label, path in files:
            print(row(label, f"{path.stat().st_size / 1e6:.1f} MB", run_measure(path)))


if __name__ == "__main__":
    main()

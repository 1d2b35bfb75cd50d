"""How much a file may hold before it is refused, checked before and while it is read.

The scale: about 2,875 county-level units plus ~400 cities and provinces, ~25 indicators in the catalogue, four
quarters. A long-layout file with a whole year for the whole country is ~3,300 × 25 × 4 ≈ 330,000 rows of ~6 cells;
a wide one, ~13,000 rows of ~30 columns. The caps sit above that, so that no real return meets them, and low enough
that reading stays within a few hundred MB and a few seconds.
"""

MB = 1_000_000

# A file's bytes, checked before decoding or unzipping. The upload page allows 20 MB; a national CSV of a year is
# ~25 MB. Anything larger is refused from its size alone.
MAX_FILE_BYTES = 50 * MB
# An .xlsx, measured from its central directory before anything is inflated: one part (a sheet, the shared strings)
# and all parts together. Sheet XML is ~10× its data, so a national wide table is well under this.
MAX_PART_BYTES = 50 * MB
MAX_INFLATED_BYTES = 100 * MB
# Real workbooks have a few dozen parts; a crowd of them only costs memory in zipfile's directory.
MAX_ARCHIVE_PARTS = 2_000
# Sheet XML of real data shrinks 5–30× (deflate cannot pass ~1032×); a part above 5 MB that shrinks more than 200×
# is repetition built to inflate (the bomb: 230×), refused even under the size caps.
MAX_RATIO = 200
RATIO_CHECK_FROM = 5 * MB
# Rows with something in them (blank rows are not counted), columns by position, and filled cells. 300,000 rows:
# ~3,000 regions × 25 indicators × 4 quarters in long layout; streaming them takes ~5 s of CPU here.
MAX_ROWS = 300_000
MAX_COLUMNS = 200
MAX_CELLS = 2_500_000
# Merged ranges in one sheet: a template merges a title and a few group headers.
MAX_MERGES = 10_000

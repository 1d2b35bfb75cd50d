"""The read model: a Selection in, rows out. Every page, the wall screen, the briefing and the CLI read the store
through these modules; none of them computes a gap, a verdict, a unit or a sentence itself. Reading only: writes go
through unionbench.store's writer (ingest, targets, settings). No streamlit here.

Modules, from the bottom up (each imports only those above it):
- metrics     — small shared arithmetic: changes, the comparison quarter, ranks
- views       — the catalogue, region names, benchmark sets, data status, validation rules as the pages show them
- quarters    — which quarter a page opens on, and what a quarter only some counties have reported says
- selection   — Selection (what a view compares) and the one way to build it from a link's parameters
- analysis    — the rules over pandas objects: composite index, rank moves, percentile, what-if, radar scores,
                county contributions
- comparison  — the one comparison: one row per indicator (basis, gap, verdict, rank, trend, catch-up, words)
- targets     — progress against annual targets: the schedule rule and each region's progress rows
- rankings    — one indicator's ranking with rank moves, the composite index, one region's profile
- drilldown   — what sits beside the rows: county contributions to a gap, radar scores, sets found by name
- series      — time series for the trends page and the changes that matter per indicator kind
- explorer    — the data explorer's table, its display form and its download name
- similar     — the k regions most like the home in structure
"""

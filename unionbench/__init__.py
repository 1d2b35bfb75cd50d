"""工会对标看板 · Union Benchmark Dashboard — the domain core (never imports streamlit)."""

__version__ = "0.1.0"

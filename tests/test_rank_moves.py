"""A rank move says which way a region went, and a region that kept its rank says so: "—" is kept for no
comparison at all (no rank a quarter or a year ago)."""

from components.ranking import move_text


def test_a_kept_rank_reads_differently_from_no_earlier_rank_in_both_languages():
    for lang in ("zh", "en"):
        kept, unknown = move_text(0.0, lang), move_text(float("nan"), lang)
        assert unknown == "—" and kept not in ("", "—")
        assert move_text(2.0, lang) == "↑2" and move_text(-1.0, lang) == "↓1"

"""The tracker's deadline in words: days left before it, overdue only after it — a county returned on 2026-12-07
with the 2026Q4 deadline on 2027-01-15 is not '已逾期0天'."""

import datetime as dt

from unionbench.tracker import deadline_words, reminder


def test_before_the_deadline_the_tracker_counts_the_days_left():
    # 2026-12-07 → 2027-01-15: 24 days to the end of December + 15 = 39
    assert deadline_words("returned", "2027-01-15", dt.date(2026, 12, 7), "zh") == "距截止还有 39 天"
    assert deadline_words("missing", "2027-01-15", dt.date(2026, 12, 7), "en") == "39 day(s) to the deadline"


def test_on_the_day_it_is_due_and_only_after_it_overdue():
    assert deadline_words("missing", "2027-01-15", dt.date(2027, 1, 15), "zh") == "今天截止"
    assert deadline_words("missing", "2027-01-15", dt.date(2027, 1, 18), "zh") == "已逾期 3 天"


def test_a_county_whose_figures_are_in_owes_nothing():
    for status in ("approved", "submitted"):
        assert deadline_words(status, "2027-01-15", dt.date(2027, 1, 18), "zh") == "—"


def test_a_returned_countys_reminder_before_the_deadline_gives_the_date_not_zero_days_overdue():
    text = reminder("剑阁县", "2026Q4", dt.date(2027, 1, 15), 0, "数值有误")
    assert "逾期" not in text
    assert text == (
        "【报送提醒】剑阁县总工会：2026年第四季度工会指标数据已退回（原因：数值有误），请于2027年1月15日前"
        "修改后通过工会对标看板重新报送。"
    )
    assert "已逾期3天" in reminder("剑阁县", "2026Q4", dt.date(2027, 1, 15), 3, "数值有误")

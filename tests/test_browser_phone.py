"""The gap page on a phone: at 390×844 one card per indicator (value, benchmark, gap, verdict)
instead of the wide table, and the page does not scroll sideways; at 1920×1080 the table as before."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.support import streamlit_server, wait_for_app, watched_page

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/shots-english")
JUDGED = 15  # rates and figures per 10,000 workers (the gap table's rows)


@pytest.fixture(scope="module")
def server(demo_db_path):
    with streamlit_server(demo_db_path) as url:
        yield url


def open_gaps(browser, server, width: int, height: int, query: str = "", **options):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN", **options)
    page = watched_page(context)
    page.goto(f"{server}/gaps{query}")
    wait_for_app(page)
    return context, page


def test_a_phone_sees_one_card_per_indicator_with_its_verdict_and_no_sideways_scroll(browser, server):
    context, page = open_gaps(browser, server, 390, 844, is_mobile=True, has_touch=True, device_scale_factor=2)
    cards = page.get_by_test_id("gap-card")
    expect(cards.first).to_be_visible()
    assert cards.count() == JUDGED
    assert all(cards.nth(i).is_visible() for i in range(JUDGED))
    verdicts = [cards.nth(i).get_by_test_id("gap-card-verdict").inner_text().strip() for i in range(JUDGED)]
    assert all(v in {"▲ 领先", "● 持平", "▼ 落后"} for v in verdicts), verdicts
    first = cards.first.inner_text()
    assert "本地" in first and "差距" in first
    assert page.locator(".st-key-gap_table_wide [data-testid=stTable]").is_hidden()
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"
    SHOTS.mkdir(exist_ok=True)
    cards.first.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "gaps-phone-390x844.png")
    page.screenshot(path=SHOTS / "gaps-phone-390x844-full.png", full_page=True)
    assert page.outside_requests == []
    context.close()


def test_an_english_phone_reads_the_cards_in_english(browser, server):
    context, page = open_gaps(browser, server, 390, 844, "?lang=en", is_mobile=True, has_touch=True)
    cards = page.get_by_test_id("gap-card")
    expect(cards.first).to_be_visible()
    text = cards.first.inner_text()
    assert "Benchmark" in text and "Gap" in text
    verdict = cards.first.get_by_test_id("gap-card-verdict").inner_text().strip().lower()
    assert verdict in {"▲ ahead", "● level", "▼ behind"}
    expect(page.locator("h1").first).to_contain_text("Guangyuan City")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / "gaps-phone-390x844-en.png")
    context.close()


def test_a_wide_screen_shows_the_table_and_hides_the_cards(browser, server):
    context, page = open_gaps(browser, server, 1920, 1080)
    table = page.locator(".st-key-gap_table_wide [data-testid=stTable]")
    expect(table).to_be_visible()
    assert table.locator("tbody tr").count() == JUDGED
    assert page.get_by_test_id("gap-card").first.is_hidden()
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / "gaps-1920x1080.png")
    context.close()

"""The quarterly upload as staff do it in Debian chromium: sign in, download the template, send a file with
mistakes, read the problems, fix them, preview, commit, and see the new figure on the overview; then revert."""

import io
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import expect

from tests.support import ARTIFACTS, sign_in, wait_for_app
from unionbench.auth import hash_password

pytestmark = pytest.mark.browser
PASSWORD = "correct-horse-2026"


@pytest.fixture(scope="module")
def server_secrets(tmp_path_factory):
    secrets = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    secrets.write_text(f'[upload_users]\nclerk = "{hash_password(PASSWORD, iterations=1000)}"\n', encoding="utf-8")
    return secrets


@pytest.fixture(scope="module")
def page(journey_page):
    return journey_page


def upload(page, name: str, content: bytes) -> None:
    page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(
        {"name": name, "mimeType": "text/csv", "buffer": content}
    )
    wait_for_app(page)


def filled_template(template: bytes) -> pd.DataFrame:
    """The downloaded template with last quarter's figures (its reference column), a little higher, typed into the
    value column (no jump warnings); counts as whole numbers."""
    frame = pd.read_csv(io.BytesIO(template), encoding="utf-8-sig", dtype=str)
    reference, value = frame.columns[-2], frame.columns[-1]
    assert "参考" in reference and value == "数值"
    raised = frame[reference].astype(float) * 1.02
    whole = frame["单位"].isin(["个", "人", "项", "场"])
    frame[value] = [f"{v:.0f}" if is_whole else f"{v:.2f}" for v, is_whole in zip(raised, whole, strict=True)]
    return frame


STREAMLIT_ENGLISH = ("Upload", "Browse files", "Choose an option", "Drag and drop", "per file")


def words_shown(page) -> str:
    """What a person reads in the main area: its visible text, CSS-drawn ::after words and input placeholders."""
    return page.evaluate(
        """() => {
            const main = document.querySelector('[data-testid=stMain]');
            const seen = [main.innerText];
            for (const element of main.querySelectorAll('*')) {
                const after = getComputedStyle(element, '::after').content;
                if (after && after !== 'none' && after !== 'normal') seen.push(after);
                if (element.placeholder && !element.value) seen.push(element.placeholder);
            }
            return seen.join('\\n');
        }"""
    )


def drag_a_file_over(page, event: str) -> None:
    page.locator("[data-testid=stFileUploaderDropzone]").evaluate(
        """(zone, event) => {
            const data = new DataTransfer();
            data.items.add(new File(['x'], 'a.csv', {type: 'text/csv'}));
            zone.dispatchEvent(new DragEvent(event, {dataTransfer: data, bubbles: true}));
        }""",
        event,
    )


def test_staff_sign_in_fix_a_rejected_file_commit_it_and_see_it_on_the_overview(server, page):
    page.goto(f"{server}/upload")
    wait_for_app(page)
    expect(page.get_by_role("button", name="登录")).to_be_visible()
    assert page.locator("[data-testid=stFileUploader]").count() == 0  # nothing without signing in

    sign_in(page, "clerk", "wrong password")
    expect(page.get_by_text("用户名或密码不正确")).to_be_visible()
    sign_in(page, "clerk", PASSWORD)
    expect(page.get_by_text("已登录：clerk")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("button", name="下载 CSV 模板").click()
    template = Path(download.value.path()).read_bytes()
    assert template.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel on Chinese Windows reads UTF-8
    frame = filled_template(template)
    assert len(frame) == 7 * 17 and set(frame["季度"]) == {"2026Q4"}

    # Streamlit's own words read in Chinese on the Chinese page, the drop hint included
    shown = words_shown(page)
    assert "选择文件" in shown and "单个文件不超过" in shown and "请选择" in shown
    assert not [word for word in STREAMLIT_ENGLISH if word in shown], shown
    drag_a_file_over(page, "dragenter")
    expect(page.locator("[data-testid=stFileUploaderDropzone] > input + div > span")).to_be_attached()
    shown = words_shown(page)
    assert "将文件拖放到此处" in shown and "Drag and drop" not in shown
    drag_a_file_over(page, "dragleave")

    broken = frame.copy()
    broken.loc[2, "数值"] = "十二"
    broken.loc[4, "数值"] = "-3"
    upload(page, "广元2026Q4.csv", broken.to_csv(index=False).encode("gb18030"))
    expect(page.get_by_text("发现 2 个问题，未写入任何数据")).to_be_visible()
    problems = page.locator("[data-testid=ub-problems]").filter(has_text="十二")  # wait for the table, not a clock
    expect(problems).to_be_visible()
    assert "-3" in problems.inner_text()
    page.screenshot(path=ARTIFACTS / "upload-problems-1920x1080.png", full_page=True)

    upload(page, "广元2026Q4-修正.csv", frame.to_csv(index=False).encode("gb18030"))
    expect(page.get_by_text("③ 预览并确认")).to_be_visible()
    assert page.locator("[data-testid=stMetricValue]").first.inner_text() == "119"  # 7 counties × 17 indicators
    review = page.locator("[data-testid=stDataFrame]").last  # sorted by county then indicator
    expect(review).to_be_visible()
    page.screenshot(path=ARTIFACTS / "upload-preview-1920x1080.png", full_page=True)
    page.get_by_role("button", name="确认提交").click()
    wait_for_app(page)
    expect(page.get_by_text("已提交：上传")).to_be_visible(timeout=60_000)  # a check and a commit under load
    expect(page.get_by_text("已提交：上传")).to_be_in_viewport()  # the page scrolled up to the outcome
    expect(page.get_by_text("新增 119 个")).to_be_visible()
    expect(page.get_by_role("button", name="下载季度通报（Word）")).to_be_visible()  # ready for the meeting

    expected = int(round(float(frame.loc[frame["指标"] == "户外劳动者服务站点", "数值"].astype(float).sum())))
    page.goto(f"{server}/?period=2026Q4")  # the overview is the default page, served at /
    wait_for_app(page)
    stations = page.locator("[data-testid=kpi-tile]").first.inner_text()
    assert f"{expected:,}" in stations or str(expected) in stations
    # The benchmark cities have not reported 2026Q4: the comparison uses their 2026Q3 and says so
    expect(page.get_by_text("对标数据截至2026年第三季度").first).to_be_visible()
    verdicts = page.locator("[data-testid=kpi-tile]").evaluate_all("tiles => tiles.map(t => t.dataset.status)")
    assert len(verdicts) == 6 and set(verdicts) <= {"ahead", "level", "behind"}
    page.screenshot(path=ARTIFACTS / "overview-new-quarter-1920x1080.png", full_page=True)

    page.goto(f"{server}/screen?embed=true&seconds=60")
    expect(page.get_by_test_id("screen-tile").first).to_be_visible(timeout=60_000)
    expect(page.get_by_text("对标数据截至2026年第三季度").first).to_be_visible()
    verdicts = page.get_by_test_id("screen-tile").evaluate_all("tiles => tiles.map(t => t.dataset.status)")
    assert len(verdicts) == 6 and set(verdicts) <= {"ahead", "level", "behind"}
    page.screenshot(path=ARTIFACTS / "screen-new-quarter-1920x1080.png")
    assert page.outside_requests == []


def test_a_committed_upload_can_be_reverted_from_the_history(server, page):
    page.goto(f"{server}/upload")
    wait_for_app(page)
    if page.get_by_role("button", name="登录").count():
        sign_in(page, "clerk", PASSWORD)
    pick = page.locator("[data-testid=stSelectbox]").filter(has_text="撤销某次上传")
    pick.scroll_into_view_if_needed()  # below the review section and the audit log now
    pick.locator("input").click()
    page.get_by_role("option", name="广元2026Q4-修正.csv").click()
    wait_for_app(page)
    page.get_by_text("我确认撤销上传").click()
    wait_for_app(page)
    page.get_by_role("button", name="撤销", exact=True).click()
    expect(page.get_by_text("已撤销上传 #")).to_be_visible()
    wait_for_app(page)
    history = page.locator("[data-testid=ub-history]").inner_text()
    assert "已撤销" in history
    page.screenshot(path=ARTIFACTS / "upload-reverted-1920x1080.png", full_page=True)

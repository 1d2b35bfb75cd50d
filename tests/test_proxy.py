"""Scale-out through a real nginx: the deployment `make serve REPLICAS=2` starts — nginx from the Debian
package with the site file of deploy/nginx/, two dashboard replicas and the writer instance under /admin/ — serves
browser sessions spread over both replicas, keeps each browser on its replica across its websocket and reloads,
and after an upload committed by another process every session shows the new figure, with no error on any page,
in any dashboard's log or in nginx's error log.
"""

import re
import time
from collections import defaultdict
from pathlib import Path

import pytest

from tests.support import CHROMIUM, CHROMIUM_ARGS, wait_for_app
from tests.test_scale_out import (
    COUNTY,
    LINK,
    LOG_FAILURES,
    commit_from_another_process,
    correction,
    current_value,
    figure_on_map,
    shows,
)
from unionbench.serve import NGINX, STICKY_COOKIE, WRITER_PATH, Deployment, Layout, deployment, routes, site_config

pytestmark = pytest.mark.browser
NGINX_FAILURES = ("[error]", "[crit]", "[alert]", "[emerg]")


def sticky_key(context) -> str:
    return next(cookie["value"] for cookie in context.cookies() if cookie["name"] == STICKY_COOKIE)


def replica_of(deployed: Deployment, key: str) -> str:
    upstreams = {
        upstream for path, _, upstream in routes(deployed.access_log)[key] if path.startswith(LINK.split("?")[0] + "?")
    }
    assert len(upstreams) == 1, f"the page of sticky key {key} came from {upstreams}"
    return upstreams.pop()


def test_the_site_file_is_what_make_serve_runs_with_only_ports_and_log_rewritten():
    from unionbench.serve import SITE_FILE

    text = site_config(Layout("127.0.0.1", 9000, 9001, (9002, 9003, 9004)), Path("/tmp/x.log"))
    assert "hash $unionbench_sticky;" in text and "ip_hash;" not in text
    assert re.findall(r"server 127\.0\.0\.1:(\d+);", text) == ["9002", "9003", "9004", "9001"]
    assert "listen 127.0.0.1:9000;" in text and "access_log /tmp/x.log unionbench;" in text
    unchanged = [
        line for line in SITE_FILE.read_text().splitlines() if "server 127" not in line and "listen" not in line
    ]
    assert [line for line in unchanged if "access_log" not in line] == [
        line
        for line in text.splitlines()
        if "server 127" not in line and "listen" not in line and "access_log" not in line
    ]


@pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed (make deploy-deps)")
def test_sessions_through_nginx_spread_over_two_replicas_stay_on_theirs_and_all_see_an_upload_with_no_error(
    writable_db, tmp_path
):
    from playwright.sync_api import sync_playwright

    before = current_value(writable_db)
    after = before + 7
    upload = correction(tmp_path, after)
    with deployment(writable_db, Layout.free(2), tmp_path / "serve") as deployed, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        sessions, per_replica = [], defaultdict(int)
        while min(per_replica.values(), default=0) < 2 or len(per_replica) < 2:  # a fresh browser: a random replica
            assert len(sessions) < 16, f"16 browsers and still not two on each replica: {dict(per_replica)}"
            context = browser.new_context(viewport={"width": 1400, "height": 900})
            page = context.new_page()
            page.goto(deployed.url + LINK)
            wait_for_app(page)
            assert figure_on_map(page, COUNTY) == before
            replica = replica_of(deployed, sticky_key(context))
            per_replica[replica] += 1
            sessions.append((context, page, replica))
        assert set(per_replica) == {f"127.0.0.1:{port}" for port in deployed.layout.replicas}

        admin = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        admin.goto(f"{deployed.url}/{WRITER_PATH}/upload")  # the writer instance, under /admin/ of the same host
        wait_for_app(admin)
        assert admin.locator("[data-testid=stException]").count() == 0

        commit_from_another_process(writable_db, upload)

        for context, page, replica in sessions:
            assert shows(page, deployed.url, after), f"{replica} still shows {figure_on_map(page, COUNTY)}"
            assert page.locator("[data-testid=stException]").count() == 0
            assert replica_of(deployed, sticky_key(context)) == replica  # a reload stays on its replica
        keys = [sticky_key(context) for context, _, _ in sessions]
        browser.close()  # closes every websocket: nginx logs each one as it ends

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # waiting on nginx's log, which it writes as each connection closes
            logged = routes(deployed.access_log)
            if all(any(path == "/_stcore/stream" for path, _, _ in logged[key]) for key in keys):
                break
            time.sleep(0.2)  # the interval of a poll on the log's state, not a pause standing in for it
        for key, (_, _, replica) in zip(keys, sessions, strict=True):
            requests = routes(deployed.access_log)[key]
            assert {upstream for _, _, upstream in requests} == {replica}, requests  # page, scripts and websocket
            streams = [status for path, status, _ in requests if path == "/_stcore/stream"]
            assert len(streams) >= 2 and set(streams) == {"101"}, requests  # the first load and each reload
            assert not [r for r in requests if r[1].startswith("5")], requests
        writer_requests = [r for rs in routes(deployed.access_log).values() for r in rs if r[0].startswith("/admin/")]
        assert {upstream for _, _, upstream in writer_requests} == {f"127.0.0.1:{deployed.layout.writer}"}

    error_log = deployed.error_log.read_text(errors="replace")
    assert not [line for line in error_log.splitlines() if any(level in line for level in NGINX_FAILURES)], error_log
    for port in (deployed.layout.writer, *deployed.layout.replicas):
        log = deployed.replica_log(port).read_text(errors="replace")
        assert not [failure for failure in LOG_FAILURES if failure in log], log

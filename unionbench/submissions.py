"""Submitting, approving and returning figures.

What a reporter sends is *submitted*: kept in the database (the file's bytes and the figures it was read as) and
archived, visible to admins, counted in no figure. An admin approves it (then it is committed like any upload:
versioned, published) or returns it with a reason. An admin's own upload publishes directly. Each step is audited.
"""

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from unionbench.accounts import Account, ReportingError
from unionbench.audit import audit, record_entry, record_refusal, refused_here
from unionbench.commit import CommitResult, UploadEntry, commit_observations
from unionbench.ingest import (
    HELD,
    MAX_LISTED,
    Prepared,
    Upload,
    UploadOutcome,
    archive_file,
    check_outside_lock,
    commit_file,
    held,
    hold,
    revert_upload,
)
from unionbench.ingest.problems import Problem
from unionbench.store import Store, bump_data_version, load_query, writer


def region_problems(prepared: Prepared, region: str, names: Mapping[str, str]) -> list[Problem]:
    """One problem per file row that holds another region's figures (row, column region, value, reason)."""
    observations = prepared.observations
    others = observations[observations.region != region]
    if others.empty:
        return []
    rows = others.drop_duplicates("row" if "row" in others else "region").sort_values(
        "row" if "row" in others else "region", kind="stable"
    )
    own = names.get(region, region)
    return [
        Problem(
            "other_region",
            int(row.row) if "row" in others and pd.notna(row.row) else None,
            "地区",  # the region column as the template heads it (a person reads this, not a field name)
            names.get(row.region, row.region),
            {"own": own},
        )
        for row in rows.itertuples(index=False)
    ]


def restricted(prepared: Prepared, region: str, names: Mapping[str, str]) -> Prepared:
    """The checked file, refused whole when it holds any region but `region`."""
    if not prepared.ok:
        return prepared
    problems = region_problems(prepared, region, names)
    if not problems:
        return prepared
    return dataclasses.replace(
        prepared,
        errors=problems[:MAX_LISTED],
        error_count=len(problems),
        problem_counts={**prepared.problem_counts, "other_region": len(problems)},
    )


def region_names(store: Store, adcodes) -> dict[str, str]:
    found = store.query("region_names", adcodes=sorted(set(adcodes)))
    return dict(zip(found.adcode, found.name_zh, strict=True))


def check_for(store: Store, upload: Upload, account: Account) -> Prepared:
    """prepare() and, for a reporter, the region rule."""
    return restricted_for(store, upload.check(store), account)


def restricted_for(store: Store, prepared: Prepared, account: Account) -> Prepared:
    """For a reporter: refused whole when it holds another region's rows, and without the warning that the other
    counties are missing (a county sends only its own)."""
    if account.is_admin:
        return prepared
    if prepared.warnings:
        kept = [w for w in prepared.warnings if w.code != "county_missing"]
        left_out = len(prepared.warnings) - len(kept)
        counts = {k: v for k, v in prepared.problem_counts.items() if k != "county_missing"}
        prepared = dataclasses.replace(
            prepared, warnings=kept, warning_count=prepared.warning_count - left_out, problem_counts=counts
        )
    if not prepared.ok:
        return prepared
    names = region_names(store, [*prepared.observations.region, account.region])
    return restricted(prepared, account.region, names)


@dataclass
class SubmitOutcome:
    prepared: Prepared
    submission_id: int | None  # None when refused


def submit_file(
    primary: Path, upload: Upload, account: Account, address: str | None = None, accept_held: bool = False
) -> SubmitOutcome:
    """A reporter's file: checked (its own region only), then stored whole for review; no figure changes. Rows that
    are probably slips (ingest.HELD) need `accept_held`: the reporter said yes to each."""
    primary = Path(primary)
    data, file_name = upload.data, upload.file_name
    prepared = check_outside_lock(primary, upload)
    with writer(primary) as store:
        if prepared is None:
            prepared = upload.check(store)
        prepared = restricted_for(store, prepared, account)
        if not prepared.ok:
            others = prepared.problem_counts.get("other_region", 0)
            if others:  # a county sending another's figures: refused, and the attempt is kept
                why = f"{others} row(s) of a region other than {account.region}"
                refused_here(store, account.name, "submit", file_name, why, address)
            return SubmitOutcome(prepared, None)
        confirmed = confirmed_rows(prepared)
        if confirmed and not accept_held:
            refused_here(store, account.name, "submit", file_name, f"held without a yes: {confirmed}", address)
            return SubmitOutcome(hold(prepared), None)
        archive_file(primary, prepared.sha256, file_name, data)
        rows = prepared.observations[["region", "indicator", "period", "value"]].astype({"value": "float64"})
        with store.transaction() as cur:
            submission_id = cur.execute(
                load_query("write/insert_submission"),
                {
                    "file_name": file_name,
                    "sha256": prepared.sha256,
                    "content": data,
                    "period": upload.period,
                    "region": account.region,
                    "user_name": account.name,
                    "figures": len(rows),
                },
            ).fetchone()[0]
            cur.register("incoming_submission_rows", rows)
            cur.execute(load_query("write/insert_submission_rows"), {"submission_id": submission_id})
            cur.unregister("incoming_submission_rows")
            detail = f"{file_name}: {len(rows)}" + (f"; confirmed {confirmed}" if confirmed else "")
            audit(cur, account.name, "submit", f"submission #{submission_id}", detail, address)
            bump_data_version(cur, figures=False)
    return SubmitOutcome(prepared, int(submission_id))


def waiting_submission(
    store: Store, submission_id: int, by: str | None = None, action: str = "", address: str | None = None
) -> pd.Series:
    """The submission, still waiting for review; otherwise refused (and, with `by`, the refusal audited: of two
    admins approving at once, the second is told it is already approved, and the log shows both tries)."""
    try:
        return _waiting(store, submission_id)
    except ReportingError as error:
        if by is not None:
            refused_here(store, by, action, f"submission #{submission_id}", error.en, address)
        raise


def _waiting(store: Store, submission_id: int) -> pd.Series:
    found = store.query("submission_by_id", submission_id=submission_id)
    if found.empty:
        raise ReportingError(f"没有编号为 {submission_id} 的报送。", f"There is no submission #{submission_id}.")
    row = found.iloc[0]
    if row.status != "submitted":
        word = {"approved": ("已审核通过", "approved"), "returned": ("已退回", "returned")}[row.status]
        raise ReportingError(
            f"报送 #{submission_id} {word[0]}，不能再审核。", f"Submission #{submission_id} is already {word[1]}."
        )
    return row


def same_figures(left: pd.DataFrame, right: pd.DataFrame) -> bool:
    """The same (region, indicator, period, value) rows in any order, whatever the frames' dtypes."""

    def rows(frame: pd.DataFrame) -> list[tuple]:
        return sorted(
            zip(
                frame.region.astype(str),
                frame.indicator.astype(str),
                frame.period.astype(str),
                frame.value.astype("float64"),
                strict=True,
            )
        )

    return len(left) == len(right) and rows(left) == rows(right)


@dataclass
class ApproveOutcome:
    prepared: Prepared
    result: CommitResult | None  # None when the file no longer passes against the current figures


def approve_submission(
    primary: Path, submission_id: int, by: str, today: dt.date | None = None, address: str | None = None
) -> ApproveOutcome:
    """Commit a submission as an upload (versioned, published), after checking its file again against the figures
    stored now: a file that no longer passes is refused with its problems (it stays submitted, to be returned);
    one that reads differently than when it was sent (the catalogue changed) is refused; otherwise exactly the
    figures that were previewed are committed."""
    with writer(Path(primary)) as store:
        sent = waiting_submission(store, submission_id, by, "approve", address)
        account = Account(sent.user_name, "reporter", sent.region)
        period = sent.period if isinstance(sent.period, str) else None
        prepared = check_for(store, Upload(bytes(sent.content), sent.file_name, period, today), account)
        target = f"submission #{submission_id}"
        if not prepared.ok:
            why = f"no longer passes against the current figures ({prepared.error_count} problem(s))"
            refused_here(store, by, "approve", target, why, address)
            return ApproveOutcome(prepared, None)
        rows = store.query("submission_rows", submission_id=submission_id)
        if not same_figures(prepared.observations, rows):
            refused_here(store, by, "approve", target, "reads differently than when it was sent", address)
            raise ReportingError(
                f"报送 #{submission_id} 的文件现在读出的数值与提交时不同（地区或指标目录已更新）："
                "请退回，请其重新报送。",
                f"Submission #{submission_id} now reads differently than when it was sent (the regions or the "
                "catalogue changed): return it and ask for a new one.",
            )

        def approved(cur, upload_id: int) -> None:
            cur.execute(
                load_query("write/review_submission"),
                {
                    "submission_id": submission_id,
                    "status": "approved",
                    "user_name": by,
                    "reason": None,
                    "upload_id": upload_id,
                },
            )
            audit(cur, by, "approve", f"submission #{submission_id}", f"upload #{upload_id}: {sent.file_name}", address)

        result = commit_observations(
            store,
            rows,
            UploadEntry(
                file_name=sent.file_name,
                sha256=sent.sha256,
                user_name=sent.user_name,
                layout=prepared.layout or "unknown",
                note=f"报送 #{submission_id}，{by} 审核通过 / submission #{submission_id} approved by {by}",
            ),
            on_commit=approved,
        )
    return ApproveOutcome(prepared, result)


def return_submission(primary: Path, submission_id: int, by: str, reason: str, address: str | None = None) -> None:
    """Send a submission back with the reason its reporter sees; no figure changes."""
    reason = (reason or "").strip()
    if not reason:
        raise ReportingError("退回须写明原因。", "A return needs a reason.")
    if len(reason) > 500:
        raise ReportingError("退回原因最多 500 字。", "A reason has at most 500 characters.")
    with writer(Path(primary)) as store:
        waiting_submission(store, submission_id, by, "return", address)
        with store.transaction() as cur:
            cur.execute(
                load_query("write/review_submission"),
                {
                    "submission_id": submission_id,
                    "status": "returned",
                    "user_name": by,
                    "reason": reason,
                    "upload_id": None,
                },
            )
            audit(cur, by, "return", f"submission #{submission_id}", reason, address)
            bump_data_version(cur, figures=False)


def confirmed_rows(prepared: Prepared) -> str:
    """The held rows of a checked file, for the audit log: 'row 3 四川省; row 5 广元市' ('' when none)."""
    if not HELD & set(prepared.problem_counts):
        return ""
    return "; ".join(f"row {p.row} {p.value}" for p in held(prepared)) or "held rows"


def publish_file(
    primary: Path, upload: Upload, user: str, address: str | None = None, accept_held: bool = False
) -> UploadOutcome:
    """An admin's upload: committed and published at once (ingest.commit_file), with its audit entry. Rows held
    as probable slips (ingest.HELD) are written only with `accept_held`; the yes is in the audit entry, and a file
    held for want of one leaves a refusal there."""

    def audited(cur, upload_id: int) -> None:
        audit(cur, user, "upload", f"upload #{upload_id}", upload.file_name, address)

    outcome = commit_file(Path(primary), upload, user, on_commit=audited, accept_held=accept_held)
    if outcome.result is not None and confirmed_rows(outcome.prepared):
        target = f"upload #{outcome.result.upload_id}"
        record_entry(primary, user, "confirm", target, confirmed_rows(outcome.prepared), address)
    elif outcome.result is None and HELD & {p.code for p in outcome.prepared.errors}:
        rows = "; ".join(f"row {p.row} {p.value}" for p in outcome.prepared.errors if p.code in HELD)
        record_refusal(primary, user, "ingest", upload.file_name, f"held without a yes: {rows}", address)
    return outcome


def revert(primary: Path, upload_id: int, user: str, address: str | None = None) -> pd.Series:
    """Take an upload back (ingest.revert_upload), with its audit entry."""
    return revert_upload(
        Path(primary),
        upload_id,
        user,
        on_revert=lambda cur: audit(cur, user, "revert", f"upload #{upload_id}", None, address),
    )


def submissions(store: Store, period: str | None = None) -> pd.DataFrame:
    """Submissions newest first (those with figures for `period`, when given), without the file bytes."""
    return store.query("submissions", period=period)


def submission_file(store: Store, submission_id: int) -> tuple[bytes, str, str | None]:
    """(the bytes as sent, the file name, the quarter chosen when sending) for a preview."""
    found = store.query("submission_by_id", submission_id=submission_id).iloc[0]
    return bytes(found.content), found.file_name, found.period if isinstance(found.period, str) else None


def region_template_files(store: Store, region: str, period: str, lang: str = "zh") -> dict[str, bytes]:
    """The upload template of a reporter's own region: its rows with last quarter's figures (templates)."""
    from unionbench.templates import template_files

    return template_files(store, region, period, lang)

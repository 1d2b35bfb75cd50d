"""No traceback reaches a user: `client.showErrorDetails = "none"` hides the
details Streamlit would draw, and a failing page run is logged server-side under a short id the user can quote."""

import logging
import sys
import uuid

import streamlit as st

from components.strings import t

log = logging.getLogger("unionbench.pages")


def setup_logging() -> None:
    """Send the project's own log records (failed page runs, failed sign-ins) to the server's stderr, once."""
    root = logging.getLogger("unionbench")
    if not root.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)


def log_failure(what: str = "page run") -> str:
    """Log the exception being handled, with its traceback, under a new short id; return the id for the user."""
    error_id = uuid.uuid4().hex[:8]
    log.exception("%s failed, error id %s", what, error_id)
    return error_id


def show_failure(error_id: str, lang: str) -> None:
    """The friendly words and the id to quote (zh or en); never the exception's text or a server path."""
    st.error(t("page_failed", lang, id=error_id), icon=":material/error:")


def run_logged(page, lang: str) -> None:
    """Run the chosen page; if it fails, log the traceback with an id and tell the user that id (in words, with no
    server path), then let Streamlit end the run as failed (it shows only a generic message)."""
    try:
        page.run()
    except Exception:
        show_failure(log_failure(), lang)
        raise

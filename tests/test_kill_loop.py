"""A fast sample of bench/kill_loop.py: SIGKILLed ingest, revert and init leave the old or the new state, and no
reader is left on a stale snapshot (the full loop is `python bench/kill_loop.py`)."""

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "kill_loop.py"


@pytest.mark.crash
def test_nine_random_kills_of_ingest_revert_and_init_leave_old_or_new_state_and_no_stale_reader(monkeypatch, capsys):
    spec = importlib.util.spec_from_file_location("kill_loop", BENCH)
    kill_loop = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(kill_loop)
    monkeypatch.setenv("KILL_RUNS", "9")
    monkeypatch.setenv("KILL_SEED", "3")
    assert kill_loop.main() == 0, capsys.readouterr().out
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split()[0]: [int(n) for n in line.split()[1:]] for line in lines[2:5]}
    assert set(rows) == {"ingest", "revert", "init"}
    for runs, _killed, reopened, old, new, partial, stale, stale_after_writer in rows.values():
        assert (runs, reopened, old + new, partial, stale, stale_after_writer) == (3, 3, 3, 0, 0, 0)

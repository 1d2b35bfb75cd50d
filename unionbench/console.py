"""What every command group prints the same way: who the operator is, and a refused file's problems, one line
each in Chinese and English with control characters written out (formatting.say)."""

import getpass
from typing import TYPE_CHECKING

from unionbench.formatting import say

if TYPE_CHECKING:  # importing unionbench.ingest loads pandas and DuckDB: not for `unionbench --help`
    from unionbench.ingest.problems import Problem


def login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "cli"


def acting(args) -> str:
    """Who a write command acts as: its --user, else the login name."""
    return getattr(args, "user", None) or login_name()


def shell_address() -> str:
    """Where a command-line write comes from, for the audit log: the operator's login name beside the account."""
    return f"shell:{login_name()}"


def problem_line(problem: "Problem") -> str:
    where = " · ".join(
        part
        for part in (
            f"第 {problem.row} 行 row {problem.row}" if problem.row else None,
            f"列 column {problem.column}" if problem.column else None,
            f"值 value “{problem.value}”" if problem.value not in (None, "") else None,
        )
        if part
    )
    return f"{where + ' — ' if where else ''}{problem.message('zh')} / {problem.message('en')}"


def print_problems(prepared) -> None:
    """Every listed problem of a refused file, and the count of each kind."""
    print(
        f"已拒绝，未写入任何数据：{prepared.error_count} 个问题 / rejected, nothing written: "
        f"{prepared.error_count} problem(s)"
    )
    for problem in prepared.errors:
        say("  ✗ " + problem_line(problem))
    print_problem_counts(prepared)


def print_problem_counts(prepared) -> None:
    """Every kind of problem with its count, when the list above was cut short (a file of 100,000 bad
    rows printed 53 MB)."""
    listed = len(prepared.errors) + len(prepared.warnings)
    total = prepared.error_count + prepared.warning_count
    if total > listed:
        print(
            f"只列出前 {len(prepared.errors) or len(prepared.warnings)} 个 / only the first "
            f"{len(prepared.errors) or len(prepared.warnings)} are listed ({total} in all); 按类型 by kind:"
        )
    else:
        print("按类型 by kind:")
    for code, count in sorted(prepared.problem_counts.items(), key=lambda pair: (-pair[1], pair[0])):
        print(f"  {code}: {count}")

"""What every command group prints the same way: a line in every language the product speaks (from the
catalogues), who the operator is, and a refused file's problems, one line each in Chinese and English with control
characters written out (formatting.say)."""

import getpass
from typing import TYPE_CHECKING

from unionbench.formatting import say

if TYPE_CHECKING:  # importing unionbench.ingest loads pandas and DuckDB: not for `unionbench --help`
    from unionbench.ingest.problems import Problem


def both(key: str, /, **values) -> str:
    """A catalogue message in every language the product speaks, Chinese first: "未写入任何内容 / nothing was
    written". The command line has no language of its own (one operator's shell, scripts reading its lines), so it
    says each line in all; the catalogues are read only when a line is said."""
    return " / ".join(each_language(key, **values))


def side_by_side(key: str, /, **values) -> str:
    """A word in every language with a space between, where a line pairs each figure with its words in all
    languages: "新增 added 3 · 修改 changed 0"."""
    return " ".join(each_language(key, **values))


def each_language(key: str, /, **values) -> list[str]:
    """The message in each language; a value given as a function of the language (a clause of its own) is said in
    that language."""
    from unionbench.i18n import LANGUAGES, t

    return [t(key, lang, **{k: v(lang) if callable(v) else v for k, v in values.items()}) for lang in LANGUAGES]


def clause(key: str, /, **values):
    """A catalogue message to be said inside another, in the other's language."""
    from unionbench.i18n import t

    return lambda lang: t(key, lang, **values)


def counted(added: int, changed: int, unchanged: int) -> str:
    """What a write changed, each count with its words in every language: "3 新增 added, 0 修改 changed, …"."""
    pairs = ((added, "cli.added"), (changed, "cli.changed"), (unchanged, "cli.unchanged"))
    return ", ".join(f"{n} {side_by_side(key)}" for n, key in pairs)


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
            side_by_side("cli.row", row=problem.row) if problem.row else None,
            f"{side_by_side('cli.column')} {problem.column}" if problem.column else None,
            f"{side_by_side('cli.value')} “{problem.value}”" if problem.value not in (None, "") else None,
        )
        if part
    )
    return f"{where + ' — ' if where else ''}{problem.message('zh')} / {problem.message('en')}"


def print_problems(prepared) -> None:
    """Every listed problem of a refused file, and the count of each kind."""
    print(both("cli.rejected", n=prepared.error_count))
    for problem in prepared.errors:
        say("  ✗ " + problem_line(problem))
    print_problem_counts(prepared)


def print_problem_counts(prepared) -> None:
    """Every kind of problem with its count, when the list above was cut short (a file of 100,000 bad
    rows printed 53 MB)."""
    listed = len(prepared.errors) + len(prepared.warnings)
    total = prepared.error_count + prepared.warning_count
    by_kind = f"{side_by_side('cli.by_kind')}:"
    if total > listed:
        first = len(prepared.errors) or len(prepared.warnings)
        print(f"{both('cli.only_first', n=first)} ({both('cli.in_all', total=total)}); {by_kind}")
    else:
        print(by_kind)
    for code, count in sorted(prepared.problem_counts.items(), key=lambda pair: (-pair[1], pair[0])):
        print(f"  {code}: {count}")

"""What several command groups share: exit codes, usage errors, checks of --out and of a file to read, an import's
steps, CSV output, the snapshot a command reads, the account a write acts as, and the federation's settings as
defaults for --region and --benchmark."""

import argparse
import sys
from pathlib import Path

from unionbench.console import both
from unionbench.formatting import terminal_text

USAGE, REFUSED = 2, 1
ADMIN_HELP = "the admin doing it (default: the login name; any name while the database has no account)"


def language(value: str) -> str:
    """--lang: a language the product speaks. Any other is refused (exit 2), in each language it speaks: a script
    asking for French should not quietly receive Chinese."""
    from unionbench.i18n import LANGUAGES, t  # the catalogues are read only when --lang is given

    if value not in LANGUAGES:
        choices = ", ".join(LANGUAGES)
        raise argparse.ArgumentTypeError(" / ".join(t("lang.refused", code, languages=choices) for code in LANGUAGES))
    return value


class UsageError(Exception):
    """A usage error (exit 2), raised before anything is written."""


def read_password(from_stdin: bool = False) -> str:
    """Twice at a terminal, or one line of stdin (--password-stdin, or a pipe)."""
    import getpass

    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    password = getpass.getpass(f"{both('cli.password')}: ")
    if getpass.getpass(f"{both('cli.password_again')}: ") != password:
        raise UsageError(both("cli.passwords_differ"))
    return password


def output_path(value: str | None) -> Path | None:
    """--out checked before any work: its folder must exist and it must not be a folder."""
    if value is None:
        return None
    out = Path(value)
    if not out.parent.is_dir():
        raise UsageError(f"{both('cli.no_out_folder')}: {terminal_text(out.parent)}")
    if out.is_dir():
        raise UsageError(f"{both('cli.out_is_folder')}: {terminal_text(out)}")
    return out


def readable_file(value: str | Path) -> Path:
    """A file a command reads, checked before any work (a usage error when it is not there)."""
    path = Path(value)
    if not path.is_file():
        raise UsageError(f"{both('cli.no_such_file')}: {terminal_text(path)}")
    return path


def print_refusal(problems) -> int:
    """A refused file or set-up: every problem on its own line (row, column, value, reason in each language)."""
    print(f"{both('cli.nothing_written')}:", file=sys.stderr)
    for found in problems:
        print("  ✗ " + terminal_text(found.line()), file=sys.stderr)
    return REFUSED


def checked_import(db: Path, file: str, apply, rejected: tuple[type, ...], done, missing: int = USAGE) -> int:
    """The steps every import command takes: the file must be there (else exit `missing`, nothing read);
    `apply(path)` checks it and writes all or nothing (or only checks, on --dry-run); a refusal lists every problem
    and exits 1; `done(outcome)` says what changed, and the readers then see the new snapshot."""
    from unionbench.ingest.problems import FileRejected
    from unionbench.store import replica

    try:
        path = readable_file(file)
    except UsageError as error:
        print(str(error), file=sys.stderr)
        return missing
    try:
        outcome = apply(path)
    except FileRejected as refused:
        found = refused.problem
        print(f"{both('cli.nothing_written')}: {found.message('zh')} / {found.message('en')}", file=sys.stderr)
        return REFUSED
    except rejected as refused:
        return print_refusal(refused.problems)
    done(outcome)
    replica(db).refresh()
    return 0


def write_csv(frame, out: str | None, wrote: str) -> int:
    """A frame as UTF-8 CSV to standard output, or to `out` through a temporary file renamed into place (then the
    catalogue's line `wrote` says so, with the rows {n} and the file {out})."""
    if out:
        from unionbench.export import atomic_text_file

        with atomic_text_file(Path(out)) as handle:
            frame.to_csv(handle, index=False, lineterminator="\n")
        print(both(wrote, n=len(frame), out=terminal_text(out)), file=sys.stderr)
    else:
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


def fresh(db: Path):
    """The newest published snapshot, looked for now (a command may follow a write in the same process)."""
    from unionbench.store import replica

    reader = replica(db)
    reader.refresh()
    return reader.current()


def acting_as(db: Path, args, action: str, target: str | None = None):
    """The account this command acts as (--user, else the login name), allowed to do `action`; refused (and the
    refusal audited) otherwise. A database without any account is run by its operator, and the output says so."""
    from unionbench.console import acting, shell_address
    from unionbench.permissions import permit

    actor = permit(db, acting(args), action, None, target, shell_address())
    if actor.operator_mode:
        print(both("cli.operator_mode", name=terminal_text(actor.name)), file=sys.stderr)
    return actor


def with_settings(store, args) -> None:
    """--region, --benchmark and --reference not given: the federation's settings (NoHome when no home is set)."""
    from unionbench.settings import home_of, read_settings

    found = read_settings(store)
    if getattr(args, "reference", "") is None:
        args.reference = found.reference
    if getattr(args, "benchmark", "") is None:
        args.benchmark = found.benchmark or ""
    if args.region is None:
        args.region = home_of(store)


def view_selection(store, args):
    """The Selection a command reads: --region, --benchmark and --period as an adcode, a set id and a quarter (the
    latest with figures when no period is given), with --reference and --lang; a usage error naming what cannot be
    read."""
    from unionbench.periods import read_period
    from unionbench.read.drilldown import find_benchmark_set
    from unionbench.read.selection import Selection
    from unionbench.regions import RegionResolver

    with_settings(store, args)
    resolver = RegionResolver(store.query("region_index"), store.query("region_aliases"))
    region = resolver.resolve(args.region).adcode
    set_id = find_benchmark_set(store, args.benchmark)
    period = read_period(args.period) if args.period else store.scalar("latest_period", region=region or "")
    if region is None or set_id is None or period is None:
        raise UsageError(
            f"{both('cli.cannot_read')}: region {args.region!r} {'ok' if region else 'unknown or ambiguous'}, "
            f"benchmark {args.benchmark!r} {'ok' if set_id else 'unknown'}, period {args.period!r} "
            f"{'ok' if period else 'unknown'}"
        )
    return Selection(region, set_id, period, args.reference, lang=args.lang)

"""What several command groups share: exit codes, usage errors, checks of --out, CSV output, the snapshot a command
reads, the account a write acts as, and the federation's settings as defaults for --region and --benchmark."""

import argparse
import sys
from pathlib import Path

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


def output_path(value: str | None) -> Path | None:
    """--out checked before any work: its folder must exist and it must not be a folder."""
    if value is None:
        return None
    out = Path(value)
    if not out.parent.is_dir():
        raise UsageError(f"输出目录不存在 / no such folder for --out: {out.parent}")
    if out.is_dir():
        raise UsageError(f"--out 是一个目录 / --out is a folder, not a file: {out}")
    return out


def write_csv(frame, out: str | None, what: str) -> int:
    """A frame as UTF-8 CSV to standard output, or to `out` through a temporary file renamed into place."""
    if out:
        from unionbench.export import atomic_text_file

        with atomic_text_file(Path(out)) as handle:
            frame.to_csv(handle, index=False, lineterminator="\n")
        print(f"已写入 wrote {len(frame)} {what} to {out}", file=sys.stderr)
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
        print(
            f"数据库中没有账号：以服务器操作员身份执行（{terminal_text(actor.name)}）/ the database has no account: "
            f"acting as the server's operator ({terminal_text(actor.name)})",
            file=sys.stderr,
        )
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
            f"无法识别 / cannot read: region {args.region!r} {'ok' if region else 'unknown or ambiguous'}, "
            f"benchmark {args.benchmark!r} {'ok' if set_id else 'unknown'}, period {args.period!r} "
            f"{'ok' if period else 'unknown'}"
        )
    return Selection(region, set_id, period, args.reference, lang=args.lang)

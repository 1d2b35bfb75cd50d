"""The federation's catalogue and validation rules on the command line: `unionbench indicators list|import|retire`,
`unionbench rules list|import`, and the names of indicators, sets, places and rules in other languages:
`unionbench names import|export`. A refusal prints every problem (row, column, value, reason in Chinese and
English), writes nothing and exits 1."""

import sys
from pathlib import Path

from unionbench.commands.common import REFUSED
from unionbench.formatting import terminal_text


def add_commands(commands) -> None:
    indicators = commands.add_parser("indicators", help="the indicator catalogue: list, import, retire")
    actions = indicators.add_subparsers(dest="indicators_command", required=True)
    actions.add_parser("list", help="the catalogue as CSV (the columns of data/indicators.csv plus status)")
    imported = actions.add_parser("import", help="add or change indicators from a CSV or XLSX file, all or nothing")
    imported.add_argument("file")
    imported.add_argument("--dry-run", action="store_true", help="check and say what would change; write nothing")
    imported.add_argument("--user", help="who changes the catalogue (default: the login name)")
    retire = actions.add_parser("retire", help="hide an indicator from templates and pickers; its figures stay")
    retire.add_argument("id")
    retire.add_argument("--user", help="who retires it (default: the login name)")

    rules = commands.add_parser("rules", help="validation rules between figures: list, import")
    rule_actions = rules.add_subparsers(dest="rules_command", required=True)
    rule_actions.add_parser("list", help="every validation rule as CSV")
    rule_import = rule_actions.add_parser("import", help="add or change rules from a CSV or XLSX file")
    rule_import.add_argument("file")
    rule_import.add_argument("--dry-run", action="store_true", help="check and say what would change; write nothing")
    rule_import.add_argument("--user", help="who changes the rules (default: the login name)")

    names = commands.add_parser("names", help="names in other languages (kind,key,field,lang,text): import, export")
    name_actions = names.add_subparsers(dest="names_command", required=True)
    name_actions.add_parser("export", help="every stored name in another language as CSV")
    name_import = name_actions.add_parser("import", help="add or change names from a CSV or XLSX file, all or nothing")
    name_import.add_argument("file")
    name_import.add_argument("--dry-run", action="store_true", help="check and say what would change; write nothing")
    name_import.add_argument("--user", help="who changes the names (default: the login name)")


def print_csv(frame) -> int:
    """CSV to standard output; every cell through terminal_text (names are the federation's, not ours)."""
    frame.map(terminal_text).to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


def refused(rejected) -> int:
    print("未写入任何内容 / nothing was written:", file=sys.stderr)
    for found in rejected.problems:
        print("  ✗ " + terminal_text(found.line()), file=sys.stderr)
    return REFUSED


def readable_file(path: str) -> Path:
    file = Path(path)
    if not file.is_file():
        raise CatalogueRejectedUsage(f"找不到文件 / no such file: {terminal_text(path)}")
    return file


class CatalogueRejectedUsage(Exception):
    """A file that is not there: a usage error like the other commands' (exit 2)."""


def cmd_indicators(db: Path, args) -> int:
    from unionbench.catalogue_edit import (
        CatalogueRejected,
        catalogue_listing,
        change_catalogue,
        read_catalogue_file,
        retire_indicator,
    )
    from unionbench.console import acting
    from unionbench.store import replica

    if args.indicators_command == "list":
        return print_csv(catalogue_listing(replica(db).current()))
    try:
        if args.indicators_command == "import":
            change = change_catalogue(db, read_catalogue_file(readable_file(args.file)), acting(args), args.dry_run)
            n = len(change.added), len(change.changed), len(change.unchanged)
            suffix = "（试运行，未写入 dry run: nothing written）" if change.dry_run else ""
            print(f"指标：新增 {n[0]}、修改 {n[1]}、不变 {n[2]} / indicators: {n[0]} added, {n[1]} changed, "
                  f"{n[2]} unchanged{suffix}")  # fmt: skip
            for indicator in change.added:
                print(f"  + {terminal_text(indicator)}")
            for indicator, diffs in change.changed.items():
                for column, was, now in diffs:
                    print(f"  ~ {terminal_text(indicator)} {column}: {terminal_text(was)} → {terminal_text(now)}")
        else:
            retire_indicator(db, args.id, acting(args))
            print(f"已停用指标 retired {terminal_text(args.id)}（数据保留 its figures stay）")
    except CatalogueRejected as rejected:
        return refused(rejected)
    except CatalogueRejectedUsage as error:
        print(str(error), file=sys.stderr)
        return 2
    replica(db).refresh()
    return 0


def cmd_rules(db: Path, args) -> int:
    from unionbench.catalogue_edit import CatalogueRejected
    from unionbench.console import acting
    from unionbench.rules import change_rules, read_rules_file, rules_listing
    from unionbench.store import replica

    if args.rules_command == "list":
        return print_csv(rules_listing(replica(db).current()))
    try:
        rows = read_rules_file(readable_file(args.file))
        outcome = change_rules(db, rows, acting(args), args.dry_run)
    except CatalogueRejected as rejected:
        return refused(rejected)
    except CatalogueRejectedUsage as error:
        print(str(error), file=sys.stderr)
        return 2
    added, changed, unchanged = (len(outcome[k]) for k in ("added", "changed", "unchanged"))
    suffix = "（试运行，未写入 dry run: nothing written）" if args.dry_run else ""
    print(f"规则：新增 {added}、修改 {changed}、不变 {unchanged} / rules: {added} added, {changed} changed, "
          f"{unchanged} unchanged{suffix}")  # fmt: skip
    replica(db).refresh()
    return 0


def cmd_names(db: Path, args) -> int:
    from unionbench.catalogue_edit import CatalogueRejected
    from unionbench.console import acting
    from unionbench.name_import import import_names, names_listing, read_names_file
    from unionbench.store import replica

    if args.names_command == "export":
        return print_csv(names_listing(replica(db).current()))
    try:
        counts = import_names(db, read_names_file(readable_file(args.file)), acting(args), args.dry_run)
    except CatalogueRejected as rejected:
        return refused(rejected)
    except CatalogueRejectedUsage as error:
        print(str(error), file=sys.stderr)
        return 2
    added, changed, unchanged = (counts[k] for k in ("added", "changed", "unchanged"))
    suffix = "（试运行，未写入 dry run: nothing written）" if args.dry_run else ""
    print(f"名称：新增 {added}、修改 {changed}、不变 {unchanged} / names: {added} added, {changed} changed, "
          f"{unchanged} unchanged{suffix}")  # fmt: skip
    replica(db).refresh()
    return 0


COMMANDS = {"indicators": cmd_indicators, "rules": cmd_rules, "names": cmd_names}
NEEDS_DATABASE = set(COMMANDS)

"""The federation's catalogue and validation rules on the command line: `unionbench indicators list|import|retire`,
`unionbench rules list|import`, and the names of indicators, sets, places and rules in other languages:
`unionbench names import|export`. A refusal prints every problem (row, column, value, reason in Chinese and
English), writes nothing and exits 1."""

import sys
from pathlib import Path

from unionbench.commands.common import checked_import, print_refusal
from unionbench.console import both
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


def catalogue_import(db: Path, args, read, change, done) -> int:
    """An indicators or rules file: `read`, then `change`d all or nothing as the acting account (only checked on
    --dry-run), every problem listed when refused."""
    from unionbench.catalogue_edit import CatalogueRejected
    from unionbench.console import acting

    def apply(path: Path):
        return change(db, read(path), acting(args), args.dry_run)

    return checked_import(db, args.file, apply, (CatalogueRejected,), done)


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
    if args.indicators_command == "import":
        return catalogue_import(db, args, read_catalogue_file, change_catalogue, said_change)
    try:
        retire_indicator(db, args.id, acting(args))
    except CatalogueRejected as rejected:
        return print_refusal(rejected.problems)
    print(both("cli.indicator_retired", id=terminal_text(args.id)))
    replica(db).refresh()
    return 0


def said_change(change) -> None:
    """What an indicators import changed (or would, on a dry run), indicator by indicator."""
    n = {"added": len(change.added), "changed": len(change.changed), "same": len(change.unchanged)}
    print(both("cli.indicators_dry_run" if change.dry_run else "cli.indicators_changed", **n))
    for indicator in change.added:
        print(f"  + {terminal_text(indicator)}")
    for indicator, diffs in change.changed.items():
        for column, was, now in diffs:
            print(f"  ~ {terminal_text(indicator)} {column}: {terminal_text(was)} → {terminal_text(now)}")


def cmd_rules(db: Path, args) -> int:
    from unionbench.rules import change_rules, read_rules_file, rules_listing
    from unionbench.store import replica

    if args.rules_command == "list":
        return print_csv(rules_listing(replica(db).current()))

    def done(outcome) -> None:
        added, changed, unchanged = (len(outcome[k]) for k in ("added", "changed", "unchanged"))
        print(both("cli.rules_dry_run" if args.dry_run else "cli.rules_changed", added=added, changed=changed,
                   same=unchanged))  # fmt: skip

    return catalogue_import(db, args, read_rules_file, change_rules, done)


def cmd_names(db: Path, args) -> int:
    from unionbench.name_import import import_names, names_listing, read_names_file
    from unionbench.store import replica

    if args.names_command == "export":
        return print_csv(names_listing(replica(db).current()))

    def done(counts) -> None:
        print(both("cli.names_dry_run" if args.dry_run else "cli.names_changed", added=counts["added"],
                   changed=counts["changed"], same=counts["unchanged"]))  # fmt: skip

    return catalogue_import(db, args, read_names_file, import_names, done)


COMMANDS = {"indicators": cmd_indicators, "rules": cmd_rules, "names": cmd_names}
NEEDS_DATABASE = set(COMMANDS)

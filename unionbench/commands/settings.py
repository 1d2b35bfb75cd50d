"""`unionbench settings [KEY [VALUE]]`: the federation's settings (unionbench.settings) as CSV `key,value` with
codes, one of them, or a new value (a code or a name) set as `--user`. A refusal (an unknown value, an account that
may not) prints its reason in Chinese and English and exits 1."""

import sys
from pathlib import Path

from unionbench.choices import SETTING_KEYS
from unionbench.commands.common import REFUSED, fresh
from unionbench.console import both
from unionbench.formatting import terminal_text


def add_commands(commands) -> None:
    found = commands.add_parser(
        "settings", help="the home city, default benchmark set, reference and deadline: show or set"
    )
    found.add_argument("key", nargs="?", help=f"one of {', '.join(SETTING_KEYS)}")
    found.add_argument("value", nargs="?", help="the new value: a code or a name (e.g. 焦作市, jzpeers, best, 15)")
    found.add_argument("--user", help="who changes it (default: the login name)")


def cmd_settings(db: Path, args) -> int:
    from unionbench import settings
    from unionbench.accounts import ReportingError
    from unionbench.console import acting

    try:
        if args.key is None:
            frame = settings.settings_frame(fresh(db))
            frame.to_csv(sys.stdout, index=False, lineterminator="\n")
            return 0
        settings.check_key(args.key)
        if args.value is None:
            print(f"{args.key},{settings.read_settings(fresh(db)).value(args.key)}")
            return 0
        value = settings.set_setting(db, args.key, args.value, acting(args))
    except ReportingError as error:
        print(terminal_text(f"{error.zh} / {error.en}"), file=sys.stderr)
        return REFUSED
    store = fresh(db)

    def name(lang: str) -> str:  # what the value stands for, in each language of the line
        return terminal_text(settings.value_name(store, args.key, value, lang))

    print(both("cli.setting_set", setting=args.key, value=value, name=name))
    return 0


COMMANDS = {"settings": cmd_settings}
NEEDS_DATABASE = {"settings"}

"""Similar peers and custom benchmark sets: `unionbench peers` and `unionbench sets list|add|remove`."""

import sys
from pathlib import Path

from unionbench.choices import DEFAULT_K, MAX_K, SET_RULES, WITHIN
from unionbench.commands.common import REFUSED, UsageError, acting_as, language, output_path, with_settings, write_csv
from unionbench.console import both
from unionbench.formatting import say


def add_commands(commands) -> None:
    peers = commands.add_parser("peers", help="the regions most similar to a home in structure, as CSV")
    peers.add_argument("--region", help="home city or county: code or name (default: the home setting)")
    peers.add_argument("--k", type=int, default=DEFAULT_K, help=f"how many (default {DEFAULT_K}, at most {MAX_K})")
    peers.add_argument("--within", choices=WITHIN, default="province", help="the home's province (default) or all")
    peers.add_argument("--lang", type=language, default="zh", help="language of the figure names")
    peers.add_argument("--out", help="write to this file instead of standard output")
    sets = commands.add_parser("sets", help="benchmark sets: list, add or remove custom ones")
    actions = sets.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="every benchmark set, CSV defaults and custom ones")
    add = actions.add_parser("add", help="add (or with --replace, change) a custom set of cities")
    add.add_argument("--id", required=True, help="a slug: lower-case letters, digits, - or _")
    add.add_argument("--name-zh", required=True)
    add.add_argument("--name-en", required=True)
    add.add_argument("--members", required=True, help="city codes or names, comma-separated")
    add.add_argument("--rule", choices=SET_RULES, default="pooled", help="pooled (default), best or average")
    add.add_argument("--user", help="who saves it (default: the login name)")
    add.add_argument("--replace", action="store_true", help="change the custom set with this id")
    remove = actions.add_parser("remove", help="remove a custom set (the CSV defaults stay)")
    remove.add_argument("id")
    remove.add_argument("--user", help="who removes it (default: the login name)")


def cmd_peers(db: Path, args) -> int:
    """The similar peers (unionbench.read.similar) as UTF-8 CSV: rank,region_code,region_name,level,distance,similar_in
    and the structural figures compared."""
    from unionbench.read.similar import NoPeers, peers_csv_frame, similar_peers
    from unionbench.read.views import catalogue
    from unionbench.regions import RegionResolver
    from unionbench.store import replica

    output_path(args.out)
    store = replica(db).current()
    with_settings(store, args)
    resolver = RegionResolver(store.query("region_index"), store.query("region_aliases"))
    region = resolver.resolve(args.region).adcode
    if region is None:
        raise UsageError(f"{both('cli.cannot_read_region')}: {args.region!r}")
    if not 1 <= args.k <= MAX_K:
        raise UsageError(f"{both('cli.k_range', most=MAX_K)}: {args.k}")
    try:
        result = similar_peers(store, region, args.k, args.within)
    except NoPeers as error:
        print(f"{both('cli.no_peers')}: {error}", file=sys.stderr)
        return REFUSED
    names = {i: ind.name for i, ind in catalogue(store, args.lang).items()}
    return write_csv(peers_csv_frame(result, names), args.out, "cli.wrote_peers")


def member_codes(store, text: str) -> tuple[str, ...]:
    """--members as adcodes: each item a code or a name; a usage error names the items that cannot be read."""
    from unionbench.regions import RegionResolver

    resolver = RegionResolver(store.query("region_index"), store.query("region_aliases"))
    items = [item.strip() for item in text.split(",") if item.strip()]
    codes = [resolver.resolve(item).adcode for item in items]
    unread = [item for item, code in zip(items, codes, strict=True) if code is None]
    if unread:
        raise UsageError(f"{both('cli.cannot_read_members')}: {', '.join(unread)}")
    return tuple(codes)


def cmd_sets(db: Path, args) -> int:
    import pandas as pd

    from unionbench.custom_sets import SetDraft, SetRejected, remove_set, save_set
    from unionbench.read import views
    from unionbench.store import replica

    if args.action == "list":
        sets = views.benchmark_sets(replica(db).current())
        print("id\tsource\trule\tname_zh\tname_en\tmembers\tupdated_by\tupdated_at")
        store = replica(db).current()
        for row in sets.itertuples():
            members = " ".join(store.query("benchmark_members", set_id=row.id)["adcode"])
            rule = row.member_rule if row.rule == "members" else row.rule
            when = "" if pd.isna(row.updated_at) else f"{row.updated_at:%Y-%m-%d %H:%M}"
            say(row.id, row.source, rule, row.name_zh, row.name_en, members, row.updated_by or "", when)
        return 0
    try:
        user = acting_as(db, args, "sets", f"set {args.id}").name
        if args.action == "add":
            members = member_codes(replica(db).current(), args.members)
            draft = SetDraft(args.id, args.name_zh, args.name_en, members, args.rule)
            save_set(db, draft, user, editing=args.replace)
            print(both("cli.set_saved", id=args.id, n=len(members)))
        else:
            remove_set(db, args.id)
            print(both("cli.set_removed", id=args.id))
        replica(db).refresh()  # this process reads the new snapshot from now on
    except SetRejected as rejected:
        print(f"{both('cli.nothing_saved')}:", file=sys.stderr)
        for problem in rejected.problems:
            say("  ✗ " + problem.line(), file=sys.stderr)
        return REFUSED
    return 0


COMMANDS = {"peers": cmd_peers, "sets": cmd_sets}
NEEDS_DATABASE = {"peers", "sets"}

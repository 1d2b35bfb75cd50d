"""The `unionbench` commands, one module per group. Each module registers its parsers (`add_commands`) and maps
command names to handlers (`COMMANDS`, and `NEEDS_DATABASE` for those that need an existing database). A module
imports only what its parsers need at its top; a handler imports the core it uses when it runs, so `unionbench
--help` or `unionbench settings` loads no ingest, briefing or pandas-heavy code it does not use."""

"""The interface's strings: one table for the pages, the wall screen, the read model and the briefing lives in the
core (unionbench.i18n), so the core can word its rows without importing the front end."""

from unionbench.i18n import LANGUAGES, ngettext, pgettext, t

__all__ = ["LANGUAGES", "ngettext", "pgettext", "t"]

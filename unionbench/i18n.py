"""Every word the product shows, by key, from gettext catalogues: locales/<lang>/LC_MESSAGES/messages.po, read with
Babel. The pages, the wall screen, the comparison read model (keys "cmp.…"), the quarterly briefing ("brief.…"),
the upload template ("tpl.…") and the CLI ask here, so a term is translated once and a translator opens one file.
locales/messages.pot lists every key with the Chinese source beside it. A new language is its .po file and one line
in LANGUAGES. Names of indicators, sets and places are data in the database, not messages."""

from functools import cache

from babel.messages.pofile import read_po

from unionbench.paths import LOCALES_DIR

LANGUAGES = {"zh": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh"  # the source language: every key has its Chinese text


@cache
def catalogue(lang: str) -> dict[str, str]:
    """key → text of one language's catalogue. Untranslated entries are left out, so they fall back to the source
    language, whose catalogue keeps every key (a few are deliberately empty)."""
    with (LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as po:
        messages = [message for message in read_po(po, locale=lang) if message.id]
    return {m.id: m.string for m in messages if m.string or lang == DEFAULT_LANGUAGE}


def known_language(lang: str | None) -> str:
    """`lang` when the product speaks it, else the default language."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def keys() -> list[str]:
    """Every message key, in the source catalogue's order."""
    return list(catalogue(DEFAULT_LANGUAGE))


def text(key: str, lang: str) -> str:
    """The raw message for `key` in `lang`, falling back to the source language for a language or entry without it."""
    found = catalogue(known_language(lang)).get(key)
    return found if found is not None else catalogue(DEFAULT_LANGUAGE)[key]


def t(key: str, lang: str, **values) -> str:
    """The string for `key` in `lang` with its {placeholders} filled."""
    message = text(key, lang)
    return message.format(**values) if values else message


def lines(key: str, lang: str) -> list[str]:
    """A message of several lines (a list of paragraphs), one string each."""
    return text(key, lang).split("\n")


def words(prefix: str, lang: str) -> dict:
    """Every entry under `prefix` in one language, keyed without the prefix: words("cmp.", "en")["behind"]."""
    return {key.removeprefix(prefix): text(key, lang) for key in keys() if key.startswith(prefix)}

"""Every word the product shows, by key, from gettext catalogues: locales/<lang>/LC_MESSAGES/messages.po, read with
Babel. The pages, the wall screen, the comparison read model (keys "cmp.…"), the quarterly briefing ("brief.…"),
the upload template ("tpl.…") and the CLI ask here, so a term is translated once and a translator opens one file.
locales/messages.pot lists every key with the Chinese source beside it. Names of indicators, sets and places are
data in the database, not messages: rows of any language (unionbench.names).

The calls have gettext's shape, so pybabel's extractor and a translator's tools understand them:
`gettext(key, lang)` (alias `t`, with {placeholders} filled), `ngettext(singular, plural, n, lang)` choosing the form
by the language's plural rule (the .po's Plural-Forms), `pgettext(context, key, lang)` for a key used in two senses.
The .po files are read as they are (no compiled .mo): they are the one source, the wheel ships them, and nothing can
go stale between a translator's edit and what the pages show.

Adding a language: its messages.po under locales/<code>/LC_MESSAGES/, one line in LANGUAGES, and its names of
indicators, sets and places as data rows (`unionbench names import`; without them they read in Chinese). A language the
product does not speak falls back to the default (`known_language`), and the pages and the CLI say so
("lang.unavailable")."""

import gettext as _gettext
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.pofile import read_po

from unionbench.paths import LOCALES_DIR

LANGUAGES = {"zh": "中文", "en": "English"}
DEFAULT_LANGUAGE = "zh"  # the source language: every key has its Chinese text
LOCALES_ENV = "UNIONBENCH_LOCALES"  # another locales folder (a translator's working copy, a pseudo-locale test)


@dataclass(frozen=True)
class Catalogue:
    messages: dict[str, str]  # key → text; plural entries by their singular key, with the first form
    plurals: dict[str, tuple[str, ...]]  # singular key → every plural form, in the language's order
    plural: object  # n → the index of the form to use (the catalogue's Plural-Forms rule)


def locales_dir() -> Path:
    return Path(os.environ.get(LOCALES_ENV) or LOCALES_DIR)


def babel_locale(lang: str) -> Locale:
    """Babel's locale data (number symbols, plural rules) for a language; the default language's for one CLDR does
    not know (a pseudo-locale)."""
    try:
        return Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(DEFAULT_LANGUAGE)


@cache
def _load(lang: str, folder: str) -> Catalogue:
    """A language's catalogue from the locales folder named by `folder` (the setting's text, "" for the shipped one):
    keyed by text, since a page asks for a hundred strings a rerun and making and hashing a Path for each cost more
    than the lookup itself."""
    with (Path(folder or LOCALES_DIR) / lang / "LC_MESSAGES" / "messages.po").open("rb") as po:
        read = read_po(po, locale=lang if _known_to_cldr(lang) else None)
    messages: dict[str, str] = {}
    plurals: dict[str, tuple[str, ...]] = {}
    for message in read:
        if not message.id:
            continue
        key = _key(message.context, message.id[0] if message.pluralizable else message.id)
        if message.pluralizable:
            forms = tuple(message.string)
            if all(forms) or lang == DEFAULT_LANGUAGE:
                plurals[key] = forms
                messages[key] = forms[0]
        elif message.string or lang == DEFAULT_LANGUAGE:
            messages[key] = message.string
    return Catalogue(messages, plurals, _gettext.c2py(read.plural_expr or "0"))


def _known_to_cldr(lang: str) -> bool:
    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return False
    return True


def _key(context: str | None, key: str) -> str:
    return f"{context}\x04{key}" if context else key  # gettext's own separator of context and id


def _catalogue(lang: str) -> Catalogue:
    return _load(lang, os.environ.get(LOCALES_ENV) or "")


def catalogue(lang: str) -> dict[str, str]:
    """key → text of one language's catalogue. Untranslated entries are left out, so they fall back to the source
    language, whose catalogue keeps every key (a few are deliberately empty)."""
    return _catalogue(lang).messages


def known_language(lang: str | None) -> str:
    """`lang` when the product speaks it, else the default language."""
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def unavailable_note(lang: str | None) -> str | None:
    """For a language asked for but not spoken: the note, in every language the product speaks, that it is shown in
    the default language instead (the code asked for is not echoed); None for a language it speaks or none."""
    if not lang or lang in LANGUAGES:
        return None
    return " · ".join(gettext("lang.unavailable", code) for code in LANGUAGES)


def keys() -> list[str]:
    """Every message key, in the source catalogue's order."""
    return list(catalogue(DEFAULT_LANGUAGE))


def text(key: str, lang: str) -> str:
    """The raw message for `key` in `lang`, falling back to the source language for a language or entry without it."""
    found = catalogue(known_language(lang)).get(key)
    return found if found is not None else catalogue(DEFAULT_LANGUAGE)[key]


def _fill(message: str, values: dict) -> str:
    return message.format(**values) if values else message


def gettext(key: str, lang: str, **values) -> str:
    """The string for `key` in `lang` with its {placeholders} filled."""
    return _fill(text(key, lang), values)


t = gettext


def ngettext(singular: str, plural: str, n: int, lang: str, **values) -> str:
    """The form of a plural message (msgid `singular`, msgid_plural `plural`) for the count n, by the language's
    plural rule: "1 figure", "2 figures"; Chinese has one form. {n} is filled with the count unless given."""
    lang = known_language(lang)
    forms = _catalogue(lang).plurals.get(singular)
    if forms is None:
        lang, forms = DEFAULT_LANGUAGE, _catalogue(DEFAULT_LANGUAGE).plurals[singular]
    index = min(_catalogue(lang).plural(int(n)), len(forms) - 1)
    return _fill(forms[index], {"n": n, **values})


def pgettext(context: str, key: str, lang: str, **values) -> str:
    """The string for `key` in one sense (`context`, the .po's msgctxt)."""
    return gettext(_key(context, key), lang, **values)


@dataclass(frozen=True)
class Translator:
    """One language's calls, as gettext names them: `_ = translator(lang).gettext`."""

    lang: str

    def gettext(self, key: str, **values) -> str:
        return gettext(key, self.lang, **values)

    def ngettext(self, singular: str, plural: str, n: int, **values) -> str:
        return ngettext(singular, plural, n, self.lang, **values)

    def pgettext(self, context: str, key: str, **values) -> str:
        return pgettext(context, key, self.lang, **values)


def translator(lang: str) -> Translator:
    return Translator(known_language(lang))


def lines(key: str, lang: str) -> list[str]:
    """A message of several lines (a list of paragraphs), one string each."""
    return text(key, lang).split("\n")


def words(prefix: str, lang: str) -> dict:
    """Every entry under `prefix` in one language, keyed without the prefix: words("cmp.", "en")["behind"]."""
    return _words(prefix, known_language(lang), locales_dir())


@cache
def _words(prefix: str, lang: str, directory: Path) -> dict:
    return {key.removeprefix(prefix): text(key, lang) for key in keys() if key.startswith(prefix)}


class Words(dict):
    """A module's words by language, read when asked (so a language added after import is there too):
    WORDS = Words("cmp."); WORDS["en"]["behind"]."""

    def __init__(self, prefix: str):
        super().__init__()
        self.prefix = prefix

    def __missing__(self, lang: str) -> dict:
        return words(self.prefix, lang)


def join(items, lang: str) -> str:
    """Items listed in a sentence: 甲、乙 / A, B (the language's list separator, "sep.list")."""
    return text("list_sep", lang).join(items)


# The languages a refusal is worded in (every refusal names its reason in Chinese and English). Stored names are
# not chosen here: they are rows in any language (unionbench.names).
PAIR_LANGUAGES = ("zh", "en")


def data_language(lang: str) -> str:
    """The language of a Chinese/English pair shown for `lang`: `lang` when it is one of the pair, else Chinese."""
    return lang if lang in PAIR_LANGUAGES else DEFAULT_LANGUAGE


def in_language(zh, en, lang: str):
    """One of a pair of texts built in Chinese and English (a refusal's two wordings) for the language."""
    return en if data_language(lang) == "en" else zh


def other_language(lang: str) -> str:
    """The other language of a Chinese/English pair: a refusal shown in both gives this one second."""
    return next(code for code in PAIR_LANGUAGES if code != data_language(lang))

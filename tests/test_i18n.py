"""Words live in gettext catalogues (locales/*/LC_MESSAGES/messages.po): every key in every language with the same
placeholders, a template for translators, and one lookup that the pages, the read model and the briefing share."""

import ast
import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from components import strings
from tests.support import nodes
from unionbench import i18n
from unionbench.briefing import text
from unionbench.paths import LOCALES_DIR
from unionbench.read import comparison

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*ROOT.glob("unionbench/**/*.py"), *ROOT.glob("components/*.py"), *ROOT.glob("app_pages/*.py")]


def placeholders(value: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(value) if name}


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
def test_every_key_is_in_every_language_with_no_placeholder_the_source_lacks(lang):
    """The Chinese source names what the code fills in; a language may leave a value out (English names no
    higher/lower in a share) and only a short tick, which the source writes without its year, may add the year."""
    source, translated = i18n.catalogue(i18n.DEFAULT_LANGUAGE), i18n.catalogue(lang)
    said = {key for key, value in translated.items() if value}
    assert {key for key, value in source.items() if value} <= said <= set(source)  # a space only English needs
    for key, value in translated.items():  # an empty clause is empty in both
        given = placeholders(source[key]) | ({"year"} if key.startswith("period.tick.") else set())
        assert placeholders(value) <= given, key  # a language may leave a value unsaid


def test_the_template_for_translators_lists_every_key_with_its_chinese_source():
    with (LOCALES_DIR / "messages.pot").open("rb") as pot:
        messages = [m for m in read_po(pot) if m.id]
    template = {(m.id[0] if isinstance(m.id, tuple) else m.id): m for m in messages if not m.context}
    in_context = [f"{m.context}\x04{m.id}" if m.context else m.id for m in messages]  # gettext's separator
    assert [key[0] if isinstance(key, tuple) else key for key in in_context] == i18n.keys()
    assert template["app_title"].auto_comments == ["工会对标看板"] and template["app_title"].string == ""


def test_a_language_the_product_does_not_speak_falls_back_to_chinese():
    assert i18n.known_language("fr") == "zh"
    assert i18n.t("app_title", "fr") == i18n.t("app_title", "zh") == "工会对标看板"


def literal_keys(path: Path) -> set[str]:
    """The first argument of every t("…") call written as a literal string."""
    found = set()
    for node in nodes(path):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "t":
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and not first.value.startswith("brief"):
                found.add(first.value)
    return found


def test_every_key_the_code_asks_for_by_name_is_in_the_catalogue():
    keys = set(i18n.keys())
    briefing = {key.removeprefix("brief.") for key in keys if key.startswith("brief.")}
    missing = {
        f"{path.relative_to(ROOT)}: {key}"
        for path in SOURCES
        for key in literal_keys(path)
        if key not in keys and key not in briefing
    }
    assert not missing


def test_the_pages_the_read_model_and_the_briefing_read_the_same_catalogue():
    assert strings.t is i18n.t
    for lang in ("zh", "en"):
        assert comparison.WORDS[lang] == i18n.words("cmp.", lang)
        assert text.t(lang, "status_lagging") == i18n.t("brief.status_lagging", lang)
    assert comparison.WORDS["en"]["behind"] == "behind" and text.t("zh", "status_lagging") == "滞后"
    assert len(text.method_lines("en", "x")) == len(text.method_lines("zh", "x")) > 1


CODE = [*SOURCES, ROOT / "dashboard.py", *ROOT.glob("queries/*.sql")]
# Namespaces a module reads whole by the short key (the briefing's `t(lang, "title")` is "brief.title"; a refusal's
# code "bad_year" is "tgt.bad_year"): a key there is used when its short key is written out. No key is built from a
# value at run time: every other key is written out whole.
NAMESPACES = ("brief.", "cmp.", "catx.", "cfg.", "sets.", "similar.", "tgt.")


def written(key: str, code: str) -> bool:
    """The key written out; a key in one sense (pgettext's context, msgctxt) with its context beside it."""
    if "\x04" in key:
        context, key = key.split("\x04")
        return (
            re.search(rf"""pgettext\(\s*["']{re.escape(context)}["'],\s*["']{re.escape(key)}["']""", code) is not None
        )
    return f'"{key}"' in code or f"'{key}'" in code


def test_every_catalogue_key_is_used_by_the_code():
    code = "\n".join(path.read_text(encoding="utf-8") for path in CODE)
    every = i18n.keys()
    unused = [
        key
        for key in every
        if not written(key, code)
        and not any(key.startswith(space) and written(key.removeprefix(space), code) for space in NAMESPACES)
        and key != "app_title"  # the product's name, for translators' tools
    ]
    assert not unused


def test_a_count_chooses_the_singular_or_plural_by_the_languages_rule():
    one = i18n.ngettext("deadline_left", "deadline_left.plural", 1, "en", days=1)
    two = i18n.ngettext("deadline_left", "deadline_left.plural", 2, "en", days=2)
    assert (one, two) == ("1 day to the deadline", "2 days to the deadline")
    assert i18n.ngettext("rows_count", "rows_count.plural", 1, "en") == "1 row"
    assert i18n.ngettext("deadline_left", "deadline_left.plural", 1, "zh", days=1) == i18n.t(
        "deadline_left", "zh", days=1
    )
    closing = {"verdict": "behind", "gap": -1.0, "catch_up_reason": "closing", "catch_up": 1.0}
    assert text.catch_up_clause(closing, "en").endswith("in about 1 quarter")


def test_the_english_briefing_and_its_figures_use_no_full_width_punctuation():
    from unionbench.formatting import amount, money, period_text, points

    for shown in (
        money(463.41, 2, "en"),
        amount(1, "units", 0, "en"),
        points(1.1, 1, "en"),
        period_text("2026Q3", "en"),
    ):
        assert not set(shown) & set("：，（）、")
    assert i18n.t("fmt.label", "en", label="a", value="b") == "a: b"
    assert (money(463.41, 2, "zh"), money(18_500, 2, "zh"), money(463.41, 2, "en")) == (
        "463.41万元", "1.85亿元", "CNY 4.63 million"
    )  # fmt: skip


def test_a_gettext_translator_speaks_one_language():
    _ = i18n.translator("en")
    assert _.gettext("app_title") == "Union Benchmark Dashboard"
    assert _.ngettext("rows_count", "rows_count.plural", 3) == "3 rows"
    assert i18n.translator("fr").lang == "zh"


def test_the_command_line_refuses_a_language_it_does_not_speak_in_both_languages(capsys):
    from unionbench.cli import main

    assert main(["compare", "--lang", "fr"]) == 2
    error = capsys.readouterr().err
    languages = ", ".join(i18n.LANGUAGES)
    assert i18n.t("lang.refused", "zh", languages=languages) in error
    assert i18n.t("lang.refused", "en", languages=languages) in error

"""Words live in gettext catalogues (locales/*/LC_MESSAGES/messages.po): every key in every language with the same
placeholders, a template for translators, and one lookup that the pages, the read model and the briefing share."""

import ast
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from components import strings
from unionbench import i18n
from unionbench.briefing import text
from unionbench.paths import LOCALES_DIR
from unionbench.read import comparison

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [*ROOT.glob("unionbench/**/*.py"), *ROOT.glob("components/*.py"), *ROOT.glob("app_pages/*.py")]


def placeholders(value: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(value) if name}


@pytest.mark.parametrize("lang", sorted(i18n.LANGUAGES))
def test_every_key_is_in_every_language_with_the_same_placeholders(lang):
    source, translated = i18n.catalogue(i18n.DEFAULT_LANGUAGE), i18n.catalogue(lang)
    assert {key for key, value in translated.items() if value} == {key for key, value in source.items() if value}
    for key, value in translated.items():  # an empty clause is empty in both
        assert placeholders(value) == placeholders(source[key]), key


def test_the_template_for_translators_lists_every_key_with_its_chinese_source():
    with (LOCALES_DIR / "messages.pot").open("rb") as pot:
        template = {m.id: m for m in read_po(pot) if m.id}
    assert list(template) == i18n.keys()
    assert template["app_title"].auto_comments == ["工会对标看板"] and template["app_title"].string == ""


def test_a_language_the_product_does_not_speak_falls_back_to_chinese():
    assert i18n.known_language("fr") == "zh"
    assert i18n.t("app_title", "fr") == i18n.t("app_title", "zh") == "工会对标看板"


def literal_keys(path: Path) -> set[str]:
    """The first argument of every t("…") call written as a literal string."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
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
        assert text.t(lang, "status_behind") == i18n.t("brief.status_behind", lang)
    assert comparison.WORDS["en"]["behind"] == "behind" and text.t("zh", "status_behind") == "落后"
    assert len(text.method_lines("en", "x")) == len(text.method_lines("zh", "x")) > 1

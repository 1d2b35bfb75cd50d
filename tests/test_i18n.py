"""One translation table (issue 11): the pages, the wall screen, the read model and the briefing read their words
from unionbench.i18n, every entry in both languages with the same placeholders."""

import string

import pytest

from components import strings
from unionbench import compare, i18n
from unionbench.briefing import text


def placeholders(value) -> set[str]:
    lines = value if isinstance(value, list) else [value]
    return {name for line in lines for _, name, _, _ in string.Formatter().parse(line) if name}


@pytest.mark.parametrize("key", sorted(i18n.STRINGS))
def test_every_entry_has_chinese_and_english_with_the_same_placeholders(key):
    entry = i18n.STRINGS[key]
    assert set(entry) == {"zh", "en"}, key
    assert bool(entry["zh"]) == bool(entry["en"]), key  # an empty clause is empty in both
    assert placeholders(entry["zh"]) == placeholders(entry["en"]), key


def test_the_pages_the_read_model_and_the_briefing_read_the_same_table():
    assert strings.STRINGS is i18n.STRINGS and strings.t is i18n.t
    for lang in ("zh", "en"):
        assert compare.WORDS[lang] == i18n.words("cmp.", lang)
        assert text._T[lang] == i18n.words("brief.", lang)
    assert compare.WORDS["en"]["behind"] == "behind" and text.t("zh", "status_behind") == "落后"

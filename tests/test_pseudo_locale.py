"""A language added as one .po file and one line in LANGUAGES: a pseudo-locale generated from the catalogue, every
message wrapped in ⟦…⟧ with its {placeholders} kept, shows on every page; any visible word outside the brackets
that is not data (a name from the database), a number or a date was written in code instead of the catalogues."""

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from unionbench import i18n
from unionbench.methodology import shown_rules
from unionbench.paths import LOCALES_DIR

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.stem for p in (ROOT / "app_pages").glob("*.py"))
PSEUDO = "qps"  # a private-use code, as Windows' and Chrome's pseudo-locales use

# Elements whose text a reader sees, and how to read it.
TEXT_ELEMENTS = ("title", "header", "subheader", "caption", "markdown", "text", "info", "warning", "error", "success")
LABELLED = ("button", "selectbox", "multiselect", "radio", "toggle", "checkbox", "text_input", "number_input")
BILINGUAL_BY_DESIGN = {"语言 · Language"}  # the language switch's own label must read in every language


def wrapped(text: str) -> str:
    """A message in the pseudo-locale: each line in ⟦…⟧; a number (a money unit, an indent) stays a number."""
    if not text or re.fullmatch(r"[\d.]+", text):
        return text
    return "\n".join(f"⟦{line}⟧" if line else line for line in text.split("\n"))


@pytest.fixture
def pseudo_locale(tmp_path, monkeypatch):
    """locales/ with the product's languages plus the pseudo-locale, made from the Chinese source catalogue."""
    for lang in i18n.LANGUAGES:
        target = tmp_path / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        (target / "messages.po").write_bytes((LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po").read_bytes())
    with (LOCALES_DIR / "zh" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        source = read_po(po, locale="zh")
    pseudo = Catalog(locale=None, header_comment="# pseudo-locale", fuzzy=False)
    pseudo._num_plurals, pseudo._plural_expr = 2, "(n != 1)"
    for message in source:
        if not message.id:
            continue
        if message.pluralizable:
            pseudo.add(message.id, (wrapped(message.string[0]),) * 2, context=message.context)
        else:
            pseudo.add(message.id, wrapped(message.string), context=message.context)
    (tmp_path / PSEUDO / "LC_MESSAGES").mkdir(parents=True)
    with (tmp_path / PSEUDO / "LC_MESSAGES" / "messages.po").open("wb") as po:
        write_po(po, pseudo)
    monkeypatch.setenv(i18n.LOCALES_ENV, str(tmp_path))
    monkeypatch.setitem(i18n.LANGUAGES, PSEUDO, "⟦Pseudo⟧")  # the one line a new language adds
    yield PSEUDO
    i18n._load.cache_clear()
    i18n._words.cache_clear()


def data_names(store) -> set[str]:
    """Every name the database holds: places, indicators, groups, units, sets (data, not messages)."""
    names: set[str] = set()
    cur = store.cursor()
    for sql in (
        "SELECT name_zh FROM regions",
        "SELECT name_zh, group_zh, unit FROM indicators",
        "SELECT name_zh FROM benchmark_sets",
        "SELECT text FROM name_translation",
    ):
        for row in cur.execute(sql).fetchall():
            names.update(str(value) for value in row if value)
    cur.close()
    return names


def visible_texts(at) -> list[str]:
    texts = [str(element.value) for kind in TEXT_ELEMENTS for element in getattr(at, kind)]
    texts += [str(element.label) for kind in LABELLED for element in getattr(at, kind)]
    texts += [str(metric.label) for metric in at.metric]
    return [text for text in texts if text and text not in BILINGUAL_BY_DESIGN]


def shown_on_purpose() -> list[str]:
    """Texts a page shows in a named language on purpose, whatever the page's: the literal pieces of a message of
    the product's own languages (a refusal or the methodology in both, a reminder in Chinese) and the rules as the
    code states them (the methodology page quotes the functions' docstrings and names)."""
    pieces = {
        piece
        for lang in ("zh", "en")
        for message in i18n.catalogue(lang).values()
        for piece in re.split(r"\{[^{}]*\}", message)
        if len(piece.strip()) > 3
    }
    for rule in shown_rules():
        pieces |= {rule.words, rule.title}
    return sorted(pieces, key=len, reverse=True)


def untranslated(text: str, names: set[str], purposeful: list[str] = ()) -> str:
    """What is left of a visible text once messages, data names, numbers, dates and punctuation are taken out."""
    left = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)  # a page's stylesheet is not words
    left = re.sub(r"⟦[^⟦⟧]*⟧", " ", left)
    while (inner := re.sub(r"⟦[^⟦⟧]*⟧", " ", left)) != left:
        left = inner
    for piece in purposeful if re.search(r"[A-Za-z\u4e00-\u9fff]", left) else ():
        left = left.replace(piece, " ")
    left = re.sub(r"<[^>]+>|&\w+;|:material/\w+:", " ", left)  # markup and icons are not words
    for name in sorted(names, key=len, reverse=True):
        left = left.replace(name, " ")
    left = re.sub(r"\d{4}Q[1-4]|\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?", " ", left)
    return "".join(re.findall(r"[A-Za-z\u4e00-\u9fff]+", left))


def test_a_pseudo_locale_made_from_the_catalogue_leaves_no_untranslated_word_on_any_page(
    pseudo_locale, demo_db_path, store, monkeypatch
):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("UNIONBENCH_DB", str(demo_db_path))
    monkeypatch.chdir(ROOT)
    names, purposeful = data_names(store), shown_on_purpose()
    found = {}
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
        at.query_params["lang"] = pseudo_locale
        at.run()
        at.switch_page(f"app_pages/{page}.py")
        at.run()
        assert not at.exception, page
        texts = visible_texts(at)
        left = {f"{untranslated(text, names, purposeful)} ← {text[:60]}" for text in texts}
        left = {line for line in left if not line.startswith(" ← ")}
        if left:
            found[page] = sorted(left)
    assert not found


def test_a_language_the_product_does_not_speak_is_named_in_a_note_in_both_languages(demo_db_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("UNIONBENCH_DB", str(demo_db_path))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60)
    at.query_params["lang"] = "fr"
    at.run()
    assert not at.exception
    notes = " ".join(caption.value for caption in at.caption)
    assert i18n.t("lang.unavailable", "zh") in notes and i18n.t("lang.unavailable", "en") in notes
    assert not at.toast  # said once, not also by the generic "the link's value was not used"
    assert at.title[0].value.startswith("广元市")  # shown in Chinese, the default


def test_adding_a_language_is_one_po_file_data_rows_and_one_line_and_a_name_without_a_row_stays_chinese(
    pseudo_locale, writable_db, tmp_path, monkeypatch, capsys
):
    """The pseudo-locale (its .po file and its line in LANGUAGES, from the fixture) plus names rows imported with
    `unionbench names import`: the CLI and a page show those names; a place with no row keeps its Chinese name."""
    from streamlit.testing.v1 import AppTest

    from unionbench.cli import main
    from unionbench.settings import read_settings
    from unionbench.store import Replica

    reader = Replica(writable_db)
    before, settings = reader.current(), read_settings(reader.current())
    admin = before.query("accounts").query("role == 'admin'")["name"].iloc[0]
    home_zh = before.query("region_names", adcodes=[settings.home]).at[0, "name_zh"]
    assert main(["--db", str(writable_db), "compare", "--lang", pseudo_locale]) == 0
    shown = capsys.readouterr().out.splitlines()[1].split(",")  # the first indicator's row, names in Chinese
    indicator, name_zh = shown[0], shown[1]
    assert name_zh == before.query("indicator_catalogue").set_index("id").at[indicator, "name_zh"]
    reader.close()

    rows = tmp_path / "names.csv"
    rows.write_text(
        "kind,key,field,lang,text\n"
        f"indicator,{indicator},name,{pseudo_locale},Pseudo indicator name\n"
        f"set,{settings.benchmark},name,{pseudo_locale},Pseudo set name\n",
        encoding="utf-8",
    )
    assert main(["--db", str(writable_db), "names", "import", str(rows), "--user", admin]) == 0
    assert main(["--db", str(writable_db), "compare", "--lang", pseudo_locale]) == 0
    out = capsys.readouterr().out
    assert f"{indicator},Pseudo indicator name," in out and name_zh not in out

    monkeypatch.setenv("UNIONBENCH_DB", str(writable_db))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.query_params["lang"] = pseudo_locale
    at.run()
    assert not at.exception
    assert at.selectbox(key="bench").value == settings.benchmark
    assert "Pseudo set name" in at.selectbox(key="bench").options
    title = at.title[0].value
    assert "Pseudo set name" in title and home_zh in title  # the home city has no row in the language: Chinese

"""Names in other languages as rows: `unionbench names import|export`, all or nothing, permission-checked and
audited; the read side picks a text in a language, the official Chinese one where the language has no row."""

from unionbench.cli import main
from unionbench.names import texts
from unionbench.read import views
from unionbench.store import Replica


def admin_of(db) -> str:
    reader = Replica(db)
    try:
        return reader.current().query("accounts").query("role == 'admin'")["name"].iloc[0]
    finally:
        reader.close()


def names_file(tmp_path, lines: list[str]):
    path = tmp_path / "names.csv"
    path.write_text("kind,key,field,lang,text\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_stored_text_has_a_text_in_a_language_without_rows_the_chinese_one(store):
    for kind, field in (("indicator", "name"), ("indicator", "unit"), ("set", "name"), ("place", "name")):
        assert texts(store, kind, field, "fr") == texts(store, kind, field, "zh")
    assert views.set_names(store, "en") != views.set_names(store, "zh")  # English is rows like any language


def test_names_imported_for_a_language_are_exported_and_shown_in_that_language(writable_db, tmp_path, capsys):
    reader = Replica(writable_db)
    rule = reader.current().query("validation_rules")["id"].iloc[0]  # the rule ids are the shipped data's
    reader.close()
    file = names_file(tmp_path, ["place,510824,name,fr,Comté de Cangxi", f"rule,{rule},message,fr,Trop"])

    assert main(["--db", str(writable_db), "names", "import", str(file), "--user", admin_of(writable_db)]) == 0
    assert "2 added" in capsys.readouterr().out
    assert main(["--db", str(writable_db), "names", "export"]) == 0
    exported = capsys.readouterr().out
    assert "place,510824,name,fr,Comté de Cangxi" in exported and ",en," in exported
    reader = Replica(writable_db)
    store = reader.current()
    assert views.region_names(store, ["510824", "510800"], "fr") == {"510824": "Comté de Cangxi", "510800": "广元市"}
    assert store.query("region_names", adcodes=["510824"]).at[0, "name_en"] == "Cangxi County"  # English untouched
    assert main(["--db", str(writable_db), "audit"]) == 0
    assert "names_import,fr" in capsys.readouterr().out
    reader.close()


def test_a_names_file_with_any_bad_row_is_refused_whole_naming_row_column_value_and_reason(
    writable_db, tmp_path, capsys
):
    file = names_file(
        tmp_path,
        [
            "place,510824,name,fr,Comté de Cangxi",  # good, but the file is refused whole
            "planet,x,name,fr,Mars",
            "place,999999,name,fr,Nulle part",
            "set,suineilu,name,zh,遂内泸",
            "place,510800,name,fr,=HYPERLINK(1)",
        ],
    )

    assert main(["--db", str(writable_db), "names", "import", str(file), "--user", admin_of(writable_db)]) == 1

    err = capsys.readouterr().err
    assert "nothing was written" in err
    for row, column, value in ((3, "kind", "planet"), (4, "key", "999999"), (5, "lang", "zh"), (6, "text", "=HYP")):
        assert f"row {row}, {column} “{value}" in err
    assert "不是可用的值" in err and "Not an allowed value" in err
    assert main(["--db", str(writable_db), "names", "export"]) == 0
    assert ",fr," not in capsys.readouterr().out


def test_a_reporter_may_not_import_names_and_the_refusal_is_audited(writable_db, tmp_path, capsys):
    reader = Replica(writable_db)
    reporter = reader.current().query("accounts").query("role == 'reporter'")["name"].iloc[0]
    reader.close()
    file = names_file(tmp_path, ["place,510824,name,fr,Comté de Cangxi"])

    assert main(["--db", str(writable_db), "names", "import", str(file), "--user", reporter]) == 1

    assert "may not do this" in capsys.readouterr().err
    assert main(["--db", str(writable_db), "audit"]) == 0
    assert f"{reporter},refused,names" in capsys.readouterr().out

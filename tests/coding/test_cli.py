import json

from typer.testing import CliRunner

from rasd.cli.main import app


def test_classify_command(tmp_path):
    docs = tmp_path / "docs.jsonl"
    lines = [
        {"id": "a", "text": "اندلعت اشتباكات بين الجيش ومسلحين في ريف المدينة"},
        {"id": "b", "text": "Hundreds of people staged a protest in the capital."},
        {"id": "c", "text": "The weather was mild."},
    ]
    docs.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["classify", str(docs)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["a\tArmed clash", "b\tPeaceful protest", "c\tnone"]


def test_classify_command_bad_line(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"text": "no id"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["classify", str(docs)])
    assert result.exit_code == 2

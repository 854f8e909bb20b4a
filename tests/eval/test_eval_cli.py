import json
from pathlib import Path
from typing import Any

import pytest
import typer
from eval_kit import BATTLES, gold_event, pred
from typer.testing import CliRunner

import rasd.eval.run as run
from rasd.cli.eval_cmd import eval_command
from rasd.model import Event

# A private app: with a single command typer would drop the "eval" word.
cli = typer.Typer()
cli.command("eval")(eval_command)
cli.command("noop")(lambda: None)
runner = CliRunner()


def invoke(*args: str) -> Any:
    return runner.invoke(cli, ["eval", *map(str, args)])


def write_gold(tmp_path: Path) -> Path:
    doc = {
        "doc": "night-raid.en.txt",
        "published": "2024-03-11",
        "events": [
            json.loads(gold_event("raid", fatalities=1).model_dump_json()),
            json.loads(
                gold_event("clash", event_type=BATTLES, sub_event_type="Armed clash").model_dump_json()
            ),
        ],
    }
    path = tmp_path / "night-raid.gold.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "night-raid.en.txt").write_text("A drone hit a depot overnight.", encoding="utf-8")
    return path


def write_preds(path: Path, events: list[Event]) -> Path:
    path.write_text("".join(e.model_dump_json() + "\n" for e in events), encoding="utf-8")
    return path


def test_gold_with_predictions_json_and_table(tmp_path: Path) -> None:
    gold = write_gold(tmp_path)
    preds = write_preds(tmp_path / "p.jsonl", [pred("p1", doc_id="night-raid", fatalities=1)])
    result = invoke(gold, "--pred", preds, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["summary"]["tp"], data["summary"]["fn"], data["summary"]["recall"]) == (1, 1, 0.5)
    assert data["fields"]["fatalities"]["accuracy"] == 1.0
    table = invoke(gold, "--pred", preds)
    assert table.exit_code == 0
    assert "precision" in table.stdout and "clash" in table.stdout and "miss" in table.stdout


def test_gold_runs_the_extractor_on_the_text_beside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def fake_extract(text: str, published: Any = None, doc_id: str | None = None) -> list[Event]:
        seen.update(text=text, published=str(published), doc_id=doc_id)
        return [pred("x1", doc_id=None)]

    monkeypatch.setattr(run, "load_extractor", lambda: fake_extract)
    result = invoke(write_gold(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    assert seen == {
        "text": "A drone hit a depot overnight.",
        "published": "2024-03-11",
        "doc_id": "night-raid.en.txt",
    }
    assert json.loads(result.stdout)["summary"]["tp"] == 1


def test_missing_extractor_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def unavailable() -> None:
        raise RuntimeError("rasd.extract is not available yet; pass --pred FILE")

    monkeypatch.setattr(run, "load_extractor", unavailable)
    result = invoke(write_gold(tmp_path))
    assert result.exit_code == 2 and "pass --pred" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("absent.json", None, "gold file not found"),
        ("broken.json", '{"doc": "a", "events": [', "invalid JSON"),
        ("typo.json", '{"doc": "a", "evnts": []}', "evnts: Extra inputs are not permitted"),
    ],
)
def test_bad_gold_exits_2_naming_file(tmp_path: Path, name: str, content: str | None, reason: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = invoke(path, "--pred", tmp_path / "p.jsonl")
    assert result.exit_code == 2
    assert name in result.stderr and reason in result.stderr


def test_bad_predictions_name_the_line(tmp_path: Path) -> None:
    preds = tmp_path / "p.jsonl"
    preds.write_text(pred("ok").model_dump_json() + "\n" + '{"id": "x"}\n', encoding="utf-8")
    result = invoke(write_gold(tmp_path), "--pred", preds)
    assert result.exit_code == 2 and "p.jsonl:2: not a rasd Event" in result.stderr


def test_exactly_one_input_kind(tmp_path: Path) -> None:
    assert invoke().exit_code == 2
    assert invoke(write_gold(tmp_path), "--labels", tmp_path / "l.jsonl").exit_code == 2


def test_acled_with_predictions(tmp_path: Path) -> None:
    csv_path = tmp_path / "acled.csv"
    csv_path.write_text(
        "event_id_cnty,event_date,event_type,sub_event_type,actor1,inter1,inter2,country,latitude,longitude,notes,fatalities\n"
        'TST1,2024-03-10,Explosions/Remote violence,Air/drone strike,Unknown,3,0,Testland,36.0,38.0,"A drone hit.",0\n'
        'TST2,2024-03-10,Battles,Armed clash,Unknown,3,1,Otherland,36.0,38.0,"They clashed.",2\n',
        encoding="utf-8",
    )
    preds = write_preds(tmp_path / "p.jsonl", [pred("a", doc_id="TST1")])
    result = invoke("--acled", csv_path, "--pred", preds, "--country", "Testland", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["rows"] == 1 and data["fields"]["geo_10km"]["accuracy"] == 1.0
    assert "ACLED rows: 2" in invoke("--acled", csv_path, "--pred", preds).stdout


def test_labels_with_tsv_and_with_classifier(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    labels = tmp_path / "l.jsonl"
    rows = [{"id": "1", "text": "drone hit", "label": "Air"}, {"id": "2", "text": "guns", "label": "Clash"}]
    labels.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    tsv = tmp_path / "p.tsv"
    tsv.write_text("1\tAir\n2\tAir\n", encoding="utf-8")
    result = invoke("--labels", labels, "--pred", tsv, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["confusion"] == {"Air": {"Air": 1}, "Clash": {"Air": 1}}
    table = invoke("--labels", labels, "--pred", tsv)
    assert "macro F1" in table.stdout and "Confusion" in table.stdout
    monkeypatch.setattr(
        run, "load_classifier", lambda: lambda text: ("Air" if "drone" in text else "Clash", 0.9)
    )
    assert json.loads(invoke("--labels", labels, "--json").stdout)["accuracy"] == 1.0


def test_extractor_failing_everywhere_exits_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(text: str, published: Any = None, doc_id: str | None = None) -> list[Event]:
        raise ImportError("half-built stack")

    monkeypatch.setattr(run, "load_extractor", lambda: broken)
    result = invoke(write_gold(tmp_path))
    assert result.exit_code == 1
    assert "half-built stack" in result.stdout and "failed on every input" in result.stderr

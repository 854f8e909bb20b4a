"""`rasd check` validates knowledge files and names the file and line of a problem."""

import os
import subprocess
import sys


def run_check(env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **env_extra}
    return subprocess.run(
        [sys.executable, "-m", "rasd.cli.main", "check"], capture_output=True, text=True, env=env, timeout=120
    )


def test_shipped_knowledge_is_valid():
    result = run_check({})
    assert result.returncode == 0, result.stderr
    assert "ok  count words" in result.stdout


def test_a_broken_override_is_reported_with_file_and_line(tmp_path):
    (tmp_path / "counts.tsv").write_text("lang\tterm\tfield\tposition\nen\tkilled\tfatalities\tsideways\n")
    result = run_check({"RASD_KNOWLEDGE": str(tmp_path)})
    assert result.returncode == 1
    assert f"{tmp_path / 'counts.tsv'}:2: position must be before, after or either" in result.stderr


def test_a_role_cue_with_a_bad_reach_is_reported(tmp_path):
    (tmp_path / "place_roles.tsv").write_text("lang\tcue\trole\treach\nar\tمن اتجاه\tlaunch\tfar\n")
    result = run_check({"RASD_KNOWLEDGE": str(tmp_path)})
    assert result.returncode == 1
    assert f"{tmp_path / 'place_roles.tsv'}:2: reach must be a whole number from 1 to 8" in result.stderr

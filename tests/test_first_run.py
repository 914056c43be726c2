"""What a new user meets first: synth says what to build, build leaves synth's truth.jsonl out with
one line, an unknown --format is a usage error, and the README says how to get `hospnet` on PATH."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hospnet.build import build
from hospnet.synth import synthesize

ROOT = Path(__file__).resolve().parents[1]
HOSPNET = str(Path(sys.executable).with_name("hospnet"))


def test_build_of_a_synth_folder_skips_its_truth_file_with_one_line(store, settings, tmp_path):
    corpus = synthesize(4, 7, tmp_path / "synth")
    summary = build([tmp_path / "synth"], store, settings)
    assert summary.failed == []
    assert summary.read == 4 and summary.stored == 4
    assert summary.notes == [
        f"skipped {corpus.truth}: a graph export (hospnet export, or hospnet synth's ground truth), "
        "not documents; `hospnet import` loads it"
    ]


def test_synth_says_which_folder_to_build(tmp_path):
    done = subprocess.run(
        [HOSPNET, "synth", "--docs", "2", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"hospnet build {tmp_path / 'docs'}" in done.stdout


def test_unknown_row_format_is_a_usage_error(tmp_path):
    for argv in (
        ["query", "run", "supporters", "--format", "xml"],
        ["cypher", "RETURN 1", "--format", "xml"],
    ):
        done = subprocess.run(
            [HOSPNET, *argv],
            capture_output=True,
            text=True,
            timeout=120,
            env={"HOSPNET_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        )
        assert done.returncode == 2, (argv, done.stdout, done.stderr)
        assert "unknown format 'xml'" in done.stderr


def test_readme_and_demo_say_how_to_get_hospnet_on_path():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme[readme.index("bash scripts/demo") : readme.index("## Usage")]
    assert "source .venv/bin/activate" in setup
    assert "source .venv/bin/activate" in (ROOT / "scripts" / "demo").read_text(encoding="utf-8")

"""Corrections survive an extractor upgrade and a SIGKILL during apply, and feed `hospnet eval`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import yaml

from hospnet.build import build, sample_corpus
from hospnet.corrections import apply_all
from hospnet.corrections import facts
from hospnet.corrections.gold import export_gold
from hospnet.evaluate import evaluate
from hospnet.graph.jsonl import import_jsonl
from hospnet.names import fold

from .conftest import ADD_FROM, ADD_TO, GONE, KEEP, RECEIVER, SET_NODE, SUPPORTER, export, make_four

RULES = Path(__file__).resolve().parents[2] / "hospnet" / "data" / "rules" / "relations.yaml"


def _changed_rules(tmp_path: Path) -> Path:
    """The relation rules of a 'new extractor version': one rule fewer, one trigger word more."""
    data = yaml.safe_load(RULES.read_text("utf-8"))
    data["rules"] = [rule for rule in data["rules"] if rule["id"] != "supports.active"]
    path = tmp_path / "relations-v2.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_every_correction_holds_after_an_extractor_upgrade(built, csettings, tmp_path, monkeypatch):
    from hospnet.extract import relations, rules, support

    store, ledger = built, csettings.corrections_path
    make_four(store, ledger)
    old_rules_graph = export(store)
    upgraded = rules.load_rules(_changed_rules(tmp_path))
    monkeypatch.setattr(relations, "load_rules", lambda path=None: upgraded)
    monkeypatch.setattr(support, "load_rules", lambda path=None: upgraded)
    store.clear()
    summary = build(None, store, csettings)
    assert export(store) != old_rules_graph  # the new rules read the sample differently
    assert summary.corrections.lost == []
    assert (
        facts.relationship(store, {"type": "SUPPORTS", "from": SUPPORTER, "to": RECEIVER}) is None
    )
    assert (
        facts.node(store, GONE) is None
        and "Bệnh viện Đa khoa Khu vực Tây Bắc Nghệ An" in facts.node(store, KEEP)["aliases"]
    )
    assert facts.relationship(store, {"type": "SUPPORTS", "from": ADD_FROM, "to": ADD_TO})[
        "curated_by"
    ] == ["minh"]
    assert facts.node(store, SET_NODE)["level"] == "provincial"


def _env(settings) -> dict[str, str]:
    """The HOSPNET_* environment of these settings, for a `hospnet` child process."""
    env = dict(os.environ)
    for name, value in settings.model_dump().items():
        if value is not None and not isinstance(value, (list, dict)):
            env[f"HOSPNET_{name.upper()}"] = str(value)
    return env


def test_sigkill_during_apply_then_rerun_gives_the_same_graph(built, csettings, tmp_path):
    store, ledger = built, csettings.corrections_path
    plain = tmp_path / "uncorrected.jsonl"
    plain.write_text(export(store), encoding="utf-8")
    make_four(store, ledger)
    expected = export(store)
    store.clear()
    import_jsonl(store, plain)  # the library import, which does not apply the ledger
    assert export(store) == plain.read_text("utf-8")
    command = [sys.executable, "-m", "hospnet.cli", "corrections", "apply"]
    child = subprocess.Popen(command, env=_env(csettings), stdout=subprocess.PIPE, text=True)
    first = child.stdout.readline()
    os.kill(child.pid, signal.SIGKILL)  # after the first correction, while the others are applied
    child.wait()
    assert "applied" in first, first
    halfway = export(store)
    assert halfway != expected
    done = subprocess.run(command, env=_env(csettings), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "0 lost" in done.stdout
    assert export(store) == expected
    assert [o.status for o in apply_all(store, ledger).outcomes] == ["held"] * 4


def test_the_gold_export_is_accepted_by_hospnet_eval(built, csettings, tmp_path):
    store, ledger = built, csettings.corrections_path
    make_four(store, ledger)
    gold = tmp_path / "gold"
    written = export_gold(store, gold, sample_corpus())
    assert len(written) >= 15
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "hospnet.cli",
            "eval",
            str(gold),
            str(sample_corpus()),
            "--no-misses",
        ],
        capture_output=True,
        text=True,
        env=_env(csettings),
    )
    assert result.returncode == 0, result.stderr
    assert f"documents: {len(written)}" in result.stdout
    report = evaluate(gold, sample_corpus())
    # The rejected relationship is what the extractor still reads: the one false positive the correction made.
    supporter = fold(facts.node(store, SUPPORTER)["name"])
    receiver = fold(facts.node(store, RECEIVER)["name"])
    assert [m.kind for m in report.misses if m.key == ("SUPPORTS", supporter, receiver)] == ["fp"]

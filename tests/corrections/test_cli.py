"""`hospnet correct …` and `hospnet corrections …` as a user runs them: one line per result or error."""

from __future__ import annotations

import json
import subprocess
import sys

from hospnet.corrections import Ledger
from hospnet.corrections import facts

from .conftest import GONE, KEEP, RECEIVER, SET_NODE, SUPPORTER
from .test_lasting import _env


def _hospnet(settings, *args: str) -> subprocess.CompletedProcess:
    env = {**_env(settings), "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "hospnet.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_correct_commands_record_apply_and_refuse(built, csettings):
    store, ledger = built, csettings.corrections_path
    merged = _hospnet(
        csettings, "correct", "merge", KEEP, GONE, "--why", "one hospital", "--who", "lan"
    )
    assert merged.returncode == 0, merged.stderr
    assert (
        merged.stdout.startswith("c-")
        and "merge recorded in" in merged.stdout
        and merged.stdout.rstrip().endswith("applied")
    )
    assert facts.node(store, GONE) is None
    rel = ["--type", "supports", "--from", SUPPORTER, "--to", RECEIVER]
    assert (
        _hospnet(
            csettings, "correct", "set", "status=done", *rel, "--why", "a test", "--who", "lan"
        ).returncode
        == 0
    )
    assert (
        facts.relationship(store, {"type": "SUPPORTS", "from": SUPPORTER, "to": RECEIVER})["status"]
        == "done"
    )
    assert (
        _hospnet(
            csettings, "correct", "set", SET_NODE, "level=district", "--why", "a test"
        ).returncode
        == 0
    )
    assert facts.node(store, SET_NODE)["level"] == "district"

    lines = ledger.read_text("utf-8")
    for args in (
        ["correct", "merge", KEEP, KEEP, "--why", "x"],
        ["correct", "set", "hospital:nope", "level=central", "--why", "x"],
        ["correct", "merge", KEEP, GONE, "--why", "x"],
    ):
        refused = _hospnet(csettings, *args)
        assert (
            refused.returncode == 1
            and refused.stderr.startswith("Error: ")
            and len(refused.stderr.strip().splitlines()) == 1
        )
    assert ledger.read_text("utf-8") == lines

    first = Ledger(ledger).read()[0]
    shown = _hospnet(csettings, "corrections", "show", first.id)
    assert json.loads(shown.stdout)["target"] == {"keep": KEEP, "gone": GONE}
    listed = _hospnet(csettings, "corrections", "list")
    assert "3 correction(s)" in listed.stdout and first.id in listed.stdout
    again = _hospnet(csettings, "corrections", "apply")
    assert "corrections: 0 applied, 3 already held, 0 lost" in again.stdout
    undone = _hospnet(csettings, "corrections", "undo", first.id, "--why", "wrong after all")
    assert undone.returncode == 0 and f"undid {first.id}" in undone.stdout
    assert facts.node(store, GONE) is not None
    assert _hospnet(csettings, "corrections", "show", "c-nope").returncode == 1

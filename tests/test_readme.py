"""Docs that fail when they rot: every command has help and a README section, and the README's
console examples run and print what the README shows (on the embedded store, sample corpus built).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import typer.main

from hospnet.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
HOSPNET = str(Path(sys.executable).with_name("hospnet"))


def _commands(group: typer.Typer, prefix: str = "hospnet") -> list[tuple[str, object]]:
    click_group = typer.main.get_command(group)
    found = []

    def walk(cmd, path):
        subcommands = getattr(cmd, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, f"{path} {name}")
        else:
            found.append((path, cmd))

    walk(click_group, prefix)
    return found


def test_every_command_has_help_and_a_readme_section():
    commands = _commands(app)
    assert len(commands) >= 15
    for path, cmd in commands:
        assert (cmd.help or "").strip(), f"{path} has no help text"
        assert f"`{path}" in README, f"README has no section for `{path}`"


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    """(info string, lines) of each fenced block: "console" for ```console, "" for a bare ```."""
    blocks: list[tuple[str, list[str]]] = []
    current: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("```"):
            if current is None:
                current = []
                blocks.append((line[3:].strip(), current))
            else:
                current = None
        elif current is not None:
            current.append(line)
    return blocks


def console_examples(text: str, info: str = "console") -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for each `$ hospnet …` line in the blocks fenced `info`."""
    examples = []
    for fence, lines in _blocks(text):
        if fence != info:
            continue
        current = None
        for line in lines:
            if line.startswith("$ "):
                current = (line[2:].strip(), [])
                examples.append(current)
            elif current is not None and line.strip() and line.strip() != "…":
                current[1].append(line.rstrip())
    return examples


def assert_prints(command: str, cwd: Path, env: dict[str, str], expected: list[str]) -> None:
    """`command` succeeds and every shown line begins a printed line, in order ("…" stands for
    lines left out)."""
    argv = shlex.split(command)
    assert argv[0] == "hospnet"
    result = subprocess.run(
        [HOSPNET, *argv[1:]], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    output = [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]
    position = 0
    for line in expected:
        while position < len(output) and not output[position].startswith(line):
            position += 1
        assert position < len(output), (
            f"README line not printed by `{command}`:\n{line}\n--- got:\n" + "\n".join(output)
        )


EXAMPLES = console_examples(README)


@pytest.fixture(scope="module")
def readme_env(falkordb_dir):
    """A working folder and an embedded store holding the sample corpus, as after `hospnet build`."""
    work = Path(tempfile.mkdtemp(prefix="hn-readme-"))
    env = {
        **os.environ,
        "HOSPNET_DATA_DIR": str(falkordb_dir),
        "HOSPNET_GRAPH_NAME": "readme",
        "COLUMNS": "100",
        "HOSPNET_STORE": "falkordb",
        "NO_COLOR": "1",
        "TERM": "dumb",
    }
    env.pop("HOSPNET_NEO4J_URI", None)
    yield work, env
    shutil.rmtree(work, ignore_errors=True)


def test_readme_has_console_examples():
    assert len(EXAMPLES) >= 8
    assert EXAMPLES[0][0].startswith("hospnet build"), (
        "the first example builds the sample corpus the others read"
    )


@pytest.mark.parametrize("command,expected", EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_prints_what_the_readme_shows(readme_env, command, expected):
    work, env = readme_env
    assert_prints(command, work, env, expected)


# The extraction scores the README quotes: run from the checkout, where the gold sets are.
EVAL_EXAMPLES = [e for e in console_examples(README, info="") if e[0].startswith("hospnet eval")]


def test_readme_quotes_the_eval_runs():
    assert len(EVAL_EXAMPLES) >= 3


@pytest.mark.parametrize("command,expected", EVAL_EXAMPLES, ids=[c for c, _ in EVAL_EXAMPLES])
def test_readme_eval_figures_are_what_eval_prints(command, expected):
    assert_prints(command, ROOT, dict(os.environ, COLUMNS="100", NO_COLOR="1"), expected)

"""Docs that fail when they rot: every command has help and a README section, and the README's
console examples run and print what the README shows (on the embedded store, sample corpus built).
"""

from __future__ import annotations

import os
import re
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


def console_examples(text: str) -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for each `$ hospnet …` line in ```console blocks."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", text, re.DOTALL):
        current = None
        for line in block.splitlines():
            if line.startswith("$ "):
                current = (line[2:].strip(), [])
                examples.append(current)
            elif current is not None and line.strip() and line.strip() != "…":
                current[1].append(line.rstrip())
    return examples


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
    argv = shlex.split(command)
    assert argv[0] == "hospnet"
    result = subprocess.run(
        [HOSPNET, *argv[1:]], cwd=work, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    output = [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]
    position = 0
    for line in (
        expected
    ):  # every shown line begins a printed line, in order ("…" stands for lines left out)
        while position < len(output) and not output[position].startswith(line):
            position += 1
        assert position < len(output), (
            f"README line not printed by `{command}`:\n{line}\n--- got:\n" + "\n".join(output)
        )
        position += 1

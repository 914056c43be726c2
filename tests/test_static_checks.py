"""scripts/check fails on what it is there to catch: a type error, an unused function, a lint error."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

GOOD = '''"""A module the checks accept."""


def twice(n: int) -> int:
    return 2 * n


print(twice(2))
'''

BAD = {
    "type error": GOOD.replace("return 2 * n", 'return "2" * n + 1'),
    "unused function": GOOD + "\n\ndef never_called() -> int:\n    return 1\n",
    "lint error": GOOD.replace(
        '"""A module the checks accept."""', '"""A module the checks accept."""\n\nimport os'
    ),
    "unformatted": GOOD.replace("return 2 * n", "return 2*n"),
}


def _check(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    module = tmp_path / "sample.py"
    module.write_text(source)
    return subprocess.run(
        ["bash", "scripts/check", str(module)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_clean_module_passes(tmp_path):
    result = _check(tmp_path, GOOD)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("fault", sorted(BAD))
def test_each_fault_fails_the_check(tmp_path, fault):
    result = _check(tmp_path, BAD[fault])
    assert result.returncode != 0, f"{fault} passed the checks"

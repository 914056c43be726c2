"""The import direction of STYLE.md holds: import-linter's contracts from pyproject.toml."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken" in result.stdout


def test_no_module_imports_another_packages_private_names():
    """A name with a leading underscore is its module's own: another package asks for a public one."""
    import ast

    root = Path(__file__).resolve().parents[1] / "hospnet"
    found = []
    for path in root.rglob("*.py"):
        package = path.relative_to(root).parts[0] if len(path.relative_to(root).parts) > 1 else ""
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.ImportFrom):
                continue
            same_package = node.level == 1 and package
            target = (
                package
                if same_package
                else (node.module or "").removeprefix("hospnet.").split(".")[0]
            )
            private = [
                a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")
            ]
            if private and target != package:
                found.append(f"{path.relative_to(root)}: {', '.join(private)} from {node.module}")
    assert not found, found


def git_grep(pattern: str, *paths: str) -> str:
    """The lines of the tracked files under `paths` that match `pattern` (git grep's basic regex)."""
    found = subprocess.run(
        ["git", "grep", "-n", pattern, "--", *paths], capture_output=True, text=True, cwd=ROOT
    )
    assert found.returncode in (0, 1), found.stderr  # 1: no line matched
    return found.stdout


ABOVE_EXTRACTION = ("hospnet/analysis", "hospnet/api", "hospnet/viz", "hospnet/synth")


def test_geography_has_one_home():
    """Analysis, the API, the visualisation, the synthetic corpus and the report learn geography
    from hospnet.places."""
    pattern = r"\(^\|[^a-z]\)_tables\|extract.provinces\|from \.\.extract\.provinces"
    assert git_grep(pattern, *ABOVE_EXTRACTION, "hospnet/reports") == ""


def test_no_stage_above_extraction_imports_the_extractor():
    """#17's grep: analysis, the API, the visualisation and the synthetic corpus import nothing of
    hospnet.extract (the hospital gazetteer they share is hospnet.gazetteer)."""
    assert git_grep(r"_tables\|from \.\.extract\|hospnet\.extract", *ABOVE_EXTRACTION) == ""


def test_the_hospital_gazetteer_has_one_reader():
    """hospitals.json is read by hospnet.gazetteer alone; the extractor asks it for the records."""
    readers = git_grep(r'hospitals\.json"', "hospnet/*.py")
    assert [line.split(":")[0] for line in readers.splitlines()] == ["hospnet/gazetteer.py"]
    from hospnet.extract import gazetteers
    from hospnet.gazetteer import known_hospitals

    assert gazetteers.hospitals() is known_hospitals() and len(known_hospitals()) > 50

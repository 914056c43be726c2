"""examples/researcher.ipynb runs top to bottom (nbclient, a real kernel) on each store, and its cells
give the rows the sample corpus holds."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

from hospnet import queries

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "researcher.ipynb"


def _text(cell) -> str:
    parts = []
    for output in cell.outputs:
        parts.append(output.get("text", ""))
        parts.append(output.get("data", {}).get("text/plain", ""))
    return "\n".join(part for part in parts if part)


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(
        not c.get("outputs") and c.get("execution_count") is None
        for c in nb.cells
        if c.cell_type == "code"
    )


def test_notebook_runs_and_answers(settings, store, monkeypatch, tmp_path):
    env = settings.store_environment()
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    cells = {tag: cell for cell in nb.cells for tag in cell.metadata.get("tags", [])}

    assert f"documents in the graph ({settings.backend})" in _text(cells["build"])
    # The rows the notebook shows are the query modules' rows over the graph it built.
    supporters = _text(cells["supporters"])
    expected = queries.run(store, "supporters", {"name": "phu tho"})
    assert expected and all(
        row["supporter"] in supporters and row["supported"] in supporters for row in expected
    )
    uncovered = _text(cells["uncovered"])
    provinces = queries.run(store, "provinces_without_central_supporter")
    assert f"{len(provinces)} provinces" in uncovered and provinces[0]["province"] in uncovered
    top = queries.run(store, "hubs_by_units_supported", {"limit": 10})[0]
    assert top["hospital"] in _text(cells["hubs"]).splitlines()[1]  # the first row: the biggest hub
    assert "support links" in _text(cells["networkx"])
    assert any("image/png" in output.get("data", {}) for output in cells["chart"].outputs)

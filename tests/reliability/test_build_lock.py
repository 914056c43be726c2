"""Two builds at once into one store: the second is refused with one line and exit 4, the first
goes on untouched. Two real `hospnet build` processes on each store."""

from __future__ import annotations

import subprocess

from hospnet.graph import open_store

from .conftest import HOSPNET, cli_env, export, hospnet, wait_for_first_documents, write_documents
from .test_resume import summary_count


def test_a_second_build_into_the_same_store_is_refused(rsettings, tmp_path):
    corpus = write_documents(tmp_path / "corpus", 300)
    other = write_documents(tmp_path / "other", 5, seed=2)
    first = subprocess.Popen(
        [str(HOSPNET), "build", str(corpus)],
        env=cli_env(rsettings, batch_size="50"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    store = open_store(rsettings)
    try:
        wait_for_first_documents(store, first)
        assert first.poll() is None, "the first build ended before the second started"
        second = hospnet(rsettings, "build", str(other), timeout=120)
        still_running = first.poll() is None
    finally:
        store.close()
    out, err = first.communicate(timeout=900)

    assert still_running, "the second build was not refused while the first ran"
    assert second.returncode == 4, (second.stdout, second.stderr)
    lines = [  # the progress bar had drawn its empty first frame
        line
        for line in second.stderr.splitlines()
        if line.strip() and not line.startswith("building")
    ]
    assert len(lines) == 1 and lines[0].startswith("Error: another build (pid "), second.stderr
    assert f"pid {first.pid})" in lines[0], lines[0]
    assert "Traceback" not in second.stderr
    assert first.returncode == 0, err
    assert summary_count(out, "stored") == 300
    sources = {
        r["properties"].get("source")
        for r in export(rsettings)
        if r["kind"] == "node" and r["label"] == "Document"
    }
    assert len(sources) == 300  # nothing of the refused build was written

    after = hospnet(rsettings, "build", str(other), timeout=600)  # the lock is free again
    assert after.returncode == 0, after.stderr
    assert summary_count(after.stdout, "stored") == 5

"""Nothing lost: a re-run is a no-op, failures are retried, and a build killed with SIGKILL resumes."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess

from .conftest import build_under_way, clear, cli_env, export, hospnet, write_documents

GOOD = (
    "Bệnh viện Bạch Mai chuyển giao kỹ thuật can thiệp mạch vành cho Bệnh viện Đa khoa tỉnh Phú Thọ\n\n"
    "Ngày 12/3/2021, Bệnh viện Bạch Mai ký hợp đồng hỗ trợ chuyên môn với Bệnh viện Đa khoa tỉnh Phú Thọ.\n"
)


def summary_count(output: str, row: str) -> int:
    """A number from the closing table of `hospnet build`."""
    match = re.search(rf"{re.escape(row)}\s*\S\s*(\d+)", output)
    assert match, f"no {row!r} row in:\n{output}"
    return int(match.group(1))


def ledger(settings) -> dict[str, str]:
    path = settings.data_dir / "failures.jsonl"
    if not path.exists():
        return {}
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {r["source"]: r["reason"] for r in records}


def test_running_a_build_twice_changes_nothing(rsettings, tmp_path):
    corpus = write_documents(tmp_path / "corpus", 30)
    first = hospnet(rsettings, "build", str(corpus))
    assert first.returncode == 0, first.stderr
    assert summary_count(first.stdout, "stored") == 30
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    assert hospnet(rsettings, "export", "--out", str(before)).returncode == 0

    second = hospnet(rsettings, "build", str(corpus))
    assert second.returncode == 0, second.stderr
    assert summary_count(second.stdout, "stored") == 0
    assert summary_count(second.stdout, "skipped (already ingested)") == 30
    assert hospnet(rsettings, "export", "--out", str(after)).returncode == 0
    assert before.read_bytes() == after.read_bytes()
    assert before.stat().st_size > 1000


def test_retry_failed_stores_a_file_fixed_in_place(rsettings, tmp_path):
    corpus = write_documents(tmp_path / "corpus", 5)
    broken = corpus / "zz-broken.txt"
    broken.write_bytes(b"")
    first = hospnet(rsettings, "build", str(corpus))
    assert first.returncode == 0, first.stderr
    assert str(broken) in ledger(rsettings)
    assert summary_count(first.stdout, "failed") == 1

    broken.write_text(GOOD, encoding="utf-8")
    retried = hospnet(rsettings, "build", "--retry-failed")
    assert retried.returncode == 0, retried.stderr
    assert summary_count(retried.stdout, "stored") == 1
    assert summary_count(retried.stdout, "failed") == 0
    assert str(broken) not in ledger(rsettings)
    titles = [
        r["properties"].get("title", "")
        for r in export(rsettings)
        if r["kind"] == "node" and r["label"] == "Document"
    ]
    assert any(t.startswith("Bệnh viện Bạch Mai chuyển giao") for t in titles)

    again = hospnet(rsettings, "build", "--retry-failed")  # nothing left to retry: a no-op
    assert again.returncode == 0 and summary_count(again.stdout, "stored") == 0


def test_a_build_killed_with_sigkill_resumes_to_the_same_graph(rsettings, tmp_path):
    corpus = write_documents(tmp_path / "corpus", 500)

    clean = hospnet(rsettings, "build", str(corpus))
    assert clean.returncode == 0, clean.stderr
    assert summary_count(clean.stdout, "stored") == 500
    expected = export(rsettings)
    clear(rsettings)

    # Small transactions, so the kill lands between commits of a build that has several.
    env = cli_env(rsettings, batch_size="100")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    with build_under_way(rsettings, corpus, env, start_new_session=True, **quiet) as (proc, store):
        assert proc.poll() is None, "the build finished before it could be killed"
        os.killpg(
            proc.pid, signal.SIGKILL
        )  # the build and its extraction workers, with no chance to clean up
        proc.wait(timeout=30)
        stored_at_kill = store.read("MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
    assert proc.returncode == -signal.SIGKILL
    assert 0 < stored_at_kill < 500

    resumed = hospnet(rsettings, "build", str(corpus), batch_size="100")
    assert resumed.returncode == 0, resumed.stderr
    assert summary_count(resumed.stdout, "skipped (already ingested)") == stored_at_kill
    assert summary_count(resumed.stdout, "stored") == 500 - stored_at_kill
    assert export(rsettings) == expected

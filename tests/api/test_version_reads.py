"""The cache's version reads are shared under load, but never with a read that began before the
request arrived (a client that has just seen its write close must not get the version before it)."""

from __future__ import annotations

import threading
import time

import pytest

from hospnet.api.cache import NextRead

SHARERS = 8


def _until(predicate, what: str) -> None:
    deadline = time.monotonic() + 10
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.005)


def test_requests_arriving_during_a_read_share_the_next_one_not_that_one():
    reads = NextRead()
    in_flight, release = threading.Event(), threading.Event()
    calls = {"old": 0, "new": 0}

    def old() -> str:
        calls["old"] += 1
        in_flight.set()
        assert release.wait(10)
        return "before the write"

    def new() -> str:
        calls["new"] += 1
        return "after the write"

    answers: list[str] = []
    first = threading.Thread(target=lambda: answers.append(reads(old)))
    first.start()
    assert in_flight.wait(10)
    later = [threading.Thread(target=lambda: answers.append(reads(new))) for _ in range(SHARERS)]
    for thread in later:
        thread.start()
    _until(lambda: len(reads._turn._waiters) == SHARERS, "every request to wait")  # type: ignore[attr-defined]
    release.set()
    for thread in [first, *later]:
        thread.join(10)
    assert sorted(answers) == ["after the write"] * SHARERS + ["before the write"]
    assert calls == {"old": 1, "new": 1}, "the waiting requests did not share one read"


def test_a_request_alone_reads_at_once_every_time():
    reads = NextRead()
    versions = iter(["v1", "v2", "v3"])
    assert [reads(lambda: next(versions)) for _ in range(3)] == ["v1", "v2", "v3"]


def test_a_failed_read_reaches_every_request_that_shared_it_and_the_next_read_runs():
    reads = NextRead()
    in_flight, release = threading.Event(), threading.Event()

    def slow() -> str:
        in_flight.set()
        assert release.wait(10)
        return "v1"

    def failing() -> str:
        raise ConnectionError("the store went away")

    errors: list[BaseException] = []

    def share() -> None:
        try:
            reads(failing)
        except ConnectionError as exc:
            errors.append(exc)

    first = threading.Thread(target=lambda: reads(slow))
    first.start()
    assert in_flight.wait(10)
    sharers = [threading.Thread(target=share) for _ in range(3)]
    for thread in sharers:
        thread.start()
    _until(lambda: len(reads._turn._waiters) == 3, "every request to wait")  # type: ignore[attr-defined]
    release.set()
    for thread in [first, *sharers]:
        thread.join(10)
    assert [str(e) for e in errors] == ["the store went away"] * 3
    assert reads(lambda: "v2") == "v2"
    with pytest.raises(ConnectionError):
        reads(failing)

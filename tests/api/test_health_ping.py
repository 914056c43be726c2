"""/health's probes share the ping in flight, and never an answer from before it."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from hospnet.api.routers.health import SharedPing
from hospnet.errors import StoreUnavailable


class CountingPing:
    """A ping that takes a while and counts how often it ran (the store's round trip stands in)."""

    def __init__(self, fails: bool = False) -> None:
        self.calls = 0
        self.fails = fails
        self._lock = threading.Lock()

    def __call__(self) -> str:
        with self._lock:
            self.calls += 1
            call = self.calls
        time.sleep(0.2)
        if self.fails:
            raise StoreUnavailable(f"store down (ping {call})")
        return f"ping {call}"


def test_probes_that_arrive_during_a_ping_share_it_and_the_next_one_pings_again():
    shared, ping = SharedPing(), CountingPing()

    async def burst() -> list[str]:
        return await asyncio.gather(*(shared(ping) for _ in range(20)))

    assert asyncio.run(burst()) == ["ping 1"] * 20
    assert ping.calls == 1
    assert asyncio.run(burst()) == ["ping 2"] * 20, "an answer was kept after its ping returned"


def test_a_failed_ping_reaches_every_waiter_and_is_not_kept():
    shared, ping = SharedPing(), CountingPing(fails=True)

    async def burst() -> list[object]:
        return await asyncio.gather(*(shared(ping) for _ in range(5)), return_exceptions=True)

    answers = asyncio.run(burst())
    assert all(isinstance(a, StoreUnavailable) and "ping 1" in str(a) for a in answers), answers
    ping.fails = False
    assert asyncio.run(burst()) == ["ping 2"] * 5


def test_a_cancelled_probe_does_not_cancel_the_ping_others_wait_for():
    shared, ping = SharedPing(), CountingPing()

    async def one_gives_up() -> str:
        impatient = asyncio.ensure_future(shared(ping))
        patient = asyncio.ensure_future(shared(ping))
        await asyncio.sleep(0.05)
        impatient.cancel()
        with pytest.raises(asyncio.CancelledError):
            await impatient
        return await patient

    assert asyncio.run(one_gives_up()) == "ping 1"

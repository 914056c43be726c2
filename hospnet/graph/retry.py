"""The one retry policy for transient store faults (deadlock, busy, leader switch): how often, how long.

The batching writer retries whole batches with it, the Neo4j store its auto-commit work, and the
Neo4j driver's own retry of managed transactions gets its time budget from it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, TypeVar

from ..errors import TransientStoreError

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """Try `attempts` times, sleeping `backoff` seconds before the first retry and doubling.

    >>> RetryPolicy(attempts=3, backoff=0.0).run(lambda: "done")
    'done'
    """

    attempts: int = 4
    backoff: float = 0.25
    driver_budget: float = (
        10.0  # seconds the Neo4j driver may spend retrying one managed transaction
    )

    def run(self, work: Callable[[], T]) -> T:
        for attempt in range(self.attempts):
            try:
                return work()
            except TransientStoreError:
                if attempt == self.attempts - 1:
                    raise
                time.sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")


DEFAULT = RetryPolicy()

"""Every query module's documented example parameters (what `hospnet query list` prints) return rows on
the bundled sample corpus, on both stores."""

from __future__ import annotations

from hospnet import queries
from hospnet.build import build


def test_every_example_returns_rows_on_the_sample(store, settings):
    build(None, store, settings)
    empty = []
    for name, module in queries.modules().items():
        rows = queries.run(store, name, {p.name: p.example for p in module.params})
        if not rows:
            empty.append(name)
    assert empty == [], f"examples that return nothing on the sample: {empty}"

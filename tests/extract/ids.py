"""Node ids by label, for the extraction tests' expected facts: H("Bệnh viện Bạch Mai")."""

from __future__ import annotations

from functools import partial

from hospnet.names import make_id

H = partial(make_id, "Hospital")
P = partial(make_id, "Person")
O = partial(make_id, "Organization")  # noqa: E741
T = partial(make_id, "Technique")

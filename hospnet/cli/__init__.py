"""`hospnet …`: one thin command per library function; the only package that prints or exits."""

from __future__ import annotations

import sys

from rich.markup import escape

from ..errors import HospnetError
from . import ingest, graph, outputs, servers, corrections  # noqa: F401 (each registers its commands, in this order)
from .app import DEBUG, app
from .output import err

__all__ = ["app", "run"]


def run() -> None:
    """Entry point: HospnetError becomes one red line and exit 1; a traceback only with --debug."""
    try:
        app()
    except HospnetError as exc:
        if DEBUG["on"]:
            raise
        hint = f" ({exc.hint})" if exc.hint else ""
        line = " ".join(f"{exc}{hint}".split())  # one line, whatever the driver's message held
        err.print(
            f"[bold red]Error:[/] {escape(line)}", markup=True, highlight=False, soft_wrap=True
        )
        sys.exit(getattr(exc, "exit_code", 1))

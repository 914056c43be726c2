"""`hospnet correct …` makes a correction; `hospnet corrections …` lists, shows, undoes, applies, exports them."""

from __future__ import annotations

import getpass
import json
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from ..settings import Settings
from .app import app
from .output import console, err, opened_store, say

correct_app = typer.Typer(
    help="Correct the graph; the fix is kept in corrections.jsonl and outlasts every build.",
    no_args_is_help=True,
)
corrections_app = typer.Typer(
    help="The corrections ledger: list, show, undo, apply, export.", no_args_is_help=True
)
app.add_typer(correct_app, name="correct")
app.add_typer(corrections_app, name="corrections")

WHY = typer.Option(..., "--why", help="Why the graph is wrong (kept in the ledger).")
WHO = typer.Option(None, "--who", help="Who corrects; the login name when omitted.")


def report_corrections(report) -> None:
    """One line for the corrections a build or import applied, and one per lost correction."""
    if report is None or not report.outcomes:
        return
    applied, held = len(report.of("applied")), len(report.of("held"))
    say(f"corrections: {applied} applied, {held} already held, {len(report.lost)} lost")
    for outcome in report.lost:
        say(f"lost: {outcome.id} ({outcome.op}): {outcome.reason}", style="yellow")


def _rel_target(
    rel_type: str, start: str, end: str, technique: Optional[str], title: Optional[str]
) -> dict:
    target = {"type": rel_type, "from": start, "to": end}
    if technique:
        target["technique"] = technique
    if title:
        target["title"] = title
    return target


def _correct(op: str, target: dict, who: Optional[str], why: str) -> None:
    from ..corrections import correct

    settings = Settings()
    with opened_store(settings) as store:
        correction, outcome = correct(
            store, settings.corrections_path, op, target, who or getpass.getuser(), why
        )
    say(f"{correction.id}: {op} recorded in {settings.corrections_path} and {outcome.status}")


TYPE = typer.Option(None, "--type", help="Relationship type (SUPPORTS, TRANSFERS, …).")
FROM = typer.Option(None, "--from", help="Id of the relationship's start node.")
TO = typer.Option(None, "--to", help="Id of the relationship's end node.")
TECHNIQUE = typer.Option(None, "--technique", help="Technique id, for a TRANSFERS relationship.")
TITLE = typer.Option(None, "--title", help="Title, for a HOLDS_POSITION relationship.")


@correct_app.command("reject")
def reject(
    rel_type: Optional[str] = TYPE,
    start: Optional[str] = FROM,
    end: Optional[str] = TO,
    technique: Optional[str] = TECHNIQUE,
    title: Optional[str] = TITLE,
    node: Optional[str] = typer.Option(
        None, "--node", help="Reject a node with all its relationships."
    ),
    why: str = WHY,
    who: Optional[str] = WHO,
) -> None:
    """Reject a relationship (--type --from --to) or a node (--node) so that no build brings it back."""
    if node:
        _correct("reject", {"node": node}, who, why)
    elif rel_type and start and end:
        _correct("reject", _rel_target(rel_type, start, end, technique, title), who, why)
    else:
        raise typer.BadParameter("give --node ID, or --type, --from and --to")


@correct_app.command("add")
def add(
    rel_type: str = typer.Option(..., "--type", help="Relationship type."),
    start: str = typer.Option(..., "--from", help="Start node id."),
    end: str = typer.Option(..., "--to", help="End node id."),
    technique: Optional[str] = TECHNIQUE,
    title: Optional[str] = TITLE,
    document: Optional[str] = typer.Option(
        None, "--document", help="Id of the document that states it."
    ),
    sentence: Optional[str] = typer.Option(
        None, "--sentence", help="The sentence of that document."
    ),
    citation: Optional[str] = typer.Option(
        None, "--citation", help="A free-text source, when no document states it."
    ),
    prop: List[str] = typer.Option(
        [], "--set", help="key=value property of the relationship, repeatable."
    ),
    why: str = WHY,
    who: Optional[str] = WHO,
) -> None:
    """Add a relationship the documents do not state or the extractor missed, with its source."""
    target = _rel_target(rel_type, start, end, technique, title)
    target["properties"] = dict(_pair(p) for p in prop)
    target["source"] = {
        k: v
        for k, v in {"document": document, "sentence": sentence, "citation": citation}.items()
        if v
    }
    _correct("add", target, who, why)


@correct_app.command("merge")
def merge(
    keep: str = typer.Argument(..., help="Id of the node that stays."),
    gone: str = typer.Argument(..., help="Id of the node merged into it."),
    why: str = WHY,
    who: Optional[str] = WHO,
) -> None:
    """Merge GONE into KEEP: its name becomes an alias, its relationships move, later builds land on KEEP."""
    _correct("merge", {"keep": keep, "gone": gone}, who, why)


@correct_app.command("split")
def split(
    node: str = typer.Argument(..., help="Id of the node holding the wrong alias."),
    alias: str = typer.Argument(..., help="The alias to split off."),
    why: str = WHY,
    who: Optional[str] = WHO,
) -> None:
    """Split a wrongly merged alias off into a node of its own (with the facts whose evidence names it)."""
    _correct("split", {"node": node, "alias": alias}, who, why)


def _pair(text: str) -> tuple[str, str]:
    if "=" not in text:
        raise typer.BadParameter(f"expected property=value, got {text!r}")
    key, value = text.split("=", 1)
    return key.strip(), value


@correct_app.command("set")
def set_cmd(
    assignment: List[str] = typer.Argument(
        ..., help="ID property=value (a node), or property=value with --type/--from/--to."
    ),
    rel_type: Optional[str] = TYPE,
    start: Optional[str] = FROM,
    end: Optional[str] = TO,
    technique: Optional[str] = TECHNIQUE,
    title: Optional[str] = TITLE,
    why: str = WHY,
    who: Optional[str] = WHO,
) -> None:
    """Set a property: `hospnet correct set ID level=central --why "…"`, or a relationship's status or dates."""
    if rel_type and start and end and len(assignment) == 1:
        key, value = _pair(assignment[0])
        _correct(
            "set",
            {
                **_rel_target(rel_type, start, end, technique, title),
                "property": key,
                "value": value,
            },
            who,
            why,
        )
    elif len(assignment) == 2:
        key, value = _pair(assignment[1])
        _correct("set", {"node": assignment[0], "property": key, "value": value}, who, why)
    else:
        raise typer.BadParameter(
            "give ID property=value, or property=value with --type, --from and --to"
        )


@corrections_app.command("list")
def list_cmd() -> None:
    """Every correction in the ledger, oldest first, with whether it is undone."""
    from ..corrections import Ledger

    ledger = Ledger(Settings().corrections_path)
    undone = ledger.undone()
    table = Table()
    for column in ("id", "op", "who", "when", "target", "why", "state"):
        table.add_column(column, overflow="fold")
    records = ledger.read()
    for c in records:
        table.add_row(
            c.id,
            c.op,
            c.who,
            c.when,
            json.dumps(c.target, ensure_ascii=False),
            c.why,
            "undone" if c.id in undone else "",
        )
    console.print(table)
    console.print(f"{len(records)} correction(s)")


@corrections_app.command("show")
def show(correction_id: str = typer.Argument(..., help="Correction id (c-…).")) -> None:
    """One correction record as JSON."""
    from ..corrections import Ledger

    console.print_json(Ledger(Settings().corrections_path).get(correction_id).line())


@corrections_app.command("undo")
def undo_cmd(
    correction_id: str = typer.Argument(..., help="Correction id (c-…)."),
    why: str = WHY,
    who: Optional[str] = WHO,
) -> None:
    """Cancel a correction: an undo record is appended and the facts it touched are put back."""
    from ..corrections import undo

    settings = Settings()
    with opened_store(settings) as store:
        record = undo(
            store, settings.corrections_path, correction_id, who or getpass.getuser(), why
        )
    say(f"{record.id}: undid {correction_id}")


@corrections_app.command("apply")
def apply_cmd() -> None:
    """Apply the whole ledger now (every build, import and POST /documents does it too); re-running is a no-op."""
    from ..corrections import apply_all

    settings = Settings()

    def progress(outcome) -> None:
        say(
            f"{outcome.id} {outcome.op}: {outcome.status}{': ' + outcome.reason if outcome.reason else ''}"
        )
        console.file.flush()

    with opened_store(settings) as store:
        report = apply_all(store, settings.corrections_path, progress=progress)
    report_corrections(report)


@corrections_app.command("export")
def export_cmd(
    gold: Path = typer.Option(
        ...,
        "--gold",
        help="Folder to write one gold file per document into (the tests/gold format).",
    ),
    docs: Optional[Path] = typer.Option(
        None,
        "--docs",
        exists=True,
        help="Folder of the documents, so each gold file names its file.",
    ),
) -> None:
    """Write the corrected facts of each document as gold, for `hospnet eval GOLD DOCS`."""
    from ..corrections.gold import export_gold

    with opened_store(Settings()) as store:
        written = export_gold(store, gold, docs)
    err.print(f"wrote {len(written)} gold files to {gold}")

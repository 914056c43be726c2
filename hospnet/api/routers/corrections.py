"""GET /corrections (the ledger), POST /corrections (make one) and DELETE /corrections/{id} (undo), writes behind the API key."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Body, Depends, Path
from pydantic import BaseModel, Field

from ...corrections import Correction, CorrectionError, Ledger, correct, undo
from ...graph.base import GraphStore
from ...settings import Settings
from ..deps import get_settings, get_store, require_api_key
from ..errors import ApiError

router = APIRouter(tags=["corrections"])
_WRITE: dict[int | str, dict[str, Any]] = {
    401: {"description": "Missing or wrong X-API-Key."},
    403: {"description": "Writes are off (no HOSPNET_API_KEY)."},
    422: {
        "description": "The correction is refused (unknown id, self-merge, contradiction); nothing is written."
    },
    404: {"description": "No correction with that id."},
    409: {"description": "The correction is undone already."},
}


class CorrectionIn(BaseModel):
    op: Literal["reject", "add", "merge", "split", "set"] = Field(description="What to do.")
    target: dict[str, Any] = Field(
        description="What it applies to, as in corrections.jsonl: e.g. `{keep, gone}` for a merge, "
        "`{type, from, to}` for a relationship, `{node, property, value}` for a set."
    )
    who: str = Field(min_length=1, max_length=200, description="Who corrects.")
    why: str = Field(min_length=1, max_length=2000, description="Why the graph is wrong.")


class CorrectionOut(BaseModel):
    correction: dict[str, Any] = Field(
        description="The correction as the ledger holds it: id, op, target, who, why, when."
    )
    status: str = Field(
        description="applied, held (the graph already said so) or lost (its target is not in the graph)."
    )
    undone: bool = Field(False, description="Whether a later DELETE /corrections/{id} undid it.")


def _out(c: Correction, status: str, undone: bool = False) -> CorrectionOut:
    return CorrectionOut(correction=c.model_dump(), status=status, undone=undone)


@router.get("/corrections", response_model=list[CorrectionOut])
def list_corrections(settings: Settings = Depends(get_settings)) -> list[CorrectionOut]:
    """Every correction in the ledger, oldest first."""
    ledger = Ledger(settings.corrections_path)
    undone = ledger.undone()
    return [_out(c, "recorded", c.id in undone) for c in ledger.read()]


@router.post(
    "/corrections",
    response_model=CorrectionOut,
    dependencies=[Depends(require_api_key)],
    responses=_WRITE,
)
def post_correction(
    body: CorrectionIn = Body(...),
    store: GraphStore = Depends(get_store),
    settings: Settings = Depends(get_settings),
) -> CorrectionOut:
    """Record a correction and apply it now; every later build, import and ingest applies it again. Needs X-API-Key."""
    try:
        correction, outcome = correct(
            store, settings.corrections_path, body.op, body.target, body.who, body.why
        )
    except (CorrectionError, KeyError) as exc:
        message = f"the target lacks {exc}" if isinstance(exc, KeyError) else str(exc)
        raise ApiError(422, "bad_correction", message) from None
    return _out(correction, outcome.status)


@router.delete(
    "/corrections/{id}",
    response_model=CorrectionOut,
    dependencies=[Depends(require_api_key)],
    responses=_WRITE,
)
def delete_correction(
    id: str = Path(
        ..., max_length=40, pattern=r"^c-[0-9a-f]+$", description="Correction id, `c-…`."
    ),
    store: GraphStore = Depends(get_store),
    settings: Settings = Depends(get_settings),
) -> CorrectionOut:
    """Undo a correction: the ledger keeps an undo record and the facts it touched are put back. Needs X-API-Key."""
    ledger = Ledger(settings.corrections_path)
    try:
        target = ledger.get(id)
    except CorrectionError as exc:
        raise ApiError(404, "not_found", str(exc)) from None
    try:
        undo(store, settings.corrections_path, id, "api", "DELETE /corrections")
    except CorrectionError as exc:
        raise ApiError(409, "already_undone", str(exc)) from None
    return _out(target, "undone", True)
